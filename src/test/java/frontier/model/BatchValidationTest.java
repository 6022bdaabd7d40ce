package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.batch.BatchFleet;
import frontier.model.batch.BatchJob;
import frontier.model.batch.Checkpointing;
import frontier.model.pool.Interruption;
import frontier.model.pool.Price;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Batch jobs on spot against the theory of checkpointing under exponential failures.
 *
 * <p>The closed form. One instance works W seconds in segments of τ seconds of work, each followed by a checkpoint
 * of C seconds; failures come at rate 1/M (Poisson), at any time, checkpoints and restarts included; after a
 * failure the instance restarts (R seconds, which a failure also cuts short) and redoes the segment. A phase of
 * length s that a failure sends back to its start takes (e^{s/M} − 1)·M in expectation (the time to the first
 * failure-free stretch of length s). A segment started on a ready instance: with p = e^{−s/M}, s = τ + C,
 * E = s·p + (1 − p)·(E[X | X < s] + E_R + E), where E[X·1{X<s}] = M − (M + s)·p and E_R = M·(e^{R/M} − 1), so
 * E·p = (1 − p)·(M + E_R) and E = M·e^{R/M}·(e^{(τ+C)/M} − 1). The job, W/τ such segments after a first start-up:
 * E[T] = M·(e^{R/M} − 1) + M·e^{R/M}·(e^{(τ+C)/M} − 1)·W/τ — Daly, "A higher order estimate of the optimum
 * checkpoint interval for restart dumps", Future Generation Computer Systems 22 (2006), eq. 13 (his T_w, with the
 * first start-up added). Minimising it over τ gives to first order Young's τ = √(2·C·M) (Young, CACM 17, 1974).
 */
@Tag("validation")
class BatchValidationTest {
    private static final double M = 3600;
    private static final double C = 60;

    /** One shard of {@code work} seconds (deterministic), all on spot with hazard 1/M, no notice and no replacement delay. */
    static BatchJob job(
            double work, double tau, double restart, int instances, double spotShare, double hazardPerHour) {
        long items = Math.round(work * 100) * instances;
        BatchFleet fleet = new BatchFleet(
                instances,
                spotShare,
                Price.perHour(3),
                Price.perHour(1),
                spotShare > 0 ? new Interruption(hazardPerHour, null, null, null) : null,
                0.0,
                0.0,
                null,
                null);
        return new BatchJob(items, null, 100.0, null, null, fleet, new Checkpointing(tau, C), restart, 0.0, null, null);
    }

    static List<RunResult> run(BatchJob job, int replications, long seed) {
        List<RunResult> runs = new ArrayList<>();
        for (int k = 0; k < replications; k++) {
            runs.add(BatchModel.run(job, null, new RandomStreams(seed, k), RunControl.NONE, WorkLimits.DEFAULT));
        }
        return runs;
    }

    static double mean(List<RunResult> runs, Metric m) {
        return runs.stream().mapToDouble(r -> r.metric(m)).average().orElseThrow();
    }

    static double standardError(List<RunResult> runs, Metric m) {
        double mean = mean(runs, m);
        double ss = runs.stream()
                .mapToDouble(r -> (r.metric(m) - mean) * (r.metric(m) - mean))
                .sum();
        return Math.sqrt(ss / (runs.size() - 1) / runs.size());
    }

    static double daly(double work, double tau, double restart) {
        return M * Math.expm1(restart / M) + M * Math.exp(restart / M) * Math.expm1((tau + C) / M) * work / tau;
    }

    @Test
    void expectedCompletionTimeMatchesDalysClosedFormForExponentialInterruptions() {
        // 60 segments of 10 minutes, MTBF 1 h, checkpoints of 1 minute; with and without a 2-minute restart. 400
        // independent
        // replications: the mean is normal to a good approximation, and 4 standard errors is a false-alarm rate of
        // about
        // 1e-4 per case (Student t, 399 degrees of freedom).
        for (double restart : new double[] {0, 120}) {
            double work = 36_000;
            List<RunResult> runs = run(job(work, 600, restart, 1, 1, 1), 400, 5);
            double expected = daly(work, 600, restart);
            double se = standardError(runs, Metric.BATCH_COMPLETION);
            double got = mean(runs, Metric.BATCH_COMPLETION);
            assertEquals(
                    expected,
                    got,
                    4 * se,
                    "restart " + restart + ": closed form " + expected + ", simulated " + got + " ± " + se);
            assertTrue(se < 0.01 * expected, "the check is tight: standard error " + se);
        }
    }

    @Test
    void checkpointIntervalMinimisingCompletionTimeAgreesWithYoungDaly() {
        // Young's τ = √(2CM) = 657 s for C = 60 s, M = 1 h. Daly's higher-order optimum, √(2CM)·[1 + √(C/2M)/3 +
        // C/(18M)] − C,
        // is 618 s here, and the exact minimiser of the closed form (solved below) agrees with it: Young's first-order
        // approximation overestimates the optimum by about 6% at C/M = 1/60 (its error is of order √(C/M)).
        double young = Math.sqrt(2 * C * M);
        double exact = exactOptimum();
        double dalyHigherOrder = young * (1 + Math.sqrt(C / (2 * M)) / 3 + C / (18 * M)) - C;
        assertEquals(dalyHigherOrder, exact, 0.005 * exact, "Daly's higher-order estimate against the exact minimiser");
        assertEquals(1.064, young / exact, 0.01, "Young's known first-order error at C/M = 1/60");

        // The simulated expected completion time on a grid from Young/2 to 2·Young (ratio 2^(1/8) between points),
        // every
        // point on the same interruptions (common random numbers: each replication's interruptions are the same Poisson
        // points whatever the interval). The waste C/τ + τ/(2M) is, to first order, symmetric in log τ about the
        // optimum,
        // so a parabola in log τ fitted to the 17 means puts its vertex at the simulated optimum.
        double work = 360_000;
        int points = 17;
        double[] x = new double[points];
        double[] y = new double[points];
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < points; k++) {
            double tau = young * Math.pow(2, (k - 8) / 8.0);
            List<RunResult> runs = run(job(work, tau, 0, 1, 1, 1), 120, 9);
            x[k] = Math.log(tau / young);
            y[k] = mean(runs, Metric.BATCH_COMPLETION) / work;
            double closed = WorkEstimate.expectedShardS(work, tau, C, 0, 1 / M) / work;
            assertEquals(closed, y[k], 4 * standardError(runs, Metric.BATCH_COMPLETION) / work, "τ = " + tau);
            best = Math.min(best, y[k]);
        }
        double vertex = Math.exp(parabolaVertex(x, y)) * young;
        // The ends of the grid waste clearly more than the optimum (about 4%: C/τ + τ/2M is 0.228 at Young/2 and
        // 2·Young
        // against 0.183 at Young), so the curve is resolved. Over seeds 1 to 8 the vertex fell between 611 and 616 s: a
        // spread of 0.3% and a bias of about −1% (the curve is not exactly a parabola in log τ), hence 3% against the
        // exact
        // optimum; Young's τ is 6.4% above it, so it must be within 10% of the simulated optimum, and above it.
        assertTrue(y[0] > best * 1.02 && y[points - 1] > best * 1.02, "the grid brackets the optimum");
        assertEquals(
                exact, vertex, 0.03 * exact, "simulated optimum " + vertex + " s against the exact " + exact + " s");
        assertEquals(young, vertex, 0.10 * young, "simulated optimum " + vertex + " s against Young's " + young + " s");
        assertTrue(vertex < young, "Young's first-order interval overestimates the optimum");
    }

    /** The τ minimising (e^{(τ+C)/M} − 1)/τ: where (τ/M − 1)·e^{(τ+C)/M} + 1 = 0, by bisection. */
    static double exactOptimum() {
        double lo = 1;
        double hi = M;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            double g = (mid / M - 1) * Math.exp((mid + C) / M) + 1;
            if (g < 0) lo = mid;
            else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /** The x of the vertex of the least-squares parabola through (x, y). */
    static double parabolaVertex(double[] x, double[] y) {
        double[][] a = new double[3][4];
        for (int i = 0; i < x.length; i++) {
            double[] row = {1, x[i], x[i] * x[i]};
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) a[r][c] += row[r] * row[c];
                a[r][3] += row[r] * y[i];
            }
        }
        for (int p = 0; p < 3; p++) {
            for (int r = p + 1; r < 3; r++) {
                double f = a[r][p] / a[p][p];
                for (int c = p; c < 4; c++) a[r][c] -= f * a[p][c];
            }
        }
        double c2 = a[2][3] / a[2][2];
        double c1 = (a[1][3] - a[1][2] * c2) / a[1][1];
        return -c1 / (2 * c2);
    }

    @Test
    void withoutInterruptionsSpotGivesTheOnDemandFiguresExactly() {
        // Four shards of random work (lognormal items, drawn one by one), never interrupted (hazard 0): the same
        // completion
        // time and instance-hours as the on-demand fleet, to the last bit; only the price differs.
        BatchFleet spot = new BatchFleet(
                4,
                1.0,
                Price.perHour(3),
                Price.perHour(1),
                new Interruption(0.0, null, null, null),
                120.0,
                60.0,
                null,
                null);
        BatchFleet onDemand = new BatchFleet(4, 0.0, Price.perHour(3), null, null, null, null, null, null);
        var item = new frontier.sim.dist.LogNormal(0.02, 0.5, null, null);
        BatchJob s = new BatchJob(
                400_000, item, null, null, null, spot, new Checkpointing(300, 20), 90.0, 30.0, null, 3600.0);
        BatchJob o = new BatchJob(
                400_000, item, null, null, null, onDemand, new Checkpointing(300, 20), 90.0, 30.0, null, 3600.0);
        for (int k = 0; k < 3; k++) {
            RunResult a = BatchModel.run(s, null, new RandomStreams(3, k), RunControl.NONE, WorkLimits.DEFAULT);
            RunResult b = BatchModel.run(o, null, new RandomStreams(3, k), RunControl.NONE, WorkLimits.DEFAULT);
            double[] work = BatchModel.shardWork(s, new RandomStreams(3, k).stream("batch.work"));
            double longest = 0;
            double checkpoints = 0;
            double hours = 0;
            for (double w : work) {
                double shard = 120 + w + Math.ceil(w / 300) * 20;
                longest = Math.max(longest, shard);
                checkpoints += Math.ceil(w / 300) * 20;
                hours += shard / 3600;
            }
            assertEquals(
                    longest,
                    b.metric(Metric.BATCH_COMPLETION),
                    1e-6,
                    "start-up + work + checkpoints of the longest shard");
            assertEquals(b.metric(Metric.BATCH_COMPLETION), a.metric(Metric.BATCH_COMPLETION));
            assertEquals(b.metric(Metric.BATCH_INSTANCE_HOURS_ON_DEMAND), a.metric(Metric.BATCH_INSTANCE_HOURS_SPOT));
            assertEquals(hours, b.metric(Metric.BATCH_INSTANCE_HOURS_ON_DEMAND), 1e-9);
            assertEquals(checkpoints, a.metric(Metric.BATCH_CHECKPOINT_S), 1e-6);
            assertEquals(
                    3 * a.metric(Metric.BATCH_COST_SPOT),
                    b.metric(Metric.BATCH_COST_ON_DEMAND),
                    1e-9,
                    "only the price differs");
            assertEquals(0, a.metric(Metric.BATCH_LOST_S));
            assertEquals(0, a.metric(Metric.INTERRUPTIONS));
            assertEquals(0, a.metric(Metric.BATCH_RESTART_S));
            assertEquals(1, a.metric(Metric.BATCH_DONE_BY_DEADLINE));
            assertEquals(400_000 / a.metric(Metric.BATCH_COMPLETION), a.metric(Metric.BATCH_ITEMS_PER_S), 1e-9);
        }
    }
}
