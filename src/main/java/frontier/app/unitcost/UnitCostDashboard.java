package frontier.app.unitcost;

import frontier.analysis.series.Anomalies;
import frontier.analysis.series.Forecast;
import frontier.store.AttributionRule;
import frontier.store.UnitCostQuery;
import frontier.store.UnitCostQuery.Key;
import frontier.store.UnitCostReport;
import frontier.store.UnitCostRow;
import frontier.store.UnitCosts;
import frontier.store.Workspace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the Unit cost view shows, read from a workspace in one go (off the FX thread): the daily cost per
 * 1,000 requests of each endpoint, model or pricing model (the {@value #TOP} largest by cost), the same
 * for all attributed cost together, each series' unusual days ({@link Anomalies}), the summary figures
 * and the groups by endpoint and model. The series run over the days that have requests; a day without
 * requests of a series is NaN. Only one currency is charted (the one with most requests). Immutable.
 *
 * @param currency     the charted currency, or null when nothing was billed
 * @param series       the largest groups by cost, in decreasing order
 * @param groups       how many groups have requests or attributed cost (more than shown when above {@value #TOP})
 * @param total        all attributed cost of the currency over all requests, per day; null when empty
 * @param totals       the attributed total of the currency (cost, requests, tokens, idle cost); null when none
 * @param unattributed cost no rule claimed, per currency
 * @param table        the groups by endpoint and model (cost no rule claimed is in {@code unattributed})
 * @param rules        the attribution rules used
 * @param defaultRules whether they are the built-in defaults
 * @param empty        what to do before anything can be charted (no bill, no logs, nothing attributed), or null
 * @param notes        sentences about what is not shown
 * @param period       the days the tiles and table cover
 * @param outside      attributed cost of the charted currency on billed days outside the logs' days (zero when none)
 */
public record UnitCostDashboard(
        SeriesBy by,
        String currency,
        List<Series> series,
        int groups,
        Series total,
        UnitCostRow totals,
        List<UnitCostRow> unattributed,
        List<UnitCostRow> table,
        List<AttributionRule> rules,
        boolean defaultRules,
        String empty,
        List<String> notes,
        Period period,
        BigDecimal outside) {
    /** Series charted on their own; more would not be told apart by colour. */
    public static final int TOP = 8;
    /** The key of the series of all attributed cost. */
    public static final String TOTAL = "(total)";
    /** Coverage of the forecast's prediction interval. */
    public static final double LEVEL = 0.9;

    public UnitCostDashboard {
        series = List.copyOf(series);
        unattributed = List.copyOf(unattributed);
        table = List.copyOf(table);
        rules = List.copyOf(rules);
        notes = List.copyOf(notes);
    }

    /**
     * Which days the tiles and the table cover. The chart always runs over the logs' days (a day without
     * requests has no cost per request).
     */
    public enum Period {
        /** The days of the logs: cost and requests over the same period (the default). */
        LOGS("The logs' days"),
        /** Every billed day: the whole attributed bill, divided by all requests. */
        BILL("Every billed day");

        private final String label;

        Period(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What one line of the chart stands for. */
    public enum SeriesBy {
        ENDPOINT("Endpoint", "endpoints"),
        MODEL("Model", "models"),
        PRICING_MODEL("Pricing model", "pricing models");

        private final String label;
        private final String plural;

        SeriesBy(String label, String plural) {
            this.label = label;
            this.plural = plural;
        }

        public String plural() {
            return plural;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * One day of a series.
     *
     * @param cost     the attributed cost of the day (exact)
     * @param requests the requests it is divided by
     * @param per1k    cost per 1,000 requests; NaN without requests
     */
    public record Point(LocalDate date, BigDecimal cost, long requests, double per1k) {}

    /**
     * A daily series of cost per 1,000 requests.
     *
     * @param key       what selects it: the endpoint, model or pricing-model code, or {@link #TOTAL}
     * @param name      as shown
     * @param points    one per day, consecutive
     * @param anomalies the unusual days (one entry per point)
     */
    public record Series(String key, String name, List<Point> points, Anomalies.Report anomalies) {
        public Series {
            points = List.copyOf(points);
        }

        public BigDecimal cost() {
            return points.stream().map(Point::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public long requests() {
            return points.stream().mapToLong(Point::requests).sum();
        }

        LocalDate[] dates() {
            return points.stream().map(Point::date).toArray(LocalDate[]::new);
        }

        double[] values() {
            return points.stream().mapToDouble(Point::per1k).toArray();
        }

        /**
         * Forecasts the series {@code horizonDays} ahead with {@value #LEVEL} prediction intervals (see {@link Forecast#of}),
         * fitted with the unusual days at their expected values.
         */
        public Forecast.Result forecast(int horizonDays) {
            return Forecast.of(dates(), anomalies.withFlaggedAsExpected(), horizonDays, LEVEL);
        }
    }

    /** Whether there is a series to chart. */
    public boolean isEmpty() {
        return empty != null;
    }

    /** The series with {@code key} (or the total for {@link #TOTAL}), or null. */
    public Series find(String key) {
        if (TOTAL.equals(key)) return total;
        return series.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    /** The idle cost as a share of the attributed cost, or NaN without cost. */
    public double idleShare() {
        return totals == null ? Double.NaN : totals.idleShare();
    }

    // ---- reading a workspace ---------------------------------------------------------------------

    /** Reads {@code file} (a workspace; nothing is created when it does not exist) with the series by {@code by}. */
    public static UnitCostDashboard load(Path file, SeriesBy by) {
        return load(file, by, Period.LOGS);
    }

    /**
     * Reads {@code file} with the series by {@code by}, the tiles and table over {@code period} (the logs' days
     * [first day with requests, last day], or every day when the logs have none).
     */
    public static UnitCostDashboard load(Path file, SeriesBy by, Period period) {
        if (!Files.exists(file)) return build(by, 0, noReport(), noReport(), noReport(), period);
        try (Workspace ws = Workspace.open(file)) {
            UnitCosts uc = ws.unitCosts();
            // Grouped by endpoint as well, always: without it cost no rule claimed would be added into the groups.
            List<Key> split =
                    switch (by) {
                        case ENDPOINT -> List.of(Key.DAY, Key.ENDPOINT);
                        case MODEL -> List.of(Key.DAY, Key.ENDPOINT, Key.MODEL);
                        case PRICING_MODEL -> List.of(Key.DAY, Key.ENDPOINT, Key.PRICING_MODEL);
                    };
            // By day alone, each day's requests are counted once however many rules cover them.
            UnitCostReport days = uc.compute(query(List.of(Key.DAY), null, null));
            Long from = null;
            Long to = null;
            LocalDate[] logs = logDays(days);
            if (period == Period.LOGS && logs != null) {
                from = logs[0].toEpochDay() * 86_400;
                to = logs[1].plusDays(1).toEpochDay() * 86_400;
            }
            // Both groupings of the period from one reading of its cost lines.
            List<UnitCostReport> both =
                    uc.compute(List.of(query(split, from, to), query(List.of(Key.ENDPOINT, Key.MODEL), from, to)));
            return build(by, ws.chargeCount(), both.get(0), days, both.get(1), period);
        }
    }

    private static UnitCostQuery query(List<Key> by, Long from, Long to) {
        return new UnitCostQuery(by, from, to, UnitCostQuery.Figure.EFFECTIVE);
    }

    /** The first and last day with requests in a report by day, or null when none has any. */
    private static LocalDate[] logDays(UnitCostReport days) {
        LocalDate first = null;
        LocalDate last = null;
        for (UnitCostRow r : days.groups()) {
            if (r.requests() == 0) continue;
            LocalDate d = LocalDate.parse(r.keys().get(Key.DAY.code()));
            if (first == null || d.isBefore(first)) first = d;
            if (last == null || d.isAfter(last)) last = d;
        }
        return first == null ? null : new LocalDate[] {first, last};
    }

    private static UnitCostReport noReport() {
        return new UnitCostReport(List.of(), List.of(), List.of(), List.of(), true);
    }

    /** Per (day, series key): cost and requests being added up. */
    private static final class Cell {
        BigDecimal cost = BigDecimal.ZERO;
        long requests;
    }

    /**
     * Builds the dashboard from three reports of the same workspace: {@code daily} by day, endpoint and (unless
     * {@code by} is the endpoint) the series key; {@code days} by day; {@code groups} by endpoint and model.
     */
    static UnitCostDashboard build(
            SeriesBy by,
            long charges,
            UnitCostReport daily,
            UnitCostReport days,
            UnitCostReport groups,
            Period period) {
        String currency = groups.totals().stream()
                .filter(t -> t.currency() != null)
                .max(Comparator.comparingLong(UnitCostRow::requests).thenComparing(UnitCostRow::cost))
                .map(UnitCostRow::currency)
                .orElse(null);
        UnitCostRow totals = groups.totals().stream()
                .filter(t -> Objects.equals(t.currency(), currency))
                .findFirst()
                .orElse(groups.totals().isEmpty() ? null : groups.totals().getFirst());
        List<String> notes = new ArrayList<>();
        if (groups.totals().size() > 1) {
            notes.add("Costs in "
                    + groups.totals().stream()
                            .map(UnitCostRow::currency)
                            .filter(c -> c != null && !c.equals(currency))
                            .toList()
                    + " are not charted; currencies are never added together.");
        }
        List<UnitCostRow> table = groups.groups().stream()
                .filter(g -> !UnitCosts.UNATTRIBUTED.equals(g.keys().get(Key.ENDPOINT.code())))
                .toList();

        // Requests per day (all of them, once), and the days that have any.
        TreeMap<LocalDate, Long> requestsByDay = new TreeMap<>();
        for (UnitCostRow r : days.groups()) {
            if (!charted(r, currency) || r.requests() == 0) continue;
            requestsByDay.merge(LocalDate.parse(r.keys().get(Key.DAY.code())), r.requests(), Long::sum);
        }
        long requests =
                requestsByDay.values().stream().mapToLong(Long::longValue).sum();
        boolean attributed = totals != null && totals.cost().signum() != 0;
        String empty = emptyMessage(charges, requests, attributed, groups);

        Map<String, Map<LocalDate, Cell>> bySeries = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<LocalDate, Cell> all = new TreeMap<>();
        // Attributed cost on billed days outside the logs' days, from the report of every day: not charted, and
        // left out of the tiles and table too unless the period is every billed day.
        BigDecimal outside = BigDecimal.ZERO;
        for (UnitCostRow r : days.groups()) {
            if (requestsByDay.isEmpty() || r.currency() == null || !r.currency().equals(currency)) continue;
            LocalDate day = LocalDate.parse(r.keys().get(Key.DAY.code()));
            if (day.isBefore(requestsByDay.firstKey()) || day.isAfter(requestsByDay.lastKey()))
                outside = outside.add(r.cost());
        }
        for (UnitCostRow r : daily.groups()) {
            String endpoint = r.keys().get(Key.ENDPOINT.code());
            if (UnitCosts.UNATTRIBUTED.equals(endpoint) || !charted(r, currency)) continue;
            LocalDate day = LocalDate.parse(r.keys().get(Key.DAY.code()));
            if (requestsByDay.isEmpty()
                    || day.isBefore(requestsByDay.firstKey())
                    || day.isAfter(requestsByDay.lastKey())) continue;
            Cell sum = all.computeIfAbsent(day, d -> new Cell());
            sum.cost = sum.cost.add(r.cost());
            String key =
                    switch (by) {
                        case ENDPOINT -> Objects.requireNonNullElse(endpoint, "(no endpoint)");
                        case MODEL -> Objects.requireNonNullElse(r.keys().get(Key.MODEL.code()), "(no model)");
                        case PRICING_MODEL -> r.keys().get(Key.PRICING_MODEL.code());
                    };
            if (key == null) continue; // requests no cost covers: no pricing model to show them under
            names.put(
                    key,
                    by == SeriesBy.PRICING_MODEL
                            ? r.pricingModel().orElseThrow().label()
                            : key);
            Cell c = bySeries.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(day, d -> new Cell());
            c.cost = c.cost.add(r.cost());
            // A pricing model's share of a day is divided by all of that day's requests, so the shares add up to the
            // total.
            c.requests = by == SeriesBy.PRICING_MODEL ? requestsByDay.getOrDefault(day, 0L) : c.requests + r.requests();
        }
        if (outside.signum() != 0 && !requestsByDay.isEmpty()) {
            notes.add(String.format(
                    Locale.US,
                    "%,.2f %s of attributed cost falls on days outside the logs (%s to %s) and is not charted%s.",
                    outside,
                    currency,
                    requestsByDay.firstKey(),
                    requestsByDay.lastKey(),
                    period == Period.LOGS
                            ? ", nor counted in the tiles and table (choose every billed day to count it)"
                            : "; the tiles and table count it, divided by the logs' requests"));
        }
        if (requestsByDay.isEmpty()) {
            return new UnitCostDashboard(
                    by,
                    currency,
                    List.of(),
                    0,
                    null,
                    totals,
                    groups.unattributed(),
                    table,
                    groups.rules(),
                    groups.defaultRules(),
                    empty,
                    notes,
                    period,
                    outside);
        }
        LocalDate first = requestsByDay.firstKey();
        LocalDate last = requestsByDay.lastKey();
        for (var e : requestsByDay.entrySet()) all.computeIfAbsent(e.getKey(), d -> new Cell()).requests = e.getValue();
        Series total = series(TOTAL, "All " + by.plural() + " (total)", all, first, last);

        List<Series> ranked = new ArrayList<>();
        for (var e : bySeries.entrySet())
            ranked.add(series(e.getKey(), names.get(e.getKey()), e.getValue(), first, last));
        ranked.sort(Comparator.comparing(Series::cost, Comparator.reverseOrder())
                .thenComparing(Series::requests, Comparator.reverseOrder())
                .thenComparing(Series::name));
        if (ranked.size() > TOP) {
            notes.add(String.format(
                    Locale.US,
                    "The %d %s with the largest cost are charted, of %d; the table lists them all.",
                    TOP,
                    by.plural(),
                    ranked.size()));
        }
        return new UnitCostDashboard(
                by,
                currency,
                ranked.subList(0, Math.min(TOP, ranked.size())),
                ranked.size(),
                total,
                totals,
                groups.unattributed(),
                table,
                groups.rules(),
                groups.defaultRules(),
                empty,
                notes,
                period,
                outside);
    }

    private static boolean charted(UnitCostRow r, String currency) {
        return r.currency() == null || r.currency().equals(currency);
    }

    private static Series series(String key, String name, Map<LocalDate, Cell> cells, LocalDate first, LocalDate last) {
        List<Point> points = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Cell c = cells.get(d);
            if (c == null) {
                points.add(new Point(d, BigDecimal.ZERO, 0, Double.NaN));
                continue;
            }
            double per1k = c.requests == 0
                    ? Double.NaN
                    : c.cost.multiply(BigDecimal.valueOf(1000))
                            .divide(BigDecimal.valueOf(c.requests), 9, RoundingMode.HALF_EVEN)
                            .doubleValue();
            points.add(new Point(d, c.cost, c.requests, per1k));
        }
        LocalDate[] dates = points.stream().map(Point::date).toArray(LocalDate[]::new);
        double[] values = points.stream().mapToDouble(Point::per1k).toArray();
        double[] requests = points.stream().mapToDouble(Point::requests).toArray();
        return new Series(key, name, points, Anomalies.flag(dates, values, requests));
    }

    private static String emptyMessage(long charges, long requests, boolean attributed, UnitCostReport groups) {
        String bill = "import a billing export in the Data view";
        String logs = "import inference request logs in the Data view (Import request logs…)";
        if (charges == 0 && requests == 0) {
            return "No bill and no inference logs in this workspace yet. To see the cost per 1,000 inferences, " + bill
                    + ", then " + logs + " for the same days.";
        }
        if (charges == 0)
            return "This workspace has inference logs but no bill: " + bill + " covering the days of the logs.";
        if (requests == 0) {
            return "This workspace has a bill but no inference logs, so there are no requests to divide the cost by: "
                    + logs + ".";
        }
        if (!attributed) {
            return "None of the bill is attributed to an endpoint or model, so every request costs 0. Tag inference resources "
                    + "endpoint=NAME, or say which lines belong to which endpoint with Attribution rules… (rules in use: "
                    + rulesText(groups.rules()) + ").";
        }
        return null;
    }

    /** The rules as one line: "tag:endpoint matches * → endpoint {value}; …". */
    static String rulesText(List<AttributionRule> rules) {
        return rules.isEmpty()
                ? "none"
                : String.join(
                        "; ", rules.stream().map(AttributionRule::toString).toList());
    }
}
