package frontier.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace schema and its migrations, applied in order and recorded in {@code PRAGMA user_version}.
 * A migration is never edited once released; a change is a new entry at the end.
 *
 * <p>Version 1 (the first release) is kept verbatim so that a test can build a v1 workspace and
 * open it with the current code. Charges are stored narrow: the repeated descriptive columns (provider, account, service, region,
 * pricing model, currency…) live once in {@code dims}, each charge points at its tuple. Money is TEXT
 * holding an exact decimal and is only ever added with {@code decsum} ({@link DecimalSum}). Charges
 * of one import occupy the rowid range [first_rowid, last_rowid] recorded in {@code imports}, so no
 * index slows the bulk insert and an import is still deleted without a full scan.
 */
final class Schema {
    static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE imports(
              id INTEGER PRIMARY KEY,
              source TEXT NOT NULL,
              format TEXT NOT NULL,
              cost_basis TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              bytes INTEGER NOT NULL,
              rows INTEGER NOT NULL DEFAULT 0,
              period_start INTEGER,
              period_end INTEGER,
              imported_at TEXT NOT NULL,
              seconds REAL NOT NULL DEFAULT 0,
              first_rowid INTEGER,
              last_rowid INTEGER);
            CREATE INDEX imports_by_sha ON imports(sha256);
            CREATE TABLE import_accounts(
              import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
              provider TEXT NOT NULL,
              billing_account TEXT NOT NULL,
              period_start INTEGER NOT NULL,
              period_end INTEGER NOT NULL,
              rows INTEGER NOT NULL,
              PRIMARY KEY(import_id, provider, billing_account));
            CREATE INDEX import_accounts_by_account ON import_accounts(provider, billing_account);
            CREATE TABLE dims(
              id INTEGER PRIMARY KEY,
              provider TEXT, billing_account TEXT, sub_account TEXT, service TEXT, service_category TEXT,
              region TEXT, sku TEXT, charge_category TEXT NOT NULL, pricing_model TEXT NOT NULL,
              currency TEXT NOT NULL, unit TEXT);
            CREATE TABLE charges(
              import_id INTEGER NOT NULL,
              dim_id INTEGER NOT NULL,
              period_start INTEGER NOT NULL,
              period_end INTEGER NOT NULL,
              resource_id TEXT,
              billed_cost TEXT,
              effective_cost TEXT,
              quantity TEXT);
            """,
            // v2: the rest of the FOCUS-based cost line. Descriptive columns go to dims (few distinct
            // values), per-row ones to charges; rows of v1 imports keep NULL in them.
            """
            ALTER TABLE dims ADD COLUMN instance_type TEXT;
            ALTER TABLE dims ADD COLUMN gpu_count INTEGER;
            ALTER TABLE dims ADD COLUMN charge_class TEXT;
            ALTER TABLE dims ADD COLUMN commitment_id TEXT;
            ALTER TABLE dims ADD COLUMN commitment_status TEXT;
            ALTER TABLE dims ADD COLUMN pricing_unit TEXT;
            ALTER TABLE dims ADD COLUMN tags TEXT;
            ALTER TABLE charges ADD COLUMN resource_name TEXT;
            ALTER TABLE charges ADD COLUMN list_cost TEXT;
            ALTER TABLE charges ADD COLUMN pricing_quantity TEXT;
            """,
            // v3: saved sweeps. The results document (the --json object, every metric of every point) is kept
            // whole so that reopening gives the same bytes; sweep_points repeats per point what listings and
            // queries need without parsing it.
            """
            CREATE TABLE sweeps(
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL,
              source TEXT,
              saved_at TEXT NOT NULL,
              method TEXT NOT NULL,
              seed INTEGER NOT NULL,
              replications_per_point INTEGER NOT NULL,
              points INTEGER NOT NULL,
              front_size INTEGER NOT NULL,
              objectives TEXT NOT NULL,
              results TEXT NOT NULL);
            CREATE TABLE sweep_points(
              sweep_id INTEGER NOT NULL REFERENCES sweeps(id) ON DELETE CASCADE,
              idx INTEGER NOT NULL,
              config TEXT NOT NULL,
              seed INTEGER NOT NULL,
              cost_per_1k REAL,
              cost_total REAL,
              p50_ms REAL,
              p95_ms REAL,
              p99_ms REAL,
              feasible INTEGER NOT NULL,
              pareto INTEGER NOT NULL,
              PRIMARY KEY(sweep_id, idx));
            """,
            // v4: per-request inference logs. Requests of one import occupy the rowid range [first_rowid, last_rowid]
            // of log_imports (no index slows the bulk insert); request_days is the per-day aggregate written during
            // the import, which unit-cost queries read instead of the big table; attribution_rules gives cost lines to
            // endpoints and models.
            """
            CREATE TABLE log_imports(
              id INTEGER PRIMARY KEY, source TEXT NOT NULL, preset TEXT, mapping TEXT NOT NULL,
              sha256 TEXT NOT NULL, bytes INTEGER NOT NULL, rows INTEGER NOT NULL DEFAULT 0,
              first_ts REAL, last_ts REAL, imported_at TEXT NOT NULL, seconds REAL NOT NULL DEFAULT 0,
              first_rowid INTEGER, last_rowid INTEGER);
            CREATE INDEX log_imports_by_sha ON log_imports(sha256);
            CREATE TABLE log_dims(id INTEGER PRIMARY KEY, model TEXT, endpoint TEXT, UNIQUE(model, endpoint));
            CREATE TABLE requests(
              import_id INTEGER NOT NULL, dim_id INTEGER NOT NULL,
              ts REAL NOT NULL,            -- arrival (request start), epoch seconds UTC
              latency_ms REAL,             -- NULL when the log has none
              ok INTEGER NOT NULL,         -- 1 success, 0 error
              status TEXT,                 -- the raw status value, NULL when absent
              input_tokens INTEGER, output_tokens INTEGER,
              attrs TEXT);                 -- JSON object of the unmapped columns, NULL when none
            CREATE TABLE request_days(
              import_id INTEGER NOT NULL REFERENCES log_imports(id) ON DELETE CASCADE,
              day TEXT NOT NULL, dim_id INTEGER NOT NULL,     -- day = yyyy-MM-dd in UTC
              requests INTEGER NOT NULL, errors INTEGER NOT NULL,
              input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,
              busy_seconds REAL NOT NULL,  -- sum of latency of all requests that day
              PRIMARY KEY(import_id, day, dim_id));
            CREATE TABLE attribution_rules(
              id INTEGER PRIMARY KEY, position INTEGER NOT NULL,
              match TEXT NOT NULL,         -- tag | resource_id | instance_type | service
              tag_key TEXT, pattern TEXT NOT NULL, endpoint TEXT, model TEXT);
            """,
            // v5: daily roll-up of the charges, per import, UTC day of the period start (epoch day) and dimension
            // tuple,
            // with the exact decimal sums. Totals by any dimension, tag, day or month over whole days read it instead
            // of
            // every charge (see ChargeDays). Kept by the import and its deletion; built here from the charges already
            // stored.
            // The index on period_start gives a page of lines in period order (and a date range) without sorting them
            // all.
            """
            CREATE INDEX charges_by_start ON charges(period_start);
            CREATE TABLE charge_days(
              import_id INTEGER NOT NULL, day INTEGER NOT NULL, dim_id INTEGER NOT NULL,
              billed_cost TEXT, effective_cost TEXT, list_cost TEXT, lines INTEGER NOT NULL,
              PRIMARY KEY(import_id, day, dim_id)) WITHOUT ROWID;
            INSERT INTO charge_days SELECT import_id, period_start / 86400, dim_id, decsum(billed_cost), decsum(effective_cost),
              decsum(list_cost), COUNT(*) FROM charges GROUP BY 1, 2, 3;
            """,
            // v6: the unit-cost roll-up (see ChargeDays). unit_days: per import, UTC day and dimension tuple, the lines
            // whose period lies inside that one day (what Unit cost would not split), per figure (billed; effective
            // else billed; list else billed) the exact sum, the lines counted and their quantity; charge_spans: the
            // rowids of the other lines (periods over midnight, empty or before 1970), which Unit cost still spreads
            // one by one. Kept by the import and its deletion; built here from the charges already stored.
            """
            CREATE TABLE unit_days(
              import_id INTEGER NOT NULL, day INTEGER NOT NULL, dim_id INTEGER NOT NULL,
              billed TEXT, billed_lines INTEGER NOT NULL, billed_quantity REAL,
              effective TEXT, effective_lines INTEGER NOT NULL, effective_quantity REAL,
              list TEXT, list_lines INTEGER NOT NULL, list_quantity REAL,
              PRIMARY KEY(import_id, day, dim_id)) WITHOUT ROWID;
            CREATE TABLE charge_spans(import_id INTEGER NOT NULL, charge_rowid INTEGER NOT NULL,
              PRIMARY KEY(import_id, charge_rowid)) WITHOUT ROWID;
            """ + ChargeDays.unitDaysInsert("") + ";\n" + ChargeDays.spansInsert("") + ";\n",
            // v7: a request's time to first token (LLM serving logs), NULL when the log has none; rows of earlier
            // imports keep NULL.
            """
            ALTER TABLE requests ADD COLUMN ttft_ms REAL;
            """,
            // v8: the search dictionary (see ChargeDays): resources holds each distinct lower-cased "resource
            // id|resource
            // name" of the charges once (far fewer than the lines: a resource is billed on many lines),
            // charge_resources
            // every charge under its text's id, so a search word is matched against the texts and only the matching
            // charges are read. Kept by the import and its deletion; built here from the charges already stored.
            """
            CREATE TABLE resources(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
            CREATE TABLE charge_resources(res_id INTEGER NOT NULL, import_id INTEGER NOT NULL, charge_rowid INTEGER NOT NULL,
              PRIMARY KEY(res_id, import_id, charge_rowid)) WITHOUT ROWID;
            """ + ChargeDays.resourcesInsert("") + ";\n" + ChargeDays.chargeResourcesInsert("") + ";\n",
            // v9: each dimension tuple's lower-cased search text (see CostQueries), stored once instead of rebuilt
            // from its fields for every row, word and query of a search. Filled by the import for new tuples; built
            // here for the tuples already stored.
            """
            ALTER TABLE dims ADD COLUMN search_text TEXT;
            """ + CostQueries.FILL_SEARCH_TEXT + ";\n");

    private Schema() {}

    /**
     * The statements of a migration: split after each ';' that ends a line (a trailing "-- comment" may follow
     * it), since the JDBC driver runs only the first statement of a string.
     */
    static List<String> statements(String migration) {
        List<String> out = new java.util.ArrayList<>();
        for (String sql : migration.split(";[ \\t]*(--[^\\n]*)?\\n")) if (!sql.isBlank()) out.add(sql);
        return out;
    }

    /** {@link #migrate(Connection, MigrationMonitor)} unwatched. */
    static int migrate(Connection c) throws SQLException {
        return migrate(c, MigrationMonitor.NONE);
    }

    /**
     * Brings the database to the latest version in one transaction, telling {@code monitor} what each statement does;
     * returns the version it had before. Another connection may migrate the same file at the same moment (two
     * Frontiers creating one workspace): the first write waits for its lock through the busy timeout, and a migration
     * that then finds the work done by the other (a table that already exists) is rolled back and counts as done. A
     * cancelled or failed migration is rolled back whole: the file stays at its old version, usable by this Frontier.
     */
    static int migrate(Connection c, MigrationMonitor monitor) throws SQLException {
        int version = userVersion(c);
        if (version > MIGRATIONS.size()) {
            throw new SQLException("the workspace was written by a newer Frontier (schema version " + version
                    + ", this one knows up to " + MIGRATIONS.size() + ")");
        }
        if (version == MIGRATIONS.size()) return version;
        List<String> all = new java.util.ArrayList<>();
        for (int v = version; v < MIGRATIONS.size(); v++) {
            all.addAll(statements(MIGRATIONS.get(v)));
            all.add("PRAGMA user_version = " + (v + 1));
        }
        long t0 = System.nanoTime();
        int[] at = {0};
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        // SQLite calls back every 2^20 virtual-machine instructions: progress within a long statement, and the way to
        // interrupt it (a non-zero answer aborts the statement, and the transaction is rolled back below).
        org.sqlite.ProgressHandler.setHandler(c, 1 << 20, new org.sqlite.ProgressHandler() {
            @Override
            protected int progress() {
                if (monitor.isCancelled()) return 1;
                int i = Math.min(at[0], all.size() - 1); // the commit runs after the last statement
                monitor.progress(
                        version,
                        MIGRATIONS.size(),
                        what(all.get(i)),
                        i + 1,
                        all.size(),
                        (System.nanoTime() - t0) / 1e9);
                return 0;
            }
        });
        try (Statement s = c.createStatement()) {
            for (; at[0] < all.size(); at[0]++) {
                if (monitor.isCancelled()) throw new MigrationCancelledException();
                String sql = all.get(at[0]);
                monitor.progress(
                        version, MIGRATIONS.size(), what(sql), at[0] + 1, all.size(), (System.nanoTime() - t0) / 1e9);
                s.execute(sql);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            if (monitor.isCancelled()) throw new MigrationCancelledException();
            if (e instanceof RuntimeException r) throw r;
            SQLException x = (SQLException) e;
            if (WriteLock.isBusy(x) || userVersion(c) != MIGRATIONS.size()) throw x;
        } finally {
            org.sqlite.ProgressHandler.clearHandler(c);
            c.setAutoCommit(auto);
        }
        return version;
    }

    /** What a migration statement does, in words for a progress line. */
    static String what(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        if (s.startsWith("INSERT INTO charge_days")) return "building the daily roll-up of the charges";
        if (s.startsWith("INSERT INTO unit_days") || s.startsWith("INSERT INTO charge_spans"))
            return "building the unit-cost roll-up of the charges";
        if (s.startsWith("INSERT OR IGNORE INTO resources") || s.startsWith("INSERT INTO charge_resources"))
            return "building the search dictionary of the charges";
        if (s.startsWith("CREATE INDEX charges_by_start")) return "indexing the charges by period";
        if (s.startsWith("UPDATE dims SET search_text")) return "building the search text of the cost dimensions";
        return "updating the schema";
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }
}
