package frontier.store;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which cost lines to list: those whose period starts in [from, to) (epoch s; null for unbounded), that
 * pass every filter, and that contain every word of {@code search} (case-insensitive, in any text field:
 * provider, accounts, service and category, region, SKU, instance type, pricing model and charge
 * category (code or label), charge class, resource id and name, tags, currency), ordered by period
 * start, then import order; {@code limit} lines from {@code offset}.
 */
public record LineQuery(Long from, Long to, String search, long offset, int limit, List<CostFilter> filters) {
    public LineQuery {
        if (offset < 0) throw new IllegalArgumentException("offset < 0");
        if (limit < 0) throw new IllegalArgumentException("limit < 0");
        search = search == null ? "" : search.strip();
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public LineQuery(Long from, Long to, String search, long offset, int limit) {
        this(from, to, search, offset, limit, List.of());
    }

    /** The lowercase words of the search text. */
    public List<String> words() {
        if (search.isEmpty()) return List.of();
        return Arrays.stream(search.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }
}
