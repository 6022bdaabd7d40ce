package frontier.analysis.fit;

import frontier.model.traffic.PoissonTraffic;
import frontier.model.traffic.ProfileTraffic;
import frontier.model.traffic.RenewalTraffic;
import frontier.model.traffic.Traffic;
import frontier.sim.BadInputException;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.GammaDist;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Describes when requests arrive and recommends the {@link Traffic} spec that reproduces it.
 *
 * <p>Rates by hour of day (and, over at least two weeks, by weekday × hour) are arrival counts divided
 * by the time the trace spent in that hour, so partly covered hours are not biased. Burstiness is read
 * from counts per window (one minute, or a thirtieth of the trace if it is shorter than half an hour):
 * {@link Result#indexOfDispersion()} is their variance / mean over the whole trace, and
 * {@link Result#withinHourDispersion()} the same measured around each calendar hour's own mean, i.e.
 * what is left once the rate is allowed to change from hour to hour. For a Poisson process with an
 * hourly profile the latter is 1; it is called over-dispersed when it exceeds
 * {@value #OVER_DISPERSION} and a χ² dispersion test rejects Poisson at the 1% level.
 *
 * <p>Recommendation: a trace of a day or more gets a {@link ProfileTraffic} of 24 hourly rates
 * (168, Monday first, when it covers two weeks and some weekday's rate differs from the mean by more
 * than {@value #WEEKDAY_EFFECT_PERCENT}%) whose time 0 is midnight in the given offset. The simulator
 * has no renewal process modulated by a profile, so when arrivals are over-dispersed within hours the
 * profile is still returned, with a note that it misses the bursts. A shorter trace has no daily
 * structure and gets {@link PoissonTraffic} at the observed rate when it looks Poisson (inter-arrival
 * cv near 1, not over-dispersed), else a {@link RenewalTraffic} with gamma inter-arrival times of the
 * observed mean and cv (deterministic ones when the cv is 0).
 */
public final class ArrivalFit {
    /** Arrivals needed to say anything. */
    public static final int MIN_ARRIVALS = 20;
    /** Within-hour index of dispersion above which arrivals count as bursty (when also significant). */
    public static final double OVER_DISPERSION = 1.5;

    static final int WEEKDAY_EFFECT_PERCENT = 10;
    private static final double DISPERSION_TEST_LEVEL = 0.01;
    private static final double DAY = 86_400;
    private static final double HOUR = 3_600;
    private static final double WEEK = 7 * DAY;
    private static final int MIN_WINDOWS = 10;
    private static final double MAX_EPOCH_SECONDS = 1e12;
    private static final int MAX_SPAN_YEARS = 10;
    private static final double MAX_SPAN_S = MAX_SPAN_YEARS * 365.25 * DAY;

    private ArrivalFit() {}

    /**
     * What the trace shows.
     *
     * @param n                     arrivals
     * @param spanS                 last − first arrival (seconds)
     * @param meanRatePerS          (n − 1) / span, the reciprocal of the mean inter-arrival time
     * @param interArrivalCv        coefficient of variation of the inter-arrival times
     * @param hourOfDayRatesPerS    24 rates, hour 0 = 00:00–01:00 in the offset; NaN for hours the trace never covers
     * @param weekdayHourRatesPerS  168 rates, Monday 00:00 first, when the trace covers two weeks; else empty
     * @param weekdayFactors        7 ratios of each weekday's rate to the mean rate, Monday first, when the
     *                              trace covers two weeks; else empty
     * @param windowS               width of the counting windows (seconds)
     * @param indexOfDispersion     variance / mean of the counts per window; NaN when fewer than 10 windows
     * @param withinHourDispersion  the same around each calendar hour's mean; NaN when fewer than 10 windows
     * @param overDispersed         whether arrivals are bursty beyond what an hourly rate explains
     * @param recommended           the traffic spec to simulate with
     * @param notes                 sentences for the user: what was recommended and why, what it misses
     */
    public record Result(
            int n,
            double spanS,
            double meanRatePerS,
            double interArrivalCv,
            List<Double> hourOfDayRatesPerS,
            List<Double> weekdayHourRatesPerS,
            List<Double> weekdayFactors,
            double windowS,
            double indexOfDispersion,
            double withinHourDispersion,
            boolean overDispersed,
            Traffic recommended,
            List<String> notes) {
        public Result {
            hourOfDayRatesPerS = List.copyOf(hourOfDayRatesPerS);
            weekdayHourRatesPerS = List.copyOf(weekdayHourRatesPerS);
            weekdayFactors = List.copyOf(weekdayFactors);
            notes = List.copyOf(notes);
        }
    }

    /** {@link #fit(double[], ZoneOffset)} with hours of day in UTC. */
    public static Result fit(double[] sortedEpochSeconds) {
        return fit(sortedEpochSeconds, ZoneOffset.UTC);
    }

    /**
     * Fits the arrival profile of a trace.
     *
     * @param sortedEpochSeconds arrival times, seconds since 1970-01-01T00:00Z, in non-decreasing order
     * @param offset             the offset whose clock defines hours of day and weekdays (fixed: no
     *                           daylight-saving changes, as a repeating profile has none)
     * @throws BadInputException if there are fewer than {@value #MIN_ARRIVALS} arrivals, a time is not
     *                           finite (or beyond ±10¹² s) or is earlier than the one before it, all times
     *                           are equal, or they span more than ten years (usually milliseconds passed
     *                           as seconds)
     */
    public static Result fit(double[] sortedEpochSeconds, ZoneOffset offset) {
        double[] t = validate(sortedEpochSeconds, offset);
        int n = t.length;
        double span = t[n - 1] - t[0];
        double rate = (n - 1) / span;
        double cv = interArrivalCv(t);
        List<String> notes = new ArrayList<>();

        double[] hourCount = new double[24];
        double[] hourExposure = new double[24];
        double[] weekCount = new double[168];
        double[] weekExposure = new double[168];
        for (double v : t) {
            int wh = weekHour(Math.floor(v / HOUR));
            weekCount[wh]++;
            hourCount[wh % 24]++;
        }
        for (double h = Math.floor(t[0] / HOUR); h * HOUR < t[n - 1]; h++) {
            double covered = Math.min((h + 1) * HOUR, t[n - 1]) - Math.max(h * HOUR, t[0]);
            int wh = weekHour(h);
            weekExposure[wh] += covered;
            hourExposure[wh % 24] += covered;
        }
        List<Double> hourRates = new ArrayList<>();
        for (int h = 0; h < 24; h++) hourRates.add(hourExposure[h] > 0 ? hourCount[h] / hourExposure[h] : Double.NaN);

        List<Double> weekRates = new ArrayList<>();
        List<Double> weekdayFactors = new ArrayList<>();
        boolean weekly = span >= 2 * WEEK;
        boolean weekdayEffect = false;
        if (weekly) {
            for (int i = 0; i < 168; i++) weekRates.add(weekCount[i] / weekExposure[i]);
            double overall = sum(weekCount) / sum(weekExposure);
            for (int d = 0; d < 7; d++) {
                double c = 0;
                double e = 0;
                for (int h = 0; h < 24; h++) {
                    c += weekCount[d * 24 + h];
                    e += weekExposure[d * 24 + h];
                }
                double factor = c / e / overall;
                weekdayFactors.add(factor);
                weekdayEffect |= Math.abs(factor - 1) > WEEKDAY_EFFECT_PERCENT / 100.0;
            }
        }

        double window = span >= 30 * 60 ? 60 : span / 30;
        Dispersion disp = dispersion(t, window);
        boolean overDispersed = disp.within() > OVER_DISPERSION && disp.pValue() < DISPERSION_TEST_LEVEL;
        String burst = Double.isNaN(disp.within())
                ? ""
                : String.format(
                        Locale.ROOT,
                        "counts per %s within each hour have variance/mean %.2f (p = %.2g against Poisson)",
                        windowText(window),
                        disp.within(),
                        disp.pValue());

        Traffic recommended;
        if (span >= DAY) {
            if (weekly && weekdayEffect) {
                recommended = new ProfileTraffic(weekRates, HOUR, true);
                notes.add("Recommended: a weekly profile of 168 hourly rates (time 0 = Monday 00:00 " + clock(offset)
                        + "); weekday rates differ from the mean by more than " + WEEKDAY_EFFECT_PERCENT + "%.");
            } else {
                recommended = new ProfileTraffic(hourRates, HOUR, true);
                notes.add("Recommended: a daily profile of 24 hourly rates (time 0 = 00:00 " + clock(offset) + ")"
                        + (weekly
                                ? "; weekday rates are all within " + WEEKDAY_EFFECT_PERCENT + "% of the mean."
                                : "; the trace covers less than two weeks, so weekdays are not told apart."));
            }
            if (overDispersed) {
                notes.add("Arrivals are bursty beyond the hourly profile: " + burst + ". The simulator has no renewal "
                        + "process modulated by a profile, so the profile reproduces the daily shape but not the bursts; "
                        + "queueing delay will be underestimated (replay the trace to see the bursts).");
            } else if (!burst.isEmpty()) {
                notes.add("Within hours arrivals are close to Poisson: " + burst + ", not above " + OVER_DISPERSION
                        + ".");
            }
        } else {
            double cvTolerance = Math.max(0.2, 3 / Math.sqrt(n));
            if (!overDispersed && Math.abs(cv - 1) <= cvTolerance) {
                recommended = new PoissonTraffic(rate);
                notes.add(String.format(
                        Locale.ROOT,
                        "Recommended: Poisson at %.4g/s; the trace spans less than a day, so "
                                + "there is no daily profile, and inter-arrival cv %.2f is close to 1.",
                        rate,
                        cv));
            } else {
                // Perfectly regular arrivals (a load generator) have cv 0, which no gamma can express.
                boolean regular = cv <= 1e-9;
                recommended = new RenewalTraffic(
                        regular ? new Deterministic(1 / rate) : new GammaDist(1 / rate, cv, null, null));
                notes.add(String.format(
                        Locale.ROOT,
                        "Recommended: a renewal process with %s inter-arrival times of mean "
                                + "%.4g s and cv %.2f (the observed ones); the trace spans less than a day, so there is no daily "
                                + "profile, and arrivals are not Poisson%s.",
                        regular ? "deterministic" : "gamma",
                        1 / rate,
                        cv,
                        burst.isEmpty() ? "" : " (" + burst + ")"));
                // A renewal process's counts have variance/mean ≈ cv² over long windows; much more means the rate
                // itself wanders for minutes at a time, which no renewal process reproduces.
                if (overDispersed && disp.within() > 2 * Math.max(1, cv * cv)) {
                    notes.add(String.format(
                            Locale.ROOT,
                            "This renewal process gives counts with variance/mean about %.2g, well "
                                    + "below the observed %.3g: the bursts are periods of higher rate lasting minutes. An MMPP (not "
                                    + "fitted here) or replaying the trace reproduces them; expect the renewal to underestimate queueing.",
                            cv * cv,
                            disp.within()));
                }
            }
        }
        return new Result(
                n,
                span,
                rate,
                cv,
                hourRates,
                weekRates,
                weekdayFactors,
                window,
                disp.overall(),
                disp.within(),
                overDispersed,
                recommended,
                notes);
    }

    private static double[] validate(double[] t, ZoneOffset offset) {
        if (t == null || t.length < MIN_ARRIVALS) {
            throw new BadInputException(
                    "arrival times: need at least " + MIN_ARRIVALS + " arrivals, got " + (t == null ? 0 : t.length));
        }
        if (offset == null) throw new BadInputException("arrival times: a zone offset is required");
        double shift = offset.getTotalSeconds();
        double[] local = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            if (!(Math.abs(t[i]) < MAX_EPOCH_SECONDS)) {
                throw new BadInputException("arrival times: value [" + i + "] is " + t[i] + "; expected epoch seconds, "
                        + "a finite number below " + MAX_EPOCH_SECONDS + " in magnitude (not milliseconds)");
            }
            if (i > 0 && t[i] < t[i - 1]) {
                throw new BadInputException("arrival times: value [" + i + "] = " + t[i] + " is earlier than value ["
                        + (i - 1) + "] = " + t[i - 1] + "; expected times sorted in increasing order");
            }
            local[i] = t[i] + shift;
        }
        if (t[0] == t[t.length - 1]) {
            throw new BadInputException(
                    "arrival times: all " + t.length + " arrivals are at " + t[0] + "; no rate can be measured");
        }
        if (t[t.length - 1] - t[0] > MAX_SPAN_S) {
            throw new BadInputException(String.format(
                    Locale.ROOT,
                    "arrival times: the trace spans %.0f days, more than %d years; "
                            + "check the unit (seconds expected, not milliseconds)",
                    (t[t.length - 1] - t[0]) / DAY,
                    MAX_SPAN_YEARS));
        }
        return local;
    }

    /** Index 0 … 167 of a local hour (hours since the epoch, local clock) in a Monday-first week. */
    private static int weekHour(double hour) {
        long h = (long) hour;
        long day = Math.floorDiv(h, 24);
        int weekday = (int) Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday
        return weekday * 24 + (int) Math.floorMod(h, 24);
    }

    private static double interArrivalCv(double[] t) {
        int m = t.length - 1;
        double mean = (t[m] - t[0]) / m;
        double ss = 0;
        for (int i = 1; i <= m; i++) {
            double d = t[i] - t[i - 1] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / (m - 1)) / mean;
    }

    /** Variance/mean of counts per window overall and within calendar hours, with the χ² p-value of the latter. */
    record Dispersion(double overall, double within, double pValue) {}

    static Dispersion dispersion(double[] t, double window) {
        long first = (long) Math.ceil(t[0] / window);
        long last = (long) Math.floor(t[t.length - 1] / window); // windows [k·w, (k+1)·w) for first ≤ k < last
        int windows = (int) Math.min(Integer.MAX_VALUE, last - first);
        if (windows < MIN_WINDOWS) return new Dispersion(Double.NaN, Double.NaN, Double.NaN);
        int[] counts = new int[windows];
        for (double v : t) {
            long k = (long) Math.floor(v / window) - first;
            if (k >= 0 && k < windows) counts[(int) k]++;
        }
        double mean = 0;
        for (int c : counts) mean += c;
        mean /= windows;
        double ss = 0;
        for (int c : counts) ss += (c - mean) * (c - mean);
        double overall = ss / (windows - 1) / mean;

        // Pearson's dispersion statistic Σ (c − c̄_h)² / c̄_h within each calendar hour h, ~ χ²(Σ (m_h − 1)) under
        // Poisson.
        double chi2 = 0;
        long dof = 0;
        int i = 0;
        while (i < windows) {
            long hour = (long) Math.floor((first + i) * window / HOUR);
            int j = i;
            double s = 0;
            while (j < windows && (long) Math.floor((first + j) * window / HOUR) == hour) s += counts[j++];
            int m = j - i;
            double hm = s / m;
            if (m >= 2 && hm > 0) {
                for (int q = i; q < j; q++) chi2 += (counts[q] - hm) * (counts[q] - hm) / hm;
                dof += m - 1;
            }
            i = j;
        }
        if (dof == 0) return new Dispersion(overall, Double.NaN, Double.NaN);
        double p = ChiSquaredDistribution.of(dof).survivalProbability(chi2);
        return new Dispersion(overall, chi2 / dof, p);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s;
    }

    private static String clock(ZoneOffset offset) {
        return "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
    }

    private static String windowText(double window) {
        return window == 60 ? "minute" : String.format(Locale.ROOT, "%.3g s", window);
    }
}
