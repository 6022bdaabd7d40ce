package frontier.analysis.fit;

import frontier.sim.BadInputException;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Empirical;
import frontier.sim.dist.Exponential;
import frontier.sim.dist.GammaDist;
import frontier.sim.dist.LogNormal;
import frontier.sim.dist.Weibull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/**
 * Fits measured service times (seconds) with the simulator's parametric families — exponential,
 * lognormal, gamma, Weibull — by maximum likelihood, and says which {@link Distribution} to simulate
 * with.
 *
 * <p>Each family is ranked by AIC (2k − 2·log-likelihood). The <em>recommended</em> distribution is the
 * lowest-AIC family whose fitted p50 and p95 are both within 5% ({@link #QUANTILE_TOLERANCE}) of the
 * sample's; when no family manages that, it is an {@link Empirical} distribution holding a table
 * of at most {@value #EMPIRICAL_POINTS} equally spaced sample quantiles (equal probability each, so a
 * uniform draw from the table is a smoothed bootstrap of the data). Shifted families are not fitted:
 * the simulator's distributions have no shift parameter, so a shifted fit could not be simulated.
 *
 * <p>Sample quantiles are always taken from all values (type 7, linear interpolation, as R and NumPy
 * by default). Above {@value #MAX_FIT_SAMPLES} values the likelihood fits and the KS distances use
 * {@value #MAX_FIT_SAMPLES} evenly spaced order statistics of the sorted data, a deterministic
 * subsample that keeps the shape exactly; 10⁶ values fit in well under a second.
 */
public final class ServiceTimeFit {
    /** Values needed for a fit; fewer cannot tell families apart. */
    public static final int MIN_SAMPLES = 10;
    /** Smallest and largest plausible service times (1 ns, about 31 years); anything else is a unit mistake. */
    public static final double MIN_SECONDS = 1e-9;

    public static final double MAX_SECONDS = 1e9;
    /** Above this many values the likelihood fits and KS distances use a deterministic subsample. */
    public static final int MAX_FIT_SAMPLES = 200_000;
    /** Largest relative error of a family's p50 and p95 for it to be recommended. */
    public static final double QUANTILE_TOLERANCE = 0.05;
    /** Size of the quantile table of the empirical recommendation. */
    public static final int EMPIRICAL_POINTS = 1000;

    private static final String TOLERANCE_TEXT = Math.round(100 * QUANTILE_TOLERANCE) + "%";

    private ServiceTimeFit() {}

    /** The candidate families, with their number of free parameters. */
    public enum Family {
        EXPONENTIAL(1),
        LOGNORMAL(2),
        GAMMA(2),
        WEIBULL(2);

        private final int parameters;

        Family(int parameters) {
            this.parameters = parameters;
        }

        public int parameters() {
            return parameters;
        }
    }

    /** Median, 95th and 99th percentiles (seconds, or relative errors where stated). */
    public record Quantiles(double p50, double p95, double p99) {}

    /**
     * One family fitted by maximum likelihood.
     *
     * @param distribution  the fit as the simulator's record, with native parameters
     * @param logLikelihood on the fitted values (all, or the subsample)
     * @param aic           2k − 2·logLikelihood; lower is better
     * @param ksDistance    Kolmogorov–Smirnov distance: the largest gap between the fitted and the
     *                      empirical CDF (ties from rounded times make it larger)
     * @param ksPValue      nominal KS p-value as if the parameters were known in advance; estimating them
     *                      from the same data makes it too large, and with tens of thousands of real
     *                      values every family is rejected, so read it as a ranking aid, not a test
     * @param quantiles     the fitted distribution's p50, p95, p99
     * @param relativeError (fitted − sample) / sample for each of the three
     */
    public record Candidate(
            Family family,
            Distribution distribution,
            double logLikelihood,
            double aic,
            double ksDistance,
            double ksPValue,
            Quantiles quantiles,
            Quantiles relativeError) {
        /** Whether the fitted p50 and p95 are both within {@code tolerance} (relative) of the sample's. */
        public boolean matchesQuantiles(double tolerance) {
            return Math.abs(relativeError.p50()) <= tolerance && Math.abs(relativeError.p95()) <= tolerance;
        }
    }

    /**
     * The outcome of a fit.
     *
     * @param n           values given
     * @param nFitted     values the likelihoods and KS distances were computed on (n, or the subsample size)
     * @param mean        sample mean (seconds)
     * @param cv          sample coefficient of variation
     * @param sample      the sample's p50, p95, p99 from all values
     * @param candidates  every family, best (lowest AIC) first
     * @param recommended what to simulate with: the best family within tolerance, or an empirical table
     * @param notes       sentences for the user: the choice and why, subsampling
     */
    public record Report(
            int n,
            int nFitted,
            double mean,
            double cv,
            Quantiles sample,
            List<Candidate> candidates,
            Distribution recommended,
            List<String> notes) {
        public Report {
            candidates = List.copyOf(candidates);
            notes = List.copyOf(notes);
        }

        /** The lowest-AIC family, whether or not it is recommended. */
        public Candidate best() {
            return candidates.getFirst();
        }

        /** True when no family matched the sample's p50 and p95 and the recommendation is a quantile table. */
        public boolean empiricalRecommended() {
            return recommended instanceof Empirical;
        }
    }

    /**
     * Fits the four families to {@code seconds}.
     *
     * @throws BadInputException if there are fewer than {@value #MIN_SAMPLES} values, any value is not a
     *                           finite number &gt; 0 (the message gives the first offending index and how
     *                           many there are) or lies outside {@value #MIN_SECONDS} … {@value #MAX_SECONDS} s,
     *                           or all values are equal
     */
    public static Report fit(double[] seconds) {
        double[] sorted = validated(seconds);
        int n = sorted.length;
        double[] x = n > MAX_FIT_SAMPLES ? orderStatisticSubsample(sorted, MAX_FIT_SAMPLES) : sorted;
        Quantiles sample = new Quantiles(quantile(sorted, 0.5), quantile(sorted, 0.95), quantile(sorted, 0.99));
        double sum = 0;
        for (double v : sorted) sum += v;
        double mean = sum / n;
        double ss = 0;
        for (double v : sorted) ss += (v - mean) * (v - mean);
        double cv = Math.sqrt(ss / (n - 1)) / mean;

        Moments m = Moments.of(x);
        List<Candidate> candidates = new ArrayList<>();
        for (Family f : Family.values()) candidates.add(candidate(f, x, m, sample));
        candidates.sort(Comparator.comparingDouble(Candidate::aic));

        List<String> notes = new ArrayList<>();
        if (x.length < n) {
            notes.add("Likelihoods and KS distances use " + x.length + " evenly spaced order statistics of the " + n
                    + " values (deterministic subsample); quantiles use all values.");
        }
        Candidate best = candidates.getFirst();
        Candidate chosen = candidates.stream()
                .filter(c -> c.matchesQuantiles(QUANTILE_TOLERANCE))
                .findFirst()
                .orElse(null);
        Distribution recommended;
        if (chosen == null) {
            List<Double> table = quantileTable(sorted, EMPIRICAL_POINTS);
            recommended = new Empirical(table);
            notes.add("No family's p50 and p95 are both within " + TOLERANCE_TEXT + " of the sample's (best by AIC: "
                    + name(best) + ", p50 " + percent(best.relativeError().p50()) + ", p95 "
                    + percent(best.relativeError().p95())
                    + "); recommended: the empirical distribution as a table of " + table.size()
                    + " sample quantiles.");
        } else {
            recommended = chosen.distribution();
            if (chosen == best) {
                notes.add("Recommended: " + name(best) + " (lowest AIC; p50 "
                        + percent(best.relativeError().p50()) + ", p95 "
                        + percent(best.relativeError().p95()) + " from the sample's).");
            } else {
                notes.add("Recommended: " + name(chosen) + ", the lowest-AIC family whose p50 and p95 are within "
                        + TOLERANCE_TEXT + " of the sample's; " + name(best) + " has a lower AIC but misses them (p50 "
                        + percent(best.relativeError().p50()) + ", p95 "
                        + percent(best.relativeError().p95()) + ").");
            }
        }
        return new Report(n, x.length, mean, cv, sample, candidates, recommended, notes);
    }

    private static double[] validated(double[] seconds) {
        if (seconds == null || seconds.length < MIN_SAMPLES) {
            throw new BadInputException("service times: need at least " + MIN_SAMPLES
                    + " values to fit a distribution, got " + (seconds == null ? 0 : seconds.length));
        }
        int bad = 0;
        int first = -1;
        for (int i = 0; i < seconds.length; i++) {
            if (!(seconds[i] > 0) || Double.isInfinite(seconds[i])) {
                if (bad++ == 0) first = i;
            }
        }
        if (bad > 0) {
            throw new BadInputException(
                    "service times: value [" + first + "] is " + seconds[first] + " and " + (bad - 1)
                            + " more are not finite numbers of seconds > 0; remove zero, negative and missing times "
                            + "(e.g. failed or pending requests) before fitting");
        }
        for (int i = 0; i < seconds.length; i++) {
            if (seconds[i] < MIN_SECONDS || seconds[i] > MAX_SECONDS) {
                throw new BadInputException("service times: value [" + i + "] is " + seconds[i] + " s, outside "
                        + MIN_SECONDS + " to " + MAX_SECONDS + " s; check the unit (seconds expected)");
            }
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        if (sorted[0] == sorted[sorted.length - 1]) {
            throw new BadInputException("service times: all " + sorted.length + " values are " + sorted[0]
                    + " s; nothing to fit (use a deterministic distribution)");
        }
        return sorted;
    }

    /** Sums the MLEs need, computed once. */
    private record Moments(int n, double mean, double meanLog, double sumLog, double sdLog) {
        static Moments of(double[] x) {
            double s = 0;
            double sl = 0;
            for (double v : x) {
                s += v;
                sl += Math.log(v);
            }
            double ml = sl / x.length;
            double ss = 0;
            for (double v : x) {
                double d = Math.log(v) - ml;
                ss += d * d;
            }
            return new Moments(x.length, s / x.length, ml, sl, Math.sqrt(ss / x.length));
        }
    }

    private static Candidate candidate(Family f, double[] x, Moments m, Quantiles sample) {
        int n = m.n();
        Distribution dist;
        ContinuousDistribution law;
        double ll;
        switch (f) {
            case EXPONENTIAL -> {
                dist = Exponential.ofMean(m.mean());
                law = ExponentialDistribution.of(m.mean());
                ll = -n * Math.log(m.mean()) - n;
            }
            case LOGNORMAL -> {
                double mu = m.meanLog();
                double sigma = m.sdLog();
                dist = new LogNormal(null, null, mu, sigma);
                law = LogNormalDistribution.of(mu, sigma);
                ll = -m.sumLog() - n * Math.log(sigma) - 0.5 * n * Math.log(2 * Math.PI) - 0.5 * n;
            }
            case GAMMA -> {
                double k = gammaShape(Math.log(m.mean()) - m.meanLog());
                double theta = m.mean() / k;
                dist = new GammaDist(null, null, k, theta);
                law = GammaDistribution.of(k, theta);
                ll = (k - 1) * m.sumLog() - n * m.mean() / theta - n * k * Math.log(theta) - n * Gamma.logGamma(k);
            }
            case WEIBULL -> {
                double[] logs = new double[n];
                for (int i = 0; i < n; i++) logs[i] = Math.log(x[i]) - m.meanLog();
                double k = weibullShape(logs, m.sdLog());
                // λ^k = mean of x^k; in logs relative to the geometric mean, with the largest term factored out.
                double top = k * logs[n - 1];
                double s = 0;
                for (double l : logs) s += Math.exp(k * l - top);
                double logLambda = m.meanLog() + (top + Math.log(s / n)) / k;
                double lambda = Math.exp(logLambda);
                dist = new Weibull(null, null, k, lambda);
                law = WeibullDistribution.of(k, lambda);
                double sumPow = 0;
                for (double v : x) sumPow += Math.exp(k * (Math.log(v) - logLambda));
                ll = n * Math.log(k) - n * k * logLambda + (k - 1) * m.sumLog() - sumPow;
            }
            default -> throw new IllegalStateException();
        }
        double d = ksDistance(x, law);
        double p = 1 - new KolmogorovSmirnovTest().cdf(d, n);
        Quantiles q = new Quantiles(
                law.inverseCumulativeProbability(0.5),
                law.inverseCumulativeProbability(0.95),
                law.inverseCumulativeProbability(0.99));
        Quantiles err =
                new Quantiles(q.p50() / sample.p50() - 1, q.p95() / sample.p95() - 1, q.p99() / sample.p99() - 1);
        return new Candidate(f, dist, ll, 2 * f.parameters() - 2 * ll, d, Math.max(0, p), q, err);
    }

    /** Solves ln k − ψ(k) = s for the gamma shape by Newton's method from Minka's closed-form start. */
    static double gammaShape(double s) {
        double k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
        for (int i = 0; i < 100; i++) {
            double f = Math.log(k) - Gamma.digamma(k) - s;
            double df = 1 / k - Gamma.trigamma(k);
            double next = k - f / df;
            if (!(next > 0)) next = k / 2;
            if (Math.abs(next - k) <= 1e-12 * k) return next;
            k = next;
        }
        return k;
    }

    /**
     * Solves the Weibull shape equation Σ xᵏ ln x / Σ xᵏ − 1/k − mean(ln x) = 0, which is increasing in k;
     * {@code logs} are ln x minus their mean, sorted ascending, so the largest term can be factored out.
     */
    private static double weibullShape(double[] logs, double sdLog) {
        double top = logs[logs.length - 1];
        java.util.function.DoubleUnaryOperator g = k -> {
            double num = 0;
            double den = 0;
            for (double l : logs) {
                double w = Math.exp(k * (l - top));
                num += w * l;
                den += w;
            }
            return num / den - 1 / k;
        };
        double k0 = Math.PI / (Math.sqrt(6) * sdLog); // the moment estimate from the spread of ln x
        double lo = k0 / 4;
        double hi = k0 * 4;
        while (g.applyAsDouble(lo) > 0) lo /= 4;
        while (g.applyAsDouble(hi) < 0) hi *= 4;
        return new BrentSolver(1e-12, 1e-10).solve(200, g::applyAsDouble, lo, hi, k0);
    }

    private static double ksDistance(double[] sorted, ContinuousDistribution law) {
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = law.cumulativeProbability(sorted[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        return d;
    }

    /** Evenly spaced order statistics: the (i + ½)/m quantiles by rank, i = 0 … m − 1. */
    private static double[] orderStatisticSubsample(double[] sorted, int m) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) out[i] = sorted[(int) ((i + 0.5) * sorted.length / m)];
        return out;
    }

    /** The sample quantile of type 7 (linear interpolation between order statistics). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** All values when there are at most {@code points}, else the (i + ½)/points quantiles. */
    private static List<Double> quantileTable(double[] sorted, int points) {
        List<Double> table = new ArrayList<>();
        if (sorted.length <= points) {
            for (double v : sorted) table.add(v);
        } else {
            for (int i = 0; i < points; i++) table.add(quantile(sorted, (i + 0.5) / points));
        }
        return table;
    }

    private static String name(Candidate c) {
        return c.family().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String percent(double relative) {
        return String.format(java.util.Locale.ROOT, "%+.1f%%", 100 * relative);
    }
}
