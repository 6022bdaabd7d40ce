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
        boolean wholeDays = ChargeDays.wholeDay(q.from()) && ChargeDays.wholeDay(q.to());
        if (wholeDays && !q.search().isEmpty()) return searchTotals(q);
        return totals(q, wholeDays);
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
                    if (rollup) return summedRow(q.by(), rs);
                    List<String> k = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) k.add(rs.getString(i));
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

    /**
     * A {@code dims} row's descriptive fields as one lower-cased text (SQLite's {@code lower}, ASCII only), what a search
     * word is looked for in. Stored once per tuple in {@code dims.search_text} (schema v9, filled by the import and the
     * migration) rather than rebuilt for every row, word and query.
     */
    private static final String LINE_TEXT =
            "lower(IFNULL(provider,'') || '|' || IFNULL(billing_account,'') || '|' || IFNULL(sub_account,'')"
                    + " || '|' || IFNULL(service,'') || '|' || IFNULL(service_category,'') || '|' || IFNULL(region,'') || '|' || IFNULL(sku,'')"
                    + " || '|' || IFNULL(instance_type,'') || '|' || IFNULL(pricing_model,'') || '|' || IFNULL(charge_category,'')"
                    + " || '|' || IFNULL(charge_class,'') || '|' || IFNULL(tags,'') || '|' || IFNULL(currency,''))";

    /** Fills {@code dims.search_text} of the tuples that have none yet (new ones of an import, all in the migration). */
    static final String FILL_SEARCH_TEXT = "UPDATE dims SET search_text = " + LINE_TEXT + " WHERE search_text IS NULL";

    /**
     * The condition on a {@code dims} row that its descriptive fields contain {@code w} (a pricing model or charge
     * category also by its label), its parameters appended to {@code args}.
     */
    private static String dimsMatch(String w, List<Object> args) {
        StringBuilder dims = new StringBuilder("(instr(search_text, ?) > 0");
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
        return dims.append(")").toString();
    }

    /** The ids of the dimension tuples that contain every word by themselves (their lines match whatever the resource). */
    private static String dimsMatchingAll(List<String> words, List<Object> args) {
        List<String> all = new ArrayList<>();
        for (String w : words) all.add(dimsMatch(w, args));
        return "SELECT id FROM dims WHERE " + String.join(" AND ", all);
    }

    /** The ids of the resource texts that contain any of the words. */
    private static String resourcesMatchingAny(List<String> words, List<Object> args) {
        List<String> any = new ArrayList<>();
        for (String w : words) {
            any.add("instr(text, ?) > 0");
            args.add(w);
        }
        return "SELECT id FROM resources WHERE " + String.join(" OR ", any);
    }

    /**
     * The FROM and WHERE of the lines with search words that are not in a tuple of {@link #dimsMatchingAll}: such a
     * line needs its resource text to contain a word, so they are read through {@code charge_resources cr} from the
     * texts that contain one (the dictionary, not the charges, is searched), then checked word by word.
     */
    private static String resourceLines(LineQuery q, List<Object> args) {
        List<String> words = q.words();
        StringBuilder sql = new StringBuilder(
                // CROSS JOIN: the matching texts' charges drive the query, never a walk of every charge in period
                // order.
                " FROM charge_resources cr CROSS JOIN charges c ON c.rowid = cr.charge_rowid JOIN dims d ON d.id = c.dim_id");
        List<String> where = new ArrayList<>();
        where.add("cr.res_id IN (" + resourcesMatchingAny(words, args) + ")");
        where.add("c.dim_id NOT IN (" + dimsMatchingAll(words, args) + ")");
        for (String w : words) {
            where.add("(c.dim_id IN (SELECT id FROM dims WHERE " + dimsMatch(w, args)
                    + ") OR cr.res_id IN (SELECT id FROM resources WHERE instr(text, ?) > 0))");
            args.add(w);
        }
        where.addAll(periodWhere(q.from(), q.to(), args));
        for (CostFilter f : q.filters()) where.add(f.sql(false, args));
        return sql.append(" WHERE ").append(String.join(" AND ", where)).toString();
    }

    /**
     * Totals with search words over whole days, in two disjoint parts added up by SQLite: the lines of the dimension
     * tuples that contain every word, from the daily roll-up; and the others that match, found through the search
     * dictionary ({@link #resourceLines}). Neither reads every charge; the sums are those of {@link #totalsFromCharges}.
     */
    private List<CostRow> searchTotals(CostQuery q) {
        int n = q.by().size();
        LineQuery lq = q.lines(0, 0);
        List<Object> args = new ArrayList<>();
        StringBuilder rolled = new StringBuilder("SELECT ");
        StringBuilder lines = new StringBuilder("SELECT ");
        List<Object> lineArgs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Grouping g = q.by().get(i);
            rolled.append(g.sql(true)).append(" AS k").append(i).append(", ");
            lines.append(g.sql(false)).append(", ");
            if (g.tag() != null) {
                args.add(g.jsonPath());
                lineArgs.add(g.jsonPath());
            }
        }
        rolled.append("d.currency AS cur, r.billed_cost AS b, r.effective_cost AS e, r.list_cost AS l, r.lines AS n"
                        + " FROM charge_days r JOIN dims d ON d.id = r.dim_id WHERE r.dim_id IN (")
                .append(dimsMatchingAll(lq.words(), args))
                .append(")");
        if (q.from() != null) {
            rolled.append(" AND r.day >= ?");
            args.add(Math.floorDiv(q.from(), ChargeDays.DAY));
        }
        if (q.to() != null) {
            rolled.append(" AND r.day < ?");
            args.add(Math.floorDiv(q.to(), ChargeDays.DAY));
        }
        for (CostFilter f : q.filters()) rolled.append(" AND ").append(f.sql(true, args));
        lines.append("d.currency, c.billed_cost, c.effective_cost, c.list_cost, 1")
                .append(resourceLines(lq, lineArgs));
        args.addAll(lineArgs);
        StringBuilder positions = new StringBuilder();
        for (int i = 1; i <= n + 1; i++) positions.append(i == 1 ? "" : ", ").append(i);
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < n; i++) keys.append("k").append(i).append(", ");
        String sql = "SELECT " + keys + "cur, group_concat(b, ' '), group_concat(e, ' '), group_concat(l, ' '), SUM(n)"
                + " FROM (" + rolled + " UNION ALL " + lines + ") GROUP BY " + positions + " ORDER BY " + positions;
        return db.list(sql, rs -> summedRow(q.by(), rs), args.toArray());
    }

    /**
     * A row of totals whose figures come as space-separated partial sums (group_concat): the keys of {@code by}, the
     * currency, billed, effective and list cost, the lines.
     */
    private static CostRow summedRow(List<Grouping> by, ResultSet rs) throws SQLException {
        int n = by.size();
        List<String> k = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) k.add(rs.getString(i));
        return new CostRow(
                by,
                k,
                rs.getString(n + 1),
                sumOf(rs.getString(n + 2)),
                sumOf(rs.getString(n + 3)),
                sumOf(rs.getString(n + 4)),
                rs.getLong(n + 5));
    }

    /** The WHERE clause (possibly empty) of a line query, its parameters appended to {@code args}. */
    private static String lineWhere(LineQuery q, List<Object> args) {
        List<String> where = periodWhere(q.from(), q.to(), args);
        for (CostFilter f : q.filters()) where.add(f.sql(false, args));
        for (String w : q.words()) {
            // Descriptive fields live in the small dims table: match them there once, then filter charges by dim id.
            where.add("(c.dim_id IN (SELECT id FROM dims WHERE " + dimsMatch(w, args)
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
        return lines(q, true);
    }

    /** {@link #lines(LineQuery)} without the search dictionary: every line in period order is tested (what tests compare it with). */
    List<CostLine> linesFromCharges(LineQuery q) {
        return lines(q, false);
    }

    private List<CostLine> lines(LineQuery q, boolean dictionary) {
        List<Object> args = new ArrayList<>();
        // With search words that no dimension tuple contains all of, every matching line is found through the search
        // dictionary; else the lines are read in period order (the index) until the page is full.
        String from = dictionary && !q.words().isEmpty() && !anyDimsMatchAll(q.words())
                ? resourceLines(q, args)
                : " FROM charges c JOIN dims d ON d.id = c.dim_id" + lineWhere(q, args);
        String sql =
                "SELECT c.period_start, c.period_end, d.provider, d.billing_account, d.sub_account, d.service, d.service_category,"
                        + " d.region, d.sku, d.instance_type, d.gpu_count, d.pricing_model, d.charge_category, d.charge_class, c.resource_id,"
                        + " c.resource_name, d.tags, d.currency, c.billed_cost, c.effective_cost, c.list_cost"
                        + from + " ORDER BY c.period_start, c.rowid LIMIT ? OFFSET ?";
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

    /** Whether some dimension tuple contains every word by itself. */
    private boolean anyDimsMatchAll(List<String> words) {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT EXISTS (" + dimsMatchingAll(words, args) + ")";
        return db.list(sql, rs -> rs.getInt(1) == 1, args.toArray()).getFirst();
    }

    /** How many cost lines the query selects (ignoring its offset and limit). */
    public long countLines(LineQuery q) {
        if (ChargeDays.wholeDay(q.from()) && ChargeDays.wholeDay(q.to())) {
            // The roll-up counts the lines of each (import, day, dims), the search dictionary finds the others that
            // match: no need to visit every line.
            return totals(new CostQuery(List.of(), q.from(), q.to(), q.filters(), q.search())).stream()
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
