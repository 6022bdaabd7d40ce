package frontier.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import frontier.model.PoolSpec;
import frontier.model.RunSpec;
import frontier.model.traffic.Traffic;
import frontier.sim.InvalidSpecException;
import java.nio.file.Path;

/**
 * A scenario: data only. Traffic goes into a pool; {@code run} says how long and how often to simulate.
 * {@code baseDir} (not part of the file) is where relative file names inside it are resolved.
 */
public record Scenario(String name, String description, Traffic traffic, PoolSpec pool, RunSpec run,
                       @JsonIgnore Path baseDir) {
    public Scenario {
        InvalidSpecException.required("traffic", traffic);
        InvalidSpecException.required("pool", pool);
        InvalidSpecException.required("run", run);
        if (name == null || name.isBlank()) name = "scenario";
        if (description == null) description = "";
    }

    public Scenario withRun(RunSpec r) {
        return new Scenario(name, description, traffic, pool, r, baseDir);
    }

    public Scenario withBaseDir(Path dir) {
        return new Scenario(name, description, traffic, pool, run, dir);
    }
}
