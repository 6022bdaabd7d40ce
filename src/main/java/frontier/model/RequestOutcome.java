package frontier.model;

/**
 * How one request left the system, as a {@link RunListener} sees it.
 *
 * @param arrivalS     arrival time, simulated seconds from the start of the run
 * @param latencyS     seconds from arrival to leaving (for a rejection usually 0, for a time-out the wait)
 * @param serviceS     seconds of the service that completed it (its billed execution); NaN unless completed
 *                     by a pool (cache hits included: their latency)
 * @param requestClass the class's name, or null when the scenario has no classes
 * @param pool         the pool that completed, refused, timed out or lost it; null for a cache hit
 * @param model        that pool's model name; null for a cache hit
 * @param coldStart    whether it waited for an instance to start
 * @param inputTokens  its input tokens, or null when the scenario gives no input-token distribution
 * @param outputTokens its output tokens, or null when the scenario gives no output-token distribution
 */
public record RequestOutcome(
        double arrivalS,
        double latencyS,
        double serviceS,
        String requestClass,
        String pool,
        String model,
        Status status,
        boolean coldStart,
        Integer inputTokens,
        Integer outputTokens) {
    /** The four ways a request leaves, with the HTTP status a request log gives each. */
    public enum Status {
        COMPLETED(200),
        REJECTED(429),
        TIMED_OUT(504),
        LOST(503);

        private final int http;

        Status(int http) {
            this.http = http;
        }

        public int http() {
            return http;
        }
    }

    /** The same outcome without output tokens (e.g. for an endpoint that produces none). */
    public RequestOutcome withoutOutputTokens() {
        return new RequestOutcome(
                arrivalS, latencyS, serviceS, requestClass, pool, model, status, coldStart, inputTokens, null);
    }
}
