package frontier.model;

import frontier.model.pool.Pools;
import frontier.model.pool.SpotPool;
import frontier.model.traffic.ArrivalProcess;
import frontier.model.traffic.Traffic;
import frontier.sim.EventHandler;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.Simulation;
import frontier.sim.Tally;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one replication of a serving fleet (traffic, classes, cache, pools) on a fresh
 * {@link Simulation} and returns what it observed. Random streams: "arrivals" for the traffic,
 * "classes" and "cache" for routing, and per pool those named in {@link Pool}. Nothing here prints or
 * keeps per-request state beyond the requests currently in the system.
 */
public final class ServingModel {
    private static final int ARRIVE = 0;
    private static final int WARMUP_END = 1;
    private static final int STOP = 2;
    private static final int SAMPLE = 3;
    /** Time-series points kept at most; beyond, the step doubles. */
    private static final int MAX_POINTS = 2048;

    private ServingModel() {
    }

    /** The simple form: traffic into one c-server pool. */
    public static RunResult run(Traffic traffic, PoolSpec pool, RunSpec run, Path baseDir, RandomStreams streams, RunControl control) {
        return run(new FleetSpec(traffic, List.of(FleetSpec.fromLegacy(pool)), null, null, run), baseDir, streams, control);
    }

    public static RunResult run(FleetSpec spec, Path baseDir, RandomStreams streams, RunControl control) {
        return run(spec, baseDir, streams, control, null);
    }

    /**
     * One replication that also tells {@code listener} (null: nobody) how every request in the observation
     * window left and how long every instance lived; see {@link RunListener}.
     */
    public static RunResult run(FleetSpec spec, Path baseDir, RandomStreams streams, RunControl control, RunListener listener) {
        return run(spec, baseDir, streams, control, listener, WorkLimits.DEFAULT);
    }

    /**
     * One replication within {@code limits}: it stops with a {@link WorkLimitException} when it has executed more
     * than {@link WorkLimits#maxEventsPerRun()} events, or when a pool's queue reaches {@link WorkLimits#maxQueue()}
     * (the estimate up front is the runner's, {@link WorkEstimate}).
     */
    public static RunResult run(FleetSpec spec, Path baseDir, RandomStreams streams, RunControl control, RunListener listener,
                                WorkLimits limits) {
        long wallStart = System.nanoTime();
        Simulation sim = new Simulation();
        RunSpec run = spec.run();
        long warmupFinished = run.warmupRequests() == null ? 0 : run.warmupRequests();
        long stopAfter = run.requests() == null ? Long.MAX_VALUE : run.requests();
        boolean timedWarmup = run.warmupS() != null && run.warmupS() > 0;
        RequestStats stats = new RequestStats(sim, warmupFinished, stopAfter, !timedWarmup, spec.classes());
        if (listener != null) stats.listen(listener, spec.tokens());
        Fleet fleet = new Fleet(stats, spec.classes(), spec.cache(), spec.tokens(), streams);
        List<Pool> pools = new ArrayList<>();
        for (Pools p : spec.pools()) {
            Pool pool = new Pool(p, sim, streams, stats, fleet);
            pool.queueLimit = limits.maxQueue();
            pool.field = "$.pools[" + pools.size() + "]";
            pools.add(pool);
            fleet.add(pool);
        }
        fleet.bind(spec.classes());
        stats.pools(pools);
        for (Pool pool : pools) {
            List<SpotTrace.Event> trace = null;
            if (pool.spec instanceof SpotPool s && s.interruption().trace() != null) {
                Path file = Path.of(s.interruption().trace());
                if (!file.isAbsolute() && baseDir != null) file = baseDir.resolve(file);
                trace = SpotTrace.read(file, s.interruption().timeUnit());
            }
            pool.start(trace);
        }

        double horizon = run.durationS() == null ? Double.POSITIVE_INFINITY : run.durationS();
        Sampler sampler = new Sampler(pools, initialStep(spec, run));
        boolean keyed = spec.traffic() instanceof frontier.model.traffic.ReplayTraffic rt && rt.keyColumn() != null;
        try (ArrivalProcess arrivals = spec.traffic().open(streams.stream("arrivals"), baseDir)) {
            EventHandler source = new EventHandler() {
                @Override
                public void handle(int kind, Object payload) {
                    double now = sim.now();
                    switch (kind) {
                        case ARRIVE -> {
                            Request r = new Request(now);
                            if (keyed) r.key = arrivals.key();
                            fleet.arrive(r, now, arrivals);
                            double next = arrivals.next(now);
                            if (next < horizon) sim.scheduleAt(next, this, ARRIVE, null);
                        }
                        case WARMUP_END -> stats.reset(now);
                        case STOP -> sim.stop();
                        case SAMPLE -> {
                            sampler.sample(now);
                            sim.schedule(sampler.step, this, SAMPLE, null);
                        }
                        default -> throw new IllegalStateException("unknown event " + kind);
                    }
                }
            };
            double first = arrivals.next(0);
            if (first < horizon) sim.scheduleAt(first, source, ARRIVE, null);
            if (timedWarmup) sim.scheduleAt(run.warmupS(), source, WARMUP_END, null);
            if (horizon < Double.POSITIVE_INFINITY) sim.scheduleAt(horizon, source, STOP, null);
            sim.scheduleAt(0, source, SAMPLE, null);

            double target = run.requests() == null ? 0 : (double) warmupFinished + run.requests();
            long maxEvents = limits.maxEventsPerRun();
            sim.run(control, () -> {
                // Polled every 65,536 events: the run's bound on work, whatever the estimate said.
                if (sim.eventCount() > maxEvents) throw tooManyEvents(sim, maxEvents, run);
                return horizon < Double.POSITIVE_INFINITY
                        ? sim.now() / horizon
                        : (stats.warm() ? warmupFinished + stats.finished() : stats.finished()) / target;
            });
        }
        double end = sim.now();
        if (!stats.warm()) stats.reset(end); // the run ended inside the warm-up: nothing was observed
        stats.closeSpans(end);
        sampler.sample(end);
        return result(spec, stats, pools, end, sampler.series(), sim.eventCount(), (System.nanoTime() - wallStart) / 1e9);
    }

    private static WorkLimitException tooManyEvents(Simulation sim, long maxEvents, RunSpec run) {
        String field = run.durationS() != null ? "$.run.duration_s" : "$.run.requests";
        return new WorkLimitException(field, String.format(java.util.Locale.ROOT,
                "one replication passed %,d events at %s s of simulated time without finishing, more than the %,d events"
                        + " a run may take (docs/cli.md \"Limits of simulations\"); shorten the run or lower the traffic",
                sim.eventCount(), WorkEstimate.number(sim.now()), maxEvents));
    }

    private static double initialStep(FleetSpec spec, RunSpec run) {
        double expected = run.durationS() != null ? run.durationS()
                : (run.requests() + (run.warmupRequests() == null ? 0 : run.warmupRequests())) / spec.traffic().meanRate();
        if (!(expected > 0) || Double.isInfinite(expected)) expected = 3600;
        return Math.max(1e-3, expected / 500);
    }

    /** Samples instance counts at a fixed step into bounded arrays, doubling the step when they fill. */
    private static final class Sampler {
        final List<Pool> pools;
        double step;
        int n;
        double[] time = new double[MAX_POINTS];
        final int[][][] data; // [pool][series][point]
        final long[][] lastCounts;

        Sampler(List<Pool> pools, double step) {
            this.pools = pools;
            this.step = step;
            data = new int[pools.size()][5][MAX_POINTS];
            lastCounts = new long[pools.size()][2];
        }

        void sample(double now) {
            if (n > 0 && now <= time[n - 1]) return;
            if (n == MAX_POINTS) halve();
            time[n] = now;
            for (int p = 0; p < pools.size(); p++) {
                Pool pool = pools.get(p);
                int[][] d = data[p];
                d[0][n] = pool.liveInstances();
                d[1][n] = pool.readyInstances();
                d[2][n] = pool.busyInstances();
                d[3][n] = (int) (pool.totalColdStarts - lastCounts[p][0]);
                d[4][n] = (int) (pool.totalInterruptions - lastCounts[p][1]);
                lastCounts[p][0] = pool.totalColdStarts;
                lastCounts[p][1] = pool.totalInterruptions;
            }
            n++;
        }

        /** Keeps every other point (event counts of the dropped point are added to the kept one). */
        private void halve() {
            int m = 0;
            for (int i = 1; i < n; i += 2) {
                time[m] = time[i];
                for (int[][] d : data) {
                    for (int s = 0; s < 5; s++) d[s][m] = s >= 3 ? d[s][i] + d[s][i - 1] : d[s][i];
                }
                m++;
            }
            n = m;
            step *= 2;
        }

        TimeSeries series() {
            Map<String, TimeSeries.PoolSeries> m = new LinkedHashMap<>();
            for (int p = 0; p < pools.size(); p++) {
                int[][] d = data[p];
                m.put(pools.get(p).name, new TimeSeries.PoolSeries(java.util.Arrays.copyOf(d[0], n), java.util.Arrays.copyOf(d[1], n),
                        java.util.Arrays.copyOf(d[2], n), java.util.Arrays.copyOf(d[3], n), java.util.Arrays.copyOf(d[4], n)));
            }
            return new TimeSeries(step, java.util.Arrays.copyOf(time, n), m);
        }
    }

    private static RunResult result(FleetSpec spec, RequestStats s, List<Pool> pools, double end, TimeSeries series, long events, double wall) {
        Map<String, Double> m = new LinkedHashMap<>();
        double window = end - s.windowStart;
        m.put("requests", (double) s.arrivals);
        m.put("completed", (double) s.completed);
        m.put("dropped", (double) (s.rejected + s.timedOut));
        m.put("rejected", (double) s.rejected);
        m.put("timed_out", (double) s.timedOut);
        m.put("lost", (double) s.lost);
        m.put("retried", (double) s.retried);
        m.put("in_flight_at_end", (double) s.present());
        m.put("observed_s", window);
        m.put("throughput_per_s", window > 0 ? s.completed / window : Double.NaN);
        m.put("arrival_rate_per_s", window > 0 ? s.arrivals / window : Double.NaN);
        putTally(m, "latency_ms", s.response);
        putTally(m, "wait_ms", s.wait);
        putTally(m, "service_ms", s.service);
        m.put("p_wait", s.wait.count() == 0 ? Double.NaN : 1.0 - (double) s.wait.zeros() / s.wait.count());
        double capacity = 0;
        double busySlots = 0;
        double queueIntegral = 0;
        double queueMax = 0;
        for (Pool p : pools) {
            capacity += p.readySlotSeconds(end);
            busySlots += p.busySlotSeconds(end);
            queueIntegral += p.queueLength.integral(end);
            queueMax = Math.max(queueMax, p.queueLength.max());
        }
        m.put("utilization", capacity > 0 ? busySlots / capacity : Double.NaN);
        m.put("busy_servers.mean", window > 0 ? busySlots / window : Double.NaN);
        m.put("queue_length.mean", window > 0 ? queueIntegral / window : Double.NaN);
        m.put("queue_length.max", queueMax);
        m.put("in_system.mean", s.inSystem.average(end));

        double total = 0;
        double idleLike = 0;
        long coldStarts = 0;
        long interruptions = 0;
        Map<String, Double> costs = new LinkedHashMap<>();
        Map<String, Double> perPool = new LinkedHashMap<>();
        for (Pool p : pools) {
            Pool.PoolCost c = p.cost(end);
            total += c.total();
            idleLike += c.idle() + c.starting() + c.draining();
            coldStarts += p.coldStarts;
            interruptions += p.interruptions;
            String ck = "cost_usd.by_pool." + p.name + ".";
            costs.put(ck + "total", c.total());
            costs.put(ck + "busy", c.busy());
            costs.put(ck + "idle", c.idle());
            costs.put(ck + "starting", c.starting());
            costs.put(ck + "draining", c.draining());
            costs.put(ck + "requests", c.requests());
            String k = "pools." + p.name + ".";
            perPool.put(k + "completed", (double) p.completed);
            perPool.put(k + "instances.mean", window > 0 ? p.instanceSeconds(end) / window : Double.NaN);
            double cap = p.readySlotSeconds(end);
            perPool.put(k + "utilization", cap > 0 ? p.busySlotSeconds(end) / cap : Double.NaN);
            perPool.put(k + "cold_starts", (double) p.coldStarts);
            perPool.put(k + "interruptions", (double) p.interruptions);
        }
        m.put("cost_usd.total", total);
        m.put("cost_usd.per_1k_requests", s.completed > 0 ? 1000 * total / s.completed : Double.NaN);
        m.put("cost_usd.per_hour", window > 0 ? total * 3600 / window : Double.NaN);
        m.put("cost_usd.idle_share", total > 0 ? idleLike / total : Double.NaN);
        if (spec.carriesTokens()) {
            long tokens = s.tokensIn + s.tokensOut;
            m.put("tokens.input", (double) s.tokensIn);
            m.put("tokens.output", (double) s.tokensOut);
            m.put("cost_usd.per_1m_tokens", tokens > 0 ? 1e6 * total / tokens : Double.NaN);
        }
        m.putAll(costs);
        m.put("cold_starts.count", (double) coldStarts);
        m.put("cold_starts.share_of_requests", s.completed > 0 ? (double) s.coldWaits / s.completed : Double.NaN);
        m.put("interruptions", (double) interruptions);
        if (spec.cache() != null) putCacheSavings(m, spec, s, pools, end);
        m.putAll(perPool);
        List<RequestClass> classes = spec.classes();
        for (int c = 0; c < classes.size(); c++) {
            String k = "classes." + classes.get(c).name() + ".";
            m.put(k + "requests", (double) s.classArrivals[c]);
            m.put(k + "completed", (double) s.classCompleted[c]);
            putTally(m, k + "latency_ms", s.classLatency[c]);
            m.put(k + "slo_attainment", classes.get(c).sloMs() == null || s.classCompleted[c] == 0 ? Double.NaN
                    : (double) s.classWithinSlo[c] / s.classCompleted[c]);
        }
        return new RunResult(m, LatencyHistogram.of(s.response), series, events, wall);
    }

    /**
     * What the cache hits would have used and cost: hits split over classes by their shares, each at
     * the mean service time of its class's pool and that pool's cost per busy slot-second.
     */
    private static void putCacheSavings(Map<String, Double> m, FleetSpec spec, RequestStats s, List<Pool> pools, double end) {
        m.put("cache.hits", (double) s.cacheHits);
        m.put("cache.hit_ratio", s.arrivals > 0 ? (double) s.cacheHits / s.arrivals : Double.NaN);
        double savedBusy = 0;
        double savedUsd = 0;
        List<RequestClass> classes = spec.classes();
        for (int c = 0; c < Math.max(1, classes.size()); c++) {
            double share = classes.isEmpty() ? 1 : classes.get(c).share();
            String poolName = classes.isEmpty() ? null : classes.get(c).pool();
            Pool p = pools.getFirst();
            for (Pool q : pools) if (q.name.equals(poolName)) p = q;
            double busyS = s.cacheHits * share * p.meanServiceS();
            double slotSeconds = p.busySlotSeconds(end);
            savedBusy += busyS;
            if (slotSeconds > 0) savedUsd += busyS * p.cost(end).total() / slotSeconds;
        }
        m.put("cache.saved_busy_s", savedBusy);
        m.put("cache.saved_usd", savedUsd);
    }

    private static void putTally(Map<String, Double> m, String prefix, Tally t) {
        m.put(prefix + ".mean", t.mean() * 1000);
        m.put(prefix + ".p50", t.quantile(0.50) * 1000);
        m.put(prefix + ".p90", t.quantile(0.90) * 1000);
        m.put(prefix + ".p95", t.quantile(0.95) * 1000);
        m.put(prefix + ".p99", t.quantile(0.99) * 1000);
        m.put(prefix + ".p999", t.quantile(0.999) * 1000);
        m.put(prefix + ".max", t.max() * 1000);
    }
}
