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

    private ServingModel() {}

    /** The simple form: traffic into one c-server pool. */
    public static RunResult run(
            Traffic traffic, PoolSpec pool, RunSpec run, Path baseDir, RandomStreams streams, RunControl control) {
        return run(
                new FleetSpec(traffic, List.of(FleetSpec.fromLegacy(pool)), null, null, run),
                baseDir,
                streams,
                control);
    }

    public static RunResult run(FleetSpec spec, Path baseDir, RandomStreams streams, RunControl control) {
        return run(spec, baseDir, streams, control, null);
    }

    /**
     * One replication that also tells {@code listener} (null: nobody) how every request in the observation
     * window left and how long every instance lived; see {@link RunListener}.
     */
    public static RunResult run(
            FleetSpec spec, Path baseDir, RandomStreams streams, RunControl control, RunListener listener) {
        return run(spec, baseDir, streams, control, listener, WorkLimits.DEFAULT);
    }

    /**
     * One replication within {@code limits}: it stops with a {@link WorkLimitException} when it has executed more
     * than {@link WorkLimits#maxEventsPerRun()} events, or when a pool's queue reaches {@link WorkLimits#maxQueue()}
     * (the estimate up front is the runner's, {@link WorkEstimate}).
     */
    public static RunResult run(
            FleetSpec spec,
            Path baseDir,
            RandomStreams streams,
            RunControl control,
            RunListener listener,
            WorkLimits limits) {
        long wallStart = System.nanoTime();
        Simulation sim = new Simulation();
        RunSpec run = spec.run();
        long warmupFinished = run.warmupRequests() == null ? 0 : run.warmupRequests();
        long stopAfter = run.requests() == null ? Long.MAX_VALUE : run.requests();
        boolean timedWarmup = run.warmupS() != null && run.warmupS() > 0;
        RequestStats stats = new RequestStats(sim, warmupFinished, stopAfter, !timedWarmup, spec.classes());
        if (listener != null) stats.listen(listener, spec.tokens());
        Fleet fleet = new Fleet(stats, spec.classes(), spec.cache(), spec.tokens(), spec.cascade(), sim, streams);
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
                    if (kind == ARRIVE) arrive(sim.now());
                    else other(kind, sim.now());
                }

                /** The hot event: kept small so that the JIT inlines it into the event loop. */
                private void arrive(double now) {
                    Request r = new Request(now);
                    if (keyed) r.key = arrivals.key();
                    fleet.arrive(r, now, arrivals);
                    double next = arrivals.next(now);
                    if (next < horizon) sim.scheduleAt(next, this, ARRIVE, null);
                }

                private void other(int kind, double now) {
                    switch (kind) {
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
        return result(
                spec, stats, pools, end, sampler.series(), sim.eventCount(), (System.nanoTime() - wallStart) / 1e9);
    }

    private static WorkLimitException tooManyEvents(Simulation sim, long maxEvents, RunSpec run) {
        String field = run.durationS() != null ? "$.run.duration_s" : "$.run.requests";
        return new WorkLimitException(
                field,
                String.format(
                        java.util.Locale.ROOT,
                        "one replication passed %,d events at %s s of simulated time without finishing, more than the %,d events"
                                + " a run may take (docs/cli.md \"Limits of simulations\"); shorten the run or lower the traffic",
                        sim.eventCount(),
                        WorkEstimate.number(sim.now()),
                        maxEvents));
    }

    private static double initialStep(FleetSpec spec, RunSpec run) {
        double expected = run.durationS() != null
                ? run.durationS()
                : (run.requests() + (run.warmupRequests() == null ? 0 : run.warmupRequests()))
                        / spec.traffic().meanRate();
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
        /** LLM engine pools: running sequences and KV use, [pool][series][point]; null rows for other pools. */
        final double[][][] llm;

        final long[][] lastCounts;

        Sampler(List<Pool> pools, double step) {
            this.pools = pools;
            this.step = step;
            data = new int[pools.size()][5][MAX_POINTS];
            llm = new double[pools.size()][][];
            for (int p = 0; p < pools.size(); p++) {
                if (pools.get(p).engine instanceof LlmPoolEngine) llm[p] = new double[2][MAX_POINTS];
            }
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
                d[4][n] = (int) (pool.totalInterruptions() - lastCounts[p][1]);
                if (llm[p] != null) {
                    llm[p][0][n] = pool.engine.runningNow();
                    llm[p][1][n] = pool.engine.kvUseNow();
                }
                lastCounts[p][0] = pool.totalColdStarts;
                lastCounts[p][1] = pool.totalInterruptions();
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
                for (double[][] d : llm) {
                    if (d == null) continue;
                    d[0][m] = d[0][i];
                    d[1][m] = d[1][i];
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
                double[][] l = llm[p];
                m.put(
                        pools.get(p).name,
                        new TimeSeries.PoolSeries(
                                java.util.Arrays.copyOf(d[0], n),
                                java.util.Arrays.copyOf(d[1], n),
                                java.util.Arrays.copyOf(d[2], n),
                                java.util.Arrays.copyOf(d[3], n),
                                java.util.Arrays.copyOf(d[4], n),
                                l == null ? null : java.util.Arrays.copyOf(l[0], n),
                                l == null ? null : java.util.Arrays.copyOf(l[1], n)));
            }
            return new TimeSeries(step, java.util.Arrays.copyOf(time, n), m);
        }
    }

    private static RunResult result(
            FleetSpec spec, RequestStats s, List<Pool> pools, double end, TimeSeries series, long events, double wall) {
        Map<String, Double> m = new LinkedHashMap<>();
        double window = end - s.windowStart;
        put(m, Metric.REQUESTS, (double) s.arrivals);
        put(m, Metric.COMPLETED, (double) s.completed);
        put(m, Metric.DROPPED, (double) (s.rejected + s.timedOut));
        put(m, Metric.REJECTED, (double) s.rejected);
        put(m, Metric.TIMED_OUT, (double) s.timedOut);
        put(m, Metric.LOST, (double) s.lost);
        put(m, Metric.RETRIED, (double) s.retried);
        put(m, Metric.IN_FLIGHT_AT_END, (double) s.present());
        put(m, Metric.OBSERVED_S, window);
        put(m, Metric.THROUGHPUT, window > 0 ? s.completed / window : Double.NaN);
        put(m, Metric.ARRIVAL_RATE, window > 0 ? s.arrivals / window : Double.NaN);
        putTally(m, Metric.LATENCY, null, s.response);
        putTally(m, Metric.WAIT, null, s.wait);
        putTally(m, Metric.SERVICE, null, s.service);
        put(m, Metric.P_WAIT, s.wait.count() == 0 ? Double.NaN : 1.0 - (double) s.wait.zeros() / s.wait.count());
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
        put(m, Metric.UTILIZATION, capacity > 0 ? busySlots / capacity : Double.NaN);
        put(m, Metric.BUSY_SERVERS, window > 0 ? busySlots / window : Double.NaN);
        put(m, Metric.QUEUE_MEAN, window > 0 ? queueIntegral / window : Double.NaN);
        put(m, Metric.QUEUE_MAX, queueMax);
        put(m, Metric.IN_SYSTEM, s.inSystem.average(end));

        double total = 0;
        double idleLike = 0;
        long coldStarts = 0;
        long interruptions = 0;
        Map<String, Double> costs = new LinkedHashMap<>();
        Map<String, Double> perPool = new LinkedHashMap<>();
        for (Pool p : pools) {
            PoolCost c = p.cost(end);
            total += c.total();
            idleLike += c.idle() + c.starting() + c.draining();
            coldStarts += p.coldStarts;
            interruptions += p.interruptions();
            String n = p.name;
            costs.put(Metric.POOL_COST_TOTAL.at(n), c.total());
            costs.put(Metric.POOL_COST_BUSY.at(n), c.busy());
            costs.put(Metric.POOL_COST_IDLE.at(n), c.idle());
            costs.put(Metric.POOL_COST_STARTING.at(n), c.starting());
            costs.put(Metric.POOL_COST_DRAINING.at(n), c.draining());
            costs.put(Metric.POOL_COST_REQUESTS.at(n), c.requests());
            perPool.put(Metric.POOL_COMPLETED.at(n), (double) p.completed);
            perPool.put(Metric.POOL_INSTANCES.at(n), window > 0 ? p.instanceSeconds(end) / window : Double.NaN);
            double cap = p.readySlotSeconds(end);
            perPool.put(Metric.POOL_UTILIZATION.at(n), cap > 0 ? p.busySlotSeconds(end) / cap : Double.NaN);
            perPool.put(Metric.POOL_COLD_STARTS.at(n), (double) p.coldStarts);
            perPool.put(Metric.POOL_INTERRUPTIONS.at(n), (double) p.interruptions());
        }
        put(m, Metric.COST_TOTAL, total);
        put(m, Metric.COST_PER_1K, s.completed > 0 ? 1000 * total / s.completed : Double.NaN);
        put(m, Metric.COST_PER_HOUR, window > 0 ? total * 3600 / window : Double.NaN);
        put(m, Metric.IDLE_SHARE, total > 0 ? idleLike / total : Double.NaN);
        if (spec.carriesTokens()) {
            long tokens = s.tokensIn + s.tokensOut;
            put(m, Metric.TOKENS_INPUT, (double) s.tokensIn);
            put(m, Metric.TOKENS_OUTPUT, (double) s.tokensOut);
            put(m, Metric.COST_PER_1M_TOKENS, tokens > 0 ? 1e6 * total / tokens : Double.NaN);
            put(m, Metric.COST_PER_1M_OUTPUT_TOKENS, s.tokensOut > 0 ? 1e6 * total / s.tokensOut : Double.NaN);
        }
        if (pools.stream().anyMatch(p -> p.engine instanceof LlmPoolEngine)) putLlm(m, s, pools, end, window);
        m.putAll(costs);
        put(m, Metric.COLD_STARTS, (double) coldStarts);
        put(m, Metric.COLD_START_SHARE, s.completed > 0 ? (double) s.coldWaits / s.completed : Double.NaN);
        put(m, Metric.INTERRUPTIONS, (double) interruptions);
        if (spec.cache() != null) putCacheSavings(m, spec, s, pools, end);
        if (pools.stream().allMatch(p -> !Double.isNaN(p.quality)))
            put(m, Metric.QUALITY, s.qualityCount > 0 ? s.qualitySum / s.qualityCount : Double.NaN);
        if (spec.cascade() != null) putCascade(m, spec.cascade(), s, pools, end);
        m.putAll(perPool);
        List<RequestClass> classes = spec.classes();
        for (int c = 0; c < classes.size(); c++) {
            String n = classes.get(c).name();
            m.put(Metric.CLASS_REQUESTS.at(n), (double) s.classArrivals[c]);
            m.put(Metric.CLASS_COMPLETED.at(n), (double) s.classCompleted[c]);
            putTally(m, Metric.CLASS_LATENCY, classes.get(c).name(), s.classLatency[c]);
            m.put(
                    Metric.CLASS_SLO_ATTAINMENT.at(n),
                    classes.get(c).sloMs() == null || s.classCompleted[c] == 0
                            ? Double.NaN
                            : (double) s.classWithinSlo[c] / s.classCompleted[c]);
        }
        return new RunResult(m, LatencyHistogram.of(s.response), series, events, wall);
    }

    /**
     * What the cache hits would have used and cost: hits split over classes by their shares, each at
     * the mean service time of its class's pool and that pool's cost per busy slot-second.
     */
    private static void putCacheSavings(
            Map<String, Double> m, FleetSpec spec, RequestStats s, List<Pool> pools, double end) {
        put(m, Metric.CACHE_HITS, (double) s.cacheHits);
        put(m, Metric.CACHE_HIT_RATIO, s.arrivals > 0 ? (double) s.cacheHits / s.arrivals : Double.NaN);
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
        put(m, Metric.CACHE_SAVED_BUSY, savedBusy);
        put(m, Metric.CACHE_SAVED_USD, savedUsd);
    }

    /** A cascade's escalations, the latency of each path through it, and the cost of each stage per 1,000 requests. */
    private static void putCascade(Map<String, Double> m, CascadeSpec c, RequestStats s, List<Pool> pools, double end) {
        put(m, Metric.CASCADE_ESCALATED, (double) s.cascadeEscalated);
        put(
                m,
                Metric.CASCADE_ESCALATED_SHARE,
                s.cascadeDecided > 0 ? (double) s.cascadeEscalated / s.cascadeDecided : Double.NaN);
        putTally(m, Metric.CASCADE_FIRST_ONLY_LATENCY, null, s.firstOnlyLatency);
        putTally(m, Metric.CASCADE_ESCALATED_LATENCY, null, s.escalatedLatency);
        if (c.classes() != null && c.classes().containsValue(CascadeSpec.Route.SKIP_FIRST)) {
            put(m, Metric.CASCADE_SKIPPED_FIRST, (double) s.skippedFirst);
            putTally(m, Metric.CASCADE_SKIPPED_LATENCY, null, s.skippedLatency);
        }
        for (Pool p : pools) {
            double perK = s.completed > 0 ? 1000 * p.cost(end).total() / s.completed : Double.NaN;
            if (p.name.equals(c.first())) put(m, Metric.CASCADE_FIRST_COST, perK);
            if (p.name.equals(c.second())) put(m, Metric.CASCADE_SECOND_COST, perK);
            if (p.engine instanceof LlmPoolEngine && p.name.equals(c.first()))
                putTally(m, Metric.CASCADE_FIRST_STAGE_TTFT, null, s.firstStageTtft);
            if (p.engine instanceof LlmPoolEngine && p.name.equals(c.second()))
                putTally(m, Metric.CASCADE_SECOND_STAGE_TTFT, null, s.secondStageTtft);
        }
    }

    /** What the LLM engines measured: TTFT, TPOT, tokens/s, goodput, batch size, KV use, preemptions. */
    private static void putLlm(Map<String, Double> m, RequestStats s, List<Pool> pools, double end, double window) {
        putTally(m, Metric.TTFT, null, s.ttft);
        putTally(m, Metric.TPOT, null, s.tpot);
        put(m, Metric.LLM_OUTPUT_TOKENS_PER_S, window > 0 ? s.llmOutputTokens / window : Double.NaN);
        put(m, Metric.LLM_GOODPUT, window > 0 ? s.llmGood / window : Double.NaN);
        put(m, Metric.LLM_GOODPUT_SHARE, s.llmCompleted > 0 ? (double) s.llmGood / s.llmCompleted : Double.NaN);
        long iterations = 0;
        long seqs = 0;
        long preemptions = 0;
        int maxBatch = 0;
        double kvNum = 0;
        double kvDen = 0;
        double kvMax = 0;
        for (Pool p : pools) {
            if (!(p.engine instanceof LlmPoolEngine e)) continue;
            iterations += e.iterations;
            seqs += e.batchSeqSum;
            preemptions += e.preemptions;
            maxBatch = Math.max(maxBatch, e.maxBatch);
            double ready = p.ready.integral(end);
            double use = e.kvUse(end);
            if (ready > 0 && !Double.isNaN(use)) {
                kvNum += use * ready;
                kvDen += ready;
            }
            kvMax = Math.max(kvMax, e.maxKvUse());
        }
        put(m, Metric.LLM_BATCH_MEAN, iterations > 0 ? (double) seqs / iterations : Double.NaN);
        put(m, Metric.LLM_BATCH_MAX, (double) maxBatch);
        put(m, Metric.LLM_KV_MEAN, kvDen > 0 ? kvNum / kvDen : Double.NaN);
        put(m, Metric.LLM_KV_MAX, kvMax);
        put(m, Metric.LLM_PREEMPTIONS, (double) preemptions);
        put(m, Metric.LLM_ITERATIONS, (double) iterations);
    }

    /** The {@link Metric.Stat}s of a tally of seconds, in milliseconds; {@code name} is the class of a pattern family. */
    private static void putTally(Map<String, Double> m, List<Metric> family, String name, Tally t) {
        for (Metric.Stat stat : Metric.Stat.values()) {
            double seconds =
                    switch (stat) {
                        case MEAN -> t.mean();
                        case P50 -> t.quantile(0.50);
                        case P90 -> t.quantile(0.90);
                        case P95 -> t.quantile(0.95);
                        case P99 -> t.quantile(0.99);
                        case P999 -> t.quantile(0.999);
                        case MAX -> t.max();
                    };
            m.put(family.get(stat.ordinal()).at(name), seconds * 1000);
        }
    }

    private static void put(Map<String, Double> m, Metric metric, double value) {
        m.put(metric.path(), value);
    }
}
