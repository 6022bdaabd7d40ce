package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.demo.DemoWorkspace;
import frontier.store.ImportRecord;
import frontier.store.LogImportRecord;
import frontier.store.SweepRecord;
import frontier.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random points: a child JVM running a billing import, a log import, the demo build or the
 * save of a sweep is killed (destroyForcibly) after a seeded random delay within the time an unkilled run
 * of the same command took, and the workspace is then checked: {@code PRAGMA integrity_check} is ok and
 * the work is all or nothing (the import's rows wholly present with its history entry, or neither; the
 * demo workspace absent or complete; the sweep with all its points or absent). {@code -Dfrontier.kill.trials=N}
 * (default 3 per command) and {@code -Dfrontier.kill.seed=S} (default 13) run it longer; each command's
 * trials and outcomes are printed (docs/reliability.md has the figures).
 */
@Tag("slow")
class CrashSafetyTest {
    private static final int TRIALS = Integer.getInteger("frontier.kill.trials", 2);
    private static final long SEED = Long.getLong("frontier.kill.seed", 13);
    /** A bound on one child's run against a hang; not a timing assertion. */
    private static final long HANG = 300;

    @TempDir
    static Path dir;

    private static Path bill;
    private static Path log;
    private static Path results;

    @BeforeAll
    static void inputs() throws IOException {
        bill = dir.resolve("cur.csv");
        CurGenerator.write(bill, 60_000, 1);
        log = dir.resolve("requests.csv");
        BenchLogs.write(log, 120_000, 1);
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {
                  "name": "kill test sweep",
                  "traffic": { "type": "poisson", "rate_per_s": 8.0 },
                  "pool": { "name": "server", "servers": 1, "service": { "type": "exponential", "mean": 0.1 } },
                  "run": { "duration_s": 100, "warmup_s": 10, "replications": 1, "seed": 42 },
                  "sweep": {
                    "parameters": [ { "path": "$.pool.servers", "range": { "from": 1, "to": 200, "step": 1 } } ],
                    "method": "grid", "replications_per_point": 1, "seed": 7
                  }
                }
                """);
        results = dir.resolve("results.json");
        CliRun r = CliRun.of("sweep", sweep.toString(), "--threads", "1", "--out", results.toString());
        assertEquals(0, r.code(), r.err());
    }

    /** What one killed run left: nothing (not even the file), nothing stored, or the whole work. */
    enum Outcome {
        NO_FILE,
        NOTHING_STORED,
        COMPLETE,
        FINISHED_BEFORE_THE_KILL
    }

    /** A command to kill and how to judge what it left in its workspace (null: nothing there; else its size). */
    private interface Judge {
        Long stored(Path workspace) throws Exception;
    }

    private void killAtRandomPoints(String what, Judge judge, String... args) throws Exception {
        Path base = Files.createDirectories(dir.resolve(what.replace(' ', '-')));
        // An unkilled run: how long the command takes here and now, and what complete looks like.
        Path calibration = base.resolve("calibration");
        long t0 = System.nanoTime();
        ChildJvm full = ChildJvm.start(calibration, Map.of(), withWorkspace(args, calibration.resolve("ws.sqlite")));
        assertEquals(0, full.waitFor(HANG), full.stderr());
        long runMillis = (System.nanoTime() - t0) / 1_000_000;
        integrityOk(calibration.resolve("ws.sqlite"));
        Long complete = judge.stored(calibration.resolve("ws.sqlite"));
        assertTrue(complete != null && complete > 0, what + ": the unkilled run stored its work");

        Random rnd = new Random(SEED ^ what.hashCode());
        Map<Outcome, Integer> outcomes = new TreeMap<>();
        List<Long> points = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            Path trial = base.resolve("trial-" + i);
            Path ws = trial.resolve("ws.sqlite");
            long at = (long) (runMillis * rnd.nextDouble());
            points.add(at);
            ChildJvm child = ChildJvm.start(trial, Map.of(), withWorkspace(args, ws));
            boolean ended = child.process().waitFor(at, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (!ended) child.kill();
            Outcome o;
            if (!Files.exists(ws)) {
                o = Outcome.NO_FILE;
            } else {
                integrityOk(ws);
                Long stored = judge.stored(ws);
                if (stored == null) o = Outcome.NOTHING_STORED;
                else {
                    assertEquals(complete, stored, what + ", killed at " + at + " ms: all or nothing");
                    o = ended ? Outcome.FINISHED_BEFORE_THE_KILL : Outcome.COMPLETE;
                }
            }
            if (ended) assertEquals(0, child.process().exitValue(), child.stderr());
            outcomes.merge(o, 1, Integer::sum);
        }
        System.out.printf(
                Locale.ROOT,
                "kill -9 %s: unkilled run %d ms; %d trials killed at %s ms (seed %d): %s%n",
                what,
                runMillis,
                TRIALS,
                points,
                SEED,
                outcomes.entrySet().stream()
                        .map(e -> e.getValue() + " "
                                + e.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                        .collect(Collectors.joining(", ")));
    }

    private static String[] withWorkspace(String[] args, Path ws) {
        String[] a = args.clone();
        for (int i = 0; i < a.length; i++) if (a[i].equals("WS")) a[i] = ws.toString();
        return a;
    }

    private static void integrityOk(Path ws) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            assertTrue(rs.next());
            assertEquals("ok", rs.getString(1), ws + ": integrity_check");
        }
    }

    private static long count(Path ws, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.toAbsolutePath());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }

    @Test
    void aBillingImportKilledAnywhereIsWhollyStoredOrAbsent() throws Exception {
        killAtRandomPoints(
                "billing import",
                ws -> {
                    try (Workspace w = Workspace.open(ws)) {
                        List<ImportRecord> imports = w.billing().imports();
                        if (imports.isEmpty()) {
                            assertEquals(0, w.chargeCount(), "no rows without their import");
                            assertEquals(0, count(ws, "SELECT COUNT(*) FROM import_accounts"));
                            return null;
                        }
                        assertEquals(1, imports.size());
                        long rows = imports.getFirst().rows();
                        assertEquals(rows, w.chargeCount(), "the history agrees with the rows");
                        assertEquals(rows, count(ws, "SELECT SUM(rows) FROM import_accounts"));
                        return rows;
                    }
                },
                "import",
                bill.toString(),
                "-w",
                "WS");
    }

    @Test
    void aLogImportKilledAnywhereIsWhollyStoredOrAbsent() throws Exception {
        killAtRandomPoints(
                "log import",
                ws -> {
                    try (Workspace w = Workspace.open(ws)) {
                        List<LogImportRecord> imports = w.requestLogs().imports();
                        long requests = count(ws, "SELECT COUNT(*) FROM requests");
                        long days = count(ws, "SELECT IFNULL(SUM(requests), 0) FROM request_days");
                        if (imports.isEmpty()) {
                            assertEquals(0, requests, "no requests without their import");
                            assertEquals(0, days);
                            return null;
                        }
                        assertEquals(1, imports.size());
                        long rows = imports.getFirst().rows();
                        assertEquals(rows, requests, "the history agrees with the rows");
                        assertEquals(rows, days, "and with the day totals");
                        return rows;
                    }
                },
                "logs",
                "import",
                log.toString(),
                "-w",
                "WS");
    }

    @Test
    void aSavedSweepKilledAnywhereIsWhollyStoredOrAbsent() throws Exception {
        killAtRandomPoints(
                "sweep save",
                ws -> {
                    try (Workspace w = Workspace.open(ws)) {
                        List<SweepRecord> sweeps = w.sweeps().list();
                        if (sweeps.isEmpty()) {
                            assertEquals(0, count(ws, "SELECT COUNT(*) FROM sweep_points"));
                            return null;
                        }
                        assertEquals(1, sweeps.size());
                        assertEquals(
                                sweeps.getFirst().points(),
                                w.sweeps().points(sweeps.getFirst().id()).size());
                        assertTrue(w.sweeps().results(sweeps.getFirst().id()).startsWith("{"));
                        return (long) sweeps.getFirst().points();
                    }
                },
                "sweep",
                results.toString(),
                "-w",
                "WS");
    }

    @Test
    void theDemoBuildKilledAnywhereLeavesNoWorkspaceOrACompleteOne() throws Exception {
        killAtRandomPoints(
                "demo build",
                ws -> {
                    try (Workspace w = Workspace.open(ws)) {
                        assertTrue(DemoWorkspace.isComplete(w), "a demo workspace that exists is complete");
                        return w.chargeCount()
                                + w.requestLogs().imports().getFirst().rows();
                    }
                },
                "demo",
                "--workspace",
                "WS");
        // (The temporary files killed builds leave are removed by the next build: DemoWorkspaceTest.)
    }
}
