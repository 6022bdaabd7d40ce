package frontier.cli;

import frontier.sim.BadInputException;
import picocli.CommandLine.Option;

/**
 * The options of the 200-configuration sweep benchmark (a picocli mixin), shared by {@code frontier bench sweep} and
 * {@code frontier-spark bench sweep} so both time the same sweep: the threads of the parallel run, the load of each
 * configuration ({@link BenchSweep#scenario}) and the untimed warm-up. Plain Java, so the desktop CLI can use it.
 */
public final class BenchSweepOptions {
    @Option(
            names = "--threads",
            defaultValue = "2",
            paramLabel = "N",
            description = "Threads of the parallel run (default ${DEFAULT-VALUE}).")
    public int threads;

    @Option(
            names = "--hours",
            defaultValue = "1",
            description = "Simulated hours per configuration (default ${DEFAULT-VALUE}).")
    public double hours;

    @Option(names = "--rate", defaultValue = "100", description = "Requests per second (default ${DEFAULT-VALUE}).")
    public double rate;

    @Option(
            names = "--jit-warmup",
            defaultValue = "20",
            paramLabel = "POINTS",
            description =
                    "Configurations run untimed first in each way of running, so every timed run sees compiled code (default ${DEFAULT-VALUE}).")
    public int jitWarmup;

    /** Checks the options up front (bad values are bad input, exit code 2). */
    public void check() {
        Numbers.atLeast("--threads", threads, 1);
        Numbers.atLeast("--jit-warmup", jitWarmup, 0);
        if (!(hours > 0) || !(rate > 0)) throw new BadInputException("--hours and --rate: expected numbers > 0");
    }

    /** The benchmark's sweep file (seed 1): {@link BenchSweep#scenario} of these options. */
    public String scenario() {
        return BenchSweep.scenario(hours, rate, 1);
    }
}
