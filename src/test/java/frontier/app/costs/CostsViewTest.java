package frontier.app.costs;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.app.costs.CostBreakdown.Metric;
import frontier.cli.CliRun;
import frontier.domain.PricingModel;
import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import frontier.store.CostLine;
import frontier.store.CostQuery;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.ImportMonitor;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import frontier.testing.FxAppExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
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
 * The Costs screen on a workspace holding the official FOCUS 1.0 sample: the daily stacked chart adds
 * up to the workspace totals, the cost lines narrow when searched or filtered, and the totals by
 * pricing model are those of {@code frontier costs}.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class CostsViewTest {
    @TempDir
    static Path dir;

    static Path ws;

    private CostsView view;

    @BeforeAll
    static void importSample() {
        Path focus = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        ws = dir.resolve("focus.sqlite");
        try (Workspace w = Workspace.open(ws)) {
            w.billing().importFile(focus, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        }
    }

    @Start
    void start(Stage stage) {
        view = new CostsView(new BillingSession(ws));
        stage.setScene(new MainWindow(List.of(view)).createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        view.viewModel().shutdown();
    }

    private static long day(LocalDate d) {
        return d.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** The workspace's own total (one currency: USD) of the metric for [from, to] (inclusive days; null for open). */
    private static BigDecimal workspaceTotal(Metric m, LocalDate from, LocalDate to) {
        try (Workspace w = Workspace.open(ws)) {
            List<CostRow> rows = w.costs()
                    .totals(new CostQuery(
                            List.of(), from == null ? null : day(from), to == null ? null : day(to.plusDays(1))));
            assertEquals(1, rows.size());
            return m == Metric.EFFECTIVE
                    ? rows.getFirst().effective()
                    : rows.getFirst().billed();
        }
    }

    private static double plotted(StackedBarChart<String, Number> chart) {
        return chart.getData().stream()
                .flatMap(s -> s.getData().stream())
                .mapToDouble(d -> d.getYValue().doubleValue())
                .sum();
    }

    @Test
    void costChartExportsAsPngAtTwiceItsSizeAndVectorSvgWithWorkspacePeriodAndLegend(FxRobot robot) throws Exception {
        StackedBarChart<String, Number> chart = robot.lookup("#costChart").query();
        waitUntil(() -> !chart.getData().isEmpty() && chart.getWidth() > 300);
        frontier.app.ChartCaption caption =
                WaitForAsyncUtils.asyncFx(view::chartCaption).get();
        assertTrue(caption.title().startsWith("Daily effective cost by"), caption.title());
        assertTrue(
                caption.subtitle().contains(ws.getFileName().toString())
                        && caption.subtitle().contains("2024-09-01 to 2024-09-30")
                        && caption.subtitle().contains("USD"),
                caption.subtitle());
        Path png = dir.resolve("costs.png");
        Path svg = dir.resolve("costs.svg");
        robot.interact(() -> {
            try {
                frontier.app.ChartExport.writePng(view.picture(), caption, png);
                frontier.app.ChartExport.writeSvg(view.picture(), caption, svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(
                image.getWidth() >= 2 * chart.getWidth() && image.getHeight() >= 2 * chart.getHeight(),
                image.getWidth() + " × " + image.getHeight());
        String text = java.nio.file.Files.readString(svg);
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        String content =
                f.newDocumentBuilder().parse(svg.toFile()).getDocumentElement().getTextContent();
        assertTrue(text.contains("<path") && text.contains("<text") && !text.contains("<image"), "vector, no bitmap");
        for (String expected : List.of("Effective cost (USD)", "Day (UTC, 2024)", "On-demand", "Commitment", "Sep")) {
            assertTrue(content.contains(expected), expected + " in the SVG");
        }
    }

    @Test
    void dailyChartByPricingModelAddsUpToTheWorkspaceTotalForTheRange(FxRobot robot) throws Exception {
        CostsViewModel vm = view.viewModel();
        StackedBarChart<String, Number> chart = robot.lookup("#costChart").query();
        waitUntil(() -> !chart.getData().isEmpty());
        assertEquals("Effective cost (USD)", chart.getYAxis().getLabel());
        assertEquals("Day (UTC, 2024)", chart.getXAxis().getLabel());
        assertTrue(chart.isLegendVisible());
        assertEquals(
                List.of("On-demand", "Commitment", "Serverless", "Other", "Not specified"),
                chart.getData().stream().map(XYChart.Series::getName).toList());
        assertEquals(
                30,
                ((javafx.scene.chart.CategoryAxis) chart.getXAxis())
                        .getCategories()
                        .size(),
                "every day of September 2024");
        CostBreakdown.Chart c = vm.chartProperty().get();
        assertEquals(0, workspaceTotal(Metric.EFFECTIVE, null, null).compareTo(c.total()), "segments add up exactly");
        assertEquals(c.total().doubleValue(), plotted(chart), 1e-9);

        // The tallest on-demand segment: day, group and the exact amount in its tooltip.
        XYChart.Data<String, Number> tallest = chart.getData().getFirst().getData().stream()
                .max(java.util.Comparator.comparingDouble(d -> d.getYValue().doubleValue()))
                .orElseThrow();
        assertTrue(tallest.getXValue().matches("\\d{1,2} Sep"), "a date on the time axis: " + tallest.getXValue());
        String day = c.buckets()
                .get(((javafx.scene.chart.CategoryAxis) chart.getXAxis())
                        .getCategories()
                        .indexOf(tallest.getXValue()));
        BigDecimal exact = c.series().getFirst().values().get(day);
        robot.moveTo(tallest.getNode());
        waitUntil(() -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Tooltip t
                        && t.isShowing()
                        && t.getText()
                                .startsWith(day + " — On-demand\n"
                                        + exact.stripTrailingZeros().toPlainString() + " USD (effective cost)\n")));

        LocalDate from = LocalDate.of(2024, 9, 10);
        LocalDate to = LocalDate.of(2024, 9, 19);
        robot.interact(() -> {
            vm.fromProperty().set(from);
            vm.toProperty().set(to);
        });
        waitUntil(() -> ((javafx.scene.chart.CategoryAxis) chart.getXAxis())
                        .getCategories()
                        .size()
                == 10);
        assertEquals(
                0,
                workspaceTotal(Metric.EFFECTIVE, from, to)
                        .compareTo(vm.chartProperty().get().total()));
        robot.clickOn("#metricBilled");
        waitUntil(() -> vm.chartProperty().get().metric() == Metric.BILLED
                && "Billed cost (USD)".equals(chart.getYAxis().getLabel()));
        assertEquals(
                0,
                workspaceTotal(Metric.BILLED, from, to)
                        .compareTo(vm.chartProperty().get().total()));
        assertEquals(vm.chartProperty().get().total().doubleValue(), plotted(chart), 1e-9);
    }

    @Test
    void manyGroupsShowTheLargestEightAndTheRestAsOne(FxRobot robot) throws Exception {
        CostsViewModel vm = view.viewModel();
        StackedBarChart<String, Number> chart = robot.lookup("#costChart").query();
        robot.interact(() -> vm.stackByProperty().set(Grouping.of(Dimension.SERVICE)));
        waitUntil(() -> chart.getData().size() == CostBreakdown.TOP + 1);
        CostBreakdown.Chart c = vm.chartProperty().get();
        assertEquals(33, c.groups(), "services in the sample");
        assertEquals("All other 25 services", chart.getData().getLast().getName());
        assertTrue(c.series().getLast().others());
        assertEquals(0, workspaceTotal(Metric.EFFECTIVE, null, null).compareTo(c.total()), "nothing lost in 'other'");
        assertTrue(robot.lookup(".chart-title").queryAs(Label.class).getText().contains("largest 8 of 33"));

        waitUntil(() -> vm.tagKeys().contains("environment"));
        robot.interact(() -> vm.stackByProperty().set(Grouping.tag("environment")));
        waitUntil(() -> chart.getData().size() == 3);
        assertEquals(
                List.of("(untagged)", "dev", "prod"),
                chart.getData().stream().map(XYChart.Series::getName).sorted().toList());
        assertEquals(
                0,
                workspaceTotal(Metric.EFFECTIVE, null, null)
                        .compareTo(vm.chartProperty().get().total()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void searchAndColumnFiltersNarrowTheCostLines(FxRobot robot) throws Exception {
        TableView<CostLine> table = robot.lookup("#linesTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 1000);
        assertEquals(14 - 1, table.getColumns().size());
        robot.clickOn("#linesSearch").write("oracle").type(KeyCode.ENTER);
        waitUntil(() -> table.getItems().size() == 7);
        assertTrue(table.getItems().stream().allMatch(l -> l.provider().equals("Oracle")));
        assertTrue(robot.lookup("#linesNote").queryAs(Label.class).getText().startsWith("7 lines matching"));
        robot.interact(() -> view.viewModel().searchProperty().set(""));
        waitUntil(() -> table.getItems().size() == 1000);

        // The Provider column's header menu lists the providers with their lines; choosing one narrows everything.
        TableColumn<CostLine, ?> provider = table.getColumns().stream()
                .filter(c -> c.getText().equals("Provider"))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> provider.getContextMenu().show(table.getScene().getWindow()));
        waitUntil(() -> provider.getContextMenu().getItems().stream()
                .anyMatch(i -> "Only Microsoft (51 lines)".equals(i.getText())));
        javafx.scene.control.MenuItem microsoft = provider.getContextMenu().getItems().stream()
                .filter(i -> "Only Microsoft (51 lines)".equals(i.getText()))
                .findFirst()
                .orElseThrow();
        robot.interact(() -> {
            provider.getContextMenu().hide();
            microsoft.fire();
        });
        CostsViewModel vm = view.viewModel();
        waitUntil(() -> table.getItems().size() == 51
                && vm.lineCountProperty().get() == 51
                && vm.breakdownProperty().get().lines() == 51);
        assertTrue(table.getItems().stream().allMatch(l -> l.provider().equals("Microsoft")));
        assertEquals("Provider ▾", provider.getText(), "the header says the column filters the view");
        assertEquals(51, vm.totals().getLast().lines(), "the totals follow the filter");
        assertEquals(
                0,
                sumOf(table.getItems()).compareTo(vm.chartProperty().get().total()),
                "the chart adds up the listed lines");
        assertTrue(robot.lookup("#costsBreadcrumb").query().isVisible());
        assertEquals(
                "Provider: Microsoft  ✕",
                robot.lookup("#crumbFilter0").queryButton().getText());

        // The search narrows the same way, on top of the filter; the breadcrumb removes each.
        robot.clickOn("#linesSearch").write("no-such-word").type(KeyCode.ENTER);
        waitUntil(() -> vm.lineCountProperty().get() == 0
                && vm.breakdownProperty().get().lines() == 0
                && table.getItems().isEmpty());
        assertEquals(List.of(), vm.totals(), "no line, no total");
        robot.clickOn("#crumbFilter0");
        waitUntil(() -> vm.filters().isEmpty()
                && vm.breakdownProperty().get().lines()
                        == vm.lineCountProperty().get()
                && table.getItems().size() == vm.lineCountProperty().get());
        robot.clickOn("#crumbSearch");
        waitUntil(() ->
                table.getItems().size() == 1000 && vm.breakdownProperty().get().lines() == 1000);
        assertFalse(robot.lookup("#costsBreadcrumb").query().isVisible());
    }

    private static BigDecimal sumOf(List<CostLine> lines) {
        return lines.stream()
                .map(CostLine::effective)
                .filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void clickingABarShowsOnlyItsLinesAndTheTotalsFollowTheStacking(FxRobot robot) throws Exception {
        CostsViewModel vm = view.viewModel();
        StackedBarChart<String, Number> chart = robot.lookup("#costChart").query();
        robot.interact(() -> vm.stackByProperty().set(Grouping.of(Dimension.SERVICE)));
        waitUntil(() ->
                chart.getData().size() == CostBreakdown.TOP + 1 && vm.totals().size() == 33 + 1);
        assertEquals(
                "Totals by service",
                robot.lookup("#totalsTitle").queryAs(Label.class).getText());
        assertEquals(
                "Service",
                robot.lookup("#totalsTable")
                        .queryTableView()
                        .getColumns()
                        .getFirst()
                        .getText());
        assertEquals(1000, vm.totals().getLast().lines());

        // The largest service's tallest bar: its day and service only.
        CostBreakdown.Series top = vm.chartProperty().get().series().getFirst();
        XYChart.Series<String, Number> first = chart.getData().getFirst();
        XYChart.Data<String, Number> tallest = first.getData().stream()
                .max(java.util.Comparator.comparingDouble(d -> d.getYValue().doubleValue()))
                .orElseThrow();
        LocalDate day = LocalDate.parse(vm.chartProperty()
                .get()
                .buckets()
                .get(((javafx.scene.chart.CategoryAxis) chart.getXAxis())
                        .getCategories()
                        .indexOf(tallest.getXValue())));
        BigDecimal amount = top.values().get(day.toString());
        robot.clickOn(tallest.getNode());
        waitUntil(() -> day.equals(vm.fromProperty().get())
                && day.equals(vm.toProperty().get())
                && vm.filters().size() == 1
                && vm.chartProperty().get() != null
                && vm.chartProperty().get().series().size() == 1);
        assertEquals(Grouping.of(Dimension.SERVICE), vm.filters().getFirst().by());
        assertEquals(top.key(), vm.filters().getFirst().value());
        waitUntil(() -> vm.lineCountProperty().get()
                        == vm.breakdownProperty().get().lines()
                && table(robot).getItems().size() == vm.lineCountProperty().get());
        assertEquals(0, amount.compareTo(vm.chartProperty().get().total()), "the bar's amount is all that is left");
        assertEquals(0, amount.compareTo(sumOf(table(robot).getItems())), "and it is the sum of the listed lines");
        assertTrue(table(robot).getItems().stream().allMatch(l -> top.key().equals(l.service())));
        assertEquals(2, vm.totals().size(), "one service and the total");
        assertEquals(day + "  ✕", robot.lookup("#crumbDates").queryButton().getText());
        for (String id : List.of("#costsFrom", "#costsTo")) {
            javafx.scene.control.TextField date = robot.lookup(id)
                    .queryAs(javafx.scene.control.DatePicker.class)
                    .getEditor();
            javafx.scene.text.Text whole = new javafx.scene.text.Text(date.getText());
            whole.setFont(date.getFont());
            double room = date.getWidth()
                    - date.getInsets().getLeft()
                    - date.getInsets().getRight();
            assertTrue(
                    room >= whole.getLayoutBounds().getWidth(),
                    id + " shows its whole date " + date.getText() + ": " + room + " px for "
                            + whole.getLayoutBounds().getWidth());
        }

        robot.clickOn("#crumbClearAll");
        waitUntil(() -> vm.filters().isEmpty()
                && vm.fromProperty().get() == null
                && vm.breakdownProperty().get().lines() == 1000
                && table(robot).getItems().size() == 1000);
    }

    private static TableView<CostLine> table(FxRobot robot) {
        return robot.lookup("#linesTable").queryTableView();
    }

    @Test
    void totalsByPricingModelAreThoseOfTheCli(FxRobot robot) throws Exception {
        TableView<CostBreakdown.Total> table = robot.lookup("#totalsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 6);
        CliRun run = CliRun.of("costs", "--workspace", ws.toString(), "--by", "pricing-model", "--json");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<CostBreakdown.Total> shown = table.getItems();
        assertEquals(json.get("groups").size() + 1, shown.size(), "one row per pricing model and the total");
        for (JsonNode g : json.get("groups")) {
            PricingModel m = PricingModel.stored(g.get("pricing_model").asText());
            CostBreakdown.Total t =
                    shown.stream().filter(x -> x.model() == m).findFirst().orElseThrow();
            assertSame(g, t);
        }
        CostBreakdown.Total total = shown.getLast();
        assertTrue(total.isTotal());
        assertSame(json.get("total"), total);
        assertTrue(robot.lookup("Not specified").tryQuery().isPresent());
    }

    private static void assertSame(JsonNode expected, CostBreakdown.Total t) {
        assertEquals(expected.get("currency").asText(), t.currency());
        assertEquals(
                0, new BigDecimal(expected.get("billed_cost").asText()).compareTo(t.billed()), t.label() + " billed");
        assertEquals(
                0,
                new BigDecimal(expected.get("effective_cost").asText()).compareTo(t.effective()),
                t.label() + " effective");
        assertEquals(0, new BigDecimal(expected.get("list_cost").asText()).compareTo(t.list()), t.label() + " list");
        assertEquals(expected.get("lines").asLong(), t.lines());
    }

    @Test
    void aLargeSelectionIsShownAPageAtATime(FxRobot robot) throws Exception {
        // 12,000 one-cent lines over three days: more than two pages.
        StringBuilder b = new StringBuilder(
                "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                        + "ChargeCategory,PricingCategory,ProviderName,ServiceName\n");
        for (int i = 0; i < 12_000; i++) {
            int d = 1 + i / 4000;
            b.append(String.format(
                    "0.01,0.01,2024-10-%02dT00:00:00Z,2024-10-%02dT01:00:00Z,EUR,acct,Usage,Standard,AWS,Service %d%n",
                    d, d, i % 20));
        }
        Path csv = Files.writeString(dir.resolve("big.csv"), b);
        Path big = dir.resolve("big-" + System.nanoTime() + ".sqlite");
        try (Workspace w = Workspace.open(big)) {
            w.billing().importFile(csv, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        }
        CostsViewModel[] holder = new CostsViewModel[1];
        robot.interact(() -> holder[0] = new CostsViewModel(new BillingSession(big)));
        CostsViewModel vm = holder[0];
        try {
            waitUntil(() -> vm.lines().size() == CostsViewModel.PAGE
                    && vm.lineCountProperty().get() == 12_000);
            assertEquals(
                    "Lines 1–5,000 of 12,000 (5,000 per page)",
                    vm.linesNoteProperty().get());
            assertEquals(3, vm.pages());
            robot.interact(() -> vm.pageProperty().set(2));
            waitUntil(() -> vm.lines().size() == 2_000);
            assertEquals(
                    "Lines 10,001–12,000 of 12,000 (5,000 per page)",
                    vm.linesNoteProperty().get());
            robot.interact(() -> vm.stackByProperty().set(Grouping.of(Dimension.SERVICE)));
            waitUntil(() -> vm.chartProperty().get() != null
                    && vm.chartProperty().get().series().size() == CostBreakdown.TOP + 1);
            assertEquals("EUR", vm.chartProperty().get().currency());
            assertEquals(
                    0, new BigDecimal("120").compareTo(vm.chartProperty().get().total()));
            robot.interact(() -> vm.searchProperty().set("Service 17"));
            waitUntil(() -> vm.pageProperty().get() == 0
                    && vm.lineCountProperty().get() == 600
                    && vm.lines().size() == 600);
            assertTrue(vm.lines().stream().allMatch(l -> Objects.equals(l.service(), "Service 17")));
        } finally {
            vm.shutdown();
        }
    }
}
