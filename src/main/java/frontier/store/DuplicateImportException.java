package frontier.store;

import frontier.sim.BadInputException;

/** The same content (SHA-256 of the raw bytes) was imported before; the new import was rolled back. */
public final class DuplicateImportException extends BadInputException {
    private final transient ImportRecord earlier;

    public DuplicateImportException(String message, ImportRecord earlier) {
        super(message);
        this.earlier = earlier;
    }

    public ImportRecord earlier() {
        return earlier;
    }
}
