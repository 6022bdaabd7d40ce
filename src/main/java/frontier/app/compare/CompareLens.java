package frontier.app.compare;

import frontier.scenario.alternatives.CompareMetric;
import frontier.scenario.alternatives.Comparison;
import java.util.List;

/**
 * What the chart and the report put first for one comparison: a serving fleet's cost per month and p99 latency,
 * judged on the requests it serves; a batch job's cost of the job and completion time, judged on the chance it is
 * done by the deadline (a job whose figures per month and per request do not exist).
 */
record CompareLens(
        CompareMetric cost,
        CompareMetric time,
        String costTitle,
        String savingUnit,
        List<CompareMetric> keyNumbers,
        boolean batch) {
    static final CompareLens SERVING = new CompareLens(
            CompareMetric.COST_PER_MONTH,
            CompareMetric.P99,
            "Cost per month",
            " per month",
            List.of(
                    CompareMetric.COST_PER_MONTH,
                    CompareMetric.COST_PER_1K,
                    CompareMetric.P50,
                    CompareMetric.P99,
                    CompareMetric.NOT_SERVED_SHARE),
            false);
    static final CompareLens BATCH = new CompareLens(
            CompareMetric.JOB_COST,
            CompareMetric.COMPLETION,
            "Cost of the job",
            " on the job",
            List.of(
                    CompareMetric.JOB_COST,
                    CompareMetric.COST_PER_1M_ITEMS,
                    CompareMetric.COMPLETION,
                    CompareMetric.DONE_BY_DEADLINE,
                    CompareMetric.WORK_LOST),
            true);

    static CompareLens of(Comparison c) {
        return !Double.isFinite(c.value(0, CompareMetric.COST_PER_MONTH).mean())
                        && Double.isFinite(c.value(0, CompareMetric.JOB_COST).mean())
                ? BATCH
                : SERVING;
    }

    /**
     * Whether entry {@code i} does at least what the baseline does: serves every request the baseline serves, or
     * (a batch job) is done by the deadline at least as often.
     */
    boolean keepsUp(Comparison c, int i) {
        if (!batch) return c.notServedPercent(i) <= c.notServedPercent(0) + 1e-9;
        double base = c.value(0, CompareMetric.DONE_BY_DEADLINE).mean();
        double alt = c.value(i, CompareMetric.DONE_BY_DEADLINE).mean();
        return !Double.isFinite(base) || (Double.isFinite(alt) && alt >= base - 1e-9);
    }

    /** The words shown beside entry {@code i}'s cost when it does less than the baseline, else empty. */
    String warning(Comparison c, int i) {
        if (!batch) return c.dropWarning(i);
        if (keepsUp(c, i)) return "";
        return "done by the deadline in "
                + CompareMetric.DONE_BY_DEADLINE.format(
                        c.value(i, CompareMetric.DONE_BY_DEADLINE).mean())
                + " of runs, against "
                + CompareMetric.DONE_BY_DEADLINE.format(
                        c.value(0, CompareMetric.DONE_BY_DEADLINE).mean());
    }
}
