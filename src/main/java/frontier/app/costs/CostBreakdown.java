package frontier.app.costs;

import frontier.domain.PricingModel;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Grouping;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The workspace's cost over a date range, broken down by (day, group, pricing model, currency), and
 * what the Costs view derives from it: the stacked series of one currency and one metric (the
 * largest {@value #TOP} groups and the rest as one), and the totals per pricing model and currency.
 * Pure computation on exact decimals; currencies are never added together. Immutable.
 *
 * <p>Bars of a chart are {@linkplain #bucketDays buckets} of days; clicking one filters the view to its days.
 *
 * @param by   the grouping of the stacks
 * @param rows totals keyed by [day (yyyy-MM-dd), group, pricing model code], per currency
 * @param from first day shown (inclusive), or null for the first day with data
 * @param to   last day shown (inclusive), or null for the last day with data
 */
public record CostBreakdown(Grouping by, List<CostRow> rows, LocalDate from, LocalDate to) {
    /** Groups shown on their own; the rest are stacked as one "all others" segment. */
    public static final int TOP = 8;
    /** Ranges up to this many days are shown per day, longer ones per week, then per month. */
    public static final int MAX_DAYS = 92;

    static final int MAX_WEEKS = 104;

    public CostBreakdown {
        rows = List.copyOf(rows);
    }

    /** Which cost figure to stack. */
    public enum Metric {
        EFFECTIVE("Effective cost", "amortized"),
        BILLED("Billed cost", "invoiced");

        final String label;
        final String meaning;

        Metric(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        BigDecimal of(CostRow r) {
            return this == EFFECTIVE ? r.effective() : r.billed();
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label.replace(" cost", "");
        }
    }

    /** The bucket size of the x axis. */
    public enum Step {
        DAY("Day"),
        WEEK("Week starting"),
        MONTH("Month");

        final String label;

        Step(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One stacked series.
     *
     * @param key     the group's key (null for "no value"; for the others segment, null too)
     * @param name    the group as shown
     * @param members how many groups it stands for (1, or more for the others segment)
     * @param values  exact amount per bucket, only buckets with data (ordered as the buckets)
     */
    public record Series(
            String key,
            String name,
            PricingModel pricingModel,
            boolean others,
            int members,
            Map<String, BigDecimal> values) {
        public BigDecimal total() {
            return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * The chart of one currency and metric.
     *
     * @param groups  how many distinct groups have an amount in this currency
     * @param missing lines of this currency without the metric (not stacked)
     */
    public record Chart(
            String currency,
            Metric metric,
            Step step,
            List<String> buckets,
            List<Series> series,
            int groups,
            long missing) {
        /** The exact sum of every segment. */
        public BigDecimal total() {
            return series.stream().map(Series::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * A row of the totals table: one group of the stacking in one currency, or a currency's total.
     *
     * @param by  the stacking the group belongs to
     * @param key the group's key (null for "no value", and for a total)
     */
    public record Total(
            Grouping by,
            String key,
            boolean isTotal,
            String currency,
            BigDecimal billed,
            BigDecimal effective,
            BigDecimal list,
            long lines) {
        public String label() {
            return isTotal ? "Total" : display(by, key);
        }

        /** The pricing model of the group when the stacking is by pricing model, else null. */
        public PricingModel model() {
            return !isTotal && by.dimension() == Dimension.PRICING_MODEL ? PricingModel.stored(key) : null;
        }
    }

    /** Currencies present, the one with the most lines first. */
    public List<String> currencies() {
        Map<String, Long> n = new HashMap<>();
        for (CostRow r : rows) n.merge(r.currency(), r.rows(), Long::sum);
        return n.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }

    public long lines() {
        return rows.stream().mapToLong(CostRow::rows).sum();
    }

    /**
     * Totals per group of the stacking per currency, each currency followed by its total: pricing models in
     * their own order, other groups largest first (by the magnitude of their effective, else billed, cost).
     */
    public List<Total> totals() {
        List<Total> out = new ArrayList<>();
        for (String cur : currencies().stream().sorted().toList()) {
            Map<String, Sum> m = new HashMap<>();
            Sum all = new Sum();
            for (CostRow r : rows) {
                if (!r.currency().equals(cur)) continue;
                m.computeIfAbsent(Objects.requireNonNullElse(r.keys().get(1), NONE), k -> new Sum())
                        .add(r);
                all.add(r);
            }
            List<Map.Entry<String, Sum>> groups = new ArrayList<>(m.entrySet());
            if (by.dimension() == Dimension.PRICING_MODEL)
                groups.sort(Comparator.comparing(e -> PricingModel.stored(key(e.getKey()))));
            else
                groups.sort(Comparator.comparing(
                                (Map.Entry<String, Sum> e) -> e.getValue().size())
                        .reversed()
                        .thenComparing(e -> display(by, key(e.getKey()))));
            for (var e : groups) out.add(e.getValue().total(by, key(e.getKey()), false, cur));
            out.add(all.total(by, null, true, cur));
        }
        return out;
    }

    /** Stands for a null key in maps. */
    private static final String NONE = "\u0000none";

    private static String key(String k) {
        return NONE.equals(k) ? null : k;
    }

    private static final class Sum {
        BigDecimal billed;
        BigDecimal effective;
        BigDecimal list;
        long lines;

        void add(CostRow r) {
            billed = plus(billed, r.billed());
            effective = plus(effective, r.effective());
            list = plus(list, r.list());
            lines += r.rows();
        }

        Total total(Grouping by, String key, boolean isTotal, String currency) {
            return new Total(by, key, isTotal, currency, billed, effective, list, lines);
        }

        BigDecimal size() {
            BigDecimal v = effective != null ? effective : billed;
            return v == null ? BigDecimal.ZERO : v.abs();
        }
    }

    private static BigDecimal plus(BigDecimal a, BigDecimal b) {
        if (b == null) return a;
        return a == null ? b : a.add(b);
    }

    /** The stacked chart of {@code currency} (null: the one with most lines) and {@code metric}. */
    public Chart chart(String currency, Metric metric) {
        List<String> cur = currencies();
        String c = currency != null && cur.contains(currency) ? currency : cur.isEmpty() ? null : cur.getFirst();
        LocalDate first = from;
        LocalDate last = to;
        for (CostRow r : rows) {
            LocalDate d = LocalDate.parse(r.keys().getFirst());
            if (from == null && (first == null || d.isBefore(first))) first = d;
            if (to == null && (last == null || d.isAfter(last))) last = d;
        }
        if (c == null || first == null || last == null || last.isBefore(first))
            return new Chart(c, metric, Step.DAY, List.of(), List.of(), 0, 0);
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        Step step = days <= MAX_DAYS ? Step.DAY : days <= MAX_WEEKS * 7L ? Step.WEEK : Step.MONTH;
        List<String> buckets = new ArrayList<>();
        for (LocalDate d = bucket(first, step); !d.isAfter(last); d = next(d, step)) buckets.add(label(d, step));

        // Exact sum per group and bucket; groups ranked by the size of their amounts (credits count by magnitude).
        Map<String, Map<String, BigDecimal>> byGroup = new LinkedHashMap<>();
        Map<String, BigDecimal> size = new HashMap<>();
        long missing = 0;
        for (CostRow r : rows) {
            if (!r.currency().equals(c)) continue;
            BigDecimal v = metric.of(r);
            if (v == null) {
                missing += r.rows();
                continue;
            }
            String g = r.keys().get(1);
            String b = label(bucket(LocalDate.parse(r.keys().getFirst()), step), step);
            byGroup.computeIfAbsent(g, k -> new HashMap<>()).merge(b, v, BigDecimal::add);
            size.merge(g, v.abs(), BigDecimal::add);
        }
        List<String> ranked = new ArrayList<>(byGroup.keySet());
        ranked.sort(Comparator.comparing((String g) -> size.get(g)).reversed().thenComparing(g -> display(by, g)));
        // Showing the others as one segment only pays off when it stands for at least two groups.
        int shown = ranked.size() <= TOP + 1 ? ranked.size() : TOP;
        List<Series> series = new ArrayList<>();
        for (String g : ranked.subList(0, shown))
            series.add(new Series(g, display(by, g), pricingModel(by, g), false, 1, ordered(byGroup.get(g), buckets)));
        if (shown < ranked.size()) {
            Map<String, BigDecimal> rest = new HashMap<>();
            for (String g : ranked.subList(shown, ranked.size()))
                byGroup.get(g).forEach((b, v) -> rest.merge(b, v, BigDecimal::add));
            int n = ranked.size() - shown;
            series.add(new Series(null, "All other " + n + " " + plural(by), null, true, n, ordered(rest, buckets)));
        }
        if (by.dimension() == Dimension.PRICING_MODEL) {
            // Pricing models keep their natural order (and colours) rather than their rank.
            series.sort(Comparator.comparing(Series::pricingModel, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        return new Chart(c, metric, step, List.copyOf(buckets), List.copyOf(series), ranked.size(), missing);
    }

    private static String plural(Grouping by) {
        if (by.dimension() == null) return "values";
        return switch (by.dimension()) {
            case PRICING_MODEL -> "pricing models";
            case PROVIDER -> "providers";
            case ACCOUNT -> "accounts";
            case SUB_ACCOUNT -> "sub-accounts";
            case SERVICE -> "services";
            case SERVICE_CATEGORY -> "categories";
            case REGION -> "regions";
            case INSTANCE_TYPE -> "instance types";
            case GPU_COUNT -> "GPU counts";
            case CHARGE_CATEGORY -> "charge categories";
            default -> "groups";
        };
    }

    private static Map<String, BigDecimal> ordered(Map<String, BigDecimal> values, List<String> buckets) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (String b : buckets) {
            BigDecimal v = values.get(b);
            if (v != null) m.put(b, v);
        }
        return m;
    }

    /** The first and last day of the bucket labelled {@code bucket} (yyyy-MM-dd, or yyyy-MM for months). */
    public static LocalDate[] bucketDays(String bucket, Step step) {
        return switch (step) {
            case DAY -> new LocalDate[] {LocalDate.parse(bucket), LocalDate.parse(bucket)};
            case WEEK ->
                new LocalDate[] {
                    LocalDate.parse(bucket), LocalDate.parse(bucket).plusDays(6)
                };
            case MONTH -> {
                LocalDate first = LocalDate.parse(bucket + "-01");
                yield new LocalDate[] {first, first.plusMonths(1).minusDays(1)};
            }
        };
    }

    static LocalDate bucket(LocalDate d, Step step) {
        return switch (step) {
            case DAY -> d;
            case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> d.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate d, Step step) {
        return switch (step) {
            case DAY -> d.plusDays(1);
            case WEEK -> d.plusWeeks(1);
            case MONTH -> d.plusMonths(1);
        };
    }

    private static String label(LocalDate d, Step step) {
        return step == Step.MONTH ? d.toString().substring(0, 7) : d.toString();
    }

    /** A group key as shown: labels for pricing models and charge categories, "(none)" for no value. */
    public static String display(Grouping g, String key) {
        if (key == null || key.isEmpty()) return g.dimension() == null ? "(untagged)" : "(none)";
        if (g.dimension() == null) return key;
        return g.dimension() == Dimension.GPU_COUNT ? key + (key.equals("1") ? " GPU" : " GPUs") : g.valueLabel(key);
    }

    /** The pricing model a series of {@code g} stands for, null unless grouped by pricing model. */
    private static PricingModel pricingModel(Grouping g, String key) {
        return g.dimension() == Dimension.PRICING_MODEL ? PricingModel.stored(key) : null;
    }
}
