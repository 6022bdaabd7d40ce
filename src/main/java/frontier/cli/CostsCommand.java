package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.ingest.ChargeCategory;
import frontier.ingest.PricingModel;
import frontier.sim.BadInputException;
import frontier.store.CostQuery;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Workspace;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code frontier costs}: exact cost totals from the workspace, grouped as asked, per currency. */
@Command(name = "costs", mixinStandardHelpOptions = true,
        description = {"Cost totals from the imported billing data, grouped by pricing model (default) or other dimensions.",
                "Billed = invoiced cost; effective = amortized cost. Sums are exact; currencies are never added together."})
final class CostsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-w", "--workspace"}, paramLabel = "PATH", description = "Workspace file (default: ${DEFAULT-VALUE}).")
    Path workspace = Workspace.defaultPath();

    @Option(names = "--by", paramLabel = "DIM", split = ",", description = "Group by: pricing-model, charge-category, provider, account, "
            + "sub-account, service, service-category, region, month, day, import (comma-separated; default pricing-model).")
    List<String> by = new ArrayList<>(List.of("pricing-model"));

    @Option(names = "--from", paramLabel = "DATE", description = "Only charges whose period starts on or after DATE (yyyy-MM-dd or yyyy-MM, UTC).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only charges whose period starts before DATE (exclusive).")
    String to;

    @Option(names = "--json", description = "One JSON object (amounts as exact decimal strings).")
    boolean json;

    @Option(names = "--csv", description = "CSV with a header line.")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        if (json && csv) throw new BadInputException("--json and --csv: choose one");
        List<Dimension> dims = new ArrayList<>();
        for (String b : by) {
            Dimension d = Dimension.fromCode(b.strip());
            if (d == null) throw new BadInputException("--by: unknown dimension '" + b + "'; expected one of " + codes());
            dims.add(d);
        }
        Long f = date("--from", from);
        Long t = date("--to", to);
        if (f != null && t != null && t <= f) throw new BadInputException("--to: expected a date after --from");
        if (!java.nio.file.Files.exists(workspace)) throw new BadInputException(workspace + ": no workspace yet; import a billing export first (frontier import FILE)");
        List<CostRow> rows;
        try (Workspace ws = Workspace.open(workspace)) {
            rows = ws.costs(new CostQuery(dims, f, t));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) printJson(out, dims, rows);
        else if (csv) printCsv(out, dims, rows);
        else printTable(out, dims, rows);
        return FrontierCli.OK;
    }

    private static String codes() {
        return String.join(", ", java.util.Arrays.stream(Dimension.values()).map(Dimension::code).toList());
    }

    private static Long date(String option, String v) {
        if (v == null) return null;
        try {
            if (v.length() == 7) return YearMonth.parse(v).atDay(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            return LocalDate.parse(v).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadInputException(option + ": expected a date like 2024-09-01 or a month like 2024-09, got '" + v + "'");
        }
    }

    /** Per-currency totals of the rows: {currency: [billed, effective, rows]}. */
    private static Map<String, Object[]> totals(List<CostRow> rows) {
        Map<String, Object[]> m = new LinkedHashMap<>();
        for (CostRow r : rows) {
            Object[] t = m.computeIfAbsent(r.currency(), c -> new Object[] {null, null, 0L});
            t[0] = add((BigDecimal) t[0], r.billed());
            t[1] = add((BigDecimal) t[1], r.effective());
            t[2] = (Long) t[2] + r.rows();
        }
        return m;
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (b == null) return a;
        return a == null ? b : a.add(b);
    }

    /** Display form of a key: labels for pricing model and charge category, "(none)" for null. */
    static String display(Dimension d, String key) {
        if (key == null) return "(none)";
        return switch (d) {
            case PRICING_MODEL -> PricingModel.fromCode(key).label();
            case CHARGE_CATEGORY -> ChargeCategory.fromCode(key).label();
            default -> key;
        };
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static String money(BigDecimal d) {
        if (d == null) return "—";
        return String.format(Locale.US, "%,.2f", d);
    }

    private static void printTable(PrintWriter out, List<Dimension> dims, List<CostRow> rows) {
        if (rows.isEmpty()) {
            out.println("No charges in the workspace for this selection.");
            return;
        }
        List<String[]> lines = new ArrayList<>();
        List<String> head = new ArrayList<>();
        for (Dimension d : dims) head.add(d.label());
        head.addAll(List.of("Currency", "Billed", "Effective", "Rows"));
        lines.add(head.toArray(String[]::new));
        for (CostRow r : rows) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) l.add(display(dims.get(i), r.keys().get(i)));
            l.addAll(List.of(r.currency(), money(r.billed()), money(r.effective()), String.format(Locale.US, "%,d", r.rows())));
            lines.add(l.toArray(String[]::new));
        }
        for (var e : totals(rows).entrySet()) {
            List<String> l = new ArrayList<>();
            for (int i = 0; i < dims.size(); i++) l.add(i == 0 ? "Total" : "");
            Object[] t = e.getValue();
            l.addAll(List.of(e.getKey(), money((BigDecimal) t[0]), money((BigDecimal) t[1]), String.format(Locale.US, "%,d", (Long) t[2])));
            lines.add(l.toArray(String[]::new));
        }
        int n = head.size();
        int[] w = new int[n];
        for (String[] l : lines) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], l[i].length());
        int numeric = dims.size() + 1;
        for (int k = 0; k < lines.size(); k++) {
            String[] l = lines.get(k);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                if (i > 0) b.append("  ");
                String fmt = i >= numeric ? "%" + w[i] + "s" : "%-" + w[i] + "s";
                b.append(String.format(fmt, l[i]));
            }
            out.println(b.toString().stripTrailing());
            if (k == 0 || k == rows.size()) {
                int len = java.util.Arrays.stream(w).sum() + 2 * (n - 1);
                out.println("-".repeat(len));
            }
        }
    }

    private static void printCsv(PrintWriter out, List<Dimension> dims, List<CostRow> rows) {
        List<String> head = new ArrayList<>();
        for (Dimension d : dims) head.add(d.code().replace('-', '_'));
        head.addAll(List.of("currency", "billed_cost", "effective_cost", "rows"));
        out.println(String.join(",", head));
        for (CostRow r : rows) {
            List<String> l = new ArrayList<>();
            for (String k : r.keys()) l.add(csvField(k));
            l.addAll(List.of(csvField(r.currency()), plain(r.billed()), plain(r.effective()), Long.toString(r.rows())));
            out.println(String.join(",", l));
        }
    }

    private static String csvField(String v) {
        if (v == null) return "";
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }

    private void printJson(PrintWriter out, List<Dimension> dims, List<CostRow> rows) throws Exception {
        ObjectNode root = ImportCommand.JSON.createObjectNode();
        root.put("workspace", workspace.toAbsolutePath().toString());
        ArrayNode byNode = root.putArray("by");
        dims.forEach(d -> byNode.add(d.code()));
        if (from != null) root.put("from", from);
        if (to != null) root.put("to", to);
        ArrayNode arr = root.putArray("rows");
        for (CostRow r : rows) {
            ObjectNode o = arr.addObject();
            for (int i = 0; i < dims.size(); i++) o.put(dims.get(i).code().replace('-', '_'), r.keys().get(i));
            o.put("currency", r.currency());
            putMoney(o, "billed_cost", r.billed());
            putMoney(o, "effective_cost", r.effective());
            o.put("rows", r.rows());
        }
        ArrayNode tot = root.putArray("totals");
        for (var e : totals(rows).entrySet()) {
            ObjectNode o = tot.addObject();
            o.put("currency", e.getKey());
            putMoney(o, "billed_cost", (BigDecimal) e.getValue()[0]);
            putMoney(o, "effective_cost", (BigDecimal) e.getValue()[1]);
            o.put("rows", (Long) e.getValue()[2]);
        }
        out.println(ImportCommand.JSON.writeValueAsString(root));
    }

    private static void putMoney(ObjectNode o, String key, BigDecimal v) {
        if (v == null) o.putNull(key);
        else o.put(key, v.toPlainString());
    }
}
