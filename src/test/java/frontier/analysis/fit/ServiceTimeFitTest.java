package frontier.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.fit.ServiceTimeFit.Candidate;
import frontier.analysis.fit.ServiceTimeFit.Family;
import frontier.analysis.fit.ServiceTimeFit.Report;
import frontier.sim.BadInputException;
import frontier.sim.RandomStreams;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Empirical;
import frontier.sim.dist.Exponential;
import frontier.sim.dist.GammaDist;
import frontier.sim.dist.LogNormal;
import frontier.sim.dist.Sampler;
import frontier.sim.dist.Weibull;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class ServiceTimeFitTest {
    static double[] draw(Distribution d, int n, long seed) {
        Sampler s = d.sampler(new RandomStreams(seed, 0).stream("service"));
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = s.sample();
        return x;
    }

    private static Candidate of(Report r, Family f) {
        return r.candidates().stream().filter(c -> c.family() == f).findFirst().orElseThrow();
    }

    // Tolerances below are 4 asymptotic standard errors of the maximum-likelihood estimator at n = 20,000,
    // so a correct estimator fails a check with probability < 1e-4 (and the seeds are fixed).
    private static final int N = 20_000;

    @Test
    void exponentialMeanIsRecovered() {
        Report r = ServiceTimeFit.fit(draw(Exponential.ofMean(0.4), N, 1));
        double se = 0.4 / Math.sqrt(N);
        assertEquals(0.4, of(r, Family.EXPONENTIAL).distribution().mean(), 4 * se);
    }

    @Test
    void lognormalMuAndSigmaAreRecovered() {
        Report r = ServiceTimeFit.fit(draw(new LogNormal(null, null, -1.0, 0.6), N, 2));
        LogNormal fit = (LogNormal) of(r, Family.LOGNORMAL).distribution();
        assertEquals(-1.0, fit.mu(), 4 * 0.6 / Math.sqrt(N));
        assertEquals(0.6, fit.sigma(), 4 * 0.6 / Math.sqrt(2.0 * N));
    }

    @Test
    void gammaShapeAndScaleAreRecovered() {
        double k = 2.5;
        Report r = ServiceTimeFit.fit(draw(new GammaDist(null, null, k, 0.3), N, 3));
        GammaDist fit = (GammaDist) of(r, Family.GAMMA).distribution();
        // Fisher information of the shape with the scale profiled out: n (k ψ'(k) − 1) / k.
        double seShape = Math.sqrt(k / (N * (k * Gamma.trigamma(k) - 1)));
        assertEquals(k, fit.shape(), 4 * seShape);
        // The mean kθ is estimated by the sample mean: se = mean · cv / √n.
        assertEquals(k * 0.3, fit.shape() * fit.scale(), 4 * k * 0.3 / Math.sqrt(k) / Math.sqrt(N));
    }

    @Test
    void weibullShapeAndScaleAreRecovered() {
        double k = 1.7;
        double lambda = 2.0;
        Report r = ServiceTimeFit.fit(draw(new Weibull(null, null, k, lambda), N, 4));
        Weibull fit = (Weibull) of(r, Family.WEIBULL).distribution();
        // Asymptotic variances of the Weibull MLE: 0.608 k²/n for the shape, 1.109 λ²/(k² n) for the scale.
        assertEquals(k, fit.shape(), 4 * Math.sqrt(0.608 / N) * k);
        assertEquals(lambda, fit.scale(), 4 * Math.sqrt(1.109 / N) * lambda / k);
    }

    @Test
    void likelihoodsAndKsDistancesMatchAnIndependentComputation() {
        double[] x = draw(new GammaDist(1.0, 0.5, null, null), 2_000, 5);
        Report r = ServiceTimeFit.fit(x);
        Candidate exp = of(r, Family.EXPONENTIAL);
        double mean = Arrays.stream(x).average().orElseThrow();
        double ll = 0;
        for (double v : x) ll += Math.log(1 / mean) - v / mean;
        assertEquals(ll, exp.logLikelihood(), 1e-6 * Math.abs(ll));
        assertEquals(2 - 2 * ll, exp.aic(), 1e-6 * Math.abs(ll));
        // KS distance by brute force over the empirical CDF's two sides at each point.
        double[] s = x.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double f = 1 - Math.exp(-s[i] / mean);
            d = Math.max(d, Math.abs(f - i / (double) s.length));
            d = Math.max(d, Math.abs(f - (i + 1) / (double) s.length));
        }
        assertEquals(d, exp.ksDistance(), 1e-12);
        assertTrue(exp.ksPValue() < 1e-6, "gamma data with cv 0.5 is not exponential: " + exp.ksPValue());
        assertTrue(
                of(r, Family.GAMMA).ksPValue() > 0.01,
                "the generating family is not rejected: " + of(r, Family.GAMMA).ksPValue());
    }

    @Test
    void theGeneratingTwoParameterFamilyWinsOnAicAndIsRecommended() {
        // cv 0.5 makes lognormal, gamma and Weibull differ clearly in the tails; n = 5,000 separates them by
        // tens of log-likelihood units, so each seed must pick its own family.
        List<Distribution> truths = List.of(
                new LogNormal(2.0, 0.5, null, null),
                new GammaDist(2.0, 0.5, null, null),
                new Weibull(2.0, 0.5, null, null));
        List<Family> families = List.of(Family.LOGNORMAL, Family.GAMMA, Family.WEIBULL);
        for (int i = 0; i < truths.size(); i++) {
            for (long seed = 10; seed < 15; seed++) {
                Report r = ServiceTimeFit.fit(draw(truths.get(i), 5_000, seed));
                assertEquals(families.get(i), r.best().family(), "seed " + seed + ": " + r.candidates());
                assertEquals(r.best().distribution(), r.recommended(), r.notes().toString());
                assertTrue(
                        r.best().matchesQuantiles(ServiceTimeFit.QUANTILE_TOLERANCE),
                        r.best().toString());
            }
        }
    }

    @Test
    void exponentialDataMostlyPickTheExponentialAndOtherwiseANearlyExponentialFit() {
        // Gamma and Weibull contain the exponential (shape 1); AIC prefers the extra parameter only when the
        // likelihood ratio exceeds 2, i.e. with probability ≈ 0.16 for each, so about 3 in 4 seeds pick the
        // exponential. Over 20 seeds at least 11 must (binomial tail below that < 1%), and any other winner
        // must have a shape within 4 standard errors of 1.
        int wins = 0;
        for (long seed = 0; seed < 20; seed++) {
            Report r = ServiceTimeFit.fit(draw(Exponential.ofMean(1.0), 5_000, 100 + seed));
            Distribution best = r.best().distribution();
            switch (best) {
                case Exponential e -> wins++;
                case GammaDist g -> assertEquals(1.0, g.shape(), 4 * Math.sqrt(1 / (5_000 * (Gamma.trigamma(1) - 1))));
                case Weibull w -> assertEquals(1.0, w.shape(), 4 * Math.sqrt(0.608 / 5_000));
                default -> throw new AssertionError("seed " + seed + " picked " + best);
            }
        }
        assertTrue(wins >= 11, "exponential won " + wins + " of 20");
    }

    @Test
    void aBimodalSampleMatchesNoFamilySoTheEmpiricalTableIsRecommended() {
        double[] fast = draw(new LogNormal(0.2, 0.2, null, null), 6_000, 20);
        double[] slow = draw(new LogNormal(3.0, 0.2, null, null), 4_000, 21);
        double[] x = new double[10_000];
        System.arraycopy(fast, 0, x, 0, fast.length);
        System.arraycopy(slow, 0, x, fast.length, slow.length);
        Report r = ServiceTimeFit.fit(x);
        assertTrue(r.empiricalRecommended(), r.notes().toString());
        assertTrue(
                r.candidates().stream().noneMatch(c -> c.matchesQuantiles(0.05)),
                r.candidates().toString());
        Empirical table = assertInstanceOf(Empirical.class, r.recommended());
        assertEquals(ServiceTimeFit.EMPIRICAL_POINTS, table.samples().size());
        for (int i = 1; i < table.samples().size(); i++)
            assertTrue(table.samples().get(i) >= table.samples().get(i - 1));
        // Equal-probability quantiles: the table's mean is the sample mean up to the tails' interpolation.
        assertEquals(r.mean(), table.mean(), 0.01 * r.mean());
        assertEquals(
                r.sample().p50(), table.samples().get(499), 0.02 * r.sample().p50());
        assertTrue(r.notes().getLast().contains("empirical"), r.notes().toString());
    }

    @Test
    void smallSamplesBecomeTheirOwnEmpiricalTable() {
        double[] x = {1, 1, 1, 1, 1, 1, 20, 20, 20, 20, 20, 20};
        Report r = ServiceTimeFit.fit(x);
        assertTrue(r.empiricalRecommended(), r.notes().toString());
        assertEquals(12, ((Empirical) r.recommended()).samples().size());
    }

    @Test
    void aMillionValuesAreFittedOnADeterministicSubsampleWithQuantilesFromAll() {
        double[] x = draw(new LogNormal(0.1, 1.2, null, null), 1_000_000, 30);
        Report a = ServiceTimeFit.fit(x);
        assertEquals(1_000_000, a.n());
        assertEquals(ServiceTimeFit.MAX_FIT_SAMPLES, a.nFitted());
        assertTrue(a.notes().getFirst().contains("subsample"), a.notes().toString());
        assertEquals(Family.LOGNORMAL, a.best().family());
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        assertEquals(ServiceTimeFit.quantile(sorted, 0.95), a.sample().p95(), 0);
        LogNormal fit = (LogNormal) a.recommended();
        double sigma = Math.sqrt(Math.log1p(1.44));
        assertEquals(sigma, fit.sigma(), 4 * sigma / Math.sqrt(2.0 * ServiceTimeFit.MAX_FIT_SAMPLES));
        assertEquals(a, ServiceTimeFit.fit(x), "same input, same report");
    }

    @Test
    void degenerateInputsAreRejectedWithWhatWasWrong() {
        assertBad(null, "at least 10");
        assertBad(new double[0], "got 0");
        assertBad(new double[] {1.5}, "got 1");
        double[] ok = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] x = ok.clone();
            x[4] = bad;
            x[7] = bad;
            assertBad(x, "value [4] is " + bad + " and 1 more");
        }
        double[] same = new double[20];
        Arrays.fill(same, 0.25);
        assertBad(same, "all 20 values are 0.25");
    }

    @Test
    void randomGarbageGivesAReportOrBadInputNeverAnythingElse() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[] specials = {
            0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, 1e-300, 1e300, Double.MAX_VALUE
        };
        int reports = 0;
        for (int trial = 0; trial < 500; trial++) {
            double[] x = new double[rnd.nextInt(60)];
            double spread = rnd.nextDouble(0, 21); // up to the whole accepted range, 1e-9 … 1e9 s
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextInt(40) == 0
                        ? specials[rnd.nextInt(specials.length)]
                        : Math.exp(rnd.nextDouble(-spread, spread));
            }
            if (rnd.nextInt(10) == 0 && x.length > 2) x[1] = x[0]; // ties
            try {
                Report r = ServiceTimeFit.fit(x);
                reports++;
                assertTrue(r.recommended().mean() > 0, Arrays.toString(x));
                for (Candidate c : r.candidates()) {
                    assertTrue(c.ksDistance() >= 0 && c.ksDistance() <= 1 && !Double.isNaN(c.aic()), c.toString());
                }
            } catch (BadInputException expected) {
                assertTrue(expected.getMessage().startsWith("service times:"), expected.getMessage());
            }
        }
        assertTrue(reports > 100, "the garbage should often still be fittable: " + reports);
    }

    private static void assertBad(double[] x, String fragment) {
        BadInputException e = assertThrows(BadInputException.class, () -> ServiceTimeFit.fit(x));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
