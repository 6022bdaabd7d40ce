package frontier.scenario.alternatives;

import frontier.model.RunResult;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The figures a comparison shows for each alternative, with their labels and units: the one place that names
 * them (cost per month is derived: the cost per hour of the observation window × {@value #HOURS_PER_MONTH}).
 * {@code lower} tells which direction is better, for colouring deltas.
 */
public enum CompareMetric {
    COST_PER_MONTH("Cost / month", "USD", true, r -> serving(r, "cost_usd.per_hour") * CompareMetric.HOURS_PER_MONTH),
    COST_PER_1K("Cost / 1,000 req", "USD", true, r -> serving(r, "cost_usd.per_1k_requests")),
    COST_PER_1M_TOKENS(
            "Cost / 1M tokens", "USD", true, r -> r.metrics().getOrDefault("cost_usd.per_1m_tokens", Double.NaN)),
    P50("p50 latency", "ms", true, r -> serving(r, "latency_ms.p50")),
    P95("p95 latency", "ms", true, r -> serving(r, "latency_ms.p95")),
    P99("p99 latency", "ms", true, r -> serving(r, "latency_ms.p99")),
    COLD_STARTS("Cold starts", "", true, r -> serving(r, "cold_starts.count")),
    INTERRUPTIONS("Interruptions", "", true, r -> r.metrics().getOrDefault("interruptions", Double.NaN)),
    DROPPED("Dropped", "", true, r -> serving(r, "dropped")),
    REJECTED("Rejected", "", true, r -> serving(r, "rejected")),
    LOST("Lost (spot)", "", true, r -> serving(r, "lost")),
    NOT_SERVED_SHARE("Not served", "%", true, r -> {
        double req = serving(r, "requests");
        return req > 0 ? 100 * (r.metric("dropped") + r.metric("lost")) / req : req == 0 ? 0 : Double.NaN;
    }),
    COST_PER_SPAN("Cost of the simulated span", "USD", true, r -> serving(r, "cost_usd.total")),
    /** The mean quality figure of the models that answered (only when every pool's model has one); higher is better. */
    QUALITY("Quality", "", false, r -> r.metrics().getOrDefault("quality.mean", Double.NaN)),
    // A batch job (NaN for a serving fleet, whose figures above are NaN for a batch job).
    COMPLETION("Completion time", "s", true, r -> batch(r, "batch.completion_s.mean")),
    /** Per replication 100 (done by the deadline) or 0: its mean over replications is P(done by the deadline), in percent. */
    DONE_BY_DEADLINE("Done by the deadline", "%", false, r -> 100 * batch(r, "batch.done_by_deadline")),
    JOB_COST("Cost of the job", "USD", true, r -> batch(r, "cost_usd.total")),
    COST_PER_1M_ITEMS("Cost / 1M items", "USD", true, r -> batch(r, "batch.cost_usd.per_1m_items")),
    WORK_LOST("Work lost (instance-s)", "s", true, r -> batch(r, "batch.lost_s")),
    FALLBACKS("Fallbacks to on-demand", "", true, r -> batch(r, "batch.fallbacks"));

    /** A serving fleet's figure (NaN for a batch job, which has none). */
    private static double serving(RunResult r, String path) {
        return r.metrics().containsKey("batch.completion_s.mean") ? Double.NaN : r.metric(path);
    }

    /** A batch job's figure (NaN for a serving fleet, or when the job does not measure it: no deadline). */
    private static double batch(RunResult r, String path) {
        return r.metrics().containsKey("batch.completion_s.mean")
                ? r.metrics().getOrDefault(path, Double.NaN)
                : Double.NaN;
    }

    /** Whether this figure belongs to a batch job's comparison (else to a serving fleet's; interruptions to both). */
    public boolean forBatch() {
        return ordinal() >= COMPLETION.ordinal() || this == INTERRUPTIONS;
    }

    /** Whether this figure belongs to a serving fleet's comparison. */
    public boolean forServing() {
        return ordinal() < COMPLETION.ordinal();
    }

    /** Hours in an average month (365 × 24 / 12), as the price catalogue's spot frequencies use. */
    public static final double HOURS_PER_MONTH = 730;

    public final String label;
    public final String unit;
    public final boolean lowerIsBetter;
    private final ToDoubleFunction<RunResult> value;

    CompareMetric(String label, String unit, boolean lowerIsBetter, ToDoubleFunction<RunResult> value) {
        this.label = label;
        this.unit = unit;
        this.lowerIsBetter = lowerIsBetter;
        this.value = value;
    }

    /** The value in one replication (NaN when the run does not measure it, e.g. tokens without token counts). */
    public double of(RunResult r) {
        return value.applyAsDouble(r);
    }

    /** A value with its unit as people read it: "$1,468", "$0.0123", "850 ms", "2.41 s", "3.5", "1.20%"; "–" when not measured. */
    public String format(double v) {
        if (!Double.isFinite(v)) return "–";
        return switch (unit) {
            case "USD" -> (v < 0 ? "−$" : "$") + plain(Math.abs(v));
            case "ms" ->
                Math.abs(v) >= 1000
                        ? String.format(Locale.US, "%.2f s", v / 1000).replace('-', '−')
                        : String.format(Locale.US, "%.0f ms", v).replace('-', '−');
            case "s" ->
                Math.abs(v) >= 3600
                        ? String.format(Locale.US, "%.2f h", v / 3600).replace('-', '−')
                        : String.format(Locale.US, "%.0f s", v).replace('-', '−');
            case "%" ->
                String.format(Locale.US, Math.abs(v) >= 0.1 || v == 0 ? "%.2f%%" : "%.2g%%", v)
                        .replace('-', '−');
            default -> plain(v).replace('-', '−');
        };
    }

    /** A delta with its sign: "+$734", "−120 ms", "±0" for none. */
    public String formatDelta(double d) {
        if (!Double.isFinite(d)) return "–";
        if (d == 0) return "±0";
        return (d > 0 ? "+" : "") + format(d);
    }

    /** "$1,468 ± 12", the half-width left out when it is unknown (one replication). */
    public String formatWithCi(double mean, double halfWidth) {
        if (!Double.isFinite(halfWidth) || !Double.isFinite(mean)) return format(mean);
        return format(mean) + " ± " + formatHalfWidth(mean, halfWidth);
    }

    /** A half-width, 0 when it is only floating-point noise next to the mean (fixed costs summed in another order). */
    public String formatHalfWidth(double mean, double halfWidth) {
        double hw = Math.abs(halfWidth) <= 1e-9 * Math.max(1, Math.abs(mean)) ? 0 : Math.abs(halfWidth);
        return format(hw);
    }

    private static String plain(double v) {
        double a = Math.abs(v);
        if (a == Math.rint(a) && a < 1e15) return String.format(Locale.US, "%,.0f", v);
        if (a >= 100) return String.format(Locale.US, "%,.0f", v);
        if (a >= 1) return String.format(Locale.US, "%.2f", v);
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** The label with its unit: "Cost / month (USD)". */
    public String heading() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}
