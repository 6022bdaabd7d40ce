package frontier.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The write lock of one workspace connection: every write transaction (an import, a delete, the
 * attribution rules, a saved sweep) starts by taking it, so a second writer waits for the first at the
 * start of its transaction instead of failing half-way with SQLITE_BUSY.
 *
 * <p>SQLite (in WAL mode) lets one connection write at a time; readers never wait. A transaction takes
 * the lock with its first write, and only a transaction that holds no snapshot yet may wait for it (a
 * later upgrade fails at once), so {@link #begin} makes a harmless write the first statement. It tries
 * for a short while at a time, so that it can tell the caller it waits (once), notice a cancellation and
 * stop after {@link #wait()} with a {@link WorkspaceBusyException}. Other statements that meet a busy
 * file (a reader during recovery, the schema migration) wait up to the same limit through SQLite's busy
 * timeout; whatever still reports SQLITE_BUSY or SQLITE_LOCKED becomes a {@link WorkspaceBusyException}
 * through {@link #failure}.
 */
final class WriteLock {
    /** The property, then the environment variable, that set how long a write waits (seconds). */
    static final String PROPERTY = "frontier.busy-wait";

    static final String ENVIRONMENT = "FRONTIER_BUSY_WAIT";
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);
    /** How long one attempt waits inside SQLite before the loop looks at cancellation again. */
    private static final long ATTEMPT_MS = 200;
    /** A write that changes nothing but takes the database's write lock (imports exists in every schema version). */
    private static final String TAKE = "DELETE FROM imports WHERE 0";

    private final Connection conn;
    private final String workspace;
    private Duration wait;
    private Consumer<String> notice = m -> {};

    WriteLock(Connection conn, String workspace, Duration wait) {
        this.conn = conn;
        this.workspace = workspace;
        this.wait = wait;
    }

    Connection connection() {
        return conn;
    }

    Duration waitLimit() {
        return wait;
    }

    void setWait(Duration wait) throws SQLException {
        if (wait.isNegative()) throw new IllegalArgumentException("negative wait: " + wait);
        this.wait = wait;
        busyTimeout(millis(wait));
    }

    void setNotice(Consumer<String> notice) {
        this.notice = notice;
    }

    /** The wait set by {@code -Dfrontier.busy-wait=SECONDS}, else {@code FRONTIER_BUSY_WAIT}, else 60 s. */
    static Duration configuredWait() {
        String p = System.getProperty(PROPERTY);
        String name = "-D" + PROPERTY;
        if (p == null || p.isBlank()) {
            p = System.getenv(ENVIRONMENT);
            name = ENVIRONMENT;
        }
        if (p == null || p.isBlank()) return DEFAULT_WAIT;
        double s;
        try {
            s = Double.parseDouble(p.strip());
        } catch (NumberFormatException e) {
            s = Double.NaN;
        }
        if (!(s >= 0 && s <= 86_400)) {
            throw new frontier.sim.BadInputException(
                    name + ": expected a number of seconds between 0 and 86400, got '" + p + "'");
        }
        return Duration.ofNanos((long) (s * 1e9));
    }

    /**
     * Starts a write transaction holding the lock (auto-commit off); waits while another connection
     * holds it, telling {@code waiting} once that it waits. Gives up with {@code onCancel}'s
     * exception when {@code cancelled} turns true, with a {@link WorkspaceBusyException} after the wait.
     */
    void begin(BooleanSupplier cancelled, Consumer<String> waiting, Supplier<RuntimeException> onCancel)
            throws SQLException {
        long start = System.nanoTime();
        long limit = wait.toNanos();
        boolean told = false;
        busyTimeout(Math.min(ATTEMPT_MS, millis(wait)));
        try {
            while (true) {
                conn.setAutoCommit(false);
                try (Statement s = conn.createStatement()) {
                    s.executeUpdate(TAKE);
                    return;
                } catch (SQLException e) {
                    Transactions.rollbackQuietly(conn);
                    conn.setAutoCommit(true);
                    if (!isBusy(e)) throw e;
                    // Told before the give-up check: a first attempt that outlasts the whole wait (a slow
                    // machine) has still waited, and the user hears why before the refusal.
                    if (!told) {
                        told = true;
                        waiting.accept(waitingMessage());
                    }
                    if (System.nanoTime() - start >= limit) throw busy(e);
                }
                if (cancelled.getAsBoolean()) throw onCancel.get();
            }
        } finally {
            busyTimeout(millis(wait));
        }
    }

    /** {@link #begin} for a write that cannot be cancelled and has no monitor of its own: the workspace's notice hears that it waits. */
    void begin() throws SQLException {
        begin(() -> false, notice, () -> new IllegalStateException("not cancellable"));
    }

    String waitingMessage() {
        return String.format(
                Locale.ROOT,
                "workspace busy: another import is running (or another change is being saved) in %s;"
                        + " waiting up to %s for it to finish…",
                workspace,
                seconds(wait));
    }

    /** What a write that waited in vain reports. */
    WorkspaceBusyException busy(Throwable cause) {
        return new WorkspaceBusyException(
                workspace + ": workspace busy: another import or change kept it locked for " + seconds(wait)
                        + "; nothing was stored. Try again when it has finished (wait longer with " + ENVIRONMENT
                        + "=SECONDS).",
                cause);
    }

    /**
     * The exception for an SQL failure while working on the workspace: a {@link WorkspaceBusyException}
     * when SQLite reported it busy or locked, else an {@link IllegalStateException} prefixed with {@code what}.
     */
    static RuntimeException failure(Object what, SQLException e) {
        if (isBusy(e)) {
            return new WorkspaceBusyException(
                    what + ": workspace busy: another import or change is writing to it and kept it locked"
                            + " (" + e.getMessage()
                            + "); nothing was changed. Try again when it has finished (wait longer with " + ENVIRONMENT
                            + "=SECONDS).",
                    e);
        }
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }

    /** True for SQLITE_BUSY and SQLITE_LOCKED and their extended codes. */
    static boolean isBusy(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode c = s.getResultCode();
                int primary = c.code & 0xff;
                if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code)
                    return true;
            } else if (t instanceof SQLException q) {
                int primary = q.getErrorCode() & 0xff;
                if (primary == 5 || primary == 6) return true;
            }
        }
        return false;
    }

    private void busyTimeout(long ms) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + ms);
        }
    }

    private static long millis(Duration d) {
        return Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    private static String seconds(Duration d) {
        double s = d.toNanos() / 1e9;
        return s == Math.rint(s) ? String.format(Locale.ROOT, "%.0f s", s) : String.format(Locale.ROOT, "%.1f s", s);
    }
}
