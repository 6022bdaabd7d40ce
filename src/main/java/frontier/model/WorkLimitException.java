package frontier.model;

import frontier.sim.BadInputException;

/**
 * A simulation refused or stopped because it would not finish within the {@link WorkLimits}: too many events,
 * instances or slots, or a queue growing without bound. {@link #field()} is the JSON path of the field to change
 * (e.g. {@code $.run.duration_s}), also at the start of the message.
 */
public final class WorkLimitException extends BadInputException {
    private final String field;
    private final String detail;

    public WorkLimitException(String field, String detail) {
        super(field + ": " + detail);
        this.field = field;
        this.detail = detail;
    }

    /** JSON path of the field to change, such as {@code $.run.duration_s} or {@code $.pools[1]}. */
    public String field() {
        return field;
    }

    /** The message without the field. */
    public String detail() {
        return detail;
    }

    /** The same refusal with its field renamed (e.g. {@code $.pools[0]} of the simple form is {@code $.pool}). */
    public WorkLimitException withField(String newField) {
        return new WorkLimitException(newField, detail);
    }
}
