package frontier.app.simulate;

import frontier.model.Metric;
import frontier.scenario.Summary;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Summary} into the rows of the result tables (key figures, percentiles, cost). Labels,
 * tooltips, units and decimals come from the metric catalogue ({@link Metric}); ratios are shown as
 * percentages, counts averaged over replications keep one decimal when they are not whole, and times in
 * milliseconds about four significant digits.
 */
final class SummaryRows {
    private static final String INDENT = "      ";
    /** Hours in an average month (365 × 24 / 12): what a monthly figure is scaled to, as cloud price pages do. */
    static final double HOURS_PER_MONTH = 730;

    static final String PER_MONTH = "Cost per month";
    static final String PER_MONTH_DESCRIPTION =
            "The cost per hour of the observation window times 730 hours (an average month): "
                    + "what this fleet would cost in a month of the simulated traffic. The total above is for the simulated span only.";

    /** The cost per month: the cost per hour (mean and half-width) times {@link #HOURS_PER_MONTH}. */
    private static Shown perMonth(Summary s) {
        double mean = s.metric(Metric.COST_PER_HOUR) * HOURS_PER_MONTH;
        double hw = s.halfWidth(Metric.COST_PER_HOUR.path()) * HOURS_PER_MONTH;
        return new Shown(Formats.withHalfWidth(mean, hw, 2), Metric.Unit.USD.symbol(), mean, hw);
    }

    /** "36 h" or "2.5 d" or "90 s": a simulated span (seconds) in the unit it reads best in. */
    static String span(double seconds) {
        if (seconds < 120) return Formats.number(seconds, 0) + " s";
        if (seconds < 7200) return Formats.number(seconds / 60, seconds % 60 == 0 ? 0 : 1) + " min";
        if (seconds < 3 * 86400) return Formats.number(seconds / 3600, seconds % 3600 == 0 ? 0 : 1) + " h";
        return Formats.number(seconds / 86400, seconds % 86400 == 0 ? 0 : 1) + " d";
    }

    private SummaryRows() {}

    /** A batch job's figures: completion time and its spread, the deadline, what interruptions took. */
    private static final List<Metric> BATCH_FIGURES = List.of(
            Metric.BATCH_COMPLETION,
            Metric.BATCH_COMPLETION_P10,
            Metric.BATCH_COMPLETION_P50,
            Metric.BATCH_COMPLETION_P90,
            Metric.BATCH_COMPLETION_MAX,
            Metric.BATCH_DONE_BY_DEADLINE,
            Metric.BATCH_ITEMS_PER_S,
            Metric.INTERRUPTIONS,
            Metric.BATCH_FALLBACKS,
            Metric.BATCH_LOST_S,
            Metric.BATCH_LOST_SHARE,
            Metric.BATCH_CHECKPOINT_S,
            Metric.BATCH_RESTART_S,
            Metric.BATCH_LLM_ITEMS_PER_S,
            Metric.BATCH_LLM_OUTPUT_TOKENS_PER_S,
            Metric.BATCH_LLM_BATCH_MEAN,
            Metric.BATCH_LLM_EDGE_S);

    private static final List<Metric> BATCH_COSTS = List.of(
            Metric.BATCH_COST_SPOT,
            Metric.BATCH_COST_ON_DEMAND,
            Metric.BATCH_COST_PER_1M_ITEMS,
            Metric.BATCH_INSTANCE_HOURS_SPOT,
            Metric.BATCH_INSTANCE_HOURS_ON_DEMAND);

    static List<SummaryRow> keyFigures(Summary s) {
        List<SummaryRow> rows = new ArrayList<>();
        if (s.has(Metric.BATCH_COMPLETION)) {
            for (Metric m : BATCH_FIGURES) optional(rows, s, m, m.path());
            return rows;
        }
        for (Metric m : List.of(
                Metric.REQUESTS,
                Metric.COMPLETED,
                Metric.DROPPED,
                Metric.THROUGHPUT,
                Metric.UTILIZATION,
                Metric.QUEUE_MEAN,
                Metric.QUEUE_MAX,
                Metric.P_WAIT)) {
            rows.add(row(s, m, m.path()));
        }
        // Fleet figures: only what the run reports (older results and hand-made summaries lack them).
        for (Metric m : List.of(
                Metric.COST_TOTAL,
                Metric.COST_PER_1K,
                Metric.COST_PER_HOUR,
                Metric.IDLE_SHARE,
                Metric.COLD_STARTS,
                Metric.COLD_START_SHARE,
                Metric.INTERRUPTIONS,
                Metric.RETRIED,
                Metric.LOST)) {
            optional(rows, s, m, m.path());
            if (m == Metric.COST_TOTAL && s.has(Metric.COST_PER_HOUR)) {
                Shown v = perMonth(s);
                rows.add(new SummaryRow(PER_MONTH, v.text, v.unit, v.mean, v.halfWidth, PER_MONTH_DESCRIPTION));
            }
        }
        // LLM engines: only when a pool's model is llm_engine.
        Metric.Stat[] stats = {Metric.Stat.P50, Metric.Stat.P99};
        for (Metric.Stat q : stats)
            optional(
                    rows,
                    s,
                    Metric.TTFT.get(q.ordinal()),
                    Metric.TTFT.get(q.ordinal()).path());
        for (Metric.Stat q : stats)
            optional(
                    rows,
                    s,
                    Metric.TPOT.get(q.ordinal()),
                    Metric.TPOT.get(q.ordinal()).path());
        for (Metric m : List.of(
                Metric.LLM_OUTPUT_TOKENS_PER_S,
                Metric.LLM_GOODPUT,
                Metric.LLM_GOODPUT_SHARE,
                Metric.LLM_BATCH_MEAN,
                Metric.LLM_KV_MEAN,
                Metric.LLM_PREEMPTIONS,
                Metric.COST_PER_1M_OUTPUT_TOKENS)) {
            optional(rows, s, m, m.path());
        }
        // Quality (when every pool's model has one) and a cascade: escalations, each stage's cost, each path's p95 and
        // p99.
        optional(rows, s, Metric.QUALITY, Metric.QUALITY.path());
        for (Metric m : List.of(
                Metric.CASCADE_ESCALATED,
                Metric.CASCADE_ESCALATED_SHARE,
                Metric.CASCADE_SKIPPED_FIRST,
                Metric.CASCADE_FIRST_COST,
                Metric.CASCADE_SECOND_COST)) {
            optional(rows, s, m, m.path());
        }
        for (List<Metric> path : List.of(
                Metric.CASCADE_FIRST_ONLY_LATENCY, Metric.CASCADE_ESCALATED_LATENCY, Metric.CASCADE_SKIPPED_LATENCY)) {
            for (Metric.Stat q : new Metric.Stat[] {Metric.Stat.P95, Metric.Stat.P99})
                optional(rows, s, path.get(q.ordinal()), path.get(q.ordinal()).path());
        }
        Metric p99 = Metric.CLASS_LATENCY.get(Metric.Stat.P99.ordinal());
        for (String c : s.names(Metric.CLASS_REQUESTS)) {
            for (Metric m : List.of(Metric.CLASS_REQUESTS, p99, Metric.CLASS_SLO_ATTAINMENT))
                optional(rows, s, m, m.at(c));
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
            String label = String.format(
                    java.util.Locale.US,
                    "Observed %s %,.0f",
                    r.metric().replace("latency ", "").replace("requests", "reqs"),
                    r.observed());
            String target = Double.isNaN(r.target())
                    ? ""
                    : String.format(
                            java.util.Locale.US,
                            " (%s ±%.0f%%)",
                            r.withinTarget() ? "met" : "MISSED",
                            100 * r.target());
            String value = String.format(java.util.Locale.US, "%+.1f%%%s", 100 * r.relativeError(), target);
            rows.add(new SummaryRow(
                    label,
                    value,
                    r.unit(),
                    r.simulated(),
                    r.halfWidth95(),
                    r.simulatedBy().description()));
        }
        return rows;
    }

    /**
     * The cost table: totals, then per pool its total, its cost by state (states with a cost only) and
     * its instance figures. Empty when the run reports no cost.
     */
    static List<CostRow> costRows(Summary s) {
        List<CostRow> rows = new ArrayList<>();
        if (!s.has(Metric.COST_TOTAL)) return rows;
        double total = s.metric(Metric.COST_TOTAL);
        rows.add(cost(s, Metric.COST_TOTAL.label(), Metric.COST_TOTAL.path(), total > 0 ? "100 %" : "", true));
        if (s.has(Metric.COST_PER_HOUR)) {
            Shown v = perMonth(s);
            rows.add(new CostRow(PER_MONTH, v.text, v.unit, "", v.mean, false));
        }
        if (s.has(Metric.BATCH_COMPLETION)) {
            for (Metric m : BATCH_COSTS) {
                rows.add(cost(
                        s,
                        INDENT + m.label(),
                        m.path(),
                        m.kind() == Metric.Kind.MONEY && m != Metric.BATCH_COST_PER_1M_ITEMS
                                ? share(s.metric(m), total)
                                : "",
                        false));
            }
            return rows;
        }
        for (Metric m : List.of(Metric.COST_PER_1K, Metric.COST_PER_HOUR, Metric.IDLE_SHARE))
            rows.add(cost(s, m.label(), m.path(), "", false));
        for (String pool : s.names(Metric.POOL_COST_TOTAL)) {
            double poolTotal = s.metric(Metric.POOL_COST_TOTAL.at(pool));
            rows.add(cost(s, "Pool " + pool, Metric.POOL_COST_TOTAL.at(pool), share(poolTotal, total), true));
            for (CostChart.State state : CostChart.State.values()) {
                String path = state.metric.at(pool);
                if (!s.has(path) || s.metric(path) == 0) continue;
                rows.add(cost(s, INDENT + state.metric.label(), path, share(s.metric(path), poolTotal), false));
            }
            for (Metric m : List.of(Metric.POOL_INSTANCES, Metric.POOL_UTILIZATION, Metric.POOL_COMPLETED)) {
                if (s.has(m.at(pool))) rows.add(cost(s, INDENT + m.label(), m.at(pool), "", false));
            }
            // Zero for most pool types; shown where they happened.
            for (Metric m : List.of(Metric.POOL_COLD_STARTS, Metric.POOL_INTERRUPTIONS)) {
                if (s.mean().getOrDefault(m.at(pool), 0.0) > 0)
                    rows.add(cost(s, INDENT + m.label(), m.at(pool), "", false));
            }
        }
        return rows;
    }

    static List<PercentileRow> percentiles(Summary s) {
        List<PercentileRow> rows = new ArrayList<>();
        if (!s.has(Metric.LATENCY_MEAN)) return rows; // a batch job has no requests
        for (Metric.Stat stat : Metric.Stat.values()) {
            int i = stat.ordinal();
            rows.add(new PercentileRow(
                    stat.label,
                    ms(s, Metric.LATENCY.get(i).path()),
                    ms(s, Metric.WAIT.get(i).path()),
                    ms(s, Metric.SERVICE.get(i).path())));
        }
        return rows;
    }

    /** A key figure: the path's label (qualified for a pool or class), value in the shown unit, the metric's description. */
    private static SummaryRow row(Summary s, Metric m, String path) {
        Shown v = shown(s, m, path);
        return new SummaryRow(m.labelAt(path), v.text, v.unit, v.mean, v.halfWidth, m.description());
    }

    private static void optional(List<SummaryRow> rows, Summary s, Metric m, String path) {
        if (s.has(path)) rows.add(row(s, m, path));
    }

    private static CostRow cost(Summary s, String label, String path, String share, boolean heading) {
        Metric m = Metric.find(path).orElseThrow();
        Shown v = shown(s, m, path);
        return new CostRow(label, v.text, v.unit, share, v.mean, heading);
    }

    /** A value as shown: a ratio in percent, otherwise in the metric's unit. */
    private record Shown(String text, String unit, double mean, double halfWidth) {}

    private static Shown shown(Summary s, Metric m, String path) {
        boolean percent = m.kind() == Metric.Kind.RATIO;
        double scale = percent ? 100 : 1;
        double mean = s.metric(path) * scale;
        double hw = s.halfWidth(path) * scale;
        if (m.unit() == Metric.Unit.MS && Math.abs(mean) >= 1000) {
            // A long latency reads in seconds; the mean kept is still in the metric's unit.
            return new Shown(
                    Formats.withHalfWidth(mean / 1000, hw / 1000, Formats.secondsDecimals(mean / 1000)),
                    "s",
                    mean / 1000,
                    hw / 1000);
        }
        int decimals =
                switch (m.kind()) {
                    case COUNT -> mean == Math.rint(mean) || Math.abs(mean) >= 1000 ? 0 : 1;
                    case RATIO -> Math.max(0, m.scale() - 2);
                    default -> m.unit() == Metric.Unit.MS ? Formats.msDecimals(mean) : m.scale();
                };
        return new Shown(
                Formats.withHalfWidth(mean, hw, decimals),
                percent ? "%" : m.unit().symbol(),
                mean,
                hw);
    }

    private static String share(double part, double whole) {
        double pct = CostChart.share(part, whole);
        return Double.isNaN(pct) ? "" : Formats.number(pct, 1) + " %";
    }

    /** A latency with its unit: milliseconds below one second, seconds above ({@link Formats#duration}). */
    private static String ms(Summary s, String path) {
        return Formats.duration(s.metric(path), s.halfWidth(path));
    }
}
