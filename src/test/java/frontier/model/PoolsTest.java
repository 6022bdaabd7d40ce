package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.AutoscalePolicy;
import frontier.model.pool.AutoscaledPool;
import frontier.model.pool.Batching;
import frontier.model.pool.IdlePolicy;
import frontier.model.pool.Interruption;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.OnInterrupt;
import frontier.model.pool.Pools;
import frontier.model.pool.Price;
import frontier.model.pool.ServerlessBilling;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.model.traffic.PoissonTraffic;
import frontier.model.traffic.ProfileTraffic;
import frontier.model.traffic.Traffic;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Exponential;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serving pools against what can be derived exactly. Each tolerance is stated with its reason. */
class PoolsTest {
    static ModelProfile svc(Distribution d) {
        return ModelProfile.of(d);
    }

    static AlwaysOnPool alwaysOn(
            String name, int n, int conc, Distribution service, double usdPerHour, String overflow) {
        return new AlwaysOnPool(
                name, n, conc, svc(service), null, null, null, overflow, null, Price.perHour(usdPerHour));
    }

    static RunResult run(Traffic t, List<Pools> pools, List<RequestClass> classes, CacheSpec cache, RunSpec run) {
        return ServingModel.run(
                new FleetSpec(t, pools, classes, cache, run), null, new RandomStreams(5, 0), RunControl.NONE);
    }

    static RunSpec seconds(double duration) {
        return new RunSpec(duration, null, null, null, 1, 5L);
    }

    @Test
    void alwaysOnCostIsInstancesTimesPriceTimesDuration() {
        RunResult r = run(
                new PoissonTraffic(3),
                List.of(alwaysOn("gpu", 4, 2, Exponential.ofMean(0.5), 1.006, null)),
                null,
                null,
                new RunSpec(36_000.0, null, 3_600.0, null, 1, 5L));
        double expected = 4 * 1.006 * (36_000 - 3_600) / 3600;
        assertEquals(expected, r.metric("cost_usd.total"), 1e-9 * expected);
        assertEquals(
                expected,
                r.metric("cost_usd.by_pool.gpu.busy") + r.metric("cost_usd.by_pool.gpu.idle"),
                1e-9 * expected);
        // Busy share of the bill = share of instance time with at least one request in service.
        assertTrue(r.metric("cost_usd.idle_share") > 0 && r.metric("cost_usd.idle_share") < 1);
        assertEquals(1000 * expected / r.metric("completed"), r.metric("cost_usd.per_1k_requests"), 1e-9);
    }

    @Test
    void spotInterruptionsFollowTheHazardRate() {
        // 10 instances, each living an exponential time of rate h before its termination, replaced at
        // once: the terminations form 10 Poisson processes, so the count over T is Poisson(10·h·T).
        double perHour = 0.5;
        SpotPool spot = new SpotPool(
                "spot",
                10,
                1,
                svc(Exponential.ofMean(0.2)),
                null,
                null,
                null,
                null,
                null,
                Price.perHour(0.4),
                new Interruption(perHour, null, null, null),
                30.0,
                OnInterrupt.RETRY,
                0.0,
                null,
                null);
        RunResult r = run(new PoissonTraffic(5), List.of(spot), null, null, seconds(200 * 3600.0));
        double expected = 10 * perHour * 200;
        assertEquals(
                expected,
                r.metric("interruptions"),
                5 * Math.sqrt(expected),
                "5 standard deviations of a Poisson count");
        assertEquals(
                10.0,
                r.metric("pools.spot.instances.mean"),
                0.05,
                "replacements keep the pool at ten (billed while draining too)");
    }

    @Test
    void requestsCutOffByATerminationAreRetriedOrLostButFinishOnce() {
        for (OnInterrupt mode : OnInterrupt.values()) {
            // No notice and long services: terminations hit running requests.
            SpotPool spot = new SpotPool(
                    "spot",
                    4,
                    1,
                    svc(Exponential.ofMean(20)),
                    null,
                    null,
                    null,
                    "od",
                    null,
                    Price.perHour(0.4),
                    new Interruption(2.0, null, null, null),
                    0.0,
                    mode,
                    60.0,
                    new Deterministic(30),
                    null);
            RunResult r = run(
                    new PoissonTraffic(0.1),
                    List.of(spot, alwaysOn("od", 2, 1, Exponential.ofMean(20), 1.0, null)),
                    null,
                    null,
                    seconds(100_000));
            double ended = r.metric("completed") + r.metric("dropped") + r.metric("lost");
            assertEquals(r.metric("requests"), ended + r.metric("in_flight_at_end"), 0.0, "conservation");
            if (mode == OnInterrupt.RETRY) {
                assertTrue(r.metric("retried") > 20, "retried " + r.metric("retried"));
                assertEquals(0, r.metric("lost"));
            } else {
                assertTrue(r.metric("lost") > 20, "lost " + r.metric("lost"));
                assertEquals(0, r.metric("retried"));
            }
        }
    }

    @Test
    void batchingReachesItsThroughputBoundUnderOverload() {
        // A full batch of 8 takes 0.2 + 8 × 0.05 = 0.6 s: at most 13.33 requests/s per slot, 26.67 for two.
        Batching batching = new Batching(8, 0.05, 0.2, 0.05, null, null);
        AlwaysOnPool pool = new AlwaysOnPool(
                "gpu", 2, 1, svc(Exponential.ofMean(1)), 200, null, batching, null, null, Price.perHour(1));
        RunResult r =
                run(new PoissonTraffic(40), List.of(pool), null, null, new RunSpec(20_000.0, null, 500.0, null, 1, 5L));
        double bound = 2 * batching.maxThroughputPerSlot();
        // With the queue full, every batch is full: throughput equals the bound up to the window edges.
        assertEquals(bound, r.metric("throughput_per_s"), 0.005 * bound);
        assertTrue(r.metric("rejected") > 0.3 * r.metric("requests"), "overload is shed at the bounded queue");
    }

    @Test
    void aBatchOfOneTakesTheBatchTimeEvenWhenTheSlotGoesStraightOnToTheNextRequest() {
        Batching single = new Batching(1, null, null, null, List.of(0.1), null);
        AlwaysOnPool pool = new AlwaysOnPool(
                "gpu", 1, 1, svc(Exponential.ofMean(1)), null, null, single, null, null, Price.perHour(1));
        RunResult r = run(new PoissonTraffic(2), List.of(pool), null, null, seconds(20_000));
        assertEquals(100, r.metric("service_ms.mean"), 0.5, "the table's 0.1 s, not the model's 1 s");
    }

    @Test
    void overflowChainsThatLoopAreRefused() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                frontier.sim.InvalidSpecException.class,
                () -> new FleetSpec(
                        new PoissonTraffic(1),
                        List.of(
                                alwaysOn("a", 1, 1, Exponential.ofMean(1), 1, "b"),
                                alwaysOn("b", 1, 1, Exponential.ofMean(1), 1, "a")),
                        null,
                        null,
                        seconds(10)));
        assertEquals("pools[0].overflow_to", e.field());
    }

    @Test
    void batchesWaitAtMostMaxWaitUnderLightLoad() {
        Batching batching = new Batching(8, 0.1, 0.2, 0.05, null, null);
        AlwaysOnPool pool = new AlwaysOnPool(
                "gpu", 4, 1, svc(Exponential.ofMean(1)), null, null, batching, null, null, Price.perHour(1));
        RunResult r = run(new PoissonTraffic(2), List.of(pool), null, null, seconds(20_000));
        // Light load, free slots: a batch starts when its oldest request has waited max_wait_s (or is full).
        assertTrue(r.metric("wait_ms.max") <= 100 + 1e-6, "max wait " + r.metric("wait_ms.max"));
        assertTrue(r.metric("wait_ms.mean") > 50, "requests do wait for their batch to fill");
    }

    @Test
    void autoscalerScalesToZeroWhenQuietAndComesBackWithColdStarts() {
        // Two hours of 5 req/s, then two quiet hours, repeating.
        Traffic t = new ProfileTraffic(List.of(5.0, 5.0, 0.0, 0.0), 3600, true);
        AutoscaledPool pool = new AutoscaledPool(
                "gpu",
                4,
                svc(Exponential.ofMean(0.5)),
                null,
                null,
                null,
                null,
                null,
                Price.perHour(1),
                0,
                10,
                1,
                new AutoscalePolicy.TargetUtilization(0.6),
                15.0,
                0.0,
                120.0,
                new Deterministic(60),
                0,
                600.0);
        RunResult r = run(t, List.of(pool), null, null, seconds(4 * 3600 * 6));
        TimeSeries ts = r.timeSeries();
        int[] instances = ts.pools().get("gpu").instances();
        // In each quiet period, after the 10-minute idler and the 2-minute scale-in window, no instance.
        boolean sawZero = false;
        for (int i = 0; i < ts.length(); i++) {
            double inCycle = ts.timeS()[i] % (4 * 3600);
            if (inCycle > 2 * 3600 + 1200 && inCycle < 4 * 3600 - 60) {
                assertEquals(0, instances[i], "at t=" + ts.timeS()[i]);
                sawZero = true;
            }
        }
        assertTrue(sawZero);
        assertTrue(r.metric("cold_starts.count") >= 6, "a cold start at least at every busy period");
        assertTrue(
                r.metric("cold_starts.share_of_requests") > 0,
                "the first requests after a quiet period wait for a start");
        // Load 5 req/s × 0.5 s = 2.5 busy slots; at target 0.6 of 4 slots that is ceil(1.04) = 2 instances, so
        // utilization 2.5 / 8 = 0.31 while busy, a little less with the idle tail before scale-to-zero.
        assertTrue(
                r.metric("pools.gpu.utilization") > 0.22 && r.metric("pools.gpu.utilization") < 0.33,
                "utilization " + r.metric("pools.gpu.utilization"));
        assertEquals(0, r.metric("dropped"));
    }

    @Test
    void keepWarmKeepsAnInstanceThroughQuietPeriods() {
        Traffic t = new ProfileTraffic(List.of(5.0, 0.0), 3600, true);
        AutoscaledPool pool = new AutoscaledPool(
                "gpu",
                4,
                svc(Exponential.ofMean(0.5)),
                null,
                null,
                null,
                null,
                null,
                Price.perHour(1),
                0,
                10,
                null,
                new AutoscalePolicy.Hpa(0.6, null),
                15.0,
                0.0,
                120.0,
                new Deterministic(60),
                1,
                null);
        RunResult r = run(t, List.of(pool), null, null, seconds(8 * 3600));
        int[] ready = r.timeSeries().pools().get("gpu").ready();
        assertTrue(Arrays.stream(ready).min().orElseThrow() >= 1, "never below the warm instance");
    }

    @Test
    void serverlessPlatformLimitRejectsBeyondMaxConcurrencyAndBillsPerIncrement() {
        ServerlessBilling billing =
                new ServerlessBilling(2e-7, 1.66667e-5, 2.0, null, null, null, null, 100.0, false, false, null);
        ServerlessPool fn = new ServerlessPool(
                "fn",
                1,
                svc(new Deterministic(0.25)),
                new Deterministic(1.0),
                null,
                60,
                null,
                3,
                0,
                IdlePolicy.NEWEST_FIRST,
                billing,
                null,
                null);
        RunResult r = run(new PoissonTraffic(20), List.of(fn), null, null, seconds(2_000));
        assertTrue(r.metric("rejected") > 0.5 * r.metric("requests"), "3 instances serve at most 12 req/s of 20");
        assertTrue(r.metric("pools.fn.instances.mean") <= 3 + 1e-9);
        // Each request: 0.25 s billed as 0.3 s (100 ms increments) at 2 GB, plus the request fee.
        double perRequest = 2e-7 + 0.3 * 1.66667e-5 * 2.0;
        assertEquals(
                perRequest * r.metric("completed"),
                r.metric("cost_usd.by_pool.fn.requests"),
                1e-9 * r.metric("completed"));
    }

    @Test
    void serverlessInstancesRetireAtTheirMaximumLifetime() {
        // The keep-alive (1 h) never ends an instance at 5 req/s; max_lifetime (100 s) ends every one, idle
        // or after the request it runs (0.1 s). So each instance lives 100 s (up to 100.1 s when busy at its
        // end) and, by Little's law, mean instances = launch rate × 100 s. Launches over 20,000 s number
        // in the hundreds, so the boundary effects (instances alive at the start and end of the window)
        // are under 1%.
        ServerlessPool fn = new ServerlessPool(
                "fn",
                1,
                svc(new Deterministic(0.1)),
                new Deterministic(0.5),
                null,
                3600,
                new Deterministic(100),
                1000,
                0,
                IdlePolicy.NEWEST_FIRST,
                null,
                null,
                null);
        RunResult r = run(new PoissonTraffic(5), List.of(fn), null, null, seconds(20_000));
        double launchRate = r.metric("cold_starts.count") / 20_000;
        assertTrue(
                r.metric("cold_starts.count") >= 20_000 / 100,
                "at least one instance is always needed, and each lasts 100 s");
        assertEquals(launchRate * 100, r.metric("pools.fn.instances.mean"), 0.01 * r.metric("pools.fn.instances.mean"));
        assertEquals(0, r.metric("lost") + r.metric("rejected"), 0.0, "a retiring instance finishes its request");
        assertEquals(r.metric("requests"), r.metric("completed") + r.metric("in_flight_at_end"), 0.0);
        // Without it, the pool keeps its first instances for the whole run.
        ServerlessPool forever = new ServerlessPool(
                "fn",
                1,
                svc(new Deterministic(0.1)),
                new Deterministic(0.5),
                null,
                3600,
                null,
                1000,
                0,
                IdlePolicy.NEWEST_FIRST,
                null,
                null,
                null);
        assertTrue(run(new PoissonTraffic(5), List.of(forever), null, null, seconds(20_000))
                        .metric("cold_starts.count")
                < 20);
    }

    @Test
    void classesAreRoutedToTheirPoolsAndOverflowFollowsTheChain() {
        List<RequestClass> classes = List.of(
                new RequestClass("interactive", 0.7, 2000.0, "od"), new RequestClass("batch", 0.3, 60000.0, "cheap"));
        List<Pools> pools = List.of(
                alwaysOn("od", 3, 2, Exponential.ofMean(0.5), 1.0, null),
                alwaysOn("cheap", 1, 1, Exponential.ofMean(0.5), 0.3, "od"));
        RunResult r = run(new PoissonTraffic(4), pools, classes, null, seconds(50_000));
        double n = r.metric("requests");
        // Binomial share over ~2e5 requests: SE < 0.0011; 0.01 is > 9 SE.
        assertEquals(0.7, r.metric("classes.interactive.requests") / n, 0.01);
        // 'cheap' (1 slot) gets 1.2 req/s of batch at 2 req/s capacity, the rest overflows to 'od'.
        assertTrue(r.metric("pools.cheap.completed") < r.metric("classes.batch.completed"));
        assertTrue(
                r.metric("pools.od.completed") > r.metric("classes.interactive.completed"), "overflow arrives in od");
        assertTrue(r.metric("classes.interactive.slo_attainment") > 0.9);
        assertEquals(r.metric("completed"), r.metric("pools.od.completed") + r.metric("pools.cheap.completed"), 0.0);
    }

    @Test
    void cacheAnswersItsShareAndReportsTheSavedWork() {
        AlwaysOnPool pool = alwaysOn("gpu", 2, 1, Exponential.ofMean(0.2), 1.0, null);
        RunResult r = run(
                new PoissonTraffic(5), List.of(pool), null, new CacheSpec(0.3, null, null, null, 2), seconds(40_000));
        double n = r.metric("requests");
        assertEquals(0.3, r.metric("cache.hits") / n, 5 * Math.sqrt(0.3 * 0.7 / n), "5 binomial SE");
        assertEquals(
                r.metric("cache.hits") * 0.2, r.metric("cache.saved_busy_s"), 1e-6 * r.metric("cache.saved_busy_s"));
        assertTrue(r.metric("cache.saved_usd") > 0);
        // LRU big enough for every key: only the first request of each key misses.
        RunResult lru = run(
                new PoissonTraffic(5), List.of(pool), null, new CacheSpec(null, 1000, 500, 1.0, 2), seconds(40_000));
        assertEquals(lru.metric("requests") - 500, lru.metric("cache.hits"), 0.0);
    }

    @Test
    void costPerMillionTokensDividesTheBillByTheTokensOfCompletedRequests() {
        FleetSpec spec = new FleetSpec(
                new PoissonTraffic(2),
                List.of(alwaysOn("gpu", 2, 4, Exponential.ofMean(1), 1.0, null)),
                null,
                null,
                new TokensSpec(new Deterministic(800), Exponential.ofMean(200)),
                seconds(20_000));
        RunResult r = ServingModel.run(spec, null, new RandomStreams(5, 0), RunControl.NONE);
        assertEquals(800 * r.metric("completed"), r.metric("tokens.input"), 0.0);
        // Output tokens: 200 on average per request; over ~40,000 requests the mean is within 1%.
        assertEquals(200 * r.metric("completed"), r.metric("tokens.output"), 0.01 * 200 * r.metric("completed"));
        double tokens = r.metric("tokens.input") + r.metric("tokens.output");
        assertEquals(1e6 * r.metric("cost_usd.total") / tokens, r.metric("cost_usd.per_1m_tokens"), 1e-9);
    }

    @Test
    void aRealSpotAvailabilityTraceDrivesInstancesAndInterruptions() throws java.io.IOException {
        java.nio.file.Path trace = frontier.ingest.Samples.trace("spotserve_aws_g4dn_spot_availability_trace.csv");
        List<String> rows = java.nio.file.Files.readAllLines(trace);
        long removes = rows.stream().filter(l -> l.contains(",remove,")).count();
        // Replay the trace in time (ms) order: at each moment the pool has the nodes added and not yet removed.
        int alive = 0;
        int maxAlive = 0;
        for (String l : rows) {
            alive += l.contains(",add,") ? 1 : -1;
            maxAlive = Math.max(maxAlive, alive);
        }
        SpotPool spot = new SpotPool(
                "spot",
                0,
                2,
                svc(Exponential.ofMean(0.5)),
                null,
                null,
                null,
                "od",
                null,
                Price.perHour(0.16),
                new Interruption(null, null, trace.toString(), "ms"),
                30.0,
                OnInterrupt.RETRY,
                null,
                null,
                null);
        RunResult r = run(
                new PoissonTraffic(10),
                List.of(spot, alwaysOn("od", 2, 2, Exponential.ofMean(0.5), 0.53, null)),
                null,
                null,
                seconds(12 * 3600));
        assertEquals(
                (double) removes, r.metric("interruptions"), 0.0, "every removal of a running node is an interruption");
        int peak = Arrays.stream(r.timeSeries().pools().get("spot").instances())
                .max()
                .orElseThrow();
        assertTrue(
                peak <= maxAlive && peak >= maxAlive - 2,
                "peak " + peak + " vs " + maxAlive + " nodes alive at once in the trace");
        assertEquals(
                r.metric("requests"),
                r.metric("completed") + r.metric("dropped") + r.metric("lost") + r.metric("in_flight_at_end"),
                0.0);
    }

    @Test
    void anLruCacheLooksUpTheKeysOfAReplayedTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        StringBuilder csv = new StringBuilder("t,prompt\n");
        for (int i = 0; i < 1000; i++)
            csv.append(i * 0.5).append(',').append("p").append(i % 3).append('\n');
        java.nio.file.Files.writeString(dir.resolve("keys.csv"), csv);
        var replay = new frontier.model.traffic.ReplayTraffic(
                "keys.csv", "t", frontier.model.traffic.TimeUnit.S, null, null, null, "prompt", null, null);
        AlwaysOnPool pool = alwaysOn("gpu", 1, 1, Exponential.ofMean(0.1), 1.0, null);
        for (int capacity : new int[] {3, 2}) {
            FleetSpec spec = new FleetSpec(
                    replay, List.of(pool), null, new CacheSpec(null, capacity, null, null, 1), seconds(1_000));
            RunResult r = ServingModel.run(spec, dir, new RandomStreams(5, 0), RunControl.NONE);
            // Keys cycle p0, p1, p2: a cache of 3 misses each key once; of 2 (LRU) it always evicts the next one
            // needed.
            assertEquals(capacity == 3 ? 997 : 0, r.metric("cache.hits"), 0.0, "capacity " + capacity);
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(
                frontier.sim.InvalidSpecException.class,
                () -> new FleetSpec(
                        new PoissonTraffic(1),
                        List.of(pool),
                        null,
                        new CacheSpec(null, 10, null, null, 1),
                        seconds(10)));
        assertEquals("cache.keys", e.field());
    }

    @Test
    void sameSeedSameFleetResult() {
        SpotPool spot = new SpotPool(
                "spot",
                3,
                2,
                svc(Exponential.ofMean(1)),
                null,
                null,
                null,
                null,
                null,
                Price.perHour(0.4),
                new Interruption(null, ">20%", null, null),
                120.0,
                OnInterrupt.RETRY,
                60.0,
                new Deterministic(30),
                null);
        List<Pools> pools = List.of(alwaysOn("od", 1, 4, Exponential.ofMean(1), 1.0, "spot"), spot);
        RunResult a = run(new PoissonTraffic(5), pools, null, null, seconds(50_000));
        RunResult b = run(new PoissonTraffic(5), pools, null, null, seconds(50_000));
        assertEquals(a.metrics(), b.metrics());
    }
}
