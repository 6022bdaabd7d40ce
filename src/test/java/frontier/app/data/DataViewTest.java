package frontier.app.data;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.Samples;
import frontier.store.OverlapPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Data screen end to end: real samples imported through the view-model into a real workspace, shown in the history. */
class DataViewTest extends DataViewTestBase {
    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @Test
    void importedFileAppearsInTheHistory(FxRobot robot) throws Exception {
        Path focus = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        TableView<ImportEntry> table = table(robot);
        assertTrue(table.getItems().isEmpty());
        robot.interact(() -> view.viewModel().importFile(focus));
        waitUntil(() -> table.getItems().size() == 1);
        ImportEntry r = table.getItems().getFirst();
        assertEquals(1000, r.rows());
        assertEquals("FOCUS 1.0", r.format());
        // The cells are laid out on a later pulse than the items change.
        waitUntil(() -> robot.lookup("focus_1.0_sample_official_1000rows.csv")
                .tryQuery()
                .isPresent());
        waitUntil(() -> robot.lookup("1,000").tryQuery().isPresent());
        waitUntil(() -> status(robot)
                .getText()
                .startsWith("Imported focus_1.0_sample_official_1000rows.csv: FOCUS 1.0, 1,000 rows"));
        assertEquals(1, session.revisionProperty().get(), "other views are told");
        assertEquals(
                1.0, progressBar(robot).getProgress(), 0.0, "a finished import leaves the bar full, not part-filled");
    }

    private static javafx.scene.control.ProgressBar progressBar(FxRobot robot) {
        return robot.lookup("#importProgress").queryAs(javafx.scene.control.ProgressBar.class);
    }

    @Test
    void overlapAsksAndKeepsBothWhenToldTo(FxRobot robot) throws Exception {
        Path actual = Samples.billing("azure_ea_actualcost_small.csv");
        Path copy = dir.resolve("azure-actual-redelivered.csv");
        Files.writeString(
                copy, Files.readString(actual).replace("Cost Management Research", "Cost Management Research (2)"));
        AtomicInteger asked = new AtomicInteger();
        view.setOverlapResolver(e -> {
            asked.incrementAndGet();
            assertEquals(1, e.overlaps().size());
            return Optional.of(OverlapPolicy.KEEP_BOTH);
        });
        TableView<ImportEntry> table = table(robot);
        robot.interact(() -> view.viewModel().importFile(actual));
        waitUntil(() -> table.getItems().size() == 1);
        robot.interact(() -> view.viewModel().importFile(copy));
        waitUntil(() -> table.getItems().size() == 2);
        assertEquals(1, asked.get());

        robot.interact(() -> view.viewModel().importFile(copy));
        waitUntil(() -> status(robot).getText().contains("already imported"));
        assertTrue(status(robot).getStyleClass().contains("error"));
        assertEquals(2, table.getItems().size());
    }

    @Test
    void unreadableFileIsReportedNotThrown(FxRobot robot) throws Exception {
        Path junk = Files.writeString(dir.resolve("notes.csv"), "hello,world\n1,2\n");
        robot.interact(() -> view.viewModel().importFile(junk));
        waitUntil(() -> status(robot).getText().contains("unknown billing export format"));
        assertTrue(status(robot).getStyleClass().contains("error"));
        assertEquals(0.0, progressBar(robot).getProgress(), 0.0, "a failed import leaves the bar empty");
    }

    @Test
    void workspacesAreCreatedOpenedAndRememberedAndTheHistoryFollows(FxRobot robot) throws Exception {
        Path focus = Samples.billing("focus_1.3_synthetic_aws_header_plus_3rows.csv");
        TableView<ImportEntry> table = table(robot);
        Path first = session.workspace();
        robot.interact(() -> view.viewModel().importFile(focus));
        waitUntil(() -> table.getItems().size() == 1);

        Path other = dir.resolve("team-" + System.nanoTime() + ".sqlite");
        robot.interact(() -> view.viewModel().openWorkspace(other));
        waitUntil(() -> status(robot).getText().startsWith("Created workspace " + other));
        assertTrue(Files.isRegularFile(other));
        assertEquals(other, session.workspace());
        waitUntil(() -> table.getItems().isEmpty());
        assertEquals(
                List.of(other, first.toAbsolutePath().normalize()),
                session.recent().list());
        assertEquals(other, view.viewModel().recentWorkspaces().getFirst());
        javafx.scene.control.ComboBox<?> choice =
                robot.lookup("#workspaceChoice").queryAs(javafx.scene.control.ComboBox.class);
        // What the box shows, not only its value: right after New… it used to show no workspace at all. (It is
        // re-selected once the box took the list change, on a later event.)
        waitUntil(() ->
                other.equals(choice.getValue()) && choice.getSelectionModel().getSelectedIndex() == 0);
        java.util.function.Supplier<String> shown =
                () -> choice.getSkin() instanceof javafx.scene.control.skin.ComboBoxListViewSkin<?> skin
                                && skin.getDisplayNode() instanceof javafx.scene.control.ListCell<?> cell
                        ? cell.getText()
                        : null;
        try {
            waitUntil(() -> shown.get() != null
                    && shown.get().startsWith(other.getFileName().toString()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the box shows '" + shown.get() + "', not " + other.getFileName(), e);
        }

        robot.interact(() -> view.viewModel().openWorkspace(first));
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals(first.toAbsolutePath().normalize(), session.workspace());

        Path notAWorkspace =
                Files.writeString(dir.resolve("notes-" + System.nanoTime() + ".sqlite"), "not a database ".repeat(200));
        robot.interact(() -> view.viewModel().openWorkspace(notAWorkspace));
        waitUntil(() -> status(robot).getText().contains("not a usable Frontier workspace"));
        assertEquals(first.toAbsolutePath().normalize(), session.workspace(), "the current workspace is kept");
    }
}
