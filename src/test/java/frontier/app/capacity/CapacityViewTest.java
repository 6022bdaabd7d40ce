package frontier.app.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.capacity.CapacityStudy;
import frontier.analysis.capacity.CheapestFleet;
import frontier.app.ChartCaption;
import frontier.app.ChartExport;
import frontier.model.llm.IterationProfile;
import frontier.scenario.ScenarioRunner;
import frontier.testing.FxAppExtension;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Capacity window driven like a user: the question typed in the form, the study run, its tables, chart and export. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class CapacityViewTest {
    private CapacityView view;

    @Start
    void start(Stage stage) {
        view = new CapacityView(new CapacityViewModel(new ScenarioRunner(2)));
        stage.setScene(new Scene(view.node(), 1280, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        view.viewModel().shutdown();
    }

    @Test
    void theWindowOpensAt1240By760OrFourFifthsOfALargerScreenAndNeverLargerThanTheScreen() {
        assertEquals(new javafx.geometry.Dimension2D(1240, 690), CapacityView.openingSize(1280, 720));
        assertEquals(new javafx.geometry.Dimension2D(1240, 760), CapacityView.openingSize(1366, 840));
        assertEquals(new javafx.geometry.Dimension2D(1536, 864), CapacityView.openingSize(1920, 1080));
        assertEquals(new javafx.geometry.Dimension2D(1024, 738), CapacityView.openingSize(1024, 768));
    }

    /** Short probes (100 simulated s, 2 replications, 20% precision): enough to exercise the whole study quickly. */
    private void quickStudy(FxRobot robot, String rate) {
        set(robot, "#capRate", rate);
        set(robot, "#capDuration", "100");
        set(robot, "#capReplications", "2");
        set(robot, "#capTolerance", "0.2");
    }

    private static void set(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }

    @Test
    void theCheapestFleetForATargetLoadIsFoundWithCapacitiesHostedApisAndACostAgainstRateChartThatExports(FxRobot robot)
            throws Exception {
        assertEquals("llama2-70b", robot.lookup("#capModel").queryComboBox().getValue());
        quickStudy(robot, "2");
        robot.clickOn("#capFind");
        waitUntil(
                () -> !view.viewModel().runningProperty().get()
                        && view.viewModel().outcomeProperty().get() != null,
                300);
        String status = robot.lookup("#capStatus").queryLabeled().getText();
        assertTrue(
                status.startsWith("Done")
                        && status.contains("cheapest: ")
                        && status.contains("measured-table profiles skipped"),
                status);

        // One capacity per profile that can drive a pool, each found by probes; the table-only profiles are named as
        // skipped.
        List<IterationProfile> linear = view.viewModel().profilesOf("llama2-70b").stream()
                .filter(CapacityStudy::runsInAPool)
                .toList();
        assertEquals(linear.size(), view.capacityTable().getItems().size());
        assertTrue(
                view.capacityTable().getItems().stream().allMatch(r -> r.rate() > 0 && r.probes() >= 2),
                view.capacityTable().getItems().toString());
        assertFalse(view.viewModel().outcomeProperty().get().fleets().skipped().isEmpty());

        // Fleets cheapest first, each with at least as many instances as the target needs at its capacity.
        List<CheapestFleet.Candidate> fleets = view.fleetTable().getItems();
        assertFalse(fleets.isEmpty());
        for (int i = 1; i < fleets.size(); i++)
            assertTrue(fleets.get(i - 1).usdPerHour() <= fleets.get(i).usdPerHour(), "sorted by USD/h");
        for (CheapestFleet.Candidate c : fleets) {
            assertTrue(
                    c.instances() >= Math.ceil(2 / c.perInstanceCapacity() - 1e-9),
                    c.profile().name() + " " + c.instances());
            assertEquals(
                    1000 * c.usdPerHour() / (2 * 3600),
                    c.usdPer1kRequests(),
                    1e-9,
                    "USD per 1,000 requests at the target");
        }
        assertFalse(view.apiTable().getItems().isEmpty(), "hosted APIs of llama2-70b beside the fleets");

        // The chart: a cost curve per profile priced, the cheapest API and the target; cost at the target = the
        // candidate's.
        List<XYChart.Series<Number, Number>> series = view.chart().getData();
        long profilesPriced =
                fleets.stream().map(c -> c.profile().name()).distinct().count();
        assertTrue(
                series.size() >= profilesPriced + 2 || fleets.size() == CapacityView.FLEETS_SHOWN,
                series.size() + " series");
        assertTrue(series.getLast().getName().startsWith("Target 2 req/s"));
        assertTrue(series.get(series.size() - 2).getName().startsWith("API: "));
        CheapestFleet.Candidate best = fleets.getFirst();
        XYChart.Series<Number, Number> bestCurve = series.getFirst();
        assertTrue(bestCurve.getName().startsWith(best.profile().name()), bestCurve.getName());

        ChartCaption caption = fx(view::caption);
        assertTrue(
                caption.subtitle().contains("Target 2 req/s")
                        && caption.subtitle().contains("p99 TTFT"),
                caption.subtitle());
        String svg = fx(() -> ChartExport.svg(view.picture(), caption));
        assertTrue(
                svg.contains("<path")
                        && svg.contains("Request rate (req/s)")
                        && svg.contains("Cost per hour (USD)")
                        && !svg.contains("<image"),
                "vector SVG");
        var png = fx(() -> ChartExport.image(view.picture(), caption, ChartExport.PRINT_SCALE));
        assertTrue(png.getWidth() >= 2 * view.chart().getWidth(), "PNG at print resolution");
    }

    @Test
    void aFieldThatIsNotANumberIsNamedInTheStatusAndNothingRuns(FxRobot robot) throws Exception {
        set(robot, "#capRate", "two");
        robot.clickOn("#capFind");
        assertEquals(
                "Target load: expected a number, got \u201ctwo\u201d",
                robot.lookup("#capStatus").queryLabeled().getText());
        assertTrue(robot.lookup("#capStatus").queryLabeled().getStyleClass().contains("error"));
        set(robot, "#capRate", "2");
        set(robot, "#capReplications", "1");
        robot.clickOn("#capFind");
        assertTrue(robot.lookup("#capStatus")
                .queryLabeled()
                .getText()
                .startsWith("Replications: expected a number of at least 2"));
        assertFalse(view.viewModel().runningProperty().get());
    }

    @Test
    void cancelStopsAStudyAndShowsNoResults(FxRobot robot) throws Exception {
        set(robot, "#capDuration", "20000");
        robot.clickOn("#capFind");
        waitUntil(
                () -> view.viewModel().progressProperty().get() > 0
                        || !view.viewModel().runningProperty().get(),
                120);
        assertTrue(
                view.viewModel().runningProperty().get(),
                "still running: " + robot.lookup("#capStatus").queryLabeled().getText());
        robot.clickOn("#capCancel");
        waitUntil(() -> !view.viewModel().runningProperty().get(), 120);
        assertTrue(
                robot.lookup("#capStatus").queryLabeled().getText().startsWith("Cancelled"),
                robot.lookup("#capStatus").queryLabeled().getText());
        assertEquals(null, view.viewModel().outcomeProperty().get());
        assertTrue(view.fleetTable().getItems().isEmpty());
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition)
                .get());
    }
}
