package frontier.cli;

import frontier.model.PoolSpec;
import frontier.model.RunResult;
import frontier.model.RunSpec;
import frontier.model.traffic.PoissonTraffic;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioRunner;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.sim.dist.Exponential;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code frontier bench ...}: performance benchmarks that run the real engine and model code. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks of the engine.",
        subcommands = BenchCommand.Mmc.class)
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a benchmark is required, e.g. 'bench mmc'");
    }

    /**
     * An M/M/c scenario built from the options and run through the same scenario runner, model and
     * pool as {@code simulate}; prints one RESULT line.
     */
    @Command(name = "mmc", mixinStandardHelpOptions = true, description = "M/M/c queue: Poisson arrivals, exponential service, c servers.")
    static final class Mmc implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--customers", required = true, description = "Customers counted after the warm-up.")
        long customers;

        @Option(names = "--warmup", defaultValue = "0", description = "Customers discarded first (default ${DEFAULT-VALUE}).")
        long warmup;

        @Option(names = "--lambda", required = true, description = "Arrival rate.")
        double lambda;

        @Option(names = "--mu", required = true, description = "Service rate per server.")
        double mu;

        @Option(names = "--servers", required = true, description = "Number of servers c.")
        int servers;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            if (customers < 1) throw new BadInputException("--customers: expected an integer >= 1, got " + customers);
            if (warmup < 0) throw new BadInputException("--warmup: expected an integer >= 0, got " + warmup);
            if (!(lambda > 0) || !(mu > 0)) throw new BadInputException("--lambda and --mu: expected rates > 0");
            if (servers < 1) throw new BadInputException("--servers: expected an integer >= 1, got " + servers);
            if (lambda >= servers * mu) {
                throw new BadInputException("--lambda: the queue is unstable (lambda >= servers * mu = " + servers * mu + "); the mean wait would grow without bound");
            }
            Scenario s = new Scenario("bench-mmc", "", new PoissonTraffic(lambda),
                    new PoolSpec("mmc", servers, new Exponential(null, mu), null, null),
                    new RunSpec(null, customers, null, warmup == 0 ? null : warmup, 1, seed), null);
            RunResult r = new ScenarioRunner(1).run(s, RunControl.NONE).replications().getFirst();
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "RESULT customers=%d wq=%.6f w=%.6f pwait=%.6f wall_s=%.3f",
                    (long) r.metric("completed"), r.metric("wait_ms.mean") / 1000, r.metric("latency_ms.mean") / 1000,
                    r.metric("p_wait"), r.wallSeconds()));
            return FrontierCli.OK;
        }
    }
}
