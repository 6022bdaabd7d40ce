package frontier.sim;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

/**
 * Streaming statistics of an observed quantity (e.g. latency in seconds): count, mean (shifted sums),
 * min, max, and quantiles from an HdrHistogram with three significant digits (relative error ≤ 0.1%).
 * Memory is bounded whatever the number of observations.
 *
 * <p>The histogram counts in ints ({@link IntCountsHistogram}), half the memory of long counts: recording a
 * value touches one count in an array of tens of kilobytes, and a run records two or three values per request,
 * so a smaller array means fewer cache misses on the engine's hot path. A tally that reaches
 * {@link Integer#MAX_VALUE} values (no run of the engine does; its event limit is lower) moves its counts into a
 * long-count {@link Histogram} first, with the same buckets, so quantiles never depend on which one holds them.
 *
 * <p>Values are not recorded into the HdrHistogram one at a time: {@link #add} increments a plain int count at the
 * HdrHistogram's own index of the value ({@link #countsIndex}, the same bucket layout), and the counts are added
 * into the histogram when it is read (and every {@code intCountsLimit} values, so no int count can overflow). The
 * histogram then holds exactly the counts, total, lowest and highest bucket that recording each value would have
 * given it, so every quantile and chart is the same; the engine's hot path saves the histogram's per-value work
 * (index normalisation, bounds handling, its own min/max and total), a fifth of a small model's time.
 */
public final class Tally {
    private static final int SIGNIFICANT_DIGITS = 3;
    /** Values are recorded as whole nanoseconds (for seconds-valued tallies); see {@link #UNITS_PER_VALUE}. */
    public static final double UNITS_PER_VALUE = 1e9;

    /** Values a tally records in int counts before it moves them to long counts (no bucket can overflow before). */
    private static final long INT_COUNTS_LIMIT = Integer.MAX_VALUE;

    /**
     * The bucket layout of an HdrHistogram with {@link #SIGNIFICANT_DIGITS} = 3 and lowest discernible value 1
     * (2,048 sub-buckets, the upper half of each bucket counted): see {@code AbstractHistogram.countsArrayIndex}.
     */
    private static final int SUB_BUCKET_HALF_COUNT_MAGNITUDE = 10;

    private static final int SUB_BUCKET_HALF_COUNT = 1 << SUB_BUCKET_HALF_COUNT_MAGNITUDE;
    private static final long SUB_BUCKET_MASK = 2L * SUB_BUCKET_HALF_COUNT - 1;
    private static final int LEADING_ZERO_COUNT_BASE = 64 - SUB_BUCKET_HALF_COUNT_MAGNITUDE - 1;

    private final long intCountsLimit;
    private AbstractHistogram histogram;
    /** Counts of positive values not yet added into {@link #histogram}, by the histogram's index. */
    private int[] counts = new int[0];
    /** The count at which {@link #add} takes its rare branch: 0 (the first value), then every int-count limit. */
    private long checkAt;

    private long count;
    // Sum of (x - shift): the shift (first value) keeps the mean's sum small, and a plain sum avoids a division per
    // observation on the hot path. No sum of squares: nothing reads a tally's variance, and it cost a multiply and an
    // add on every value.
    private double shift = Double.NaN;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    /** Zeros already moved out of {@code counts[0]} (by {@link #addCounts}). */
    private long zeros;

    public Tally() {
        this(INT_COUNTS_LIMIT);
    }

    /** A tally that moves to long counts after {@code intCountsLimit} values (small in tests). */
    Tally(long intCountsLimit) {
        this.intCountsLimit = intCountsLimit;
        histogram = new IntCountsHistogram(SIGNIFICANT_DIGITS);
        histogram.setAutoResize(true);
    }

    public void add(double x) {
        if (count++ == checkAt) firstOrLimit(x);
        double d = x - shift;
        sum += d;
        if (x < min) min = x;
        if (x > max) max = x;
        // Zero (and anything that rounds to it) is counted at index 0, which no positive value has: no branch on it.
        int i = countsIndex(Math.max(0, (long) (x * UNITS_PER_VALUE + 0.5)));
        if (i >= counts.length) counts = java.util.Arrays.copyOf(counts, (i | (SUB_BUCKET_HALF_COUNT - 1)) + 1);
        counts[i]++;
    }

    /** The index of {@code value} (≥ 0; only 0 has index 0) in the counts of an HdrHistogram with this tally's settings. */
    static int countsIndex(long value) {
        int bucket = LEADING_ZERO_COUNT_BASE - Long.numberOfLeadingZeros(value | SUB_BUCKET_MASK);
        int subBucket = (int) (value >>> bucket);
        return ((bucket + 1) << SUB_BUCKET_HALF_COUNT_MAGNITUDE) + subBucket - SUB_BUCKET_HALF_COUNT;
    }

    /** The lowest value counted at {@code index} (HdrHistogram's {@code valueFromIndex}). */
    static long lowestValueAt(int index) {
        int bucket = (index >> SUB_BUCKET_HALF_COUNT_MAGNITUDE) - 1;
        int subBucket = (index & (SUB_BUCKET_HALF_COUNT - 1)) + SUB_BUCKET_HALF_COUNT;
        if (bucket < 0) {
            subBucket -= SUB_BUCKET_HALF_COUNT;
            bucket = 0;
        }
        return (long) subBucket << bucket;
    }

    /** Adds the counts kept since the last time into the histogram (zeros apart), and clears them. */
    private void addCounts() {
        int[] c = counts;
        if (c.length == 0) return;
        zeros += c[0];
        c[0] = 0;
        for (int i = 1; i < c.length; i++) {
            if (c[i] != 0) {
                histogram.recordValueWithCount(lowestValueAt(i), c[i]);
                c[i] = 0;
            }
        }
    }

    /**
     * The first value sets the shift of the sums; every {@code intCountsLimit} values the counts go into the
     * histogram (so none overflows), which moves to long counts the first time.
     */
    private void firstOrLimit(double x) {
        if (count == 1) {
            shift = x;
            checkAt = intCountsLimit;
            return;
        }
        addCounts();
        if (histogram instanceof IntCountsHistogram) {
            Histogram wide = new Histogram(SIGNIFICANT_DIGITS);
            wide.setAutoResize(true);
            wide.add(histogram);
            histogram = wide;
        }
        checkAt += intCountsLimit;
    }

    /** The histogram with every value added so far. */
    private AbstractHistogram recorded() {
        if (histogram.getTotalCount() != count - zeros()) addCounts();
        return histogram;
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        histogram.reset();
        count = 0;
        checkAt = 0;
        shift = Double.NaN;
        sum = 0;
        zeros = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return count == 0 ? Double.NaN : shift + sum / count;
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** Number of observations that were exactly zero (e.g. requests that did not wait). */
    public long zeros() {
        return counts.length == 0 ? zeros : zeros + counts[0];
    }

    /**
     * The q-quantile, q in [0, 1]. Zeros are counted exactly (the histogram cannot hold them on a
     * logarithmic scale), positive values to three significant digits.
     */
    public double quantile(double q) {
        if (count == 0) return Double.NaN;
        if (q <= 0) return min;
        if (q >= 1) return max;
        double rank = q * count;
        long zeros = zeros();
        if (rank <= zeros) return 0.0;
        long positives = count - zeros;
        double pct = 100.0 * (rank - zeros) / positives;
        return Math.min(max, recorded().getValueAtPercentile(Math.min(100.0, pct)) / UNITS_PER_VALUE);
    }

    /**
     * Counts of positive values in logarithmically spaced buckets, for distribution charts; values in
     * units of 1/{@link #UNITS_PER_VALUE} (nanoseconds for seconds-valued tallies).
     */
    public AbstractHistogram histogram() {
        return recorded();
    }
}
