package frontier.store;

import static frontier.store.Sql.setText;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The saved sweeps of a {@link Workspace} ({@link Workspace#sweeps()}): save one with its points in one transaction,
 * list, find, read back its results document and points, delete. Shares the workspace's connection and threading rules.
 */
public final class SweepStore extends WorkspacePart {
    SweepStore(Shared shared) {
        super(shared);
    }

    /** Saves a finished sweep and its points in one transaction; returns its id. */
    public long save(NewSweep s) {
        return Transactions.run(lock, path + ": cannot save the sweep", () -> {
            long id;
            int front =
                    (int) s.points().stream().filter(SweepPointRecord::pareto).count();
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO sweeps(name, source, saved_at, method, seed,"
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
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT INTO sweep_points(sweep_id, idx, config, seed, cost_per_1k,"
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
    public List<SweepRecord> list() {
        return querySweeps("");
    }

    /** The saved sweep with this id, or null. */
    public SweepRecord find(long id) {
        List<SweepRecord> r = querySweeps(" WHERE id = ?", id);
        return r.isEmpty() ? null : r.getFirst();
    }

    private List<SweepRecord> querySweeps(String where, Object... args) {
        String sql =
                "SELECT id, name, source, saved_at, method, seed, replications_per_point, points, front_size, objectives"
                        + " FROM sweeps" + where + " ORDER BY id";
        return db.list(
                sql,
                rs -> {
                    String objectives = rs.getString(10);
                    return new SweepRecord(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            Instant.parse(rs.getString(4)),
                            rs.getString(5),
                            rs.getLong(6),
                            rs.getInt(7),
                            rs.getInt(8),
                            rs.getInt(9),
                            objectives.isEmpty() ? List.of() : List.of(objectives.split(",")));
                },
                args);
    }

    /** The results document of a saved sweep (what {@code frontier sweep --json} printed when it was saved), or null. */
    public String results(long id) {
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
    public List<SweepPointRecord> points(long id) {
        return db.list(
                "SELECT idx, config, seed, cost_per_1k, cost_total, p50_ms, p95_ms, p99_ms, feasible, pareto FROM sweep_points"
                        + " WHERE sweep_id = ? ORDER BY idx",
                rs -> new SweepPointRecord(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getLong(3),
                        real(rs, 4),
                        real(rs, 5),
                        real(rs, 6),
                        real(rs, 7),
                        real(rs, 8),
                        rs.getInt(9) != 0,
                        rs.getInt(10) != 0),
                id);
    }

    /** Deletes a saved sweep and its points; false if there is no such sweep. */
    public boolean delete(long id) {
        return Transactions.run(lock, path.toString(), () -> {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM sweeps WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
