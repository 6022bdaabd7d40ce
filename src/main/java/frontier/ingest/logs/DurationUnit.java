package frontier.ingest.logs;

import frontier.domain.Coded;
import java.util.Optional;

/** The unit of a log's latency column; {@link #code()} is the value of {@code latency_unit} in a mapping. */
public enum DurationUnit implements Coded {
    S("s", 1000),
    MS("ms", 1),
    US("us", 1e-3);

    private final String code;
    private final double millis;

    DurationUnit(String code, double millis) {
        this.code = code;
        this.millis = millis;
    }

    @Override
    public String code() {
        return code;
    }

    /** Milliseconds per unit. */
    public double millis() {
        return millis;
    }

    /** The unit with this code (case, blanks and '-' for '_' ignored); BadInputException naming the codes if none. */
    public static DurationUnit fromCode(String code) {
        return Coded.fromCode(DurationUnit.class, code, "latency_unit");
    }

    /** The unit with this code (case, blanks and '-' for '_' ignored), if any. */
    public static Optional<DurationUnit> find(String code) {
        return Coded.find(DurationUnit.class, code);
    }
}
