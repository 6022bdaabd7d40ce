package frontier.spark.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * One configuration as it travels to an executor: its index, and the values of the swept paths (JSON) only when the
 * sweep itself does not hold the point (NSGA-II's later generations). The executor takes the point the sweep made
 * ({@link Sweep#points}, same scenario, same seed as on the driver) or makes it again with {@link Sweep#point}, and
 * runs it with {@link SweepRunner#runPoint}, the function the local runner calls.
 */
public record PointTask(int index, String values) implements Serializable {
    /** Plain JSON both ways (no indentation): nodes travel as their text and are read back as the same text. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * The task of point {@code p}: without values when {@code p} is the sweep's own point at its index (every point
     * of grid, random and Latin hypercube sweeps, and NSGA-II's first generation), since {@code Sweep.parse} on the
     * executor makes the same points; with its values as JSON otherwise.
     */
    static PointTask of(Sweep sweep, SweepPoint p) {
        if (isSweepsOwn(sweep, p)) return new PointTask(p.index(), null);
        try {
            return new PointTask(p.index(), MAPPER.writeValueAsString(sweep.values(p.config())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isSweepsOwn(Sweep sweep, SweepPoint p) {
        List<SweepPoint> made = sweep.points();
        return p.index() >= 0 && p.index() < made.size() && made.get(p.index()) == p;
    }

    /**
     * The point's result as it travels back: its seed and metrics ({@link NodeCodec}, not JSON text), or the work
     * limit it hit. Not its configuration: the driver holds the same point (a result's config is its point's), so it
     * is neither encoded on the executor nor decoded on the driver.
     */
    public record Result(int index, long seed, byte[] metrics, WorkLimitException limit) implements Serializable {
        /** The result of {@code p}, the point this result is of (same index and seed, or an error). */
        PointResult toPointResult(SweepPoint p) {
            if (p.index() != index || p.seed() != seed)
                throw new IllegalStateException("result of point " + index + " (seed " + seed + ") came back for point "
                        + p.index() + " (seed " + p.seed() + ")");
            return new PointResult(index, p.config().deepCopy(), seed, NodeCodec.decode(metrics));
        }
    }

    /**
     * The point this task stands for: the sweep's own point at {@code index} when the task carries no values (the
     * executor's sweep, parsed from the same text, made the same points the driver's did), else the point made from
     * its index and values ({@link Sweep#point}: validated like a file, seeded from the sweep seed and the index).
     */
    SweepPoint point(Sweep sweep) {
        if (values == null) {
            List<SweepPoint> made = sweep.points();
            if (index < 0 || index >= made.size() || made.get(index).index() != index)
                throw new IllegalStateException("point " + index + " is not one of the sweep's " + made.size());
            return made.get(index);
        }
        List<JsonNode> vals = new ArrayList<>();
        try {
            MAPPER.readTree(values).forEach(vals::add);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return sweep.point(index, vals);
    }

    /** Runs this configuration of the sweep (on an executor); a work limit is returned, not thrown, so it is not retried. */
    public Result run(Sweep sweep, RunControl control) {
        SweepPoint p = point(sweep);
        try {
            PointResult r = SweepRunner.runPoint(p, control);
            return new Result(r.index(), r.seed(), NodeCodec.encode(r.metrics()), null);
        } catch (WorkLimitException e) {
            return new Result(index, p.seed(), null, e);
        }
    }
}
