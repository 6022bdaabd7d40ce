package frontier.store;

/**
 * How a caller watches and stops an import. Called from the importing thread every few thousand rows,
 * so both methods must be cheap and thread-safe.
 */
public interface ImportMonitor {
    /** True once the caller wants the import abandoned; it is then rolled back and {@link ImportCancelledException} thrown. */
    boolean isCancelled();

    /** Rows stored so far, raw bytes read so far and the total raw bytes of the input. */
    void progress(long rows, long bytes, long totalBytes);

    /**
     * The import waits for the workspace ("workspace busy: another import is running…"): said once, before
     * any progress, when another connection is writing; the import goes on when it has finished, or fails
     * with a {@link WorkspaceBusyException} after the workspace's wait. Cancelling stops the wait too.
     */
    default void waiting(String message) {}

    ImportMonitor NONE = new ImportMonitor() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(long rows, long bytes, long totalBytes) {}
    };
}
