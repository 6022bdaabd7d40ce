package frontier.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import frontier.model.CacheSpec;
import frontier.model.CascadeSpec;
import frontier.model.FleetSpec;
import frontier.model.PoolSpec;
import frontier.model.RequestClass;
import frontier.model.RunSpec;
import frontier.model.TokensSpec;
import frontier.model.pool.Pools;
import frontier.model.traffic.Traffic;
import frontier.sim.InvalidSpecException;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario: data only. Traffic goes into either one simple c-server {@code pool} or a list of
 * {@code pools} of any kind, optionally split into request {@code classes} routed to pools, optionally
 * behind a {@code cache}, each request optionally carrying {@code tokens}; an optional {@code cascade} sends a share of the
 * requests a first pool served on to a second; instance prices may name a catalogue entry (the shipped catalogue, overridden
 * by {@code price_catalogue}); {@code run} says how long and how often to simulate; an optional {@code sweep}
 * (docs/sweeps.md) varies fields of the scenario itself, which then describes the base configuration; {@code observed} (written by
 * {@code frontier calibrate}) holds what the real fleet measured, for runs to report simulated against observed. {@code baseDir} (not part
 * of the file) is where relative file names inside it are resolved.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Scenario(String name, String description, Traffic traffic, PoolSpec pool, List<Pools> pools,
                       List<RequestClass> classes, CacheSpec cache, TokensSpec tokens, CascadeSpec cascade, String priceCatalogue, RunSpec run,
                       SweepSpec sweep, Observed observed, @JsonIgnore Path baseDir) {
    public Scenario {
        InvalidSpecException.required("traffic", traffic);
        if ((pool == null) == (pools == null)) {
            throw new InvalidSpecException("pool", "give either 'pool' (one simple c-server pool) or 'pools' (a list of pools of any kind)");
        }
        InvalidSpecException.required("run", run);
        if (name == null || name.isBlank()) name = "scenario";
        if (description == null) description = "";
        if (pools != null) pools = List.copyOf(pools);
        if (classes != null) classes = List.copyOf(classes);
        // Cross-field checks (pool names, routes, shares) fail here, with the path of the offending field.
        fleetOf(traffic, pool, pools, classes, cache, tokens, run, cascade);
    }

    /** Everything, without a cascade. */
    public Scenario(String name, String description, Traffic traffic, PoolSpec pool, List<Pools> pools,
                    List<RequestClass> classes, CacheSpec cache, TokensSpec tokens, String priceCatalogue, RunSpec run,
                    SweepSpec sweep, Observed observed, Path baseDir) {
        this(name, description, traffic, pool, pools, classes, cache, tokens, null, priceCatalogue, run, sweep, observed, baseDir);
    }

    /** The simple form: traffic into one c-server pool. */
    public Scenario(String name, String description, Traffic traffic, PoolSpec pool, RunSpec run, Path baseDir) {
        this(name, description, traffic, pool, null, null, null, null, null, null, run, null, null, baseDir);
    }

    /** Everything but a sweep. */
    public Scenario(String name, String description, Traffic traffic, PoolSpec pool, List<Pools> pools,
                    List<RequestClass> classes, CacheSpec cache, TokensSpec tokens, String priceCatalogue, RunSpec run, Path baseDir) {
        this(name, description, traffic, pool, pools, classes, cache, tokens, null, priceCatalogue, run, null, null, baseDir);
    }

    private static FleetSpec fleetOf(Traffic traffic, PoolSpec pool, List<Pools> pools, List<RequestClass> classes, CacheSpec cache,
                                     TokensSpec tokens, RunSpec run, CascadeSpec cascade) {
        List<Pools> list = pools != null ? pools : List.of(FleetSpec.fromLegacy(pool));
        return new FleetSpec(traffic, list, classes, cache, tokens, run, cascade);
    }

    /** What the model runs. */
    public FleetSpec fleet() {
        return fleetOf(traffic, pool, pools, classes, cache, tokens, run, cascade);
    }

    public Scenario withRun(RunSpec r) {
        return new Scenario(name, description, traffic, pool, pools, classes, cache, tokens, cascade, priceCatalogue, r, sweep, observed, baseDir);
    }

    public Scenario withBaseDir(Path dir) {
        return new Scenario(name, description, traffic, pool, pools, classes, cache, tokens, cascade, priceCatalogue, run, sweep, observed, dir);
    }

    public Scenario withPools(List<Pools> p) {
        return new Scenario(name, description, traffic, null, p, classes, cache, tokens, cascade, priceCatalogue, run, sweep, observed, baseDir);
    }
}
