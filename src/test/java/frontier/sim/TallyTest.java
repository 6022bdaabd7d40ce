package frontier.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TallyTest {
    @Test
    void quantilesMatchExactOrderStatisticsToThreeSignificantDigits() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 200_000;
        double[] v = new double[n];
        Tally t = new Tally();
        for (int i = 0; i < n; i++) {
            // Mix of exact zeros and a wide range (1 µs .. 100 s) like queue waits.
            v[i] = rnd.nextInt(3) == 0 ? 0.0 : Math.exp(rnd.nextDouble() * 18 - 13.8);
            t.add(v[i]);
        }
        Arrays.sort(v);
        for (double q : new double[] {0.1, 0.5, 0.9, 0.95, 0.99, 0.999}) {
            double exact = v[(int) Math.ceil(q * n) - 1];
            double est = t.quantile(q);
            assertEquals(exact, est, Math.max(2e-3 * exact, 1e-12), "q=" + q);
        }
        assertEquals(Arrays.stream(v).average().orElseThrow(), t.mean(), 1e-9 * t.mean());
        assertEquals(v[n - 1], t.max());
        assertEquals(0.0, t.min());
    }

    @Test
    void intCountsGiveTheSameQuantilesAsLongCounts() {
        // The tally counts in ints for speed; a long-count HdrHistogram with the same settings is the reference.
        org.HdrHistogram.Histogram reference = new org.HdrHistogram.Histogram(3);
        reference.setAutoResize(true);
        Tally t = new Tally();
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 300_000;
        for (int i = 0; i < n; i++) {
            double x = Math.exp(rnd.nextDouble() * 18 - 13.8);
            t.add(x);
            reference.recordValue((long) (x * Tally.UNITS_PER_VALUE + 0.5));
        }
        for (double q : new double[] {0.01, 0.5, 0.9, 0.99, 0.999, 0.9999}) {
            // The percentile as Tally computes it (no zeros here: every value is at least 1 µs).
            double pct = Math.min(100.0, 100.0 * (q * n) / n);
            double expected = Math.min(t.max(), reference.getValueAtPercentile(pct) / Tally.UNITS_PER_VALUE);
            assertEquals(expected, t.quantile(q), 0.0, "q=" + q);
        }
    }

    @Test
    void theHistogramHoldsExactlyWhatRecordingEachValueWouldHave() {
        // The tally counts at HdrHistogram's own indices and adds the counts in when the histogram is read: the
        // histogram must equal one that recorded every value (counts, total, lowest and highest bucket, size).
        org.HdrHistogram.IntCountsHistogram reference = new org.HdrHistogram.IntCountsHistogram(3);
        reference.setAutoResize(true);
        Tally t = new Tally();
        SplittableRandom rnd = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            // Every bucket from 1 ns to about 5 days, exact zeros, and the edges of sub-buckets.
            double x =
                    switch (i % 5) {
                        case 0 -> 0.0;
                        case 1 -> Math.exp(rnd.nextDouble() * 33 - 20.7);
                        case 2 -> (1L << rnd.nextInt(45)) / Tally.UNITS_PER_VALUE;
                        case 3 -> ((1L << rnd.nextInt(45)) - 1) / Tally.UNITS_PER_VALUE;
                        default -> rnd.nextExponential();
                    };
            t.add(x);
            long units = (long) (x * Tally.UNITS_PER_VALUE + 0.5);
            if (units > 0) reference.recordValue(units);
            if (i == 1_000) assertEquals(reference, t.histogram()); // read in the middle: later values add on
        }
        assertEquals(reference, t.histogram());
        assertEquals(reference.getMaxValue(), t.histogram().getMaxValue());
        assertEquals(reference.getMinNonZeroValue(), t.histogram().getMinNonZeroValue());
        assertEquals(reference.getEstimatedFootprintInBytes(), t.histogram().getEstimatedFootprintInBytes());
        for (double p : new double[] {0, 1, 50, 90, 99, 99.9, 99.99, 100}) {
            assertEquals(reference.getValueAtPercentile(p), t.histogram().getValueAtPercentile(p), "p=" + p);
        }
    }

    @Test
    void countsIndicesAreHdrHistogramsOwn() {
        org.HdrHistogram.IntCountsHistogram h = new org.HdrHistogram.IntCountsHistogram(3);
        h.setAutoResize(true);
        for (long v : new long[] {
            1, 2, 1023, 1024, 2047, 2048, 2049, 4095, 4096, 1L << 40, (1L << 40) + 12345, Long.MAX_VALUE / 4
        }) {
            int i = Tally.countsIndex(v);
            assertEquals(h.lowestEquivalentValue(v), Tally.lowestValueAt(i), "v=" + v);
            assertEquals(i, Tally.countsIndex(Tally.lowestValueAt(i)), "v=" + v);
            assertEquals(i + 1, Tally.countsIndex(h.nextNonEquivalentValue(v)), "v=" + v);
        }
    }

    @Test
    void aTallyPastTheIntCountLimitMovesToLongCountsWithTheSameQuantiles() {
        Tally small = new Tally(1_000); // moves to long counts after 1,000 values instead of 2^31 - 1
        Tally plain = new Tally();
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 0; i < 20_000; i++) {
            double x = i % 4 == 0 ? 0.0 : rnd.nextExponential();
            small.add(x);
            plain.add(x);
        }
        assertTrue(
                small.histogram() instanceof org.HdrHistogram.Histogram,
                small.histogram().getClass().getName());
        assertTrue(plain.histogram() instanceof org.HdrHistogram.IntCountsHistogram);
        for (double q : new double[] {0.1, 0.5, 0.9, 0.99, 0.999}) {
            assertEquals(plain.quantile(q), small.quantile(q), 0.0);
        }
        assertEquals(plain.mean(), small.mean(), 0.0);
        assertEquals(plain.count(), small.count());
        assertEquals(plain.histogram().getTotalCount(), small.histogram().getTotalCount());
        // A reset keeps the long counts and starts again from nothing.
        small.reset();
        small.add(2.0);
        assertEquals(1, small.histogram().getTotalCount());
        assertEquals(2.0, small.quantile(0.5), 2e-3 * 2);
    }

    @Test
    void memoryIsBoundedWhateverTheNumberOfObservations() {
        Tally t = new Tally();
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 100_000; i++) t.add(rnd.nextExponential());
        long footprint = t.histogram().getEstimatedFootprintInBytes();
        for (int i = 0; i < 5_000_000; i++) t.add(rnd.nextExponential());
        // The histogram's size depends on the dynamic range of values only, not on their number;
        // at most one more doubling of range may be seen in the far tail.
        assertTrue(
                t.histogram().getEstimatedFootprintInBytes() <= 2 * footprint,
                footprint + " -> " + t.histogram().getEstimatedFootprintInBytes());
    }

    @Test
    void timeWeightedAverageIntegratesPiecewiseConstantValues() {
        TimeWeighted tw = new TimeWeighted(0);
        tw.update(0, 2);
        tw.update(1, 4);
        tw.update(3, 0);
        assertEquals((2 * 1 + 4 * 2 + 0 * 1) / 4.0, tw.average(4), 1e-12);
        tw.reset(4);
        tw.update(6, 1);
        assertEquals((0 * 2 + 1 * 2) / 4.0, tw.average(8), 1e-12);
        TimeWeighted peak = new TimeWeighted(0);
        peak.update(1, 4);
        peak.update(2, 1);
        assertEquals(4, peak.max());
    }
}
