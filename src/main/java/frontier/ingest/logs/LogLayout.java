package frontier.ingest.logs;

import frontier.domain.Coded;
import java.util.Optional;

/** How the records of a log file are laid out; {@link #code()} is the value of {@code layout} in a stored mapping. */
public enum LogLayout implements Coded {
    CSV("csv", "CSV with a header line"),
    JSONL("jsonl", "JSON Lines, one object per request; nested objects flattened to dotted keys"),
    OTEL_SPANS(
            "otel_spans",
            "JSON Lines of OpenTelemetry spans (OTLP export requests or one span per line); only gen_ai spans are requests"),
    TORCHSERVE("torchserve_access_log", "TorchServe access log text, one request per line"),
    PER_MINUTE(
            "per_minute_counts",
            "CSV of invocation counts per function and minute (columns 1..1440), spread into arrivals");

    private final String code;
    private final String description;

    LogLayout(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String code() {
        return code;
    }

    public String description() {
        return description;
    }

    /** The layout with this code (case, blanks and '-' for '_' ignored); BadInputException naming the codes if none. */
    public static LogLayout fromCode(String code) {
        return Coded.fromCode(LogLayout.class, code, "layout");
    }

    /** The layout with this code (case, blanks and '-' for '_' ignored), if any. */
    public static Optional<LogLayout> find(String code) {
        return Coded.find(LogLayout.class, code);
    }

    /** True when records come from JSON (keys are matched exactly and may be absent from a record). */
    boolean json() {
        return this == JSONL || this == OTEL_SPANS;
    }
}
