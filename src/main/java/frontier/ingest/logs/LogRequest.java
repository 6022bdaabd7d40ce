package frontier.ingest.logs;

/**
 * One request of a log, normalised.
 *
 * @param start        arrival (request start), epoch seconds UTC
 * @param latencyMs    duration in milliseconds, NaN when the log has none
 * @param status       the raw status value, null when absent
 * @param inputTokens  -1 when absent ({@link #NO_TOKENS})
 * @param outputTokens -1 when absent
 * @param ttftMs       time to first token in milliseconds, NaN when the log has none
 * @param attrs        the unmapped fields as a JSON object, null when none (or dropped)
 */
public record LogRequest(
        String model,
        String endpoint,
        double start,
        double latencyMs,
        boolean ok,
        String status,
        long inputTokens,
        long outputTokens,
        double ttftMs,
        String attrs) {
    public static final long NO_TOKENS = -1;
}
