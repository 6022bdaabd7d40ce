package frontier.app.simulate;

import frontier.scenario.Summary;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@link Summary} into the rows of the result tables (key figures, percentiles, cost). */
final class SummaryRows {
    /** Statistic labels and their metric-path suffixes, in display order. */
    static final String[][] STATISTICS = {
        {"mean", "mean"}, {"p50", "p50"}, {"p90", "p90"}, {"p95", "p95"}, {"p99", "p99"}, {"p99.9", "p999"}, {"max", "max"},
    };

    /** Decimals placeholder: a count averaged over replications (0 decimals when whole, else 1). */
    private static final int COUNT = -1;
    /** Decimals placeholder: a time in milliseconds (about four significant digits). */
    private static final int MS = -2;
    private static final String INDENT = "      ";

    /** What each key figure means (the table's row tooltips); the same definitions as docs/cli.md. */
    private static final java.util.Map<String, String> DESCRIPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("Requests", "Requests that arrived in the observation window (after the warm-up)."),
            java.util.Map.entry("Completed", "Requests that finished service in the observation window. It can exceed Requests:"
                    + " requests that arrived during the warm-up and finished after it count here."),
            java.util.Map.entry("Dropped", "Rejected (queue full, or a serverless pool at max_concurrency) plus timed out in the queue;"
                    + " requests lost to a spot termination are counted apart."),
            java.util.Map.entry("Throughput", "Completed requests per second of the observation window."),
            java.util.Map.entry("Utilization", "Busy slot-seconds / slot-seconds of ready instances, over all pools."),
            java.util.Map.entry("Queue length (time avg)", "Time-averaged number of waiting requests, summed over pools."),
            java.util.Map.entry("Queue length (max)", "Largest number of requests waiting in any one pool's queue."),
            java.util.Map.entry("Requests that waited", "Share of completed requests that waited at all before service."),
            java.util.Map.entry("Cost (total)", "US dollars billed in the observation window, all pools."),
            java.util.Map.entry("Cost per 1,000 requests", "Total cost per 1,000 completed requests (cache hits included)."),
            java.util.Map.entry("Idle share of cost", "Share of the cost spent on instances that were idle, starting or draining."),
            java.util.Map.entry("Cold starts", "Instances launched in the window: autoscaler launches, scale from zero, serverless starts,"
                    + " spot replacements."),
            java.util.Map.entry("Waited for a cold start", "Share of completed requests that waited for an instance to start."),
            java.util.Map.entry("Interruptions", "Spot instances terminated in the window."),
            java.util.Map.entry("Retried", "Times a request cut off by a spot termination was sent through its route again."),
            java.util.Map.entry("Lost (spot termination)", "Requests cut off by a spot termination with on_interrupt: lose."));

    private SummaryRows() {
    }

    /** What the key figure labelled {@code metric} means, or null for rows without a fixed meaning. */
    static String describe(String metric) {
        return DESCRIPTIONS.get(metric);
    }

    static List<SummaryRow> keyFigures(Summary s) {
        List<SummaryRow> rows = new ArrayList<>();
        rows.add(row(s, "Requests", "requests", "", 1, 0));
        rows.add(row(s, "Completed", "completed", "", 1, 0));
        rows.add(row(s, "Dropped", "dropped", "", 1, 0));
        rows.add(row(s, "Throughput", "throughput_per_s", "req/s", 1, 3));
        rows.add(row(s, "Utilization", "utilization", "%", 100, 2));
        rows.add(row(s, "Queue length (time avg)", "queue_length.mean", "requests", 1, 3));
        rows.add(row(s, "Queue length (max)", "queue_length.max", "requests", 1, 0));
        rows.add(row(s, "Requests that waited", "p_wait", "%", 100, 2));
        // Fleet figures: only what the run reports (older results and hand-made summaries lack them).
        optional(rows, s, "Cost (total)", "cost_usd.total", "USD", 1, 2);
        optional(rows, s, "Cost per 1,000 requests", "cost_usd.per_1k_requests", "USD", 1, 4);
        optional(rows, s, "Cost per hour", "cost_usd.per_hour", "USD/h", 1, 3);
        optional(rows, s, "Idle share of cost", "cost_usd.idle_share", "%", 100, 1);
        optional(rows, s, "Cold starts", "cold_starts.count", "", 1, COUNT);
        optional(rows, s, "Waited for a cold start", "cold_starts.share_of_requests", "%", 100, 3);
        optional(rows, s, "Interruptions", "interruptions", "", 1, COUNT);
        optional(rows, s, "Retried", "retried", "", 1, COUNT);
        optional(rows, s, "Lost (spot termination)", "lost", "", 1, COUNT);
        for (String c : names(s, "classes.", ".requests")) {
            String k = "classes." + c + ".";
            optional(rows, s, "Class " + c + ": requests", k + "requests", "", 1, COUNT);
            optional(rows, s, "Class " + c + ": p99 latency", k + "latency_ms.p99", "ms", 1, MS);
            optional(rows, s, "Class " + c + ": within SLO", k + "slo_attainment", "%", 100, 2);
        }
        return rows;
    }

    /**
     * For a twin (a scenario with observed figures): one row per compared figure, labelled with the
     * observed value; the value is the simulated figure's relative error and whether the target is met.
     */
    static List<SummaryRow> twinCheck(frontier.scenario.Observed observed, Summary s) {
        List<SummaryRow> rows = new ArrayList<>();
        for (frontier.scenario.TwinComparison.Row r : frontier.scenario.TwinComparison.compare(observed, s)) {
            // Short enough for the table's columns: what was observed in the label, the twin's deviation as the value.
            String label = String.format(java.util.Locale.US, "Observed %s %,.0f", r.metric().replace("latency ", "").replace("requests", "reqs"), r.observed());
            String target = Double.isNaN(r.target()) ? "" : String.format(java.util.Locale.US, " (%s ±%.0f%%)", r.withinTarget() ? "met" : "MISSED",
                    100 * r.target());
            String value = String.format(java.util.Locale.US, "%+.1f%%%s", 100 * r.relativeError(), target);
            rows.add(new SummaryRow(label, value, r.unit(), r.simulated(), r.halfWidth95()));
        }
        return rows;
    }

    /**
     * The cost table: totals, then per pool its total, its cost by state (states with a cost only) and
     * its instance figures. Empty when the run reports no cost.
     */
    static List<CostRow> costRows(Summary s) {
        List<CostRow> rows = new ArrayList<>();
        if (!s.mean().containsKey("cost_usd.total")) return rows;
        double total = s.metric("cost_usd.total");
        rows.add(cost(s, "Total", "cost_usd.total", "USD", 1, 2, total > 0 ? "100 %" : "", true));
        rows.add(cost(s, "Per 1,000 requests", "cost_usd.per_1k_requests", "USD", 1, 4, "", false));
        rows.add(cost(s, "Per hour", "cost_usd.per_hour", "USD/h", 1, 3, "", false));
        rows.add(cost(s, "Idle, starting, draining", "cost_usd.idle_share", "%", 100, 1, "", false));
        for (String pool : names(s, "cost_usd.by_pool.", ".total")) {
            double poolTotal = s.metric("cost_usd.by_pool." + pool + ".total");
            rows.add(cost(s, "Pool " + pool, "cost_usd.by_pool." + pool + ".total", "USD", 1, 2, share(poolTotal, total), true));
            for (CostChart.State state : CostChart.State.values()) {
                String path = state.path(pool);
                if (!s.mean().containsKey(path) || s.metric(path) == 0) continue;
                rows.add(cost(s, INDENT + state.label, path, "USD", 1, 2, share(s.metric(path), poolTotal), false));
            }
            String k = "pools." + pool + ".";
            optionalCost(rows, s, INDENT + "instances (mean)", k + "instances.mean", "", 1, 2);
            optionalCost(rows, s, INDENT + "utilization", k + "utilization", "%", 100, 1);
            optionalCost(rows, s, INDENT + "completed", k + "completed", "", 1, COUNT);
            // Zero for most pool types; shown where they happened.
            if (s.mean().getOrDefault(k + "cold_starts", 0.0) > 0) optionalCost(rows, s, INDENT + "cold starts", k + "cold_starts", "", 1, COUNT);
            if (s.mean().getOrDefault(k + "interruptions", 0.0) > 0) optionalCost(rows, s, INDENT + "interruptions", k + "interruptions", "", 1, COUNT);
        }
        return rows;
    }

    /**
     * The names between {@code prefix} and {@code suffix} among the metric paths, in the run's order
     * (pool or class names; these never contain a dot).
     */
    static List<String> names(Summary s, String prefix, String suffix) {
        return s.mean().keySet().stream().filter(k -> k.startsWith(prefix) && k.endsWith(suffix) && k.length() > prefix.length() + suffix.length())
                .map(k -> k.substring(prefix.length(), k.length() - suffix.length()))
                .filter(n -> n.matches("[A-Za-z0-9_-]+")).distinct().toList();
    }

    static List<PercentileRow> percentiles(Summary s) {
        List<PercentileRow> rows = new ArrayList<>();
        for (String[] stat : STATISTICS) {
            rows.add(new PercentileRow(stat[0], ms(s, "latency_ms." + stat[1]), ms(s, "wait_ms." + stat[1]),
                    ms(s, "service_ms." + stat[1])));
        }
        return rows;
    }

    private static SummaryRow row(Summary s, String label, String path, String unit, double scale, int decimals) {
        double mean = s.metric(path) * scale;
        double hw = s.halfWidth(path) * scale;
        return new SummaryRow(label, Formats.withHalfWidth(mean, hw, decimals(mean, decimals)), unit, mean, hw);
    }

    private static void optional(List<SummaryRow> rows, Summary s, String label, String path, String unit, double scale, int decimals) {
        if (s.mean().containsKey(path)) rows.add(row(s, label, path, unit, scale, decimals));
    }

    private static CostRow cost(Summary s, String label, String path, String unit, double scale, int decimals, String share,
                                boolean heading) {
        double mean = s.metric(path) * scale;
        double hw = s.halfWidth(path) * scale;
        return new CostRow(label, Formats.withHalfWidth(mean, hw, decimals(mean, decimals)), unit, share, mean, heading);
    }

    private static void optionalCost(List<CostRow> rows, Summary s, String label, String path, String unit, double scale, int decimals) {
        if (s.mean().containsKey(path)) rows.add(cost(s, label, path, unit, scale, decimals, "", false));
    }

    private static String share(double part, double whole) {
        double pct = CostChart.share(part, whole);
        return Double.isNaN(pct) ? "" : Formats.number(pct, 1) + " %";
    }

    /** Resolves the {@link #COUNT} and {@link #MS} placeholders for a value. */
    private static int decimals(double mean, int decimals) {
        if (decimals == COUNT) return mean == Math.rint(mean) || Math.abs(mean) >= 1000 ? 0 : 1;
        if (decimals == MS) return Formats.msDecimals(mean);
        return decimals;
    }

    private static String ms(Summary s, String path) {
        double v = s.metric(path);
        return Formats.withHalfWidth(v, s.halfWidth(path), Formats.msDecimals(v));
    }
}
