package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.traffic.PoissonTraffic;
import frontier.sim.CancelledException;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Exponential;
import org.junit.jupiter.api.Test;

class ServerPoolTest {
    private static RunResult run(PoolSpec pool, double lambda, RunSpec spec) {
        return ServingModel.run(new PoissonTraffic(lambda), pool, spec, null, new RandomStreams(9, 0), RunControl.NONE);
    }

    @Test
    void queueTimeoutDropsRequestsThatWaitedTooLongAndNoCompletedRequestWaitedLonger() {
        // Overloaded (ρ = 1.5): without a timeout the queue would grow without bound.
        PoolSpec pool = new PoolSpec("p", 2, new Deterministic(1.0), null, 2.0);
        RunResult r = run(pool, 3.0, new RunSpec(20_000.0, null, 1_000.0, null, 1, 1L));
        assertTrue(r.metric("timed_out") > 0.25 * r.metric("requests"), "a third of the load cannot be served");
        assertTrue(r.metric("wait_ms.max") <= 2000 + 1e-6, "waited " + r.metric("wait_ms.max"));
        // Servers never idle while requests wait; the timed-out share balances the excess load.
        assertEquals(1.0, r.metric("utilization"), 0.01);
        assertEquals(2.0, r.metric("throughput_per_s"), 0.05);
        // Requests in the queue never wait past the timeout, so by Little's law Lq <= λ·timeout.
        assertTrue(r.metric("queue_length.mean") <= 3.0 * 2.0);
    }

    @Test
    void boundedQueueRejectsArrivalsWhenFull() {
        PoolSpec pool = new PoolSpec("p", 1, Exponential.ofMean(1.0), 3, null);
        RunResult r = run(pool, 2.0, new RunSpec(50_000.0, null, 100.0, null, 1, 1L));
        assertTrue(r.metric("queue_length.max") <= 3);
        // M/M/1/K with K = 4 in the system, ρ = 2: P(block) = ρ^K (1−ρ)/(1−ρ^(K+1)) = 16/31.
        double share = r.metric("rejected") / r.metric("requests");
        assertEquals(16.0 / 31, share, 0.015);
        assertEquals(0, r.metric("timed_out"));
    }

    @Test
    void warmupByRequestsAndStopByRequestsCountExactly() {
        PoolSpec pool = new PoolSpec("p", 3, Exponential.ofMean(0.5), null, null);
        RunResult r = run(pool, 4.0, new RunSpec(null, 12_345L, null, 1_000L, 1, 1L));
        assertEquals(12_345, r.metric("completed") + r.metric("dropped"));
    }

    @Test
    void cancellingStopsTheRun() {
        PoolSpec pool = new PoolSpec("p", 3, Exponential.ofMean(0.5), null, null);
        RunControl cancelAtOnce = new RunControl() {
            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public void progress(double fraction) {}
        };
        assertThrows(
                CancelledException.class,
                () -> ServingModel.run(
                        new PoissonTraffic(4),
                        pool,
                        new RunSpec(1e9, null, null, null, 1, 1L),
                        null,
                        new RandomStreams(1, 0),
                        cancelAtOnce));
    }

    @Test
    void latencyHistogramCountsEveryCompletedRequest() {
        PoolSpec pool = new PoolSpec("p", 2, Exponential.ofMean(0.5), null, null);
        RunResult r = run(pool, 3.0, new RunSpec(10_000.0, null, null, null, 1, 1L));
        assertEquals((long) r.metric("completed"), r.latencyHistogram().total());
        int bins = r.latencyHistogram().counts().length;
        assertTrue(bins >= LatencyHistogram.BINS / 2.5 && bins <= LatencyHistogram.BINS, "bins " + bins);
    }

    @Test
    void histogramBinsAreRoundOneTwoFiveSteps() {
        assertEquals(50, LatencyHistogram.roundWidth(47.3));
        assertEquals(0.2, LatencyHistogram.roundWidth(0.13));
        assertEquals(1000, LatencyHistogram.roundWidth(501));
        assertEquals(10, LatencyHistogram.roundWidth(10));
        PoolSpec pool = new PoolSpec("p", 2, Exponential.ofMean(0.5), null, null);
        double w = run(pool, 3.0, new RunSpec(10_000.0, null, null, null, 1, 1L))
                .latencyHistogram()
                .binWidthMs();
        double mantissa = w / Math.pow(10, Math.floor(Math.log10(w)));
        assertTrue(
                java.util.List.of(1.0, 2.0, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-9),
                "bin width " + w + " ms");
    }
}
