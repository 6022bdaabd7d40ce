package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.demo.DemoData;
import frontier.demo.DemoFixture;
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
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at each stage of a command: a child JVM running a billing import, a log import, the demo build or the save of
 * a sweep is killed (destroyForcibly: no shutdown hook, no rollback, no close) as soon as its own output shows it has
 * reached a stage, and the workspace is then checked: {@code PRAGMA integrity_check} is ok and the work is all or
 * nothing (the import's rows wholly present with its history entry, or neither; the demo workspace absent or complete;
 * the sweep with all its points or absent).
 *
 * <p>The kills are aimed by progress, not by random sleeps, so every crash point is hit in every run and no trial runs
 * to completion uselessly. The stages (each command's {@link Stage}s): the workspace file just created (schema and
 * opening; the import not begun); inside the import's one transaction (the first {@code --progress} line: one batch
 * written, and, checked on the child's own progress, at least three more batches and the commit still to come); just
 * after the commit (the result line on stdout, printed before the workspace is closed and its WAL checkpointed). The
 * demo build: while it simulates the month, and while it imports the request log into its temporary workspace (both
 * before its atomic rename, so nothing may appear at the target). The sweep: the workspace created, and the sweep just
 * saved. Each stage asserts the outcome it must give; a kill that landed later than aimed (a starved test thread on a
 * loaded machine) is told and retried, up to {@link #AIMS} times, so each crash point is really tested. Besides,
 * {@code -Dfrontier.kill.trials=N} (default 0) adds N kills per command at seeded random times within the time the
 * command took to its result ({@code -Dfrontier.kill.seed=S}, default 13); each command prints its trials and outcomes
 * (docs/reliability.md).
 */
@Tag("slow")
class CrashSafetyTest {
    private static final int RANDOM_TRIALS = Integer.getInteger("frontier.kill.trials", 0);
    private static final long SEED = Long.getLong("frontier.kill.seed", 13);
    /** How many times a stage's kill is tried when it landed past its stage. */
    private static final int AIMS = 3;
    /** A bound on one child's run against a hang; not a timing assertion. */
    private static final long HANG = 300;
    /**
     * 24,576 lines and requests: six of the imports' batches of 4,096 rows (each import writes a batch, then tells its
     * progress). Enough for a kill at the first progress line to land inside the transaction with more batches to come
     * (checked on the child's progress in {@link #moreThanThreeBatchesToGo}); the 60,000 and 120,000 of before
     * crossed the same stages with more batches.
     */
    private static final int ROWS = 6 * 4096;
    /** Points of the saved sweep: the save is one transaction whatever their number. */
    private static final int SWEEP_POINTS = 40;

    private static final Pattern PROGRESS_ROWS = Pattern.compile("importing [^:]+: ([0-9,]+) rows");

    @TempDir
    static Path dir;

    private static Path bill;
    private static Path log;
    private static Path results;

    @BeforeAll
    static void inputs() throws IOException {
        bill = dir.resolve("cur.csv");
        CurGenerator.write(bill, ROWS, 1);
        log = dir.resolve("requests.csv");
        BenchLogs.write(log, ROWS, 1);
        Path sweep = dir.resolve("sweep.json");
        Files.writeString(sweep, """
                {
                  "name": "kill test sweep",
                  "traffic": { "type": "poisson", "rate_per_s": 8.0 },
                  "pool": { "name": "server", "servers": 1, "service": { "type": "exponential", "mean": 0.1 } },
                  "run": { "duration_s": 100, "warmup_s": 10, "replications": 1, "seed": 42 },
                  "sweep": {
                    "parameters": [ { "path": "$.pool.servers", "range": { "from": 1, "to": %d, "step": 1 } } ],
                    "method": "grid", "replications_per_point": 1, "seed": 7
                  }
                }
                """.formatted(SWEEP_POINTS));
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

    /** How to judge what a command left in its workspace: null when nothing is there, else its size (rows, points). */
    private interface Judge {
        Long stored(Path workspace) throws Exception;
    }

    /**
     * A stage of a command, where a kill is aimed: {@code reached} is tested on the running child (its output, its
     * files) every 5 ms, and the kill must leave one of {@code outcomes}.
     */
    private record Stage(String name, Predicate<Trial> reached, Set<Outcome> outcomes) {}

    /** One child run of the command, with its workspace. */
    private record Trial(Path workspace, ChildJvm child) {
        String stdout() {
            return child.stdout();
        }

        String stderr() {
            return child.stderr();
        }
    }

    /**
     * What a kill found: the outcome, the child's stderr when it was killed, and
     * whether a write-ahead log was left beside the workspace (recovered when it was next opened).
     */
    private record Kill(Outcome outcome, String stderr, long millis, Path workspace, boolean inWal) {
        String label() {
            return outcome.name().toLowerCase(Locale.ROOT).replace('_', ' ') + (inWal ? " (WAL left)" : "");
        }
    }

    /** The size of the complete work (rows, points), asked for the first time a kill left some work stored. */
    private static final class Reference {
        private final String what;
        private final java.util.function.Supplier<Long> complete;
        private Long known;

        Reference(String what, java.util.function.Supplier<Long> complete) {
            this.what = what;
            this.complete = complete;
        }

        void check(Long stored, String where) {
            if (known == null) known = complete.get();
            assertEquals(known, stored, what + ", " + where + ": all or nothing");
        }
    }

    private static int trials;

    private Kill killAt(String what, Judge judge, Reference ref, Predicate<Trial> reached, String[] args)
            throws Exception {
        Path folder = dir.resolve(what.replace(' ', '-')).resolve("trial-" + trials++);
        Path ws = folder.resolve("ws.sqlite");
        long t0 = System.nanoTime();
        ChildJvm child = ChildJvm.start(folder, List.of(), java.util.Map.of(), withWorkspace(args, ws));
        Trial t = new Trial(ws, child);
        boolean hit = child.awaitState(c -> reached.test(t), HANG);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        String stderr = child.stderr();
        boolean ended = !child.process().isAlive();
        if (!ended) child.kill();
        else assertEquals(0, child.waitFor(HANG), what + ": " + child.stderr());
        assertTrue(hit || ended, what + ": the stage was not reached within " + HANG + " s");
        return judged(judge, ref, ws, ended, stderr, millis);
    }

    private Kill killAfter(String what, Judge judge, Reference ref, long millis, String[] args) throws Exception {
        Path folder = dir.resolve(what.replace(' ', '-')).resolve("trial-" + trials++);
        Path ws = folder.resolve("ws.sqlite");
        ChildJvm child = ChildJvm.start(folder, List.of(), java.util.Map.of(), withWorkspace(args, ws));
        boolean ended = child.process().waitFor(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        String stderr = child.stderr();
        if (!ended) child.kill();
        else assertEquals(0, child.process().exitValue(), child.stderr());
        return judged(judge, ref, ws, ended, stderr, millis);
    }

    private static Kill judged(Judge judge, Reference ref, Path ws, boolean ended, String stderr, long ms)
            throws Exception {
        if (!Files.exists(ws)) return new Kill(Outcome.NO_FILE, stderr, ms, ws, false);
        Path wal = ws.resolveSibling(ws.getFileName() + "-wal");
        boolean inWal = Files.exists(wal) && Files.size(wal) > 0;
        integrityOk(ws);
        Long stored = judge.stored(ws);
        if (stored == null) return new Kill(Outcome.NOTHING_STORED, stderr, ms, ws, inWal);
        ref.check(stored, "killed at " + ms + " ms");
        return new Kill(ended ? Outcome.FINISHED_BEFORE_THE_KILL : Outcome.COMPLETE, stderr, ms, ws, inWal);
    }

    /**
     * Kills the command at each of its stages (retrying a kill that landed past its stage), then at {@link
     * #RANDOM_TRIALS} random times within the time it took to its last stage; returns the kills by stage.
     */
    private List<Kill> killAtEveryStage(String what, Judge judge, Reference ref, List<Stage> stages, String... args)
            throws Exception {
        List<Kill> kills = new ArrayList<>();
        List<String> report = new ArrayList<>();
        long lastStageMillis = 0;
        for (Stage s : stages) {
            Kill k = null;
            for (int aim = 1; aim <= AIMS; aim++) {
                k = killAt(what, judge, ref, s.reached(), args);
                if (s.outcomes().contains(k.outcome())) break;
                System.out.printf(
                        Locale.ROOT,
                        "kill -9 %s at '%s' (aim %d of %d) landed past it: %s; again%n",
                        what,
                        s.name(),
                        aim,
                        AIMS,
                        k.outcome());
            }
            assertTrue(
                    s.outcomes().contains(k.outcome()),
                    what + " killed at '" + s.name() + "': expected " + s.outcomes() + ", got " + k.outcome() + " in "
                            + AIMS + " aims");
            kills.add(k);
            lastStageMillis = Math.max(lastStageMillis, k.millis());
            report.add(s.name() + " (" + k.millis() + " ms): " + k.label());
        }
        Random rnd = new Random(SEED ^ what.hashCode());
        for (int i = 0; i < RANDOM_TRIALS; i++) {
            long at = (long) (lastStageMillis * rnd.nextDouble());
            Kill k = killAfter(what, judge, ref, at, args);
            report.add("random " + at + " ms: " + k.label());
        }
        System.out.printf(Locale.ROOT, "kill -9 %s (seed %d): %s%n", what, SEED, String.join("; ", report));
        return kills;
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

    /** The stages of an import: created, inside the transaction (first progress line), just committed (result line). */
    private static List<Stage> importStages() {
        return List.of(
                new Stage(
                        "workspace created",
                        t -> Files.exists(t.workspace()),
                        Set.of(Outcome.NO_FILE, Outcome.NOTHING_STORED)),
                new Stage(
                        "inside the import's transaction",
                        t -> PROGRESS_ROWS.matcher(t.stderr()).find(),
                        Set.of(Outcome.NOTHING_STORED)),
                new Stage(
                        "just committed",
                        t -> t.stdout().startsWith("Imported "),
                        Set.of(Outcome.COMPLETE, Outcome.FINISHED_BEFORE_THE_KILL)));
    }

    /**
     * The kill aimed inside the transaction landed after the first batch with at least three more batches and the
     * commit still to come: read on the child's own first progress report (the rows of one batch).
     */
    private static void moreThanThreeBatchesToGo(Kill inside, long rows) {
        Matcher m = PROGRESS_ROWS.matcher(inside.stderr());
        assertTrue(m.find(), inside.stderr());
        long batch = Long.parseLong(m.group(1).replace(",", ""));
        assertTrue(
                batch > 0 && rows - batch >= 3 * batch,
                "killed after the first batch of " + batch + " rows of " + rows
                        + ": at least three batches and the commit still to come");
    }

    @Test
    void aBillingImportKilledAtEveryStageIsWhollyStoredOrAbsent() throws Exception {
        Reference ref = new Reference("billing import", () -> (long) ROWS);
        List<Kill> kills = killAtEveryStage(
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
                ref,
                importStages(),
                "import",
                bill.toString(),
                "--progress",
                "-w",
                "WS");
        moreThanThreeBatchesToGo(kills.get(1), ROWS);
    }

    @Test
    void aLogImportKilledAtEveryStageIsWhollyStoredOrAbsent() throws Exception {
        Reference ref = new Reference("log import", () -> (long) ROWS);
        List<Kill> kills = killAtEveryStage(
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
                ref,
                importStages(),
                "logs",
                "import",
                log.toString(),
                "--progress",
                "-w",
                "WS");
        moreThanThreeBatchesToGo(kills.get(1), ROWS);
    }

    @Test
    void aSavedSweepKilledAtEveryStageIsWhollyStoredOrAbsent() throws Exception {
        killAtEveryStage(
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
                new Reference("sweep save", () -> (long) SWEEP_POINTS),
                List.of(
                        // Opened before the sweep is analysed, so an unusable workspace is reported first: the save
                        // comes later.
                        new Stage(
                                "workspace created",
                                t -> Files.exists(t.workspace()),
                                Set.of(Outcome.NO_FILE, Outcome.NOTHING_STORED)),
                        new Stage(
                                "just saved",
                                t -> t.stdout().contains("Saved as sweep #"),
                                Set.of(Outcome.COMPLETE, Outcome.FINISHED_BEFORE_THE_KILL))),
                "sweep",
                results.toString(),
                "-w",
                "WS");
    }

    @Test
    void theDemoBuildKilledWhileSimulatingOrImportingLeavesNoWorkspace() throws Exception {
        // The target appears only by the atomic rename of the finished temporary workspace, after which the build
        // only prints: a complete demo there is what DemoWorkspaceTest checks. Killed before it, nothing may appear.
        List<Kill> kills = killAtEveryStage(
                "demo build",
                ws -> {
                    try (Workspace w = Workspace.open(ws)) {
                        assertTrue(DemoWorkspace.isComplete(w), "a demo workspace that exists is complete");
                        return w.chargeCount()
                                + w.requestLogs().imports().getFirst().rows();
                    }
                },
                // Only a kill that landed after the rename sees a workspace: it must be the whole demo, as the fixture.
                new Reference("demo build", () -> {
                    try (Workspace w = Workspace.open(DemoFixture.copyTo(dir.resolve("reference.sqlite")))) {
                        return w.chargeCount()
                                + w.requestLogs().imports().getFirst().rows();
                    }
                }),
                List.of(
                        new Stage(
                                "simulating the month",
                                t -> t.stderr().contains("simulating the demo month: "),
                                Set.of(Outcome.NO_FILE)),
                        new Stage(
                                "importing the request log into its temporary workspace",
                                t -> t.stderr().contains("importing " + DemoData.REQUESTS + ": "),
                                Set.of(Outcome.NO_FILE))),
                "demo",
                "--progress",
                "--workspace",
                "WS");
        // The second kill landed in the temporary workspace's log import, the bill imported before it: its temporary
        // file is still there beside the target (removed by the next build: DemoWorkspaceTest).
        assertTrue(
                kills.get(1).stderr().contains("importing " + DemoData.BILLING + ": "),
                kills.get(1).stderr());
        try (Stream<Path> files = Files.list(kills.get(1).workspace().getParent())) {
            assertTrue(
                    files.anyMatch(f -> f.getFileName().toString().endsWith(".building")),
                    "the killed build left its temporary workspace");
        }
    }
}
