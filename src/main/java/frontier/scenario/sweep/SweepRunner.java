package frontier.scenario.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.model.WorkLimitException;
import frontier.pareto.Objective;
import frontier.scenario.ScenarioException;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.scenario.SummaryJson;
import frontier.scenario.SweepSpec;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

/**
 * Runs the points of a {@link Sweep} in parallel on up to {@code threads} threads, each point's
 * replications one after another on the thread that took the point. A point's result depends only on its
 * configuration and seed, so the results are identical whatever the thread count. Progress is the share of
 * points finished (a running point counts by its own progress); cancelling stops every running point and
 * throws {@link CancelledException}. With {@code nsga2} the generations run one after another, each one's
 * points in parallel (see {@link #runSearch}).
 *
 * <p>Where a batch of points runs is a {@link BatchExecutor}: threads of this JVM by default, or another
 * engine (frontier.spark runs each point as a Spark task); every executor computes a point with the one pure
 * function {@link #runPoint}, so the results, and the generations of {@code nsga2} made from them, are the same.
 */
public final class SweepRunner {
    /**
     * Runs one batch of points somewhere and returns their results in the order of {@code points}, each one
     * {@link #runPoint} of its point (or of {@code sweep.point(index, values)} rebuilt elsewhere, which is the same
     * point). Progress goes to {@code progress} as the share of the batch done; cancelling throws
     * {@link CancelledException}; a {@link WorkLimitException} of a point is reported through {@link #atPoint}.
     */
    public interface BatchExecutor {
        List<PointResult> run(Sweep sweep, List<SweepPoint> points, RunControl control, DoubleConsumer progress);
    }

    private final BatchExecutor executor;

    public SweepRunner(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.executor =
                (sweep, points, control, progress) -> runBatch(threads, sweep.source(), points, control, progress);
    }

    /** A runner whose batches run on {@code executor} (the generations of {@code nsga2} are still made here). */
    public SweepRunner(BatchExecutor executor) {
        this.executor = java.util.Objects.requireNonNull(executor);
    }

    public static SweepRunner defaultRunner() {
        return new SweepRunner(Runtime.getRuntime().availableProcessors());
    }

    public SweepResult run(Sweep sweep, RunControl control) {
        if (sweep.spec().method() == SweepSpec.Method.NSGA2) return runSearch(sweep, control);
        List<PointResult> results = executor.run(sweep, sweep.points(), control, control::progress);
        return new SweepResult(
                sweep.base().name(),
                sweep.paths(),
                sweep.spec().method().label(),
                sweep.seed(),
                sweep.replicationsPerPoint(),
                results);
    }

    /**
     * {@code nsga2}: generation 0 is the sweep's points; each later generation is the {@link Nsga2} offspring of
     * the population so far, made into configurations (validated like a file) and run as one parallel batch. A
     * configuration proposed again is neither run again nor told to the search again. Points are numbered in the
     * order they are first proposed, and every point run is in the result. The proposals depend only on the
     * seed and on the results, which do not depend on the threads, so neither does anything else.
     */
    private SweepResult runSearch(Sweep sweep, RunControl control) {
        Nsga2 search = sweep.newSearch();
        List<Objective> objectives = sweep.objectives();
        int generations = sweep.spec().generations();
        int size = search.populationSize();
        List<PointResult> all = new ArrayList<>();
        Map<String, double[]> seen = new HashMap<>();
        double[][] genomes = search.initial();
        for (int g = 0; g < generations; g++) {
            if (g > 0) genomes = search.ask();
            // Only configurations not run before enter the batch and the population (NSGA-II with duplicate
            // elimination): copies would crowd the population without telling the search anything new.
            List<List<JsonNode>> configs = new ArrayList<>();
            List<double[]> freshGenomes = new ArrayList<>();
            Map<String, Integer> fresh = new LinkedHashMap<>();
            for (double[] genome : genomes) {
                List<JsonNode> values = sweep.decode(genome);
                String key = values.toString();
                if (!seen.containsKey(key) && !fresh.containsKey(key)) {
                    fresh.put(key, configs.size());
                    configs.add(values);
                    freshGenomes.add(genome);
                }
            }
            List<SweepPoint> batch;
            if (g == 0) {
                batch = sweep.points(); // the same configurations, made and checked when the sweep was loaded
            } else {
                int first = all.size();
                Object[] made = IntStream.range(0, configs.size())
                        .parallel()
                        .mapToObj(i -> {
                            try {
                                return (Object) sweep.point(first + i, configs.get(i));
                            } catch (RuntimeException e) {
                                return e;
                            }
                        })
                        .toArray();
                batch = new ArrayList<>(made.length);
                for (Object o : made) {
                    if (o instanceof RuntimeException e) throw e;
                    batch.add((SweepPoint) o);
                }
            }
            if (batch.size() != configs.size())
                throw new IllegalStateException("generation 0 differs from the sweep's points");
            int done = g;
            List<PointResult> results = batch.isEmpty()
                    ? List.of()
                    : executor.run(
                            sweep, batch, control, f -> control.progress(Math.min(1.0, (done + f) / generations)));
            if (g == 0 && !results.isEmpty()) checkObjectives(sweep, results.getFirst(), objectives);
            List<String> freshKeys = new ArrayList<>(fresh.keySet());
            for (int i = 0; i < results.size(); i++) {
                PointResult r = results.get(i);
                double[] v = new double[objectives.size()];
                for (int m = 0; m < v.length; m++)
                    v[m] = objectives
                            .get(m)
                            .minimised(r.metric(objectives.get(m).path()));
                seen.put(freshKeys.get(i), v);
                all.add(r);
            }
            double[][] values = freshKeys.stream().map(seen::get).toArray(double[][]::new);
            search.tell(freshGenomes.toArray(double[][]::new), values);
            control.progress((g + 1.0) / generations);
        }
        return new SweepResult(
                sweep.base().name(),
                sweep.paths(),
                sweep.spec().method().label(),
                sweep.seed(),
                sweep.replicationsPerPoint(),
                all);
    }

    private static void checkObjectives(Sweep sweep, PointResult first, List<Objective> objectives) {
        for (int m = 0; m < objectives.size(); m++) {
            if (!first.hasMetric(objectives.get(m).path())) {
                throw new ScenarioException(
                        sweep.source() + ": $.sweep.objectives[" + m + "]: no metric '"
                                + objectives.get(m).path()
                                + "' in the results; use a field of simulate --json such as cost_usd.per_1k_requests, latency_ms.p99 or lost (docs/cli.md)",
                        null);
            }
        }
    }

    /** Runs the points in parallel; results in the order of {@code points}; progress as the share done. */
    private static List<PointResult> runBatch(
            int threads, String source, List<SweepPoint> points, RunControl control, DoubleConsumer progressOut) {
        int n = points.size();
        double[] progress = new double[n + 1];
        PointResult[] results = new PointResult[n];
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "frontier-sweep");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<PointResult>> futures = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                SweepPoint p = points.get(k);
                int slot = k;
                futures.add(pool.submit(() -> {
                    if (control.isCancelled()) throw new CancelledException();
                    return runPoint(p, new RunControl() {
                        @Override
                        public boolean isCancelled() {
                            return control.isCancelled();
                        }

                        @Override
                        public void progress(double f) {
                            report(progress, slot, f, progressOut);
                        }
                    });
                }));
            }
            for (int i = 0; i < n; i++) {
                try {
                    results[i] = futures.get(i).get();
                    report(progress, i, 1.0, progressOut);
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    if (e.getCause() instanceof WorkLimitException w) throw atPoint(source, points.get(i), w);
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    futures.forEach(f -> f.cancel(true));
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
        }
        return List.of(results);
    }

    /** A point stopped by a work limit (e.g. an overloaded pool), named as the sweep names its points. */
    public static ScenarioException atPoint(String source, SweepPoint p, WorkLimitException e) {
        StringBuilder label = new StringBuilder();
        p.config().properties().forEach(en -> label.append(label.isEmpty() ? "" : ", ")
                .append(en.getKey())
                .append(" = ")
                .append(en.getValue()));
        return new ScenarioException(source + " (sweep point " + p.index() + ": " + label + "): " + e.getMessage(), e);
    }

    /** Runs one point's replications on the calling thread. */
    public static PointResult runPoint(SweepPoint p, RunControl control) {
        Summary summary = new ScenarioRunner(1).run(p.scenario(), control);
        ObjectNode metrics = SummaryJson.toNode(summary);
        metrics.remove("scenario");
        metrics.remove("timeseries");
        return new PointResult(p.index(), p.config().deepCopy(), p.seed(), metrics);
    }

    private static void report(double[] progress, int index, double f, DoubleConsumer control) {
        double total;
        synchronized (progress) {
            // progress[n] holds the running sum of the others, so a report costs O(1) however many points.
            progress[progress.length - 1] += f - progress[index];
            progress[index] = f;
            total = progress[progress.length - 1];
        }
        control.accept(Math.min(1.0, total / (progress.length - 1)));
    }
}
