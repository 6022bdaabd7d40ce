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
    COST_PER_MONTH("Cost / month", "USD", true, r -> r.metric("cost_usd.per_hour") * CompareMetric.HOURS_PER_MONTH),
    COST_PER_1K("Cost / 1,000 req", "USD", true, r -> r.metric("cost_usd.per_1k_requests")),
    COST_PER_1M_TOKENS(
            "Cost / 1M tokens", "USD", true, r -> r.metrics().getOrDefault("cost_usd.per_1m_tokens", Double.NaN)),
    P50("p50 latency", "ms", true, r -> r.metric("latency_ms.p50")),
    P95("p95 latency", "ms", true, r -> r.metric("latency_ms.p95")),
    P99("p99 latency", "ms", true, r -> r.metric("latency_ms.p99")),
    COLD_STARTS("Cold starts", "", true, r -> r.metric("cold_starts.count")),
    INTERRUPTIONS("Interruptions", "", true, r -> r.metric("interruptions")),
    DROPPED("Dropped", "", true, r -> r.metric("dropped")),
    REJECTED("Rejected", "", true, r -> r.metric("rejected")),
    LOST("Lost (spot)", "", true, r -> r.metric("lost")),
    NOT_SERVED_SHARE("Not served", "%", true, r -> {
        double req = r.metric("requests");
        return req > 0 ? 100 * (r.metric("dropped") + r.metric("lost")) / req : 0;
    }),
    COST_PER_SPAN("Cost of the simulated span", "USD", true, r -> r.metric("cost_usd.total")),
    /** The mean quality figure of the models that answered (only when every pool's model has one); higher is better. */
    QUALITY("Quality", "", false, r -> r.metrics().getOrDefault("quality.mean", Double.NaN));

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
