package frontier.store;

/**
 * The requests of one UTC day of one endpoint and model, summed over the imports that hold that day.
 *
 * @param day         yyyy-MM-dd
 * @param busySeconds sum of the latencies of that day's requests
 */
public record RequestDay(
        String day,
        String endpoint,
        String model,
        long requests,
        long errors,
        long inputTokens,
        long outputTokens,
        double busySeconds) {}
