package frontier.twin;

import frontier.domain.PoolKind;
import frontier.domain.PricingModel;
import frontier.store.BilledResource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Infers a twin's pools from what the bill attributes to an endpoint over a period:
 * <ul>
 * <li>hour-billed on-demand or committed resources → one always-on pool per instance type with the
 *     average number of instances billed (instance-hours / period hours, rounded, at least 1) at the
 *     billed cost per instance-hour;</li>
 * <li>hour-billed spot resources → a spot pool: instances = the most resources billed at once (overlaps under an hour
 *     not counted), hazard =
 *     resources whose billing stopped more than an hour before the period's end, per instance-hour, and
 *     a replacement delay that leaves the slots as empty as the bill shows (slots × hours − billed
 *     hours, per interruption);</li>
 * <li>serverless lines → a serverless pool billed per request at the bill's cost per observed request;</li>
 * <li>anything else (storage, transfer, fees) → fixed cost, carried into the comparison unchanged.</li>
 * </ul>
 */
public final class BillCapacity {
    /** Overlap of two resources' billing below which they are taken to have held one slot in turn. */
    static final long OVERLAP_TOLERANCE_S = 3600;

    private BillCapacity() {}

    /** The pools, the fixed cost and notes about what was approximated. */
    public record Inference(List<PoolPlan> pools, double fixedCost, List<String> notes) {}

    /**
     * One pool to be: its kind, how the bill priced it and the instance type (null for none). Sorted as the
     * codes and the type read ("always_on", "commitment" before "on_demand", then "spot"): the bill order
     * pools overflow in unless {@code calibrate --first} says otherwise.
     */
    private record Group(PoolKind kind, PricingModel pricingModel, String instanceType) implements Comparable<Group> {
        private static final Comparator<Group> ORDER = Comparator.comparing((Group g) -> g.kind.code())
                .thenComparing(g -> g.pricingModel.code())
                .thenComparing(g -> g.instanceType == null ? "" : g.instanceType);

        @Override
        public int compareTo(Group o) {
            return ORDER.compare(this, o);
        }
    }

    public static Inference infer(List<BilledResource> resources, long from, long to, long requests) {
        double periodHours = (to - from) / 3600.0;
        Map<Group, List<BilledResource>> groups = new TreeMap<>();
        double fixed = 0;
        double serverless = 0;
        int serverlessResources = 0;
        for (BilledResource r : resources) {
            PricingModel pm = r.pricingModel() == null ? PricingModel.UNSPECIFIED : r.pricingModel();
            boolean capacity =
                    switch (pm) {
                        case ON_DEMAND, COMMITMENT, SPOT -> true;
                        case SERVERLESS, OTHER, UNSPECIFIED -> false;
                    };
            if (r.hourly() && r.hours() > 0 && capacity) {
                PoolKind kind = pm == PricingModel.SPOT ? PoolKind.SPOT : PoolKind.ALWAYS_ON;
                String type = r.instanceType() == null || r.instanceType().isEmpty() ? null : r.instanceType();
                groups.computeIfAbsent(new Group(kind, pm, type), k -> new ArrayList<>())
                        .add(r);
            } else if (pm == PricingModel.SERVERLESS) {
                serverless += r.cost().doubleValue();
                serverlessResources++;
            } else {
                fixed += r.cost().doubleValue();
            }
        }
        List<PoolPlan> pools = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (var e : groups.entrySet()) {
            Group g = e.getKey();
            List<BilledResource> rs = e.getValue();
            double hours = rs.stream().mapToDouble(BilledResource::hours).sum();
            double cost = rs.stream()
                    .map(BilledResource::cost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .doubleValue();
            String type = g.instanceType();
            double[] series = g.kind() == PoolKind.ALWAYS_ON ? hourlyInstances(rs, from, to) : null;
            if (series != null && autoscaled(series, rs.size())) {
                int top = 0;
                for (double c : series) top = Math.max(top, (int) Math.ceil(c - 0.05));
                pools.add(new PoolPlan(
                        PoolKind.AUTOSCALED,
                        g.pricingModel(),
                        type,
                        Math.max(1, top),
                        cost / hours,
                        0,
                        0,
                        0,
                        hours,
                        cost,
                        rs.size(),
                        series,
                        provider(rs),
                        region(rs)));
            } else if (g.kind() == PoolKind.ALWAYS_ON) {
                double avg = hours / periodHours;
                int n = Math.max(1, (int) Math.round(avg));
                if (Math.abs(avg - n) > 0.05 * n) {
                    notes.add(String.format(
                            java.util.Locale.ROOT,
                            "%s %s: %.2f instances billed on average; the twin keeps %d always on "
                                    + "(an autoscaled fleet is approximated by its average)",
                            g.pricingModel().code(),
                            type == null ? "" : type,
                            avg,
                            n));
                }
                pools.add(new PoolPlan(
                        PoolKind.ALWAYS_ON,
                        g.pricingModel(),
                        type,
                        n,
                        cost / hours,
                        0,
                        0,
                        0,
                        hours,
                        cost,
                        rs.size(),
                        null,
                        provider(rs),
                        region(rs)));
            } else {
                int slots = maxOverlap(rs, from, to);
                long interrupted = rs.stream().filter(r -> r.last() < to - 3600).count();
                double hazard = interrupted / hours;
                double empty = Math.max(0, slots * periodHours - hours);
                double delay = interrupted == 0 ? 0 : empty * 3600 / interrupted;
                pools.add(new PoolPlan(
                        PoolKind.SPOT,
                        g.pricingModel(),
                        type,
                        slots,
                        cost / hours,
                        0,
                        hazard,
                        delay,
                        hours,
                        cost,
                        rs.size(),
                        null,
                        provider(rs),
                        region(rs)));
            }
        }
        if (serverless > 0) {
            if (requests > 0) {
                pools.add(new PoolPlan(
                        PoolKind.SERVERLESS,
                        PricingModel.SERVERLESS,
                        null,
                        0,
                        0,
                        serverless / requests,
                        0,
                        0,
                        0,
                        serverless,
                        serverlessResources,
                        null,
                        null,
                        null));
            } else {
                fixed += serverless;
                notes.add("serverless cost but no requests in the logs: kept as fixed cost");
            }
        }
        return new Inference(pools, fixed, notes);
    }

    /**
     * The price catalogue's code of the provider that bills all of {@code rs} ({@code AWS} → {@code aws},
     * {@code Google Cloud} → {@code gcp}, {@code Microsoft} → {@code azure}, as the bill readers write them, and
     * the codes themselves), or null when they have none, several, or one the catalogue does not know.
     */
    static String provider(List<BilledResource> rs) {
        String code = same(rs.stream().map(r -> catalogueProvider(r.provider())).toList());
        return code;
    }

    /** The region that all of {@code rs} were billed in, or null when they have none or several. */
    static String region(List<BilledResource> rs) {
        return same(rs.stream()
                .map(r -> r.region() == null || r.region().isBlank() ? null : r.region())
                .toList());
    }

    private static String same(List<String> values) {
        String first = values.isEmpty() ? null : values.getFirst();
        return first != null && values.stream().allMatch(first::equals) ? first : null;
    }

    /** The catalogue's provider code for a provider name as bills write it, or null for one it does not know. */
    static String catalogueProvider(String billed) {
        if (billed == null) return null;
        String p = billed.trim().toLowerCase(java.util.Locale.ROOT);
        if (p.equals("aws") || p.startsWith("amazon")) return "aws";
        if (p.equals("gcp") || p.startsWith("google")) return "gcp";
        if (p.equals("azure") || p.startsWith("microsoft")) return "azure";
        return null;
    }

    /**
     * Instances billed in each hour of [from, to) (the last hour may be partial): each resource's billed hours
     * spread evenly over its billed span, as a bill resolves a resource's life by the hour at best.
     */
    static double[] hourlyInstances(List<BilledResource> rs, long from, long to) {
        int n = (int) Math.max(1, Math.ceil((to - from) / 3600.0));
        double[] c = new double[n];
        for (BilledResource r : rs) {
            long a = Math.max(from, r.first()), b = Math.min(to, r.last());
            if (b <= a) continue;
            double density = Math.min(1, r.hours() * 3600 / (r.last() - r.first()));
            for (int h = (int) ((a - from) / 3600); h < n && from + 3600L * h < b; h++) {
                long hs = from + 3600L * h, he = Math.min(to, hs + 3600);
                c[h] += density * (Math.min(b, he) - Math.max(a, hs)) / (double) (he - hs);
            }
        }
        return c;
    }

    /**
     * Whether an hour-billed group is an autoscaled fleet rather than fixed capacity: its hourly count (rounded)
     * went up at least {@value #AUTOSCALE_RISES} times and more resources came and went than were ever billed at
     * once. A fixed fleet with one extra instance for a while (a canary) rises once and stays fixed capacity.
     */
    static boolean autoscaled(double[] series, int resources) {
        int rises = 0, top = 0;
        for (int h = 0; h < series.length; h++) {
            top = Math.max(top, (int) Math.round(series[h]));
            if (h > 0 && Math.round(series[h]) > Math.round(series[h - 1])) rises++;
        }
        return rises >= AUTOSCALE_RISES && resources > top;
    }

    /** Rises of the hourly count that make a group autoscaled. */
    static final int AUTOSCALE_RISES = 2;

    /**
     * The most resources billed at the same time, from their first and last billed instants within
     * [from, to). Overlaps shorter than an hour do not count: a replacement launched while the instance it
     * replaces is still draining (or billed for its last partial hour) takes the same slot.
     */
    static int maxOverlap(List<BilledResource> rs, long from, long to) {
        long[][] ev = new long[rs.size() * 2][];
        int i = 0;
        for (BilledResource r : rs) {
            long a = Math.max(from, r.first());
            long b = Math.min(to, r.last());
            ev[i++] = new long[] {a, 1};
            ev[i++] = new long[] {Math.max(a, b - OVERLAP_TOLERANCE_S), -1};
        }
        Arrays.sort(ev, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int cur = 0, max = 0;
        for (long[] e : ev) {
            cur += (int) e[1];
            max = Math.max(max, cur);
        }
        return max;
    }
}
