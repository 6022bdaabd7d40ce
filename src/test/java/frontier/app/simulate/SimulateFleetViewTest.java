package frontier.app.simulate;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.MainWindow;
import frontier.model.TimeSeries;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.testing.FxAppExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The fleet results of the Simulate screen: a real two-pool scenario (an autoscaled pool that cold
 * starts as traffic ramps up, a spot pool interrupted about every three minutes) run by the real engine,
 * then the Instances and Cost tabs checked against the run's own time series and metrics.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class SimulateFleetViewTest {
    private static final List<String> POOLS = List.of("gpu", "spot-pool");
    private static final String FLEET = """
            {"name": "Test fleet",
             "description": "An autoscaled GPU pool with cold starts and a spot pool interrupted often.",
             "traffic": {"type": "profile", "interval_s": 600, "rates_per_s": [2, 12, 4]},
             "pools": [
              {"type": "autoscaled", "name": "gpu", "concurrency": 2,
               "model": {"service": {"type": "exponential", "mean": 0.5}},
               "min_instances": 1, "max_instances": 8, "policy": {"type": "hpa", "target": 0.6},
               "interval_s": 15, "scale_in_delay_s": 60,
               "cold_start": {"type": "lognormal", "mean": 30, "cv": 0.3},
               "price": {"usd_per_hour": 1.2}},
              {"type": "spot", "name": "spot-pool", "instances": 3, "concurrency": 2,
               "model": {"service": {"type": "exponential", "mean": 0.5}},
               "interruption": {"hazard_per_hour": 20}, "notice_s": 30, "on_interrupt": "retry",
               "replacement_delay_s": 20, "cold_start": {"type": "lognormal", "mean": 20, "cv": 0.3},
               "price": {"usd_per_hour": 0.4}}
             ],
             "classes": [
              {"name": "interactive", "share": 0.7, "slo_ms": 1500, "pool": "gpu"},
              {"name": "batch", "share": 0.3, "slo_ms": 5000, "pool": "spot-pool"}
             ],
             "run": {"duration_s": 1800, "replications": 2, "seed": 5}}
            """;

    @TempDir
    static Path examples;

    private SimulateViewModel vm;
    private SimulateView view;

    @BeforeAll
    static void writeScenario() throws IOException {
        Files.writeString(examples.resolve("fleet.json"), FLEET);
    }

    @Start
    void start(Stage stage) {
        vm = new SimulateViewModel(examples, new ScenarioRunner(2));
        view = new SimulateView(vm);
        stage.setScene(new MainWindow(List.of(view)).createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stopEngine() {
        vm.shutdown();
    }

    @Test
    void instancesChartHasALinePerPoolAndMarksEveryColdStartAndInterruption(FxRobot robot) throws Exception {
        Summary s = runFleet(robot);
        TimeSeries ts = s.replications().getFirst().timeSeries();
        selectTab(robot, "Instances");
        LineChart<Number, Number> chart = robot.lookup("#instancesChart").query();
        assertTrue(chart.isVisible() && chart.getParent().isVisible(), "the Instances tab shows the chart");
        assertEquals("Time since start (h:mm)", chart.getXAxis().getLabel());
        assertEquals("Instances", chart.getYAxis().getLabel());
        assertTrue(chart.isLegendVisible());
        Map<String, XYChart.Series<Number, Number>> series = byName(chart);

        for (String pool : POOLS) {
            XYChart.Series<Number, Number> line = series.get(pool);
            assertNotNull(line, "a line for " + pool + " in " + series.keySet());
            assertEquals(ts.length(), line.getData().size(), "one point per sample");
            int[] instances = ts.pools().get(pool).instances();
            for (int i = 0; i < ts.length(); i++) {
                assertEquals(
                        ts.timeS()[i] / 3600, line.getData().get(i).getXValue().doubleValue(), 1e-12);
                assertEquals(instances[i], line.getData().get(i).getYValue().intValue(), pool + " at sample " + i);
            }
        }
        assertTrue(ts.length() > 400, "a dense series: " + ts.length());
        // The autoscaler varies the GPU pool, so the chart covers more than a flat line.
        assertTrue(Arrays.stream(ts.pools().get("gpu").instances()).max().orElseThrow() >= 3);

        checkMarkers(
                series.get(InstancesChart.COLD_STARTS),
                ts,
                true,
                s.replications().getFirst().metric("cold_starts.count"));
        checkMarkers(
                series.get(InstancesChart.INTERRUPTIONS),
                ts,
                false,
                s.replications().getFirst().metric("interruptions"));
        List<String> legend = robot.lookup(".chart-legend-item").queryAll().stream()
                .filter(n -> isInside(n, chart))
                .map(n -> ((Labeled) n).getText())
                .toList();
        assertTrue(legend.containsAll(List.of("gpu", "spot-pool", "Cold starts", "Interruptions")), legend.toString());

        Node marker =
                series.get(InstancesChart.COLD_STARTS).getData().getFirst().getNode();
        robot.moveTo(marker);
        waitUntil(() -> tooltipShowing("(gpu|spot-pool): [0-9]+ cold starts? at [0-9]+(:[0-9]{2})+"));

        Label readout = robot.lookup("#instancesReadout").queryAs(Label.class);
        Node plot = chart.lookup(".chart-plot-background");
        Bounds b = plot.localToScreen(plot.getBoundsInLocal());
        // Away from the marker, whose tooltip window would take the mouse events.
        robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.8, b.getMinY() + b.getHeight() * 0.1));
        waitUntil(
                () -> readout.getText()
                        .matches(
                                "At [0-9]+(:[0-9]{2})+: gpu [0-9]+ instances? \\([0-9]+ ready, [0-9]+ busy\\).*; spot-pool .*"));
    }

    @Test
    void costChartAndTablesAddUpToTheRunsCostMetrics(FxRobot robot) throws Exception {
        Summary s = runFleet(robot);
        selectTab(robot, "Cost");
        StackedBarChart<Number, String> chart = robot.lookup("#costChart").query();
        assertTrue(chart.isVisible() && chart.getParent().isVisible());
        assertEquals("USD", chart.getXAxis().getLabel());
        double total = s.metric("cost_usd.total");
        assertTrue(total > 0.5, "the prices give a cost: " + total);

        Map<String, Double> perPool = new LinkedHashMap<>();
        for (XYChart.Series<Number, String> series : chart.getData()) {
            for (XYChart.Data<Number, String> d : series.getData()) {
                perPool.merge(d.getYValue(), d.getXValue().doubleValue(), Double::sum);
                CostChart.State state = (CostChart.State) d.getExtraValue();
                assertEquals(state.label, series.getName());
                assertEquals(s.metric(state.path(d.getYValue())), d.getXValue().doubleValue(), 1e-12);
            }
        }
        assertEquals(POOLS, List.copyOf(perPool.keySet()));
        for (String pool : POOLS) {
            assertEquals(s.metric("cost_usd.by_pool." + pool + ".total"), perPool.get(pool), 1e-9, pool);
        }
        assertEquals(
                total,
                perPool.values().stream().mapToDouble(Double::doubleValue).sum(),
                1e-9);
        List<String> states =
                chart.getData().stream().map(XYChart.Series::getName).toList();
        assertTrue(
                states.containsAll(List.of("busy", "idle", "starting")), "cold starts cost while starting: " + states);

        TableView<CostRow> costs = robot.lookup("#costTable").queryTableView();
        assertEquals("Cost (total)", costs.getItems().getFirst().item());
        assertEquals(total, costs.getItems().getFirst().mean(), 1e-12);
        assertTrue(costs.getItems().getFirst().value().contains(" ± "), "two replications give a half-width");
        assertEquals(
                s.metric("cost_usd.per_1k_requests"),
                costRow(costs, "Cost per 1,000 requests").mean(),
                1e-12);
        assertEquals(
                100 * s.metric("cost_usd.idle_share"),
                costRow(costs, "Idle share of cost").mean(),
                1e-9);
        double shares = POOLS.stream()
                .mapToDouble(p -> firstNumber(costRow(costs, "Pool " + p).share()))
                .sum();
        assertEquals(100, shares, 0.11, "pool shares of the total");

        TableView<SummaryRow> summary = robot.lookup("#summaryTable").queryTableView();
        assertEquals(total, summaryRow(summary, "Cost (total)").mean(), 1e-12);
        assertEquals(
                s.metric("cold_starts.count"),
                summaryRow(summary, "Cold starts").mean());
        assertEquals(
                100 * s.metric("cold_starts.share_of_requests"),
                summaryRow(summary, "Waited for a cold start").mean(),
                1e-12);
        assertEquals(
                s.metric("interruptions"), summaryRow(summary, "Interruptions").mean());
        assertEquals(s.metric("retried"), summaryRow(summary, "Retried").mean());
        assertEquals(
                s.metric("lost"), summaryRow(summary, "Lost (spot termination)").mean());
        for (String cls : List.of("interactive", "batch")) {
            double attainment =
                    summaryRow(summary, "Class " + cls + ": within SLO").mean();
            assertEquals(100 * s.metric("classes." + cls + ".slo_attainment"), attainment, 1e-12);
            assertTrue(attainment > 0 && attainment <= 100, cls + " " + attainment);
        }

        Node gpuBusy = chart.getData().getFirst().getData().getFirst().getNode();
        robot.moveTo(gpuBusy);
        waitUntil(
                () -> tooltipShowing("gpu — busy\\R[0-9,.]+ USD \\([0-9.]+ % of the pool, [0-9.]+ % of the total\\)"));
    }

    @Test
    void everyChartExportsAsPngAtTwiceItsSizeAndAsVectorSvgWithCaptionLegendAndUnits(FxRobot robot) throws Exception {
        runFleet(robot);
        String[] tabs = {"Latency", "Instances", "Cost"};
        List<List<String>> expectedText = List.of(
                List.of("Latency (", "Requests"),
                List.of("Time since start", "Instances", "gpu", "spot-pool", "Cold starts", "Interruptions"),
                List.of("USD", "busy", "idle", "gpu", "spot-pool"));
        for (int i = 0; i < tabs.length; i++) {
            selectTab(robot, tabs[i]);
            frontier.app.ExportableChart chart = view.charts().get(i);
            int chartIndex = i;
            frontier.app.ChartCaption caption =
                    WaitForAsyncUtils.asyncFx(() -> view.caption(chartIndex)).get();
            assertTrue(
                    caption.subtitle().contains("Test fleet (fleet.json)")
                            && caption.subtitle().contains("30 min simulated")
                            && caption.subtitle().contains("2 replications"),
                    caption.subtitle());
            assertTrue(caption.source().matches("Frontier \\S+ · prices as of \\d{4}-\\d{2}-\\d{2}"), caption.source());
            Path png = examples.resolve("chart" + i + ".png");
            Path svg = examples.resolve("chart" + i + ".svg");
            robot.interact(() -> {
                try {
                    frontier.app.ChartExport.writePng(chart, caption, png);
                    frontier.app.ChartExport.writeSvg(chart, caption, svg);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
            assertTrue(
                    chart.chartWidth() > 300 && image.getWidth() >= 2 * chart.chartWidth(),
                    tabs[i] + " PNG width " + image.getWidth());
            assertTrue(image.getHeight() >= 2 * chart.chartHeight(), tabs[i] + " PNG height " + image.getHeight());
            String text = svg(svg);
            assertTrue(
                    text.contains(caption.title()) && caption.title().length() > 5,
                    tabs[i] + ": the chart's title in the caption");
            for (String expected : expectedText.get(i))
                assertTrue(text.contains(expected), tabs[i] + ": " + expected + " in the SVG");
        }
        // Right-click on the chart: the menu the user sees, then Copy chart puts an image on the clipboard.
        selectTab(robot, "Cost");
        robot.rightClickOn("#costChart");
        robot.clickOn("Copy chart");
        waitUntil(() -> javafx.scene.input.Clipboard.getSystemClipboard().hasImage()
                && javafx.scene.input.Clipboard.getSystemClipboard().getImage().getWidth()
                        >= 2 * view.charts().get(2).chartWidth());
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().startsWith("Copied the chart"));
    }

    /** The SVG parsed as XML: vector paths, no embedded bitmap; returns all its text. */
    private static String svg(Path file) throws Exception {
        String svg = Files.readString(file);
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = f.newDocumentBuilder().parse(file.toFile());
        assertTrue(svg.contains("<path") && svg.contains("<text"), "vector paths and text");
        assertTrue(!svg.contains("<image"), "no embedded bitmap");
        return doc.getDocumentElement().getTextContent();
    }

    @Test
    void switchingScenariosClearsTheFleetCharts(FxRobot robot) throws Exception {
        runFleet(robot);
        robot.interact(() -> vm.open(examples.resolve("fleet.json")));
        LineChart<Number, Number> instances = robot.lookup("#instancesChart").query();
        StackedBarChart<Number, String> cost = robot.lookup("#costChart").query();
        assertTrue(instances.getData().isEmpty());
        assertTrue(cost.getData().isEmpty());
        assertTrue(vm.costRows().isEmpty());
    }

    private Summary runFleet(FxRobot robot) throws Exception {
        robot.interact(() -> vm.open(examples.resolve("fleet.json")));
        robot.clickOn("#runButton");
        waitUntil(() -> !vm.runningProperty().get() && vm.summaryProperty().get() != null);
        return vm.summaryProperty().get();
    }

    /**
     * One marker per pool and step with a count, on the pool's line, holding that count; the counts add
     * up to what the first replication reports (the run has no warm-up, so the chart sees all of it).
     */
    private static void checkMarkers(
            XYChart.Series<Number, Number> markers, TimeSeries ts, boolean coldStarts, double reported) {
        assertNotNull(markers);
        int expected = 0;
        long events = 0;
        for (String pool : POOLS) {
            TimeSeries.PoolSeries p = ts.pools().get(pool);
            int[] counts = coldStarts ? p.coldStarts() : p.interruptions();
            expected += (int) Arrays.stream(counts).filter(c -> c > 0).count();
            events += Arrays.stream(counts).sum();
        }
        assertTrue(expected > 0, markers.getName() + " happened");
        assertEquals(expected, markers.getData().size(), markers.getName());
        long marked = 0;
        for (XYChart.Data<Number, Number> d : markers.getData()) {
            InstancesChart.Marker m = (InstancesChart.Marker) d.getExtraValue();
            int i = InstancesChart.nearest(ts.timeS(), m.timeH() * 3600);
            assertEquals(ts.timeS()[i] / 3600, d.getXValue().doubleValue(), 1e-12, "a marker on a sample");
            assertEquals(ts.pools().get(m.pool()).instances()[i], d.getYValue().intValue(), "on the pool's line");
            assertTrue(m.count() > 0);
            assertNotNull(d.getNode(), "a visible marker");
            assertTrue(d.getNode().getScene() != null, "the marker is in the scene");
            marked += m.count();
        }
        assertEquals(events, marked);
        assertEquals(reported, marked, markers.getName() + " in the chart and in the run's metrics");
    }

    private static Map<String, XYChart.Series<Number, Number>> byName(LineChart<Number, Number> chart) {
        return chart.getData().stream()
                .collect(Collectors.toMap(XYChart.Series::getName, x -> x, (a, b) -> a, LinkedHashMap::new));
    }

    private static void selectTab(FxRobot robot, String title) {
        Node header = robot.lookup(".tab-label")
                .match((Labeled l) -> title.equals(l.getText()))
                .query();
        robot.clickOn(header);
        TabPane tabs = robot.lookup("#chartTabs").queryAs(TabPane.class);
        assertEquals(title, tabs.getSelectionModel().getSelectedItem().getText());
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    private static boolean tooltipShowing(String regex) {
        return Window.getWindows().stream()
                .anyMatch(w ->
                        w instanceof Tooltip t && t.isShowing() && t.getText().matches(regex));
    }

    private static CostRow costRow(TableView<CostRow> t, String item) {
        return t.getItems().stream()
                .filter(r -> r.item().equals(item))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + item + " in " + t.getItems()));
    }

    private static SummaryRow summaryRow(TableView<SummaryRow> t, String metric) {
        return t.getItems().stream()
                .filter(r -> r.metric().equals(metric))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + metric + " in " + t.getItems()));
    }

    private static double firstNumber(String shown) {
        return Double.parseDouble(shown.split(" ")[0].replace(",", ""));
    }
}
