package frontier.store;

import frontier.domain.PricingModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * One group of a unit-cost report: the attributed cost (exact decimal), the requests served in the
 * group, and the cost per 1,000 requests and per million tokens derived from them.
 *
 * @param keys          the group's values by key code (day as yyyy-MM-dd, endpoint, model, pricing_model);
 *                      endpoint {@link UnitCosts#UNATTRIBUTED} for cost no rule claimed (a group only when grouping by endpoint)
 * @param cost          the attributed cost
 * @param idleCost      the part of the time-billed cost (instance-hours) not covered by request busy time,
 *                      an estimate (see docs/unit-cost.md); zero when no line is billed by the hour
 * @param instanceHours hours of time-billed capacity in the group
 * @param busySeconds   sum of the latency of the group's requests
 */
public record UnitCostRow(
        Map<String, String> keys,
        String currency,
        BigDecimal cost,
        BigDecimal idleCost,
        long lines,
        long requests,
        long errors,
        long inputTokens,
        long outputTokens,
        double instanceHours,
        double busySeconds) {
    public UnitCostRow {
        keys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys));
    }

    /** The group's pricing model, when the report is grouped by it (and the group has cost). */
    public Optional<PricingModel> pricingModel() {
        String code = keys.get(UnitCostQuery.Key.PRICING_MODEL.code());
        return code == null ? Optional.empty() : Optional.of(PricingModel.stored(code));
    }

    /** Cost per 1,000 requests, or null without requests. */
    public BigDecimal per1kRequests() {
        return requests == 0
                ? null
                : cost.multiply(BigDecimal.valueOf(1000))
                        .divide(BigDecimal.valueOf(requests), 6, RoundingMode.HALF_EVEN);
    }

    /** Cost per million tokens (input plus output), or null without tokens. */
    public BigDecimal per1mTokens() {
        long t = inputTokens + outputTokens;
        return t == 0
                ? null
                : cost.multiply(BigDecimal.valueOf(1_000_000)).divide(BigDecimal.valueOf(t), 6, RoundingMode.HALF_EVEN);
    }

    /** Idle cost as a share of cost, or NaN when there is no cost. */
    public double idleShare() {
        return cost.signum() == 0 ? Double.NaN : idleCost.doubleValue() / cost.doubleValue();
    }
}
