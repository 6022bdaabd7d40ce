package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.analysis.series.Anomalies;
import frontier.analysis.series.Forecast;
import frontier.report.DailySeries;
import frontier.report.UnitCostTrend;
import frontier.sim.BadInputException;
import frontier.store.UnitCostQuery;
import frontier.store.UnitCostReport;
import frontier.store.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frontier forecast}: the next N days of attributed cost, requests and cost per 1,000 requests. */
@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = {
            "Forecast of daily attributed cost, requests and cost per 1,000 requests (Holt-Winters with a weekly",
            "pattern, prediction interval), with the history's anomalous days flagged. See docs/unit-cost.md."
        })
final class ForecastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "Days to forecast (default ${DEFAULT-VALUE}; e.g. 30 or 90).")
    int days = 30;

    @Option(
            names = "--endpoint",
            paramLabel = "NAME",
            description = "One endpoint's series (default: everything attributed).")
    String endpoint;

    @Option(
            names = "--level",
            paramLabel = "P",
            description = "Prediction interval coverage (default ${DEFAULT-VALUE}).")
    double level = 0.9;

    @Option(names = "--from", paramLabel = "DATE", description = "History from this day (yyyy-MM-dd).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "History before this day.")
    String to;

    @Option(names = "--json", description = "One JSON object: history, anomalies, forecast points and totals.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (days < 1 || days > Forecast.MAX_HORIZON)
            throw new BadInputException("--days: expected 1 to " + Forecast.MAX_HORIZON + ", got " + days);
        if (!(level > 0 && level < 1))
            throw new BadInputException("--level: expected a probability between 0 and 1, e.g. 0.9, got " + level);
        List<UnitCostQuery.Key> keys = endpoint == null
                ? List.of(UnitCostQuery.Key.DAY)
                : List.of(UnitCostQuery.Key.DAY, UnitCostQuery.Key.ENDPOINT);
        UnitCostReport r;
        try (Workspace ws = workspace.existing(WorkspaceOption.NO_BILL_AND_LOGS)) {
            r = ws.unitCosts().compute(new UnitCostQuery(keys, Dates.day("--from", from), Dates.day("--to", to), null));
        }
        List<DailySeries> all = DailySeries.of(r, endpoint == null ? null : "endpoint");
        DailySeries s = all.stream()
                .filter(x -> endpoint == null || x.name().equals(endpoint))
                .findFirst()
                .orElseThrow(
                        () -> new BadInputException(
                                endpoint == null
                                        ? "no attributed cost or requests in the workspace to forecast from"
                                        : "--endpoint: '" + endpoint
                                                + "' has no attributed cost or requests; see frontier unit-cost --by endpoint"));
        if (s.days().size() < Forecast.MIN_DAYS) {
            throw new BadInputException("a forecast needs at least " + Forecast.MIN_DAYS
                    + " days of history; the workspace has " + s.days().size());
        }
        UnitCostTrend t = UnitCostTrend.of(s, days, level);
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.MAPPER.writeValueAsString(json(t)));
        else print(out, t);
        return FrontierCli.OK;
    }

    private ObjectNode json(UnitCostTrend t) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("series", t.series().name());
        root.put("days", days);
        root.put("level", level);
        ObjectNode h = root.putObject("history");
        h.put("from", t.series().days().getFirst().toString());
        h.put("to", t.series().days().getLast().toString());
        h.put("days", t.series().days().size());
        double cost = java.util.Arrays.stream(t.series().cost()).sum();
        long req = java.util.Arrays.stream(t.series().requests()).sum();
        h.put("cost", cost);
        h.put("requests", req);
        if (req > 0) h.put("cost_per_1k_requests", 1000 * cost / req);
        else h.putNull("cost_per_1k_requests");
        ArrayNode an = root.putArray("anomalies");
        if (t.anomalies() != null) {
            for (Anomalies.Day d : t.anomalies().flagged()) {
                ObjectNode o = an.addObject();
                o.put("date", d.date().toString());
                o.put("metric", "cost_per_1k_requests");
                o.put("value", d.value());
                o.put("expected", d.expected());
                o.put("score", d.score());
                o.put("direction", d.direction().name().toLowerCase(Locale.ROOT));
            }
        }
        ObjectNode f = root.putObject("forecast");
        forecast(f, "cost", t.cost(), true);
        forecast(f, "requests", t.requests(), true);
        forecast(f, "cost_per_1k_requests", t.per1k(), false);
        ArrayNode notes = root.putArray("notes");
        t.notes().forEach(notes::add);
        return root;
    }

    private static void forecast(ObjectNode parent, String key, Forecast.Result f, boolean total) {
        if (f == null) {
            parent.putNull(key);
            return;
        }
        ObjectNode o = parent.putObject(key);
        o.put("method", f.method());
        o.put("weekly", f.weekly());
        if (total) {
            double[] sum = UnitCostTrend.total(f);
            ObjectNode tn = o.putObject("total");
            tn.put("point", sum[0]);
            tn.put("lower", sum[1]);
            tn.put("upper", sum[2]);
        }
        ArrayNode pts = o.putArray("points");
        for (Forecast.Point p : f.points()) {
            ObjectNode po = pts.addObject();
            po.put("date", p.date().toString());
            po.put("point", p.point());
            po.put("lower", p.lower());
            po.put("upper", p.upper());
        }
    }

    private void print(PrintWriter out, UnitCostTrend t) {
        DailySeries s = t.series();
        double cost = java.util.Arrays.stream(s.cost()).sum();
        long req = java.util.Arrays.stream(s.requests()).sum();
        out.printf(
                Locale.US,
                "History (%s): %s to %s, %d days: $%,.2f, %,d requests%s%n",
                s.name(),
                s.days().getFirst(),
                s.days().getLast(),
                s.days().size(),
                cost,
                req,
                req > 0 ? String.format(Locale.US, ", $%.4f per 1,000", 1000 * cost / req) : "");
        if (t.anomalies() != null) {
            List<Anomalies.Day> flagged = t.anomalies().flagged();
            out.println(
                    flagged.isEmpty()
                            ? "Anomalies: none in cost per 1,000 requests."
                            : "Anomalies in cost per 1,000 requests:");
            for (Anomalies.Day d : flagged) {
                out.printf(
                        Locale.US,
                        "  %s  $%.4f, expected $%.4f (%s)%n",
                        d.date(),
                        d.value(),
                        d.expected(),
                        d.direction().name().toLowerCase(Locale.ROOT));
            }
        }
        int pct = (int) Math.round(100 * level);
        out.printf(Locale.US, "Next %d days (%d%% prediction interval):%n", days, pct);
        if (t.cost() != null) {
            double[] c = UnitCostTrend.total(t.cost());
            out.printf(Locale.US, "  cost        $%,.2f  [$%,.2f – $%,.2f]%n", c[0], c[1], c[2]);
        }
        if (t.requests() != null) {
            double[] q = UnitCostTrend.total(t.requests());
            out.printf(Locale.US, "  requests    %,.0f  [%,.0f – %,.0f]%n", q[0], q[1], q[2]);
        }
        if (t.per1k() != null) {
            Forecast.Point last = t.per1k().points().getLast();
            out.printf(
                    Locale.US,
                    "  per 1,000   $%.4f on %s  [$%.4f – $%.4f]%n",
                    last.point(),
                    last.date(),
                    last.lower(),
                    last.upper());
        }
        if (t.cost() != null) out.println("Method: " + t.cost().method());
        t.notes().forEach(n -> out.println("Note: " + n));
    }
}
