package frontier.spark.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.model.WorkLimitException;
import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepPoint;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.RunControl;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One configuration as it travels to an executor: its index and the values of the swept paths (JSON). The
 * executor rebuilds the point with {@link Sweep#point} (same scenario, same seed as on the driver) and runs
 * it with {@link SweepRunner#runPoint}, the function the local runner calls.
 */
public record PointTask(int index, String values) implements Serializable {
    /** Plain JSON both ways (no indentation): nodes travel as their text and are read back as the same text. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static PointTask of(Sweep sweep, SweepPoint p) {
        try {
            return new PointTask(p.index(), MAPPER.writeValueAsString(sweep.values(p.config())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The point's result as it travels back: its seed and metrics as JSON text, or the work limit it hit. Not its
     * configuration: the driver holds the same point (a result's config is its point's), so it is neither written to
     * text on the executor nor parsed again on the driver — JSON work the local runner never does, which in a fresh
     * JVM also had the JIT compiling Jackson's text paths during the job.
     */
    public record Result(int index, long seed, String metrics, WorkLimitException limit) implements Serializable {
        /** The result of {@code p}, the point this result is of (same index and seed, or an error). */
        PointResult toPointResult(SweepPoint p) {
            if (p.index() != index || p.seed() != seed)
                throw new IllegalStateException("result of point " + index + " (seed " + seed + ") came back for point "
                        + p.index() + " (seed " + p.seed() + ")");
            try {
                return new PointResult(index, p.config().deepCopy(), seed, (ObjectNode) MAPPER.readTree(metrics));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The point as the sweep already made it, when it is one of {@link Sweep#points} (every point of grid, random and
     * Latin hypercube sweeps, and NSGA-II's first generation): {@code Sweep.parse} built them all once per JVM, so a
     * task need not parse and validate its configuration again (a few milliseconds each, which the local runner
     * does not pay either). Otherwise (NSGA-II's later generations) it is made from its index and values, which
     * gives the same point.
     */
    static SweepPoint prebuilt(Sweep sweep, int index, List<JsonNode> vals) {
        List<SweepPoint> made = sweep.points();
        if (index >= 0 && index < made.size()) {
            SweepPoint p = made.get(index);
            if (p.index() == index && sweep.values(p.config()).equals(vals)) return p;
        }
        return sweep.point(index, vals);
    }

    /** Runs this configuration of the sweep (on an executor); a work limit is returned, not thrown, so it is not retried. */
    public Result run(Sweep sweep, RunControl control) {
        List<JsonNode> vals = new ArrayList<>();
        try {
            MAPPER.readTree(values).forEach(vals::add);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        SweepPoint p = prebuilt(sweep, index, vals);
        try {
            PointResult r = SweepRunner.runPoint(p, control);
            return new Result(r.index(), r.seed(), MAPPER.writeValueAsString(r.metrics()), null);
        } catch (WorkLimitException e) {
            return new Result(index, p.seed(), null, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
