package frontier.app.simulate;

/**
 * One statistic (mean, p50 … max) of the three request times, each formatted with its unit (milliseconds
 * below one second, seconds above: "850.2 ms", "1.179 s") and "± half-width" when there are several
 * replications.
 */
public record PercentileRow(String statistic, String latencyMs, String waitMs, String serviceMs) {}
