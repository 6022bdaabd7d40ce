package frontier.store;

/** The import was cancelled through its {@link ImportMonitor}; nothing of it was stored. */
public final class ImportCancelledException extends RuntimeException {
    public ImportCancelledException(String message) {
        super(message, null, false, false);
    }
}
