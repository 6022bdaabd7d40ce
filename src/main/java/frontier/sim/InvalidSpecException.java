package frontier.sim;

/**
 * A specification value is out of its allowed range. {@link #field()} names the offending field (as
 * written in scenario files) so loaders can report a full JSON path.
 */
public final class InvalidSpecException extends IllegalArgumentException {
    private final String field;

    public InvalidSpecException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Checks used by spec records' constructors; each throws with the field name and the rule. */
    public static double positive(String field, double v) {
        if (!(v > 0) || Double.isInfinite(v))
            throw new InvalidSpecException(field, "expected a finite number > 0, got " + v);
        return v;
    }

    public static double nonNegative(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v))
            throw new InvalidSpecException(field, "expected a finite number >= 0, got " + v);
        return v;
    }

    public static <T> T required(String field, T v) {
        if (v == null) throw new InvalidSpecException(field, "is required");
        return v;
    }
}
