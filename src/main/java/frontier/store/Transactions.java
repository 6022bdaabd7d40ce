package frontier.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of work in one transaction on a workspace connection: committed when it returns, rolled
 * back when it throws, auto-commit restored either way. An SQL failure becomes an
 * {@link IllegalStateException} prefixed with {@code what} (the workspace, or what was being done);
 * other exceptions pass through after the rollback.
 */
final class Transactions {
    /** Work that may fail with an SQL error. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transactions() {
    }

    static <T> T run(Connection conn, String what, Work<T> work) {
        try {
            conn.setAutoCommit(false);
            try {
                T t = work.run();
                conn.commit();
                return t;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(conn);
                throw e;
            } finally {
                conn.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    /** Rolls back an open transaction, ignoring a failure to do so (the original failure is what matters). */
    static void rollbackQuietly(Connection conn) {
        try {
            if (!conn.getAutoCommit()) conn.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }
}
