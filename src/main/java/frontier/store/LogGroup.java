package frontier.store;

/**
 * Totals of the requests of one endpoint and model over all imports.
 *
 * @param busySeconds sum of the latencies (requests without one add nothing)
 * @param firstDay    first day (yyyy-MM-dd, UTC) with requests
 * @param lastDay     last day with requests
 */
public record LogGroup(
        String endpoint,
        String model,
        long requests,
        long errors,
        long inputTokens,
        long outputTokens,
        double busySeconds,
        String firstDay,
        String lastDay) {}
