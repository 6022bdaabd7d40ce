package frontier.spark;

import frontier.sim.BadInputException;
import frontier.spark.rollup.RollupBench;
import frontier.spark.rollup.RollupCommand;
import frontier.text.Printable;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The Spark side's entry point, run by {@code spark-submit --class frontier.spark.SparkMain target/frontier-spark.jar …}
 * (or with Spark's jars on the class path and {@code --master local[*]}): one subcommand per job. Exit codes as the
 * desktop CLI's: 0 done, 2 bad input (with a message naming file, line and column), 1 a fault.
 */
@Command(name = "frontier-spark", mixinStandardHelpOptions = true, description = "Frontier's jobs on Apache Spark.",
        subcommands = {RollupCommand.class, SparkMain.Bench.class})
public final class SparkMain implements Runnable {
    public static final int OK = 0;
    public static final int FAULT = 1;
    public static final int BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "expected a subcommand: " + String.join(", ", spec.subcommands().keySet()));
    }

    /** Benchmarks of the Spark jobs (figures in docs/spark.md). */
    @Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of the Spark jobs.", subcommands = {RollupBench.class})
    static final class Bench implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "expected a benchmark: " + String.join(", ", spec.subcommands().keySet()));
        }
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(args, out, err);
        System.exit(code);
    }

    /** Runs a subcommand with the given streams; returns the exit code (does not call System.exit). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("frontier: " + Printable.escape(ex.getMessage()));
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof BadInputException) {
                err.println("frontier: " + Printable.escape(ex.getMessage()));
                err.flush();
                return BAD_INPUT;
            }
            err.println("frontier: internal fault: " + Printable.escape(ex.toString()));
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Printable.escape(trace.toString()));
            err.flush();
            return FAULT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
