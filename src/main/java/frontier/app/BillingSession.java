package frontier.app;

import frontier.demo.DemoWorkspace;
import frontier.store.CurrentWorkspace;
import frontier.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the Data and Costs views share: the workspace file in use, the recently used ones, and a
 * revision number bumped on the FX thread after every change (another workspace, an import, a delete)
 * so that views showing its contents refresh. Each background task opens its own {@link Workspace}
 * connection on the file. Use from the FX application thread.
 */
public final class BillingSession {
    private static BillingSession shared;

    private final ReadOnlyObjectWrapper<Path> workspace;
    private final RecentWorkspaces recent;
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);

    /** A session on {@code workspace} that remembers nothing on disk. */
    public BillingSession(Path workspace) {
        this(workspace, RecentWorkspaces.inMemory());
    }

    public BillingSession(Path workspace, RecentWorkspaces recent) {
        this.workspace = new ReadOnlyObjectWrapper<>(workspace);
        this.recent = recent;
    }

    /**
     * The application's session, on {@link #startWorkspace}: {@code forced} (a workspace named at launch,
     * or null), else the current workspace as the CLI finds it, else the demo workspace.
     */
    public static synchronized BillingSession shared(Path forced) {
        if (shared == null) {
            RecentWorkspaces recent = RecentWorkspaces.at(RecentWorkspaces.defaultFile());
            Path start = startWorkspace(
                    forced != null ? forced : CurrentWorkspace.forced(),
                    recent.list(),
                    CurrentWorkspace.fallback(),
                    DemoWorkspace.defaultPath());
            shared = new BillingSession(start, recent);
            // The workspace in use is the current one for the CLI too, from the first start (the demo's included).
            recent.add(start);
        }
        return shared;
    }

    /**
     * Which workspace the app starts on, by the rule the CLI follows too ({@link CurrentWorkspace}):
     * {@code forced} if not null, else the first of {@code recent} that still exists, else {@code fallback}
     * ({@code ~/.frontier/workspace.sqlite}) if it exists; else the user has no workspace yet and the app
     * starts on {@code demo}, which it fills on its first start.
     */
    public static Path startWorkspace(Path forced, List<Path> recent, Path fallback, Path demo) {
        Path p = CurrentWorkspace.resolve(forced, recent, fallback);
        return p == fallback && !Files.isRegularFile(fallback) ? demo : p;
    }

    public Path workspace() {
        return workspace.get();
    }

    public ReadOnlyObjectProperty<Path> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public RecentWorkspaces recent() {
        return recent;
    }

    /** Switches to {@code path} (already opened successfully), remembers it and tells the views. */
    public void use(Path path) {
        recent.add(path);
        workspace.set(path);
        changed();
    }

    /**
     * Switches to {@code path} for this run only, without remembering it (the app falls back to the demo workspace
     * when the migration of the one it was to start on is cancelled: that one stays the current workspace).
     */
    public void useForNow(Path path) {
        workspace.set(path);
        changed();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** Call on the FX thread after the workspace changed. */
    public void changed() {
        revision.set(revision.get() + 1);
    }
}
