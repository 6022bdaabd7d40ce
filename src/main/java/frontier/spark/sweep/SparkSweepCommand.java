package frontier.spark.sweep;

import frontier.analysis.Constraint;
import frontier.analysis.SweepAnalysis;
import frontier.analysis.SweepReport;
import frontier.pareto.Objective;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.spark.session.SparkSessions;
import frontier.text.AtomicFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frontier-spark sweep FILE --out RESULTS}: the configurations of the scenario's sweep (grid, random,
 * Latin hypercube; {@code nsga2} one Spark job per generation) run as Spark tasks, and the same results file
 * {@code frontier sweep FILE --out RESULTS} writes, byte for byte, for the same objectives, constraints and alpha.
 * Progress (configurations done, time left) goes to standard error; Ctrl+C cancels the running job.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description =
                "Run a scenario's sweep as Spark tasks and write the results file 'frontier sweep' writes (and opens).")
public final class SparkSweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE",
            description = "Scenario with a 'sweep' (docs/sweeps.md); on a cluster, a path the driver can read.")
    Path file;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Spark master (local[2], spark://host:7077, yarn, k8s://...); default: the one spark-submit sets, else local[*].")
    String master;

    @Option(
            names = "--out",
            paramLabel = "RESULTS",
            description = "Write the results file here (default: print it on standard output).")
    Path out;

    @Option(
            names = "--objectives",
            paramLabel = "LIST",
            split = ",",
            defaultValue = "cost,p99",
            description =
                    "As frontier sweep --objectives (default ${DEFAULT-VALUE}); the results file records the analysis.")
    List<String> objectives;

    @Option(names = "--max", paramLabel = "METRIC=VALUE", description = "As frontier sweep --max; repeatable.")
    List<String> constraints = new ArrayList<>();

    @Option(
            names = "--alpha",
            paramLabel = "A",
            defaultValue = "0.5",
            description = "As frontier sweep --alpha (default ${DEFAULT-VALUE}).")
    double alpha;

    @Option(
            names = "--points-per-task",
            paramLabel = "N",
            defaultValue = "auto",
            description =
                    "Configurations per Spark task; default ${DEFAULT-VALUE}: four tasks per executor core, configurations dealt"
                            + " round-robin so the tasks take about as long as one another.")
    String pointsPerTask;

    @Option(names = "--quiet", description = "No progress lines on standard error.")
    boolean quiet;

    @Option(names = "--verbose", description = "Spark's own INFO logging (default: warnings only).")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        int perTask = SparkSweepExecutor.pointsPerTask(pointsPerTask);
        List<Objective> objs = objectives.stream()
                .filter(s -> !s.isBlank())
                .map(Objective::parse)
                .toList();
        List<Constraint> cons = constraints.stream().map(Constraint::parse).toList();
        if (objs.size() < 2)
            throw new BadInputException("--objectives: expected at least two objectives, e.g. cost,p99");
        if (!(alpha >= 0 && alpha <= 1))
            throw new BadInputException("--alpha: expected a weight from 0 to 1, got " + alpha);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Loaded (and so checked) before Spark starts: a bad file costs no cluster time.
        Sweep sweep = Sweep.load(file);
        SweepSource source = SweepSource.of(file);
        SparkSession spark = SparkSessions.open(master, "frontier sweep " + file.getFileName(), verbose);
        SweepProgress progress = quiet ? null : new SweepProgress(err, sweep.plannedPoints());
        Cancel cancel = new Cancel();
        Thread hook = new Thread(cancel::onShutdown, "frontier-spark-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        SweepResult result;
        try {
            SparkSweepExecutor executor = new SparkSweepExecutor(
                    spark, source, perTask, SparkSweepExecutor.RUN, progress == null ? null : progress::add);
            result = new SweepRunner(executor).run(sweep, cancel);
        } finally {
            cancel.finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: Ctrl+C
            }
        }
        String text = SweepReport.writeJson(SweepAnalysis.of(result, objs, cons, alpha)) + "\n";
        if (out == null) {
            stdout.print(text);
        } else {
            AtomicFile.writeString(out, text);
            err.println(String.format(
                    Locale.ROOT,
                    "frontier-spark: %d configurations written to %s; analyse with: frontier sweep %s",
                    result.points().size(),
                    out,
                    out));
        }
        return 0;
    }

    /** Cancelled by Ctrl+C: the shutdown hook asks, the job group is cancelled, and the hook waits a moment for it. */
    private static final class Cancel implements RunControl {
        volatile boolean cancelled;
        final CountDownLatch finished = new CountDownLatch(1);

        void onShutdown() {
            cancelled = true;
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void progress(double fraction) {}
    }
}
