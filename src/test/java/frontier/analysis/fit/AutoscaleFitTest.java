package frontier.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import org.junit.jupiter.api.Test;

class AutoscaleFitTest {
    /**
     * 24 hours of an autoscaler at target 0.6 with 2 slots: count = busy ÷ 1.2 rounded up, which is busy ÷ 1.2 + ½
     * on average over the hour; floor 1. The hourly counts are that plus ±0.1 of deterministic jitter, so the
     * target comes back within 5%.
     */
    @Test
    void recoversTheTargetFloorAndAnOpenMaximumFromHourlyCounts() {
        double[] busy = new double[24], count = new double[24];
        for (int h = 0; h < 24; h++) {
            busy[h] = 0.5 + 5.5 * Math.sin(Math.PI * h / 24) * Math.sin(Math.PI * h / 24);
            count[h] = Math.max(1, busy[h] / 1.2 + 0.5 + 0.1 * Math.sin(7 * h));
        }
        AutoscaleFit.Result r = AutoscaleFit.fit(count, busy, 2);
        assertEquals(0.6, r.target(), 0.03, r.notes().toString());
        assertEquals(1, r.minInstances());
        assertFalse(r.maxReached(), "the busiest hour is held once: not a limit");
        assertTrue(r.maxInstances() >= 2 * 5, "the maximum is left open: " + r.maxInstances());
    }

    @Test
    void aMaximumHeldForHoursIsTheFleetsLimit() {
        double[] busy = {1, 2, 6, 9, 9, 9, 6, 2, 1};
        double[] count = {1.2, 2.1, 5, 5, 5, 5, 5, 2.1, 1.2};
        AutoscaleFit.Result r = AutoscaleFit.fit(count, busy, 1);
        assertTrue(r.maxReached());
        assertEquals(5, r.maxInstances());
    }

    @Test
    void tooFewIntervalsAreRefusedWithTheCount() {
        BadInputException e = assertThrows(
                BadInputException.class, () -> AutoscaleFit.fit(new double[] {1, 2}, new double[] {1, 2}, 1));
        assertTrue(e.getMessage().contains("got 2"), e.getMessage());
    }
}
