package frontier.app.data;

import frontier.store.Workspace;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

/**
 * What the Data and Costs views share: the workspace file, and a revision number bumped on the FX
 * thread after every change to it so that views showing its contents refresh. Each background task
 * opens its own {@link Workspace} connection on the file.
 */
public final class BillingSession {
    private static BillingSession shared;

    private final Path workspace;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);

    public BillingSession(Path workspace) {
        this.workspace = workspace;
    }

    /** The session on {@link Workspace#defaultPath()}, one per application. */
    public static synchronized BillingSession shared() {
        if (shared == null) shared = new BillingSession(Workspace.defaultPath());
        return shared;
    }

    public Path workspace() {
        return workspace;
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Call on the FX thread after the workspace changed. */
    public void changed() {
        revision.set(revision.get() + 1);
    }
}
