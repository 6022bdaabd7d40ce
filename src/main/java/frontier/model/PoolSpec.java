package frontier.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * A pool of {@code servers} identical servers in front of one FIFO queue.
 *
 * @param queueCapacity maximum number of waiting requests (not counting those in service); arrivals to a
 *                      full queue are rejected. Null means unbounded.
 * @param timeoutS      a request that has waited this long in the queue gives up and is dropped;
 *                      once in service it completes. Null means no timeout.
 */
public record PoolSpec(
        String name,
        @JsonProperty(required = true) int servers,
        Distribution service,
        Integer queueCapacity,
        Double timeoutS) {
    public PoolSpec {
        if (name == null || name.isBlank()) name = "pool";
        if (servers < 1) throw new InvalidSpecException("servers", "expected an integer >= 1, got " + servers);
        InvalidSpecException.required("service", service);
        if (queueCapacity != null && queueCapacity < 0) {
            throw new InvalidSpecException(
                    "queue_capacity",
                    "expected an integer >= 0 (or leave it out for an unbounded queue), got " + queueCapacity);
        }
        if (timeoutS != null) InvalidSpecException.positive("timeout_s", timeoutS);
    }
}
