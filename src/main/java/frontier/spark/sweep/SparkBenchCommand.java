package frontier.spark.sweep;

import frontier.analysis.SweepAnalysis;
import frontier.analysis.SweepReport;
import frontier.cli.BenchSweepOptions;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepPoint;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.spark.session.SparkSessions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frontier-spark bench sweep}: the sweep of {@code frontier bench sweep} (200 configurations, one simulated hour
 * at 100 requests/s each) on the local runner with 1 and N threads, then on Spark ({@code --master}, default
 * {@code local[2]}); prints the wall times, the overhead of Spark per configuration, whether the three results
 * files are identical, and the speed-up model for more executors fitted from these figures (docs/spark.md).
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description =
                "The 200-configuration sweep of 'frontier bench sweep' on 1 and N threads and on Spark, with a speed-up model.")
public final class SparkBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--master",
            defaultValue = "local[2]",
            paramLabel = "URL",
            description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Mixin
    BenchSweepOptions options;

    @Option(
            names = "--points-per-task",
            defaultValue = "auto",
            paramLabel = "N",
            description =
                    "Configurations per Spark task, or auto as 'frontier-spark sweep' (default ${DEFAULT-VALUE}).")
    String pointsPerTask;

    @Option(
            names = "--runs",
            defaultValue = "2",
            paramLabel = "R",
            description =
                    "Timed runs of the N-thread and of the Spark sweep, one after another in the same JVM and Spark session:"
                            + " the first is cold for Spark's own code, the later ones show a session reused (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--order",
            defaultValue = "threads,spark",
            split = ",",
            paramLabel = "ARM[,ARM]",
            description =
                    "Which ways of running to time, in this order: threads (1 then N threads), spark; one of them alone"
                            + " measures it in a JVM of its own (default ${DEFAULT-VALUE}).")
    List<String> order;

    /**
     * Sums what Spark measured of its tasks: CPU time in the task threads (running the task, deserialising it), and,
     * in milliseconds, run time, deserialisation, result serialisation and the rest of each task's life from launch to
     * finish (scheduling, shipping the task and its result: Spark's UI calls it scheduler delay).
     */
    private static final class TaskCpu extends org.apache.spark.scheduler.SparkListener {
        long run, deserialize, tasks, runMs, deserializeMs, resultMs, delayMs;

        @Override
        public synchronized void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd e) {
            if (e.taskMetrics() == null) return;
            var m = e.taskMetrics();
            tasks++;
            run += m.executorCpuTime();
            deserialize += m.executorDeserializeCpuTime();
            runMs += m.executorRunTime();
            deserializeMs += m.executorDeserializeTime();
            resultMs += m.resultSerializationTime();
            delayMs += Math.max(
                    0,
                    e.taskInfo().duration()
                            - m.executorRunTime()
                            - m.executorDeserializeTime()
                            - m.resultSerializationTime());
        }

        synchronized void reset() {
            run = deserialize = tasks = runMs = deserializeMs = resultMs = delayMs = 0;
        }

        synchronized String line(double wall, int slots) {
            return String.format(
                    Locale.ROOT,
                    "task_cpu_s=%.3f task_deserialize_cpu_s=%.3f tasks=%d task_run_s=%.3f slots_busy=%.2f"
                            + " deserialize_ms_per_task=%.2f result_serialize_ms_per_task=%.2f scheduler_delay_ms_per_task=%.2f",
                    run / 1e9,
                    deserialize / 1e9,
                    tasks,
                    runMs / 1e3,
                    runMs / 1e3 / (wall * slots),
                    (double) deserializeMs / Math.max(1, tasks),
                    (double) resultMs / Math.max(1, tasks),
                    (double) delayMs / Math.max(1, tasks));
        }
    }

    /** Wall and CPU time of one timed arm. */
    /** Wall and CPU time of one timed arm, and the JVM's uptime when it started (to find it in a JFR or JIT log). */
    private record Timed(SweepResult result, double wall, double cpu, double jit, double gc, double at) {}

    @Override
    public Integer call() {
        options.check();
        int perTaskOption = SparkSweepExecutor.pointsPerTask(pointsPerTask);
        if (runs < 1) throw new BadInputException("--runs: expected a whole number >= 1, got " + runs);
        if (order.isEmpty()
                || order.stream().anyMatch(a -> !a.equals("threads") && !a.equals("spark"))
                || order.stream().distinct().count() != order.size())
            throw new BadInputException("--order: expected threads, spark or both (each once), got " + order);
        int threads = options.threads;
        int jitWarmup = options.jitWarmup;
        PrintWriter out = spec.commandLine().getOut();
        String json = options.scenario();
        Path dir = Path.of("").toAbsolutePath();
        SweepSource source = new SweepSource(json, "bench-sweep", dir.toString());
        Sweep sweep = Sweep.parse(json, "bench-sweep", dir);
        int n = sweep.points().size();
        List<SweepPoint> warmup = sweep.points().subList(n - Math.min(jitWarmup, n), n);

        Timed one = null;
        List<Timed> manyRuns = new java.util.ArrayList<>(), sparkRuns = new java.util.ArrayList<>();
        List<String> taskLines = new java.util.ArrayList<>();
        TaskCpu taskCpu = new TaskCpu();
        SparkSession spark = null;
        double startup = Double.NaN;
        for (String arm : order) {
            if (arm.equals("threads")) {
                // Untimed: the same configurations as Spark's warm-up (as 'frontier bench sweep' warms up).
                for (SweepPoint p : warmup) SweepRunner.runPoint(p, RunControl.NONE);
                one = time(() -> new SweepRunner(1).run(sweep, RunControl.NONE));
                for (int r = 0; r < runs; r++)
                    manyRuns.add(time(() -> new SweepRunner(threads).run(sweep, RunControl.NONE)));
            } else {
                long s0 = System.nanoTime();
                spark = SparkSessions.open(master, "frontier bench", false);
                startup = (System.nanoTime() - s0) / 1e9;
                SparkSweepExecutor executor =
                        new SparkSweepExecutor(spark, source, perTaskOption, SparkSweepExecutor.RUN, null);
                // Untimed: the first job ships the closure and warms Spark's own code paths (and, on a cluster, the
                // executors' JIT).
                if (!warmup.isEmpty()) executor.run(sweep, warmup, RunControl.NONE, f -> {});
                spark.sparkContext().addSparkListener(taskCpu);
                for (int r = 0; r < runs; r++) {
                    taskCpu.reset();
                    Timed t = time(() -> new SweepRunner(executor).run(sweep, RunControl.NONE));
                    try {
                        spark.sparkContext().listenerBus().waitUntilEmpty(); // the task-end events of the last tasks
                    } catch (java.util.concurrent.TimeoutException e) {
                        throw new IllegalStateException(e);
                    }
                    sparkRuns.add(t);
                    taskLines.add(taskCpu.line(t.wall, spark.sparkContext().defaultParallelism()));
                }
                spark.sparkContext().removeSparkListener(taskCpu);
            }
        }
        Timed many = manyRuns.isEmpty() ? null : manyRuns.getFirst();
        Timed onSpark = sparkRuns.isEmpty() ? null : sparkRuns.getFirst();
        if (one != null) {
            out.println(String.format(
                    Locale.ROOT,
                    "THREADS points=%d at_s=%.1f wall_1_s=%.3f cpu_1_s=%.3f jit_1_s=%.3f gc_1_s=%.3f",
                    n,
                    one.at,
                    one.wall,
                    one.cpu,
                    one.jit,
                    one.gc));
            for (int r = 0; r < manyRuns.size(); r++) {
                Timed t = manyRuns.get(r);
                out.println(String.format(
                        Locale.ROOT,
                        "THREADS run=%d threads=%d at_s=%.1f wall_s=%.3f cpu_s=%.3f jit_s=%.3f gc_s=%.3f",
                        r + 1,
                        threads,
                        t.at,
                        t.wall,
                        t.cpu,
                        t.jit,
                        t.gc));
            }
        }
        for (int r = 0; r < sparkRuns.size(); r++) {
            Timed t = sparkRuns.get(r);
            out.println(String.format(
                    Locale.ROOT,
                    "SPARK run=%d at_s=%.1f points=%d spark_master=%s spark_slots=%d spark_startup_s=%.2f wall_s=%.3f cpu_s=%.3f"
                            + " jit_s=%.3f gc_s=%.3f %s",
                    r + 1,
                    t.at,
                    n,
                    master,
                    spark.sparkContext().defaultParallelism(),
                    startup,
                    t.wall,
                    t.cpu,
                    t.jit,
                    t.gc,
                    taskLines.get(r)));
        }
        if (one == null || onSpark == null) {
            out.println("(one way of running only: compare with the other's figures from a JVM of its own)");
            out.flush();
            return 0;
        }
        double wall1 = one.wall, wallN = many.wall, wallSpark = onSpark.wall;
        int slots = spark.sparkContext().defaultParallelism();
        String a = file(one.result);
        boolean identical = java.util.stream.Stream.concat(manyRuns.stream(), sparkRuns.stream())
                .allMatch(t -> a.equals(file(t.result)));
        // Spark's own costs, without any simulation: jobs of no-op tasks, one task per slot and one per point.
        org.apache.spark.api.java.JavaSparkContext jsc =
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        int tasks = SparkSweepExecutor.plan(n, perTaskOption, slots).length;
        noOpJob(jsc, n);
        double small = noOpJob(jsc, slots);
        double large = noOpJob(jsc, n); // one no-op task per point: Spark's cost per task, whatever the plan
        double perTask = Math.max(0, (large - small) * slots / Math.max(1, n - slots)); // core-seconds per task
        double job = Math.max(0, small - perTask);
        // Core-seconds Spark adds per configuration beyond the local runner's, end to end on the same cores.
        double overheadMs = (wallSpark * slots - wallN * threads) / n * 1000;
        double point = wall1 / n;
        double contention = wallN * threads / wall1; // >1 when threads slow each other (shared caches, other load)
        out.println(String.format(
                Locale.ROOT,
                "RESULT points=%d order=%s wall_1_s=%.3f wall_threads%d_s=%.3f spark_master=%s spark_slots=%d spark_startup_s=%.2f wall_spark_s=%.3f"
                        + " spark_vs_threads=%.3f cpu_spark_vs_threads=%.3f overhead_ms_per_point=%.1f identical=%s cores=%d"
                        + " runs=%d spark_vs_threads_later_runs=%.3f cpu_spark_vs_threads_later_runs=%.3f",
                n,
                String.join(",", order),
                wall1,
                threads,
                wallN,
                master,
                slots,
                startup,
                wallSpark,
                wallSpark / wallN,
                onSpark.cpu / many.cpu,
                overheadMs,
                identical,
                Runtime.getRuntime().availableProcessors(),
                runs,
                later(sparkRuns, Timed::wall) / later(manyRuns, Timed::wall),
                later(sparkRuns, Timed::cpu) / later(manyRuns, Timed::cpu)));
        out.println(String.format(
                Locale.ROOT,
                "SPARK noop_job_%d_tasks_s=%.3f noop_job_%d_tasks_s=%.3f job_s=%.3f task_ms=%.2f",
                slots,
                small,
                n,
                large,
                job,
                perTask * 1000));
        // The model (docs/spark.md): wall(N) = job + rounds × (point × points per task × contention + task), rounds =
        // ceil(tasks / N) (tasks of equal cost, as the plan makes them); job and task measured above, point and
        // contention on the local runner.
        out.println(String.format(
                Locale.ROOT,
                "MODEL point_s=%.4f contention=%.2f job_s=%.3f task_ms=%.2f tasks_on_%d_slots=%d",
                point,
                contention,
                job,
                perTask * 1000,
                slots,
                tasks));
        for (int cores : List.of(2, 4, 8, 16, 32, 64, 128, 256)) {
            int tasksN = SparkSweepExecutor.plan(n, perTaskOption, cores).length;
            int rounds = (tasksN + cores - 1) / cores;
            double w = job + rounds * (point * ((double) n / tasksN) * contention + perTask);
            out.println(String.format(
                    Locale.ROOT, "MODEL cores=%d wall_s=%.2f speedup_vs_1_thread=%.1f", cores, w, wall1 / w));
        }
        out.flush();
        return 0;
    }

    /**
     * Runs {@code sweep} once, timing its wall clock, the CPU time of the whole JVM (every thread: engine, Spark, GC,
     * JIT), the time the JIT compilers spent and the collectors' time.
     */
    private static Timed time(java.util.function.Supplier<SweepResult> sweep) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long c = os.getProcessCpuTime();
        long j = jit.getTotalCompilationTime();
        long g = gcMillis();
        double at = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        long t = System.nanoTime();
        SweepResult r = sweep.get();
        return new Timed(
                r,
                (System.nanoTime() - t) / 1e9,
                (os.getProcessCpuTime() - c) / 1e9,
                (jit.getTotalCompilationTime() - j) / 1e3,
                (gcMillis() - g) / 1e3,
                at);
    }

    /** The median of a measure over the runs after the first (the first alone when there is one run). */
    private static double later(List<Timed> runs, java.util.function.ToDoubleFunction<Timed> f) {
        double[] v = runs.subList(runs.size() > 1 ? 1 : 0, runs.size()).stream()
                .mapToDouble(f)
                .sorted()
                .toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static long gcMillis() {
        long ms = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans())
            ms += Math.max(0, gc.getCollectionTime());
        return ms;
    }

    /** Seconds of a job of {@code tasks} tasks that do nothing. */
    private static double noOpJob(org.apache.spark.api.java.JavaSparkContext jsc, int tasks) {
        List<Integer> items = java.util.stream.IntStream.range(0, tasks).boxed().toList();
        long t = System.nanoTime();
        jsc.parallelize(items, tasks).count();
        return (System.nanoTime() - t) / 1e9;
    }

    private static String file(SweepResult r) {
        return SweepReport.writeJson(SweepAnalysis.of(r, SweepAnalysis.DEFAULT_OBJECTIVES, List.of(), 0.5));
    }
}
