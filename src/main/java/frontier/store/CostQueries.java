package frontier.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost queries of a {@link Workspace} ({@link Workspace#costs()}): exact totals per group and currency (from the
 * daily roll-up {@link ChargeDays} over whole days, else from the charges), the cost lines behind them with search
 * words, their count, and the tag keys. Shares the workspace's connection and threading rules.
 */
public final class CostQueries extends WorkspacePart {
    CostQueries(Shared shared) {
        super(shared);
    }

    /**
     * Exact totals per group of the query, ordered by the group keys and currency. Over whole UTC days and
     * without search words (which may match a line's resource id) they are read from the daily roll-up
     * ({@link ChargeDays}), else from the charges; both give the same exact sums.
     */
    public List<CostRow> totals(CostQuery q) {
        return totals(q, q.search().isEmpty() && ChargeDays.wholeDay(q.from()) && ChargeDays.wholeDay(q.to()));
    }

    /** {@link #totals(CostQuery)} read from every charge, never from the roll-up (what tests and {@code bench costs} compare it with). */
    public List<CostRow> totalsFromCharges(CostQuery q) {
        return totals(q, false);
    }

    private List<CostRow> totals(CostQuery q, boolean rollup) {
        int n = q.by().size();
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> args = new ArrayList<>();
        for (Grouping g : q.by()) {
            sql.append(g.sql(rollup)).append(", ");
            if (g.tag() != null) args.add(g.jsonPath());
        }
        if (rollup) {
            // The partial sums are joined by SQLite's own group_concat and added here: a decsum call per roll-up
            // row would cost a call from SQLite into Java each, more than the rest of the query.
            sql.append(
                    "d.currency, group_concat(r.billed_cost, ' '), group_concat(r.effective_cost, ' '), group_concat(r.list_cost, ' '),"
                            + " SUM(r.lines) FROM charge_days r JOIN dims d ON d.id = r.dim_id");
            List<String> where = new ArrayList<>();
            if (q.from() != null) {
                where.add("r.day >= ?");
                args.add(Math.floorDiv(q.from(), ChargeDays.DAY));
            }
            if (q.to() != null) {
                where.add("r.day < ?");
                args.add(Math.floorDiv(q.to(), ChargeDays.DAY));
            }
            for (CostFilter f : q.filters()) where.add(f.sql(true, args));
            if (!where.isEmpty()) sql.append(" WHERE ").append(String.join(" AND ", where));
        } else {
            sql.append("d.currency, decsum(c.billed_cost), decsum(c.effective_cost), decsum(c.list_cost), COUNT(*)"
                    + " FROM charges c JOIN dims d ON d.id = c.dim_id");
            sql.append(lineWhere(q.lines(0, 0), args));
        }
        // Group and order by position: a tag's expression carries a bound parameter, which SQLite would
        // not recognise as the same expression if it were repeated.
        StringBuilder positions = new StringBuilder();
        for (int i = 1; i <= n + 1; i++) positions.append(i == 1 ? "" : ", ").append(i);
        sql.append(" GROUP BY ").append(positions).append(" ORDER BY ").append(positions);
        return db.list(
                sql.toString(),
                rs -> {
                    List<String> k = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) k.add(rs.getString(i));
                    if (rollup) {
                        return new CostRow(
                                q.by(),
                                k,
                                rs.getString(n + 1),
                                sumOf(rs.getString(n + 2)),
                                sumOf(rs.getString(n + 3)),
                                sumOf(rs.getString(n + 4)),
                                rs.getLong(n + 5));
                    }
                    return new CostRow(
                            q.by(),
                            k,
                            rs.getString(n + 1),
                            decimal(rs.getString(n + 2)),
                            decimal(rs.getString(n + 3)),
                            decimal(rs.getString(n + 4)),
                            rs.getLong(n + 5));
                },
                args.toArray());
    }

    /** The conditions (to be joined with AND) that a charge's period starts in [from, to); null bounds add none. */
    private static List<String> periodWhere(Long from, Long to, List<Object> args) {
        List<String> where = new ArrayList<>();
        if (from != null) {
            where.add("c.period_start >= ?");
            args.add(from);
        }
        if (to != null) {
            where.add("c.period_start < ?");
            args.add(to);
        }
        return where;
    }

    private static final String LINE_TEXT =
            "lower(IFNULL(provider,'') || '|' || IFNULL(billing_account,'') || '|' || IFNULL(sub_account,'')"
                    + " || '|' || IFNULL(service,'') || '|' || IFNULL(service_category,'') || '|' || IFNULL(region,'') || '|' || IFNULL(sku,'')"
                    + " || '|' || IFNULL(instance_type,'') || '|' || IFNULL(pricing_model,'') || '|' || IFNULL(charge_category,'')"
                    + " || '|' || IFNULL(charge_class,'') || '|' || IFNULL(tags,'') || '|' || IFNULL(currency,''))";

    /** The WHERE clause (possibly empty) of a line query, its parameters appended to {@code args}. */
    private static String lineWhere(LineQuery q, List<Object> args) {
        List<String> where = periodWhere(q.from(), q.to(), args);
        for (CostFilter f : q.filters()) where.add(f.sql(false, args));
        for (String w : q.words()) {
            // Descriptive fields live in the small dims table: match them there once, then filter charges by dim id.
            StringBuilder dims = new StringBuilder("SELECT id FROM dims WHERE instr(" + LINE_TEXT + ", ?) > 0");
            args.add(w);
            for (frontier.domain.PricingModel m : frontier.domain.PricingModel.values()) {
                if (m.label().toLowerCase(java.util.Locale.ROOT).contains(w)) {
                    dims.append(" OR pricing_model = ?");
                    args.add(m.code());
                }
            }
            for (frontier.ingest.ChargeCategory cc : frontier.ingest.ChargeCategory.values()) {
                if (cc.label().toLowerCase(java.util.Locale.ROOT).contains(w)) {
                    dims.append(" OR charge_category = ?");
                    args.add(cc.code());
                }
            }
            where.add("(c.dim_id IN (" + dims
                    + ") OR instr(lower(IFNULL(c.resource_id,'') || '|' || IFNULL(c.resource_name,'')), ?) > 0)");
            args.add(w);
        }
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    /**
     * The cost lines the query selects, at most {@code q.limit()} from {@code q.offset()}, in period
     * order. Meant for paging through a table: each call scans the matching lines once.
     */
    public List<CostLine> lines(LineQuery q) {
        List<Object> args = new ArrayList<>();
        String sql =
                "SELECT c.period_start, c.period_end, d.provider, d.billing_account, d.sub_account, d.service, d.service_category,"
                        + " d.region, d.sku, d.instance_type, d.gpu_count, d.pricing_model, d.charge_category, d.charge_class, c.resource_id,"
                        + " c.resource_name, d.tags, d.currency, c.billed_cost, c.effective_cost, c.list_cost"
                        + " FROM charges c JOIN dims d ON d.id = c.dim_id" + lineWhere(q, args)
                        + " ORDER BY c.period_start, c.rowid LIMIT ? OFFSET ?";
        args.add(q.limit());
        args.add(q.offset());
        return db.list(
                sql,
                rs -> {
                    int gpus = rs.getInt(11);
                    Integer gpuCount = rs.wasNull() ? null : gpus;
                    return new CostLine(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            gpuCount,
                            frontier.domain.PricingModel.stored(rs.getString(12)),
                            frontier.ingest.ChargeCategory.stored(rs.getString(13)),
                            rs.getString(14),
                            rs.getString(15),
                            rs.getString(16),
                            StoredTags.parse(rs.getString(17)),
                            rs.getString(18),
                            decimal(rs.getString(19)),
                            decimal(rs.getString(20)),
                            decimal(rs.getString(21)));
                },
                args.toArray());
    }

    /** How many cost lines the query selects (ignoring its offset and limit). */
    public long countLines(LineQuery q) {
        if (q.words().isEmpty() && ChargeDays.wholeDay(q.from()) && ChargeDays.wholeDay(q.to())) {
            // The roll-up counts the lines of each (import, day, dims): no need to visit them.
            return totals(new CostQuery(List.of(), q.from(), q.to(), q.filters(), "")).stream()
                    .mapToLong(CostRow::rows)
                    .sum();
        }
        List<Object> args = new ArrayList<>();
        String where = lineWhere(q, args);
        String sql = q.words().isEmpty() && q.filters().isEmpty()
                ? "SELECT COUNT(*) FROM charges c" + where
                : "SELECT COUNT(*) FROM charges c JOIN dims d ON d.id = c.dim_id" + where;
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw WriteLock.failure(path, e);
        }
    }

    /**
     * The tag keys present in the workspace, sorted. Read from the distinct dimension tuples, so a key
     * whose lines were all deleted with their import may still be listed (its group is then empty).
     */
    public List<String> tagKeys() {
        return db.list(
                "SELECT DISTINCT j.key FROM dims d, json_each(d.tags) j WHERE d.tags IS NOT NULL AND json_valid(d.tags) ORDER BY 1",
                rs -> rs.getString(1));
    }

    /** The exact sum of space-separated decimals, as {@code decsum} gives it (trailing zeros stripped); null for none. */
    private static BigDecimal sumOf(String partials) {
        if (partials == null) return null;
        BigDecimal sum = BigDecimal.ZERO;
        int i = 0;
        while (i < partials.length()) {
            int j = partials.indexOf(' ', i);
            if (j < 0) j = partials.length();
            sum = sum.add(new BigDecimal(partials.substring(i, j)));
            i = j + 1;
        }
        return new BigDecimal(sum.stripTrailingZeros().toPlainString());
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
