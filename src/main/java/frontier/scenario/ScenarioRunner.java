package frontier.scenario;

import frontier.model.BatchModel;
import frontier.model.FleetSpec;
import frontier.model.Metric;
import frontier.model.RunListener;
import frontier.model.RunResult;
import frontier.model.ServingModel;
import frontier.model.WorkEstimate;
import frontier.model.WorkLimitException;
import frontier.model.WorkLimits;
import frontier.sim.CancelledException;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a scenario's replications, in parallel on up to {@code threads} threads. Replication k always
 * uses the random streams of (seed, k), so the result is identical whatever the thread count. A run is
 * bounded by {@link WorkLimits}: estimated before it starts ({@link WorkEstimate}) and refused if it would not
 * finish, and stopped if a replication passes its event budget or a pool's queue grows without bound; either
 * way a {@link WorkLimitException} names the field to change.
 */
public final class ScenarioRunner {
    private final int threads;
    private final WorkLimits limits;

    public ScenarioRunner(int threads) {
        this(threads, WorkLimits.DEFAULT);
    }

    public ScenarioRunner(int threads, WorkLimits limits) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.threads = threads;
        this.limits = java.util.Objects.requireNonNull(limits);
    }

    /**
     * The work a run of {@code scenario} would do, refused when it exceeds {@code limits}.
     *
     * @throws WorkLimitException naming the field to change and the estimate
     */
    public static WorkEstimate check(Scenario scenario, WorkLimits limits) {
        if (scenario.isBatch())
            return WorkEstimate.check(scenario.batch(), scenario.run().replications(), limits);
        return WorkEstimate.check(scenario.fleet(), scenario.run().replications(), scenario.pool() != null, limits);
    }

    public Summary run(Scenario scenario, RunControl control) {
        check(scenario, limits);
        try {
            return runChecked(scenario, control);
        } catch (WorkLimitException e) {
            throw named(scenario, e);
        }
    }

    public static ScenarioRunner defaultRunner() {
        return new ScenarioRunner(Runtime.getRuntime().availableProcessors());
    }

    private Summary runChecked(Scenario scenario, RunControl control) {
        if (scenario.isBatch()) {
            return withCompletionQuantiles(runReplications(
                    scenario,
                    control,
                    (k, c) -> BatchModel.run(
                            scenario.batch(),
                            scenario.baseDir(),
                            new RandomStreams(scenario.run().seed(), k),
                            c,
                            limits),
                    java.util.Map.of()));
        }
        // Built (and validated) once for every replication.
        FleetSpec fleet = scenario.fleet();
        return runReplications(scenario, control, (k, c) -> one(fleet, scenario, k, c), labels(fleet));
    }

    /** The replications' completion times: their p10, p50, p90 and maximum, beside the mean (a batch job's summary). */
    static Summary withCompletionQuantiles(Summary s) {
        double[] t = s.replications().stream()
                .mapToDouble(r -> r.metric(Metric.BATCH_COMPLETION))
                .sorted()
                .toArray();
        java.util.Map<String, Double> mean = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> hw = new java.util.LinkedHashMap<>(s.halfWidth95());
        for (var e : s.mean().entrySet()) {
            mean.put(e.getKey(), e.getValue());
            if (e.getKey().equals(Metric.BATCH_COMPLETION.path())) {
                org.apache.commons.math3.stat.descriptive.rank.Percentile p =
                        new org.apache.commons.math3.stat.descriptive.rank.Percentile()
                                .withEstimationType(
                                        org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType.R_7);
                mean.put(Metric.BATCH_COMPLETION_P10.path(), p.evaluate(t, 10));
                mean.put(Metric.BATCH_COMPLETION_P50.path(), p.evaluate(t, 50));
                mean.put(Metric.BATCH_COMPLETION_P90.path(), p.evaluate(t, 90));
                mean.put(Metric.BATCH_COMPLETION_MAX.path(), t[t.length - 1]);
                for (Metric m : java.util.List.of(
                        Metric.BATCH_COMPLETION_P10,
                        Metric.BATCH_COMPLETION_P50,
                        Metric.BATCH_COMPLETION_P90,
                        Metric.BATCH_COMPLETION_MAX)) {
                    hw.put(m.path(), Double.NaN);
                }
            }
        }
        return new Summary(
                s.scenario(),
                s.seed(),
                s.replications(),
                java.util.Collections.unmodifiableMap(mean),
                java.util.Collections.unmodifiableMap(hw),
                s.labels());
    }

    private Summary runReplications(
            Scenario scenario,
            RunControl control,
            java.util.function.BiFunction<Integer, RunControl, RunResult> one,
            java.util.Map<String, String> labels) {
        int n = scenario.run().replications();
        long seed = scenario.run().seed();
        if (n == 1 || threads == 1) {
            List<RunResult> results = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int done = k;
                results.add(one.apply(k, new RunControl() {
                    @Override
                    public boolean isCancelled() {
                        return control.isCancelled();
                    }

                    @Override
                    public void progress(double f) {
                        control.progress((done + f) / n);
                    }
                }));
                control.progress((k + 1.0) / n);
            }
            return Summary.of(scenario.name(), seed, results).withLabels(labels);
        }
        double[] progress = new double[n];
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "frontier-replication");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                int rep = k;
                futures.add(pool.submit(() -> one.apply(rep, new RunControl() {
                    @Override
                    public boolean isCancelled() {
                        return control.isCancelled();
                    }

                    @Override
                    public void progress(double f) {
                        synchronized (progress) {
                            progress[rep] = f;
                            double s = 0;
                            for (double p : progress) s += p;
                            control.progress(s / n);
                        }
                    }
                })));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    futures.forEach(x -> x.cancel(true));
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
            control.progress(1.0);
            return Summary.of(scenario.name(), seed, results).withLabels(labels);
        }
    }

    /**
     * Runs replication {@code k} (0-based) alone, on the calling thread, telling {@code listener} about every
     * request and instance (see {@link RunListener}); the summary holds that one replication.
     */
    public static Summary replication(Scenario scenario, int k, RunControl control, RunListener listener) {
        return replication(scenario, k, control, listener, WorkLimits.DEFAULT);
    }

    /** {@link #replication(Scenario, int, RunControl, RunListener)} within {@code limits} (one replication's work). */
    public static Summary replication(
            Scenario scenario, int k, RunControl control, RunListener listener, WorkLimits limits) {
        int n = scenario.run().replications();
        if (k < 0 || k >= n) throw new IllegalArgumentException("replication " + k + " of " + n);
        if (scenario.isBatch()) {
            WorkEstimate.check(scenario.batch(), 1, limits);
            RunResult r = BatchModel.run(
                    scenario.batch(),
                    scenario.baseDir(),
                    new RandomStreams(scenario.run().seed(), k),
                    control,
                    limits);
            return withCompletionQuantiles(
                    Summary.of(scenario.name(), scenario.run().seed(), List.of(r)));
        }
        FleetSpec fleet = scenario.fleet();
        WorkEstimate.check(fleet, 1, scenario.pool() != null, limits);
        RunResult r;
        try {
            r = ServingModel.run(
                    fleet, scenario.baseDir(), new RandomStreams(scenario.run().seed(), k), control, listener, limits);
        } catch (WorkLimitException e) {
            throw named(scenario, e);
        }
        return Summary.of(scenario.name(), scenario.run().seed(), List.of(r)).withLabels(labels(fleet));
    }

    /** What each pool serves: its model's name and, when given, its accuracy label. */
    static java.util.Map<String, String> labels(FleetSpec fleet) {
        java.util.Map<String, String> l = new java.util.LinkedHashMap<>();
        for (var p : fleet.pools()) {
            l.put("pools." + p.name() + ".model", p.model().name());
            if (p.model().accuracy() != null)
                l.put("pools." + p.name() + ".accuracy", p.model().accuracy());
        }
        return l;
    }

    private RunResult one(FleetSpec fleet, Scenario s, int replication, RunControl control) {
        return ServingModel.run(
                fleet, s.baseDir(), new RandomStreams(s.run().seed(), replication), control, null, limits);
    }

    /** A limit hit while running, with the pool's path as the scenario writes it ({@code $.pool} in the simple form). */
    private static WorkLimitException named(Scenario s, WorkLimitException e) {
        return s.pool() != null && e.field().startsWith("$.pools[0]")
                ? e.withField("$.pool" + e.field().substring("$.pools[0]".length()))
                : e;
    }
}
