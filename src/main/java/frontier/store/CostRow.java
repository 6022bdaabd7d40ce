package frontier.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * One group's totals: exact sums of the rows' billed and effective cost (null when no row of the group
 * carries that figure, e.g. effective cost from an Azure actual-cost export).
 *
 * @param keys one value per dimension of the query, in order (null where the export left it empty)
 */
public record CostRow(List<String> keys, String currency, BigDecimal billed, BigDecimal effective, long rows) {
}
