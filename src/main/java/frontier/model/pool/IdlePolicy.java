package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which idle instance takes the next request. */
public enum IdlePolicy {
    NEWEST_FIRST("newest_first"), OLDEST_FIRST("oldest_first"), RANDOM("random");

    private final String label;

    IdlePolicy(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
