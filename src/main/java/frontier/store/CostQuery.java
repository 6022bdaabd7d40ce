package frontier.store;

import java.util.Arrays;
import java.util.List;

/**
 * Which totals to compute: grouped by {@code by} (and always by currency, never adding two currencies),
 * over charges whose period starts in [from, to) (epoch s; null for unbounded), that pass every filter
 * and contain every word of {@code search} (as {@link LineQuery} matches them).
 */
public record CostQuery(List<Grouping> by, Long from, Long to, List<CostFilter> filters, String search) {
    public CostQuery {
        by = List.copyOf(by);
        filters = filters == null ? List.of() : List.copyOf(filters);
        search = search == null ? "" : search.strip();
    }

    public CostQuery(List<Grouping> by, Long from, Long to) {
        this(by, from, to, List.of(), "");
    }

    public static CostQuery of(Dimension... dims) {
        return new CostQuery(Arrays.stream(dims).map(Grouping::of).toList(), null, null);
    }

    /** The lines these totals add up, {@code limit} from {@code offset}. */
    public LineQuery lines(long offset, int limit) {
        return new LineQuery(from, to, search, offset, limit, filters);
    }
}
