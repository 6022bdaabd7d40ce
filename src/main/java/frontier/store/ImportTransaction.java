package frontier.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * The frame both imports run in (billing exports in {@link Workspace}, request logs in
 * {@link RequestLogs}): one transaction on the workspace connection, fed by one {@link ReadAhead}. It
 * starts by taking the {@link WriteLock}: while another connection writes, the import waits (telling
 * the monitor once, cancellable) up to the workspace's limit, then fails as a {@link WorkspaceBusyException}. The
 * import is committed when its body returns and rolled back when it throws, so bad input, a refusal or
 * cancellation leaves the workspace unchanged; however it ends, the reader is stopped and auto-commit
 * restored. An SQL failure becomes an {@link IllegalStateException} prefixed with {@code what} (the
 * workspace; a {@link WorkspaceBusyException} when SQLite reports it busy), an interruption an {@link ImportCancelledException}; other exceptions pass through after
 * the rollback.
 */
final class ImportTransaction {
    /** The body of an import: may fail with an SQL error, or be interrupted while it waits for a batch. */
    interface Body<T> {
        T run(ImportTransaction tx) throws SQLException, InterruptedException;
    }

    /** Writes one batch on the importing thread. */
    interface Writer<B> {
        void write(B batch) throws SQLException;
    }

    private final Object source;
    private final ImportMonitor monitor;
    private ReadAhead<?> reader;

    private ImportTransaction(Object source, ImportMonitor monitor) {
        this.source = source;
        this.monitor = monitor;
    }

    /** Runs {@code body} as the import of {@code source} (the file messages name), cancelled through {@code monitor}. */
    static <T> T run(WriteLock lock, String what, Object source, ImportMonitor monitor, Body<T> body) {
        Connection conn = lock.connection();
        ImportTransaction tx = new ImportTransaction(source, monitor);
        try {
            lock.begin(
                    monitor::isCancelled,
                    monitor::waiting,
                    () -> new ImportCancelledException(
                            "import of " + source + " cancelled while waiting for the workspace; nothing was stored"));
            T result = body.run(tx);
            conn.commit();
            return result;
        } catch (SQLException e) {
            Transactions.rollbackQuietly(conn);
            throw WriteLock.failure(what, e);
        } catch (InterruptedException e) {
            Transactions.rollbackQuietly(conn);
            Thread.currentThread().interrupt();
            throw new ImportCancelledException("import of " + source + " interrupted; nothing was stored");
        } catch (RuntimeException | Error e) {
            Transactions.rollbackQuietly(conn);
            throw e;
        } finally {
            if (tx.reader != null) tx.reader.close();
            try {
                conn.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the connection is broken; the next use reports it
            }
        }
    }

    /**
     * Starts the import's reader: {@code producer} on a thread named {@code name}, stopped when the import
     * ends. Its {@link ReadAhead#next} throws an {@link ImportCancelledException} once the monitor cancels.
     */
    <B> ReadAhead<B> startReader(String name, ReadAhead.Producer<B> producer) {
        if (reader != null) throw new IllegalStateException("an import has one reader");
        ReadAhead<B> started = new ReadAhead<>(
                name,
                producer,
                monitor::isCancelled,
                () -> new ImportCancelledException("import of " + source + " cancelled; nothing was stored"));
        reader = started;
        return started;
    }

    /**
     * Takes the batches of {@code ahead} until its producer finished, writes each with {@code writer} and
     * then reports the rows written so far, {@code bytesRead} and {@code totalBytes} to the monitor;
     * returns the rows written.
     */
    <B extends ReadAhead.Batch> long writeAll(
            ReadAhead<B> ahead, Writer<B> writer, LongSupplier bytesRead, long totalBytes)
            throws SQLException, InterruptedException {
        long rows = 0;
        B b;
        while ((b = ahead.next()) != null) {
            writer.write(b);
            rows += b.size;
            monitor.progress(rows, bytesRead.getAsLong(), totalBytes);
        }
        return rows;
    }
}
