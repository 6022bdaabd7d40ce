package frontier.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of work in one write transaction on a workspace connection: started by taking the
 * {@link WriteLock} (waiting, bounded, while another connection writes), committed when it returns,
 * rolled back when it throws, auto-commit restored either way. An SQL failure becomes a
 * {@link WorkspaceBusyException} when the workspace was busy, else an {@link IllegalStateException}
 * prefixed with {@code what} (the workspace, or what was being done); other exceptions pass through
 * after the rollback.
 */
final class Transactions {
    /** Work that may fail with an SQL error. */
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transactions() {}

    static <T> T run(WriteLock lock, String what, Work<T> work) {
        Connection conn = lock.connection();
        try {
            lock.begin();
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
            throw WriteLock.failure(what, e);
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
