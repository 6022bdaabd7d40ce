package frontier.store;

import frontier.sim.BadInputException;

/** The same content (SHA-256 of the raw bytes) was imported before; the new import was rolled back. */
public final class DuplicateImportException extends BadInputException {
    private final transient ImportRecord earlier;
    private final transient LogImportRecord earlierLog;

    public DuplicateImportException(String message, ImportRecord earlier) {
        super(message);
        this.earlier = earlier;
        this.earlierLog = null;
    }

    public DuplicateImportException(String message, LogImportRecord earlierLog) {
        super(message);
        this.earlier = null;
        this.earlierLog = earlierLog;
    }

    /** The earlier billing import, or null when the duplicate is a request log. */
    public ImportRecord earlier() {
        return earlier;
    }

    /** The earlier request-log import, or null when the duplicate is a billing export. */
    public LogImportRecord earlierLog() {
        return earlierLog;
    }
}
