package frontier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The daily roll-up of the charges ({@code charge_days}, schema v5): per import, UTC day of the charge
 * period's start (epoch day) and dimension tuple, the exact sums of billed, effective and list cost and
 * the number of lines; and the unit-cost roll-up of schema v6, {@code unit_days} (the lines inside one day) and
 * {@code charge_spans} (the others, by rowid), which {@link UnitCosts} reads instead of every charge; and the search
 * dictionary of schema v8 ({@code resources}: each distinct resource id and name once; {@code charge_resources}: the
 * charges of each), so a search reads the charges it matches instead of every charge. Every grouping of {@link Dimension} or tag is a function of (import, day, dims),
 * so totals over whole days read these few rows instead of every charge; the sums are added again with
 * {@code decsum}, so the totals are exactly those of the charges. The roll-up of an import is rebuilt
 * from its rowid range whenever its charges change (import, replaced overlap, deletion).
 */
final class ChargeDays {
    static final long DAY = 86_400;

    private ChargeDays() {}

    /**
     * The charges whose period lies inside the UTC day it starts on (and after 1970): Unit cost gives such a line
     * whole to that day, so {@code unit_days} can add them up beforehand; the others go to {@code charge_spans}.
     */
    private static final String CONTAINED =
            "period_start >= 0 AND period_end > period_start AND period_end <= (period_start / 86400 + 1) * 86400";

    /** The figure columns of {@code unit_days}, as {@code UnitCostQuery.Figure} reads them: the column, else billed. */
    private static String figure(String value) {
        return "decsum(" + value + "), COUNT(" + value + "), SUM(CASE WHEN " + value
                + " IS NOT NULL THEN CAST(COALESCE(pricing_quantity, quantity) AS REAL) END)";
    }

    /** The statement that fills {@code unit_days} from the contained charges, narrowed by {@code where} ("" or " AND …"). */
    static String unitDaysInsert(String where) {
        return "INSERT INTO unit_days SELECT import_id, period_start / 86400, dim_id, " + figure("billed_cost") + ", "
                + figure("COALESCE(effective_cost, billed_cost)") + ", " + figure("COALESCE(list_cost, billed_cost)")
                + " FROM charges WHERE " + CONTAINED + where + " GROUP BY 1, 2, 3";
    }

    /** The statement that lists in {@code charge_spans} the charges that are not contained, narrowed by {@code where}. */
    static String spansInsert(String where) {
        return "INSERT INTO charge_spans SELECT import_id, rowid FROM charges WHERE NOT (" + CONTAINED + ")" + where;
    }

    /**
     * A charge's own searchable text (resource id and name), lower-cased as the search compares it; schema v8 keeps
     * each distinct one once in {@code resources} and every charge's in {@code charge_resources}.
     */
    static final String RESOURCE_TEXT = "lower(IFNULL(c.resource_id,'') || '|' || IFNULL(c.resource_name,''))";

    /** The statement that adds to {@code resources} the texts of charges {@code c} not yet there, narrowed by {@code where}. */
    static String resourcesInsert(String where) {
        return "INSERT OR IGNORE INTO resources(text) SELECT " + RESOURCE_TEXT + " FROM charges c WHERE 1" + where;
    }

    /** The statement that lists each charge {@code c} with its text's id in {@code charge_resources}, narrowed by {@code where}. */
    static String chargeResourcesInsert(String where) {
        // CROSS JOIN keeps the charges the outer loop (SQLite does not reorder it): one index look-up per charge.
        return "INSERT INTO charge_resources SELECT r.id, c.import_id, c.rowid FROM charges c CROSS JOIN resources r ON r.text = "
                + RESOURCE_TEXT + " WHERE 1" + where;
    }

    /** Rebuilds the roll-ups of import {@code importId}, whose charges lie in rowids [first, last]. */
    static void rebuild(Connection conn, long importId, long first, long last) throws SQLException {
        delete(conn, importId);
        String range = " AND rowid BETWEEN ? AND ? AND import_id = ?";
        String charges = " AND c.rowid BETWEEN ? AND ? AND c.import_id = ?";
        for (String sql : List.of(
                unitDaysInsert(range), spansInsert(range), resourcesInsert(charges), chargeResourcesInsert(charges))) {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setLong(1, first);
                ps.setLong(2, last);
                ps.setLong(3, importId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps =
                conn.prepareStatement("INSERT INTO charge_days SELECT import_id, period_start / 86400, dim_id,"
                        + " decsum(billed_cost), decsum(effective_cost), decsum(list_cost), COUNT(*) FROM charges"
                        + " WHERE rowid BETWEEN ? AND ? AND import_id = ? GROUP BY 2, 3")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            ps.setLong(3, importId);
            ps.executeUpdate();
        }
    }

    static void delete(Connection conn, long importId) throws SQLException {
        // charge_resources is keyed by text first: one short range per distinct text instead of a scan. A text
        // whose charges are all gone stays in resources (it then matches no line).
        for (String table : List.of(
                "charge_days",
                "unit_days",
                "charge_spans",
                "charge_resources WHERE res_id IN (SELECT id FROM resources) AND")) {
            String sql = table.endsWith("AND")
                    ? "DELETE FROM " + table + " import_id = ?"
                    : "DELETE FROM " + table + " WHERE import_id = ?";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setLong(1, importId);
                ps.executeUpdate();
            }
        }
    }

    /** Whether a period bound (epoch s, null for none) falls on a UTC midnight, where the roll-up can answer. */
    static boolean wholeDay(Long bound) {
        return bound == null || Math.floorMod(bound, DAY) == 0;
    }
}
