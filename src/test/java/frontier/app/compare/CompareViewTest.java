package frontier.app.compare;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.SweepAnalysis;
import frontier.app.MainWindow;
import frontier.app.explore.DetailRow;
import frontier.app.explore.ExploreView;
import frontier.app.explore.ExploreViewModel;
import frontier.app.simulate.SimulateViewModel;
import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.alternatives.CompareMetric;
import frontier.scenario.sweep.SweepRunner;
import frontier.testing.FxAppExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
import org.testfx.util.WaitForAsyncUtils;

/** The Compare screen driven like a user: alternatives made with the form, run, compared, then explored around. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class CompareViewTest {
    /** Three g5.xlarge at 30% load with a queue of 4: the baseline serves every request; one instance cannot. */
    private static final String FLEET = """
            {"name": "small chat", "traffic": {"type": "poisson", "rate_per_s": 3.6},
             "pools": [{"type": "always_on", "name": "gpu", "instances": 3, "concurrency": 4, "queue_capacity": 4,
                        "model": {"name": "llama-8b", "service": {"type": "lognormal", "mean": 1.0, "cv": 0.5}},
                        "price": {"provider": "aws", "instance_type": "g5.xlarge"}}],
             "run": {"duration_s": 900, "warmup_s": 60, "replications": 2, "seed": 5}}
            """;

    @TempDir
    static Path dir;

    private SimulateViewModel simulate;
    private ExploreViewModel explore;
    private CompareViewModel vm;
    private CompareView view;
    private ExploreView exploreView;

    @BeforeAll
    static void write() throws IOException {
        Files.writeString(dir.resolve("small-chat.json"), FLEET);
        Files.writeString(dir.resolve("long.json"), FLEET.replace("\"duration_s\": 900", "\"duration_s\": 50000000"));
    }

    @Start
    void start(Stage stage) {
        simulate = new SimulateViewModel(dir, new ScenarioRunner(2));
        explore = new ExploreViewModel(dir.resolve("sweeps"), new SweepRunner(2));
        vm = new CompareViewModel(new ScenarioRunner(2), PriceCatalogue.shipped());
        view = new CompareView(vm);
        exploreView = new ExploreView(explore);
        MainWindow window = new MainWindow(List.of(view, exploreView));
        CompareView.install(view, simulate, explore, window, exploreView);
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        vm.shutdown();
        explore.shutdown();
        simulate.shutdown();
    }

    @Test
    void alternativesMadeInTheFormAreComparedWithTheBaselineAndACheaperOneThatDropsRequestsSaysSo(FxRobot robot)
            throws Exception {
        robot.interact(() -> simulate.open(dir.resolve("small-chat.json")));
        assertEquals(
                "Baseline: small chat",
                robot.lookup("#compareTitle").queryLabeled().getText());

        // Spot + on-demand fallback (the kind's default choice). The form is filled for the new baseline on the FX
        // thread after the title: let it settle before clicking (a full run's click once missed the box).
        WaitForAsyncUtils.waitForFxEvents();
        clickInView(robot, "#kindCheck");
        robot.clickOn("#addAlternative");
        // One instance: a third of the cost, but too few for the load.
        clickInView(robot, "#instancesCheck");
        Spinner<?> spinner = robot.lookup("#instancesSpinner").queryAs(Spinner.class);
        robot.interact(() -> spinner.getValueFactory().setValue(cast(1)));
        robot.clickOn("#addAlternative");
        // Keep-alive on an always-on pool cannot be made: refused with the reason, nothing added.
        clickInView(robot, "#keepAliveCheck");
        robot.clickOn("#addAlternative");
        assertTrue(
                robot.lookup("#compareStatus")
                        .queryLabeled()
                        .getText()
                        .contains("keep-alive is for serverless and autoscaled pools"),
                robot.lookup("#compareStatus").queryLabeled().getText());
        assertEquals(2, vm.alternatives().size());

        robot.clickOn("#runCompare");
        waitUntil(
                240,
                () -> !vm.runningProperty().get() && vm.comparisonProperty().get() != null);
        assertTrue(
                robot.lookup("#compareStatus").queryLabeled().getText().startsWith("Done"),
                robot.lookup("#compareStatus").queryLabeled().getText());
        assertEquals(1.0, vm.progressProperty().get(), 1e-9);

        List<CompareRow> rows = view.table().getItems();
        assertEquals(3, rows.size());
        assertEquals("", rows.get(0).dropWarning(), "the baseline serves every request");
        CompareRow one = rows.get(2);
        assertTrue(one.dropWarning().startsWith("drops "), one.dropWarning());
        assertTrue(
                one.cell(CompareMetric.COST_PER_MONTH).contains("\n−$1,469"),
                "a third of the baseline's monthly cost: " + one.cell(CompareMetric.COST_PER_MONTH));
        // The warning is part of the cost cells the table shows, and of the chart's label of that bar.
        String shown = fx(() -> (String) view.table().getColumns().stream()
                .filter(c -> ("col-" + CompareMetric.COST_PER_MONTH.name()).equals(c.getId()))
                .findFirst()
                .orElseThrow()
                .getCellData(2));
        assertTrue(shown.contains("⚠ drops"), shown);
        List<String> labels = fx(() -> view.chart().labels());
        assertEquals(3, labels.size());
        assertFalse(labels.get(0).contains("⚠"), labels.get(0));
        assertTrue(labels.get(2).contains("⚠ drops"), labels.get(2));
        assertTrue(rows.get(1).cell(CompareMetric.INTERRUPTIONS).length() > 0);
        assertTrue(
                rows.get(1).name().startsWith("Spot + on-demand fallback"),
                rows.get(1).name());

        // The one-click report: HTML with the chart inline, a PDF of 1-3 pages beside it; the dropping alternative is
        // never
        // recommended and its drops are in the report.
        assertFalse(robot.lookup("#compareReport").query().isDisabled());
        Path html = dir.resolve("comparison-report.html");
        robot.interact(() -> {
            try {
                view.writeReport(html);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        int recommended = CompareReport.recommended(vm.comparisonProperty().get());
        assertTrue(recommended != 2, "an alternative that drops requests is not recommended");
        String page = Files.readString(html);
        assertTrue(
                page.startsWith("<!DOCTYPE html>") && page.contains("<figure><svg"),
                "self-contained, the chart inline as SVG");
        assertFalse(
                page.replace("http://www.w3.org/", "").matches("(?s).*(src|href)=\"https?:.*"),
                "nothing fetched from elsewhere");
        assertTrue(
                page.contains("Which of these 2 alternatives serves the traffic of \u201csmall chat\u201d"),
                "the question");
        assertTrue(page.contains(recommended == 0 ? "Keep the baseline" : "Switch to"), "the recommendation");
        assertTrue(page.contains("2. " + rows.get(2).name() + ": Not served"), "drops among the key numbers");
        assertTrue(page.contains("g5.xlarge") || page.contains("prices as of"), "prices and their date");
        assertTrue(page.contains("Traffic: poisson, rate_per_s 3.6"), "the traffic");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(
                dir.resolve("comparison-report.pdf").toFile())) {
            assertTrue(pdf.getNumberOfPages() >= 1 && pdf.getNumberOfPages() <= 3, pdf.getNumberOfPages() + " pages");
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(text.contains("drops ") && text.contains("Not modelled") && text.contains("Assumptions"), text);
        }
        // The chart exports like every other: PNG at twice its size, SVG with its bars' words.
        frontier.app.ChartCaption caption = fx(view::caption);
        assertTrue(
                caption.subtitle().contains("small-chat.json")
                        && caption.subtitle().contains("2 alternatives"),
                caption.subtitle());
        String svg = fx(() -> frontier.app.ChartExport.svg(view.chart(), caption));
        assertTrue(svg.contains("<path") || svg.contains("<rect"), "vector bars");
        assertTrue(svg.contains("drops"), "the drop warning is in the exported chart");
        java.awt.image.BufferedImage png =
                fx(() -> frontier.app.ChartExport.image(view.chart(), caption, frontier.app.ChartExport.PRINT_SCALE));
        assertTrue(png.getWidth() >= 2 * fx(() -> view.chart().chartWidth()), "PNG at print resolution");
    }

    @Test
    void cancellingAComparisonStopsItAndShowsNoResults(FxRobot robot) throws Exception {
        robot.interact(() -> simulate.open(dir.resolve("long.json")));
        robot.clickOn("#instancesCheck");
        robot.clickOn("#addAlternative");
        robot.clickOn("#runCompare");
        waitUntil(60, () -> vm.progressProperty().get() > 0);
        robot.clickOn("#cancelCompare");
        waitUntil(60, () -> !vm.runningProperty().get());
        assertTrue(
                robot.lookup("#compareStatus").queryLabeled().getText().startsWith("Cancelled"),
                robot.lookup("#compareStatus").queryLabeled().getText());
        assertEquals(null, vm.comparisonProperty().get());
    }

    @Test
    void exploreAroundAnAlternativeBuildsASweepWithoutJsonAndExploreShowsFieldLabelsAndTheDrawnStatus(FxRobot robot)
            throws Exception {
        robot.interact(() -> simulate.open(dir.resolve("small-chat.json")));
        robot.clickOn("#kindCheck");
        robot.clickOn("#addAlternative");
        robot.clickOn("#runCompare");
        waitUntil(
                240,
                () -> !vm.runningProperty().get() && vm.comparisonProperty().get() != null);
        robot.interact(() -> view.table().getSelectionModel().select(1));
        robot.clickOn("#exploreAround");
        // The spot pool's instances, 1 to 4 (the default range around its 3).
        robot.clickOn("#sweep_pools_0_instances");
        retype(robot, "#a_pools_0_instances", "1");
        retype(robot, "#b_pools_0_instances", "4");
        robot.clickOn("#sweepOk");
        waitUntil(
                240,
                () -> !explore.runningProperty().get()
                        && explore.analysisProperty().get() != null);
        SweepAnalysis a = explore.analysisProperty().get();
        assertEquals(4, a.result().points().size());
        assertTrue(exploreView.node().getScene() != null && exploreView.node().getParent() != null, "Explore is shown");

        robot.interact(() -> explore.selectedProperty().set(0));
        WaitForAsyncUtils.waitForFxEvents();
        List<DetailRow> details = exploreView.details().getItems();
        assertTrue(details.stream().anyMatch(r -> r.field().equals("Spot instances")), details.toString());
        assertFalse(details.stream().anyMatch(r -> r.field().startsWith("pools[")), details.toString());
        String status = details.stream()
                .filter(r -> r.field().equals("Status"))
                .findFirst()
                .orElseThrow()
                .selected();
        // The status in the details is the status the point is drawn with, for every point.
        for (int i = 0; i < a.result().points().size(); i++) {
            int k = i;
            robot.interact(() -> explore.selectedProperty().set(k));
            WaitForAsyncUtils.waitForFxEvents();
            String drawn = fx(() -> exploreView.plot().drawnStatus(k));
            String said = exploreView.details().getItems().stream()
                    .filter(r -> r.field().equals("Status"))
                    .findFirst()
                    .orElseThrow()
                    .selected();
            assertTrue(
                    said.equals(drawn) || said.startsWith(drawn + ",") || said.startsWith(drawn + " —"),
                    "point " + k + ": drawn " + drawn + ", details " + said);
            assertEquals(
                    fx(() -> exploreView.plot().drawnAsDropping(k)),
                    said.contains("⚠ drops"),
                    "point " + k + ": " + said);
        }
        assertFalse(status.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    /**
     * Replaces a field's text as a user does: click into it, select all, type. (A double-click to select is
     * read as two clicks on a loaded machine, and the typing then lands beside the old text.)
     */
    private static void retype(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.interact(() -> robot.lookup(id)
                .queryAs(javafx.scene.control.TextInputControl.class)
                .selectAll());
        robot.write(text);
    }

    /**
     * Scrolls the form so that {@code id} is in view, as a user would, then clicks it. The form's changes sit in a
     * scroll pane, below the fold at 1280×720 once the one-click rules above them are long; a click on a node outside
     * the viewport lands on whatever is drawn there (a full run once "clicked" a keep-alive box it could not see).
     */
    private static void clickInView(FxRobot robot, String id) {
        javafx.scene.Node node = robot.lookup(id).query();
        robot.interact(() -> {
            for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (!(p instanceof javafx.scene.control.ScrollPane pane)) continue;
                javafx.scene.Node content = pane.getContent();
                double contentH = content.getBoundsInLocal().getHeight();
                double viewH = pane.getViewportBounds().getHeight();
                if (contentH <= viewH) continue;
                javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double top = pane.getVvalue() * (contentH - viewH);
                if (b.getMinY() < top || b.getMaxY() > top + viewH) {
                    double want = Math.max(0, Math.min(contentH - viewH, b.getMinY() - 8));
                    pane.setVvalue(want / (contentH - viewH));
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(id);
    }
}
