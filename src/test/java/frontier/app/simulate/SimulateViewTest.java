package frontier.app.simulate;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.MainWindow;
import frontier.model.RunSpec;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.testing.FxAppExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The Simulate screen end to end: real scenario files, the real engine, clicks on the real controls. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class SimulateViewTest {
    /** M/M/8 with λ = 6/s, mean service 1 s: Erlang C gives W = 1.1785 s, P(wait) = 0.3570. */
    private static final double ARRIVAL_RATE = 6.0;

    private static final double ERLANG_C_MEAN_LATENCY_MS = 1178.5;
    private static final double ERLANG_C_P_WAIT_PERCENT = 35.70;
    private static final int REPLICATIONS = 3;

    @TempDir
    static Path examples;

    private SimulateViewModel vm;
    private Stage stage;

    @BeforeAll
    static void writeScenarios() throws IOException {
        Scenario mmc = ScenarioLoader.parse("""
                {"name": "M/M/8 validation",
                 "description": "Poisson arrivals at 6/s into 8 servers with exponential service (mean 1 s).",
                 "traffic": {"type": "poisson", "rate_per_s": 6.0},
                 "pool": {"name": "servers", "servers": 8, "service": {"type": "exponential", "mean": 1.0}},
                 "run": {"duration_s": 2000, "warmup_s": 100, "replications": %d, "seed": 42}}
                """.formatted(REPLICATIONS), "mmc");
        write("validation/mmc.json", mmc);
        write(
                "long.json",
                mmc.withRun(new RunSpec(5e7, null, null, null, 1, 7L))); // 6e8 events: long, within the limits
        write("absurd.json", mmc.withRun(new RunSpec(1e12, null, null, null, 1, 7L))); // 1.2e13 events: refused
        Files.writeString(examples.resolve("broken.json"), """
                {"name": "broken", "traffic": {"type": "poisson", "rate_per_s": 6.0, "burstiness": 2},
                 "pool": {"name": "p", "servers": 1, "service": {"type": "exponential", "mean": 0.1}},
                 "run": {"duration_s": 10}}
                """);
        Files.writeString(examples.resolve("missing-trace.json"), """
                {"name": "replay of a missing trace",
                 "traffic": {"type": "replay", "file": "no-such-trace.csv", "column": "ts", "unit": "s"},
                 "pool": {"name": "p", "servers": 1, "service": {"type": "exponential", "mean": 0.1}},
                 "run": {"duration_s": 10}}
                """);
    }

    private static void write(String name, Scenario s) throws IOException {
        Path file = examples.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, ScenarioLoader.toJson(s));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new SimulateViewModel(examples, new ScenarioRunner(2));
        stage.setScene(new MainWindow(List.of(new SimulateView(vm))).createScene(1200, 760));
        stage.show();
    }

    @AfterEach
    void stopEngine() {
        vm.shutdown();
    }

    @Test
    void exampleRunsAndShowsSummaryMatchingQueueingTheory(FxRobot robot) throws Exception {
        ListView<Example> list = robot.lookup("#scenarioList").queryListView();
        assertEquals(
                List.of("absurd.json", "broken.json", "long.json", "missing-trace.json", "validation/mmc.json"),
                list.getItems().stream().map(Example::label).toList());
        // The list shows each scenario's title (its name), its path and whole description in the tooltip.
        ListCell<?> mmcCell = robot.lookup((Node n) -> n instanceof ListCell<?> c
                        && c.getItem() instanceof Example e
                        && e.label().equals("validation/mmc.json"))
                .query();
        assertEquals("M/M/8 validation", mmcCell.getText());
        assertTrue(
                mmcCell.getTooltip().getText().contains("validation/mmc.json"),
                mmcCell.getTooltip().getText());
        assertTrue(
                mmcCell.getTooltip().getText().endsWith("exponential service (mean 1 s)."),
                mmcCell.getTooltip().getText());

        clickExample(robot, "validation/mmc.json");
        assertEquals(
                "M/M/8 validation", robot.lookup("#scenarioName").queryLabeled().getText());
        assertTrue(robot.lookup("#scenarioDescription").queryLabeled().getText().startsWith("Poisson arrivals"));

        robot.clickOn("#runButton");
        waitUntil(() -> !vm.runningProperty().get() && !table(robot).getItems().isEmpty());

        assertTrue(status(robot).getText().startsWith("Done"), status(robot).getText());
        assertEquals(
                1.0, robot.lookup("#progressBar").queryAs(ProgressBar.class).getProgress());
        double throughput = firstNumber(cell(robot, "Throughput"));
        assertEquals(ARRIVAL_RATE, throughput, 0.1 * ARRIVAL_RATE, "throughput " + throughput);
        assertTrue(cell(robot, "Throughput").contains(" ± "), "half-width shown with 3 replications");
        assertEquals(75.0, firstNumber(cell(robot, "Utilization")), 0.05 * 75.0);
        assertEquals(
                ERLANG_C_P_WAIT_PERCENT,
                firstNumber(cell(robot, "Requests that waited")),
                0.1 * ERLANG_C_P_WAIT_PERCENT);

        // Each key figure says what it counts (Completed can exceed Requests: warm-up arrivals finishing later).
        for (String metric : List.of("Requests", "Completed", "Throughput")) {
            java.util.function.Predicate<Node> isRow = n -> n instanceof javafx.scene.control.TableRow<?> r
                    && r.getItem() instanceof SummaryRow sr
                    && sr.metric().equals(metric);
            waitUntil(() -> robot.lookup(isRow).tryQuery().isPresent());
            javafx.scene.control.TableRow<?> row = robot.lookup(isRow).query();
            assertTrue(row.getTooltip() != null && !row.getTooltip().getText().isBlank(), "tooltip on " + metric);
            if (metric.equals("Completed"))
                assertTrue(
                        row.getTooltip().getText().contains("warm-up"),
                        row.getTooltip().getText());
        }

        TableView<PercentileRow> percentiles = robot.lookup("#percentileTable").queryTableView();
        assertEquals(
                List.of("mean", "p50", "p90", "p95", "p99", "p99.9", "max"),
                percentiles.getItems().stream().map(PercentileRow::statistic).toList());
        // A mean latency above one second reads in seconds, with the unit in the cell.
        String mean = percentiles.getItems().getFirst().latencyMs();
        assertTrue(mean.matches("[0-9.]+ ± [0-9.]+ s"), mean);
        assertEquals(ERLANG_C_MEAN_LATENCY_MS, 1000 * firstNumber(mean), 0.1 * ERLANG_C_MEAN_LATENCY_MS);

        BarChart<String, Number> chart = robot.lookup("#latencyChart").query();
        assertEquals("Latency (s)", chart.getXAxis().getLabel(), "the bins reach past one second");
        assertEquals("Requests", chart.getYAxis().getLabel());
        assertEquals(1, chart.getData().size());
        List<XYChart.Data<String, Number>> bars = chart.getData().getFirst().getData();
        assertTrue(bars.size() >= 16 && bars.size() <= 40, "bins " + bars.size());
        // Round bin edges: the second bar starts at 1, 2 or 5 × 10^k seconds.
        double width = Double.parseDouble(bars.get(1).getXValue());
        double mantissa = width / Math.pow(10, Math.floor(Math.log10(width)));
        assertTrue(
                List.of(1.0, 2.0, 5.0).stream().anyMatch(m -> Math.abs(m - mantissa) < 1e-9),
                "round bin width " + width);
        long plotted = bars.stream().mapToLong(d -> d.getYValue().longValue()).sum();
        long completed = vm.summaryProperty().get().replications().stream()
                .mapToLong(r -> (long) r.metric("completed"))
                .sum();
        assertEquals(completed, plotted, "every completed request is in one bar");
        assertTrue(
                bars.stream().mapToLong(d -> d.getYValue().longValue()).max().orElseThrow() < plotted / 2,
                "a distribution, not one spike");
        Node peak = bars.stream()
                .max((a, b) ->
                        Long.compare(a.getYValue().longValue(), b.getYValue().longValue()))
                .orElseThrow()
                .getNode();

        robot.moveTo(peak);
        waitUntil(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip t
                        && t.isShowing()
                        && t.getText().matches("(?s)[0-9,.]+ – [0-9,.]+ m?s\\R[0-9,]+ requests \\([0-9.]+ %\\)")));
    }

    @Test
    void cancelStopsALongRun(FxRobot robot) throws Exception {
        clickExample(robot, "long.json");
        robot.clickOn("#runButton");
        ProgressBar progress = robot.lookup("#progressBar").queryAs(ProgressBar.class);
        waitUntil(() -> progress.getProgress() > 0);
        assertTrue(vm.runningProperty().get());
        assertTrue(progress.getProgress() < 0.01, "the scenario is far too long to finish: " + progress.getProgress());
        assertTrue(robot.lookup("#runButton").queryButton().isDisabled());

        robot.clickOn("#cancelButton");
        // "Cancelled" is only shown once the engine thread has returned from the run.
        waitUntil(() -> status(robot).getText().startsWith("Cancelled"));
        assertFalse(vm.runningProperty().get());
        assertTrue(table(robot).getItems().isEmpty(), "no results from a cancelled run");
        assertFalse(robot.lookup("#runButton").queryButton().isDisabled(), "can run again");
        assertTrue(robot.lookup("#cancelButton").queryAs(Button.class).isDisabled());
    }

    @Test
    void badScenarioFileShowsTheLoaderMessage(FxRobot robot) throws Exception {
        clickExample(robot, "broken.json");
        Label status = status(robot);
        assertTrue(
                status.getText().contains("broken.json") && status.getText().contains("unknown field 'burstiness'"),
                status.getText());
        assertTrue(status.getStyleClass().contains("error"));
        assertTrue(robot.lookup("#runButton").queryButton().isDisabled(), "nothing to run");

        clickExample(robot, "validation/mmc.json");
        assertTrue(status.getText().startsWith("Ready"), status.getText());
        assertFalse(status.getStyleClass().contains("error"));
    }

    @Test
    void missingFileGivenAtStartIsReported(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(examples.resolve("nowhere.json")));
        assertTrue(
                status(robot).getText().contains("no such file"), status(robot).getText());
        assertEquals(
                "Cannot open nowhere.json",
                robot.lookup("#scenarioName").queryLabeled().getText());
    }

    @Test
    void inputErrorDuringTheRunIsShownNotThrown(FxRobot robot) throws Exception {
        clickExample(robot, "missing-trace.json");
        robot.clickOn("#runButton");
        waitUntil(() -> !vm.runningProperty().get());
        assertTrue(
                status(robot).getText().contains("cannot read trace file"),
                status(robot).getText());
        assertTrue(status(robot).getStyleClass().contains("error"));
    }

    @Test
    void aRunThatCouldNotFinishIsRefusedWithTheCliMessage(FxRobot robot) throws Exception {
        clickExample(robot, "absurd.json");
        robot.clickOn("#runButton");
        waitUntil(() -> !vm.runningProperty().get());
        String shown = status(robot).getText();
        assertTrue(
                shown.startsWith("Error: absurd.json: $.run.duration_s: this run would take about 1.20e+13 events"),
                shown);
        assertTrue(status(robot).getStyleClass().contains("error"));
    }

    @Test
    void subMillisecondWaitsReadInMicrosecondsAndNoPercentileCellIsElidedAt1280(FxRobot robot) throws Exception {
        // M/M/8 at 75% load with a 2 ms mean service: waits well under a millisecond, the cells that clipped.
        Path fast = examples.resolve("fast-service.json");
        Files.writeString(fast, """
                {"name": "fast service",
                 "traffic": {"type": "poisson", "rate_per_s": 3000},
                 "pool": {"name": "servers", "servers": 8, "service": {"type": "exponential", "mean": 0.002}},
                 "run": {"duration_s": 20, "warmup_s": 2, "replications": 3, "seed": 5}}
                """);
        try {
            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(720);
                vm.open(fast);
            });
            robot.clickOn("#runButton");
            waitUntil(
                    60,
                    () -> !vm.runningProperty().get()
                            && !robot.lookup("#percentileTable")
                                    .queryTableView()
                                    .getItems()
                                    .isEmpty());
            TableView<PercentileRow> percentiles =
                    robot.lookup("#percentileTable").queryTableView();
            String meanWait = percentiles.getItems().getFirst().waitMs();
            assertTrue(meanWait.matches("[0-9.]+ ± [0-9.]+ µs"), meanWait);
            FxAppExtension.settle();
            List<javafx.scene.control.TableCell<?, ?>> cells =
                    robot
                            .lookup("#percentileTable .table-cell")
                            .queryAllAs(javafx.scene.control.TableCell.class)
                            .stream()
                            .<javafx.scene.control.TableCell<?, ?>>map(c -> c)
                            .filter(c -> c.getText() != null && !c.getText().isEmpty())
                            .toList();
            assertTrue(cells.size() >= 7 * 4, "every statistic's four cells are shown: " + cells.size());
            for (var c : cells) assertFalse(c.isTextTruncated(), "elided at 1280 px: " + c.getText());
            assertFalse(
                    robot.lookup("#percentileTable .column-header .label").queryAllAs(Label.class).stream()
                            .anyMatch(Label::isTextTruncated),
                    "a column title is elided");
        } finally {
            Files.delete(fast);
        }
    }

    private void clickExample(FxRobot robot, String label) {
        Node cell = robot.lookup((Node n) ->
                        n instanceof ListCell<?> c && c.getItem() instanceof Example e && label.equals(e.label()))
                .query();
        robot.clickOn(cell);
        FxAppExtension.settle();
        assertEquals(examples.resolve(label), vm.scenarioFileProperty().get());
    }

    private static Label status(FxRobot robot) {
        return robot.lookup("#status").queryAs(Label.class);
    }

    private static TableView<SummaryRow> table(FxRobot robot) {
        return robot.lookup("#summaryTable").queryTableView();
    }

    private static String cell(FxRobot robot, String metric) {
        return table(robot).getItems().stream()
                .filter(r -> r.metric().equals(metric))
                .findFirst()
                .orElseThrow()
                .value();
    }

    private static double firstNumber(String shown) {
        return Double.parseDouble(shown.split(" ")[0].replace(",", ""));
    }
}
