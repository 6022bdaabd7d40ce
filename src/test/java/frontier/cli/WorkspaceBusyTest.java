package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogReadOptions;
import frontier.sim.BadInputException;
import frontier.store.AttributionRule;
import frontier.store.ImportCancelledException;
import frontier.store.ImportMonitor;
import frontier.store.ImportResult;
import frontier.store.LogImportResult;
import frontier.store.NewSweep;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import frontier.store.WorkspaceBusyException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers on one workspace, in one JVM on two connections: the second waits for the first with a
 * message and then succeeds, or gives up after the busy wait as bad input having stored nothing; every
 * kind of workspace write behaves so. (The same between two processes: {@link CrashSafetyTest}.)
 */
@Tag("slow")
class WorkspaceBusyTest {
    /** Generous bound on waiting for the other thread; reached only if the code under test hangs. */
    private static final long HANG = 120;

    @TempDir
    Path dir;

    /**
     * Rows of the bill and of the log: each test waits on the write lock, not on the rows, so their number only has to
     * exceed one of the imports' batches of 4,096 (an import in progress has written a batch, and is still to write
     * another, when it pauses); 20,000 before, the same checks.
     */
    private static final int ROWS = 5_000;

    private Path bill() throws IOException {
        Path f = dir.resolve("cur.csv");
        CurGenerator.write(f, ROWS, 7);
        return f;
    }

    private Path log() throws IOException {
        Path f = dir.resolve("requests.csv");
        BenchLogs.write(f, ROWS, 7);
        return f;
    }

    /** Another connection holding the write lock, as an import in progress does, until closed. */
    private static Connection holdWriteLock(Path ws) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws.toAbsolutePath());
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO attribution_rules(position, match, pattern) VALUES (99, 'tag', 'held')");
        }
        return c;
    }

    private static void release(Connection c) throws SQLException {
        c.rollback();
        c.close();
    }

    @Test
    void secondImportWaitsWithAMessageAndSucceedsOnceTheFirstCommits() throws Exception {
        Path bill = bill();
        Path log = log();
        Path file = dir.resolve("ws.sqlite");
        Workspace.open(file).close();
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondWaiting = new CountDownLatch(1);
        List<String> heard = new CopyOnWriteArrayList<>();

        // Threads of their own: the common pool may have a single worker, which the paused first import would hold.
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        CompletableFuture<ImportResult> first = CompletableFuture.supplyAsync(
                () -> {
                    try (Workspace ws = Workspace.open(file)) {
                        return ws.billing().importFile(bill, ReadOptions.DETECT, OverlapPolicy.REFUSE, new Monitor() {
                            @Override
                            public void progress(long rows, long bytes, long totalBytes) {
                                firstWriting.countDown();
                                await(releaseFirst);
                            }
                        });
                    }
                },
                threads);
        assertTrue(firstWriting.await(HANG, TimeUnit.SECONDS), "the first import started writing");
        CompletableFuture<LogImportResult> second = CompletableFuture.supplyAsync(
                () -> {
                    try (Workspace ws = Workspace.open(file)) {
                        return ws.requestLogs().importFile(log, LogReadOptions.DETECT, false, new Monitor() {
                            @Override
                            public void waiting(String message) {
                                heard.add(message);
                                secondWaiting.countDown();
                            }
                        });
                    }
                },
                threads);
        assertTrue(secondWaiting.await(HANG, TimeUnit.SECONDS), "the second import said it waits");
        releaseFirst.countDown();

        assertEquals(ROWS, first.get(HANG, TimeUnit.SECONDS).record().rows());
        assertEquals(ROWS, second.get(HANG, TimeUnit.SECONDS).record().rows());
        threads.shutdown();
        assertEquals(1, heard.size(), "said once: " + heard);
        assertTrue(heard.getFirst().startsWith("workspace busy: another import is running"), heard.getFirst());
        assertTrue(heard.getFirst().contains("waiting up to 60 s"), heard.getFirst());
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(1, ws.billing().imports().size());
            assertEquals(1, ws.requestLogs().imports().size());
        }
    }

    @Test
    void importGivesUpAfterTheBusyWaitAsBadInputAndStoresNothing() throws Exception {
        Path bill = bill();
        Path file = dir.resolve("ws.sqlite");
        Workspace.open(file).close();
        Connection other = holdWriteLock(file);
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Workspace ws = Workspace.open(file)) {
            ws.setBusyWait(Duration.ofMillis(500));
            WorkspaceBusyException e = assertThrows(WorkspaceBusyException.class, () -> ws.billing()
                    .importFile(bill, ReadOptions.DETECT, OverlapPolicy.REFUSE, new Monitor() {
                        @Override
                        public void waiting(String message) {
                            heard.add(message);
                        }
                    }));
            assertInstanceOf(BadInputException.class, e, "exit code 2 in the CLI");
            assertTrue(
                    e.getMessage()
                            .startsWith(
                                    file
                                            + ": workspace busy: another import or change kept it locked for 0.5 s; nothing was stored."),
                    e.getMessage());
            assertEquals(1, heard.size());
            assertTrue(ws.billing().imports().isEmpty(), "reads do not wait for the writer");
        } finally {
            release(other);
        }
        try (Workspace ws = Workspace.open(file)) {
            assertTrue(ws.billing().imports().isEmpty());
            assertEquals(
                    ROWS,
                    ws.billing()
                            .importFile(bill, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE)
                            .record()
                            .rows(),
                    "once the other writer has gone the same import succeeds");
        }
    }

    @Test
    void cancellingAWaitingImportStopsItsWait() throws Exception {
        Path log = log();
        Path file = dir.resolve("ws.sqlite");
        Workspace.open(file).close();
        Connection other = holdWriteLock(file);
        try (Workspace ws = Workspace.open(file)) {
            ImportCancelledException e = assertThrows(ImportCancelledException.class, () -> ws.requestLogs()
                    .importFile(log, LogReadOptions.DETECT, false, new Monitor() {
                        volatile boolean cancelled;

                        @Override
                        public boolean isCancelled() {
                            return cancelled;
                        }

                        @Override
                        public void waiting(String message) {
                            cancelled = true;
                        }
                    }));
            assertTrue(
                    e.getMessage().contains("cancelled while waiting for the workspace; nothing was stored"),
                    e.getMessage());
        } finally {
            release(other);
        }
    }

    @Test
    void everyKindOfWriteWaitsWithANoticeThenFailsAsBusyAndSucceedsOnceFree() throws Exception {
        Path bill = bill();
        Path file = dir.resolve("ws.sqlite");
        long importId;
        long logId;
        long sweepId;
        try (Workspace ws = Workspace.open(file)) {
            importId = ws.billing()
                    .importFile(bill, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE)
                    .record()
                    .id();
            logId = ws.requestLogs()
                    .importFile(log(), LogReadOptions.DETECT, false, ImportMonitor.NONE)
                    .record()
                    .id();
            ws.attribution().add(rule(), 1);
            sweepId = ws.sweeps().save(sweep());
        }
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Workspace ws = Workspace.open(file)) {
            // 0.1 s each: every write must say it waits and then give up; how long it waited in vain is
            // importGivesUpAfterTheBusyWait…'s check (0.3 s before: 1.4 s of idle wall time for the same checks).
            ws.setBusyWait(Duration.ofMillis(100));
            ws.setBusyNotice(heard::add);
            List<Executable> writes = List.of(
                    () -> ws.billing().deleteImport(importId),
                    () -> ws.requestLogs().deleteImport(logId),
                    () -> ws.attribution().add(rule(), 1),
                    () -> ws.attribution().remove(1),
                    () -> ws.attribution().replaceAll(List.of()),
                    () -> ws.sweeps().save(sweep()),
                    () -> ws.sweeps().delete(sweepId));
            Connection other = holdWriteLock(file);
            try {
                for (Executable w : writes) {
                    WorkspaceBusyException e = assertThrows(WorkspaceBusyException.class, w);
                    assertTrue(e.getMessage().contains("workspace busy"), e.getMessage());
                }
            } finally {
                release(other);
            }
            assertEquals(writes.size(), heard.size(), "each write said once that it waits: " + heard);
            assertTrue(heard.stream().allMatch(m -> m.startsWith("workspace busy: ")), heard.toString());
            assertEquals(1, ws.billing().imports().size(), "nothing was deleted");
            assertEquals(1, ws.requestLogs().imports().size());
            assertEquals(1, ws.attribution().list().size(), "the rules are as they were");
            assertEquals(1, ws.sweeps().list().size());

            assertTrue(ws.billing().deleteImport(importId), "free again: the same writes succeed");
            assertTrue(ws.requestLogs().deleteImport(logId));
            assertTrue(ws.attribution().remove(1));
            assertTrue(ws.sweeps().delete(sweepId));
            assertEquals(writes.size(), heard.size(), "a write that does not wait says nothing");
        }
    }

    @Test
    void sqliteBusyAndLockedFromAnyStatementAreWorkspaceBusyErrors() throws Exception {
        // Opening a new file migrates its schema, which needs the lock: held by another writer, the open meets
        // SQLITE_BUSY outside any transaction of ours, and still reports it as a busy workspace.
        Path fresh = dir.resolve("fresh.sqlite");
        Connection other = DriverManager.getConnection("jdbc:sqlite:" + fresh.toAbsolutePath());
        other.setAutoCommit(false);
        try (Statement s = other.createStatement()) {
            s.execute("CREATE TABLE placeholder(x)");
        }
        String old = System.getProperty("frontier.busy-wait");
        System.setProperty("frontier.busy-wait", "0.3");
        try {
            WorkspaceBusyException e = assertThrows(WorkspaceBusyException.class, () -> Workspace.open(fresh));
            assertTrue(e.getMessage().startsWith(fresh + ": workspace busy: "), e.getMessage());
        } finally {
            if (old == null) System.clearProperty("frontier.busy-wait");
            else System.setProperty("frontier.busy-wait", old);
            release(other);
        }
        Workspace.open(fresh).close();
    }

    @Test
    void aBadBusyWaitSettingIsBadInput() {
        String old = System.getProperty("frontier.busy-wait");
        System.setProperty("frontier.busy-wait", "soon");
        try {
            BadInputException e = assertThrows(BadInputException.class, () -> Workspace.open(dir.resolve("ws.sqlite")));
            assertEquals(
                    "-Dfrontier.busy-wait: expected a number of seconds between 0 and 86400, got 'soon'",
                    e.getMessage());
        } finally {
            if (old == null) System.clearProperty("frontier.busy-wait");
            else System.setProperty("frontier.busy-wait", old);
        }
    }

    @Test
    void aSecondProcessWaitsWithAMessageOnStderrThenImportsOrExitsTwo() throws Exception {
        Path bill = bill();
        Path file = dir.resolve("ws.sqlite");
        Workspace.open(file).close();

        // Another writer holds the workspace while `frontier import` starts; it is let go once the child says it waits.
        Connection other = holdWriteLock(file);
        ChildJvm waits = ChildJvm.start(
                dir.resolve("waits"),
                java.util.Map.of("FRONTIER_BUSY_WAIT", "120"),
                "import",
                bill.toString(),
                "-w",
                file.toString());
        try {
            assertTrue(waits.awaitStderr("workspace busy", HANG), "the child says it waits: " + waits.stderr());
        } finally {
            release(other);
        }
        assertEquals(0, waits.waitFor(HANG), waits.stderr());
        assertTrue(
                waits.stderr()
                        .startsWith(
                                "frontier: workspace busy: another import is running (or another change is being saved) in "
                                        + file + "; waiting up to 120 s for it to finish…"),
                waits.stderr());
        assertTrue(waits.stdout().contains(String.format(java.util.Locale.US, "%,d rows", ROWS)), waits.stdout());

        // Held throughout: after its (short) wait the child gives up with exit 2 and one message, no stack trace. A
        // fractional wait (0.2 s; 1 s before, the same checks) also shows the child reads FRONTIER_BUSY_WAIT's
        // decimals.
        other = holdWriteLock(file);
        ChildJvm givesUp;
        try {
            givesUp = ChildJvm.start(
                    dir.resolve("gives-up"),
                    java.util.Map.of("FRONTIER_BUSY_WAIT", "0.2"),
                    "logs",
                    "import",
                    log().toString(),
                    "-w",
                    file.toString());
            assertEquals(2, givesUp.waitFor(HANG), givesUp.stderr());
        } finally {
            release(other);
        }
        List<String> lines = givesUp.stderr().lines().toList();
        assertEquals(2, lines.size(), givesUp.stderr());
        assertTrue(lines.get(0).startsWith("frontier: workspace busy: another import is running"), lines.get(0));
        assertEquals(
                "frontier: " + file
                        + ": workspace busy: another import or change kept it locked for 0.2 s; nothing was stored."
                        + " Try again when it has finished (wait longer with FRONTIER_BUSY_WAIT=SECONDS).",
                lines.get(1));
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(1, ws.billing().imports().size());
            assertTrue(ws.requestLogs().imports().isEmpty());
        }
    }

    private static AttributionRule rule() {
        return new AttributionRule(0, 1, AttributionRule.Match.TAG, "team", "*", AttributionRule.VALUE, null);
    }

    private static NewSweep sweep() {
        return new NewSweep("busy", null, "grid", 1, 1, List.of("cost"), "{}", List.of());
    }

    private static void await(CountDownLatch l) {
        try {
            if (!l.await(HANG, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A monitor that never cancels and ignores progress unless told otherwise. */
    private abstract static class Monitor implements ImportMonitor {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(long rows, long bytes, long totalBytes) {}
    }
}
