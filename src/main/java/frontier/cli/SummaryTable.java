package frontier.cli;

import frontier.scenario.Summary;
import java.util.Locale;

/** The human-readable summary printed by {@code simulate} without {@code --json}. */
final class SummaryTable {
    private SummaryTable() {
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
