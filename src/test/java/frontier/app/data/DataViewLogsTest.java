package frontier.app.data;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.store.Workspace;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Request logs through the Data screen: by the button (with a preset and a start day) and by dropping, errors, delete and cancel. */
class DataViewLogsTest extends DataViewTestBase {
    private static final String SMALL_LOG = """
            timestamp,latency_ms,model,status,input_tokens,output_tokens
            2026-02-01T10:00:00Z,120,chat,200,50,20
            2026-02-01T10:00:01Z,95,chat,200,40,10
            2026-02-01T10:30:02.5Z,300,embed,500,10,0
            """;

    @Start
    void start(Stage stage) throws Exception {
        show(stage);
    }

    @Test
    void droppedRequestLogIsImportedAsALogAndListedWithItsMapping(FxRobot robot) throws Exception {
        Path log = Files.writeString(dir.resolve("gateway-" + System.nanoTime() + ".csv"), SMALL_LOG);
        TableView<ImportEntry> table = table(robot);
        robot.interact(() -> view.dropped(List.of(log.toFile())));
        waitUntil(() -> table.getItems().size() == 1);
        ImportEntry e = table.getItems().getFirst();
        assertEquals("requests", e.kind());
        assertEquals(3, e.rows());
        assertEquals("detected mapping", e.format());
        assertEquals("2026-02-01 10:00 – 10:30", e.period(), "the end's date only when it differs");
        assertTrue(e.details().contains("latency=latency_ms (ms)"), e.details());
        String s = status(robot).getText();
        assertTrue(
                s.startsWith("Imported " + log.getFileName() + " as request-log import #" + e.id()
                        + " (not a billing export): 3 requests"),
                s);
        assertTrue(s.contains("Mapping: detected mapping (csv): timestamp=timestamp (iso)"), s);
        assertTrue(s.contains("Note:") && s.contains("no endpoint column"), "the reader's notes are shown: " + s);
        assertFalse(status(robot).getStyleClass().contains("error"));
        waitUntil(() -> robot.lookup("requests").tryQuery().isPresent());
        assertEquals(1, session.revisionProperty().get(), "Unit cost and Costs are told");
        try (Workspace ws = Workspace.open(session.workspace())) {
            assertEquals(3, ws.requestLogs().requestCount());
            assertTrue(ws.billing().imports().isEmpty(), "nothing was stored as billing");
        }

        robot.interact(() -> view.viewModel().delete(e));
        waitUntil(() -> table.getItems().isEmpty());
        waitUntil(() -> status(robot)
                .getText()
                .equals("Deleted request-log import #" + e.id() + " (" + log.getFileName() + ")."));
        assertEquals(2, session.revisionProperty().get());
        try (Workspace ws = Workspace.open(session.workspace())) {
            assertEquals(0, ws.requestLogs().requestCount());
        }
    }

    @Test
    void buttonImportsWithTheChosenPresetAndStartDay(FxRobot robot) throws Exception {
        // Mooncake-like: milliseconds since the start of the trace, so the mapping needs the preset's start.
        Path trace = Files.writeString(dir.resolve("mooncake-" + System.nanoTime() + ".jsonl"), """
                {"timestamp": 0, "input_length": 6955, "output_length": 52, "hash_ids": [0, 1]}
                {"timestamp": 1500, "input_length": 100, "output_length": 20, "hash_ids": [2]}
                {"timestamp": 7200000, "input_length": 300, "output_length": 9, "hash_ids": []}
                """);
        AtomicReference<String> dialogTitle = new AtomicReference<>();
        view.setLogDialog(c -> {
            dialogTitle.set(c.getTitle());
            return trace.toFile();
        });
        ComboBox<String> preset = robot.lookup("#logPresetChoice").queryComboBox();
        DatePicker start = robot.lookup("#logStartPicker").queryAs(DatePicker.class);
        assertEquals(DataView.DETECT, preset.getValue());
        robot.interact(() -> {
            preset.setValue("mooncake");
            start.setValue(LocalDate.of(2026, 3, 1));
        });
        robot.clickOn("#importLogsButton");
        TableView<ImportEntry> table = table(robot);
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("Import request logs (mooncake)", dialogTitle.get());
        ImportEntry e = table.getItems().getFirst();
        assertEquals("preset mooncake", e.format());
        assertEquals(3, e.rows());
        assertEquals("2026-03-01 00:00 – 02:00", e.period(), "relative times count from the chosen day");
        String s = status(robot).getText();
        assertTrue(
                s.startsWith("Imported " + trace.getFileName() + " as request-log import #" + e.id() + ": 3 requests"),
                s);
        assertTrue(
                s.contains(
                        "Mapping: preset mooncake (jsonl): timestamp=timestamp (since_start_ms from 2026-03-01T00:00:00Z)"),
                s);
    }

    @Test
    void mappingEditsRenameColumnsAndABadEditIsRefused(FxRobot robot) throws Exception {
        // A latency column the detector does not know, and a route column it takes for the endpoint: the edits fix
        // both.
        Path log = Files.writeString(
                dir.resolve("gateway-" + System.nanoTime() + ".csv"),
                "timestamp,took,route\n2026-02-01T00:00:00Z,0.25,/v1/chat\n2026-02-01T00:00:02Z,0.5,/v1/chat\n");
        view.setLogDialog(c -> log.toFile());
        javafx.scene.control.TextField edits =
                robot.lookup("#logMapEdits").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> edits.setText("latency=took, latency_unit=s, endpoint=,  endpoint_value=chat"));
        robot.clickOn("#importLogsButton");
        TableView<ImportEntry> table = table(robot);
        waitUntil(() -> table.getItems().size() == 1);
        String s = status(robot).getText();
        assertTrue(s.contains("latency=took (s)") && s.contains("endpoint='chat'"), s);

        robot.interact(() -> edits.setText("latency"));
        robot.clickOn("#importLogsButton");
        waitUntil(() -> status(robot).getStyleClass().contains("error"));
        assertTrue(
                status(robot).getText().contains("Mapping edits: expected field=column"),
                status(robot).getText());
        assertEquals(1, table.getItems().size(), "nothing more was imported");
    }

    @Test
    void badRowIsReportedWithItsLineAndColumnAndNothingIsStored(FxRobot robot) throws Exception {
        Path bad = Files.writeString(
                dir.resolve("bad-" + System.nanoTime() + ".csv"),
                "timestamp,latency_ms,model\n2026-01-01T00:00:00Z,120,chat\n2026-01-01T00:00:01Z,abc,chat\n");
        robot.interact(() -> view.dropped(List.of(bad.toFile())));
        waitUntil(() -> status(robot).getStyleClass().contains("error"));
        assertEquals(
                bad + ": line 3, column 2 (latency_ms): expected a duration from 0 to 1 day in ms, got 'abc'",
                status(robot).getText());
        assertTrue(table(robot).getItems().isEmpty());
        assertEquals(0, session.revisionProperty().get());
    }

    @Test
    void fileThatIsNeitherSaysWhyForBoth(FxRobot robot) throws Exception {
        Path junk = Files.writeString(dir.resolve("notes-" + System.nanoTime() + ".csv"), "hello,world\n1,2\n");
        robot.interact(() -> view.viewModel().importFile(junk));
        waitUntil(() -> status(robot).getStyleClass().contains("error"));
        String s = status(robot).getText();
        assertTrue(s.startsWith(junk.getFileName() + " is neither a known billing export nor a request log"), s);
        assertTrue(s.contains("As a billing export: " + junk + ": line 1: unknown billing export format"), s);
        assertTrue(s.contains("As a request log: "), s);
    }

    @Test
    void cancelRollsTheLogImportBack(FxRobot robot) throws Exception {
        // Large enough that the import is still running when Cancel is pressed (about a second or more of work).
        Path big = dir.resolve("big-" + System.nanoTime() + ".csv");
        try (Writer w = Files.newBufferedWriter(big)) {
            w.write("timestamp,latency_ms\n");
            for (int i = 0; i < 600_000; i++) w.write("2026-01-01T00:00:00Z," + (i % 500) + "\n");
        }
        view.setLogDialog(c -> big.toFile());
        robot.clickOn("#importLogsButton");
        waitUntil(() -> status(robot).getText().matches("Importing big-\\d+\\.csv: [1-9][0-9,]* requests.*"));
        robot.clickOn("#cancelImportButton");
        waitUntil(() -> status(robot)
                .getText()
                .startsWith("Import of " + big.getFileName() + " cancelled; nothing was stored."));
        assertFalse(view.viewModel().runningProperty().get());
        assertTrue(table(robot).getItems().isEmpty());
        assertEquals(0, session.revisionProperty().get());
        try (Workspace ws = Workspace.open(session.workspace())) {
            assertEquals(0, ws.requestLogs().requestCount());
            assertTrue(ws.requestLogs().imports().isEmpty());
        }
    }
}
