package frontier.spark.sweep;

import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepPoint;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.BadInputException;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a batch of sweep points as one Spark job: by default ({@link #AUTO}) a few tasks per slot with the points
 * dealt round-robin ({@link #plan}), or {@code pointsPerTask} consecutive points per task; each point run on an
 * executor by {@link PointTask#run} — that is, {@link SweepRunner#runPoint} of the sweep's own point at that index
 * (or, for NSGA-II's later generations, the point made from its index and values) — so the results are the local
 * runner's. Results come back in the order of the points. A {@link SparkListener} counts the points of tasks
 * that succeeded (each task once, whatever its attempts) for progress; cancelling the {@link RunControl}
 * cancels the job group, and a failed task attempt (a lost executor) is retried by Spark up to
 * {@code spark.task.maxFailures}: a point's result depends only on its index and values, never on the attempt.
 */
public final class SparkSweepExecutor implements SweepRunner.BatchExecutor {
    /** What a task does with one point; the default runs it, tests wrap it (e.g. to fail a first attempt). */
    public interface PointFunction extends Serializable {
        PointTask.Result apply(SweepSource source, PointTask task);
    }

    /** Runs the point with Frontier's engine, stopped when Spark kills the task (a cancelled job). */
    public static final PointFunction RUN = (source, task) -> task.run(source.sweep(), new RunControl() {
        @Override
        public boolean isCancelled() {
            TaskContext tc = TaskContext.get();
            return tc != null && tc.isInterrupted();
        }

        @Override
        public void progress(double fraction) {}
    });

    /** {@code pointsPerTask} that lets the executor choose: {@link #TASKS_PER_SLOT} tasks per slot, points dealt round-robin. */
    public static final int AUTO = 0;

    /** Tasks per slot with {@link #AUTO}: enough that an unlucky task does not leave a slot idle for long. */
    static final int TASKS_PER_SLOT = 4;

    private final SparkSession spark;
    private final SweepSource source;
    private final int pointsPerTask;
    private final PointFunction function;
    private final IntConsumer pointsDone;
    private volatile String group;

    /**
     * @param source     the sweep's text, as the executors will read it (must be what the driver's sweep was loaded from)
     * @param pointsDone told how many points just finished (from Spark's listener thread), for a count and an ETA
     */
    public SparkSweepExecutor(
            SparkSession spark, SweepSource source, int pointsPerTask, PointFunction function, IntConsumer pointsDone) {
        if (pointsPerTask < 1 && pointsPerTask != AUTO)
            throw new IllegalArgumentException("pointsPerTask must be >= 1 or AUTO");
        this.spark = Objects.requireNonNull(spark);
        this.source = Objects.requireNonNull(source);
        this.pointsPerTask = pointsPerTask;
        this.function = Objects.requireNonNull(function);
        this.pointsDone = pointsDone == null ? k -> {} : pointsDone;
    }

    public SparkSweepExecutor(SparkSession spark, SweepSource source) {
        this(spark, source, AUTO, RUN, null);
    }

    /** The job group of the batch running now, or of the last one (null before the first); {@code cancelJobGroup} of it stops the batch. */
    public String jobGroup() {
        return group;
    }

    @Override
    public List<PointResult> run(Sweep sweep, List<SweepPoint> points, RunControl control, DoubleConsumer progress) {
        if (control.isCancelled()) throw new CancelledException();
        source.remember(sweep);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int[][] plan = plan(points.size(), pointsPerTask, jsc.defaultParallelism());
        List<ArrayList<PointTask>> chunks = new ArrayList<>(plan.length);
        for (int[] positions : plan) {
            ArrayList<PointTask> chunk = new ArrayList<>(positions.length);
            for (int k : positions) chunk.add(PointTask.of(sweep, points.get(k)));
            chunks.add(chunk);
        }
        String g = "frontier-sweep-" + UUID.randomUUID();
        Counter counter =
                new Counter(g, chunks.stream().mapToInt(List::size).toArray(), points.size(), progress, pointsDone);
        jsc.sc().addSparkListener(counter);
        Broadcast<SweepSource> shared = jsc.broadcast(source);
        PointFunction fn = function;
        jsc.setJobGroup(g, "frontier sweep: " + sweep.source() + " (" + points.size() + " configurations)", true);
        group = g;
        List<ArrayList<PointTask.Result>> out;
        try {
            // One chunk per partition: parallelize slices a list of n elements into n slices of one element.
            JavaFutureAction<List<ArrayList<PointTask.Result>>> job = jsc.parallelize(chunks, chunks.size())
                    .map((Function<ArrayList<PointTask>, ArrayList<PointTask.Result>>) chunk -> {
                        SweepSource src = shared.value(); // once per task: the sweep is parsed once per JVM anyway
                        ArrayList<PointTask.Result> rs = new ArrayList<>(chunk.size());
                        for (PointTask t : chunk) rs.add(fn.apply(src, t));
                        return rs;
                    })
                    .collectAsync();
            out = await(jsc, g, job, control);
            // Listener events arrive on Spark's bus, possibly after the results: count the tasks it has not told yet.
            counter.finishAll();
        } finally {
            jsc.clearJobGroup();
            jsc.sc().removeSparkListener(counter);
            shared.destroy();
        }
        PointResult[] results = new PointResult[points.size()];
        for (int c = 0; c < plan.length; c++) {
            ArrayList<PointTask.Result> chunk = out.get(c);
            if (chunk.size() != plan[c].length)
                throw new IllegalStateException(
                        chunk.size() + " results for " + plan[c].length + " points of task " + c);
            for (int j = 0; j < chunk.size(); j++) {
                PointTask.Result r = chunk.get(j);
                SweepPoint p = points.get(plan[c][j]);
                if (r.index() != p.index())
                    throw new IllegalStateException("point " + r.index() + " came back in place of " + p.index());
                if (r.limit() != null) throw SweepRunner.atPoint(sweep.source(), p, r.limit());
                results[plan[c][j]] = r.toPointResult(p);
            }
        }
        progress.accept(1.0);
        return List.of(results);
    }

    /**
     * Which points (positions in the batch) each task runs, in the order it runs them. With {@code pointsPerTask} ≥ 1,
     * consecutive runs of that many points. With {@link #AUTO}, {@link #TASKS_PER_SLOT} tasks per slot (at most one
     * per point), the points dealt round-robin — task {@code j} of {@code T} runs points {@code j, j + T, j + 2T, …} —
     * so that every task gets a like share of a grid's cheap and costly corners (a grid or a Latin hypercube varies
     * the cost along the index) and the tasks take about as long as one another: the slots stay busy to the end with
     * few tasks, so Spark's scheduling (about 10 ms a task here) and the JIT compiling Spark's per-task code are paid
     * a few times per slot instead of once per configuration.
     */
    static int[][] plan(int points, int pointsPerTask, int slots) {
        if (points == 0) return new int[0][];
        if (pointsPerTask >= 1) {
            int[][] plan = new int[(points + pointsPerTask - 1) / pointsPerTask][];
            for (int t = 0; t < plan.length; t++) {
                int from = t * pointsPerTask;
                plan[t] = java.util.stream.IntStream.range(from, Math.min(points, from + pointsPerTask))
                        .toArray();
            }
            return plan;
        }
        if (pointsPerTask != AUTO) throw new IllegalArgumentException("pointsPerTask must be >= 1 or AUTO");
        int tasks = (int) Math.min(points, (long) Math.max(1, slots) * TASKS_PER_SLOT);
        int[][] plan = new int[tasks][];
        for (int t = 0; t < tasks; t++) {
            plan[t] = new int[(points - t + tasks - 1) / tasks];
            for (int j = 0; j < plan[t].length; j++) plan[t][j] = t + j * tasks;
        }
        return plan;
    }

    /**
     * The value of a {@code --points-per-task} option: a whole number ≥ 1, or {@code auto} ({@link #AUTO}).
     *
     * @throws BadInputException for anything else
     */
    public static int pointsPerTask(String option) {
        if (option.trim().equalsIgnoreCase("auto")) return AUTO;
        try {
            int n = Integer.parseInt(option.trim());
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("--points-per-task: expected auto or a whole number >= 1, got " + option);
    }

    /** Waits for the job, cancelling its group as soon as the control asks; a cancelled job is a {@link CancelledException}. */
    private static <T> T await(JavaSparkContext jsc, String g, JavaFutureAction<T> job, RunControl control) {
        boolean cancelled = false;
        while (true) {
            try {
                return job.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!cancelled && control.isCancelled()) {
                    cancelled = true;
                    jsc.cancelJobGroup(g);
                }
            } catch (InterruptedException e) {
                jsc.cancelJobGroup(g);
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                if (cancelled || control.isCancelled()) throw new CancelledException();
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException(e.getCause());
            } catch (java.util.concurrent.CancellationException e) {
                throw new CancelledException();
            }
        }
    }

    /** Counts the points of the job group's tasks that succeeded, each task (partition) once, from Spark's listener bus. */
    private static final class Counter extends SparkListener {
        private final String group;
        private final int[] sizes;
        private final int total;
        private final DoubleConsumer progress;
        private final IntConsumer pointsDone;
        private final Set<Integer> stages = new HashSet<>();
        private final Set<Integer> finished = new HashSet<>();
        private int done;

        Counter(String group, int[] sizes, int total, DoubleConsumer progress, IntConsumer pointsDone) {
            this.group = group;
            this.sizes = sizes;
            this.total = total;
            this.progress = progress;
            this.pointsDone = pointsDone;
        }

        @Override
        public synchronized void onStageSubmitted(SparkListenerStageSubmitted e) {
            if (e.properties() != null && group.equals(e.properties().getProperty("spark.jobGroup.id")))
                stages.add(e.stageInfo().stageId());
        }

        /** The job succeeded: every partition not counted yet is done (a late event for it is then ignored). */
        synchronized void finishAll() {
            int k = 0;
            for (int p = 0; p < sizes.length; p++) {
                if (finished.add(p)) k += sizes[p];
            }
            done += k;
            if (k > 0) {
                pointsDone.accept(k);
                progress.accept(1.0);
            }
        }

        @Override
        public synchronized void onTaskEnd(SparkListenerTaskEnd e) {
            // Callbacks under the lock, so counts and fractions are told in order (they are cheap: a counter, a line).
            if (!stages.contains(e.stageId()) || !e.taskInfo().successful()) return;
            int partition = e.taskInfo().index();
            if (partition < 0 || partition >= sizes.length || !finished.add(partition)) return;
            done += sizes[partition];
            pointsDone.accept(sizes[partition]);
            progress.accept(Math.min(1.0, (double) done / total));
        }
    }
}
