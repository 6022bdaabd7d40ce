package frontier.cli;

import frontier.model.Metric;
import frontier.model.RunResult;
import frontier.model.RunSpec;
import frontier.model.pool.AutoscalePolicy;
import frontier.model.pool.AutoscaledPool;
import frontier.model.pool.Batching;
import frontier.model.pool.Interruption;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.OnInterrupt;
import frontier.model.pool.Pools;
import frontier.model.pool.Price;
import frontier.model.pool.SpotPool;
import frontier.model.traffic.MmppTraffic;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioRunner;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.sim.dist.LogNormal;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frontier bench fleet}: a fleet with every expensive mechanism at once (bursty traffic into an
 * HPA-autoscaled pool with cold starts and dynamic batching, overflowing to a spot pool with
 * interruptions, notice and retries), run single-threaded through the same scenario runner as
 * {@code simulate}. Prints one RESULT line.
 */
@Command(
        name = "fleet",
        mixinStandardHelpOptions = true,
        description = "Autoscaled pool with cold starts and batching plus a spot pool with interruptions.")
final class BenchFleet implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hours", defaultValue = "24", description = "Simulated hours (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    /** The benchmark fleet, also used by tests. */
    static Scenario scenario(double hours, long seed) {
        Batching batching = new Batching(8, 0.02, 0.04, 0.008, null, 0.2);
        ModelProfile model = new ModelProfile("embedder", new LogNormal(0.08, 0.5, null, null), null);
        List<Pools> pools = List.of(
                new AutoscaledPool(
                        "on-demand",
                        2,
                        model,
                        2000,
                        30.0,
                        batching,
                        "spot",
                        16,
                        Price.perHour(1.006),
                        1,
                        40,
                        4,
                        new AutoscalePolicy.Hpa(0.7, 0.1),
                        15.0,
                        0.0,
                        300.0,
                        new LogNormal(60.0, 0.3, null, null),
                        1,
                        null),
                new SpotPool(
                        "spot",
                        6,
                        2,
                        model,
                        2000,
                        30.0,
                        batching,
                        null,
                        null,
                        Price.perHour(0.41),
                        new Interruption(1.0, null, null, null),
                        30.0,
                        OnInterrupt.RETRY,
                        60.0,
                        new LogNormal(60.0, 0.3, null, null),
                        null));
        MmppTraffic traffic = new MmppTraffic(new MmppTraffic.State(150, 600), new MmppTraffic.State(400, 120));
        return new Scenario(
                "bench-fleet",
                "",
                traffic,
                null,
                pools,
                null,
                null,
                null,
                null,
                new RunSpec(hours * 3600, null, 600.0, null, 1, seed),
                null);
    }

    @Override
    public Integer call() {
        if (!(hours > 0.2)) throw new BadInputException("--hours: expected more than the 0.17 h warm-up, got " + hours);
        Scenario s = scenario(hours, seed);
        RunResult r =
                new ScenarioRunner(1).run(s, RunControl.NONE).replications().getFirst();
        spec.commandLine()
                .getOut()
                .println(String.format(
                        Locale.ROOT,
                        "RESULT requests=%d events=%d wall_s=%.3f events_per_s=%.0f cold_starts=%d interruptions=%d retried=%d p99_ms=%.1f cost_per_1k=%.4f",
                        (long) r.metric(Metric.REQUESTS),
                        r.events(),
                        r.wallSeconds(),
                        r.events() / r.wallSeconds(),
                        (long) r.metric(Metric.COLD_STARTS),
                        (long) r.metric(Metric.INTERRUPTIONS),
                        (long) r.metric(Metric.RETRIED),
                        r.metric(Metric.LATENCY_P99),
                        r.metric(Metric.COST_PER_1K)));
        return FrontierCli.OK;
    }
}
