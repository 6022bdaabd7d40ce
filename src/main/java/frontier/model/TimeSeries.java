package frontier.model;

import java.util.List;
import java.util.Map;

/**
 * Instances over time, sampled at a fixed step, per pool: instances running (starting + ready +
 * draining), ready, busy, and the cold starts and interruptions that happened within each step; for a pool
 * of LLM engines also the sequences running in iterations (summed over instances) and the share of the KV
 * cache in use at each point ({@code null} for other pools).
 */
public record TimeSeries(double stepS, double[] timeS, Map<String, PoolSeries> pools) {
    public record PoolSeries(
            int[] instances,
            int[] ready,
            int[] busy,
            int[] coldStarts,
            int[] interruptions,
            double[] runningSeqs,
            double[] kvUse) {
        public PoolSeries(int[] instances, int[] ready, int[] busy, int[] coldStarts, int[] interruptions) {
            this(instances, ready, busy, coldStarts, interruptions, null, null);
        }
    }

    public int length() {
        return timeS.length;
    }

    public List<String> poolNames() {
        return List.copyOf(pools.keySet());
    }
}
