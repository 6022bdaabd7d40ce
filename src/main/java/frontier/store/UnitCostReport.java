package frontier.store;

import java.util.List;

/**
 * The result of {@link UnitCosts#compute}: the groups asked for, the attributed total per currency
 * (all requests of the period, the cost rules attributed), what no rule claimed, and the rules used.
 *
 * @param defaultRules true when the workspace has no rules of its own and {@link AttributionRules#DEFAULTS} applied
 */
public record UnitCostReport(
        List<UnitCostRow> groups,
        List<UnitCostRow> totals,
        List<UnitCostRow> unattributed,
        List<AttributionRule> rules,
        boolean defaultRules) {
    public UnitCostReport {
        groups = List.copyOf(groups);
        totals = List.copyOf(totals);
        unattributed = List.copyOf(unattributed);
        rules = List.copyOf(rules);
    }
}
