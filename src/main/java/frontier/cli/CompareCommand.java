package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.alternatives.Alternative;
import frontier.scenario.alternatives.Baseline;
import frontier.scenario.alternatives.CompareMetric;
import frontier.scenario.alternatives.Comparison;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code frontier compare FILE --alt CHANGES ...}: runs a scenario and alternatives of it on the same random
 * numbers and prints each figure with its delta to the baseline and 95% confidence intervals.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description =
                "Run a scenario and alternatives of it (another pool kind, instance type, count, keep-alive, batching, cache or model;"
                        + " for a batch job spot share, checkpoint interval, fallback, instances or instance type)"
                        + " on the same random numbers, and print cost per month, per 1,000 requests and per 1M tokens, latency percentiles,"
                        + " cold starts, interruptions and dropped requests (a batch job: completion time, P(done by the deadline), cost,"
                        + " work lost, fallbacks), each with its change from the baseline and 95%% confidence intervals.")
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Scenario JSON file: the baseline (see docs/scenarios.md).")
    Path file;

    @Option(
            names = "--alt",
            paramLabel = "CHANGES",
            required = true,
            description =
                    "An alternative: changes separated by ';', e.g. 'kind=spot' or 'pool=gpu; instance_type=g5.2xlarge; instances=3'"
                            + " (keys: kind, instance_type, instances, keep_alive_s, keep_warm, batching, cache_hit_ratio, model, name, pool, or a JSON"
                            + " path such as $.pools[0].concurrency; see docs/compare.md). Repeat for more alternatives.")
    List<String> alternatives = new ArrayList<>();

    @Option(
            names = "--replications",
            paramLabel = "N",
            description = "Replications of every entry (overrides run.replications).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Master random seed of every entry (overrides run.seed).")
    Long seed;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "Threads for replications (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (alternatives.size() > 50)
            throw new BadInputException("--alt: at most 50 alternatives, got " + alternatives.size());
        if (threads != null) Numbers.atLeast("--threads", threads, 1);
        if (replications != null && (replications < 1 || replications > 10_000)) {
            throw new BadInputException("--replications: expected an integer from 1 to 10000, got " + replications);
        }
        Baseline base = Baseline.load(file);
        if (replications != null || seed != null) {
            ObjectNode tree = base.copy();
            ObjectNode run = (ObjectNode) tree.get("run");
            if (replications != null) run.put("replications", replications);
            if (seed != null) run.put("seed", seed);
            base = Baseline.parse(
                    frontier.scenario.ScenarioLoader.mapper().writeValueAsString(tree),
                    file.toString(),
                    base.baseDir());
        }
        PriceCatalogue catalogue = PriceCatalogue.shipped();
        List<Alternative.Built> built = new ArrayList<>();
        for (String a : alternatives) built.add(Alternative.parse(a).build(base, catalogue));
        ScenarioRunner runner = threads == null ? ScenarioRunner.defaultRunner() : new ScenarioRunner(threads);
        Comparison c = Comparison.run(base, built, runner, RunControl.NONE);
        PrintWriter out = spec.commandLine().getOut();
        if (json) printJson(out, c);
        else printTable(out, c);
        out.flush();
        return FrontierCli.OK;
    }

    private static List<CompareMetric> shown(Comparison c) {
        List<CompareMetric> m = new ArrayList<>();
        for (CompareMetric x : CompareMetric.values()) if (c.measured(x)) m.add(x);
        return m;
    }

    private static void printTable(PrintWriter out, Comparison c) {
        out.printf(
                "%s — %d replication%s per entry, common random numbers (seed %d); ± is a 95%% confidence interval,%n",
                c.entries().getFirst().scenario().name(),
                c.replications(),
                c.replications() == 1 ? "" : "s",
                c.entries().getFirst().scenario().run().seed());
        out.println(
                c.entries().getFirst().scenario().isBatch()
                        ? "the change from the baseline is paired replication by replication."
                        : "the change from the baseline is paired replication by replication. Cost per month = cost per hour × 730.");
        out.println();
        List<String[]> rows = new ArrayList<>();
        int n = c.entries().size();
        String[] head = new String[n + 1];
        head[0] = "";
        for (int i = 0; i < n; i++) head[i + 1] = i == 0 ? "Baseline" : "(" + i + ")";
        rows.add(head);
        for (CompareMetric m : shown(c)) {
            String[] r = new String[n + 1];
            r[0] = m.label;
            for (int i = 0; i < n; i++) {
                Comparison.Estimate v = c.value(i, m);
                String cell = m.formatWithCi(v.mean(), v.halfWidth());
                if (i > 0) {
                    Comparison.Estimate d = c.delta(i, m);
                    double pct = c.deltaPercent(i, m);
                    cell += "  (" + m.formatDelta(d.mean())
                            + (Double.isFinite(d.halfWidth()) && d.mean() != 0
                                    ? " ± " + m.formatHalfWidth(d.mean(), d.halfWidth())
                                    : "")
                            + (Double.isFinite(pct) && d.mean() != 0 ? ", " + Comparison.percent(pct) : "") + ")";
                }
                r[i + 1] = cell;
            }
            rows.add(r);
        }
        Table.print(out, rows, 1, rows.size() - 1);
        out.println();
        for (int i = 0; i < n; i++) {
            Comparison.Entry e = c.entries().get(i);
            out.println((i == 0 ? "Baseline" : "(" + i + ") " + e.name())
                    + (c.dropWarning(i).isEmpty()
                            ? ""
                            : " — " + c.dropWarning(i).toUpperCase(java.util.Locale.ROOT)));
            for (String note : e.notes()) out.println("    assumed: " + note);
        }
    }

    private static void printJson(PrintWriter out, Comparison c) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("scenario", c.entries().getFirst().scenario().name());
        root.put("replications", c.replications());
        root.put("seed", c.entries().getFirst().scenario().run().seed());
        root.put("hours_per_month", CompareMetric.HOURS_PER_MONTH);
        ArrayNode entries = root.putArray("entries");
        for (int i = 0; i < c.entries().size(); i++) {
            Comparison.Entry e = c.entries().get(i);
            ObjectNode o = entries.addObject();
            o.put("name", e.name());
            o.put("baseline", i == 0);
            ArrayNode ch = o.putArray("changes");
            e.changes().forEach(ch::add);
            ArrayNode notes = o.putArray("assumptions");
            e.notes().forEach(notes::add);
            number(o, "not_served", c.notServed(i));
            number(o, "not_served_percent", c.notServedPercent(i));
            ObjectNode metrics = o.putObject("metrics");
            for (CompareMetric m : shown(c)) {
                ObjectNode x = metrics.putObject(m.name().toLowerCase(java.util.Locale.ROOT));
                Comparison.Estimate v = c.value(i, m);
                number(x, "mean", v.mean());
                number(x, "ci95", v.halfWidth());
                if (i > 0) {
                    Comparison.Estimate d = c.delta(i, m);
                    number(x, "delta", d.mean());
                    number(x, "delta_ci95", d.halfWidth());
                    number(x, "delta_percent", c.deltaPercent(i, m));
                }
            }
        }
        out.println(Json.MAPPER.writeValueAsString(root));
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) o.put(key, v);
        else o.putNull(key);
    }
}
