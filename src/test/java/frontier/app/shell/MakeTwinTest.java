package frontier.app.shell;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.demo.DemoFixture;
import frontier.domain.PoolKind;
import frontier.testing.FxAppExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** "Make a twin…" on the demo workspace: calibrates the selected endpoint and opens the twin in the Simulate view. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class MakeTwinTest {
    @TempDir
    static Path dir;

    static Path ws;

    private SimulateViewModel simulate;
    private SimulateView simulateView;
    private UnitCostView unitCost;
    private TwinWindow twinWindow;

    @BeforeAll
    static void demo() {
        ws = dir.resolve("demo.sqlite");
        DemoFixture.copyTo(ws);
    }

    @Start
    void start(Stage stage) throws Exception {
        twinWindow = TwinWindow.show(stage, ws, dir, 1280, 800);
        simulate = twinWindow.simulate;
        simulateView = twinWindow.simulateView;
        unitCost = twinWindow.unitCost;
    }

    @AfterEach
    void stop() {
        twinWindow.shutdown();
    }

    @Test
    void makesATwinOfTheSelectedEndpointAndOpensIt(FxRobot robot) throws Exception {
        Button button = robot.lookup("#makeTwin").queryButton();
        // The view picks a line once its data are in: wait for that, then choose.
        waitUntil(60, () -> unitCost.viewModel().dashboardProperty().get() != null);
        FxAppExtension.settle();
        robot.interact(() -> unitCost.viewModel().selectedEndpointProperty().set(null));
        assertTrue(button.isDisabled(), "no endpoint selected");
        robot.interact(() -> unitCost.viewModel().selectedEndpointProperty().set("embed"));
        assertTrue(!button.isDisabled());
        robot.clickOn(button);
        waitUntil(120, () -> simulate.scenarioFileProperty().get() != null);
        Path twin = simulate.scenarioFileProperty().get();
        assertEquals(dir.resolve("twins/twin-embed.json"), twin);
        assertTrue(Files.readString(twin).contains("\"observed\""), "the twin carries the observed figures");
        assertNotNull(simulate.scenarioProperty().get());
        assertEquals("Twin of embed", simulate.scenarioNameProperty().get());
        ListView<?> nav = robot.lookup("#navigation").queryListView();
        waitUntil(10, () -> nav.getSelectionModel().getSelectedItem() == simulateView);

        // Running it shows simulated against observed in the key figures.
        robot.interact(simulate::run);
        waitUntil(120, () -> simulate.keyFigures().stream()
                .anyMatch(r -> r.metric().startsWith("Observed p95 ")));
        var p95 = simulate.keyFigures().getFirst().metric().startsWith("Observed p50 ")
                ? simulate.keyFigures().get(1)
                : null;
        assertNotNull(p95, "the twin check leads the key figures: " + simulate.keyFigures());
        assertTrue(p95.metric().startsWith("Observed p95 ") && p95.value().contains("(met ±10%)"), p95 + "");
    }

    @Test
    void asksWhichPoolComesFirstWhenTheBillShowsSeveralKinds(FxRobot robot) throws Exception {
        // The demo's chat endpoint is billed on-demand and spot instances: the user is asked which takes requests
        // first.
        Button button = robot.lookup("#makeTwin").queryButton();
        waitUntil(60, () -> unitCost.viewModel().dashboardProperty().get() != null);
        FxAppExtension.settle();
        robot.interact(() -> unitCost.viewModel().selectedEndpointProperty().set("chat"));
        robot.clickOn(button);
        waitUntil(60, () -> robot.lookup("#twinFirstDialog").tryQuery().isPresent());
        javafx.scene.control.DialogPane pane = robot.lookup("#twinFirstDialog").query();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> choice =
                (javafx.scene.control.ComboBox<String>) pane.lookup(".combo-box");
        assertEquals(
                List.of(MakeTwin.kindLabel(PoolKind.ALWAYS_ON), MakeTwin.kindLabel(PoolKind.SPOT)),
                choice.getItems(),
                "bill order, the default first");
        assertEquals(MakeTwin.kindLabel(PoolKind.ALWAYS_ON), choice.getValue());
        assertTrue(
                choice.getWidth() >= choice.prefWidth(-1) - 0.5,
                "the choice shows its whole label: " + choice.getWidth() + " px of " + choice.prefWidth(-1));
        robot.interact(() -> choice.setValue(MakeTwin.kindLabel(PoolKind.SPOT)));
        robot.clickOn((javafx.scene.Node) pane.lookupButton(javafx.scene.control.ButtonType.OK));
        waitUntil(120, () -> simulate.scenarioFileProperty().get() != null);
        Path twin = simulate.scenarioFileProperty().get();
        com.fasterxml.jackson.databind.JsonNode pools = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(twin.toFile())
                .get("pools");
        assertEquals("spot", pools.get(0).get("type").asText(), "spot first, as chosen");
        assertEquals(
                pools.get(1).get("name").asText(),
                pools.get(0).get("overflow_to").asText());
    }
}
