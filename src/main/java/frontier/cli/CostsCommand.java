package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.sim.BadInputException;
import frontier.store.CostQuery;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.Workspace;
import frontier.text.Csv;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frontier costs}: exact cost totals from the workspace, grouped as asked, per currency. */
@Command(
        name = "costs",
        mixinStandardHelpOptions = true,
        description = {
            "Cost totals from the imported billing data, grouped by pricing model (default) or other dimensions.",
            "Billed = invoiced cost; effective = amortized cost. Sums are exact; currencies are never added together."
        })
final class CostsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Option(
            names = "--by",
            paramLabel = "DIM",
            split = ",",
            description = "Group by: pricing-model, charge-category, provider, account, "
                    + "sub-account, service, service-category, region, instance-type, gpu-count, charge-class, commitment, commitment-status, "
                    + "month, day, import, tag:KEY (comma-separated; default pricing-model).")
    List<String> by = new ArrayList<>(List.of("pricing-model"));

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "Only charges whose period starts on or after DATE (yyyy-MM-dd or yyyy-MM, UTC).")
    String from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            description = "Only charges whose period starts before DATE (exclusive).")
    String to;

    @Option(names = "--json", description = "One JSON object: groups and total (amounts as exact decimal strings).")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header line.")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        CsvOrJson.requireNotBoth(csv, json);
        List<Grouping> dims = new ArrayList<>();
        for (String b : by) {
            Grouping d = Grouping.parse(b);
            if (d == null)
                throw new BadInputException(
                        "--by: unknown dimension '" + b + "'; expected one of " + codes() + " or tag:KEY");
            if (dims.contains(d)) throw new BadInputException("--by: '" + b + "' given twice");
            dims.add(d);
        }
        Long f = Dates.day("--from", from);
        Long t = Dates.day("--to", to);
        if (f != null && t != null && t <= f) throw new BadInputException("--to: expected a date after --from");
        List<CostRow> rows;
        try (Workspace ws =
                workspace.existing("no workspace yet; import a billing export first (frontier import FILE)")) {
            rows = ws.costs().totals(new CostQuery(dims, f, t));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) printJson(out, dims, rows);
        else if (csv) printCsv(out, dims, rows);
        else printTable(out, dims, rows);
        return FrontierCli.OK;
    }

    private static String codes() {
        return String.join(
                ", ",
                java.util.Arrays.stream(Dimension.values()).map(Dimension::code).toList());
    }

    /** Per-currency totals of the rows, in the order the currencies first appear. */
    private static Map<String, CostRow> totals(List<CostRow> rows) {
        Map<String, CostRow> m = new LinkedHashMap<>();
        for (CostRow r : rows) {
            m.merge(
                    r.currency(),
                    new CostRow(List.of(), List.of(), r.currency(), r.billed(), r.effective(), r.list(), r.rows()),
                    (a, b) -> new CostRow(
                            List.of(),
                            List.of(),
                            a.currency(),
                            add(a.billed(), b.billed()),
                            add(a.effective(), b.effective()),
                            add(a.list(), b.list()),
                            a.rows() + b.rows()));
        }
        return m;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (b == null) return a;
        return a == null ? b : a.add(b);
    }

    /** Display form of a row's key: labels for pricing model and charge category, "(none)" for null. */
    private static String display(CostRow r, int i) {
        return Objects.requireNonNullElse(r.label(i), "(none)");
    }

    private static String money(BigDecimal d) {
        if (d == null) return "—";
        return String.format(Locale.US, "%,.2f", d);
    }

    private static void printTable(PrintWriter out, List<Grouping> dims, List<CostRow> rows) {
        if (rows.isEmpty()) {
            out.println("No charges in the workspace for this selection.");
            return;
        }
        List<String[]> lines = new ArrayList<>();
        List<String> head = new ArrayList<>();
        for (Grouping d : dims) head.add(d.label());
        head.addAll(List.of("Currency", "Billed", "Effective", "List", "Lines"));
        lines.add(head.toArray(String[]::new));
        for (CostRow r : rows) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) l.add(display(r, i));
            l.addAll(List.of(
                    r.currency(),
                    money(r.billed()),
                    money(r.effective()),
                    money(r.list()),
                    String.format(Locale.US, "%,d", r.rows())));
            lines.add(l.toArray(String[]::new));
        }
        for (CostRow t : totals(rows).values()) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) l.add(i == 0 ? "Total" : "");
            l.addAll(List.of(
                    t.currency(),
                    money(t.billed()),
                    money(t.effective()),
                    money(t.list()),
                    String.format(Locale.US, "%,d", t.rows())));
            lines.add(l.toArray(String[]::new));
        }
        Table.print(out, lines, dims.size() + 1, rows.size());
    }

    private static void printCsv(PrintWriter out, List<Grouping> dims, List<CostRow> rows) {
        List<String> head = new ArrayList<>();
        for (Grouping d : dims) head.add(Csv.text(d.key()));
        head.addAll(List.of("currency", "billed_cost", "effective_cost", "list_cost", "lines"));
        out.println(String.join(",", head));
        for (CostRow r : rows) {
            // Keys and currency are text from the bill (tags, resource ids): neutralised; the amounts are numbers.
            List<String> l = new ArrayList<>();
            for (String k : r.keys()) l.add(Csv.text(k));
            l.addAll(List.of(
                    Csv.text(r.currency()),
                    Csv.decimal(r.billed()),
                    Csv.decimal(r.effective()),
                    Csv.decimal(r.list()),
                    Csv.number(r.rows())));
            out.println(String.join(",", l));
        }
    }

    /**
     * {"by":[…], "groups":[{keys…, "currency", "billed_cost", "effective_cost", "list_cost", "lines"}],
     * "total":{"currency", four figures} or null when several currencies, "totals":[one per currency]}.
     */
    private void printJson(PrintWriter out, List<Grouping> dims, List<CostRow> rows) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode byNode = root.putArray("by");
        dims.forEach(d -> byNode.add(d.code()));
        if (from != null) root.put("from", from);
        if (to != null) root.put("to", to);
        ArrayNode arr = root.putArray("groups");
        for (CostRow r : rows) {
            ObjectNode o = arr.addObject();
            for (int i = 0; i < dims.size(); i++)
                o.put(dims.get(i).key(), r.keys().get(i));
            putFigures(o, r);
        }
        Map<String, CostRow> totals = totals(rows);
        if (totals.size() == 1)
            putFigures(root.putObject("total"), totals.values().iterator().next());
        else if (totals.isEmpty())
            putFigures(
                    root.putObject("total"),
                    new CostRow(List.of(), List.of(), null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0));
        else root.putNull("total");
        ArrayNode tot = root.putArray("totals");
        for (CostRow t : totals.values()) putFigures(tot.addObject(), t);
        out.println(Json.MAPPER.writeValueAsString(root));
    }

    private static void putFigures(ObjectNode o, CostRow r) {
        o.put("currency", r.currency());
        Json.putDecimal(o, "billed_cost", r.billed());
        Json.putDecimal(o, "effective_cost", r.effective());
        Json.putDecimal(o, "list_cost", r.list());
        o.put("lines", r.rows());
    }
}
