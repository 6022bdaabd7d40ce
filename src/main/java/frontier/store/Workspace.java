package frontier.store;

import frontier.sim.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/**
 * The local SQLite workspace: one file holding billing imports and their cost queries, request logs, attribution
 * rules and saved sweeps. A facade over one part per aggregate, each on this workspace's connection:
 * {@link #billing()} (imports of billing exports, duplicates, overlaps, the import history), {@link #costs()}
 * (totals, lines and tag keys), {@link #requestLogs()}, {@link #attribution()}, {@link #unitCosts()} and
 * {@link #sweeps()}.
 *
 * <p>Every import is one transaction: it is either stored completely or not at all (bad input,
 * cancellation, a duplicate or a refused overlap roll it back).
 *
 * <p>Several connections (threads, processes, the app and the CLI) may use one workspace file: readers
 * never wait, and a write waits while another connection writes ({@link #setBusyWait}, 60 s by
 * default), then fails with a {@link WorkspaceBusyException} having stored nothing.
 *
 * <p>Not thread-safe: use one instance (and its parts) from one thread at a time (open one per background task).
 */
public final class Workspace implements AutoCloseable {
    static {
        // sqlite-jdbc logs through SLF4J; without a provider SLF4J prints a three-line warning on stderr
        // that would pollute the CLI's output. Nothing below WARN matters to us.
        if (System.getProperty("slf4j.internal.verbosity") == null)
            System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    private final Path path;
    private final Connection conn;
    private final Sql db;
    private final WriteLock lock;
    private final WorkspacePart.Shared shared;
    private RequestLogs requestLogs;
    private BillingImports billing;
    private CostQueries costs;
    private SweepStore sweeps;

    private Workspace(Path path, Connection conn, Duration busyWait) {
        this.path = path;
        this.conn = conn;
        this.db = new Sql(conn, path.toString());
        this.lock = new WriteLock(conn, path.toString(), busyWait);
        this.shared = new WorkspacePart.Shared(path, conn, db, lock);
    }

    /**
     * The workspace used when none is named, the app's and the CLI's by one rule ({@link CurrentWorkspace}):
     * {@code -Dfrontier.workspace=PATH}, else the most recently used one that still exists, else
     * {@code ~/.frontier/workspace.sqlite}.
     */
    public static Path defaultPath() {
        return CurrentWorkspace.resolve();
    }

    /**
     * Opens (creating it if needed) the workspace at {@code path} and brings its schema up to date. Its
     * writes wait for another writer up to {@link #busyWait()}: {@code -Dfrontier.busy-wait=SECONDS}, else
     * the environment variable {@code FRONTIER_BUSY_WAIT}, else 60 s.
     */
    public static Workspace open(Path path) {
        return open(path, migrations);
    }

    private static volatile MigrationMonitor migrations = MigrationMonitor.NONE;

    /**
     * Who watches the schema migrations that {@link #open(Path)} runs on older workspaces in this process (the app's
     * status line); {@link MigrationMonitor#NONE} by default.
     */
    public static void watchMigrations(MigrationMonitor monitor) {
        migrations = Objects.requireNonNull(monitor);
    }

    /**
     * {@link #open(Path)}, telling {@code monitor} how the migration of an older workspace goes; cancelled, it is
     * rolled back ({@link MigrationCancelledException}) and the file left as it was.
     */
    public static Workspace open(Path path, MigrationMonitor monitor) {
        // An empty path (e.g. `-w ""`) is the current directory: say so rather than ": is a directory".
        if (path.toString().isBlank())
            throw new BadInputException("workspace path is empty, expected a workspace file");
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot create the workspace directory: " + e.getMessage());
        }
        if (Files.isDirectory(path)) throw new BadInputException(path + ": is a directory, expected a workspace file");
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        Duration busyWait = WriteLock.configuredWait();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyWait.toMillis()));
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-65536);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
            Function.create(c, "decsum", new DecimalSum());
            Schema.migrate(c, monitor);
            return new Workspace(path, c, busyWait);
        } catch (RuntimeException e) {
            try {
                if (c != null) c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw e;
        } catch (SQLException e) {
            try {
                if (c != null) c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            if (WriteLock.isBusy(e)) throw WriteLock.failure(path, e);
            throw new BadInputException(path + ": not a usable Frontier workspace (" + e.getMessage() + ")", e);
        }
    }

    /** The busy wait a workspace opens with: {@code -Dfrontier.busy-wait=SECONDS}, else {@code FRONTIER_BUSY_WAIT}, else 60 s. */
    public static Duration configuredBusyWait() {
        return WriteLock.configuredWait();
    }

    /** How long a write (an import, a delete, a rule, a saved sweep) waits while another connection writes. */
    public Duration busyWait() {
        return lock.waitLimit();
    }

    /**
     * Sets how long this workspace's writes wait while another connection (another import, the app, a
     * second Frontier) writes; after it they fail with a {@link WorkspaceBusyException} and store nothing.
     */
    public void setBusyWait(Duration wait) {
        try {
            lock.setWait(wait);
        } catch (SQLException e) {
            throw WriteLock.failure(path, e);
        }
    }

    /**
     * Who hears, once per write, that a write other than an import (an import tells its
     * {@link ImportMonitor#waiting monitor}) waits for another writer: "workspace busy: …".
     */
    public void setBusyNotice(java.util.function.Consumer<String> notice) {
        lock.setNotice(Objects.requireNonNull(notice));
    }

    public Path path() {
        return path;
    }

    /** Request-log imports and their queries, on this workspace's connection (same threading rules). */
    public RequestLogs requestLogs() {
        if (requestLogs == null) requestLogs = new RequestLogs(path, lock);
        return requestLogs;
    }

    /** Billing imports, their history, duplicates and overlaps, on this workspace's connection (same threading rules). */
    public BillingImports billing() {
        if (billing == null) billing = new BillingImports(shared);
        return billing;
    }

    /** Cost totals, lines and tag keys, on this workspace's connection (same threading rules). */
    public CostQueries costs() {
        if (costs == null) costs = new CostQueries(shared);
        return costs;
    }

    /** Saved sweeps, on this workspace's connection (same threading rules). */
    public SweepStore sweeps() {
        if (sweeps == null) sweeps = new SweepStore(shared);
        return sweeps;
    }

    /** The rules that attribute cost lines to endpoints and models. */
    public AttributionRules attribution() {
        return new AttributionRules(lock);
    }

    /** Cost per inference: attributed cost divided by the requests the imported logs served. */
    public UnitCosts unitCosts() {
        return new UnitCosts(lock);
    }

    /**
     * Whether opening the workspace file at {@code path} would migrate it: it exists, holds a schema, and the schema is
     * older than this Frontier's. Read without opening it for writing (nothing is changed); a file that is not a
     * workspace answers false here and fails as usual when it is opened.
     */
    public static boolean needsMigration(Path path) {
        if (!Files.isRegularFile(path)) return false;
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            int version = rs.getInt(1);
            return version > 0 && version < Schema.MIGRATIONS.size();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The schema version of the open workspace ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return (int) db.readLong("PRAGMA user_version");
    }

    /** Total number of stored charges. */
    public long chargeCount() {
        return db.readLong("SELECT COUNT(*) FROM charges");
    }

    @Override
    public void close() {
        try {
            conn.close();
        } catch (SQLException e) {
            throw WriteLock.failure(path, e);
        }
    }
}
