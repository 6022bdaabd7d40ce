package frontier.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;

/**
 * Streams the requests a filter selects in start-time order (ties in import order), one row at a time.
 * It reads through its own read-only connection, whose sorter spills to temporary files, so memory
 * stays flat however many requests there are; it sees what was committed when it was opened. Close it.
 */
public final class RequestCursor implements AutoCloseable {
    private final Path path;
    private final Connection conn;
    private final PreparedStatement ps;
    private final ResultSet rs;
    private double ts;
    private double latencyMs;
    private boolean ok;
    private long inputTokens;
    private long outputTokens;
    private String attrs;
    private double ttftMs;

    RequestCursor(Path path, RequestFilter f) {
        this.path = path;
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        config.setTempStore(SQLiteConfig.TempStore.FILE);
        Connection c = null;
        PreparedStatement p = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + path.toAbsolutePath());
            p = c.prepareStatement(
                    "SELECT r.ts, r.latency_ms, r.ok, r.input_tokens, r.output_tokens, r.attrs, r.ttft_ms FROM requests r"
                            + " WHERE r.dim_id IN (SELECT id FROM log_dims WHERE (? IS NULL OR endpoint = ?) AND (? IS NULL OR model = ?))"
                            + " AND (? IS NULL OR r.ts >= ?) AND (? IS NULL OR r.ts < ?) ORDER BY r.ts, r.rowid");
            p.setFetchSize(4096);
            Object[] args = {f.endpoint(), f.endpoint(), f.model(), f.model(), f.from(), f.from(), f.to(), f.to()};
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            rs = p.executeQuery();
        } catch (SQLException e) {
            try {
                if (p != null) p.close();
                if (c != null) c.close();
            } catch (SQLException ignored) {
                // already failing
            }
            throw WriteLock.failure(path, e);
        }
        conn = c;
        ps = p;
    }

    /** Moves to the next request; false when there are no more. */
    public boolean next() {
        try {
            if (!rs.next()) return false;
            ts = rs.getDouble(1);
            double l = rs.getDouble(2);
            latencyMs = rs.wasNull() ? Double.NaN : l;
            ok = rs.getInt(3) != 0;
            long in = rs.getLong(4);
            inputTokens = rs.wasNull() ? -1 : in;
            long out = rs.getLong(5);
            outputTokens = rs.wasNull() ? -1 : out;
            attrs = rs.getString(6);
            double f = rs.getDouble(7);
            ttftMs = rs.wasNull() ? Double.NaN : f;
            return true;
        } catch (SQLException e) {
            throw WriteLock.failure(path, e);
        }
    }

    /** Time to first token of the current request in milliseconds, NaN when its log had none. */
    public double ttftMs() {
        return ttftMs;
    }

    /** Start of the current request, epoch seconds UTC. */
    public double ts() {
        return ts;
    }

    /** Latency of the current request in milliseconds, NaN when the log had none. */
    public double latencyMs() {
        return latencyMs;
    }

    public boolean ok() {
        return ok;
    }

    /** Input tokens of the current request, -1 when the log had none. */
    public long inputTokens() {
        return inputTokens;
    }

    /** The current request's unmapped columns as a JSON object (values as text), null when it had none. */
    public String attrs() {
        return attrs;
    }

    /** Output tokens of the current request, -1 when the log had none. */
    public long outputTokens() {
        return outputTokens;
    }

    @Override
    public void close() {
        try {
            rs.close();
            ps.close();
            conn.close();
        } catch (SQLException e) {
            throw WriteLock.failure(path, e);
        }
    }
}
