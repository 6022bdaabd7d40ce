package frontier.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;

/**
 * A class of requests (e.g. interactive, batch): its share of the traffic, its latency objective, and
 * the pool it is routed to (that pool's {@code overflow_to} takes what it cannot start).
 */
public record RequestClass(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) double share,
        Double sloMs,
        String pool) {
    public RequestClass {
        if (name == null || !name.matches("[A-Za-z0-9_-]+"))
            throw new InvalidSpecException(
                    "name", "every class needs a name of letters, digits, '-' and '_', got '" + name + "'");
        if (!(share > 0 && share <= 1))
            throw new InvalidSpecException("share", "expected a share in (0, 1], got " + share);
        if (sloMs != null) InvalidSpecException.positive("slo_ms", sloMs);
    }
}
