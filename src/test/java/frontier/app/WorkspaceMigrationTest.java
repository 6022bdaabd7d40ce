package frontier.app;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.store.MigrationMonitor;
import frontier.store.MigrationProgressTest;
import frontier.store.Workspace;
import frontier.testing.FxAppExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The app migrates an older workspace it starts on before its views open it: in its own window, with the progress of
 * the migration's steps and Cancel (as the Data view's "Open workspace…"); cancelled half-way, the migration is rolled
 * back whole and the file stays at its old version with its data.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class WorkspaceMigrationTest {
    @TempDir
    Path dir;

    private Stage stage;

    /** The migration's pane is shown in the test's own window (a second stage can stall Monocle's paint). */
    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 600, 320));
        stage.show();
    }

    @Test
    void anOlderWorkspaceIsMigratedWithItsStepsShownBeforeTheViewsOpenIt(FxRobot robot) throws Exception {
        Path file = MigrationProgressTest.version7(dir, 2_000, 3);
        assertTrue(WorkspaceMigration.needed(file), "a v7 workspace needs its migration");
        assertEquals(7, version(file), "telling it opened nothing for writing");
        WorkspaceMigration migration = new WorkspaceMigration(TaskExecutor.FX);
        List<String> messages = new CopyOnWriteArrayList<>();
        AtomicReference<String> outcome = new AtomicReference<>();
        robot.interact(() -> {
            stage.getScene().setRoot(migration.pane(file, Theme.DARK));
            migration.messageProperty().addListener((o, a, m) -> messages.add(m));
            migration.migrate(file, () -> outcome.set("done"), outcome::set);
        });
        waitUntil(60, () -> outcome.get() != null);
        assertEquals("done", outcome.get());
        assertTrue(
                messages.stream().anyMatch(m -> m.startsWith("Migrating the workspace from schema v7 to v")),
                messages.toString());
        assertFalse(WorkspaceMigration.needed(file), "up to date now");
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(2_000, ws.chargeCount());
        }
        assertFalse(migration.runningProperty().get());
        migration.shutdown();
    }

    @Test
    void cancelHalfWayRollsTheMigrationBackAndLeavesTheWorkspaceAsItWas(FxRobot robot) throws Exception {
        Path file = MigrationProgressTest.version7(dir, 2_000, 4);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch clicked = new CountDownLatch(1);
        // Holds the migration at its long step (the search dictionary, some statements already run) until Cancel
        // has been clicked: the click always lands while it works.
        WorkspaceMigration migration =
                new WorkspaceMigration(TaskExecutor.FX, holdAtTheLongStep(reached, clicked, false));
        AtomicReference<String> outcome = new AtomicReference<>();
        robot.interact(() -> {
            stage.getScene().setRoot(migration.pane(file, Theme.LIGHT));
            migration.migrate(file, () -> outcome.set("done"), outcome::set);
        });
        assertTrue(reached.await(60, TimeUnit.SECONDS), "the migration reaches its long step");
        robot.clickOn("#cancelMigration");
        clicked.countDown();
        waitUntil(60, () -> outcome.get() != null);
        assertEquals(
                "Opening of " + file + " cancelled; its migration was rolled back, the workspace is unchanged.",
                outcome.get());
        assertEquals(7, version(file), "still at the old version");
        assertEquals(2_000, scalar(file, "SELECT COUNT(*) FROM charges"), "the charges are intact");
        assertEquals(
                0,
                scalar(file, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('resources', 'charge_resources')"),
                "none of the migration's tables is left");
        assertTrue(WorkspaceMigration.needed(file), "it is migrated the next time");
        migration.shutdown();
    }

    @Test
    void cancelTooLateToStopTheMigrationOpensTheMigratedWorkspaceInsteadOfSayingItIsUnchanged(FxRobot robot)
            throws Exception {
        Path file = MigrationProgressTest.version7(dir, 2_000, 6);
        AtomicReference<WorkspaceMigration> made = new AtomicReference<>();
        // Cancel at the last statement (the version's bump), after the loop's last check: the migration commits.
        WorkspaceMigration migration = new WorkspaceMigration(TaskExecutor.FX, m -> new MigrationMonitor() {
            @Override
            public void progress(int from, int to, String what, int step, int steps, double seconds) {
                m.progress(from, to, what, step, steps, seconds);
                if (step == steps) made.get().cancel();
            }

            @Override
            public boolean isCancelled() {
                return m.isCancelled();
            }
        });
        made.set(migration);
        AtomicReference<String> outcome = new AtomicReference<>();
        robot.interact(() -> migration.migrate(file, () -> outcome.set("done"), outcome::set));
        waitUntil(60, () -> outcome.get() != null);
        assertFalse(WorkspaceMigration.needed(file), "the migration was committed");
        assertEquals("done", outcome.get(), "so the workspace opens: it is not unchanged");
        migration.shutdown();
    }

    @Test
    void theWindowGrowsWithTheStepsDescriptionSoTheProgressBarAndCancelStayWhole(FxRobot robot) throws Exception {
        Path file = MigrationProgressTest.version7(dir, 2_000, 5);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        // Held at the long step, whose description takes two lines where "Checking the workspace…" took one.
        WorkspaceMigration migration =
                new WorkspaceMigration(TaskExecutor.FX, holdAtTheLongStep(reached, looked, true));
        AtomicReference<Stage> window = new AtomicReference<>();
        AtomicReference<String> outcome = new AtomicReference<>();
        robot.interact(() -> {
            Stage w = migration.window(file, Theme.LIGHT);
            window.set(w);
            w.show();
            migration.migrate(file, () -> outcome.set("done"), outcome::set);
        });
        try {
            assertTrue(reached.await(60, TimeUnit.SECONDS), "the migration reaches its long step");
            waitUntil(
                    30,
                    () -> window.get().getScene().lookup("#migrationStatus") instanceof javafx.scene.control.Label l
                            && l.getText().contains("search dictionary"));
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Scene scene = window.get().getScene();
            javafx.scene.control.ProgressBar bar =
                    (javafx.scene.control.ProgressBar) scene.lookup("#migrationProgress");
            javafx.scene.Node cancel = scene.lookup("#cancelMigration");
            assertTrue(
                    bar.getHeight() >= bar.prefHeight(-1) - 0.5,
                    "the bar keeps its height: " + bar.getHeight() + " of " + bar.prefHeight(-1));
            double cancelBottom = cancel.localToScene(cancel.getLayoutBounds()).getMaxY();
            assertTrue(
                    cancelBottom <= scene.getHeight() + 0.5,
                    "Cancel is whole: its bottom at " + cancelBottom + " in a " + scene.getHeight() + " px window");
        } finally {
            looked.countDown();
            waitUntil(60, () -> outcome.get() != null);
            robot.interact(() -> window.get().close());
            migration.shutdown();
        }
        assertEquals("done", outcome.get());
    }

    /**
     * Wraps the migration's monitor to hold it at its long step (the search dictionary) until {@code release}; with
     * {@code quietBefore}, the steps before it are not passed on, so that the window's throttle (a message per 100 ms)
     * lets that step's message through.
     */
    private static java.util.function.UnaryOperator<MigrationMonitor> holdAtTheLongStep(
            CountDownLatch reached, CountDownLatch release, boolean quietBefore) {
        return m -> new MigrationMonitor() {
            @Override
            public void progress(int from, int to, String what, int step, int steps, double seconds) {
                boolean theLongStep = what.startsWith("building the search dictionary");
                if (!quietBefore || theLongStep || reached.getCount() == 0)
                    m.progress(from, to, what, step, steps, seconds);
                if (theLongStep && reached.getCount() > 0) {
                    reached.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return m.isCancelled();
            }
        };
    }

    private static long version(Path file) throws Exception {
        return scalar(file, "PRAGMA user_version");
    }

    private static long scalar(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            return rs.getLong(1);
        }
    }
}
