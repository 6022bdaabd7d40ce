package frontier.store;

import frontier.sim.BadInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace's editable attribution rules ({@code attribution_rules}). While a workspace has none,
 * {@link #effective()} gives the defaults: a line tagged {@code endpoint} goes to that endpoint, one
 * tagged {@code model} to that model (the tag keys most teams use; see docs/unit-cost.md).
 */
public final class AttributionRules {
    /** What applies while no rule is stored. */
    public static final List<AttributionRule> DEFAULTS = List.of(
            new AttributionRule(0, 1, AttributionRule.Match.TAG, "endpoint", "*", AttributionRule.VALUE, null),
            new AttributionRule(0, 2, AttributionRule.Match.TAG, "model", "*", null, AttributionRule.VALUE));

    private final Connection conn;
    private final WriteLock lock;
    private final Sql db;

    AttributionRules(WriteLock lock) {
        this.lock = lock;
        this.conn = lock.connection();
        this.db = new Sql(conn, "attribution rules");
    }

    /** The stored rules in the order they are tried. */
    public List<AttributionRule> list() {
        return db.list(
                "SELECT id, position, match, tag_key, pattern, endpoint, model FROM attribution_rules ORDER BY position, id",
                rs -> new AttributionRule(
                        rs.getLong(1),
                        rs.getInt(2),
                        AttributionRule.Match.fromCode(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)));
    }

    /** The stored rules, or {@link #DEFAULTS} when there are none. */
    public List<AttributionRule> effective() {
        List<AttributionRule> stored = list();
        return stored.isEmpty() ? DEFAULTS : stored;
    }

    /**
     * Stores {@code rule} at 1-based {@code position} (later rules move down), or last when position is
     * null; returns it with its id and position.
     */
    public AttributionRule add(AttributionRule rule, Integer position) {
        List<AttributionRule> rules = list();
        int at = position == null ? rules.size() + 1 : position;
        if (at < 1 || at > rules.size() + 1)
            throw new BadInputException("--position: expected 1.." + (rules.size() + 1) + ", got " + at);
        return inTransaction(() -> {
            try (PreparedStatement shift =
                    conn.prepareStatement("UPDATE attribution_rules SET position = position + 1 WHERE position >= ?")) {
                shift.setInt(1, at);
                shift.executeUpdate();
            }
            insert(rule, at);
            long id = db.scalarLong("SELECT last_insert_rowid()");
            return new AttributionRule(
                    id, at, rule.match(), rule.tagKey(), rule.pattern(), rule.endpoint(), rule.model());
        });
    }

    /** Removes the rule at 1-based {@code position}; false when there is none. Later rules move up. */
    public boolean remove(int position) {
        return inTransaction(() -> {
            int n;
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM attribution_rules WHERE position = ?")) {
                ps.setInt(1, position);
                n = ps.executeUpdate();
            }
            if (n > 0) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "UPDATE attribution_rules SET position = position - 1 WHERE position > ?")) {
                    ps.setInt(1, position);
                    ps.executeUpdate();
                }
            }
            return n > 0;
        });
    }

    /** Replaces all rules with {@code rules}, in their list order (an empty list restores the defaults). */
    public void replaceAll(List<AttributionRule> rules) {
        inTransaction(() -> {
            try (Statement s = conn.createStatement()) {
                s.executeUpdate("DELETE FROM attribution_rules");
            }
            int pos = 1;
            for (AttributionRule r : rules) insert(r, pos++);
            return null;
        });
    }

    private void insert(AttributionRule rule, int position) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT INTO attribution_rules(position, match, tag_key, pattern, endpoint, model) VALUES (?,?,?,?,?,?)")) {
            ps.setInt(1, position);
            ps.setString(2, rule.match().code());
            ps.setString(3, rule.tagKey());
            ps.setString(4, rule.pattern());
            ps.setString(5, rule.endpoint());
            ps.setString(6, rule.model());
            ps.executeUpdate();
        }
    }

    private <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.run(lock, "attribution rules", work);
    }
}
