package frontier.model;

import frontier.sim.Tally;

/**
 * Counts of request latencies (milliseconds) in equal-width bins from 0 to about the 99.9th percentile,
 * with everything above in the last bin, for a readable distribution chart. The width is a round value
 * (1, 2 or 5 × 10^k ms), so there are between {@code BINS / 2.5} and {@link #BINS} bins.
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
        double wMs = roundWidth(top * 1000 / BINS);
        double w = wMs / 1000;
        int bins = (int) Math.max(1, Math.min(BINS, Math.ceil(top / w - 1e-9)));
        long[] counts = new long[bins];
        counts[0] += latencySeconds.zeros();
        var h = latencySeconds.histogram();
        // Each recorded HdrHistogram bucket goes, whole, into the bin holding its midpoint.
        for (var v : h.recordedValues()) {
            double mid = h.medianEquivalentValue(v.getValueIteratedTo()) / Tally.UNITS_PER_VALUE;
            counts[(int) Math.min(bins - 1, Math.floor(mid / w))] += v.getCountAtValueIteratedTo();
        }
        return new LatencyHistogram(wMs, counts);
    }

    /**
     * The smallest round bin width (1, 2 or 5 × 10^k ms) at least {@code rawMs}, so bin edges read as round
     * values (0, 50, 100 … ms rather than 0, 47.3, 94.6 …); with it, at most {@link #BINS} bins reach the 99.9th
     * percentile.
     */
    static double roundWidth(double rawMs) {
        if (!(rawMs > 0) || Double.isInfinite(rawMs)) return 1;
        double magnitude = Math.pow(10, Math.floor(Math.log10(rawMs)));
        for (double m : new double[] {1, 2, 5, 10}) {
            double w = m * magnitude;
            if (w >= rawMs * (1 - 1e-9)) return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", w));
        }
        return 10 * magnitude;
    }

    public long total() {
        long t = 0;
        for (long c : counts) t += c;
        return t;
    }
}
