package frontier.store;

/**
 * Keeps only the cost lines whose {@code by} equals {@code value} (as text, as {@link CostRow#keys()}
 * gives it); a null value keeps the lines without one (no such tag, an empty field).
 */
public record CostFilter(Grouping by, String value) {
    public CostFilter {
        if (by == null) throw new IllegalArgumentException("a grouping to filter on");
    }

    /** The SQL condition; its parameters (a tag's JSON path, then the value) are appended to {@code args}. */
    String sql(boolean rollup, java.util.List<Object> args) {
        if (by.tag() != null) args.add(by.jsonPath());
        args.add(value);
        return "CAST(" + by.sql(rollup) + " AS TEXT) IS ?";
    }
}
