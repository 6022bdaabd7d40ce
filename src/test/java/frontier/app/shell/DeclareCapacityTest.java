package frontier.app.shell;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.app.compare.CompareRow;
import frontier.app.compare.CompareViewModel;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.domain.PricingModel;
import frontier.store.Workspace;
import frontier.testing.FxAppExtension;
import frontier.testing.VllmH100Log;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * "Make a twin…" of an endpoint whose workspace has a log with latencies and no bill (the shared vLLM H100 server
 * spans): the app asks what served it, with the H100 type of the catalogue chosen first, and the twin is priced from
 * the catalogue.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class DeclareCapacityTest {
    private static final String ENDPOINT = VllmH100Log.ENDPOINT;

    @TempDir
    static Path dir;

    static Path ws;

    private SimulateViewModel simulate;
    private UnitCostView unitCost;
    private TwinWindow twinWindow;
    private CompareViewModel compare;

    @BeforeAll
    static void logWithoutABill() {
        ws = dir.resolve("logs-only.sqlite");
        try (Workspace w = Workspace.open(ws)) {
            VllmH100Log.importInto(w);
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        twinWindow = TwinWindow.show(stage, ws, dir, 1280, 720, true);
        simulate = twinWindow.simulate;
        unitCost = twinWindow.unitCost;
        compare = twinWindow.compare;
    }

    @AfterEach
    void stop() {
        twinWindow.shutdown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void asksWhatServedAnEndpointWithoutABillAndPricesTheTwinFromTheCatalogue(FxRobot robot) throws Exception {
        // The view picks a line once its data are in: wait for that, then choose.
        waitUntil(60, () -> unitCost.viewModel().dashboardProperty().get() != null);
        FxAppExtension.settle();
        robot.interact(() -> unitCost.viewModel().selectedEndpointProperty().set(ENDPOINT));
        robot.clickOn("#makeTwin");
        waitUntil(60, () -> robot.lookup("#twinCapacityDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#twinCapacityDialog").query();
        ComboBox<InstancePrice> type = (ComboBox<InstancePrice>) pane.lookup("#capacityType");
        Label price = (Label) pane.lookup("#capacityPrice");
        Node ok = pane.lookupButton(ButtonType.OK);

        // The log's file name says H100: the catalogue's H100 type with the fewest GPUs comes first.
        InstancePrice chosen = type.getValue();
        assertTrue(chosen.gpuModel().startsWith("H100"), "the log's file names H100: " + chosen);
        assertTrue(
                price.getText().contains("on demand") && price.getText().contains("as of " + chosen.asOf()),
                price.getText());
        assertFalse(ok.isDisabled());

        // The endpoint's name says CodeLlama: the model table's only CodeLlama is chosen first.
        ComboBox<String> model = (ComboBox<String>) pane.lookup("#capacityModel");
        assertEquals("codellama-34b", model.getValue());

        // Spot: the catalogue's spot price of the same type, with its date.
        robot.clickOn("#capacitySpot");
        InstancePrice spot = PriceCatalogue.shipped()
                .instance(chosen.provider(), chosen.region(), chosen.instanceType(), PricingModel.SPOT)
                .orElseThrow();
        assertTrue(
                price.getText()
                                .startsWith(
                                        spot.usdPerHour().stripTrailingZeros().toPlainString() + " USD per")
                        && price.getText().contains("on spot"),
                price.getText());

        // Two instances, on demand.
        robot.clickOn("#capacityOnDemand");
        Spinner<Integer> count = (Spinner<Integer>) pane.lookup("#capacityInstances");
        robot.interact(() -> count.getValueFactory().setValue(2));
        assertFalse(ok.isDisabled());
        assertTrue(price.getText().contains("for 2"), price.getText());
        robot.clickOn(ok);

        waitUntil(180, () -> simulate.scenarioFileProperty().get() != null);
        assertEquals(
                dir.resolve("twins/twin-" + ENDPOINT + ".json"),
                simulate.scenarioFileProperty().get());
        JsonNode twin = new ObjectMapper()
                .readTree(simulate.scenarioFileProperty().get().toFile());
        JsonNode pool = twin.get("pools").get(0);
        assertEquals("always_on", pool.get("type").asText());
        assertEquals(2, pool.get("instances").asInt());
        assertEquals(
                chosen.instanceType(), pool.get("price").get("instance_type").asText());
        assertEquals(
                chosen.usdPerHour().doubleValue(),
                pool.get("price").get("usd_per_hour").asDouble(),
                1e-6);
        assertTrue(
                twin.get("description").asText().contains("priced from the price catalogue"),
                twin.get("description").asText());
        assertEquals("codellama-34b", pool.get("model").get("name").asText());
        assertTrue(
                twin.get("observed").get("peak_kv_tokens").asLong() > 0,
                twin.get("observed").toString());

        // The twin is Compare's baseline: one click tries spot, serverless and a cheaper GPU. The model's weights
        // (62.9 GiB) and the log's KV cache fit one A100 80 GB, cheaper than the H100 NVL 94 GB, though it has less
        // memory.
        FxAppExtension.settle();
        waitUntil(30, () -> compare.baselineProperty().get() != null);
        robot.clickOn("#tryQuickAlternatives");
        waitUntil(
                240,
                () -> !compare.runningProperty().get()
                        && compare.comparisonProperty().get() != null);
        List<String> names = compare.rows().stream().map(CompareRow::name).toList();
        assertEquals(
                List.of(
                        names.getFirst(),
                        "Spot + fallback, " + chosen.instanceType(),
                        "Serverless, Cloud Run L4",
                        "Cheaper GPU, Standard_NC24ads_A100_v4"),
                names,
                compare.statusProperty().get());
        assertTrue(
                compare.statusProperty().get().contains("chosen as it holds codellama-34b's 62.9 GiB of weights"),
                compare.statusProperty().get());
        assertTrue(
                compare.statusProperty().get().contains("the model's service times are kept"),
                "a cheaper GPU is usually slower, and the status says its speed is not known: "
                        + compare.statusProperty().get());
    }
}
