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

    ImportMonitor NONE = new ImportMonitor() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(long rows, long bytes, long totalBytes) {
        }
    };
}
