package frontier.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cascade (lazy evaluation): requests routed to the {@code first} pool (a small, cheap model) are served there,
 * and a share of them is then sent on to the {@code second} pool (the full model), which answers them instead.
 * Which ones escalate: with {@code probability} p, or when a {@code score} drawn per request (a confidence, from any
 * distribution) is below {@code threshold}, or by request class ({@code classes}: {@code escalate} always,
 * {@code first_only} never, {@code skip_first} straight to the second pool). An escalated request's latency is its
 * time in both stages, queues included. Requests the first pool passes to its {@code overflow_to} pool are answered
 * there and do not escalate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CascadeSpec(
        @JsonProperty(required = true) String first,
        @JsonProperty(required = true) String second,
        Double probability,
        Distribution score,
        Double threshold,
        Map<String, Route> classes) {
    /** What a request class does in the cascade, overriding the rule. */
    public enum Route {
        /** Always passed on to the second pool after the first. */
        ESCALATE("escalate"),
        /** Answered by the first pool, never escalated. */
        FIRST_ONLY("first_only"),
        /** Sent straight to the second pool. */
        SKIP_FIRST("skip_first");

        private final String code;

        Route(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    public CascadeSpec {
        if (first == null || first.isBlank())
            throw new InvalidSpecException(
                    "first", "expected the name of the pool that serves every request first (the small model)");
        if (second == null || second.isBlank())
            throw new InvalidSpecException(
                    "second", "expected the name of the pool escalated requests go to (the full model)");
        if (first.equals(second))
            throw new InvalidSpecException(
                    "second", "the second pool must differ from the first, both are '" + first + "'");
        boolean byScore = score != null || threshold != null;
        if (probability != null && byScore) {
            throw new InvalidSpecException(
                    "probability",
                    "give either 'probability' (escalate a share p) or 'score' and 'threshold' (escalate when a drawn score is below the threshold), not both");
        }
        if (probability == null && !byScore) {
            throw new InvalidSpecException(
                    "probability",
                    "give the escalation rule: 'probability' (the share p sent on to the second pool) or 'score' (a distribution of"
                            + " confidence scores) and 'threshold' (escalate below it)");
        }
        if (probability != null && !(probability >= 0 && probability <= 1)) {
            throw new InvalidSpecException("probability", "expected a probability in [0, 1], got " + probability);
        }
        if (byScore && score == null)
            throw new InvalidSpecException(
                    "score", "a 'threshold' needs a 'score': the distribution of each request's confidence score");
        if (byScore && threshold == null)
            throw new InvalidSpecException(
                    "threshold", "a 'score' needs a 'threshold': requests whose score is below it escalate");
        if (threshold != null && !Double.isFinite(threshold))
            throw new InvalidSpecException("threshold", "expected a finite number, got " + threshold);
        classes = classes == null || classes.isEmpty()
                ? null
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        if (classes != null) {
            for (Map.Entry<String, Route> e : classes.entrySet()) {
                if (e.getValue() == null)
                    throw new InvalidSpecException(
                            "classes." + e.getKey(), "expected one of escalate, first_only, skip_first");
            }
        }
    }

    /** The route of a class ({@code null}: the escalation rule decides). */
    public Route routeOf(String className) {
        return classes == null || className == null ? null : classes.get(className);
    }
}
