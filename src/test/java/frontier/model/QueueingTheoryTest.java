package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.traffic.PoissonTraffic;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Exponential;
import frontier.sim.dist.GammaDist;
import frontier.sim.dist.LogNormal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine against exact queueing results. Every check uses 10 independent replications of a seeded,
 * warmed-up run and a tolerance of K = 4.5 standard errors of the replication mean, so each assertion
 * would fail by chance with probability ≈ 0.15% (t with 9 df) if the engine were right, and the runs
 * are long enough that the standard error is below 1% of the value, so a 5% bias cannot hide in it.
 */
@Tag("validation")
@Tag("c2") // hot loops of tens of seconds: run in the test JVM that keeps C2 (pom.xml)
class QueueingTheoryTest {
    private static final int REPLICATIONS = 10;
    private static final double K = 4.5;
    private static final long SEED = 20261123L;

    private static Replicated simulate(double lambda, int servers, Distribution service, long customers) {
        return Replicated.run(
                new PoissonTraffic(lambda),
                new PoolSpec("p", servers, service, null, null),
                new RunSpec(null, customers, null, customers / 20, 1, SEED),
                REPLICATIONS,
                SEED);
    }

    /** Asserts the metric's replication mean is within K standard errors of theory, and that SE is small. */
    private static void assertMatches(Replicated r, String metric, double expected) {
        double mean = r.mean(metric);
        double se = r.standardError(metric);
        assertTrue(
                se < 0.01 * Math.abs(expected) + 1e-9,
                metric + ": standard error " + se + " is too large for a meaningful test of " + expected);
        assertEquals(expected, mean, K * se, metric + ": simulated " + mean + " ± " + se + " (SE), theory " + expected);
    }

    /** Little's law L = λW (and Lq = λWq) on a run, up to the edge effects of a finite window. */
    private static void assertLittlesLaw(Replicated r) {
        for (RunResult run : r.runs()) {
            double lambda = run.metric("arrival_rate_per_s");
            double l = run.metric("in_system.mean");
            double w = run.metric("latency_ms.mean") / 1000;
            // Edge effect: requests present at the window's ends count in L but not (fully) in W.
            // Over windows of >10^5 requests it is far below 1%.
            assertEquals(l, lambda * w, 0.01 * l, "L = λW");
            double lq = run.metric("queue_length.mean");
            double wq = run.metric("wait_ms.mean") / 1000;
            assertEquals(lq, lambda * wq, 0.01 * Math.max(lq, 0.01), "Lq = λWq");
        }
    }

    static double erlangC(int c, double a) {
        double term = 1;
        double sum = 1;
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double top = term * a / c / (1 - a / c);
        return top / (sum + top);
    }

    static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) b = a * b / (k + a * b);
        return b;
    }

    @Test
    void mm1MatchesExactFormulas() {
        double lambda = 0.8;
        double mu = 1.0;
        double rho = lambda / mu;
        Replicated r = simulate(lambda, 1, Exponential.ofMean(1 / mu), 400_000);
        assertMatches(r, "latency_ms.mean", 1000 / (mu - lambda));
        assertMatches(r, "wait_ms.mean", 1000 * rho / (mu - lambda));
        assertMatches(r, "p_wait", rho);
        assertMatches(r, "utilization", rho);
        assertMatches(r, "queue_length.mean", rho * rho / (1 - rho));
        // Response time of M/M/1 is exponential with rate mu - lambda: p95 = ln(20)/(mu - lambda).
        assertEquals(
                1000 * Math.log(20) / (mu - lambda),
                r.mean("latency_ms.p95"),
                0.02 * 1000 * Math.log(20) / (mu - lambda));
        assertLittlesLaw(r);
    }

    @Test
    void mmcMatchesErlangC() {
        double lambda = 6;
        double mu = 1;
        int c = 8;
        double pWait = erlangC(c, lambda / mu);
        assertEquals(0.3570, pWait, 5e-4, "Erlang C itself");
        Replicated r = simulate(lambda, c, Exponential.ofMean(1 / mu), 1_000_000);
        assertMatches(r, "p_wait", pWait);
        assertMatches(r, "wait_ms.mean", 1000 * pWait / (c * mu - lambda));
        assertMatches(r, "latency_ms.mean", 1000 * (pWait / (c * mu - lambda) + 1 / mu));
        assertMatches(r, "utilization", lambda / (c * mu));
        assertLittlesLaw(r);
    }

    @Test
    void md1MatchesPollaczekKhinchine() {
        double lambda = 0.7;
        double s = 1.0;
        double rho = lambda * s;
        Replicated r = simulate(lambda, 1, new Deterministic(s), 300_000);
        double wq = rho * s / (2 * (1 - rho));
        assertMatches(r, "wait_ms.mean", 1000 * wq);
        assertMatches(r, "latency_ms.mean", 1000 * (wq + s));
        assertEquals(1000 * s, r.mean("service_ms.p50"), 1.0, "deterministic service: every service takes exactly s");
        assertLittlesLaw(r);
    }

    @Test
    void mg1LognormalMatchesPollaczekKhinchine() {
        Distribution service = new LogNormal(0.5, 1.5, null, null);
        double lambda = 1.2;
        double rho = lambda * service.mean();
        double wq = lambda * service.secondMoment() / (2 * (1 - rho));
        Replicated r = simulate(lambda, 1, service, 400_000);
        assertMatches(r, "service_ms.mean", 1000 * service.mean());
        assertMatches(r, "wait_ms.mean", 1000 * wq);
        assertMatches(r, "utilization", rho);
        assertLittlesLaw(r);
    }

    @Test
    void mg1GammaMatchesPollaczekKhinchine() {
        Distribution service = new GammaDist(0.2, 0.5, null, null);
        double lambda = 3.5;
        double rho = lambda * service.mean();
        double wq = lambda * service.secondMoment() / (2 * (1 - rho));
        Replicated r = simulate(lambda, 1, service, 300_000);
        assertMatches(r, "wait_ms.mean", 1000 * wq);
        assertLittlesLaw(r);
    }

    @Test
    void lossSystemWithNoQueueMatchesErlangB() {
        // M/M/c/c: queue capacity 0, so an arrival finding all servers busy is rejected.
        int c = 5;
        double a = 4.0;
        Replicated r = Replicated.run(
                new PoissonTraffic(a),
                new PoolSpec("loss", c, Exponential.ofMean(1.0), 0, null),
                new RunSpec(null, 300_000L, null, 10_000L, 1, SEED),
                REPLICATIONS,
                SEED);
        double blocked = erlangB(c, a);
        for (RunResult run : r.runs()) {
            double share = run.metric("rejected") / (run.metric("rejected") + run.metric("completed"));
            // Binomial standard error of a share over 300k requests is < 0.001; 0.005 is > 5 SE.
            assertEquals(blocked, share, 0.005, "blocking probability");
            assertEquals(0, run.metric("wait_ms.max"), "nobody waits in a loss system");
        }
        assertMatches(r, "utilization", a * (1 - blocked) / c);
    }
}
