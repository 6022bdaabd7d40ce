package frontier.app.simulate;

/**
 * One statistic (mean, p50 … max) of the three request times, formatted in milliseconds, each with
 * "± half-width" when there are several replications.
 */
public record PercentileRow(String statistic, String latencyMs, String waitMs, String serviceMs) {
}
