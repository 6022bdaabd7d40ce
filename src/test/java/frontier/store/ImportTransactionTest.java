package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The frame both imports share: one transaction, its reader stopped and auto-commit restored however it ends. */
class ImportTransactionTest {
    private Connection conn;

    private WriteLock lock() {
        return new WriteLock(conn, "ws", java.time.Duration.ofSeconds(1));
    }

    /** Holds up to three numbers, like the imports' batches hold rows. */
    private static final class Numbers extends ReadAhead.Batch {
        final int[] values = new int[3];

        Numbers() {
            super(3);
        }

        void add(int v) {
            values[size++] = v;
        }
    }

    /** Counts progress reports; cancels when told to. */
    private static final class Monitor implements ImportMonitor {
        final AtomicBoolean cancel = new AtomicBoolean();
        final List<long[]> reports = new ArrayList<>();

        @Override
        public boolean isCancelled() {
            return cancel.get();
        }

        @Override
        public void progress(long rows, long bytes, long totalBytes) {
            reports.add(new long[] {rows, bytes, totalBytes});
        }
    }

    @BeforeEach
    void open() throws SQLException {
        conn = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("CREATE TABLE t(v INTEGER)");
            s.executeUpdate("CREATE TABLE imports(id INTEGER PRIMARY KEY)"); // what WriteLock writes to take the lock
        }
    }

    @AfterEach
    void close() throws SQLException {
        Thread.interrupted();
        conn.close();
    }

    private long count() throws SQLException {
        return new Sql(conn, "test").scalarLong("SELECT COUNT(*) FROM t");
    }

    private void insert(int v) throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO t VALUES (" + v + ")");
        }
    }

    private static ReadAhead.Producer<Numbers> numbers(int n) {
        Iterator<Integer> it =
                java.util.stream.IntStream.rangeClosed(1, n).boxed().iterator();
        return ReadAhead.filling(() -> it.hasNext() ? it.next() : null, Numbers::new, Numbers::add);
    }

    private static boolean readerAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    @Test
    void everyBatchIsWrittenOnceWithProgressAndTheImportCommits() throws SQLException {
        Monitor m = new Monitor();
        List<Integer> sizes = new ArrayList<>();
        long rows = ImportTransaction.run(lock(), "ws", "f.csv", m, tx -> {
            ReadAhead<Numbers> ahead = tx.startReader("test-reader-ok", numbers(7));
            return tx.writeAll(
                    ahead,
                    b -> {
                        sizes.add(b.size);
                        for (int i = 0; i < b.size; i++) insert(b.values[i]);
                    },
                    () -> 42,
                    100);
        });
        assertEquals(7, rows);
        assertEquals(List.of(3, 3, 1), sizes, "full batches, then the last partial one");
        assertEquals(List.of(3L, 6L, 7L), m.reports.stream().map(r -> r[0]).toList());
        assertTrue(m.reports.stream().allMatch(r -> r[1] == 42 && r[2] == 100));
        assertEquals(7, count());
        assertTrue(conn.getAutoCommit());
    }

    @Test
    void anEmptySourceHandsOverNoBatch() {
        long rows = ImportTransaction.run(
                lock(),
                "ws",
                "f.csv",
                ImportMonitor.NONE,
                tx -> tx.writeAll(
                        tx.startReader("test-reader-empty", numbers(0)),
                        b -> {
                            throw new AssertionError("no batch expected");
                        },
                        () -> 0,
                        0));
        assertEquals(0, rows);
    }

    @Test
    void anSqlFailureRollsBackAndNamesTheWorkspace() throws SQLException {
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> ImportTransaction.run(lock(), "ws.sqlite", "f.csv", ImportMonitor.NONE, tx -> {
                    insert(1);
                    throw new SQLException("disk full");
                }));
        assertEquals("ws.sqlite: disk full", e.getMessage());
        assertEquals(0, count());
        assertTrue(conn.getAutoCommit());
    }

    @Test
    void badInputFromTheReaderPassesThroughAndRollsBack() throws SQLException {
        BadInputException bad = new BadInputException("f.csv: line 5: expected a number");
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> ImportTransaction.run(lock(), "ws", "f.csv", ImportMonitor.NONE, tx -> {
                    ReadAhead<Numbers> ahead = tx.startReader("test-reader-bad", sink -> {
                        Numbers b = new Numbers();
                        b.add(1);
                        sink.accept(b);
                        throw bad;
                    });
                    return tx.writeAll(ahead, b -> insert(b.values[0]), () -> 0, 0);
                }));
        assertSame(bad, e);
        assertEquals(0, count());
        assertTrue(conn.getAutoCommit());
    }

    @Test
    void cancellingWhileWaitingRollsBackAndStopsTheReader() throws SQLException {
        Monitor m = new Monitor();
        CountDownLatch never = new CountDownLatch(1);
        ImportCancelledException e = assertThrows(
                ImportCancelledException.class,
                () -> ImportTransaction.run(lock(), "ws", "f.csv", m, tx -> {
                    insert(1);
                    ReadAhead<Numbers> ahead = tx.startReader("test-reader-cancel", sink -> {
                        try {
                            never.await();
                        } catch (InterruptedException stopped) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    m.cancel.set(true);
                    return tx.writeAll(ahead, b -> insert(b.values[0]), () -> 0, 0);
                }));
        assertEquals("import of f.csv cancelled; nothing was stored", e.getMessage());
        assertEquals(0, count());
        assertTrue(conn.getAutoCommit());
        assertFalse(readerAlive("test-reader-cancel"), "the reader is stopped when the import ends");
    }

    @Test
    void anInterruptedImportRollsBackAsCancelledAndKeepsTheInterrupt() throws SQLException {
        CountDownLatch never = new CountDownLatch(1);
        ImportCancelledException e = assertThrows(
                ImportCancelledException.class,
                () -> ImportTransaction.run(lock(), "ws", "f.csv", ImportMonitor.NONE, tx -> {
                    insert(1);
                    ReadAhead<Numbers> ahead = tx.startReader("test-reader-interrupt", sink -> {
                        try {
                            never.await();
                        } catch (InterruptedException stopped) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    Thread.currentThread().interrupt();
                    return tx.writeAll(ahead, b -> insert(b.values[0]), () -> 0, 0);
                }));
        assertEquals("import of f.csv interrupted; nothing was stored", e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
        assertEquals(0, count());
        assertTrue(conn.getAutoCommit());
    }
}
