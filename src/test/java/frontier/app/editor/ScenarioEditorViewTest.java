package frontier.app.editor;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.MainWindow;
import frontier.app.simulate.Example;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.scenario.ScenarioLoader;
import frontier.testing.FxAppExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Scenario editor driven like a user: examples by title, every example through the form and back, edits, the JSON tab, the wizard. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class ScenarioEditorViewTest {
    private static final Path EXAMPLES = Path.of("simulations");

    @TempDir
    Path dir;

    private ScenarioEditorView view;
    private ScenarioEditorViewModel vm;
    private Path ranInSimulate;

    @Start
    void start(Stage stage) {
        vm = new ScenarioEditorViewModel();
        view = new ScenarioEditorView(vm, EXAMPLES);
        view.setOnRun(f -> ranInSimulate = f);
        stage.setScene(new MainWindow(List.of(view)).createScene(1280, 720));
        stage.show();
    }

    @Test
    void everyExampleOpensInTheFormAndSavesToAnEqualScenario(FxRobot robot) throws Exception {
        ListView<Example> list = robot.lookup("#editorExamples").queryListView();
        assertTrue(list.getItems().size() >= 15);
        for (Example e : List.copyOf(list.getItems())) {
            robot.interact(() -> list.getSelectionModel().select(e));
            FxAppExtension.settle();
            assertEquals(e.file(), vm.documentProperty().get().file());
            assertNotNull(byId(robot, "section:general").tryQuery().orElse(null), "form built for " + e.label());
            assertTrue(
                    vm.problemProperty().get() == null,
                    e.label() + ": " + vm.problemProperty().get());
            // Into the test's own folder: simulations/ is read by other test classes running in the other test JVM.
            Path copy = dir.resolve(e.label().replace('/', '_'));
            try {
                robot.interact(() -> assertTrue(vm.saveAs(copy)));
                assertEquals(
                        ScenarioLoader.load(e.file()),
                        ScenarioLoader.load(copy)
                                .withBaseDir(e.file().toAbsolutePath().getParent()),
                        e.label());
            } finally {
                Files.deleteIfExists(copy);
            }
        }
    }

    @Test
    void examplesAreListedByTitleWithTheirWholeDescription(FxRobot robot) {
        ListCell<?> cell = robot.lookup((Node n) -> n instanceof ListCell<?> c
                        && c.getItem() instanceof Example e
                        && e.label().equals("fleet/serverless-bursty.json"))
                .query();
        assertEquals("Serverless GPU image generation, bursty traffic", cell.getText());
        Example e = (Example) cell.getItem();
        assertTrue(
                cell.getTooltip().getText().endsWith(e.description()),
                "the whole description: " + cell.getTooltip().getText());
    }

    @Test
    void aFieldTypedOutOfRangeIsMarkedAndExplainedThenFixed(FxRobot robot) throws Exception {
        Path copy = dir.resolve("serverless.json");
        Files.copy(EXAMPLES.resolve("fleet/serverless-bursty.json"), copy);
        robot.interact(() -> vm.open(copy));
        TextField keepAlive = byId(robot, "field:$.pools[0].keep_alive_s").query();
        robot.interact(() -> keepAlive.setText("-5"));
        String problem = robot.lookup("#editorProblem").queryLabeled().getText();
        assertTrue(problem.startsWith("⚠ Pools › cloud-run-l4 › Keep-alive (s): "), problem);
        assertFalse(problem.contains("keep_alive_s") || problem.contains("$."), problem);
        assertTrue(keepAlive.getStyleClass().contains("invalid"), "the field is marked");
        assertTrue(robot.lookup("#runInSimulateButton").queryButton().isDisabled());

        robot.interact(() -> keepAlive.setText("120"));
        assertEquals(
                "✓ Ready to run.", robot.lookup("#editorProblem").queryLabeled().getText());
        robot.clickOn("#saveButton");
        assertEquals(120.0, ((ServerlessPool) ScenarioLoader.load(copy).pools().getFirst()).keepAliveS());
        robot.clickOn("#runInSimulateButton");
        assertEquals(copy, ranInSimulate);
    }

    @Test
    void switchingAPoolToSpotKeepsItsModelAndAddsWhatSpotNeeds(FxRobot robot) throws Exception {
        Path copy = dir.resolve("always-on.json");
        Files.copy(EXAMPLES.resolve("fleet/always-on.json"), copy);
        robot.interact(() -> vm.open(copy));
        var before = ScenarioLoader.load(copy).pools().getFirst();
        ComboBox<String> kind = byId(robot, "field:$.pools[0].type").query();
        robot.interact(() -> kind.setValue("spot"));
        assertEquals(
                "✓ Ready to run.", robot.lookup("#editorProblem").queryLabeled().getText());
        robot.interact(() -> assertTrue(vm.save()));
        var after = ScenarioLoader.load(copy).pools().getFirst();
        assertTrue(after instanceof SpotPool, after.toString());
        assertEquals(before.model(), after.model());
        assertEquals(before.name(), after.name());
        assertNotNull(
                byId(robot, "field:$.pools[0].interruption.bucket").tryQuery().orElse(null),
                "spot's interruption fields shown");
    }

    @Test
    void theJsonTabPointsAtTheLineOfASyntaxErrorAndAppliesValidEdits(FxRobot robot) throws Exception {
        Path copy = dir.resolve("mm1.json");
        Files.copy(EXAMPLES.resolve("validation/mm1.json"), copy);
        robot.interact(() -> vm.open(copy));
        TabPane tabs = robot.lookup("#editorTabs").query();
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TextArea json = robot.lookup("#editorJson").query();
        String good = json.getText();
        assertEquals(vm.documentProperty().get().toJson(), good);
        // Drop the comma at the end of line 2: the next line is where JSON finds the error.
        String[] lines = good.split("\n", -1);
        assertTrue(lines[1].endsWith(","), lines[1]);
        lines[1] = lines[1].substring(0, lines[1].length() - 1);
        robot.interact(() -> json.setText(String.join("\n", lines)));
        String problem = robot.lookup("#editorProblem").queryLabeled().getText();
        robot.interact(() -> tabs.getSelectionModel().select(0));
        problem = robot.lookup("#editorProblem").queryLabeled().getText();
        assertTrue(problem.startsWith("⚠ Line 3: "), problem);
        assertTrue(problem.contains("expected a comma between two fields"), problem);
        assertEquals(1, tabs.getSelectionModel().getSelectedIndex(), "stays on the JSON tab until it reads");
        int caretLine = json.getText().substring(0, json.getCaretPosition()).split("\n", -1).length;
        assertEquals(3, caretLine, "the caret is on the line at fault");

        robot.interact(() -> json.setText(good.replaceFirst("\"name\" : \"[^\"]*\"", "\"name\" : \"Edited as JSON\"")));
        robot.interact(() -> tabs.getSelectionModel().select(0));
        assertEquals(0, tabs.getSelectionModel().getSelectedIndex());
        TextField name = byId(robot, "field:$.name").query();
        assertEquals("Edited as JSON", name.getText());
        robot.clickOn("#saveButton");
        assertEquals("Edited as JSON", ScenarioLoader.load(copy).name());
    }

    @Test
    void theWizardMakesAWorkingScenarioOnACatalogueInstance(FxRobot robot) throws Exception {
        robot.clickOn("#newScenarioButton");
        robot.interact(() -> {
            robot.lookup("#wizardModel").queryAs(TextField.class).setText("mistral-7b");
            robot.lookup("#wizardRate").queryAs(TextField.class).setText("30");
            robot.lookup("#wizardService").queryAs(TextField.class).setText("0.5");
            robot.lookup("#wizardConcurrency").queryAs(TextField.class).setText("2");
            robot.lookup("#catalogueFilter").queryAs(TextField.class).setText("aws us-east-1 g5.xlarge");
        });
        TableView<?> table = robot.lookup("#catalogueTable").queryTableView();
        assertEquals(1, table.getItems().size(), "one on-demand g5.xlarge in us-east-1");
        robot.interact(() -> table.getSelectionModel().selectFirst());
        assertEquals(
                "11 instances for about 70% utilization.",
                robot.lookup("#wizardSizing").queryLabeled().getText());
        robot.clickOn("OK");
        waitUntil(() -> vm.documentProperty().get() != null);
        assertEquals(
                "✓ Ready to run.", robot.lookup("#editorProblem").queryLabeled().getText());
        var s = vm.scenarioProperty().get();
        assertEquals("mistral-7b at 30 requests/s on g5.xlarge", s.name());
        assertEquals(11, ((frontier.model.pool.AlwaysOnPool) s.pools().getFirst()).instances());
        assertTrue(s.pools().getFirst().price().usdPerHour() > 0, "price resolved from the catalogue");
        String asOf = robot.lookup((Node n) -> n.getId() != null && n.getId().startsWith("priceAsOf:"))
                .queryLabeled()
                .getText();
        assertTrue(
                asOf.matches(
                        "Catalogue: USD [0-9.]+ per hour \\(aws us-east-1, on-demand\\), as of \\d{4}-\\d\\d-\\d\\d"),
                asOf);
    }

    private static org.testfx.service.query.NodeQuery byId(FxRobot robot, String id) {
        return robot.lookup((Node n) -> id.equals(n.getId()));
    }
}
