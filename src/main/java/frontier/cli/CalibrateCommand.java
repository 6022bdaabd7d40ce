package frontier.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.scenario.SummaryJson;
import frontier.scenario.TwinComparison;
import frontier.sim.RunControl;
import frontier.store.Workspace;
import frontier.twin.Calibrator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frontier calibrate}: a twin scenario of one endpoint, from the workspace's logs and bill, checked against them. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Builds a scenario that is a twin of one endpoint of the real fleet: arrivals fitted from the logged request",
            "times (or replayed), service time fitted from the latencies (from token counts for LLM requests), pools and",
            "prices from the bill. Then runs it and reports simulated against observed (docs/twin.md)."
        })
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Option(
            names = "--endpoint",
            paramLabel = "NAME",
            description = "The endpoint to model (required when the logs have several).")
    String endpoint;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            required = true,
            description = "Scenario file to write, e.g. simulations/my-twin.json.")
    Path out;

    @Option(
            names = "--replay",
            description = "Replay the logged request times (and token counts) instead of a fitted arrival process;"
                    + " writes FILE's stem + .requests.csv.gz beside it.")
    boolean replay;

    @Option(
            names = "--replications",
            paramLabel = "N",
            description = "Replications the twin's run asks for (default: enough for about"
                    + " 20,000 simulated requests, 2 to 30).")
    int replications = 0;

    @Option(names = "--seed", paramLabel = "S", description = "The twin's seed (default ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(
            names = "--first",
            paramLabel = "KIND",
            description = "When the bill shows several pools, the kind that takes requests first:"
                    + " always_on, autoscaled, spot or serverless; the others take its overflow (default: bill order).")
    String first;

    @Option(names = "--no-check", description = "Write the twin without running it.")
    boolean noCheck;

    @Option(names = "--json", description = "One JSON object: the fit report and the check.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Calibrator.Twin twin;
        try (Workspace ws = workspace.existing("no workspace; import logs first (frontier logs import FILE)")) {
            twin = Calibrator.calibrate(ws, Calibrator.Options.of(endpoint, replay, replications, seed, first), out);
        }
        PrintWriter o = spec.commandLine().getOut();
        Summary summary = null;
        List<TwinComparison.Row> rows = List.of();
        if (!noCheck) {
            summary = ScenarioRunner.defaultRunner().run(twin.loaded(), RunControl.NONE);
            rows = TwinComparison.compare(twin.loaded().observed(), summary);
        }
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("scenario", out.toString());
            if (twin.traceFile() != null) root.put("trace", twin.traceFile().toString());
            root.set("fit", twin.report());
            if (summary != null) root.set("check", SummaryJson.comparison(rows));
            o.println(Json.MAPPER.writeValueAsString(root));
            return FrontierCli.OK;
        }
        o.println("Wrote " + out
                + (twin.traceFile() != null ? " (replaying " + twin.traceFile().getFileName() + ")" : ""));
        var report = twin.report();
        o.println("Endpoint " + report.get("endpoint").asText() + ", "
                + report.get("from").asText() + " to " + report.get("to").asText());
        if (report.has("service_fit")) {
            var sf = report.get("service_fit");
            o.printf(
                    java.util.Locale.ROOT,
                    "Service time: %s (mean %.3f s, cv %.2f); candidates by AIC:%n",
                    sf.get("recommended").asText(),
                    sf.get("mean_s").asDouble(),
                    sf.get("cv").asDouble());
            for (var c : sf.get("candidates")) {
                o.printf(
                        java.util.Locale.ROOT,
                        "  %-12s AIC %14.1f  KS %.4f  p50 %+6.1f%%  p95 %+6.1f%%  p99 %+6.1f%%%n",
                        c.get("family").asText(),
                        c.get("aic").asDouble(),
                        c.get("ks_distance").asDouble(),
                        100 * c.get("p50_error").asDouble(),
                        100 * c.get("p95_error").asDouble(),
                        100 * c.get("p99_error").asDouble());
            }
        }
        for (var n : report.get("notes")) o.println("- " + n.asText());
        if (summary != null) o.print(SummaryTable.comparison(rows));
        return FrontierCli.OK;
    }
}
