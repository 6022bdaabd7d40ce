package frontier.app.explore;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.analysis.SweepAnalysis;
import frontier.scenario.sweep.PointResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the details table and the tooltip say about a point: its configuration and key metrics. */
final class Details {
    /** Key metrics, by path and label with unit. */
    static final List<String[]> METRICS = List.of(
            new String[] {"cost_usd.per_1k_requests", "Cost/1k req (USD)"},
            new String[] {"cost_usd.per_hour", "Cost/hour (USD)"},
            new String[] {"cost_usd.total", "Cost total (USD)"},
            new String[] {"latency_ms.mean", "Mean latency (ms)"},
            new String[] {"latency_ms.p50", "p50 latency (ms)"},
            new String[] {"latency_ms.p95", "p95 latency (ms)"},
            new String[] {"latency_ms.p99", "p99 latency (ms)"},
            new String[] {"requests", "Requests"},
            new String[] {"dropped", "Dropped"},
            new String[] {"lost", "Lost"});

    private Details() {
    }

    static List<DetailRow> rows(SweepAnalysis a, int sel, int cmp) {
        List<DetailRow> rows = new ArrayList<>();
        if (a == null || sel < 0) return rows;
        List<PointResult> pts = a.result().points();
        PointResult p = pts.get(sel);
        PointResult q = cmp >= 0 && cmp < pts.size() ? pts.get(cmp) : null;
        rows.add(new DetailRow("Point", Integer.toString(p.index()), q == null ? "" : Integer.toString(q.index())));
        List<String> keys = new ArrayList<>(a.result().paths());
        p.config().fieldNames().forEachRemaining(k -> {
            if (!keys.contains(k)) keys.add(k);
        });
        for (String k : keys) rows.add(new DetailRow(k, config(p, k), q == null ? "" : config(q, k)));
        rows.add(new DetailRow("Status", status(a, sel), q == null ? "" : status(a, cmp)));
        for (String[] m : METRICS) {
            if (!p.hasMetric(m[0])) continue;
            rows.add(new DetailRow(m[1], value(p, m[0]), q == null ? "" : value(q, m[0])));
        }
        rows.add(new DetailRow("Seed", Long.toString(p.seed()), q == null ? "" : Long.toString(q.seed())));
        return rows;
    }

    static String status(SweepAnalysis a, int i) {
        if (!a.feasible()[i]) return "infeasible";
        if (!a.pareto()[i]) return "dominated";
        Boolean u = a.uncertain()[i];
        return Boolean.TRUE.equals(u) ? "front, uncertain" : "front";
    }

    static String config(PointResult p, String key) {
        JsonNode n = p.config().get(key);
        if (n == null || n.isNull()) return "";
        return n.isValueNode() ? n.asText() : n.toString();
    }

    static String value(PointResult p, String path) {
        double v = p.metric(path);
        double hw = p.halfWidth(path);
        return number(v) + (Double.isFinite(hw) ? " ± " + number(hw) : "");
    }

    static String number(double v) {
        if (!Double.isFinite(v)) return "–";
        if (v == 0) return "0";
        double abs = Math.abs(v);
        if (abs >= 100) return String.format(Locale.US, "%,.0f", v);
        if (abs >= 1) return String.format(Locale.US, "%.2f", v);
        return String.format(Locale.US, "%.4f", v);
    }

    /** The hover text: the configuration and the key metrics. */
    static String tooltip(SweepAnalysis a, int i, String latencyPath) {
        PointResult p = a.result().points().get(i);
        StringBuilder b = new StringBuilder("Point ").append(p.index()).append(" (").append(status(a, i)).append(')');
        p.config().fieldNames().forEachRemaining(k -> b.append('\n').append(k).append(" = ").append(config(p, k)));
        b.append("\nCost: ").append(value(p, "cost_usd.per_1k_requests")).append(" USD / 1,000 req");
        b.append('\n').append(latencyPath.replace("latency_ms.", "Latency ")).append(": ").append(value(p, latencyPath)).append(" ms");
        return b.toString();
    }
}
