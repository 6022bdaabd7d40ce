package frontier.model.traffic;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a timestamp column is written: numbers in seconds, milliseconds or microseconds, or ISO-8601 text. */
public enum TimeUnit {
    S("s", 1.0),
    MS("ms", 1e-3),
    US("us", 1e-6),
    ISO8601("iso8601", Double.NaN);

    private final String label;
    private final double toSeconds;

    TimeUnit(String label, double toSeconds) {
        this.label = label;
        this.toSeconds = toSeconds;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public double toSeconds() {
        return toSeconds;
    }
}
