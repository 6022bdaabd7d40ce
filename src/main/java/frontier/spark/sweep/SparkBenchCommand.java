package frontier.spark.sweep;

import frontier.analysis.SweepAnalysis;
import frontier.analysis.SweepReport;
import frontier.cli.BenchSweep;
import frontier.scenario.sweep.Sweep;
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

    @Option(
            names = "--threads",
            defaultValue = "2",
            paramLabel = "N",
            description = "Threads of the local parallel run (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--hours",
            defaultValue = "1",
            description = "Simulated hours per configuration (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--rate", defaultValue = "100", description = "Requests per second (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(
            names = "--jit-warmup",
            defaultValue = "20",
            paramLabel = "POINTS",
            description =
                    "Configurations run untimed first, locally and on Spark, so every timed run sees compiled code (default ${DEFAULT-VALUE}).")
    int jitWarmup;

    @Option(
            names = "--points-per-task",
            defaultValue = "1",
            paramLabel = "N",
            description = "Configurations per Spark task (default ${DEFAULT-VALUE}).")
    int pointsPerTask;

    @Override
    public Integer call() {
        if (threads < 1 || pointsPerTask < 1 || jitWarmup < 0)
            throw new BadInputException("--threads, --points-per-task: expected >= 1; --jit-warmup >= 0");
        if (!(hours > 0) || !(rate > 0)) throw new BadInputException("--hours and --rate: expected numbers > 0");
        PrintWriter out = spec.commandLine().getOut();
        String json = BenchSweep.scenario(hours, rate, 1);
        Path dir = Path.of("").toAbsolutePath();
        SweepSource source = new SweepSource(json, "bench-sweep", dir.toString());
        Sweep sweep = Sweep.parse(json, "bench-sweep", dir);
        int n = sweep.points().size();
        for (int i = 0; i < Math.min(jitWarmup, n); i++)
            SweepRunner.runPoint(sweep.points().get(n - 1 - i), RunControl.NONE);

        long t0 = System.nanoTime();
        SweepResult one = new SweepRunner(1).run(sweep, RunControl.NONE);
        double wall1 = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        SweepResult many = new SweepRunner(threads).run(sweep, RunControl.NONE);
        double wallN = (System.nanoTime() - t1) / 1e9;

        long s0 = System.nanoTime();
        SparkSession spark = SparkSessions.open(master, "frontier bench", false);
        double startup = (System.nanoTime() - s0) / 1e9;
        int slots = spark.sparkContext().defaultParallelism();
        SparkSweepExecutor executor =
                new SparkSweepExecutor(spark, source, pointsPerTask, SparkSweepExecutor.RUN, null);
        // Untimed: the first job ships the closure and warms Spark's own code paths (and, on a cluster, the executors'
        // JIT).
        if (jitWarmup > 0)
            executor.run(sweep, sweep.points().subList(n - Math.min(jitWarmup, n), n), RunControl.NONE, f -> {});
        long t2 = System.nanoTime();
        SweepResult onSpark = new SweepRunner(executor).run(sweep, RunControl.NONE);
        double wallSpark = (System.nanoTime() - t2) / 1e9;

        String a = file(one);
        boolean identical = a.equals(file(many)) && a.equals(file(onSpark));
        // Spark's own costs, without any simulation: jobs of no-op tasks, one task per slot and one per point.
        org.apache.spark.api.java.JavaSparkContext jsc =
                org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
        int tasks = (n + pointsPerTask - 1) / pointsPerTask;
        noOpJob(jsc, tasks);
        double small = noOpJob(jsc, slots);
        double large = noOpJob(jsc, tasks);
        double perTask = Math.max(0, (large - small) * slots / Math.max(1, tasks - slots)); // core-seconds per task
        double job = Math.max(0, small - perTask);
        // Core-seconds Spark adds per configuration beyond the local runner's, end to end on the same cores.
        double overheadMs = (wallSpark * slots - wallN * threads) / n * 1000;
        double point = wall1 / n;
        double contention = wallN * threads / wall1; // >1 when threads slow each other (shared caches, other load)
        out.println(String.format(
                Locale.ROOT,
                "RESULT points=%d wall_1_s=%.3f wall_threads%d_s=%.3f spark_master=%s spark_slots=%d spark_startup_s=%.2f wall_spark_s=%.3f"
                        + " spark_vs_threads=%.3f overhead_ms_per_point=%.1f identical=%s cores=%d",
                n,
                wall1,
                threads,
                wallN,
                master,
                slots,
                startup,
                wallSpark,
                wallSpark / wallN,
                overheadMs,
                identical,
                Runtime.getRuntime().availableProcessors()));
        out.println(String.format(
                Locale.ROOT,
                "SPARK noop_job_%d_tasks_s=%.3f noop_job_%d_tasks_s=%.3f job_s=%.3f task_ms=%.2f",
                slots,
                small,
                tasks,
                large,
                job,
                perTask * 1000));
        // The model (docs/spark.md): wall(N) = job + tasks × (point × pointsPerTask × contention + task) / N + point ×
        // pointsPerTask,
        // the last term the tail of the last task; job and task measured above, point and contention on the local
        // runner.
        out.println(String.format(
                Locale.ROOT,
                "MODEL point_s=%.4f contention=%.2f job_s=%.3f task_ms=%.2f",
                point,
                contention,
                job,
                perTask * 1000));
        for (int cores : List.of(2, 4, 8, 16, 32, 64, 128, 256)) {
            double w = job + tasks * (point * pointsPerTask * contention + perTask) / cores + point * pointsPerTask;
            out.println(String.format(
                    Locale.ROOT, "MODEL cores=%d wall_s=%.2f speedup_vs_1_thread=%.1f", cores, w, wall1 / w));
        }
        out.flush();
        return 0;
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
