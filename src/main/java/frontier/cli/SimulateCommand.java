package frontier.cli;

import frontier.model.RequestLogCsv;
import frontier.model.WorkLimitException;
import frontier.model.WorkLimits;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.scenario.SummaryJson;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frontier simulate FILE}: runs a scenario and prints its summary as a table or as JSON; with
 * {@code --request-log}, also writes one replication's per-request log as CSV.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run a scenario file and print latency, throughput, utilization and queue statistics.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Scenario JSON file (see docs/scenarios.md).")
    Path file;

    @Option(names = "--seed", paramLabel = "S", description = "Master random seed (overrides run.seed).")
    Long seed;

    @Option(
            names = "--replications",
            paramLabel = "N",
            description = "Independent replications (overrides run.replications).")
    Integer replications;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "Threads for replications (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object (fields in docs/cli.md) instead of a table.")
    boolean json;

    @Option(
            names = "--request-log",
            paramLabel = "OUT",
            description = "Write every request's outcome as CSV to OUT (.gz: compressed); one replication only.")
    Path requestLog;

    @Option(
            names = "--replication",
            paramLabel = "K",
            description = "Run only replication K (1 to N) of the scenario's N.")
    Integer replication;

    @Option(
            names = "--start",
            paramLabel = "INSTANT",
            description =
                    "Wall-clock time of simulated time 0 in the request log (ISO-8601, default 1970-01-01T00:00:00Z).")
    String start;

    @Override
    public Integer call() {
        Scenario s = ScenarioLoader.load(file);
        if (seed != null) s = s.withRun(s.run().withSeed(seed));
        if (replications != null) {
            if (replications < 1 || replications > 10_000)
                throw new BadInputException("--replications: expected an integer from 1 to 10000, got " + replications);
            s = s.withRun(s.run().withReplications(replications));
        }
        if (threads != null) Numbers.atLeast("--threads", threads, 1);
        int n = s.run().replications();
        if (replication != null && (replication < 1 || replication > n)) {
            throw new BadInputException("--replication: expected an integer from 1 to " + n
                    + " (the scenario's replications), got " + replication);
        }
        if (start != null && requestLog == null) throw new BadInputException("--start: only with --request-log");
        if (requestLog != null && s.isBatch())
            throw new BadInputException("--request-log: " + file + " is a batch job, which has no requests to log");
        if (requestLog != null && n > 1 && replication == null) {
            throw new BadInputException(
                    "--request-log: the scenario runs " + n + " replications and a request log holds one;"
                            + " pick it with --replication K (1 to " + n + ") or run --replications 1");
        }
        Summary summary;
        try {
            // Before anything is written: a run that cannot finish is refused with the field to change.
            ScenarioRunner.check(
                    replication != null || requestLog != null
                            ? s.withRun(s.run().withReplications(1))
                            : s,
                    WorkLimits.DEFAULT);
        } catch (WorkLimitException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        try {
            summary = run(s);
        } catch (WorkLimitException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(SummaryJson.write(summary, s.observed()));
        } else {
            out.print(SummaryTable.format(summary));
            if (requestLog != null)
                out.println(String.format(
                        Locale.ROOT, "Request log: %,d requests written to %s", requestLogRows, requestLog));
            out.print(SummaryTable.comparison(frontier.scenario.TwinComparison.compare(s.observed(), summary)));
        }
        return FrontierCli.OK;
    }

    private long requestLogRows;

    private Summary run(Scenario s) {
        Summary summary;
        if (requestLog != null) {
            try (RequestLogCsv log = RequestLogCsv.create(requestLog, startInstant())) {
                summary =
                        ScenarioRunner.replication(s, replication == null ? 0 : replication - 1, RunControl.NONE, log);
                requestLogRows = log.rows();
            }
        } else if (replication != null) {
            summary = ScenarioRunner.replication(s, replication - 1, RunControl.NONE, null);
        } else {
            ScenarioRunner runner = threads == null ? ScenarioRunner.defaultRunner() : new ScenarioRunner(threads);
            summary = runner.run(s, RunControl.NONE);
        }
        return summary;
    }

    private Instant startInstant() {
        if (start == null) return Instant.EPOCH;
        try {
            return Instant.parse(start);
        } catch (DateTimeParseException e) {
            throw new BadInputException(
                    "--start: expected an ISO-8601 instant like 2026-10-01T00:00:00Z, got " + start);
        }
    }
}
