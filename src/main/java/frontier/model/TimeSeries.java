package frontier.model;

import java.util.List;
import java.util.Map;

/**
 * Instances over time, sampled at a fixed step, per pool: instances running (starting + ready +
 * draining), ready, busy, and the cold starts and interruptions that happened within each step.
 */
public record TimeSeries(double stepS, double[] timeS, Map<String, PoolSeries> pools) {
    public record PoolSeries(int[] instances, int[] ready, int[] busy, int[] coldStarts, int[] interruptions) {
    }

    public int length() {
        return timeS.length;
    }

    public List<String> poolNames() {
        return List.copyOf(pools.keySet());
    }
}
