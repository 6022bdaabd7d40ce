package frontier.ingest.logs;

import frontier.domain.Coded;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a log's timestamp column is written; {@link #code()} is the value of {@code timestamp_kind} in a mapping. */
public enum TimeKind implements Coded {
    ISO(
            "iso",
            0,
            "ISO-8601 date-time, 'T' or a space, up to 9 fractional digits ('.' or ','), offset optional (none = UTC)"),
    EPOCH_S("epoch_s", 1, "seconds since 1970-01-01T00:00Z"),
    EPOCH_MS("epoch_ms", 1e-3, "milliseconds since 1970-01-01T00:00Z"),
    EPOCH_US("epoch_us", 1e-6, "microseconds since 1970-01-01T00:00Z"),
    EPOCH_NS("epoch_ns", 1e-9, "nanoseconds since 1970-01-01T00:00Z"),
    SINCE_START_S("since_start_s", 1, "seconds since the start of the trace (dated by --start)"),
    SINCE_START_MS("since_start_ms", 1e-3, "milliseconds since the start of the trace (dated by --start)");

    private final String code;
    private final double seconds;
    private final String description;

    TimeKind(String code, double seconds, String description) {
        this.code = code;
        this.seconds = seconds;
        this.description = description;
    }

    @Override
    public String code() {
        return code;
    }

    /** Seconds per unit of a numeric kind (0 for ISO). */
    public double seconds() {
        return seconds;
    }

    public String description() {
        return description;
    }

    /** True for the kinds counted from the start of the trace, which need a start instant. */
    public boolean relative() {
        return this == SINCE_START_S || this == SINCE_START_MS;
    }

    /** The kind with this code (case, blanks and '-' for '_' ignored); BadInputException naming the codes if none. */
    public static TimeKind fromCode(String code) {
        return Coded.fromCode(TimeKind.class, code, "timestamp_kind");
    }

    /** The kind with this code (case, blanks and '-' for '_' ignored), if any. */
    public static Optional<TimeKind> find(String code) {
        return Coded.find(TimeKind.class, code);
    }

    static String codes() {
        return Arrays.stream(values()).map(TimeKind::code).collect(Collectors.joining(", "));
    }
}
