package frontier.app.explore;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.analysis.SweepAnalysis;
import frontier.model.Metric;
import frontier.scenario.sweep.PointResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the details table and the tooltip say about a point: its configuration and key metrics. */
final class Details {
    /** Key metrics, in the order shown. */
    static final List<Metric> METRICS = List.of(
            Metric.COST_PER_1K,
            Metric.COST_PER_HOUR,
            Metric.COST_TOTAL,
            Metric.LATENCY_MEAN,
            Metric.LATENCY_P50,
            Metric.LATENCY_P95,
            Metric.LATENCY_P99,
            Metric.REQUESTS,
            Metric.DROPPED,
            Metric.LOST,
            Metric.BATCH_COMPLETION,
            Metric.BATCH_COMPLETION_P90,
            Metric.BATCH_DONE_BY_DEADLINE,
            Metric.BATCH_COST_SPOT,
            Metric.BATCH_COST_ON_DEMAND,
            Metric.BATCH_LOST_S,
            Metric.BATCH_COST_PER_1M_ITEMS,
            Metric.BATCH_FALLBACKS,
            Metric.BATCH_LLM_ITEMS_PER_S,
            Metric.INTERRUPTIONS);

    private Details() {}

    static List<DetailRow> rows(SweepAnalysis a, int sel, int cmp) {
        return rows(a, sel, cmp, k -> k, -1);
    }

    /**
     * The rows of the selected point and the compared one; fields named by {@code label} (a path's label),
     * and the status as {@link #statusLine} says it, with the weighted optimum {@code optimum} marked.
     */
    static List<DetailRow> rows(
            SweepAnalysis a, int sel, int cmp, java.util.function.UnaryOperator<String> label, int optimum) {
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
        for (Metric m : METRICS) {
            if (!p.hasMetric(m.path())) continue;
            rows.add(new DetailRow(
                    withUnit(m.label(), m.unit().symbol()), value(p, m.path()), q == null ? "" : value(q, m.path())));
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
        return Double.isFinite(pct)
                ? String.format(Locale.US, pct >= 0.1 ? "drops %.1f%% of requests" : "drops %.2g%% of requests", pct)
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

    /** The hover text: the configuration and the two plotted metrics. */
    static String tooltip(SweepAnalysis a, int i, String costPath, String latencyPath) {
        return tooltip(a, i, costPath, latencyPath, k -> k, -1);
    }

    /** The hover text with fields named by {@code label} and the status line of the details. */
    static String tooltip(
            SweepAnalysis a,
            int i,
            String costPath,
            String latencyPath,
            java.util.function.UnaryOperator<String> label,
            int optimum) {
        PointResult p = a.result().points().get(i);
        StringBuilder b = new StringBuilder("Point ")
                .append(p.index())
                .append(" (")
                .append(statusLine(a, i, optimum))
                .append(')');
        p.config()
                .fieldNames()
                .forEachRemaining(
                        k -> b.append('\n').append(label.apply(k)).append(" = ").append(config(p, k)));
        for (String path : List.of(costPath, latencyPath)) {
            b.append('\n').append(Metric.labelOf(path)).append(": ").append(value(p, path));
            String unit = Metric.unitOf(path);
            if (!unit.isEmpty()) b.append(' ').append(unit);
        }
        return b.toString();
    }

    /** "p99 latency (ms)", "Cost (total, USD)"; the label alone without a unit. */
    static String withUnit(String label, String unit) {
        if (unit.isEmpty()) return label;
        return label.endsWith(")")
                ? label.substring(0, label.length() - 1) + ", " + unit + ")"
                : label + " (" + unit + ")";
    }

    /** An axis or column title for a metric path: its catalogue label and unit. */
    static String title(String path) {
        return withUnit(Metric.labelOf(path), Metric.unitOf(path));
    }
}
