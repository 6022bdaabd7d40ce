package frontier.scenario;

import frontier.sim.InvalidSpecException;

/**
 * What was measured on the real fleet a scenario is a twin of (written by {@code frontier calibrate}):
 * latency percentiles of the logged requests, their number, and the billed cost over the same period.
 * When a scenario carries it, a run reports simulated against observed ({@link TwinComparison}).
 * Every figure is optional.
 *
 * @param source  where the figures come from (workspace, endpoint, period), for people
 * @param costUsd billed cost attributed to the endpoint over the period, including fixed lines
 * @param fixedCostUsd part of {@code costUsd} the simulation does not model (storage, fees…), added to the simulated cost
 * @param peakKvTokens the most KV-cache tokens the logged requests held at once (prompt + output tokens of the
 *     requests in service, an upper bound), over the whole endpoint; sizes a cheaper GPU for an LLM whose model is known
 */
public record Observed(
        String source,
        Double p50Ms,
        Double p95Ms,
        Double p99Ms,
        Long requests,
        Double costUsd,
        Double fixedCostUsd,
        Long peakKvTokens) {
    public Observed {
        if (p50Ms != null) InvalidSpecException.nonNegative("p50_ms", p50Ms);
        if (p95Ms != null) InvalidSpecException.nonNegative("p95_ms", p95Ms);
        if (p99Ms != null) InvalidSpecException.nonNegative("p99_ms", p99Ms);
        if (requests != null && requests < 0)
            throw new InvalidSpecException("requests", "expected a count >= 0, got " + requests);
        if (costUsd != null) InvalidSpecException.nonNegative("cost_usd", costUsd);
        if (fixedCostUsd != null) InvalidSpecException.nonNegative("fixed_cost_usd", fixedCostUsd);
        if (peakKvTokens != null && peakKvTokens < 0)
            throw new InvalidSpecException("peak_kv_tokens", "expected a count >= 0, got " + peakKvTokens);
    }

    public Observed(
            String source,
            Double p50Ms,
            Double p95Ms,
            Double p99Ms,
            Long requests,
            Double costUsd,
            Double fixedCostUsd) {
        this(source, p50Ms, p95Ms, p99Ms, requests, costUsd, fixedCostUsd, null);
    }
}
