package frontier.model;

import frontier.sim.Tally;

/**
 * Counts of request latencies (milliseconds) in equal-width bins from 0 to about the 99.9th percentile,
 * with everything above in the last bin, for a readable distribution chart.
 *
 * @param binWidthMs width of each bin
 * @param counts     counts[i] holds latencies in [i·w, (i+1)·w); the last bin also holds the tail
 */
public record LatencyHistogram(double binWidthMs, long[] counts) {
    public static final int BINS = 40;

    static LatencyHistogram of(Tally latencySeconds) {
        long n = latencySeconds.count();
        if (n == 0) return new LatencyHistogram(1, new long[0]);
        double top = latencySeconds.quantile(0.999);
        if (!(top > 0)) top = Math.max(latencySeconds.max(), 1e-6);
        double w = top / BINS;
        long[] counts = new long[BINS];
        counts[0] += latencySeconds.zeros();
        var h = latencySeconds.histogram();
        // Each recorded HdrHistogram bucket goes, whole, into the bin holding its midpoint.
        for (var v : h.recordedValues()) {
            double mid = h.medianEquivalentValue(v.getValueIteratedTo()) / Tally.UNITS_PER_VALUE;
            counts[(int) Math.min(BINS - 1, Math.floor(mid / w))] += v.getCountAtValueIteratedTo();
        }
        return new LatencyHistogram(w * 1000, counts);
    }

    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }
}
