package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.store.AttributionRule;
import frontier.store.UnitCostQuery;
import frontier.store.UnitCostReport;
import frontier.store.UnitCostRow;
import frontier.store.Workspace;
import frontier.text.Csv;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frontier unit-cost}: attributed cost divided by the requests the imported logs served. */
@Command(
        name = "unit-cost",
        mixinStandardHelpOptions = true,
        description = {
            "Cost per 1,000 inferences and per 1M tokens: billing lines attributed to endpoints and models by the",
            "workspace's rules (frontier attribution), divided by the requests of the imported inference logs.",
            "Costs are exact decimals; idle cost is an estimate (docs/unit-cost.md)."
        })
final class UnitCostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Option(
            names = "--by",
            paramLabel = "KEY",
            split = ",",
            description = "Group by: day, endpoint, model, pricing-model (comma-separated; default endpoint).")
    List<String> by = new ArrayList<>(List.of("endpoint"));

    @Option(names = "--from", paramLabel = "DATE", description = "First day (yyyy-MM-dd or yyyy-MM, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Day after the last (exclusive).")
    String to;

    @Option(
            names = "--cost",
            paramLabel = "FIGURE",
            description =
                    "Cost figure: effective (amortized, default), billed or list; a line without it counts its billed cost.")
    String cost = "effective";

    @Option(names = "--json", description = "One JSON object: groups, total, unattributed, rules.")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header line.")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        CsvOrJson.requireNotBoth(csv, json);
        List<UnitCostQuery.Key> keys = by.stream()
                .filter(s -> !s.isBlank())
                .map(UnitCostQuery.Key::fromCode)
                .toList();
        UnitCostQuery q = new UnitCostQuery(
                keys, Dates.day("--from", from), Dates.day("--to", to), UnitCostQuery.Figure.fromCode(cost));
        UnitCostReport r;
        try (Workspace ws = workspace.existing(WorkspaceOption.NO_BILL_AND_LOGS)) {
            r = ws.unitCosts().compute(q);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.MAPPER.writeValueAsString(json(q, r)));
        else if (csv) printCsv(out, q, r);
        else printTable(out, q, r);
        return FrontierCli.OK;
    }

    static ObjectNode json(UnitCostQuery q, UnitCostReport r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode byNode = root.putArray("by");
        q.by().forEach(k -> byNode.add(k.code()));
        root.put("cost_figure", q.figure().name().toLowerCase(Locale.ROOT));
        ArrayNode groups = root.putArray("groups");
        for (UnitCostRow g : r.groups()) figures(groups.addObject(), g);
        if (r.totals().size() == 1) figures(root.putObject("total"), r.totals().getFirst());
        else root.putNull("total");
        ArrayNode totals = root.putArray("totals");
        r.totals().forEach(t -> figures(totals.addObject(), t));
        ArrayNode un = root.putArray("unattributed");
        r.unattributed().forEach(u -> {
            ObjectNode o = un.addObject();
            o.put("currency", u.currency());
            o.put("cost", u.cost().toPlainString());
            o.put("lines", u.lines());
        });
        root.put("default_rules", r.defaultRules());
        ArrayNode rules = root.putArray("rules");
        for (AttributionRule rule : r.rules()) rules.add(AttributionCommand.json(rule));
        return root;
    }

    private static void figures(ObjectNode o, UnitCostRow g) {
        for (Map.Entry<String, String> e : g.keys().entrySet()) o.put(e.getKey(), e.getValue());
        o.put("currency", g.currency());
        o.put("cost", g.cost().toPlainString());
        o.put("requests", g.requests());
        o.put("errors", g.errors());
        o.put("input_tokens", g.inputTokens());
        o.put("output_tokens", g.outputTokens());
        Json.putDecimal(o, "cost_per_1k_requests", g.per1kRequests());
        Json.putDecimal(o, "cost_per_1m_tokens", g.per1mTokens());
        o.put("idle_cost", g.idleCost().toPlainString());
        o.put("instance_hours", round(g.instanceHours()));
        o.put("busy_hours", round(g.busySeconds() / 3600));
        o.put("lines", g.lines());
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static void printCsv(PrintWriter out, UnitCostQuery q, UnitCostReport r) {
        List<String> head = new ArrayList<>();
        q.by().forEach(k -> head.add(k.code()));
        head.addAll(List.of(
                "currency",
                "cost",
                "requests",
                "errors",
                "input_tokens",
                "output_tokens",
                "cost_per_1k_requests",
                "cost_per_1m_tokens",
                "idle_cost"));
        out.println(String.join(",", head));
        for (UnitCostRow g : r.groups()) {
            List<String> l = new ArrayList<>();
            // Keys (endpoint, model, tags) and currency are text: neutralised; the figures are numbers.
            for (String v : g.keys().values()) l.add(Csv.text(v));
            l.addAll(List.of(
                    Csv.text(g.currency()),
                    Csv.decimal(g.cost()),
                    Csv.number(g.requests()),
                    Csv.number(g.errors()),
                    Csv.number(g.inputTokens()),
                    Csv.number(g.outputTokens()),
                    Csv.decimal(g.per1kRequests()),
                    Csv.decimal(g.per1mTokens()),
                    Csv.decimal(g.idleCost())));
            out.println(String.join(",", l));
        }
    }

    private static String money(BigDecimal d, int digits) {
        return d == null ? "—" : String.format(Locale.US, "%,." + digits + "f", d);
    }

    private static void printTable(PrintWriter out, UnitCostQuery q, UnitCostReport r) {
        if (r.groups().isEmpty()) {
            out.println("No attributed cost and no requests in the workspace for this selection.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>();
        q.by().forEach(k -> head.add(k.code().replace('_', ' ')));
        head.addAll(List.of("Cost", "Requests", "Per 1k req", "Per 1M tok", "Idle"));
        rows.add(head.toArray(String[]::new));
        for (UnitCostRow g : r.groups()) rows.add(row(g, q.by().size(), false));
        for (UnitCostRow t : r.totals()) rows.add(row(t, q.by().size(), true));
        Table.print(out, rows, q.by().size(), r.groups().size());
        for (UnitCostRow u : r.unattributed()) {
            out.printf(
                    Locale.US,
                    "Not attributed by any rule: %s %s in %,d lines (see frontier attribution).%n",
                    money(u.cost(), 2),
                    u.currency(),
                    u.lines());
        }
        if (r.groups().stream().allMatch(g -> g.lines() == 0)
                && r.unattributed().isEmpty()) {
            out.println(
                    "No billing lines in this period, so every cost is zero: import the bill with frontier import FILE.");
        }
        if (r.defaultRules())
            out.println(
                    "Rules: the defaults (tag 'endpoint' → endpoint, tag 'model' → model); edit with frontier attribution.");
    }

    private static String[] row(UnitCostRow g, int keys, boolean total) {
        List<String> l = new ArrayList<>();
        if (total) for (int i = 0; i < keys; i++) l.add(i == 0 ? "Total (attributed)" : "");
        else for (String v : g.keys().values()) l.add(v == null ? "(none)" : v);
        double share = g.idleShare();
        String idle = g.idleCost().signum() == 0
                ? "—"
                : money(g.idleCost(), 2)
                        + (share >= 0 && share <= 1 ? String.format(Locale.US, " (%.0f%%)", 100 * share) : "");
        l.addAll(List.of(
                money(g.cost(), 2) + " " + (g.currency() == null ? "" : g.currency()),
                String.format(Locale.US, "%,d", g.requests()),
                money(g.per1kRequests(), 4),
                money(g.per1mTokens(), 4),
                idle));
        return l.toArray(String[]::new);
    }
}
