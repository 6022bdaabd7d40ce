package frontier.cli;

import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.scenario.SummaryJson;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code frontier simulate FILE}: runs a scenario and prints its summary as a table or as JSON. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run a scenario file and print latency, throughput, utilization and queue statistics.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Scenario JSON file (see docs/scenarios.md).")
    Path file;

    @Option(names = "--seed", paramLabel = "S", description = "Master random seed (overrides run.seed).")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Independent replications (overrides run.replications).")
    Integer replications;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for replications (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object (fields in docs/cli.md) instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Scenario s = ScenarioLoader.load(file);
        if (seed != null) s = s.withRun(s.run().withSeed(seed));
        if (replications != null) {
            if (replications < 1 || replications > 10_000) throw new BadInputException("--replications: expected an integer from 1 to 10000, got " + replications);
            s = s.withRun(s.run().withReplications(replications));
        }
        if (threads != null && threads < 1) throw new BadInputException("--threads: expected an integer >= 1, got " + threads);
        ScenarioRunner runner = threads == null ? ScenarioRunner.defaultRunner() : new ScenarioRunner(threads);
        Summary summary = runner.run(s, RunControl.NONE);
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(SummaryJson.write(summary, s.observed()));
        } else {
            out.print(SummaryTable.format(summary));
            out.print(SummaryTable.comparison(frontier.scenario.TwinComparison.compare(s.observed(), summary)));
        }
        return FrontierCli.OK;
    }
}
