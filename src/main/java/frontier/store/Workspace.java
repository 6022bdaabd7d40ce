package frontier.store;

import static frontier.store.Sql.setText;

import frontier.ingest.BillingSource;
import frontier.ingest.Charge;
import frontier.ingest.CostBasis;
import frontier.ingest.ReadOptions;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;

/**
 * The local SQLite workspace that billing exports are imported into and cost totals read from (request
 * logs live in the same file, through {@link #requestLogs()}).
 *
 * <p>Every import is one transaction: it is either stored completely or not at all (bad input,
 * cancellation, a duplicate or a refused overlap roll it back). Re-importing the same content (same
 * SHA-256) is refused unless replacing; an import that covers an account period an earlier import
 * holds is handled by its {@link OverlapPolicy}. Rows are read on a second thread while this one
 * writes them in prepared-statement batches, so parsing and SQLite overlap on two cores.
 *
 * <p>Several connections (threads, processes, the app and the CLI) may use one workspace file: readers
 * never wait, and a write waits while another connection writes ({@link #setBusyWait}, 60 s by
 * default), then fails with a {@link WorkspaceBusyException} having stored nothing.
 *
 * <p>Not thread-safe: use one instance from one thread at a time (open one per background task).
 */
public final class Workspace implements AutoCloseable {
    private static final int BATCH = 4096;

    static {
        // sqlite-jdbc logs through SLF4J; without a provider SLF4J prints a three-line warning on stderr
        // that would pollute the CLI's output. Nothing below WARN matters to us.
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    private final Path path;
    private final Connection conn;
    private final Sql db;
    private final WriteLock lock;
    private RequestLogs requestLogs;

    private Workspace(Path path, Connection conn, Duration busyWait) {
        this.path = path;
        this.conn = conn;
        this.db = new Sql(conn, path.toString());
        this.lock = new WriteLock(conn, path.toString(), busyWait);
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
            Schema.migrate(c);
            return new Workspace(path, c, busyWait);
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

    /** Imports one export (or CUR manifest) in one transaction. */
    public ImportResult importFile(Path file, ReadOptions read, OverlapPolicy policy, ImportMonitor monitor) {
        long t0 = System.nanoTime();
        try (BillingSource source = BillingSource.open(file, read)) {
            return importSource(source, policy, monitor, t0);
        }
    }

    private record DimKey(String provider, String account, String sub, String service, String category, String region,
            String sku, String chargeCategory, String pricingModel, String currency, String unit, String instanceType,
            Integer gpuCount, String chargeClass, String commitmentId, String commitmentStatus, String pricingUnit, String tags) {
    }

    private static final String DIM_COLUMNS = "id, provider, billing_account, sub_account, service, service_category, region, sku,"
            + " charge_category, pricing_model, currency, unit, instance_type, gpu_count, charge_class, commitment_id,"
            + " commitment_status, pricing_unit, tags";
    private static final String CHARGE_COLUMNS = "import_id, dim_id, period_start, period_end, resource_id, billed_cost,"
            + " effective_cost, quantity, resource_name, list_cost, pricing_quantity";

    private record AccountKey(String provider, String account) {
    }

    /**
     * Rows ready for binding, prepared on the reader thread so that the SQLite thread only binds: the
     * dimension tuple already has its id (new tuples travel with the batch), money is already text.
     */
    private static final class Batch extends ReadAhead.Batch {
        final int[] dim = new int[BATCH];
        final long[] start = new long[BATCH];
        final long[] end = new long[BATCH];
        final String[] resource = new String[BATCH];
        final String[] billed = new String[BATCH];
        final String[] effective = new String[BATCH];
        final String[] quantity = new String[BATCH];
        final String[] resourceName = new String[BATCH];
        final String[] list = new String[BATCH];
        final String[] pricingQuantity = new String[BATCH];
        final List<Map.Entry<DimKey, Integer>> newDims = new ArrayList<>();

        Batch() {
            super(BATCH);
        }
    }

    /** The reader side: assigns dimension ids and tracks each account's period; lives on the reader thread. */
    private static final class Preparer {
        final Map<DimKey, Integer> dims;
        int nextDim;
        final Map<AccountKey, long[]> accounts = new LinkedHashMap<>();
        private String lastProvider;
        private String lastAccount;
        private long[] lastStats;

        Preparer(Map<DimKey, Integer> dims, int nextDim) {
            this.dims = dims;
            this.nextDim = nextDim;
        }

        void add(Batch b, Charge c) {
            DimKey k = new DimKey(c.provider(), c.billingAccount(), c.subAccount(), c.service(), c.serviceCategory(),
                    c.region(), c.sku(), c.chargeCategory().code(), c.pricingModel().code(), c.currency(), c.unit(), c.instanceType(),
                    c.gpuCount(), c.chargeClass(), c.commitmentId(), c.commitmentStatus(),
                    Objects.equals(c.pricingUnit(), c.unit()) ? null : c.pricingUnit(), c.tags());
            Integer id = dims.get(k);
            if (id == null) {
                id = nextDim++;
                dims.put(k, id);
                b.newDims.add(Map.entry(k, id));
            }
            int i = b.size++;
            b.dim[i] = id;
            b.start[i] = c.periodStart();
            b.end[i] = c.periodEnd();
            b.resource[i] = c.resourceId();
            b.billed[i] = money(c.billedCost());
            b.effective[i] = money(c.effectiveCost());
            b.quantity[i] = money(c.quantity());
            b.resourceName[i] = c.resourceName();
            b.list[i] = money(c.listCost());
            // Pricing quantity is stored only where it differs from the consumed one (most exports repeat it).
            b.pricingQuantity[i] = c.pricingQuantity() == null || c.pricingQuantity().equals(c.quantity()) ? null : money(c.pricingQuantity());
            long[] a;
            if (Objects.equals(c.provider(), lastProvider) && Objects.equals(c.billingAccount(), lastAccount)) {
                a = lastStats;
            } else {
                a = accounts.computeIfAbsent(new AccountKey(Objects.toString(c.provider(), ""), Objects.toString(c.billingAccount(), "")),
                        x -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
                lastProvider = c.provider();
                lastAccount = c.billingAccount();
                lastStats = a;
            }
            if (c.periodStart() < a[0]) a[0] = c.periodStart();
            if (c.periodEnd() > a[1]) a[1] = c.periodEnd();
            a[2]++;
        }
    }

    private ImportResult importSource(BillingSource src, OverlapPolicy policy, ImportMonitor monitor, long t0) {
        return ImportTransaction.run(lock, path.toString(), src.origin(), monitor, tx -> {
            long id;
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO imports(source, format, cost_basis, sha256, bytes, imported_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, src.origin().toAbsolutePath().normalize().toString());
                ps.setString(2, src.formatLabel());
                ps.setString(3, src.basis().code());
                ps.setString(4, "");
                ps.setLong(5, src.totalBytes());
                ps.setString(6, Instant.now().toString());
                ps.executeUpdate();
            }
            id = db.scalarLong("SELECT last_insert_rowid()");
            long rowidBefore = db.scalarLong("SELECT IFNULL(MAX(rowid), 0) FROM charges");
            Preparer prep = new Preparer(loadDims(), (int) db.scalarLong("SELECT IFNULL(MAX(id), 0) FROM dims") + 1);
            ReadAhead<Batch> ahead = tx.startReader("frontier-import-reader", ReadAhead.filling(src::next, Batch::new, prep::add));

            long rows;
            Map<AccountKey, long[]> accounts;
            try (PreparedStatement ins = conn.prepareStatement("INSERT INTO charges(" + CHARGE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement insDim = conn.prepareStatement("INSERT INTO dims(" + DIM_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                rows = tx.writeAll(ahead, b -> {
                    for (Map.Entry<DimKey, Integer> d : b.newDims) insertDim(insDim, d.getValue(), d.getKey());
                    for (int i = 0; i < b.size; i++) {
                        ins.setLong(1, id);
                        ins.setInt(2, b.dim[i]);
                        ins.setLong(3, b.start[i]);
                        ins.setLong(4, b.end[i]);
                        setText(ins, 5, b.resource[i]);
                        setText(ins, 6, b.billed[i]);
                        setText(ins, 7, b.effective[i]);
                        setText(ins, 8, b.quantity[i]);
                        setText(ins, 9, b.resourceName[i]);
                        setText(ins, 10, b.list[i]);
                        setText(ins, 11, b.pricingQuantity[i]);
                        ins.addBatch();
                    }
                    ins.executeBatch();
                }, src::bytesRead, src.totalBytes());
                accounts = prep.accounts;
            }
            String sha = src.sha256();
            long replaced = 0;
            ImportRecord dup = findBySha(sha, id);
            if (dup != null) {
                if (policy != OverlapPolicy.REPLACE) {
                    throw new DuplicateImportException(src.origin() + ": this content was already imported as import #" + dup.id()
                            + " (" + dup.source() + ", " + dup.importedAt() + ", " + dup.rows() + " rows, same SHA-256); nothing was stored."
                            + " Use --replace to import it again in place of #" + dup.id() + ".", dup);
                }
                replaced += dup.rows();
                deleteImportRows(dup.id());
            }
            List<AccountPeriod> ours = new ArrayList<>();
            accounts.forEach((k, a) -> ours.add(new AccountPeriod(k.provider(), k.account(), a[0], a[1], a[2])));
            List<Overlap> overlaps = overlaps(ours, src.basis());
            if (!overlaps.isEmpty()) {
                switch (policy) {
                    case REFUSE -> throw new OverlapException(overlapMessage(src, overlaps), overlaps);
                    case REPLACE -> replaced += replace(overlaps);
                    case KEEP_BOTH -> {
                    }
                }
            }
            long lastRowid = db.scalarLong("SELECT IFNULL(MAX(rowid), 0) FROM charges");
            ChargeDays.rebuild(conn, id, rowidBefore + 1, lastRowid);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO import_accounts VALUES (?,?,?,?,?,?)")) {
                for (AccountPeriod p : ours) {
                    ps.setLong(1, id);
                    ps.setString(2, p.provider());
                    ps.setString(3, p.billingAccount());
                    ps.setLong(4, p.start());
                    ps.setLong(5, p.end());
                    ps.setLong(6, p.rows());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try (PreparedStatement ps = conn.prepareStatement("UPDATE imports SET sha256=?, rows=?, period_start=?, period_end=?,"
                    + " seconds=?, first_rowid=?, last_rowid=? WHERE id=?")) {
                ps.setString(1, sha);
                ps.setLong(2, rows);
                Long start = ours.stream().map(AccountPeriod::start).min(Long::compare).orElse(null);
                Long end = ours.stream().map(AccountPeriod::end).max(Long::compare).orElse(null);
                if (start == null) ps.setNull(3, java.sql.Types.INTEGER);
                else ps.setLong(3, start);
                if (end == null) ps.setNull(4, java.sql.Types.INTEGER);
                else ps.setLong(4, end);
                ps.setDouble(5, seconds);
                ps.setLong(6, rowidBefore + 1);
                ps.setLong(7, lastRowid);
                ps.setLong(8, id);
                ps.executeUpdate();
            }
            return new ImportResult(find(id), List.copyOf(ours), replaced, List.copyOf(src.notes()));
        });
    }

    private static String money(BigDecimal d) {
        if (d == null) return null;
        if (d.signum() == 0) return "0";
        return d.stripTrailingZeros().toPlainString();
    }

    private static void insertDim(PreparedStatement ps, int id, DimKey k) throws SQLException {
        ps.setInt(1, id);
        String[] v = {k.provider(), k.account(), k.sub(), k.service(), k.category(), k.region(), k.sku(), k.chargeCategory(),
                k.pricingModel(), k.currency(), k.unit(), k.instanceType()};
        for (int i = 0; i < v.length; i++) setText(ps, i + 2, v[i]);
        if (k.gpuCount() == null) ps.setNull(14, java.sql.Types.INTEGER);
        else ps.setInt(14, k.gpuCount());
        String[] w = {k.chargeClass(), k.commitmentId(), k.commitmentStatus(), k.pricingUnit(), k.tags()};
        for (int i = 0; i < w.length; i++) setText(ps, i + 15, w[i]);
        ps.executeUpdate();
    }

    private Map<DimKey, Integer> loadDims() throws SQLException {
        Map<DimKey, Integer> m = new HashMap<>();
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT " + DIM_COLUMNS + " FROM dims")) {
            while (rs.next()) {
                int gpus = rs.getInt(14);
                Integer gpuCount = rs.wasNull() ? null : gpus;
                m.put(new DimKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13), gpuCount, rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                        rs.getString(19)), rs.getInt(1));
            }
        }
        return m;
    }

    private List<Overlap> overlaps(List<AccountPeriod> ours, CostBasis basis) throws SQLException {
        List<Overlap> out = new ArrayList<>();
        String bases = switch (basis) {
            case BOTH -> "'both','actual','amortized'";
            case ACTUAL -> "'both','actual'";
            case AMORTIZED -> "'both','amortized'";
        };
        try (PreparedStatement ps = conn.prepareStatement("SELECT ia.import_id, ia.period_start, ia.period_end, ia.rows"
                + " FROM import_accounts ia JOIN imports i ON i.id = ia.import_id WHERE ia.provider = ? AND ia.billing_account = ?"
                + " AND ia.period_start < ? AND ia.period_end > ? AND i.cost_basis IN (" + bases + ") ORDER BY ia.import_id")) {
            for (AccountPeriod p : ours) {
                ps.setString(1, p.provider());
                ps.setString(2, p.billingAccount());
                ps.setLong(3, p.end());
                ps.setLong(4, p.start());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Overlap(null, new AccountPeriod(p.provider(), p.billingAccount(), rs.getLong(2), rs.getLong(3), rs.getLong(4)), p));
                        out.set(out.size() - 1, new Overlap(find(rs.getLong(1)), out.getLast().theirs(), p));
                    }
                }
            }
        }
        return out;
    }

    private static String overlapMessage(BillingSource src, List<Overlap> overlaps) {
        StringBuilder b = new StringBuilder(src.origin() + ": covers account periods that earlier imports already hold; nothing was stored.");
        for (Overlap o : overlaps) {
            b.append("\n  ").append(o.ours().provider()).append(" account ").append(o.ours().billingAccount()).append(": ")
                    .append(Periods.range(o.ours().start(), o.ours().end())).append(" overlaps import #").append(o.earlier().id())
                    .append(" (").append(Path.of(o.earlier().source()).getFileName()).append(", ")
                    .append(Periods.range(o.theirs().start(), o.theirs().end())).append(")");
        }
        b.append("\nUse --replace to replace the earlier rows of these accounts in this period, or --keep-both to keep both (totals then count the overlap twice).");
        return b.toString();
    }

    /** Deletes earlier rows of each overlapping account whose period starts in our period; returns the rows deleted. */
    private long replace(List<Overlap> overlaps) throws SQLException {
        long deleted = 0;
        for (Overlap o : overlaps) {
            ImportRecord e = o.earlier();
            long[] range = rowidRange(e.id());
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM charges WHERE rowid BETWEEN ? AND ? AND import_id = ?"
                    + " AND period_start >= ? AND period_start < ? AND dim_id IN"
                    + " (SELECT id FROM dims WHERE IFNULL(provider,'') = ? AND IFNULL(billing_account,'') = ?)")) {
                ps.setLong(1, range[0]);
                ps.setLong(2, range[1]);
                ps.setLong(3, e.id());
                ps.setLong(4, o.ours().start());
                ps.setLong(5, o.ours().end());
                ps.setString(6, o.ours().provider());
                ps.setString(7, o.ours().billingAccount());
                deleted += ps.executeUpdate();
            }
            ChargeDays.rebuild(conn, e.id(), range[0], range[1]);
            refreshAccount(e.id(), range, o.ours().provider(), o.ours().billingAccount());
        }
        return deleted;
    }

    private void refreshAccount(long importId, long[] range, String provider, String account) throws SQLException {
        long min;
        long max;
        long n;
        try (PreparedStatement ps = conn.prepareStatement("SELECT MIN(c.period_start), MAX(c.period_end), COUNT(*) FROM charges c"
                + " JOIN dims d ON d.id = c.dim_id WHERE c.rowid BETWEEN ? AND ? AND c.import_id = ?"
                + " AND IFNULL(d.provider,'') = ? AND IFNULL(d.billing_account,'') = ?")) {
            ps.setLong(1, range[0]);
            ps.setLong(2, range[1]);
            ps.setLong(3, importId);
            ps.setString(4, provider);
            ps.setString(5, account);
            try (ResultSet rs = ps.executeQuery()) {
                min = rs.getLong(1);
                max = rs.getLong(2);
                n = rs.getLong(3);
            }
        }
        if (n == 0) {
            update("DELETE FROM import_accounts WHERE import_id = ? AND provider = ? AND billing_account = ?", importId, provider, account);
        } else {
            update("UPDATE import_accounts SET period_start = ?, period_end = ?, rows = ? WHERE import_id = ? AND provider = ? AND billing_account = ?",
                    min, max, n, importId, provider, account);
        }
        long remaining = db.scalarLong("SELECT IFNULL(SUM(rows), 0) FROM import_accounts WHERE import_id = " + importId);
        if (remaining == 0) {
            update("DELETE FROM imports WHERE id = ?", importId);
        } else {
            update("UPDATE imports SET rows = ?, period_start = (SELECT MIN(period_start) FROM import_accounts WHERE import_id = ?),"
                    + " period_end = (SELECT MAX(period_end) FROM import_accounts WHERE import_id = ?) WHERE id = ?",
                    remaining, importId, importId, importId);
        }
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            ps.executeUpdate();
        }
    }

    private long[] rowidRange(long importId) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT first_rowid, last_rowid FROM imports WHERE id = ?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private void deleteImportRows(long importId) throws SQLException {
        long[] r = rowidRange(importId);
        update("DELETE FROM charges WHERE rowid BETWEEN ? AND ? AND import_id = ?", r[0], r[1], importId);
        ChargeDays.delete(conn, importId);
        update("DELETE FROM imports WHERE id = ?", importId);
    }

    /** Deletes an import and its rows; false if there is no such import. */
    public boolean deleteImport(long importId) {
        if (find(importId) == null) return false;
        return Transactions.run(lock, path.toString(), () -> {
            deleteImportRows(importId);
            return true;
        });
    }

    /** Every import, oldest first. */
    public List<ImportRecord> imports() {
        return queryImports("");
    }

    /** The import with this id, or null. */
    public ImportRecord find(long id) {
        List<ImportRecord> r = queryImports(" WHERE i.id = ?", id);
        return r.isEmpty() ? null : r.getFirst();
    }

    private ImportRecord findBySha(String sha, long except) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM imports WHERE sha256 = ? AND id <> ? ORDER BY id LIMIT 1")) {
            ps.setString(1, sha);
            ps.setLong(2, except);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? find(rs.getLong(1)) : null;
            }
        }
    }

    private List<ImportRecord> queryImports(String where, Object... args) {
        String sql = "SELECT i.id, i.source, i.format, i.cost_basis, i.sha256, i.bytes, i.rows, i.period_start, i.period_end,"
                + " i.imported_at, i.seconds, (SELECT group_concat(provider || ' ' || billing_account, ', ') FROM import_accounts"
                + " WHERE import_id = i.id) FROM imports i" + where + " ORDER BY i.id";
        return db.list(sql, rs -> {
            long ps8 = rs.getLong(8);
            Long start = rs.wasNull() ? null : ps8;
            long pe9 = rs.getLong(9);
            Long end = rs.wasNull() ? null : pe9;
            return new ImportRecord(rs.getLong(1), rs.getString(2), rs.getString(3), CostBasis.fromCode(rs.getString(4)),
                    rs.getString(5), rs.getLong(6), rs.getLong(7), start, end, Instant.parse(rs.getString(10)),
                    rs.getDouble(11), Objects.toString(rs.getString(12), ""));
        }, args);
    }

    /**
     * Exact totals per group of the query, ordered by the group keys and currency. Over whole UTC days and
     * without search words (which may match a line's resource id) they are read from the daily roll-up
     * ({@link ChargeDays}), else from the charges; both give the same exact sums.
     */
    public List<CostRow> costs(CostQuery q) {
        return costs(q, q.search().isEmpty() && ChargeDays.wholeDay(q.from()) && ChargeDays.wholeDay(q.to()));
    }

    /** {@link #costs(CostQuery)} read from every charge, never from the roll-up (what tests and {@code bench costs} compare it with). */
    public List<CostRow> costsFromCharges(CostQuery q) {
        return costs(q, false);
    }

    private List<CostRow> costs(CostQuery q, boolean rollup) {
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
            sql.append("d.currency, group_concat(r.billed_cost, ' '), group_concat(r.effective_cost, ' '), group_concat(r.list_cost, ' '),"
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
        return db.list(sql.toString(), rs -> {
            List<String> k = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) k.add(rs.getString(i));
            if (rollup) {
                return new CostRow(q.by(), k, rs.getString(n + 1), sumOf(rs.getString(n + 2)), sumOf(rs.getString(n + 3)),
                        sumOf(rs.getString(n + 4)), rs.getLong(n + 5));
            }
            return new CostRow(q.by(), k, rs.getString(n + 1), decimal(rs.getString(n + 2)),
                    decimal(rs.getString(n + 3)), decimal(rs.getString(n + 4)), rs.getLong(n + 5));
        }, args.toArray());
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

    private static final String LINE_TEXT = "lower(IFNULL(provider,'') || '|' || IFNULL(billing_account,'') || '|' || IFNULL(sub_account,'')"
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
            where.add("(c.dim_id IN (" + dims + ") OR instr(lower(IFNULL(c.resource_id,'') || '|' || IFNULL(c.resource_name,'')), ?) > 0)");
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
        String sql = "SELECT c.period_start, c.period_end, d.provider, d.billing_account, d.sub_account, d.service, d.service_category,"
                + " d.region, d.sku, d.instance_type, d.gpu_count, d.pricing_model, d.charge_category, d.charge_class, c.resource_id,"
                + " c.resource_name, d.tags, d.currency, c.billed_cost, c.effective_cost, c.list_cost"
                + " FROM charges c JOIN dims d ON d.id = c.dim_id" + lineWhere(q, args)
                + " ORDER BY c.period_start, c.rowid LIMIT ? OFFSET ?";
        args.add(q.limit());
        args.add(q.offset());
        return db.list(sql, rs -> {
            int gpus = rs.getInt(11);
            Integer gpuCount = rs.wasNull() ? null : gpus;
            return new CostLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), gpuCount,
                    frontier.domain.PricingModel.stored(rs.getString(12)), frontier.ingest.ChargeCategory.stored(rs.getString(13)), rs.getString(14), rs.getString(15),
                    rs.getString(16), StoredTags.parse(rs.getString(17)), rs.getString(18),
                    decimal(rs.getString(19)), decimal(rs.getString(20)), decimal(rs.getString(21)));
        }, args.toArray());
    }

    /** How many cost lines the query selects (ignoring its offset and limit). */
    public long countLines(LineQuery q) {
        if (q.words().isEmpty() && ChargeDays.wholeDay(q.from()) && ChargeDays.wholeDay(q.to())) {
            // The roll-up counts the lines of each (import, day, dims): no need to visit them.
            return costs(new CostQuery(List.of(), q.from(), q.to(), q.filters(), "")).stream().mapToLong(CostRow::rows).sum();
        }
        List<Object> args = new ArrayList<>();
        String where = lineWhere(q, args);
        String sql = q.words().isEmpty() && q.filters().isEmpty() ? "SELECT COUNT(*) FROM charges c" + where
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
        return db.list("SELECT DISTINCT j.key FROM dims d, json_each(d.tags) j WHERE d.tags IS NOT NULL AND json_valid(d.tags) ORDER BY 1",
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

    /** The rules that attribute cost lines to endpoints and models. */
    public AttributionRules attribution() {
        return new AttributionRules(lock);
    }

    /** Cost per inference: attributed cost divided by the requests the imported logs served. */
    public UnitCosts unitCosts() {
        return new UnitCosts(lock);
    }

    /** Saves a finished sweep and its points in one transaction; returns its id. */
    public long saveSweep(NewSweep s) {
        return Transactions.run(lock, path + ": cannot save the sweep", () -> {
            long id;
            int front = (int) s.points().stream().filter(SweepPointRecord::pareto).count();
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sweeps(name, source, saved_at, method, seed,"
                    + " replications_per_point, points, front_size, objectives, results) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, s.name());
                setText(ps, 2, s.source());
                ps.setString(3, Instant.now().toString());
                ps.setString(4, s.method());
                ps.setLong(5, s.seed());
                ps.setInt(6, s.replicationsPerPoint());
                ps.setInt(7, s.points().size());
                ps.setInt(8, front);
                ps.setString(9, String.join(",", s.objectives()));
                ps.setString(10, s.resultsJson());
                ps.executeUpdate();
            }
            id = db.scalarLong("SELECT last_insert_rowid()");
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO sweep_points(sweep_id, idx, config, seed, cost_per_1k,"
                    + " cost_total, p50_ms, p95_ms, p99_ms, feasible, pareto) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (SweepPointRecord p : s.points()) {
                    ps.setLong(1, id);
                    ps.setInt(2, p.index());
                    ps.setString(3, p.configJson());
                    ps.setLong(4, p.seed());
                    setReal(ps, 5, p.costPer1k());
                    setReal(ps, 6, p.costTotal());
                    setReal(ps, 7, p.p50Ms());
                    setReal(ps, 8, p.p95Ms());
                    setReal(ps, 9, p.p99Ms());
                    ps.setInt(10, p.feasible() ? 1 : 0);
                    ps.setInt(11, p.pareto() ? 1 : 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    private static void setReal(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isFinite(v)) ps.setDouble(i, v);
        else ps.setNull(i, java.sql.Types.REAL);
    }

    private static double real(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }

    /** Every saved sweep, oldest first. */
    public List<SweepRecord> sweeps() {
        return querySweeps("");
    }

    /** The saved sweep with this id, or null. */
    public SweepRecord findSweep(long id) {
        List<SweepRecord> r = querySweeps(" WHERE id = ?", id);
        return r.isEmpty() ? null : r.getFirst();
    }

    private List<SweepRecord> querySweeps(String where, Object... args) {
        String sql = "SELECT id, name, source, saved_at, method, seed, replications_per_point, points, front_size, objectives"
                + " FROM sweeps" + where + " ORDER BY id";
        return db.list(sql, rs -> {
            String objectives = rs.getString(10);
            return new SweepRecord(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)),
                    rs.getString(5), rs.getLong(6), rs.getInt(7), rs.getInt(8), rs.getInt(9),
                    objectives.isEmpty() ? List.of() : List.of(objectives.split(",")));
        }, args);
    }

    /** The results document of a saved sweep (what {@code frontier sweep --json} printed when it was saved), or null. */
    public String sweepResults(long id) {
        try (PreparedStatement ps = conn.prepareStatement("SELECT results FROM sweeps WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw WriteLock.failure(path, e);
        }
    }

    /** The points of a saved sweep in index order (empty if there is no such sweep). */
    public List<SweepPointRecord> sweepPoints(long id) {
        return db.list("SELECT idx, config, seed, cost_per_1k, cost_total, p50_ms, p95_ms, p99_ms, feasible, pareto FROM sweep_points"
                + " WHERE sweep_id = ? ORDER BY idx",
                rs -> new SweepPointRecord(rs.getInt(1), rs.getString(2), rs.getLong(3), real(rs, 4), real(rs, 5), real(rs, 6),
                        real(rs, 7), real(rs, 8), rs.getInt(9) != 0, rs.getInt(10) != 0), id);
    }

    /** Deletes a saved sweep and its points; false if there is no such sweep. */
    public boolean deleteSweep(long id) {
        return Transactions.run(lock, path.toString(), () -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sweeps WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
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
