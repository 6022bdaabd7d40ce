package frontier.app;

import frontier.store.MigrationCancelledException;
import frontier.store.MigrationMonitor;
import frontier.store.Workspace;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The migration of an older workspace that the app opens at start-up, before any view reads it: with the progress
 * and Cancel the Data view shows when it opens a workspace ({@link TaskContext#migrationMonitor}), in a small window of
 * its own, since the views would otherwise each open the file in the background and migrate it silently (minutes for
 * millions of lines, with every view waiting). All or nothing: cancelled or failed, the migration is rolled back and
 * the file left at its old version; the app then starts on the demo workspace and says why. The Data view's own
 * "Open workspace…" keeps its progress in its status line; it is the only other place the workspace changes.
 */
public final class WorkspaceMigration {
    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private BackgroundTask<Void> task;

    private final java.util.function.UnaryOperator<MigrationMonitor> watch;

    public WorkspaceMigration(TaskExecutor.Factory executors) {
        this(executors, m -> m);
    }

    /** For tests: {@code watch} wraps the monitor the migration reports to (to hold it at a step). */
    WorkspaceMigration(TaskExecutor.Factory executors, java.util.function.UnaryOperator<MigrationMonitor> watch) {
        this.executor = executors.named("frontier-migration");
        this.watch = watch;
    }

    /** Whether the app must migrate {@code workspace} before its views open it (an older schema). */
    public static boolean needed(Path workspace) {
        return Workspace.needsMigration(workspace);
    }

    /**
     * Migrates {@code workspace} in the background; then, on the UI thread, {@code done}, or {@code stopped} with what
     * happened when it was cancelled (rolled back) or failed (nothing changed either).
     */
    public void migrate(Path workspace, Runnable done, Consumer<String> stopped) {
        if (running.get()) return;
        running.set(true);
        progress.set(-1);
        message.set("Checking the workspace…");
        String cancelled =
                "Opening of " + workspace + " cancelled; its migration was rolled back, the workspace is unchanged.";
        task = BackgroundTask.of(context -> {
            try (Workspace ws = Workspace.open(workspace, watch.apply(context.migrationMonitor()))) {
                return null;
            }
        });
        task.onProgress(progress::set)
                .onMessage(message::set)
                .onSuccess(v -> {
                    running.set(false);
                    done.run();
                })
                .onCancelled(() -> {
                    running.set(false);
                    // Cancel can come while the migration commits, too late to stop it (seen on 400,000 lines): the
                    // workspace is then up to date, and is opened, not said to be unchanged.
                    if (needed(workspace)) stopped.accept(cancelled);
                    else done.run();
                })
                .onFailure(x -> {
                    running.set(false);
                    stopped.accept(
                            x instanceof MigrationCancelledException
                                    ? cancelled
                                    : "Could not open " + workspace + ": " + Dialogs.reason(asException(x)));
                });
        executor.execute(task);
    }

    /** Asks the migration to stop; it is rolled back whole. */
    public void cancel() {
        BackgroundTask<Void> t = task;
        if (t != null) t.cancel();
    }

    public void shutdown() {
        executor.shutdown();
    }

    /** "Migrating the workspace from schema v7 to v8: building the search dictionary … (step 12 of 14, 31 s)…". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The step of all steps, −1 before the first. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /**
     * The window that shows the migration of {@code workspace}: what it does, its progress and Cancel; in {@code theme}.
     * It is not closed by this class: the caller closes it when the migration has ended.
     */
    public Stage window(Path workspace, Theme theme) {
        Scene scene = new Scene(pane(workspace, theme));
        scene.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().add(Theme.STYLESHEET);
        Stage stage = new Stage();
        stage.setTitle("Frontier: opening the workspace");
        stage.setScene(scene);
        // The window is sized to what it says at first ("Checking the workspace…", one line); a step's description
        // takes two or three, and the progress bar was squeezed to nothing under it: the window grows with its text.
        scene.getRoot().needsLayoutProperty().addListener((o, was, needs) -> {
            if (needs
                    && stage.isShowing()
                    && scene.getHeight() < scene.getRoot().prefHeight(scene.getWidth()))
                javafx.application.Platform.runLater(stage::sizeToScene);
        });
        stage.setOnCloseRequest(e -> {
            // Closing the window while it works is Cancel: the migration is rolled back, then the app goes on.
            if (running.get()) {
                e.consume();
                cancel();
            }
        });
        return stage;
    }

    /** What {@link #window} shows: the workspace, what the migration does, its progress and Cancel. */
    public VBox pane(Path workspace, Theme theme) {
        Label heading = new Label("Opening the workspace");
        heading.getStyleClass().add("section-title");
        Label file = new Label(workspace.toString());
        file.setWrapText(true);
        file.setMinHeight(Control.USE_PREF_SIZE);
        file.getStyleClass().add("scenario-file");
        Label why = new Label("It was written by an older Frontier and is brought up to date first; the views open it"
                + " afterwards. Cancel leaves it as it was.");
        why.setWrapText(true);
        why.setMinHeight(Control.USE_PREF_SIZE);
        Label status = Widgets.statusLabel("migrationStatus", message, 520);
        ProgressBar bar = new ProgressBar();
        bar.setId("migrationProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setMinHeight(Control.USE_PREF_SIZE);
        bar.progressProperty().bind(progress);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelMigration");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(running.not());
        cancel.setOnAction(e -> cancel());
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox box = new VBox(10, heading, file, why, status, bar, buttons);
        box.setPadding(new Insets(16));
        box.setPrefWidth(560);
        box.getStyleClass().add(theme.styleClass());
        return box;
    }

    private static Exception asException(Throwable x) {
        return x instanceof Exception e ? e : new RuntimeException(x.getMessage(), x);
    }
}
