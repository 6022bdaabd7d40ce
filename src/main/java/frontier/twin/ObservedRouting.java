package frontier.twin;

import frontier.domain.PoolKind;
import frontier.domain.PricingModel;
import frontier.store.BilledResource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the real fleet split its requests between the bill's pools, when the log says where each request ran: the
 * pricing of its machine (an unmapped column {@code pricing}, {@code capacity_type}, {@code lifecycle}… with values
 * such as {@code spot} or {@code on_demand}) or the instance that served it ({@code instance}, {@code instance_id},
 * {@code resource_id}, matched to the bill's resource ids, whose pricing the bill knows). docs/twin.md.
 */
final class ObservedRouting {
    /** Share of the served requests that must say where they ran. */
    static final double SHARE = 0.9;

    private static final Set<String> SPOT = Set.of("spot", "preemptible", "interruptible", "low_priority");
    private static final Set<String> NOT_SPOT =
            Set.of("on_demand", "ondemand", "standard", "normal", "regular", "committed", "reserved", "savings_plan");

    /**
     * @param shares   share of the located requests each plan served, in the plans' order
     * @param located  served requests whose place the log gives and the bill explains
     */
    record Result(double[] shares, int located) {}

    private ObservedRouting() {}

    /** The observed split over {@code plans}, or null when the log does not say (for 90% of the requests) or the bill has one pool. */
    static Result of(Observations obs, List<PoolPlan> plans, List<BilledResource> billed) {
        if (plans.size() < 2) return null;
        Map<String, PricingModel> byResource = new HashMap<>();
        for (BilledResource r : billed) if (r.resourceId() != null) byResource.put(r.resourceId(), r.pricingModel());
        int n = obs.pricingOrInstance.length;
        int[] counts = new int[plans.size()];
        int located = 0;
        Map<String, Integer> cache = new HashMap<>();
        for (String where : obs.pricingOrInstance) {
            if (where == null) continue;
            Integer plan = cache.computeIfAbsent(where, w -> planOf(w, plans, byResource));
            if (plan < 0) continue;
            counts[plan]++;
            located++;
        }
        if (n == 0 || located < SHARE * n) return null;
        double[] shares = new double[plans.size()];
        for (int i = 0; i < shares.length; i++) shares[i] = (double) counts[i] / located;
        return new Result(shares, located);
    }

    /** The index of the plan a request ran on, or -1 when the bill cannot say. */
    private static int planOf(String where, List<PoolPlan> plans, Map<String, PricingModel> byResource) {
        String value = where.substring(where.indexOf(':') + 1);
        Boolean spot;
        String code = null;
        if (where.startsWith("pricing:")) {
            code = value.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
            spot = SPOT.contains(code) ? Boolean.TRUE : NOT_SPOT.contains(code) ? Boolean.FALSE : null;
        } else {
            PricingModel m = byResource.get(value);
            if (m == null) {
                for (var e : byResource.entrySet()) {
                    if (e.getKey().endsWith("/" + value)) m = e.getValue(); // an ARN ending in the instance id
                }
            }
            if (m == null) return -1;
            code = m.catalogueCode();
            spot = m == PricingModel.SPOT;
        }
        if (spot == null) return -1;
        int fallback = -1;
        for (int i = 0; i < plans.size(); i++) {
            PoolPlan p = plans.get(i);
            if (spot) {
                if (p.kind() == PoolKind.SPOT) return i;
            } else if (p.kind() == PoolKind.ALWAYS_ON || p.kind() == PoolKind.AUTOSCALED) {
                if (p.pricingModel() != null && p.pricingModel().catalogueCode().equals(code)) return i;
                if (fallback < 0) fallback = i;
            }
        }
        return fallback;
    }
}
