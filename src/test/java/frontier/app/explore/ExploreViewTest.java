package frontier.app.explore;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.analysis.SweepAnalysis;
import frontier.analysis.WeightedOptimum;
import frontier.app.MainWindow;
import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.testing.FxAppExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Explore screen end to end: a real sweep run by the real engine, clicks on the real canvas. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class ExploreViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Six configurations (keep_warm 0–2 × max_instances 3, 6) of a short autoscaled run. */
    private static final String TINY = """
            {"name": "tiny sweep", "description": "test",
             "traffic": {"type": "poisson", "rate_per_s": 4},
             "pools": [{"type": "autoscaled", "name": "gpu", "concurrency": 2, "max_instances": 6, "keep_warm": 1,
                        "model": {"service": {"type": "exponential", "mean": 0.5}},
                        "policy": {"type": "target_rps", "per_instance": 2},
                        "cold_start": {"type": "deterministic", "value": 30},
                        "price": {"usd_per_hour": 1.2}}],
             "run": {"duration_s": 900, "warmup_s": 60, "replications": 2, "seed": 3},
             "sweep": {"method": "grid", "seed": 4,
                       "parameters": [{"path": "$.pools[0].keep_warm", "values": [0, 1, 2]},
                                      {"path": "$.pools[0].max_instances", "values": [3, 6]}]}}
            """;

    @TempDir
    static Path dir;

    private ExploreViewModel vm;
    private ExploreView view;

    @BeforeAll
    static void writeSweep() throws IOException {
        Files.createDirectories(dir.resolve("sweeps"));
        Files.writeString(dir.resolve("sweeps/tiny-sweep.json"), TINY);
    }

    @Start
    void start(Stage stage) {
        vm = new ExploreViewModel(dir.resolve("sweeps"), new SweepRunner(2));
        view = new ExploreView(vm);
        stage.setScene(new MainWindow(List.of(view)).createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.shutdown();
    }

    @Test
    void runningASweepShowsTheFrontAndClickingAPointShowsItsConfiguration(FxRobot robot) throws Exception {
        assertEquals(
                List.of(dir.resolve("sweeps/tiny-sweep.json")),
                vm.sweeps().stream().map(e -> e.file()).toList());
        // The list shows the scenario's title, not its file name.
        robot.clickOn(robot.lookup((javafx.scene.Node n) ->
                        n instanceof javafx.scene.control.ListCell<?> c && "tiny sweep".equals(c.getText()))
                .queryAs(javafx.scene.Node.class));
        waitUntil(60, () -> vm.canRunProperty().get());
        assertEquals("tiny sweep", robot.lookup("#sweepTitle").queryLabeled().getText());

        long t0 = System.nanoTime();
        robot.clickOn("#runSweepButton");
        waitUntil(60, () -> !vm.runningProperty().get() && vm.analysisProperty().get() != null);
        System.out.printf("tiny sweep ran in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertTrue(
                robot.lookup("#exploreStatus").queryLabeled().getText().startsWith("Done"),
                robot.lookup("#exploreStatus").queryLabeled().getText());

        SweepAnalysis a = vm.analysisProperty().get();
        assertEquals(6, a.result().points().size());
        int front = ExploreViewModel.paretoCount(a);
        assertTrue(front >= 1);
        assertEquals(front, view.plot().frontCount(), "every front point is highlighted");

        // Click a point that is not the optimum (so its ring does not matter) at its pixel.
        int target = a.pareto().length - 1;
        PointResult p = a.result().points().get(target);
        Point2D screen = onScreen(p.metric(ExploreViewModel.COST), p.metric(vm.latencyPath()));
        robot.clickOn(screen);
        FxAppExtension.settle();
        int expected = vm.selectedProperty().get();
        assertTrue(expected >= 0, "a point is selected");
        System.out.println("clicked point alone on screen: " + fxGet(() -> alone(a, target)));
        if (fxGet(() -> alone(a, target))) assertEquals(target, expected, "the clicked point itself");
        PointResult shown = a.result().points().get(expected);
        List<DetailRow> rows = view.details().getItems();
        assertEquals(Integer.toString(shown.index()), value(rows, "Point"));
        assertEquals(shown.config().get("pools[0].keep_warm").asText(), value(rows, "Keep-warm instances"));
        assertEquals(shown.config().get("pools[0].max_instances").asText(), value(rows, "Max instances"));

        // Ctrl-click a second point: both side by side.
        int other = expected == 0 ? 1 : 0;
        PointResult q = a.result().points().get(other);
        Point2D second = onScreen(q.metric(ExploreViewModel.COST), q.metric(vm.latencyPath()));
        int expectedOther = fxGet(() -> view.plot()
                .nearest(
                        view.plot().toPixelX(q.metric(ExploreViewModel.COST)),
                        view.plot().toPixelY(q.metric(vm.latencyPath())),
                        0.5));
        if (expectedOther != expected && fxGet(() -> alone(a, other))) {
            robot.press(KeyCode.CONTROL).clickOn(second).release(KeyCode.CONTROL);
            FxAppExtension.settle();
            System.out.println("compared a second point");
            assertEquals(expectedOther, vm.comparedProperty().get());
            assertEquals(
                    Integer.toString(a.result().points().get(expectedOther).index()),
                    compared(view.details().getItems(), "Point"));
        }

        // Reopen the exported results: the same front, nothing simulated.
        Path results = dir.resolve("results.json");
        vm.exportJson(results);
        Path csv = dir.resolve("table.csv");
        vm.exportCsv(csv);
        assertEquals(7, Files.readAllLines(csv).size());
        Path png = dir.resolve("chart.png");
        robot.interact(() -> {
            try {
                view.exportPng(png);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(png) > 1000);
        Path report = dir.resolve("report.html");
        robot.interact(() -> {
            try {
                view.writeReport(report);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String html = Files.readString(report);
        assertTrue(
                html.contains("<svg") && html.contains("tiny sweep") && html.contains("prices as of"), "report HTML");
        try (var pdf =
                org.apache.pdfbox.Loader.loadPDF(dir.resolve("report.pdf").toFile())) {
            assertTrue(pdf.getNumberOfPages() >= 1 && pdf.getNumberOfPages() <= 3, pdf.getNumberOfPages() + " pages");
        }
        robot.interact(() -> vm.open(results));
        assertEquals(front, ExploreViewModel.paretoCount(vm.analysisProperty().get()));
        assertEquals(front, view.plot().frontCount());
    }

    @Test
    void weightSliderMovesTheOptimumAsWeightedOptimumPredicts(FxRobot robot) throws Exception {
        SweepResult r = synthetic(400, 7);
        robot.interact(() -> vm.show(r));
        SweepAnalysis a = vm.analysisProperty().get();
        WeightedOptimum w = a.weighted();
        Slider slider = robot.lookup("#weightSlider").queryAs(Slider.class);
        List<Integer> seen = new ArrayList<>();
        for (double alpha : new double[] {0, 0.1, 0.3, 0.5, 0.7, 0.9, 1}) {
            robot.interact(() -> slider.setValue(alpha));
            assertEquals(w.best(alpha), vm.optimumProperty().get(), "alpha " + alpha);
            assertTrue(a.pareto()[vm.optimumProperty().get()], "the optimum is on the front");
            seen.add(vm.optimumProperty().get());
        }
        assertNotEquals(seen.getFirst(), seen.getLast(), "the fastest and the cheapest differ");

        // An SLO makes the slow points infeasible and applies as a constraint.
        double slo = 500;
        robot.clickOn("#sloField").write("500").type(KeyCode.ENTER);
        SweepAnalysis constrained = vm.analysisProperty().get();
        for (int i = 0; i < r.points().size(); i++) {
            assertEquals(
                    r.points().get(i).metric("latency_ms.p99") <= slo,
                    constrained.feasible()[i]);
        }
        assertFalse(constrained.constraints().isEmpty());
    }

    @Test
    void tenThousandPointsRenderAndZoom(FxRobot robot) throws Exception {
        SweepResult r = synthetic(10_000, 11);
        robot.interact(() -> vm.show(r));
        SweepAnalysis a = vm.analysisProperty().get();
        assertEquals(ExploreViewModel.paretoCount(a), view.plot().frontCount());
        robot.interact(() -> {
            view.plot().zoomAt(300, 200, 0.5);
            view.plot().redraw();
            view.plot().resetView();
        });
        long t0 = System.nanoTime();
        robot.interact(() -> {
            for (int k = 0; k < 10; k++) view.plot().redraw();
        });
        System.out.printf(
                "10,000 points: %.1f ms per redraw (FX thread, software pipeline)%n",
                (System.nanoTime() - t0) / 1e6 / 10);

        // Wheel zooms in about the pointer, dragging pans, Reset zoom restores the full view.
        double[] full = fxGet(() -> view.plot().visibleRange());
        Point2D centre = fxGet(() -> view.plot()
                .canvas()
                .localToScreen(
                        view.plot().canvas().getWidth() / 2,
                        view.plot().canvas().getHeight() / 2));
        robot.moveTo(centre).scroll(3, javafx.geometry.VerticalDirection.UP);
        FxAppExtension.settle();
        double[] zoomed = fxGet(() -> view.plot().visibleRange());
        // (The robot's wheel direction differs between Monocle and GTK, so only the change is checked here.)
        assertTrue(
                Math.abs((zoomed[1] - zoomed[0]) - (full[1] - full[0])) > 1e-6 * (full[1] - full[0]),
                "zoomed: " + java.util.Arrays.toString(zoomed));
        robot.drag(centre, javafx.scene.input.MouseButton.PRIMARY)
                .moveBy(60, 40)
                .drop();
        FxAppExtension.settle();
        double[] panned = fxGet(() -> view.plot().visibleRange());
        assertTrue(
                panned[0] < zoomed[0] && panned[2] > zoomed[2],
                "dragging right and down shows lower cost and higher latency: " + java.util.Arrays.toString(panned));
        robot.clickOn("#resetZoomButton");
        assertEquals(java.util.Arrays.toString(full), java.util.Arrays.toString(fxGet(() -> view.plot()
                .visibleRange())));

        // Hovering a point shows its configuration and metrics.
        int i = a.optimum();
        robot.moveTo(onScreen(
                r.points().get(i).metric(ExploreViewModel.COST),
                r.points().get(i).metric("latency_ms.p99")));
        waitUntil(
                60,
                () -> view.plot().tooltip().isShowing()
                        && view.plot().tooltip().getText().startsWith("Point "));
        assertTrue(
                view.plot().tooltip().getText().contains("p99 latency"),
                view.plot().tooltip().getText());

        robot.interact(() -> {
            try {
                view.exportPng(dir.resolve("big.png"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTrue(Files.size(dir.resolve("big.png")) > 1000);
    }

    @Test
    void choosingAnotherLatencyMetricRecomputesTheFront(FxRobot robot) throws Exception {
        SweepResult r = synthetic(300, 5);
        robot.interact(() -> vm.show(r));
        robot.interact(() -> robot.lookup("#latencyChoice")
                .<javafx.scene.control.ComboBox<String>>query()
                .setValue("p50"));
        SweepAnalysis a = vm.analysisProperty().get();
        assertEquals("latency_ms.p50", a.objectives().get(1).path());
        assertEquals(SweepAnalysis.of(r, a.objectives(), List.of(), 0.5).pareto().length, a.pareto().length);
        assertEquals(
                ExploreViewModel.paretoCount(SweepAnalysis.of(r, a.objectives(), List.of(), 0.5)),
                view.plot().frontCount());

        // A budget makes the expensive points infeasible.
        robot.clickOn("#budgetField").write("3").type(KeyCode.ENTER);
        SweepAnalysis b = vm.analysisProperty().get();
        for (int i = 0; i < r.points().size(); i++) {
            assertEquals(r.points().get(i).metric(ExploreViewModel.COST) <= 3, b.feasible()[i]);
        }
    }

    @Test
    void choosingTotalCostPutsItOnTheXAxisAndInTheFront(FxRobot robot) throws Exception {
        SweepResult r = synthetic(300, 5);
        robot.interact(() -> vm.show(r));
        robot.interact(() -> vm.costProperty().set(ExploreViewModel.COST_TOTAL));
        SweepAnalysis a = vm.analysisProperty().get();
        assertEquals(ExploreViewModel.COST_TOTAL, a.objectives().get(0).path());
        assertEquals(
                ExploreViewModel.paretoCount(SweepAnalysis.of(r, a.objectives(), List.of(), 0.5)),
                view.plot().frontCount());
        PointResult p = r.points().get(42);
        int nearest = fxGet(() -> view.plot()
                .nearest(
                        view.plot().toPixelX(p.metric(ExploreViewModel.COST_TOTAL)),
                        view.plot().toPixelY(p.metric(vm.latencyPath())),
                        0.5));
        assertEquals(
                p.metric(ExploreViewModel.COST_TOTAL),
                r.points().get(nearest).metric(ExploreViewModel.COST_TOTAL),
                1e-9,
                "the plot's x is the total cost");
    }

    @Test
    void aSweepThatCouldNotFinishIsRefusedWhenOpened(FxRobot robot) throws Exception {
        Path huge = dir.resolve("huge-sweep.json");
        Files.writeString(huge, TINY.replace("\"duration_s\": 900", "\"duration_s\": 1000000000"));
        robot.interact(() -> vm.open(huge));
        String shown = robot.lookup("#exploreStatus").queryLabeled().getText();
        assertTrue(
                shown.contains(
                        "huge-sweep.json (sweep point 0: pools[0].keep_warm = 0, pools[0].max_instances = 3): $.run.duration_s: this run would take about"),
                shown);
        assertTrue(robot.lookup("#runSweepButton").queryButton().isDisabled(), "nothing to run");
    }

    @Test
    void sweepsInSubfoldersAreListedByTitleWithTheirWholeDescriptionInTheTooltip(FxRobot robot) throws Exception {
        String description = "A batch sweep whose description is far too long for the list: "
                + "checkpoint interval against spot share, with the deadline and the fallback to on-demand.";
        Path nested = dir.resolve("sweeps/batch/job-sweep.json");
        Files.createDirectories(nested.getParent());
        Files.writeString(
                nested,
                TINY.replace(
                        "\"tiny sweep\", \"description\": \"test\"",
                        "\"Overnight batch sweep\", \"description\": \"" + description + "\""));
        try {
            robot.interact(vm::refreshFiles);
            javafx.scene.control.ListCell<?> cell = robot.lookup(
                            (javafx.scene.Node n) -> n instanceof javafx.scene.control.ListCell<?> c
                                    && "Overnight batch sweep".equals(c.getText()))
                    .queryAs(javafx.scene.control.ListCell.class);
            String tip = cell.getTooltip().getText();
            assertTrue(tip.contains(description), tip);
            assertTrue(tip.contains("batch/job-sweep.json"), tip);
            robot.clickOn(cell);
            waitUntil(60, () -> vm.canRunProperty().get());
            assertEquals(nested, vm.fileProperty().get());
        } finally {
            Files.delete(nested);
            Files.delete(nested.getParent());
        }
    }

    @Test
    void cancelStopsALongSweep(FxRobot robot) throws Exception {
        Path longSweep = dir.resolve("long-sweep.json");
        Files.writeString(longSweep, TINY.replace("\"duration_s\": 900", "\"duration_s\": 20000000"));
        robot.interact(() -> vm.open(longSweep));
        robot.clickOn("#runSweepButton");
        waitUntil(60, () -> vm.progressProperty().get() > 0);
        assertTrue(vm.runningProperty().get());
        robot.clickOn("#cancelSweepButton");
        waitUntil(
                60,
                () -> robot.lookup("#exploreStatus").queryLabeled().getText().startsWith("Cancelled"));
        assertFalse(vm.runningProperty().get());
        assertEquals(null, vm.analysisProperty().get());
        assertFalse(robot.lookup("#runSweepButton").queryButton().isDisabled(), "can run again");
    }

    /** Points on a noisy convex trade-off: cost falls as latency rises. */
    @Test
    void qualityJoinsTheFrontAsColourOrAsTheYAxis(FxRobot robot) throws Exception {
        // Quality rising with cost: points the cost/latency front leaves out come back on the three-way front.
        SweepResult r = withQuality(synthetic(200, 9));
        robot.interact(() -> vm.show(r));
        SweepAnalysis a = vm.analysisProperty().get();
        assertEquals(
                List.of("cost_usd.per_1k_requests", "latency_ms.p99", "quality.mean"),
                a.objectives().stream().map(o -> o.path()).toList());
        assertEquals(
                frontier.pareto.Objective.Direction.MAXIMISE,
                a.objectives().get(2).direction());
        List<frontier.pareto.Objective> two = a.objectives().subList(0, 2);
        assertTrue(
                ExploreViewModel.paretoCount(a)
                        > ExploreViewModel.paretoCount(SweepAnalysis.of(r, two, List.of(), 0.5)),
                "the third objective adds points to the front");
        assertEquals(ExploreViewModel.paretoCount(a), view.plot().frontCount());
        // The colour follows quality: the best point is drawn in the scale's high end, the worst in its low end.
        int best = 0, worst = 0;
        for (int i = 0; i < r.points().size(); i++) {
            if (r.points().get(i).metric("quality.mean") > r.points().get(best).metric("quality.mean")) best = i;
            if (r.points().get(i).metric("quality.mean") < r.points().get(worst).metric("quality.mean")) worst = i;
        }
        assertEquals(
                ScatterPlot.SHADE_HIGH, view.plot().shadeOf(r.points().get(best).metric("quality.mean")));
        assertEquals(
                ScatterPlot.SHADE_LOW, view.plot().shadeOf(r.points().get(worst).metric("quality.mean")));

        // Quality on the y axis instead: cost against quality, maximised, two objectives.
        javafx.scene.control.ComboBox<String> y = robot.lookup("#latencyChoice").query();
        assertTrue(y.getItems().contains(ExploreViewModel.QUALITY));
        robot.interact(() -> y.setValue(ExploreViewModel.QUALITY));
        SweepAnalysis q = vm.analysisProperty().get();
        assertEquals(
                List.of("cost_usd.per_1k_requests", "quality.mean"),
                q.objectives().stream().map(o -> o.path()).toList());
        // Every front point: no other point is at most as dear and at least as good.
        for (int i = 0; i < r.points().size(); i++) {
            if (!q.pareto()[i]) continue;
            for (int j = 0; j < r.points().size(); j++) {
                PointResult pi = r.points().get(i), pj = r.points().get(j);
                boolean dominated = pj.metric("cost_usd.per_1k_requests") <= pi.metric("cost_usd.per_1k_requests")
                        && pj.metric("quality.mean") >= pi.metric("quality.mean")
                        && (pj.metric("cost_usd.per_1k_requests") < pi.metric("cost_usd.per_1k_requests")
                                || pj.metric("quality.mean") > pi.metric("quality.mean"));
                assertFalse(dominated, "front point " + i + " dominated by " + j);
            }
        }
    }

    /** The synthetic results with a quality that grows with cost, plus noise. */
    static SweepResult withQuality(SweepResult r) {
        Random rnd = new Random(1);
        List<PointResult> pts = new ArrayList<>();
        for (PointResult p : r.points()) {
            ObjectNode metrics = p.metrics().deepCopy();
            metrics.putObject("quality")
                    .put("mean", 0.6 + 0.04 * p.metric(ExploreViewModel.COST) + 0.05 * rnd.nextDouble());
            pts.add(new PointResult(p.index(), p.config(), p.seed(), metrics));
        }
        return new SweepResult(r.scenario(), r.paths(), r.method(), r.seed(), r.replicationsPerPoint(), pts);
    }

    static SweepResult synthetic(int n, long seed) {
        Random rnd = new Random(seed);
        List<PointResult> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double t = rnd.nextDouble();
            double cost = 1 + 4 * t + rnd.nextDouble() * 2;
            double p99 = 200 + 800 * (1 - t) * (1 - t) + rnd.nextDouble() * 300;
            ObjectNode config = JSON.createObjectNode().put("x", i % 100).put("y", i / 100);
            ObjectNode metrics = JSON.createObjectNode();
            // Total cost not proportional to cost per 1k requests, so the two x axes give different fronts.
            metrics.putObject("cost_usd")
                    .put("per_1k_requests", cost)
                    .put("per_hour", cost * 3.6)
                    .put("total", cost * (1 + (i % 7)));
            metrics.putObject("latency_ms")
                    .put("p50", p99 / 3)
                    .put("p95", p99 * 0.8)
                    .put("p99", p99);
            pts.add(new PointResult(i, config, 1000 + i, metrics));
        }
        return new SweepResult("synthetic", List.of("x", "y"), "random", 1, 1, pts);
    }

    /** Whether no other point is within twice the pick radius of point i on screen. */
    private boolean alone(SweepAnalysis a, int i) {
        ScatterPlot plot = view.plot();
        List<PointResult> pts = a.result().points();
        double px = plot.toPixelX(pts.get(i).metric(ExploreViewModel.COST)),
                py = plot.toPixelY(pts.get(i).metric(vm.latencyPath()));
        for (int j = 0; j < pts.size(); j++) {
            if (j == i) continue;
            double dx = plot.toPixelX(pts.get(j).metric(ExploreViewModel.COST)) - px;
            double dy = plot.toPixelY(pts.get(j).metric(vm.latencyPath())) - py;
            if (Math.hypot(dx, dy) <= 2 * ScatterPlot.PICK_RADIUS) return false;
        }
        return true;
    }

    private Point2D onScreen(double cost, double latency) throws Exception {
        return fxGet(() -> view.plot()
                .canvas()
                .localToScreen(view.plot().toPixelX(cost), view.plot().toPixelY(latency)));
    }

    private static String value(List<DetailRow> rows, String field) {
        return rows.stream()
                .filter(r -> r.field().equals(field))
                .findFirst()
                .orElseThrow()
                .selected();
    }

    private static String compared(List<DetailRow> rows, String field) {
        return rows.stream()
                .filter(r -> r.field().equals(field))
                .findFirst()
                .orElseThrow()
                .compared();
    }

    private static <T> T fxGet(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
