package frontier.ingest.logs;

/** The unit of a log's latency column; {@link #code()} is the value of {@code latency_unit} in a mapping. */
public enum DurationUnit {
    S("s", 1000),
    MS("ms", 1),
    US("us", 1e-3);

    private final String code;
    private final double millis;

    DurationUnit(String code, double millis) {
        this.code = code;
        this.millis = millis;
    }

    public String code() {
        return code;
    }

    /** Milliseconds per unit. */
    public double millis() {
        return millis;
    }

    /** The unit with this code, or null. */
    public static DurationUnit fromCode(String code) {
        for (DurationUnit u : values()) if (u.code.equals(code)) return u;
        return null;
    }
}
