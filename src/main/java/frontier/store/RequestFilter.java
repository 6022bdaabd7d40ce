package frontier.store;

/**
 * Which requests a {@link RequestCursor} reads.
 *
 * @param endpoint only this endpoint, or null for all
 * @param model    only this model, or null for all
 * @param from     only requests starting at or after this epoch second, or null
 * @param to       only requests starting before this epoch second, or null
 */
public record RequestFilter(String endpoint, String model, Double from, Double to) {
    public static final RequestFilter ALL = new RequestFilter(null, null, null, null);

    public RequestFilter {
        if (from != null && to != null && !(to > from)) throw new IllegalArgumentException("to must be after from");
    }

    public static RequestFilter of(String endpoint, String model) {
        return new RequestFilter(endpoint, model, null, null);
    }
}
