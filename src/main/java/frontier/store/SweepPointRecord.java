package frontier.store;

/**
 * One configuration of a saved sweep: its index, the swept values as a JSON object, its seed, the
 * metrics the listings use (NaN when the point has none) and whether it was feasible and on the front
 * when saved. Every other metric is in the sweep's results JSON.
 */
public record SweepPointRecord(
        int index,
        String configJson,
        long seed,
        double costPer1k,
        double costTotal,
        double p50Ms,
        double p95Ms,
        double p99Ms,
        boolean feasible,
        boolean pareto) {}
