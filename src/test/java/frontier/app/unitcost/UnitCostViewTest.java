package frontier.app.unitcost;

import static frontier.app.FxWait.waitUntil;
import static frontier.app.unitcost.UnitCostWorkspace.DAYS;
import static frontier.app.unitcost.UnitCostWorkspace.DROP;
import static frontier.app.unitcost.UnitCostWorkspace.FIRST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.series.Anomalies;
import frontier.analysis.series.Forecast;
import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.store.UnitCostRow;
import frontier.testing.FxAppExtension;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Unit cost screen on workspaces built in the test ({@link UnitCostWorkspace}): a line per endpoint,
 * the injected anomaly ringed in red with expected and actual in its tooltip, a shaded forecast band
 * continuing the selected line for 30 or 90 days, the tiles and table, and an empty state that says
 * what to import and goes away when the workspace changes.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class UnitCostViewTest {
    @TempDir
    static Path dir;

    private BillingSession session;
    private UnitCostView view;
    private Path ws;

    @Start
    void start(Stage stage) {
        ws = dir.resolve("ws-" + System.nanoTime() + ".sqlite");
        session = new BillingSession(ws);
        view = new UnitCostView(session);
        stage.setScene(new MainWindow(List.of(view)).createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        view.viewModel().shutdown();
    }

    /** Fills the (so far missing) workspace with the bill and logs and tells the view. */
    private void fill(FxRobot robot) throws Exception {
        UnitCostWorkspace.importBill(ws);
        UnitCostWorkspace.insertRequests(ws);
        robot.interact(session::changed);
        waitUntil(() -> view.viewModel().forecastProperty().get() != null
                && view.chart().bandShown());
    }

    @Test
    void linesPerEndpointRingTheInjectedAnomalyAndShadeTheForecast(FxRobot robot) throws Exception {
        fill(robot);
        UnitCostChart chart = view.chart();
        UnitCostViewModel vm = view.viewModel();
        UnitCostDashboard d = vm.dashboardProperty().get();
        assertEquals("USD per 1,000 requests", chart.yLabel());
        assertEquals(
                List.of(
                        "chat (1 unusual)",
                        "embed",
                        "All endpoints (total) (1 unusual)",
                        "forecast and 90% interval",
                        "unusual day"),
                robot.lookup("#unitCostLegend").queryAs(javafx.scene.layout.FlowPane.class).getChildren().stream()
                        .map(n -> ((Label) n).getText())
                        .toList());
        assertEquals("chat", vm.forecastOfProperty().get(), "the largest line is forecast first");
        assertEquals("chat", vm.selectedEndpointProperty().get());
        assertEquals(1, fx(chart::rings));

        // The ring: red pixels on a circle of radius 7 around the anomaly's point.
        Anomalies.Day drop = d.find("chat").anomalies().flagged().getFirst();
        assertEquals(DROP, drop.date());
        double ax = fx(() -> chart.toPixelX(DROP)), ay = fx(() -> chart.toPixelY(drop.value()));
        PixelReader px = snapshot(chart);
        assertTrue(reddest(px, ax, ay - 7) > 0.5, "red ring above the point");
        assertTrue(reddest(px, ax + 7, ay) > 0.5, "red ring right of the point");
        assertTrue(reddest(px, ax, ay + 30) < 0.2, "no red away from the ring");

        // The band: inside the interval, the chat colour over white; above it, not.
        Forecast.Result f = vm.forecastProperty().get();
        assertEquals(30, f.points().size());
        Forecast.Point mid = f.points().get(15);
        double bx = fx(() -> chart.toPixelX(mid.date()));
        double inside = fx(() -> chart.toPixelY((mid.point() + mid.upper()) / 2));
        double above = fx(() -> chart.toPixelY(mid.upper())) - 8;
        Color band = px.getColor((int) bx, (int) inside);
        assertTrue(
                band.getBlue() - band.getRed() > 0.08 && band.getRed() < 0.95,
                "shaded blue inside the interval: " + band);
        Color out = px.getColor((int) bx, (int) above);
        assertTrue(out.getBlue() - out.getRed() < 0.05, "not shaded above the interval: " + out);

        // Tooltips: a history point (day, endpoint, value, requests, cost; expected vs actual) and a forecast point.
        robot.moveTo(screen(chart, ax, ay));
        waitUntil(() -> chart.tooltip().isShowing());
        String tip = chart.tooltip().getText();
        assertTrue(tip.startsWith(DROP + " (Wed) — chat\n"), tip);
        assertTrue(tip.contains("8.0000 USD per 1,000 requests\n6,000 requests, cost 48.00 USD"), tip);
        // Expected: about 48 / 20,000 × 1,000 = 2.4 (a weekday); actual 48 / 6,000 × 1,000 = 8.
        assertTrue(
                java.util.regex.Pattern.compile(
                                "\nUnusual day: expected 2\\.[34]\\d+, actual 8\\.0000 \\(\\+\\d+\\.\\d σ\\)$")
                        .matcher(tip)
                        .find(),
                tip);
        String forecastTip = fx(() -> chart.describeAt(bx, chart.toPixelY(mid.point())));
        assertTrue(
                forecastTip.startsWith(mid.date() + " (")
                        && forecastTip.contains("forecast of chat")
                        && forecastTip.contains("90% prediction interval"),
                forecastTip);

        // 90 days: the band reaches 90 days past the last day, inside the plot.
        robot.clickOn("#horizon90");
        waitUntil(() -> vm.forecastProperty().get() != null
                && vm.forecastProperty().get().points().size() == 90);
        LocalDate end = FIRST.plusDays(DAYS + 89);
        waitUntil(() -> {
            double right = chart.canvas().getWidth() - UnitCostChart.RIGHT;
            return chart.toPixelX(end) < right && chart.toPixelX(end) > right - 10;
        });
        assertTrue(fx(chart::bandShown));
    }

    @Test
    void forecastFollowsTheChosenLineAndTheTotal(FxRobot robot) throws Exception {
        fill(robot);
        UnitCostViewModel vm = view.viewModel();
        Node embed = robot.lookup("#unitCostLegend").queryAs(javafx.scene.layout.FlowPane.class).getChildren().stream()
                .filter(n -> "embed".equals(n.getUserData()))
                .findFirst()
                .orElseThrow();
        robot.clickOn(embed);
        waitUntil(() -> "embed".equals(vm.forecastOfProperty().get())
                && vm.forecastProperty().get() != null);
        assertEquals("embed", vm.selectedEndpointProperty().get());
        assertEquals("embed", robot.lookup("#forecastOf").queryComboBox().getValue());
        // About 2,000 / 4,000 = 0.5 per 1,000 requests (±3% noise: ±0.015): embed's own forecast, not chat's (about
        // 2.4).
        assertEquals(0.5, vm.forecastProperty().get().points().getFirst().point(), 0.05);
        assertEquals(1, fx(view.chart()::rings), "chat's ring stays; embed has no unusual day");

        robot.interact(() -> robot.lookup("#forecastOf").queryComboBox().setValue(UnitCostDashboard.TOTAL));
        waitUntil(() -> UnitCostDashboard.TOTAL.equals(vm.forecastOfProperty().get())
                && vm.forecastProperty().get() != null
                && view.chart().bandShown());
        // The total is drawn now, and the drop is unusual in it too: 50 / 10,000 requests against about 50 / 24,000.
        assertEquals(2, fx(view.chart()::rings));
        assertEquals("embed", vm.selectedEndpointProperty().get(), "the total is not an endpoint");
        assertEquals(DAYS, vm.dashboardProperty().get().total().points().size());
    }

    @Test
    void oneClickReportIsSelfContainedHtmlAndAPdfOfOneToThreePagesWithTheNumbersTheTilesShow(FxRobot robot)
            throws Exception {
        fill(robot);
        assertFalse(robot.lookup("#unitCostReport").queryButton().isDisabled());
        Path html = dir.resolve("unit-cost-report.html");
        robot.interact(() -> {
            try {
                view.writeReport(html);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String page = java.nio.file.Files.readString(html);
        assertTrue(
                page.startsWith("<!DOCTYPE html>") && page.contains("<figure><svg"),
                "self-contained, the chart inline as SVG");
        assertFalse(
                page.replace("http://www.w3.org/", "").matches("(?s).*(src|href)=\"https?:.*"),
                "nothing fetched from elsewhere");
        assertTrue(page.contains("What do 1,000 requests cost, by endpoint"), "the question");
        assertTrue(page.contains("2,100.00 USD"), "the attributed cost the tile shows");
        assertTrue(page.contains("210.00 USD"), "the unattributed cost, reported apart");
        assertTrue(page.contains("The dearest endpoint is chat"), "the finding: chat is dearer per request than embed");
        assertTrue(page.contains("prediction interval"), "the forecast with its interval");
        assertTrue(page.contains(DROP.toString()), "the injected unusual day is listed");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(
                dir.resolve("unit-cost-report.pdf").toFile())) {
            assertTrue(pdf.getNumberOfPages() >= 1 && pdf.getNumberOfPages() <= 3, pdf.getNumberOfPages() + " pages");
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            assertTrue(
                    text.contains("Assumptions") && text.contains("Not modelled") && text.contains("2,100.00 USD"),
                    text);
        }
    }

    @Test
    void tilesAndTableSummariseTheWorkspace(FxRobot robot) throws Exception {
        fill(robot);
        assertEquals("2,100.00 USD", text(robot, "#tileCost"));
        assertEquals("210.00 USD", text(robot, "#tileUnattributed"));
        assertTrue(text(robot, "#tileUnattributedHint").contains("lines no rule claims"));
        UnitCostRow total = view.viewModel().dashboardProperty().get().totals();
        assertEquals(String.format(java.util.Locale.US, "%,d", total.requests()), text(robot, "#tileRequests"));
        assertEquals(UnitCostChart.money(total.per1kRequests().doubleValue()) + " USD", text(robot, "#tilePer1k"));
        assertTrue(text(robot, "#tileIdle").endsWith("%"));

        TableView<UnitCostRow> table = robot.lookup("#unitCostTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 2);
        TableColumn<UnitCostRow, ?> per1k = table.getColumns().stream()
                .filter(c -> c.getText().equals("Per 1k requests"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> {
            per1k.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(per1k));
        });
        assertEquals("embed", table.getItems().getFirst().keys().get("endpoint"), "embed is cheaper per request");
        robot.interact(() -> per1k.setSortType(TableColumn.SortType.DESCENDING));
        assertEquals("chat", table.getItems().getFirst().keys().get("endpoint"));
        robot.interact(() -> table.getSelectionModel().select(1));
        waitUntil(
                () -> "embed".equals(view.viewModel().selectedEndpointProperty().get())
                        && "embed".equals(view.viewModel().forecastOfProperty().get()));

        Button twin = robot.lookup("#makeTwin").queryButton();
        assertEquals("Make a twin…", twin.getText());
        assertTrue(twin.isDisabled());
    }

    @Test
    void forecastCaptionIsInPlainWordsWithTheModelInItsTooltip(FxRobot robot) throws Exception {
        fill(robot);
        Label note = robot.lookup("#forecastNote").queryAs(Label.class);
        String text = note.getText();
        assertTrue(
                text.startsWith("Forecast for chat: ")
                        && text.contains(" USD per 1,000 requests by ")
                        && text.contains("9 in 10 days between"),
                text);
        assertFalse(
                text.contains("α") || text.contains("Holt") || text.contains("σ"),
                "no model parameters in the caption: " + text);
        assertTrue(
                note.getTooltip() != null && note.getTooltip().getText().contains("α = "),
                "the parameters are in the tooltip");
    }

    @Test
    void logScaleGivesEqualRatiosEqualHeights(FxRobot robot) throws Exception {
        fill(robot);
        UnitCostChart chart = view.chart();
        double linear = fx(() -> (chart.toPixelY(1) - chart.toPixelY(2)) / (chart.toPixelY(2) - chart.toPixelY(3)));
        assertEquals(1, linear, 1e-9, "linear: equal steps, equal heights");
        robot.clickOn("#unitCostLogScale");
        waitUntil(chart::logScale);
        double ratio = fx(() -> (chart.toPixelY(1) - chart.toPixelY(2)) / (chart.toPixelY(2) - chart.toPixelY(4)));
        assertEquals(1, ratio, 1e-9, "log: 1 to 2 as tall as 2 to 4");
        robot.clickOn("#unitCostLogScale");
        waitUntil(() -> !chart.logScale());
        assertTrue(UnitCostChart.logTicks(-1, 1.5).length > 2);
    }

    @Test
    void emptyStateSaysWhatToImportUntilTheWorkspaceHasBillAndLogs(FxRobot robot) throws Exception {
        Node empty = robot.lookup("#unitCostEmptyState").query();
        waitUntil(() -> empty.isVisible() && text(robot, "#unitCostEmpty").startsWith("No bill and no inference logs"));
        assertFalse(robot.lookup("#unitCostChartBox").query().isVisible());

        UnitCostWorkspace.importBill(ws);
        robot.interact(session::changed);
        waitUntil(() -> text(robot, "#unitCostEmpty").contains("a bill but no inference logs"));
        assertTrue(empty.isVisible());
        assertEquals("2,100.00 USD", text(robot, "#tileCost"), "the bill's figures show already");

        UnitCostWorkspace.insertRequests(ws);
        robot.interact(session::changed);
        waitUntil(() -> !empty.isVisible()
                && view.viewModel().dashboardProperty().get().series().size() == 2);
        assertTrue(robot.lookup("#unitCostChartBox").query().isVisible());
    }

    @Test
    void copyChartFromTheRightClickMenuPutsThePrintResolutionChartWithItsRingOnTheClipboard(FxRobot robot)
            throws Exception {
        fill(robot);
        UnitCostChart chart = view.chart();
        double w = fx(chart::chartWidth), h = fx(chart::chartHeight);
        robot.rightClickOn(chart.canvas());
        robot.clickOn("Copy chart");
        javafx.scene.image.Image image =
                fx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getImage());
        assertTrue(
                image != null && image.getWidth() >= 2 * w && image.getHeight() >= 2 * h,
                "clipboard image " + (image == null ? null : image.getWidth() + "x" + image.getHeight()) + " for a " + w
                        + "x" + h + " chart");
        assertTrue(fx(() -> view.viewModel().statusProperty().get()).startsWith("Copied the chart"));

        // The export is the same drawing: the anomaly's red ring, 2x, below the caption's header.
        Anomalies.Day drop = view.viewModel()
                .dashboardProperty()
                .get()
                .find("chat")
                .anomalies()
                .flagged()
                .getFirst();
        double ax = fx(() -> chart.toPixelX(DROP)), ay = fx(() -> chart.toPixelY(drop.value()));
        java.awt.image.BufferedImage png = fx(() -> frontier.app.ChartExport.image(chart, view.chartCaption(), 2));
        PixelReader px = javafx.embed.swing.SwingFXUtils.toFXImage(png, null).getPixelReader();
        double top = 50; // ChartExport's header
        assertTrue(reddest(px, 2 * ax, 2 * (top + ay - 7)) > 0.5, "red ring above the point, at 2x");

        String svg = fx(() -> frontier.app.ChartExport.svg(chart, view.chartCaption()));
        assertTrue(svg.contains("Unit cost: USD per 1,000 requests per day by endpoint"), "title in the SVG");
        assertTrue(svg.contains("ws-") && svg.contains("prices as of"), "workspace and source line in the SVG");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static PixelReader snapshot(UnitCostChart chart) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> chart.canvas().snapshot(null, null))
                .get(10, TimeUnit.SECONDS);
        return img.getPixelReader();
    }

    /** The largest "redness" (red minus the larger of green and blue) within 2 px of (x, y). */
    private static double reddest(PixelReader p, double x, double y) {
        double best = -1;
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                Color c = p.getColor((int) Math.round(x) + dx, (int) Math.round(y) + dy);
                best = Math.max(best, c.getRed() - Math.max(c.getGreen(), c.getBlue()));
            }
        }
        return best;
    }

    private static Point2D screen(UnitCostChart chart, double x, double y) throws Exception {
        return fx(() -> chart.canvas().localToScreen(x, y));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
