package frontier.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import frontier.cli.BenchSweep;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task takes a configuration the sweep already made rather than parsing and validating it again, and makes it
 * from its index and values only when the sweep does not hold it (NSGA-II's later generations). No Spark needed.
 */
class PointTaskTest {
    private final Sweep sweep = Sweep.parse(BenchSweep.scenario(0.01, 10, 1), "bench-sweep", Path.of("."));

    @Test
    void aTaskReusesThePointTheSweepAlreadyMade() {
        SweepPoint p = sweep.points().get(37);
        assertSame(p, PointTask.prebuilt(sweep, 37, sweep.values(p.config())));
    }

    @Test
    void aPointTheSweepDoesNotHoldIsMadeFromItsIndexAndValuesAsTheSweepWouldMakeIt() {
        int n = sweep.points().size();
        SweepPoint p = sweep.points().get(5);
        SweepPoint beyond = PointTask.prebuilt(sweep, n + 3, sweep.values(p.config()));
        assertEquals(n + 3, beyond.index());
        SweepPoint made = sweep.point(n + 3, sweep.values(p.config()));
        assertEquals(made.config(), beyond.config());
        assertEquals(made.seed(), beyond.seed());

        List<JsonNode> other = new ArrayList<>(sweep.values(p.config()));
        other.set(0, IntNode.valueOf(other.get(0).intValue() == 9 ? 8 : 9));
        SweepPoint changed = PointTask.prebuilt(sweep, 5, other);
        assertNotSame(p, changed, "values that differ from the sweep's point 5 are not taken for it");
        assertEquals(other, sweep.values(changed.config()));
        assertEquals(p.seed(), changed.seed(), "the seed comes from the index, as Sweep.point makes it");
    }
}
