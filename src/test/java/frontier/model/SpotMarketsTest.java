package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.pool.Interruption;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.OnInterrupt;
import frontier.model.pool.Price;
import frontier.model.pool.SpotPool;
import frontier.model.traffic.PoissonTraffic;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Exponential;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Correlated spot interruptions: a reclaim takes a market's instances together, so the same per-instance
 * hazard hurts far more when all instances sit in one market than when they are spread over three.
 */
class SpotMarketsTest {
    static final double HOURS = 200;

    static RunResult run(Interruption.Correlated correlated, SpotPool.Placement placement) {
        SpotPool spot = new SpotPool(
                "spot",
                6,
                2,
                ModelProfile.of(Exponential.ofMean(4)),
                null,
                null,
                null,
                null,
                null,
                Price.perHour(0.4),
                new Interruption(1.0, null, null, null, correlated),
                120.0,
                OnInterrupt.RETRY,
                300.0,
                new Deterministic(60),
                null,
                List.of("g5.xlarge/us-east-1a", "g5.xlarge/us-east-1b", "g5.xlarge/us-east-1c"),
                placement);
        FleetSpec spec = new FleetSpec(
                new PoissonTraffic(1), List.of(spot), null, null, new RunSpec(HOURS * 3600, null, 3600.0, null, 1, 5L));
        return ServingModel.run(spec, null, new RandomStreams(5, 0), RunControl.NONE);
    }

    /**
     * 6 spot instances × 2 slots, 1 request/s of 4 s (a third busy), hazard 1 per instance-hour, 300 s to
     * replace, 60 s cold start, 200 hours. Interruptions per instance-hour stay at the hazard in every
     * variant (tolerance 25%: packed reclaims take 6 instances each, about 200 of them, so the count's
     * relative standard error is about 7%). Packed in one market, a reclaim empties the pool and requests
     * wait minutes: its p99 is many times the spread pool's, which loses 2 of 6 at a time.
     */
    @Test
    void packedInstancesSufferCorrelatedReclaimsThatSpreadInstancesAbsorb() {
        Interruption.Correlated together = new Interruption.Correlated(1.0, 180.0);
        RunResult independent = run(null, SpotPool.Placement.SPREAD);
        RunResult spread = run(together, SpotPool.Placement.SPREAD);
        RunResult packed = run(together, SpotPool.Placement.PACKED);
        for (var e : List.of(
                java.util.Map.entry("independent", independent),
                java.util.Map.entry("spread", spread),
                java.util.Map.entry("packed", packed))) {
            RunResult r = e.getValue();
            double perInstanceHour = r.metric("interruptions") / (r.metric("pools.spot.instances.mean") * (HOURS - 1));
            System.out.printf(
                    Locale.ROOT,
                    "%s: interruptions %.0f (%.2f per instance-hour), p99 %.0f ms, p95 %.0f ms%n",
                    e.getKey(),
                    r.metric("interruptions"),
                    perInstanceHour,
                    r.metric("latency_ms.p99"),
                    r.metric("latency_ms.p95"));
            assertEquals(1.0, perInstanceHour, 0.25, e.getKey());
        }
        assertTrue(
                packed.metric("latency_ms.p99") > 3 * spread.metric("latency_ms.p99"),
                "packed p99 " + packed.metric("latency_ms.p99") + " vs spread " + spread.metric("latency_ms.p99"));
    }
}
