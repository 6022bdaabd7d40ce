package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which idle instance takes the next request: {@code newest_first} the one freed most recently (a stack of
 * idle instances, what AWS Lambda is observed to do: the busiest instances stay warm, the rest expire),
 * {@code newest_created} the one launched most recently (SimFaaS's rule, and platforms that route to the
 * youngest instance), {@code oldest_first} the one freed longest ago (a queue: spreads work, keeps more
 * instances alive), {@code random}.
 */
public enum IdlePolicy {
    NEWEST_FIRST("newest_first"),
    NEWEST_CREATED("newest_created"),
    OLDEST_FIRST("oldest_first"),
    RANDOM("random");

    private final String label;

    IdlePolicy(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
