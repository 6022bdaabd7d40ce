package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.IdlePolicy;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.ServerlessBilling;
import frontier.model.pool.ServerlessPool;
import frontier.model.traffic.PoissonTraffic;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Exponential;
import frontier.sim.dist.GammaDist;
import frontier.sim.dist.LogNormal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cascade against what it must equal: the mean cost per request C_small + p·C_full, and, with independent
 * stages and no queueing, the latency distribution (1 − p)·G₁ + p·(G₁ ∗ G₂), the mixture of the first stage's
 * service time and the convolution of both stages', computed here by numerical integration, independently of
 * the simulator.
 */
@Tag("validation")
class CascadeValidationTest {
    private static final double C_SMALL = 0.001;
    private static final double C_FULL = 0.010;

    /** A serverless pool billed per request only, so its cost is exactly its price × the requests it served. */
    private static ServerlessPool perRequest(String name, double usdPerRequest, Distribution service) {
        ServerlessBilling billing =
                new ServerlessBilling(usdPerRequest, null, null, null, null, null, null, null, null, null, null);
        return new ServerlessPool(
                name,
                1,
                ModelProfile.of(service),
                new Deterministic(1.0),
                null,
                600,
                null,
                10_000,
                0,
                IdlePolicy.NEWEST_FIRST,
                billing,
                null,
                null);
    }

    private static RunResult run(
            List<frontier.model.pool.Pools> pools,
            CascadeSpec cascade,
            double rate,
            long requests,
            long seed,
            RunListener listener) {
        FleetSpec spec = new FleetSpec(
                new PoissonTraffic(rate),
                pools,
                null,
                null,
                null,
                new RunSpec(null, requests, null, 0L, 1, seed),
                cascade);
        return ServingModel.run(spec, null, new RandomStreams(seed, 0), RunControl.NONE, listener);
    }

    @Test
    void meanCostPerRequestIsSmallPlusPTimesFull() {
        // Each request costs C_small + B·C_full with B ~ Bernoulli(p): standard deviation C_full·√(p(1−p)), so over
        // N requests the mean has standard error C_full·√(p(1−p)/N) (4.0e-6 USD at p = 0.2, N = 100,000). The
        // tolerance is 4 standard errors (a false alarm about once in 16,000 runs), plus the requests still in the
        // second stage at the stop (about λ·S = 1 at most, 1e-7 USD per request): the run stops by completions.
        long n = 100_000;
        for (double p : new double[] {0.05, 0.2, 0.6}) {
            RunResult r = run(
                    List.of(
                            perRequest("small", C_SMALL, new Deterministic(0.01)),
                            perRequest("full", C_FULL, new Deterministic(0.05))),
                    new CascadeSpec("small", "full", p, null, null, null),
                    20,
                    n,
                    7,
                    null);
            double perRequest = r.metric("cost_usd.total") / r.metric("completed");
            double se = C_FULL * Math.sqrt(p * (1 - p) / n);
            assertEquals(C_SMALL + p * C_FULL, perRequest, 4 * se + 1e-7, "p = " + p);
            // The stages add up to the whole, and each is what its price says.
            assertEquals(
                    r.metric(Metric.COST_PER_1K.path()),
                    r.metric(Metric.CASCADE_FIRST_COST.path()) + r.metric(Metric.CASCADE_SECOND_COST.path()),
                    1e-9);
            assertEquals(1000 * C_SMALL, r.metric(Metric.CASCADE_FIRST_COST.path()), 1000 * C_SMALL * 1e-4);
            assertEquals(1000 * p * C_FULL, r.metric(Metric.CASCADE_SECOND_COST.path()), 1000 * 4 * se + 1e-4);
            // The observed share: binomial, 4 standard errors.
            assertEquals(
                    p, r.metric(Metric.CASCADE_ESCALATED_SHARE.path()), 4 * Math.sqrt(p * (1 - p) / n), "p = " + p);
        }
    }

    @Test
    void scoreBelowThresholdEscalatesWithTheScoresProbability() {
        // Score ~ Exp(mean 1), threshold t: P(escalate) = 1 − e^(−t) = 0.2 for t = ln 1.25; 4 binomial standard errors.
        long n = 100_000;
        double t = Math.log(1.25);
        RunResult r = run(
                List.of(
                        perRequest("small", C_SMALL, new Deterministic(0.01)),
                        perRequest("full", C_FULL, new Deterministic(0.05))),
                new CascadeSpec("small", "full", null, Exponential.ofMean(1), t, null),
                20,
                n,
                11,
                null);
        assertEquals(0.2, r.metric(Metric.CASCADE_ESCALATED_SHARE.path()), 4 * Math.sqrt(0.2 * 0.8 / n));
        assertEquals(
                C_SMALL + 0.2 * C_FULL,
                r.metric("cost_usd.total") / r.metric("completed"),
                4 * C_FULL * Math.sqrt(0.16 / n) + 1e-7);
    }

    @Test
    void latencyWithoutQueueingIsTheMixtureOfOneAndTwoStageServiceTimes() {
        // First stage Gamma(mean 0.5 s, cv 0.5), second LogNormal(mean 2 s, cv 0.8), p = 0.3, Poisson at 5 req/s into
        // 60
        // always-on instances per pool (offered load 2.5 and 3 erlangs): no request ever waits, which the run confirms.
        double p = 0.3;
        Distribution s1 = new GammaDist(0.5, 0.5, null, null);
        Distribution s2 = new LogNormal(2.0, 0.8, null, null);
        List<frontier.model.pool.Pools> pools = List.of(
                new AlwaysOnPool("small", 60, 1, ModelProfile.of(s1), null, null, null, null, null, null),
                new AlwaysOnPool("full", 60, 1, ModelProfile.of(s2), null, null, null, null, null, null));
        List<Double> latencies = new ArrayList<>();
        RunResult r = run(
                pools,
                new CascadeSpec("small", "full", p, null, null, null),
                5,
                60_000,
                3,
                o -> latencies.add(o.latencyS()));
        assertEquals(0, r.metric(Metric.QUEUE_MAX.path()), "no queueing");

        GammaDistribution g1 = GammaDistribution.of(1 / (0.5 * 0.5), 0.5 * 0.5 * 0.5);
        double sigma2 = Math.log(1 + 0.8 * 0.8);
        LogNormalDistribution g2 = LogNormalDistribution.of(Math.log(2.0) - sigma2 / 2, Math.sqrt(sigma2));
        double[] x =
                latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = x.length;
        double d = 0;
        // The distance at every 50th order statistic (to keep the integration cheap) is never more than the full
        // Kolmogorov–Smirnov statistic, so a false alarm is no more likely than the test's α. The test does see errors:
        // with p = 0.33 in the reference instead of 0.3 the distance was 0.028, 3.5 times the critical value (tried
        // once).
        for (int i = 0; i < n; i += 50) {
            double f = (1 - p) * g1.cumulativeProbability(x[i]) + p * convolvedCdf(g1, g2, x[i]);
            d = Math.max(d, Math.max(f - (double) i / n, (double) (i + 1) / n - f));
        }
        // Kolmogorov–Smirnov at α = 0.001: D_crit = 1.95/√n (0.008 at n = 60,000); the numerical convolution
        // (Simpson, 2,000 intervals) is exact to about 1e-7.
        double critical = 1.95 / Math.sqrt(n);
        assertTrue(d < critical, "KS distance " + d + " against the mixture, critical " + critical);
        // And the paths: the escalated latency is both stages' service (means add), the first-only one the first's.
        assertEquals(
                0.5 + 2.0,
                r.metric("cascade.escalated_latency_ms.mean") / 1000,
                4 * Math.sqrt(0.25 * 0.25 + 2.56) / Math.sqrt(p * n));
        assertEquals(0.5, r.metric("cascade.first_only_latency_ms.mean") / 1000, 4 * 0.25 / Math.sqrt((1 - p) * n));
        assertEquals(
                (1 - p) * 0.5 + p * 2.5,
                r.metric("latency_ms.mean") / 1000,
                4 * Math.sqrt(0.25 * 0.25 + p * (1 - p) * 4 + p * 2.56) / Math.sqrt(n));
    }

    /** P(S₁ + S₂ ≤ x) = ∫₀ˣ g₁(u)·G₂(x − u) du, by Simpson's rule on 2,000 intervals. */
    static double convolvedCdf(GammaDistribution g1, LogNormalDistribution g2, double x) {
        if (x <= 0) return 0;
        int m = 2000;
        double h = x / m;
        double sum = 0;
        for (int k = 0; k <= m; k++) {
            double u = k * h;
            double w = k == 0 || k == m ? 1 : k % 2 == 1 ? 4 : 2;
            sum += w * g1.density(u) * g2.cumulativeProbability(x - u);
        }
        return sum * h / 3;
    }

    @Test
    void theNumericalConvolutionAgreesWithClosedForms() {
        // The reference itself checked: the mean of its CDF, ∫ (1 − F(x)) dx (midpoint rule, step 0.05 s, to 40 s),
        // must be
        // E[S₁] + E[S₂] = 0.5 + 2 = 2.5 s; the tail beyond 40 s and the step's error are below 1e-3.
        GammaDistribution g1 = GammaDistribution.of(4, 0.125);
        double sigma2 = Math.log(1 + 0.64);
        LogNormalDistribution g2 = LogNormalDistribution.of(Math.log(2.0) - sigma2 / 2, Math.sqrt(sigma2));
        double mean = 0;
        double h = 0.05;
        for (double x = h / 2; x < 40; x += h) mean += (1 - convolvedCdf(g1, g2, x)) * h;
        assertEquals(2.5, mean, 2e-3, "E[S1 + S2] from the numerical CDF");
        assertTrue(
                Arrays.stream(new double[] {0.5, 1, 3, 10})
                        .allMatch(x -> convolvedCdf(g1, g2, x) <= g1.cumulativeProbability(x) + 1e-9),
                "S1 + S2 is stochastically larger than S1");
    }
}
