package frontier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDBC chores the workspace classes share on one connection: reading rows into records, reading one
 * number, binding nullable text. Where a method reports an SQL failure itself, it is an
 * {@link IllegalStateException} prefixed with {@code what} (the workspace, or the part of it), or a
 * {@link WorkspaceBusyException} when SQLite reported the workspace busy.
 */
final class Sql {
    /** Makes one record of the result set's current row. */
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection conn;
    private final String what;

    Sql(Connection conn, String what) {
        this.conn = conn;
        this.what = what;
    }

    /** Every row {@code sql} selects with {@code args} bound in order, each made by {@code row}. */
    <T> List<T> list(String sql, Row<T> row, Object... args) {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(row.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw WriteLock.failure(what, e);
        }
    }

    /** The first column of the first row {@code sql} selects (0 when it is NULL); for use inside a transaction. */
    long scalarLong(String sql) throws SQLException {
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    /** {@link #scalarLong}, reporting an SQL failure itself. */
    long readLong(String sql) {
        try {
            return scalarLong(sql);
        } catch (SQLException e) {
            throw WriteLock.failure(what, e);
        }
    }

    /** Binds {@code v}, or SQL NULL when it is null. */
    static void setText(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, v);
    }
}
