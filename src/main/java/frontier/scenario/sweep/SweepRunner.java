package frontier.scenario.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.scenario.SummaryJson;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the points of a {@link Sweep} in parallel on up to {@code threads} threads, each point's
 * replications one after another on the thread that took the point. A point's result depends only on its
 * configuration and seed, so the results are identical whatever the thread count. Progress is the share of
 * points finished (a running point counts by its own progress); cancelling stops every running point and
 * throws {@link CancelledException}.
 */
public final class SweepRunner {
    private final int threads;

    public SweepRunner(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
        this.threads = threads;
    }

    public static SweepRunner defaultRunner() {
        return new SweepRunner(Runtime.getRuntime().availableProcessors());
    }

    public SweepResult run(Sweep sweep, RunControl control) {
        List<SweepPoint> points = sweep.points();
        int n = points.size();
        double[] progress = new double[n + 1];
        PointResult[] results = new PointResult[n];
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "frontier-sweep");
            t.setDaemon(true);
            return t;
        })) {
            List<Future<PointResult>> futures = new ArrayList<>(n);
            for (SweepPoint p : points) {
                futures.add(pool.submit(() -> {
                    if (control.isCancelled()) throw new CancelledException();
                    return runPoint(p, new RunControl() {
                        @Override
                        public boolean isCancelled() {
                            return control.isCancelled();
                        }

                        @Override
                        public void progress(double f) {
                            report(progress, p.index(), f, control);
                        }
                    });
                }));
            }
            for (int i = 0; i < n; i++) {
                try {
                    results[i] = futures.get(i).get();
                    report(progress, i, 1.0, control);
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    futures.forEach(f -> f.cancel(true));
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
        }
        return new SweepResult(sweep.base().name(), sweep.paths(), sweep.spec().method().label(), sweep.seed(),
                sweep.replicationsPerPoint(), List.of(results));
    }

    /** Runs one point's replications on the calling thread. */
    public static PointResult runPoint(SweepPoint p, RunControl control) {
        Summary summary = new ScenarioRunner(1).run(p.scenario(), control);
        ObjectNode metrics = SummaryJson.toNode(summary);
        metrics.remove("scenario");
        metrics.remove("timeseries");
        return new PointResult(p.index(), p.config().deepCopy(), p.seed(), metrics);
    }

    private static void report(double[] progress, int index, double f, RunControl control) {
        double total;
        synchronized (progress) {
            // progress[n] holds the running sum of the others, so a report costs O(1) however many points.
            progress[progress.length - 1] += f - progress[index];
            progress[index] = f;
            total = progress[progress.length - 1];
        }
        control.progress(Math.min(1.0, total / (progress.length - 1)));
    }
}
