package frontier.store;

import static frontier.store.Sql.setText;

import frontier.ingest.logs.LogReadOptions;
import frontier.ingest.logs.LogRequest;
import frontier.ingest.logs.LogSource;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The inference-log part of a {@link Workspace}: imports of per-request logs and the queries over them.
 *
 * <p>Every import is one transaction, stored completely or not at all (bad input, cancellation or a
 * duplicate roll it back). The file's SHA-256 is computed first, so the same content imported again is
 * refused before it is read (or, when replacing, the earlier import is deleted in the same transaction).
 * Requests are parsed on a second thread while this one writes them in prepared-statement batches; each
 * import's requests occupy one rowid range and no index slows the insert. The per-day aggregates
 * ({@code request_days}) are built while reading and written at the end, so day and summary queries
 * never scan the requests.
 *
 * <p>Shares the workspace's connection: not thread-safe, use it from the thread that uses the workspace.
 */
public final class RequestLogs {
    private static final int BATCH = 4096;
    /** More distinct (model, endpoint) pairs than this in one file means a column was mapped wrongly (e.g. an id as model). */
    static final int MAX_DIMS = 200_000;

    private final Path path;
    private final Connection conn;
    private final WriteLock lock;
    private final Sql db;

    RequestLogs(Path path, WriteLock lock) {
        this.path = path;
        this.lock = lock;
        this.conn = lock.connection();
        this.db = new Sql(conn, path.toString());
    }

    /**
     * Imports one request log in one transaction. With {@code replace}, an earlier import of the same
     * content is deleted in the same transaction; without, it makes this import a {@link DuplicateImportException}.
     */
    public LogImportResult importFile(Path file, LogReadOptions options, boolean replace, ImportMonitor monitor) {
        long t0 = System.nanoTime();
        String sha = sha256(file, monitor);
        LogImportRecord dup = findBySha(sha);
        if (dup != null && !replace) throw duplicate(file, dup);
        try (LogSource src = LogSource.open(file, options)) {
            return importSource(src, sha, replace, monitor, t0);
        }
    }

    private static DuplicateImportException duplicate(Path file, LogImportRecord dup) {
        return new DuplicateImportException(
                file + ": this content was already imported as log import #" + dup.id() + " (" + dup.source()
                        + ", " + dup.importedAt() + ", " + String.format(Locale.ROOT, "%,d", dup.rows())
                        + " requests, same SHA-256);"
                        + " nothing was stored. Use --replace to import it again in place of #" + dup.id() + ".",
                dup);
    }

    private static String sha256(Path file, ImportMonitor monitor) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (Files.isDirectory(file))
            throw new BadInputException(file + ": is a directory, expected a request log file");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                digest.update(buf, 0, n);
                if (monitor.isCancelled())
                    throw new ImportCancelledException("import of " + file + " cancelled; nothing was stored");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private record DimKey(String model, String endpoint) {}

    private record DayDim(long day, int dim) {}

    /** One day's totals of one dimension tuple. */
    private static final class Day {
        long requests;
        long errors;
        long inputTokens;
        long outputTokens;
        double busySeconds;
    }

    /** Requests ready for binding, prepared on the reader thread; new dimension tuples travel with the batch. */
    private static final class Batch extends ReadAhead.Batch {
        final int[] dim = new int[BATCH];
        final double[] ts = new double[BATCH];
        final double[] latency = new double[BATCH];
        final boolean[] ok = new boolean[BATCH];
        final String[] status = new String[BATCH];
        final long[] in = new long[BATCH];
        final long[] out = new long[BATCH];
        final double[] ttft = new double[BATCH];
        final String[] attrs = new String[BATCH];
        final List<Map.Entry<DimKey, Integer>> newDims = new ArrayList<>();

        Batch() {
            super(BATCH);
        }
    }

    /** The reader side: dimension ids, day totals, first and last start; lives on the reader thread. */
    private static final class Preparer {
        final Map<DimKey, Integer> dims;
        final int firstNew;
        int nextDim;
        final Map<DayDim, Day> days = new HashMap<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        private String lastModel;
        private String lastEndpoint;
        private int lastDim;
        private long lastDayKey = Long.MIN_VALUE;
        private int lastDayDim = -1;
        private Day lastDay;

        Preparer(Map<DimKey, Integer> dims, int nextDim) {
            this.dims = dims;
            this.firstNew = nextDim;
            this.nextDim = nextDim;
        }

        void add(Batch b, LogRequest r, LogSource src) {
            int dim;
            if (lastModel != null && lastModel.equals(r.model()) && Objects.equals(lastEndpoint, r.endpoint())) {
                dim = lastDim;
            } else {
                DimKey k = new DimKey(r.model(), r.endpoint());
                Integer id = dims.get(k);
                if (id == null) {
                    if (nextDim - firstNew >= MAX_DIMS) {
                        throw new BadInputException(
                                src.file() + ": more than " + String.format(Locale.ROOT, "%,d", MAX_DIMS)
                                        + " distinct model/endpoint pairs; is the column mapped to model ("
                                        + src.mapping().model() + ") or endpoint ("
                                        + src.mapping().endpoint()
                                        + ") really a name? Change it with --map model=COLUMN or --map endpoint=COLUMN.");
                    }
                    id = nextDim++;
                    dims.put(k, id);
                    b.newDims.add(Map.entry(k, id));
                }
                dim = id;
                lastModel = r.model();
                lastEndpoint = r.endpoint();
                lastDim = dim;
            }
            int i = b.size++;
            b.dim[i] = dim;
            b.ts[i] = r.start();
            b.latency[i] = r.latencyMs();
            b.ok[i] = r.ok();
            b.status[i] = r.status();
            b.in[i] = r.inputTokens();
            b.out[i] = r.outputTokens();
            b.ttft[i] = r.ttftMs();
            b.attrs[i] = r.attrs();
            if (r.start() < min) min = r.start();
            if (r.start() > max) max = r.start();
            long day = Math.floorDiv((long) Math.floor(r.start()), 86400L);
            Day d;
            if (day == lastDayKey && dim == lastDayDim) {
                d = lastDay;
            } else {
                d = days.computeIfAbsent(new DayDim(day, dim), x -> new Day());
                lastDayKey = day;
                lastDayDim = dim;
                lastDay = d;
            }
            d.requests++;
            if (!r.ok()) d.errors++;
            if (r.inputTokens() > 0) d.inputTokens += r.inputTokens();
            if (r.outputTokens() > 0) d.outputTokens += r.outputTokens();
            if (!Double.isNaN(r.latencyMs())) d.busySeconds += r.latencyMs() / 1000;
        }
    }

    private LogImportResult importSource(LogSource src, String sha, boolean replace, ImportMonitor monitor, long t0) {
        return ImportTransaction.run(lock, path.toString(), src.file(), monitor, tx -> {
            // Looked for again under the write lock: the same content may have been imported (or the earlier
            // import deleted) while this one read the file or waited for the workspace.
            LogImportRecord dup = findBySha(sha);
            if (dup != null && !replace) throw duplicate(src.file(), dup);
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO log_imports(source, preset, mapping, sha256, bytes, imported_at) VALUES (?,?,?,?,?,?)")) {
                ps.setString(1, src.file().toAbsolutePath().normalize().toString());
                setText(ps, 2, src.preset() == null ? null : src.preset().code());
                ps.setString(3, src.mapping().toJson());
                ps.setString(4, sha);
                ps.setLong(5, src.totalBytes());
                ps.setString(6, Instant.now().toString());
                ps.executeUpdate();
            }
            long id = db.scalarLong("SELECT last_insert_rowid()");
            long rowidBefore = db.scalarLong("SELECT IFNULL(MAX(rowid), 0) FROM requests");
            Preparer prep =
                    new Preparer(loadDims(), (int) db.scalarLong("SELECT IFNULL(MAX(id), 0) FROM log_dims") + 1);
            ReadAhead<Batch> ahead = tx.startReader(
                    "frontier-log-reader", ReadAhead.filling(src::next, Batch::new, (b, r) -> prep.add(b, r, src)));

            long rows;
            try (PreparedStatement ins =
                            conn.prepareStatement("INSERT INTO requests(import_id, dim_id, ts, latency_ms, ok, status,"
                                    + " input_tokens, output_tokens, attrs, ttft_ms) VALUES (?,?,?,?,?,?,?,?,?,?)");
                    PreparedStatement insDim =
                            conn.prepareStatement("INSERT INTO log_dims(id, model, endpoint) VALUES (?,?,?)")) {
                rows = tx.writeAll(
                        ahead,
                        b -> {
                            for (Map.Entry<DimKey, Integer> d : b.newDims) {
                                insDim.setInt(1, d.getValue());
                                setText(insDim, 2, d.getKey().model());
                                setText(insDim, 3, d.getKey().endpoint());
                                insDim.executeUpdate();
                            }
                            for (int i = 0; i < b.size; i++) {
                                ins.setLong(1, id);
                                ins.setInt(2, b.dim[i]);
                                ins.setDouble(3, b.ts[i]);
                                if (Double.isNaN(b.latency[i])) ins.setNull(4, Types.REAL);
                                else ins.setDouble(4, b.latency[i]);
                                ins.setInt(5, b.ok[i] ? 1 : 0);
                                setText(ins, 6, b.status[i]);
                                setCount(ins, 7, b.in[i]);
                                setCount(ins, 8, b.out[i]);
                                setText(ins, 9, b.attrs[i]);
                                if (Double.isNaN(b.ttft[i])) ins.setNull(10, Types.REAL);
                                else ins.setDouble(10, b.ttft[i]);
                                ins.addBatch();
                            }
                            ins.executeBatch();
                        },
                        src::bytesRead,
                        src.totalBytes());
            }
            long replaced = 0;
            if (dup != null) {
                replaced = dup.rows();
                deleteImportRows(dup.id());
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO request_days VALUES (?,?,?,?,?,?,?,?)")) {
                for (Map.Entry<DayDim, Day> e : prep.days.entrySet()) {
                    Day d = e.getValue();
                    ps.setLong(1, id);
                    ps.setString(2, LocalDate.ofEpochDay(e.getKey().day()).toString());
                    ps.setInt(3, e.getKey().dim());
                    ps.setLong(4, d.requests);
                    ps.setLong(5, d.errors);
                    ps.setLong(6, d.inputTokens);
                    ps.setLong(7, d.outputTokens);
                    ps.setDouble(8, d.busySeconds);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps =
                    conn.prepareStatement("UPDATE log_imports SET rows=?, first_ts=?, last_ts=?, seconds=?,"
                            + " first_rowid=?, last_rowid=? WHERE id=?")) {
                ps.setLong(1, rows);
                if (rows == 0) {
                    ps.setNull(2, Types.REAL);
                    ps.setNull(3, Types.REAL);
                } else {
                    ps.setDouble(2, prep.min);
                    ps.setDouble(3, prep.max);
                }
                ps.setDouble(4, (System.nanoTime() - t0) / 1e9);
                ps.setLong(5, rowidBefore + 1);
                ps.setLong(6, rowidBefore + rows);
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            return new LogImportResult(find(id), src.layout(), src.mapping(), replaced, List.copyOf(src.notes()));
        });
    }

    private Map<DimKey, Integer> loadDims() throws SQLException {
        Map<DimKey, Integer> m = new HashMap<>();
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, model, endpoint FROM log_dims")) {
            while (rs.next()) m.put(new DimKey(rs.getString(2), rs.getString(3)), rs.getInt(1));
        }
        return m;
    }

    private void deleteImportRows(long importId) throws SQLException {
        long first;
        long last;
        try (PreparedStatement ps =
                conn.prepareStatement("SELECT first_rowid, last_rowid FROM log_imports WHERE id = ?")) {
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                first = rs.getLong(1);
                last = rs.getLong(2);
            }
        }
        try (PreparedStatement ps =
                conn.prepareStatement("DELETE FROM requests WHERE rowid BETWEEN ? AND ? AND import_id = ?")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            ps.setLong(3, importId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM log_imports WHERE id = ?")) {
            ps.setLong(1, importId);
            ps.executeUpdate();
        }
    }

    /** Deletes a log import, its requests and its day totals; false if there is no such import. */
    public boolean deleteImport(long importId) {
        if (find(importId) == null) return false;
        return Transactions.run(lock, path.toString(), () -> {
            deleteImportRows(importId);
            return true;
        });
    }

    /** Every log import, oldest first. */
    public List<LogImportRecord> imports() {
        return queryImports("");
    }

    /** The log import with this id, or null. */
    public LogImportRecord find(long id) {
        List<LogImportRecord> r = queryImports(" WHERE id = ?", id);
        return r.isEmpty() ? null : r.getFirst();
    }

    private LogImportRecord findBySha(String sha) {
        List<LogImportRecord> r = queryImports(" WHERE sha256 = ?", sha);
        return r.isEmpty() ? null : r.getFirst();
    }

    private List<LogImportRecord> queryImports(String where, Object... args) {
        String sql =
                "SELECT id, source, preset, mapping, sha256, bytes, rows, first_ts, last_ts, imported_at, seconds FROM log_imports"
                        + where + " ORDER BY id";
        return db.list(
                sql,
                rs -> new LogImportRecord(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        real(rs, 8),
                        real(rs, 9),
                        Instant.parse(rs.getString(10)),
                        rs.getDouble(11)),
                args);
    }

    /** Totals over every request, and per endpoint and model (read from the day totals, not the requests). */
    public LogSummary summary() {
        List<LogGroup> groups = new ArrayList<>();
        long requests = 0;
        long errors = 0;
        long in = 0;
        long out = 0;
        double busy = 0;
        try (Statement s = conn.createStatement();
                ResultSet rs = s.executeQuery("SELECT d.endpoint, d.model, SUM(r.requests), SUM(r.errors),"
                        + " SUM(r.input_tokens), SUM(r.output_tokens), SUM(r.busy_seconds), MIN(r.day), MAX(r.day)"
                        + " FROM request_days r JOIN log_dims d ON d.id = r.dim_id GROUP BY 1, 2 ORDER BY 1, 2")) {
            while (rs.next()) {
                LogGroup g = new LogGroup(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getDouble(7),
                        rs.getString(8),
                        rs.getString(9));
                groups.add(g);
                requests += g.requests();
                errors += g.errors();
                in += g.inputTokens();
                out += g.outputTokens();
                busy += g.busySeconds();
            }
            try (ResultSet t = s.executeQuery("SELECT COUNT(*), MIN(first_ts), MAX(last_ts) FROM log_imports")) {
                return new LogSummary(
                        t.getLong(1), requests, errors, real(t, 2), real(t, 3), in, out, busy, List.copyOf(groups));
            }
        } catch (SQLException e) {
            throw WriteLock.failure(path, e);
        }
    }

    /** The endpoints that have requests, sorted (null sorts first). */
    public List<String> endpoints() {
        return strings(
                "SELECT DISTINCT endpoint FROM log_dims WHERE id IN (SELECT dim_id FROM request_days) ORDER BY 1");
    }

    /** The models that have requests, sorted. */
    public List<String> models() {
        return strings("SELECT DISTINCT model FROM log_dims WHERE id IN (SELECT dim_id FROM request_days) ORDER BY 1");
    }

    private List<String> strings(String sql) {
        return db.list(sql, rs -> rs.getString(1));
    }

    /** Day totals per endpoint and model, by day then endpoint then model; {@code endpoint}/{@code model} null means all. */
    public List<RequestDay> days(String endpoint, String model) {
        return db.list(
                "SELECT r.day, d.endpoint, d.model, SUM(r.requests), SUM(r.errors), SUM(r.input_tokens), SUM(r.output_tokens),"
                        + " SUM(r.busy_seconds) FROM request_days r JOIN log_dims d ON d.id = r.dim_id"
                        + " WHERE (? IS NULL OR d.endpoint = ?) AND (? IS NULL OR d.model = ?) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3",
                rs -> new RequestDay(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getDouble(8)),
                endpoint,
                endpoint,
                model,
                model);
    }

    /** Streams the requests the filter selects, in start order; the caller closes the cursor. */
    public RequestCursor requests(RequestFilter filter) {
        return new RequestCursor(path, filter);
    }

    /** Total number of stored requests (counts the big table: for tests and checks, not for displays). */
    public long requestCount() {
        return db.readLong("SELECT COUNT(*) FROM requests");
    }

    private static Double real(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? null : v;
    }

    private static void setCount(PreparedStatement ps, int i, long v) throws SQLException {
        if (v < 0) ps.setNull(i, Types.INTEGER);
        else ps.setLong(i, v);
    }
}
