package frontier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The daily roll-up of the charges ({@code charge_days}, schema v5): per import, UTC day of the charge
 * period's start (epoch day) and dimension tuple, the exact sums of billed, effective and list cost and
 * the number of lines. Every grouping of {@link Dimension} or tag is a function of (import, day, dims),
 * so totals over whole days read these few rows instead of every charge; the sums are added again with
 * {@code decsum}, so the totals are exactly those of the charges. The roll-up of an import is rebuilt
 * from its rowid range whenever its charges change (import, replaced overlap, deletion).
 */
final class ChargeDays {
    static final long DAY = 86_400;

    private ChargeDays() {}

    /** Rebuilds the roll-up of import {@code importId}, whose charges lie in rowids [first, last]. */
    static void rebuild(Connection conn, long importId, long first, long last) throws SQLException {
        delete(conn, importId);
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
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM charge_days WHERE import_id = ?")) {
            ps.setLong(1, importId);
            ps.executeUpdate();
        }
    }

    /** Whether a period bound (epoch s, null for none) falls on a UTC midnight, where the roll-up can answer. */
    static boolean wholeDay(Long bound) {
        return bound == null || Math.floorMod(bound, DAY) == 0;
    }
}
