package frontier.store;

import java.math.BigDecimal;
import java.util.List;

/**
 * One group's totals: exact sums of the lines' billed, effective and list cost (each null when no line
 * of the group carries that figure, e.g. effective cost from an Azure actual-cost export, or list cost
 * of lines imported before schema version 2).
 *
 * @param keys one value per grouping of the query, in order (null where the export left it empty)
 * @param rows the number of cost lines in the group
 */
public record CostRow(List<String> keys, String currency, BigDecimal billed, BigDecimal effective, BigDecimal list, long rows) {
}
