package frontier.app.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Explore's latency axis reads in seconds once it spans 10 s or more (issue 11: "seconds for long latencies"). */
class ScatterPlotAxisTest {
    @Test
    void aLatencyAxisReachingTenSecondsReadsInSeconds() {
        assertTrue(ScatterPlot.ySeconds("p99 latency (ms)", 0, 70_000));
        assertFalse(ScatterPlot.ySeconds("p99 latency (ms)", 0, 9_999));
        assertFalse(ScatterPlot.ySeconds("Cost (total, USD)", 0, 70_000), "only a millisecond axis changes unit");
        // 70,000 ms on a 10,000 ms step: "70", not "70,000".
        assertEquals("70", ScatterPlot.tickLabel(70_000 / 1000.0, 10_000 / 1000.0));
        assertEquals("2.5", ScatterPlot.tickLabel(2_500 / 1000.0, 500 / 1000.0));
    }
}
