package frontier.cli;

import frontier.model.Metric;
import frontier.scenario.Summary;
import java.util.Locale;

/** The human-readable summary printed by {@code simulate} without {@code --json}. */
final class SummaryTable {
    private SummaryTable() {}

    /** Simulated against observed, one line per figure, with the target and whether it is met. */
    static String comparison(java.util.List<frontier.scenario.TwinComparison.Row> rows) {
        if (rows.isEmpty()) return "";
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%nTwin check: simulated against observed%n"));
        b.append(String.format(
                Locale.ROOT, "  %-13s %16s %16s %9s  %s%n", "", "observed", "simulated", "error", "target"));
        for (var r : rows) {
            String unit = r.unit().isEmpty() ? "" : " " + r.unit();
            String target = Double.isNaN(r.target())
                    ? "—"
                    : String.format(Locale.ROOT, "±%.0f%% %s", 100 * r.target(), r.withinTarget() ? "met" : "MISSED");
            b.append(String.format(
                    Locale.ROOT,
                    "  %-13s %16s %16s %+8.1f%%  %s%n",
                    r.metric(),
                    fmt(r.observed()) + unit,
                    fmt(r.simulated()) + unit,
                    100 * r.relativeError(),
                    target));
        }
        return b.toString();
    }

    private static String fmt(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.US, "%,.0f", v) : String.format(Locale.US, "%.1f", v);
    }

    static String format(Summary s) {
        int n = s.replications().size();
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "Scenario %s  (seed %d, %d replication%s%s)%n",
                s.scenario(),
                s.seed(),
                n,
                n == 1 ? "" : "s",
                n > 1 ? ", ± = 95% confidence half-width" : ""));
        if (s.has(Metric.BATCH_COMPLETION)) return batch(b, s);
        row(b, s, Metric.REQUESTS);
        row(b, s, Metric.COMPLETED);
        row(b, s, Metric.DROPPED);
        sub(b, s, Metric.REJECTED);
        sub(b, s, Metric.TIMED_OUT);
        row(b, s, Metric.THROUGHPUT);
        row(b, s, Metric.UTILIZATION);
        row(b, s, Metric.QUEUE_MEAN);
        row(b, s, Metric.QUEUE_MAX);
        row(b, s, Metric.P_WAIT);
        row(b, s, Metric.LOST);
        row(b, s, Metric.RETRIED);
        row(b, s, Metric.COLD_STARTS);
        sub(b, s, Metric.COLD_START_SHARE);
        row(b, s, Metric.INTERRUPTIONS);
        if (s.has(Metric.QUALITY)) row(b, s, Metric.QUALITY);
        if (s.has(Metric.CACHE_HITS)) {
            row(b, s, Metric.CACHE_HITS);
            sub(b, s, Metric.CACHE_SAVED_USD);
        }
        if (s.has(Metric.LLM_ITERATIONS)) {
            b.append(String.format(Locale.ROOT, "%nLLM engines%n"));
            row(b, s, Metric.LLM_OUTPUT_TOKENS_PER_S);
            row(b, s, Metric.LLM_GOODPUT);
            sub(b, s, Metric.LLM_GOODPUT_SHARE);
            row(b, s, Metric.LLM_BATCH_MEAN);
            row(b, s, Metric.LLM_BATCH_MAX);
            row(b, s, Metric.LLM_KV_MEAN);
            row(b, s, Metric.LLM_KV_MAX);
            row(b, s, Metric.LLM_PREEMPTIONS);
            row(b, s, Metric.LLM_ITERATIONS);
        }
        b.append(String.format(Locale.ROOT, "%nCost%n"));
        row(b, s, Metric.COST_TOTAL);
        row(b, s, Metric.COST_PER_1K);
        row(b, s, Metric.COST_PER_HOUR);
        row(b, s, Metric.IDLE_SHARE);
        if (s.has(Metric.COST_PER_1M_OUTPUT_TOKENS)) row(b, s, Metric.COST_PER_1M_OUTPUT_TOKENS);
        for (String pool : s.names(Metric.POOL_COST_TOTAL)) {
            String model = s.labels().get("pools." + pool + ".model");
            String accuracy = s.labels().get("pools." + pool + ".accuracy");
            String label = model == null ? pool : pool + " (" + model + (accuracy == null ? "" : ", " + accuracy) + ")";
            row(b, s, "  " + label, Metric.POOL_COST_TOTAL, pool);
            row(b, s, "    " + Metric.POOL_INSTANCES.label(), Metric.POOL_INSTANCES, pool);
            row(b, s, "    " + Metric.POOL_UTILIZATION.label(), Metric.POOL_UTILIZATION, pool);
        }
        for (String cls : s.names(Metric.CLASS_REQUESTS)) {
            Metric p99 = Metric.CLASS_LATENCY.get(Metric.Stat.P99.ordinal());
            row(b, s, p99.labelAt(p99.at(cls)), p99, cls);
            row(
                    b,
                    s,
                    Metric.CLASS_SLO_ATTAINMENT.labelAt(Metric.CLASS_SLO_ATTAINMENT.at(cls)),
                    Metric.CLASS_SLO_ATTAINMENT,
                    cls);
        }
        if (s.has(Metric.CASCADE_ESCALATED)) cascade(b, s);
        b.append(String.format(Locale.ROOT, "%n%-10s %14s %14s %14s%n", "ms", "latency", "wait", "service"));
        for (Metric.Stat q : Metric.Stat.values()) {
            b.append(String.format(
                    Locale.ROOT,
                    "%-10s %14s %14s %14s%n",
                    q.label,
                    cell(s, Metric.LATENCY.get(q.ordinal())),
                    cell(s, Metric.WAIT.get(q.ordinal())),
                    cell(s, Metric.SERVICE.get(q.ordinal()))));
        }
        if (s.has(Metric.LLM_ITERATIONS)) {
            b.append(String.format(Locale.ROOT, "%n%-10s %14s %14s%n", "ms", "TTFT", "TPOT"));
            for (Metric.Stat q : Metric.Stat.values()) {
                b.append(String.format(
                        Locale.ROOT,
                        "%-10s %14s %14s%n",
                        q.label,
                        cell(s, Metric.TTFT.get(q.ordinal())),
                        cell(s, Metric.TPOT.get(q.ordinal()))));
            }
        }
        return b.toString();
    }

    /** The cascade: escalations, the cost of each stage, the latency of each path. */
    private static void cascade(StringBuilder b, Summary s) {
        b.append(String.format(Locale.ROOT, "%nCascade%n"));
        row(b, s, Metric.CASCADE_ESCALATED);
        sub(b, s, Metric.CASCADE_ESCALATED_SHARE);
        boolean skips = s.has(Metric.CASCADE_SKIPPED_FIRST);
        if (skips) row(b, s, Metric.CASCADE_SKIPPED_FIRST);
        row(b, s, "Cost / 1,000 req, stage 1", Metric.CASCADE_FIRST_COST, null);
        row(b, s, "Cost / 1,000 req, stage 2", Metric.CASCADE_SECOND_COST, null);
        b.append(String.format(
                Locale.ROOT,
                "%n%-10s %14s %14s %14s%s%n",
                "ms",
                "all",
                "stage 1 only",
                "escalated",
                skips ? String.format(Locale.ROOT, " %14s", "stage 2 only") : ""));
        for (Metric.Stat q : Metric.Stat.values()) {
            b.append(String.format(
                    Locale.ROOT,
                    "%-10s %14s %14s %14s%s%n",
                    q.label,
                    cell(s, Metric.LATENCY.get(q.ordinal())),
                    cell(s, Metric.CASCADE_FIRST_ONLY_LATENCY.get(q.ordinal())),
                    cell(s, Metric.CASCADE_ESCALATED_LATENCY.get(q.ordinal())),
                    skips
                            ? String.format(
                                    Locale.ROOT, " %14s", cell(s, Metric.CASCADE_SKIPPED_LATENCY.get(q.ordinal())))
                            : ""));
        }
    }

    /** A batch job: when it is done, what it costs, what interruptions took. */
    private static String batch(StringBuilder b, Summary s) {
        b.append(String.format(Locale.ROOT, "%nBatch job%n"));
        row(b, s, Metric.BATCH_COMPLETION);
        sub(b, s, Metric.BATCH_COMPLETION_P10);
        sub(b, s, Metric.BATCH_COMPLETION_P50);
        sub(b, s, Metric.BATCH_COMPLETION_P90);
        sub(b, s, Metric.BATCH_COMPLETION_MAX);
        if (s.has(Metric.BATCH_DONE_BY_DEADLINE)) row(b, s, Metric.BATCH_DONE_BY_DEADLINE);
        row(b, s, Metric.BATCH_ITEMS_PER_S);
        row(b, s, Metric.INTERRUPTIONS);
        row(b, s, Metric.BATCH_FALLBACKS);
        row(b, s, Metric.BATCH_LOST_S);
        sub(b, s, Metric.BATCH_LOST_SHARE);
        row(b, s, Metric.BATCH_CHECKPOINT_S);
        row(b, s, Metric.BATCH_RESTART_S);
        if (s.has(Metric.BATCH_LLM_ITEMS_PER_S)) {
            b.append(String.format(Locale.ROOT, "%nLLM engine of one instance, at saturation%n"));
            row(b, s, Metric.BATCH_LLM_ITEMS_PER_S);
            row(b, s, Metric.BATCH_LLM_OUTPUT_TOKENS_PER_S);
            row(b, s, Metric.BATCH_LLM_BATCH_MEAN);
            row(b, s, Metric.BATCH_LLM_EDGE_S);
        }
        b.append(String.format(Locale.ROOT, "%nCost%n"));
        row(b, s, Metric.COST_TOTAL);
        sub(b, s, Metric.BATCH_COST_SPOT);
        sub(b, s, Metric.BATCH_COST_ON_DEMAND);
        row(b, s, Metric.BATCH_COST_PER_1M_ITEMS);
        row(b, s, Metric.BATCH_INSTANCE_HOURS_SPOT);
        row(b, s, Metric.BATCH_INSTANCE_HOURS_ON_DEMAND);
        return b.toString();
    }

    private static void row(StringBuilder b, Summary s, Metric m) {
        row(b, s, m.label(), m, null);
    }

    /** A figure that details the row above it: indented, its label starting in lower case ("  rejected"). */
    private static void sub(StringBuilder b, Summary s, Metric m) {
        String l = m.label();
        boolean word = l.length() > 1 && Character.isLowerCase(l.charAt(1));
        row(b, s, "  " + (word ? Character.toLowerCase(l.charAt(0)) + l.substring(1) : l), m, null);
    }

    /** One line: the label, the mean with the metric's scale, ± the half-width, the unit. */
    private static void row(StringBuilder b, Summary s, String label, Metric m, String name) {
        String key = m.at(name);
        String v = fmt(s.metric(key), m.scale());
        double hw = s.halfWidth(key);
        if (Double.isFinite(hw)) v += " ± " + fmt(hw, Math.max(m.scale(), 2));
        b.append(String.format(Locale.ROOT, "%-26s %s %s", label, v, m.unit().symbol())
                        .stripTrailing())
                .append(System.lineSeparator());
    }

    private static String cell(Summary s, Metric m) {
        String key = m.path();
        String v = fmt(s.metric(key), m.scale());
        double hw = s.halfWidth(key);
        return Double.isFinite(hw) ? v + "±" + fmt(hw, 2) : v;
    }

    private static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) return "-";
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
