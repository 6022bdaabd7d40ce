package frontier.spark;

import frontier.sim.BadInputException;
import frontier.spark.rollup.RollupBench;
import frontier.spark.rollup.RollupCommand;
import frontier.spark.sweep.SparkBenchCommand;
import frontier.spark.sweep.SparkSweepCommand;
import frontier.text.Printable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The entry point of target/frontier-spark.jar, run by {@code spark-submit --class frontier.spark.SparkMain}
 * (or by {@code java -cp frontier-spark.jar:SPARK_JARS} locally): {@code sweep} runs a sweep's configurations as
 * Spark tasks, {@code bench} compares it with the local runner (docs/spark.md). Exit codes as the desktop CLI's:
 * 0 ok, 2 bad input, 1 internal fault; messages start "frontier-spark: ".
 */
@Command(
        name = "frontier-spark",
        mixinStandardHelpOptions = true,
        version = "Frontier 0.1.0",
        description =
                "Frontier's work on Apache Spark: sweeps of any method as Spark tasks, and daily roll-ups of billing exports too big for one workspace (docs/spark.md).",
        subcommands = {
            SparkSweepCommand.class,
            RollupCommand.class,
            SparkMain.Bench.class,
            CommandLine.HelpCommand.class
        })
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (sweep, rollup, bench)");
    }

    /** Benchmarks of the Spark jobs (figures in docs/spark.md): {@code bench sweep}, {@code bench rollup}. */
    @Command(
            name = "bench",
            mixinStandardHelpOptions = true,
            description = "Benchmarks of the Spark jobs against the single-machine code.",
            subcommands = {SparkBenchCommand.class, RollupBench.class})
    static final class Bench implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "expected a benchmark: "
                            + String.join(", ", spec.subcommands().keySet()));
        }
    }

    public static void main(String[] args) {
        frontier.spark.session.SparkSessions.quietLogging(
                java.util.Arrays.asList(args).contains("--verbose"));
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = execute(args, out, err);
        // spark-submit waits for non-daemon threads; a finished command ends the driver here.
        System.exit(code);
    }

    /** Runs a command with the given streams and returns the exit code (does not call System.exit). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("frontier-spark: " + Printable.escape(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof BadInputException) {
                err.println("frontier-spark: " + Printable.escape(ex.getMessage()));
                return 2;
            }
            if (ex instanceof frontier.sim.CancelledException) {
                err.println("frontier-spark: cancelled");
                return 130;
            }
            err.println("frontier-spark: internal fault: " + Printable.escape(ex.toString()));
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Printable.escape(trace.toString()));
            err.flush();
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
