package frontier.analysis.series;

import frontier.sim.BadInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Flags unusual days in a daily series (e.g. cost per 1,000 inferences) with a robust rule.
 *
 * <p>Each day's expected value is the median of its neighbours after removing a global linear trend:
 * the same weekday up to four weeks either side (d ± 7, 14, 21, 28) when at least
 * {@value #MIN_NEIGHBOURS} of them have values, else up to eight weeks either side, else (series
 * shorter than about four weeks) the days up to three either side, each less its weekday's effect (the
 * weekday's median deviation from the median of its week in the other whole weeks, estimated once two
 * whole weeks exist; with less the weekly pattern cannot be told from noise and is ignored). The day
 * itself is never in its own window. The trend (per day) is the Theil–Sen slope (median of pairwise
 * slopes) over pairs of days 7, 14, 21 or 28 apart, so the weekly pattern does not bias it, or 1–3 days
 * apart when fewer than three such pairs exist; removing it keeps a growing series from being flagged
 * at its ends, where the window is one-sided. The residual x − expected is scored against a robust
 * spread of all residuals, σ = 1.4826 · MAD (the standard deviation for normal residuals), and a day is
 * flagged when |x − expected| &gt; {@value #K} σ. Scores need at least {@value #MIN_SCORED_DAYS} days
 * with an expected value; otherwise nothing is flagged.
 *
 * <p>Missing days and NaN values are tolerated: they are simply absent from windows, and a NaN day
 * gets its expected value but no score.
 */
public final class Anomalies {
    /** Threshold in robust standard deviations. */
    public static final double K = 3.5;
    /** Values a window needs for a median. */
    public static final int MIN_NEIGHBOURS = 3;
    /** Days with an expected value needed before any day is scored. */
    public static final int MIN_SCORED_DAYS = 7;

    private static final double MAD_TO_SD = 1.4826;

    private Anomalies() {}

    /** Which way a flagged day deviates. */
    public enum Direction {
        NONE,
        UP,
        DOWN
    }

    /**
     * One day of the series.
     *
     * @param expected  trend-adjusted median of the day's window; NaN when the window has too few values
     * @param score     (value − expected) / σ, or (value − expected) / (|expected| / √count) / σ for ratios of
     *                  counts; NaN when the day has no value, no expected value or no count
     * @param flagged   |score| &gt; {@value #K}
     * @param direction UP or DOWN when flagged, else NONE
     */
    public record Day(
            LocalDate date, double value, double expected, double score, boolean flagged, Direction direction) {}

    /**
     * The flagged series.
     *
     * @param days        one entry per input day, in order
     * @param trendPerDay the Theil–Sen slope removed before taking medians (value units per day)
     * @param sigma       the robust spread of residuals (of scaled residuals for ratios of counts), 1.4826 · MAD;
     *                    NaN when too few days were scored
     * @param notes       sentences for the user, e.g. why nothing could be scored
     */
    public record Report(List<Day> days, double trendPerDay, double sigma, List<String> notes) {
        public Report {
            days = List.copyOf(days);
            notes = List.copyOf(notes);
        }

        public List<Day> flagged() {
            return days.stream().filter(Day::flagged).toList();
        }

        /**
         * The series with each flagged day's value replaced by its expected value (one value per day of the
         * report, in its order): what to fit a forecast to, so that one unusual day does not become part of
         * the weekly pattern or the trend.
         */
        public double[] withFlaggedAsExpected() {
            return days.stream()
                    .mapToDouble(d -> d.flagged() ? d.expected() : d.value())
                    .toArray();
        }
    }

    /**
     * Scores each day of a daily series.
     *
     * @param days   dates in strictly increasing order (gaps allowed)
     * @param values one value per date; NaN for unknown
     * @throws BadInputException if the arrays are missing or differ in length, a date is null or not after
     *                           the one before, or a value is infinite
     */
    public static Report flag(LocalDate[] days, double[] values) {
        return flag(days, values, null);
    }

    /**
     * Scores a daily series of ratios whose denominator counts events, such as cost per 1,000 requests with
     * {@code counts[i]} requests on day i. Counting noise makes a day's relative spread about 1/√count, so a
     * quiet day (a weekend) varies more than a busy one; each residual is therefore divided by
     * |expected| / √count before the robust spread is taken and the day scored, and a deviation is judged
     * against what its own day's count allows. Days with a count of 0 (or no expected value) get no score.
     * With {@code counts} null this is {@link #flag(LocalDate[], double[])}.
     *
     * @throws BadInputException as {@link #flag(LocalDate[], double[])}, or if counts differs in length or has a
     *                           negative value
     */
    public static Report flag(LocalDate[] days, double[] values, double[] counts) {
        if (counts != null) {
            if (values == null || counts.length != values.length) {
                throw new BadInputException("anomalies: " + (values == null ? 0 : values.length) + " values but "
                        + counts.length + " counts");
            }
            for (double c : counts)
                if (!(c >= 0)) throw new BadInputException("anomalies: a count must be >= 0, got " + c);
        }
        Series s = Series.of("anomalies", days, values);
        double slope = theilSenSlope(s.y());
        double[] y = s.y();
        int t = y.length;
        double[] expected = new double[t];
        Arrays.fill(expected, Double.NaN);
        List<Double> residuals = new ArrayList<>();
        double[] window = new double[16];
        double[][] weekday = weekdayEffects(y, slope);
        for (int i = 0; i < t; i++) {
            int k = collect(y, i, 7, 4, slope, window);
            if (k < MIN_NEIGHBOURS) k = collect(y, i, 7, 8, slope, window);
            double effect = 0;
            if (k < MIN_NEIGHBOURS) {
                double[] effects = weekday[Math.min(i / 7, weekday.length - 1)];
                k = collectDeseasonalised(y, i, slope, effects, window);
                effect = effects[i % 7];
            }
            if (k >= MIN_NEIGHBOURS) expected[i] = effect + median(Arrays.copyOf(window, k));
        }
        // Each day's noise scale: 1, or |expected| / √count for ratios of counts (see flag(days, values, counts)).
        double[] scale = new double[t];
        Arrays.fill(scale, 1);
        if (counts != null) {
            for (int j = 0; j < days.length; j++) {
                int i = s.index(j);
                scale[i] = counts[j] > 0 ? Math.abs(expected[i]) / Math.sqrt(counts[j]) : Double.NaN;
                if (scale[i] == 0) scale[i] = Double.NaN;
            }
        }
        for (int i = 0; i < t; i++) {
            double r = (y[i] - expected[i]) / scale[i];
            if (!Double.isNaN(r)) residuals.add(r);
        }
        List<String> notes = new ArrayList<>();
        double sigma = Double.NaN;
        if (residuals.size() >= MIN_SCORED_DAYS) {
            double[] r = residuals.stream().mapToDouble(Double::doubleValue).toArray();
            double med = median(r.clone());
            for (int i = 0; i < r.length; i++) r[i] = Math.abs(r[i] - med);
            // A perfectly regular series has MAD 0; a tiny floor keeps any real deviation from it finite and flagged.
            double floor = counts != null ? 1e-9 : 1e-9 * Math.max(medianAbs(y), Double.MIN_NORMAL);
            sigma = Math.max(MAD_TO_SD * median(r), floor);
        } else {
            notes.add("Only " + residuals.size() + " days have enough neighbours for an expected value; at least "
                    + MIN_SCORED_DAYS + " are needed to judge the spread, so no day is flagged.");
        }
        List<Day> out = new ArrayList<>();
        for (int j = 0; j < days.length; j++) {
            int i = s.index(j);
            double score = (y[i] - expected[i]) / scale[i] / sigma;
            boolean flagged = Math.abs(score) > K;
            Direction dir = !flagged ? Direction.NONE : score > 0 ? Direction.UP : Direction.DOWN;
            out.add(new Day(days[j], values[j], expected[i], score, flagged, dir));
        }
        long n = out.stream().filter(Day::flagged).count();
        if (!Double.isNaN(sigma)) {
            String perDay = counts == null ? "" : " × expected / √requests";
            notes.add(String.format(
                    Locale.ROOT,
                    "%d of %d days flagged (|x − expected| > %.1f × %.4g%s); trend %.4g per day removed.",
                    n,
                    days.length,
                    K,
                    sigma,
                    perDay,
                    slope));
        }
        return new Report(out, slope, sigma, notes);
    }

    /** Trend-adjusted values at i ± step·1 … i ± step·reach that exist; returns how many were written. */
    private static int collect(double[] y, int i, int step, int reach, double slope, double[] into) {
        int k = 0;
        for (int r = 1; r <= reach; r++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                int j = i + sign * r * step;
                if (j >= 0 && j < y.length && !Double.isNaN(y[j])) into[k++] = y[j] - (j - i) * slope;
            }
        }
        return k;
    }

    /** Like {@link #collect} over the days up to three either side, each less its weekday's effect. */
    private static int collectDeseasonalised(double[] y, int i, double slope, double[] effect, double[] into) {
        int k = 0;
        for (int j = Math.max(0, i - 3); j <= Math.min(y.length - 1, i + 3); j++) {
            if (j != i && !Double.isNaN(y[j])) into[k++] = y[j] - effect[j % 7] - (j - i) * slope;
        }
        return k;
    }

    /**
     * Weekday effects (by day index mod 7) for scoring a day of each week: row b holds each weekday's median
     * deviation from the median of its week, over the whole weeks (days 0–6, 7–13, …) with at least five
     * values other than week b, after removing the trend; leaving the scored day's own week out keeps the
     * day from explaining itself. All 0 until two whole weeks exist (one cannot tell a weekly pattern
     * from noise); a weekday without deviations in the other weeks gets 0, with two the median of them
     * and 0.
     */
    static double[][] weekdayEffects(double[] y, double slope) {
        int weeks = y.length / 7;
        double[][] dev = new double[weeks][];
        int usable = 0;
        for (int b = 0; b < weeks; b++) {
            double[] week = new double[7];
            int k = 0;
            for (int j = 7 * b; j < 7 * b + 7; j++) if (!Double.isNaN(y[j])) week[k++] = y[j] - slope * j;
            if (k < 5) continue;
            double m = median(Arrays.copyOf(week, k));
            dev[b] = new double[7];
            for (int j = 7 * b; j < 7 * b + 7; j++) dev[b][j % 7] = y[j] - slope * j - m; // NaN where y is
            usable++;
        }
        double[][] effects = new double[weeks + 1][7]; // the last row for days after the last whole week
        if (usable < 2) return effects;
        for (int b = 0; b <= weeks; b++) {
            for (int w = 0; w < 7; w++) {
                double[] others = new double[weeks + 1];
                int k = 0;
                for (int c = 0; c < weeks; c++)
                    if (c != b && dev[c] != null && !Double.isNaN(dev[c][w])) others[k++] = dev[c][w];
                // Two deviations have no robust middle: adding 0 (no effect) as a third makes one spike unable
                // to set the effect, at the cost of shrinking a real one towards 0 by a fraction of the noise.
                if (k == 2) others[k++] = 0;
                effects[b][w] = k == 0 ? 0 : median(Arrays.copyOf(others, k));
            }
        }
        return effects;
    }

    /** Median slope of pairs 7–28 days apart in whole weeks, or 1–3 days apart if those are too few; 0 if none. */
    static double theilSenSlope(double[] y) {
        List<Double> slopes = pairSlopes(y, 7, 4);
        if (slopes.size() < MIN_NEIGHBOURS) slopes = pairSlopes(y, 1, 3);
        if (slopes.isEmpty()) return 0;
        return median(slopes.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<Double> pairSlopes(double[] y, int step, int reach) {
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (Double.isNaN(y[i])) continue;
            for (int r = 1; r <= reach; r++) {
                int j = i + r * step;
                if (j < y.length && !Double.isNaN(y[j])) slopes.add((y[j] - y[i]) / (j - i));
            }
        }
        return slopes;
    }

    static double median(double[] v) {
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
    }

    private static double medianAbs(double[] y) {
        double[] a =
                Arrays.stream(y).filter(v -> !Double.isNaN(v)).map(Math::abs).toArray();
        return a.length == 0 ? 0 : median(a);
    }
}
