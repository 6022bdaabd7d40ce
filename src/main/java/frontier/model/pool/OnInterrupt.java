package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to requests still running when their spot instance terminates. */
public enum OnInterrupt {
    RETRY("retry"),
    LOSE("lose");

    private final String label;

    OnInterrupt(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
