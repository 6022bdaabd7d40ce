package frontier.cli;

import frontier.scenario.Summary;
import java.util.Locale;

/** The human-readable summary printed by {@code simulate} without {@code --json}. */
final class SummaryTable {
    private SummaryTable() {
    }

    /** Simulated against observed, one line per figure, with the target and whether it is met. */
    static String comparison(java.util.List<frontier.scenario.TwinComparison.Row> rows) {
        if (rows.isEmpty()) return "";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nTwin check: simulated against observed%n"));
        b.append(String.format(Locale.ROOT, "  %-13s %16s %16s %9s  %s%n", "", "observed", "simulated", "error", "target"));
        for (var r : rows) {
            String unit = r.unit().isEmpty() ? "" : " " + r.unit();
            String target = Double.isNaN(r.target()) ? "—"
                    : String.format(Locale.ROOT, "±%.0f%% %s", 100 * r.target(), r.withinTarget() ? "met" : "MISSED");
            b.append(String.format(Locale.ROOT, "  %-13s %16s %16s %+8.1f%%  %s%n", r.metric(), fmt(r.observed()) + unit, fmt(r.simulated()) + unit,
                    100 * r.relativeError(), target));
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.US, "%,.0f", v) : String.format(Locale.US, "%.1f", v);
    }

    static String format(Summary s) {
        int n = s.replications().size();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Scenario %s  (seed %d, %d replication%s%s)%n", s.scenario(), s.seed(), n,
                n == 1 ? "" : "s", n > 1 ? ", ± = 95% confidence half-width" : ""));
        row(b, s, "Requests", "requests", "", 0);
        row(b, s, "Completed", "completed", "", 0);
        row(b, s, "Dropped", "dropped", "", 0);
        row(b, s, "  rejected (queue full)", "rejected", "", 0);
        row(b, s, "  timed out in queue", "timed_out", "", 0);
        row(b, s, "Throughput", "throughput_per_s", "req/s", 3);
        row(b, s, "Utilization", "utilization", "", 4);
        row(b, s, "Queue length (time avg)", "queue_length.mean", "", 3);
        row(b, s, "Queue length (max)", "queue_length.max", "", 0);
        row(b, s, "P(wait > 0)", "p_wait", "", 4);
        row(b, s, "Lost (spot termination)", "lost", "", 0);
        row(b, s, "Retried", "retried", "", 0);
        row(b, s, "Cold starts", "cold_starts.count", "", 0);
        row(b, s, "  share of requests", "cold_starts.share_of_requests", "", 4);
        row(b, s, "Interruptions", "interruptions", "", 0);
        if (s.mean().containsKey("cache.hits")) {
            row(b, s, "Cache hits", "cache.hits", "", 0);
            row(b, s, "  saved (USD)", "cache.saved_usd", "", 2);
        }
        b.append(String.format(Locale.ROOT, "%nCost (USD)%n"));
        row(b, s, "Total", "cost_usd.total", "", 2);
        row(b, s, "Per 1,000 requests", "cost_usd.per_1k_requests", "", 4);
        row(b, s, "Per hour", "cost_usd.per_hour", "", 3);
        row(b, s, "Idle share", "cost_usd.idle_share", "", 3);
        for (String pool : names(s, "cost_usd.by_pool.", ".total")) {
            String model = s.labels().get("pools." + pool + ".model");
            String accuracy = s.labels().get("pools." + pool + ".accuracy");
            String label = model == null ? pool : pool + " (" + model + (accuracy == null ? "" : ", " + accuracy) + ")";
            row(b, s, "  " + label, "cost_usd.by_pool." + pool + ".total", "", 2);
            row(b, s, "    instances (mean)", "pools." + pool + ".instances.mean", "", 2);
            row(b, s, "    utilization", "pools." + pool + ".utilization", "", 3);
        }
        for (String cls : names(s, "classes.", ".requests")) {
            row(b, s, "Class " + cls + ": p99 ms", "classes." + cls + ".latency_ms.p99", "", 1);
            row(b, s, "  SLO attainment", "classes." + cls + ".slo_attainment", "", 4);
        }
        b.append(String.format(Locale.ROOT, "%n%-10s %14s %14s %14s%n", "ms", "latency", "wait", "service"));
        for (String q : new String[] {"mean", "p50", "p90", "p95", "p99", "p999", "max"}) {
            b.append(String.format(Locale.ROOT, "%-10s %14s %14s %14s%n", q.equals("p999") ? "p99.9" : q,
                    cell(s, "latency_ms." + q), cell(s, "wait_ms." + q), cell(s, "service_ms." + q)));
        }
        return b.toString();
    }

    private static void row(StringBuilder b, Summary s, String label, String key, String unit, int decimals) {
        String v = fmt(s.metric(key), decimals);
        double hw = s.halfWidth(key);
        if (Double.isFinite(hw)) v += " ± " + fmt(hw, Math.max(decimals, 2));
        b.append(String.format(Locale.ROOT, "%-26s %s %s", label, v, unit).stripTrailing()).append(System.lineSeparator());
    }

    /** The names between prefix and suffix among the metric keys, e.g. pool names. */
    private static java.util.List<String> names(Summary s, String prefix, String suffix) {
        return s.mean().keySet().stream().filter(k -> k.startsWith(prefix) && k.endsWith(suffix))
                .map(k -> k.substring(prefix.length(), k.length() - suffix.length())).filter(n -> !n.contains(".")).toList();
    }

    private static String cell(Summary s, String key) {
        String v = fmt(s.metric(key), 3);
        double hw = s.halfWidth(key);
        return Double.isFinite(hw) ? v + "±" + fmt(hw, 2) : v;
    }

    private static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) return "-";
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
