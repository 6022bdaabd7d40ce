package frontier.store;

/** Opening a workspace was cancelled during its schema migration; the migration was rolled back, the file is unchanged. */
public final class MigrationCancelledException extends RuntimeException {
    public MigrationCancelledException() {
        super("workspace migration cancelled; the workspace is unchanged");
    }
}
