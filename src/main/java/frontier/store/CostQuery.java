package frontier.store;

import java.util.Arrays;
import java.util.List;

/**
 * Which totals to compute: grouped by {@code by} (and always by currency, never adding two currencies),
 * over charges whose period starts in [from, to) (epoch s; null for unbounded).
 */
public record CostQuery(List<Grouping> by, Long from, Long to) {
    public CostQuery {
        by = List.copyOf(by);
    }

    public static CostQuery of(Dimension... dims) {
        return new CostQuery(Arrays.stream(dims).map(Grouping::of).toList(), null, null);
    }
}
