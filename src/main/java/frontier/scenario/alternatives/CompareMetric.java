package frontier.scenario.alternatives;

import frontier.model.RunResult;
import java.util.function.ToDoubleFunction;

/**
 * The figures a comparison shows for each alternative, with their labels and units: the one place that names
 * them (cost per month is derived: the cost per hour of the observation window × {@value #HOURS_PER_MONTH}).
 * {@code lower} tells which direction is better, for colouring deltas.
 */
public enum CompareMetric {
    COST_PER_MONTH("Cost / month", "USD", true, r -> r.metric("cost_usd.per_hour") * CompareMetric.HOURS_PER_MONTH),
    COST_PER_1K("Cost / 1,000 req", "USD", true, r -> r.metric("cost_usd.per_1k_requests")),
    COST_PER_1M_TOKENS("Cost / 1M tokens", "USD", true, r -> r.metrics().getOrDefault("cost_usd.per_1m_tokens", Double.NaN)),
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
    COST_PER_SPAN("Cost of the simulated span", "USD", true, r -> r.metric("cost_usd.total"));

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

    /** The label with its unit: "Cost / month (USD)". */
    public String heading() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}
