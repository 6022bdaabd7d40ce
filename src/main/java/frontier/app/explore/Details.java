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
        return rows(a, sel, cmp, k -> k, -1);
    }

    /**
     * The rows of the selected point and the compared one; fields named by {@code label} (a path's label),
     * and the status as {@link #statusLine} says it, with the weighted optimum {@code optimum} marked.
     */
    static List<DetailRow> rows(SweepAnalysis a, int sel, int cmp, java.util.function.UnaryOperator<String> label, int optimum) {
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
        for (String k : keys) rows.add(new DetailRow(label.apply(k), config(p, k), q == null ? "" : config(q, k)));
        rows.add(new DetailRow("Status", statusLine(a, sel, optimum), q == null ? "" : statusLine(a, cmp, optimum)));
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

    /**
     * The status as drawn ({@link #status}: infeasible, dominated, front, front uncertain), then "weighted
     * optimum" when it is ringed as such, and the requests it does not serve: a point that drops requests says so.
     */
    static String statusLine(SweepAnalysis a, int i, int optimum) {
        StringBuilder b = new StringBuilder(status(a, i));
        if (i == optimum) b.append(", weighted optimum");
        String drops = drops(a.result().points().get(i));
        if (!drops.isEmpty()) b.append(" — ⚠ ").append(drops);
        return b.toString();
    }

    /** "drops 1.2% of requests" when the point dropped or lost requests, else empty. */
    static String drops(PointResult p) {
        double n = (p.hasMetric("dropped") ? p.metric("dropped") : 0) + (p.hasMetric("lost") ? p.metric("lost") : 0);
        if (!(n > 0)) return "";
        double req = p.hasMetric("requests") ? p.metric("requests") : Double.NaN;
        double pct = req > 0 ? 100 * n / req : Double.NaN;
        return Double.isFinite(pct) ? String.format(Locale.US, pct >= 0.1 ? "drops %.1f%% of requests" : "drops %.2g%% of requests", pct)
                : String.format(Locale.US, "drops %,.0f requests", n);
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
        return tooltip(a, i, latencyPath, k -> k, -1);
    }

    /** The hover text with fields named by {@code label} and the status line of the details. */
    static String tooltip(SweepAnalysis a, int i, String latencyPath, java.util.function.UnaryOperator<String> label, int optimum) {
        PointResult p = a.result().points().get(i);
        StringBuilder b = new StringBuilder("Point ").append(p.index()).append(" (").append(statusLine(a, i, optimum)).append(')');
        p.config().fieldNames().forEachRemaining(k -> b.append('\n').append(label.apply(k)).append(" = ").append(config(p, k)));
        b.append("\nCost: ").append(value(p, "cost_usd.per_1k_requests")).append(" USD / 1,000 req");
        b.append('\n').append(latencyPath.replace("latency_ms.", "Latency ")).append(": ").append(value(p, latencyPath)).append(" ms");
        return b.toString();
    }
}
