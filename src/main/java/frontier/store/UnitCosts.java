package frontier.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.domain.PricingModel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Cost per inference: cost lines attributed to endpoints and models by the workspace's rules, divided
 * by the requests the imported inference logs served, per UTC day.
 *
 * <p>A line's cost is spread over the UTC days its charge period covers, in proportion to time (most
 * lines are hourly or daily and land in one day). Each (day, target) — target = the endpoint and/or
 * model a rule gave — is matched to the day's requests of that endpoint (any model when the rule
 * names none) and model. Requests nobody's cost was attributed to are reported with zero cost, so a
 * missing rule shows. Idle cost is an estimate: the hour-billed cost of a (day, target) times the share
 * of its instance-hours not covered by the requests' summed latency (one request at a time per
 * instance; see docs/unit-cost.md).
 */
public final class UnitCosts {
    /** The endpoint key of cost no rule claimed. */
    public static final String UNATTRIBUTED = "(unattributed)";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long DAY = 86_400;
    private static final int SCALE = 12;
    private static final Pattern HOURS =
            Pattern.compile("(?i)^\\s*(\\d+\\s+)?(hours?|hrs?|h|instance[- ]?hours?)\\s*$");

    private final Connection conn;
    private final WriteLock lock;

    UnitCosts(WriteLock lock) {
        this.lock = lock;
        this.conn = lock.connection();
    }

    private record Dim(
            String tagsJson,
            Map<String, String> tags,
            String instanceType,
            String service,
            String pricingModel,
            String currency,
            boolean hourly,
            String provider,
            String region) {}

    /** Where a line's cost goes: an endpoint and/or model, or nowhere (both null, unattributed). */
    private record Target(String endpoint, String model) {
        boolean attributed() {
            return endpoint != null || model != null;
        }
    }

    private record CellKey(long day, Target target, String pricingModel, String currency) {}

    private static final class CostCell {
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal timeCost = BigDecimal.ZERO;
        BigDecimal idle = BigDecimal.ZERO;
        double hours;
        long lines;
    }

    private record ReqKey(long day, String endpoint, String model) {}

    private static final class ReqCell {
        long requests, errors, in, out;
        double busy;

        void add(ReqCell o) {
            requests += o.requests;
            errors += o.errors;
            in += o.in;
            out += o.out;
            busy += o.busy;
        }
    }

    /**
     * Computes the report; never modifies the workspace. Over whole UTC days and when no rule looks at resource ids,
     * the lines that lie inside one day are read summed from the roll-up {@code unit_days}; the report is the same
     * as {@link #computeFromCharges(UnitCostQuery)}'s (costs exactly, hours up to the order of adding doubles).
     */
    public UnitCostReport compute(UnitCostQuery q) {
        return compute(List.of(q), true).getFirst();
    }

    /**
     * The reports of several queries, in their order, as {@link #compute(UnitCostQuery)} gives each: the cost lines
     * and the requests are read and spread over the days once for all the queries of the same period and figure,
     * which differ only in how the report groups them (the Unit cost view asks for two groupings of one period).
     */
    public List<UnitCostReport> compute(List<UnitCostQuery> queries) {
        return compute(queries, true);
    }

    /** {@link #compute(UnitCostQuery)} read from every charge, never from the roll-up (what tests and {@code bench costs} compare it with). */
    public UnitCostReport computeFromCharges(UnitCostQuery q) {
        return compute(List.of(q), false).getFirst();
    }

    /** {@link #compute(List)} read from every charge, never from the roll-up. */
    public List<UnitCostReport> computeFromCharges(List<UnitCostQuery> queries) {
        return compute(queries, false);
    }

    private List<UnitCostReport> compute(List<UnitCostQuery> queries, boolean rollup) {
        try {
            List<AttributionRule> stored = new AttributionRules(lock).list();
            List<AttributionRule> rules = stored.isEmpty() ? AttributionRules.DEFAULTS : stored;
            // The cells of a period and figure, and the requests of a period, do not depend on the grouping.
            Map<List<Object>, Map<CellKey, CostCell>> cellsOf = new HashMap<>();
            Map<List<Object>, Map<ReqKey, ReqCell>> reqsOf = new HashMap<>();
            List<UnitCostReport> out = new ArrayList<>(queries.size());
            for (UnitCostQuery q : queries) {
                List<Object> period = java.util.Arrays.asList(q.from(), q.to());
                List<Object> cellsKey = java.util.Arrays.asList(q.from(), q.to(), q.figure());
                Map<CellKey, CostCell> cells = cellsOf.get(cellsKey);
                if (cells == null) cellsOf.put(cellsKey, cells = costCells(q, rules, rollup));
                Map<ReqKey, ReqCell> reqs = reqsOf.get(period);
                if (reqs == null) reqsOf.put(period, reqs = requestCells(q));
                out.add(report(q, rules, stored.isEmpty(), cells, reqs));
            }
            return out;
        } catch (SQLException e) {
            throw WriteLock.failure("unit cost", e);
        }
    }

    private Map<Long, Dim> dims() throws SQLException {
        Map<Long, Dim> out = new HashMap<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, tags, instance_type, service, pricing_model, currency, unit, pricing_unit, provider, region FROM dims")) {
            while (rs.next()) {
                String tags = rs.getString(2);
                String unit = rs.getString(8) != null ? rs.getString(8) : rs.getString(7);
                out.put(
                        rs.getLong(1),
                        new Dim(
                                tags,
                                parseTags(tags),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                unit != null && HOURS.matcher(unit).matches(),
                                rs.getString(9),
                                rs.getString(10)));
            }
        }
        return out;
    }

    private static Map<String, String> parseTags(String json) {
        if (json == null || json.isBlank()) return Map.of();
        try {
            Map<String, Object> raw = JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
            Map<String, String> m = new HashMap<>();
            raw.forEach((k, v) -> {
                if (v != null) m.put(k.toLowerCase(Locale.ROOT), String.valueOf(v));
            });
            return m;
        } catch (java.io.IOException e) {
            return Map.of();
        }
    }

    private static String field(AttributionRule r, Dim d, String resourceId) {
        return switch (r.match()) {
            case TAG -> d.tags().get(r.tagKey().toLowerCase(Locale.ROOT));
            case INSTANCE_TYPE -> d.instanceType();
            case SERVICE -> d.service();
            case RESOURCE_ID -> resourceId;
        };
    }

    /** Receives each cost line with the target the rules gave it. */
    private interface LineSink {
        void line(Target target, Dim dim, long start, long end, String resource, BigDecimal cost, double hours);
    }

    /** Receives the sum of the lines of one dimension tuple that lie inside one UTC day, from the roll-up. */
    private interface DaySink {
        void day(Target target, Dim dim, long day, BigDecimal cost, double hours, long lines);
    }

    /** Streams the cost lines whose period overlaps [from, to), each with the target of the first rule that matches it. */
    private void attributedLines(
            Long from, Long to, UnitCostQuery.Figure figure, List<AttributionRule> rules, LineSink sink)
            throws SQLException {
        attributedLines(from, to, figure, rules, sink, null);
    }

    /**
     * As {@link #attributedLines(Long, Long, UnitCostQuery.Figure, List, LineSink)}; with a {@code daySink}, when no
     * rule looks at resource ids and [from, to) is whole UTC days, the lines that lie inside one day come summed per
     * day and dimension tuple from the roll-up {@code unit_days} (their target depends on the tuple alone, and
     * none is split), and only the others, listed in {@code charge_spans}, come one by one to {@code sink}.
     */
    private void attributedLines(
            Long from,
            Long to,
            UnitCostQuery.Figure figure,
            List<AttributionRule> rules,
            LineSink sink,
            DaySink daySink)
            throws SQLException {
        Map<Long, Dim> dims = dims();
        List<Pattern> patterns =
                rules.stream().map(r -> AttributionRule.glob(r.pattern())).toList();
        // Per dimension tuple: the first rule that matches without looking at the resource id, so a line
        // only has to try the resource-id rules that come before it.
        Map<Long, Integer> dimRule = new HashMap<>();
        Map<Long, Target> dimTarget = new HashMap<>();
        for (var e : dims.entrySet()) {
            int found = rules.size();
            Target t = new Target(null, null);
            for (int i = 0; i < rules.size(); i++) {
                AttributionRule r = rules.get(i);
                if (r.match() == AttributionRule.Match.RESOURCE_ID) continue;
                String v = field(r, e.getValue(), null);
                if (v != null && patterns.get(i).matcher(v).matches()) {
                    found = i;
                    t = new Target(r.endpointFor(v), r.modelFor(v));
                    break;
                }
            }
            dimRule.put(e.getKey(), found);
            dimTarget.put(e.getKey(), t);
        }
        boolean resourceRules = rules.stream().anyMatch(r -> r.match() == AttributionRule.Match.RESOURCE_ID);
        String fig = figure.column();
        boolean rollup = daySink != null && !resourceRules && ChargeDays.wholeDay(from) && ChargeDays.wholeDay(to);
        if (rollup) {
            String col = figure.code();
            StringBuilder days = new StringBuilder("SELECT day, dim_id, " + col + ", " + col + "_lines, " + col
                    + "_quantity FROM unit_days WHERE " + col + "_lines > 0");
            List<Long> dayArgs = new ArrayList<>();
            if (from != null) {
                days.append(" AND day >= ?");
                dayArgs.add(Math.floorDiv(from, DAY));
            }
            if (to != null) {
                days.append(" AND day < ?");
                dayArgs.add(Math.floorDiv(to, DAY));
            }
            try (PreparedStatement ps = conn.prepareStatement(days.toString())) {
                for (int i = 0; i < dayArgs.size(); i++) ps.setLong(i + 1, dayArgs.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long dimId = rs.getLong(2);
                        Dim d = dims.get(dimId);
                        double quantity = rs.getDouble(5);
                        daySink.day(
                                dimTarget.get(dimId),
                                d,
                                rs.getLong(1),
                                new BigDecimal(rs.getString(3)),
                                d.hourly() ? quantity : 0,
                                rs.getLong(4));
                    }
                }
            }
        }
        StringBuilder sql = new StringBuilder("SELECT dim_id, period_start, period_end, resource_id, COALESCE(" + fig
                + ", billed_cost)," + " COALESCE(pricing_quantity, quantity) FROM "
                + (rollup ? "charge_spans s JOIN charges ON charges.rowid = s.charge_rowid" : "charges")
                + " WHERE COALESCE(" + fig + ", billed_cost) IS NOT NULL");
        List<Long> args = new ArrayList<>();
        if (from != null) {
            sql.append(" AND period_end > ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND period_start < ?");
            args.add(to);
        }
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setLong(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long dimId = rs.getLong(1);
                    Dim d = dims.get(dimId);
                    String resource = rs.getString(4);
                    Target target = dimTarget.get(dimId);
                    if (resourceRules && resource != null) {
                        int limit = dimRule.get(dimId);
                        for (int i = 0; i < limit; i++) {
                            AttributionRule r = rules.get(i);
                            if (r.match() == AttributionRule.Match.RESOURCE_ID
                                    && patterns.get(i).matcher(resource).matches()) {
                                target = new Target(r.endpointFor(resource), r.modelFor(resource));
                                break;
                            }
                        }
                    }
                    String qty = rs.getString(6);
                    double hours = d.hourly() && qty != null ? parse(qty) : 0;
                    sink.line(
                            target, d, rs.getLong(2), rs.getLong(3), resource, new BigDecimal(rs.getString(5)), hours);
                }
            }
        }
    }

    private Map<CellKey, CostCell> costCells(UnitCostQuery q, List<AttributionRule> rules, boolean rollup)
            throws SQLException {
        Map<CellKey, CostCell> cells = new HashMap<>();
        attributedLines(
                q.from(),
                q.to(),
                q.figure(),
                rules,
                (target, d, start, end, resource, cost, hours) -> spread(cells, q, target, d, start, end, cost, hours),
                !rollup
                        ? null
                        : (target, d, day, cost, hours, lines) -> add(
                                cells,
                                new CellKey(day, target, d.pricingModel(), d.currency()),
                                cost,
                                d.hourly(),
                                hours,
                                lines));
        return cells;
    }

    /**
     * The billed resources whose cost the rules attribute to {@code endpoint} (directly, or through a
     * model that endpoint's logs serve), over [from, to): one entry per resource id and pricing model,
     * with its first and last billed instant, its hours when billed by the hour, and its cost. Lines
     * without a resource id are summed per service and pricing model. What a calibrated twin's pools are
     * inferred from. Endpoint {@code *} means every attributed resource.
     */
    public List<BilledResource> billedResources(String endpoint, Long from, Long to, UnitCostQuery.Figure figure) {
        try {
            java.util.Set<String> models = new java.util.HashSet<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT DISTINCT model FROM log_dims WHERE endpoint IS ? AND model IS NOT NULL")) {
                ps.setString(1, endpoint);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) models.add(rs.getString(1));
                }
            }
            Map<List<String>, BilledResource.Builder> out = new LinkedHashMap<>();
            attributedLines(
                    from,
                    to,
                    figure == null ? UnitCostQuery.Figure.EFFECTIVE : figure,
                    new AttributionRules(lock).effective(),
                    (target, d, start, end, resource, cost, hours) -> {
                        boolean mine = "*".equals(endpoint)
                                ? target.attributed()
                                : endpoint.equals(target.endpoint())
                                        || target.endpoint() == null
                                                && target.model() != null
                                                && models.contains(target.model());
                        if (!mine) return;
                        String id = resource != null ? resource : "(" + d.service() + ")";
                        out.computeIfAbsent(
                                        List.of(id, String.valueOf(d.pricingModel())),
                                        k -> new BilledResource.Builder(
                                                id,
                                                PricingModel.stored(d.pricingModel()),
                                                d.instanceType(),
                                                d.provider(),
                                                d.region(),
                                                d.service(),
                                                d.currency(),
                                                d.hourly()))
                                .add(start, end, hours, cost);
                    });
            return out.values().stream().map(BilledResource.Builder::build).toList();
        } catch (SQLException e) {
            throw WriteLock.failure("billed resources", e);
        }
    }

    /**
     * What rule {@code index} of {@code rules} would claim, first match wins, among the lines whose period
     * overlaps [from, to) (null bounds: all): see {@link AttributionPreview}. Never modifies the workspace.
     */
    public AttributionPreview preview(List<AttributionRule> rules, int index, Long from, Long to) {
        if (index < 0 || index >= rules.size()) throw new IllegalArgumentException("no rule " + index);
        try {
            Map<Long, Dim> dims = dims();
            List<Pattern> patterns =
                    rules.stream().map(r -> AttributionRule.glob(r.pattern())).toList();
            // Per dimension tuple, the first rule that matches without the resource id: with the rule, and without it.
            Map<Long, int[]> dimRule = new HashMap<>();
            for (var e : dims.entrySet())
                dimRule.put(e.getKey(), new int[] {
                    firstMatch(rules, patterns, e.getValue(), null, -1, false),
                    firstMatch(rules, patterns, e.getValue(), null, index, false)
                });
            boolean resourceRules = rules.stream().anyMatch(r -> r.match() == AttributionRule.Match.RESOURCE_ID);
            StringBuilder sql =
                    new StringBuilder("SELECT dim_id, period_start, resource_id, COALESCE(effective_cost, billed_cost)"
                            + " FROM charges WHERE COALESCE(effective_cost, billed_cost) IS NOT NULL");
            List<Long> args = new ArrayList<>();
            if (from != null) {
                sql.append(" AND period_end > ?");
                args.add(from);
            }
            if (to != null) {
                sql.append(" AND period_start < ?");
                args.add(to);
            }
            AttributionRule rule = rules.get(index);
            long lines = 0;
            Map<String, BigDecimal> cost = new TreeMap<>();
            Map<Integer, long[]> takenLines = new HashMap<>();
            Map<Integer, Map<String, BigDecimal>> takenCost = new HashMap<>();
            List<AttributionPreview.Line> sample = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) ps.setLong(i + 1, args.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long dimId = rs.getLong(1);
                        Dim d = dims.get(dimId);
                        String resource = rs.getString(3);
                        int[] byDim = dimRule.get(dimId);
                        int winner = byDim[0];
                        if (resourceRules && resource != null)
                            winner = Math.min(winner, firstMatch(rules, patterns, d, resource, -1, true));
                        if (winner != index) continue;
                        int before = byDim[1];
                        if (resourceRules && resource != null)
                            before = Math.min(before, firstMatch(rules, patterns, d, resource, index, true));
                        BigDecimal c = new BigDecimal(rs.getString(4));
                        lines++;
                        cost.merge(d.currency(), c, BigDecimal::add);
                        takenLines.computeIfAbsent(before, k -> new long[1])[0]++;
                        takenCost.computeIfAbsent(before, k -> new TreeMap<>()).merge(d.currency(), c, BigDecimal::add);
                        if (sample.size() < AttributionPreview.SAMPLE) {
                            String v = field(rule, d, resource);
                            sample.add(new AttributionPreview.Line(
                                    rs.getLong(2),
                                    d.service(),
                                    d.instanceType(),
                                    resource,
                                    d.tagsJson(),
                                    c.stripTrailingZeros(),
                                    d.currency(),
                                    v,
                                    rule.endpointFor(v),
                                    rule.modelFor(v)));
                        }
                    }
                }
            }
            List<AttributionPreview.Taken> taken = new ArrayList<>();
            takenLines.forEach((i, n) -> taken.add(
                    new AttributionPreview.Taken(i < rules.size() ? rules.get(i) : null, n[0], takenCost.get(i))));
            taken.sort(java.util.Comparator.comparingLong(AttributionPreview.Taken::lines)
                    .reversed());
            return new AttributionPreview(lines, cost, taken, sample);
        } catch (SQLException e) {
            throw WriteLock.failure("attribution preview", e);
        }
    }

    /**
     * The index of the first rule (skipping {@code skip}) that matches: with {@code resourceOnly}, among the
     * resource-id rules for {@code resource}; else among the others. {@code rules.size()} when none does.
     */
    private static int firstMatch(
            List<AttributionRule> rules,
            List<Pattern> patterns,
            Dim d,
            String resource,
            int skip,
            boolean resourceOnly) {
        for (int i = 0; i < rules.size(); i++) {
            if (i == skip) continue;
            AttributionRule r = rules.get(i);
            if ((r.match() == AttributionRule.Match.RESOURCE_ID) != resourceOnly) continue;
            String v = field(r, d, resource);
            if (v != null && patterns.get(i).matcher(v).matches()) return i;
        }
        return rules.size();
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Adds a line to the cells of the UTC days its period covers (within the query), in proportion to time. */
    private static void spread(
            Map<CellKey, CostCell> cells,
            UnitCostQuery q,
            Target target,
            Dim d,
            long start,
            long end,
            BigDecimal cost,
            double hours) {
        long lo = q.from() == null ? start : Math.max(start, q.from());
        long hi = q.to() == null ? end : Math.min(end, q.to());
        if (end <= start) {
            if (q.from() != null && start < q.from() || q.to() != null && start >= q.to()) return;
            add(
                    cells,
                    new CellKey(Math.floorDiv(start, DAY), target, d.pricingModel(), d.currency()),
                    cost,
                    d.hourly(),
                    hours,
                    1);
            return;
        }
        if (hi <= lo) return;
        long span = end - start;
        for (long day = Math.floorDiv(lo, DAY); day * DAY < hi; day++) {
            long a = Math.max(lo, day * DAY);
            long b = Math.min(hi, (day + 1) * DAY);
            if (b <= a) continue;
            BigDecimal part = b - a == span
                    ? cost
                    : cost.multiply(BigDecimal.valueOf(b - a))
                            .divide(BigDecimal.valueOf(span), SCALE, RoundingMode.HALF_EVEN);
            add(
                    cells,
                    new CellKey(day, target, d.pricingModel(), d.currency()),
                    part,
                    d.hourly(),
                    hours * (b - a) / span,
                    day == Math.floorDiv(lo, DAY) ? 1 : 0);
        }
    }

    private static void add(
            Map<CellKey, CostCell> cells, CellKey k, BigDecimal cost, boolean hourly, double hours, long lines) {
        CostCell c = cells.computeIfAbsent(k, x -> new CostCell());
        c.cost = c.cost.add(cost);
        if (hourly) {
            c.timeCost = c.timeCost.add(cost);
            c.hours += hours;
        }
        c.lines += lines;
    }

    private Map<ReqKey, ReqCell> requestCells(UnitCostQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder(
                "SELECT r.day, d.endpoint, d.model, SUM(r.requests), SUM(r.errors), SUM(r.input_tokens),"
                        + " SUM(r.output_tokens), SUM(r.busy_seconds) FROM request_days r JOIN log_dims d ON d.id = r.dim_id WHERE 1");
        List<String> args = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND r.day >= ?");
            args.add(LocalDate.ofEpochDay(Math.floorDiv(q.from(), DAY)).toString());
        }
        if (q.to() != null) {
            sql.append(" AND r.day < ?");
            args.add(LocalDate.ofEpochDay(Math.floorDiv(q.to() + DAY - 1, DAY)).toString());
        }
        sql.append(" GROUP BY 1, 2, 3");
        Map<ReqKey, ReqCell> out = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setString(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ReqCell c = new ReqCell();
                    c.requests = rs.getLong(4);
                    c.errors = rs.getLong(5);
                    c.in = rs.getLong(6);
                    c.out = rs.getLong(7);
                    c.busy = rs.getDouble(8);
                    out.put(
                            new ReqKey(LocalDate.parse(rs.getString(1)).toEpochDay(), rs.getString(2), rs.getString(3)),
                            c);
                }
            }
        }
        return out;
    }

    private static boolean covers(Target t, ReqKey r) {
        return (t.endpoint() == null || t.endpoint().equals(r.endpoint()))
                && (t.model() == null || t.model().equals(r.model()));
    }

    /** What a group is made of while it is being added up. */
    private static final class Group {
        final Map<String, String> keys;
        final String currency;
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal idle = BigDecimal.ZERO;
        double hours;
        long lines;
        final Map<ReqKey, ReqCell> requests = new LinkedHashMap<>();

        Group(Map<String, String> keys, String currency) {
            this.keys = keys;
            this.currency = currency;
        }

        UnitCostRow row() {
            ReqCell r = new ReqCell();
            requests.values().forEach(r::add);
            return new UnitCostRow(
                    keys,
                    currency,
                    cost.stripTrailingZeros(),
                    idle.setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                    lines,
                    r.requests,
                    r.errors,
                    r.in,
                    r.out,
                    hours,
                    r.busy);
        }
    }

    private UnitCostReport report(
            UnitCostQuery q,
            List<AttributionRule> rules,
            boolean defaults,
            Map<CellKey, CostCell> cells,
            Map<ReqKey, ReqCell> reqs) {
        // Requests each (day, target) serves, and the idle share of its hour-billed capacity.
        Map<Long, List<ReqKey>> reqByDay = new HashMap<>();
        for (ReqKey k : reqs.keySet())
            reqByDay.computeIfAbsent(k.day(), d -> new ArrayList<>()).add(k);
        Map<List<Object>, List<ReqKey>> served = new HashMap<>();
        java.util.Set<ReqKey> covered = new java.util.HashSet<>();
        Map<List<Object>, double[]> capacity = new HashMap<>();
        for (var e : cells.entrySet()) {
            CellKey k = e.getKey();
            if (!k.target().attributed()) continue;
            List<Object> dt = List.of(k.day(), k.target());
            served.computeIfAbsent(dt, x -> {
                List<ReqKey> l = new ArrayList<>();
                for (ReqKey r : reqByDay.getOrDefault(k.day(), List.of())) if (covers(k.target(), r)) l.add(r);
                covered.addAll(l);
                return l;
            });
            capacity.computeIfAbsent(dt, x -> new double[1])[0] += e.getValue().hours;
        }
        for (var e : cells.entrySet()) {
            CellKey k = e.getKey();
            CostCell c = e.getValue();
            if (!k.target().attributed() || c.hours <= 0) continue;
            List<Object> dt = List.of(k.day(), k.target());
            double busy = 0;
            for (ReqKey r : served.get(dt)) busy += reqs.get(r).busy;
            double idleShare = Math.max(0, 1 - busy / 3600 / capacity.get(dt)[0]);
            c.idle = c.timeCost.multiply(BigDecimal.valueOf(idleShare));
        }
        Map<List<String>, Group> groups = new TreeMap<>(UnitCosts::compareKeys);
        Map<String, Group> totals = new TreeMap<>();
        Map<String, Group> unattributed = new TreeMap<>();
        for (var e : cells.entrySet()) {
            CellKey k = e.getKey();
            CostCell c = e.getValue();
            List<ReqKey> rs = k.target().attributed() ? served.get(List.of(k.day(), k.target())) : List.of();
            if (!k.target().attributed() && !q.by().contains(UnitCostQuery.Key.ENDPOINT)) {
                // Without an endpoint key, unattributed cost would be mixed into the groups: it is reported apart only.
                addCost(
                        unattributed.computeIfAbsent(
                                k.currency(), cur -> new Group(Map.of("endpoint", UNATTRIBUTED), cur)),
                        c);
                continue;
            }
            Map<String, String> keys = keys(q, k.day(), label(k.target(), rs), k.pricingModel());
            Group g = group(groups, keys, k.currency());
            addCost(g, c);
            for (ReqKey r : rs) g.requests.put(r, reqs.get(r));
            Group t = k.target().attributed()
                    ? totals.computeIfAbsent(k.currency(), cur -> new Group(Map.of(), cur))
                    : unattributed.computeIfAbsent(
                            k.currency(), cur -> new Group(Map.of("endpoint", UNATTRIBUTED), cur));
            addCost(t, c);
        }
        // Requests no attributed cost covers: shown with zero cost so that a missing rule is visible.
        // The total counts every request when the attributed cost is in one currency (or there is none); with
        // several currencies there is one total per currency and the requests belong to none of them alone.
        String currency = totals.size() == 1 ? totals.keySet().iterator().next() : null;
        Group total = currency != null
                ? totals.get(currency)
                : totals.isEmpty() && !reqs.isEmpty()
                        ? totals.computeIfAbsent("", cur -> new Group(Map.of(), null))
                        : null;
        for (var e : reqs.entrySet()) {
            ReqKey r = e.getKey();
            if (!covered.contains(r)) {
                Group g = group(groups, keys(q, r.day(), new String[] {r.endpoint(), r.model()}, null), currency);
                g.requests.put(r, e.getValue());
            }
            if (total != null) total.requests.put(r, e.getValue());
        }
        return new UnitCostReport(
                groups.values().stream().map(Group::row).toList(),
                totals.values().stream().map(Group::row).toList(),
                unattributed.values().stream().map(Group::row).toList(),
                rules,
                defaults);
    }

    private static void addCost(Group g, CostCell c) {
        g.cost = g.cost.add(c.cost);
        g.idle = g.idle.add(c.idle);
        g.hours += c.hours;
        g.lines += c.lines;
    }

    private static Group group(Map<List<String>, Group> groups, Map<String, String> keys, String currency) {
        List<String> id = new ArrayList<>(keys.values());
        id.add(currency);
        return groups.computeIfAbsent(id, x -> new Group(keys, currency));
    }

    /** Endpoint and model shown for a target: its own, else those of the requests it serves (joined with '+'). */
    private static String[] label(Target t, List<ReqKey> served) {
        if (!t.attributed()) return new String[] {UNATTRIBUTED, null};
        String endpoint = t.endpoint() != null
                ? t.endpoint()
                : joined(served.stream().map(ReqKey::endpoint).toList());
        String model = t.model() != null
                ? t.model()
                : joined(served.stream().map(ReqKey::model).toList());
        return new String[] {endpoint, model};
    }

    private static String joined(List<String> values) {
        TreeSet<String> s = new TreeSet<>();
        for (String v : values) if (v != null) s.add(v);
        return s.isEmpty() ? null : String.join("+", s);
    }

    private static Map<String, String> keys(UnitCostQuery q, long day, String[] endpointModel, String pricingModel) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (UnitCostQuery.Key k : q.by()) {
            keys.put(
                    k.code(),
                    switch (k) {
                        case DAY -> LocalDate.ofEpochDay(day).toString();
                        case ENDPOINT -> endpointModel[0];
                        case MODEL -> endpointModel[1];
                        case PRICING_MODEL -> pricingModel;
                    });
        }
        return keys;
    }

    private static int compareKeys(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Objects.compare(
                    a.get(i), b.get(i), java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
            if (c != 0) return c;
        }
        return Integer.compare(a.size(), b.size());
    }
}
