package frontier.store;

import static frontier.store.Sql.setText;

import frontier.ingest.BillingSource;
import frontier.ingest.Charge;
import frontier.ingest.CostBasis;
import frontier.ingest.ReadOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The billing part of a {@link Workspace} ({@link Workspace#billing()}): imports of billing exports, each one
 * transaction (stored completely or not at all: bad input, cancellation, a duplicate or a refused overlap roll it
 * back), duplicates by content hash, overlaps per provider account and period ({@link OverlapPolicy}), the import
 * history and deletes. Rows are read on a second thread while this one writes them in prepared-statement batches,
 * so parsing and SQLite overlap on two cores. Shares the workspace's connection and threading rules.
 */
public final class BillingImports extends WorkspacePart {
    private static final int BATCH = 4096;

    BillingImports(Shared shared) {
        super(shared);
    }

    /** Imports one export (or CUR manifest) in one transaction. */
    public ImportResult importFile(Path file, ReadOptions read, OverlapPolicy policy, ImportMonitor monitor) {
        long t0 = System.nanoTime();
        try (BillingSource source = BillingSource.open(file, read)) {
            return importSource(source, policy, monitor, t0);
        }
    }

    private record DimKey(
            String provider,
            String account,
            String sub,
            String service,
            String category,
            String region,
            String sku,
            String chargeCategory,
            String pricingModel,
            String currency,
            String unit,
            String instanceType,
            Integer gpuCount,
            String chargeClass,
            String commitmentId,
            String commitmentStatus,
            String pricingUnit,
            String tags) {}

    private static final String DIM_COLUMNS =
            "id, provider, billing_account, sub_account, service, service_category, region, sku,"
                    + " charge_category, pricing_model, currency, unit, instance_type, gpu_count, charge_class, commitment_id,"
                    + " commitment_status, pricing_unit, tags";
    private static final String CHARGE_COLUMNS =
            "import_id, dim_id, period_start, period_end, resource_id, billed_cost,"
                    + " effective_cost, quantity, resource_name, list_cost, pricing_quantity";

    private record AccountKey(String provider, String account) {}

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
            DimKey k = new DimKey(
                    c.provider(),
                    c.billingAccount(),
                    c.subAccount(),
                    c.service(),
                    c.serviceCategory(),
                    c.region(),
                    c.sku(),
                    c.chargeCategory().code(),
                    c.pricingModel().code(),
                    c.currency(),
                    c.unit(),
                    c.instanceType(),
                    c.gpuCount(),
                    c.chargeClass(),
                    c.commitmentId(),
                    c.commitmentStatus(),
                    Objects.equals(c.pricingUnit(), c.unit()) ? null : c.pricingUnit(),
                    c.tags());
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
            b.pricingQuantity[i] = c.pricingQuantity() == null
                            || c.pricingQuantity().equals(c.quantity())
                    ? null
                    : money(c.pricingQuantity());
            long[] a;
            if (Objects.equals(c.provider(), lastProvider) && Objects.equals(c.billingAccount(), lastAccount)) {
                a = lastStats;
            } else {
                a = accounts.computeIfAbsent(
                        new AccountKey(Objects.toString(c.provider(), ""), Objects.toString(c.billingAccount(), "")),
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
            ReadAhead<Batch> ahead =
                    tx.startReader("frontier-import-reader", ReadAhead.filling(src::next, Batch::new, prep::add));

            long rows;
            Map<AccountKey, long[]> accounts;
            try (PreparedStatement ins = conn.prepareStatement(
                            "INSERT INTO charges(" + CHARGE_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement insDim = conn.prepareStatement(
                            "INSERT INTO dims(" + DIM_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                rows = tx.writeAll(
                        ahead,
                        b -> {
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
                        },
                        src::bytesRead,
                        src.totalBytes());
                accounts = prep.accounts;
            }
            String sha = src.sha256();
            long replaced = 0;
            ImportRecord dup = findBySha(sha, id);
            if (dup != null) {
                if (policy != OverlapPolicy.REPLACE) {
                    throw new DuplicateImportException(
                            src.origin() + ": this content was already imported as import #" + dup.id()
                                    + " (" + dup.source() + ", " + dup.importedAt() + ", " + dup.rows()
                                    + " rows, same SHA-256); nothing was stored."
                                    + " Use --replace to import it again in place of #" + dup.id() + ".",
                            dup);
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
                    case KEEP_BOTH -> {}
                }
            }
            long lastRowid = db.scalarLong("SELECT IFNULL(MAX(rowid), 0) FROM charges");
            try (Statement s = conn.createStatement()) {
                s.executeUpdate(CostQueries.FILL_SEARCH_TEXT);
            }
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
            try (PreparedStatement ps =
                    conn.prepareStatement("UPDATE imports SET sha256=?, rows=?, period_start=?, period_end=?,"
                            + " seconds=?, first_rowid=?, last_rowid=? WHERE id=?")) {
                ps.setString(1, sha);
                ps.setLong(2, rows);
                Long start = ours.stream()
                        .map(AccountPeriod::start)
                        .min(Long::compare)
                        .orElse(null);
                Long end =
                        ours.stream().map(AccountPeriod::end).max(Long::compare).orElse(null);
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
        String[] v = {
            k.provider(),
            k.account(),
            k.sub(),
            k.service(),
            k.category(),
            k.region(),
            k.sku(),
            k.chargeCategory(),
            k.pricingModel(),
            k.currency(),
            k.unit(),
            k.instanceType()
        };
        for (int i = 0; i < v.length; i++) setText(ps, i + 2, v[i]);
        if (k.gpuCount() == null) ps.setNull(14, java.sql.Types.INTEGER);
        else ps.setInt(14, k.gpuCount());
        String[] w = {k.chargeClass(), k.commitmentId(), k.commitmentStatus(), k.pricingUnit(), k.tags()};
        for (int i = 0; i < w.length; i++) setText(ps, i + 15, w[i]);
        ps.executeUpdate();
    }

    private Map<DimKey, Integer> loadDims() throws SQLException {
        Map<DimKey, Integer> m = new HashMap<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + DIM_COLUMNS + " FROM dims")) {
            while (rs.next()) {
                int gpus = rs.getInt(14);
                Integer gpuCount = rs.wasNull() ? null : gpus;
                m.put(
                        new DimKey(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getString(10),
                                rs.getString(11),
                                rs.getString(12),
                                rs.getString(13),
                                gpuCount,
                                rs.getString(15),
                                rs.getString(16),
                                rs.getString(17),
                                rs.getString(18),
                                rs.getString(19)),
                        rs.getInt(1));
            }
        }
        return m;
    }

    private List<Overlap> overlaps(List<AccountPeriod> ours, CostBasis basis) throws SQLException {
        List<Overlap> out = new ArrayList<>();
        String bases =
                switch (basis) {
                    case BOTH -> "'both','actual','amortized'";
                    case ACTUAL -> "'both','actual'";
                    case AMORTIZED -> "'both','amortized'";
                };
        try (PreparedStatement ps = conn.prepareStatement("SELECT ia.import_id, ia.period_start, ia.period_end, ia.rows"
                + " FROM import_accounts ia JOIN imports i ON i.id = ia.import_id WHERE ia.provider = ? AND ia.billing_account = ?"
                + " AND ia.period_start < ? AND ia.period_end > ? AND i.cost_basis IN (" + bases
                + ") ORDER BY ia.import_id")) {
            for (AccountPeriod p : ours) {
                ps.setString(1, p.provider());
                ps.setString(2, p.billingAccount());
                ps.setLong(3, p.end());
                ps.setLong(4, p.start());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Overlap(
                                null,
                                new AccountPeriod(
                                        p.provider(), p.billingAccount(), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
                                p));
                        out.set(
                                out.size() - 1,
                                new Overlap(find(rs.getLong(1)), out.getLast().theirs(), p));
                    }
                }
            }
        }
        return out;
    }

    private static String overlapMessage(BillingSource src, List<Overlap> overlaps) {
        StringBuilder b = new StringBuilder(
                src.origin() + ": covers account periods that earlier imports already hold; nothing was stored.");
        for (Overlap o : overlaps) {
            b.append("\n  ")
                    .append(o.ours().provider())
                    .append(" account ")
                    .append(o.ours().billingAccount())
                    .append(": ")
                    .append(Periods.range(o.ours().start(), o.ours().end()))
                    .append(" overlaps import #")
                    .append(o.earlier().id())
                    .append(" (")
                    .append(Path.of(o.earlier().source()).getFileName())
                    .append(", ")
                    .append(Periods.range(o.theirs().start(), o.theirs().end()))
                    .append(")");
        }
        b.append(
                "\nUse --replace to replace the earlier rows of these accounts in this period, or --keep-both to keep both (totals then count the overlap twice).");
        return b.toString();
    }

    /** Deletes earlier rows of each overlapping account whose period starts in our period; returns the rows deleted. */
    private long replace(List<Overlap> overlaps) throws SQLException {
        long deleted = 0;
        for (Overlap o : overlaps) {
            ImportRecord e = o.earlier();
            long[] range = rowidRange(e.id());
            try (PreparedStatement ps = conn.prepareStatement(
                    "DELETE FROM charges WHERE rowid BETWEEN ? AND ? AND import_id = ?"
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
        try (PreparedStatement ps =
                conn.prepareStatement("SELECT MIN(c.period_start), MAX(c.period_end), COUNT(*) FROM charges c"
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
            update(
                    "DELETE FROM import_accounts WHERE import_id = ? AND provider = ? AND billing_account = ?",
                    importId,
                    provider,
                    account);
        } else {
            update(
                    "UPDATE import_accounts SET period_start = ?, period_end = ?, rows = ? WHERE import_id = ? AND provider = ? AND billing_account = ?",
                    min,
                    max,
                    n,
                    importId,
                    provider,
                    account);
        }
        long remaining =
                db.scalarLong("SELECT IFNULL(SUM(rows), 0) FROM import_accounts WHERE import_id = " + importId);
        if (remaining == 0) {
            update("DELETE FROM imports WHERE id = ?", importId);
        } else {
            update(
                    "UPDATE imports SET rows = ?, period_start = (SELECT MIN(period_start) FROM import_accounts WHERE import_id = ?),"
                            + " period_end = (SELECT MAX(period_end) FROM import_accounts WHERE import_id = ?) WHERE id = ?",
                    remaining,
                    importId,
                    importId,
                    importId);
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
        try (PreparedStatement ps =
                conn.prepareStatement("SELECT id FROM imports WHERE sha256 = ? AND id <> ? ORDER BY id LIMIT 1")) {
            ps.setString(1, sha);
            ps.setLong(2, except);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? find(rs.getLong(1)) : null;
            }
        }
    }

    private List<ImportRecord> queryImports(String where, Object... args) {
        String sql =
                "SELECT i.id, i.source, i.format, i.cost_basis, i.sha256, i.bytes, i.rows, i.period_start, i.period_end,"
                        + " i.imported_at, i.seconds, (SELECT group_concat(provider || ' ' || billing_account, ', ') FROM import_accounts"
                        + " WHERE import_id = i.id) FROM imports i" + where + " ORDER BY i.id";
        return db.list(
                sql,
                rs -> {
                    long ps8 = rs.getLong(8);
                    Long start = rs.wasNull() ? null : ps8;
                    long pe9 = rs.getLong(9);
                    Long end = rs.wasNull() ? null : pe9;
                    return new ImportRecord(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            CostBasis.fromCode(rs.getString(4)),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            start,
                            end,
                            Instant.parse(rs.getString(10)),
                            rs.getDouble(11),
                            Objects.toString(rs.getString(12), ""));
                },
                args);
    }
}
