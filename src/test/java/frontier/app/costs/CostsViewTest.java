package frontier.app.costs;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.app.MainWindow;
import frontier.app.costs.CostBreakdown.Metric;
import frontier.app.data.BillingSession;
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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Costs screen on a workspace holding the official FOCUS 1.0 sample: the daily stacked chart adds
 * up to the workspace totals, the cost lines narrow when searched or filtered, and the totals by
 * pricing model are those of {@code frontier costs}.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
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
            w.importFile(focus, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
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
            List<CostRow> rows = w.costs(new CostQuery(List.of(), from == null ? null : day(from), to == null ? null : day(to.plusDays(1))));
            assertEquals(1, rows.size());
            return m == Metric.EFFECTIVE ? rows.getFirst().effective() : rows.getFirst().billed();
        }
    }

    private static double plotted(StackedBarChart<String, Number> chart) {
        return chart.getData().stream().flatMap(s -> s.getData().stream()).mapToDouble(d -> d.getYValue().doubleValue()).sum();
    }

    @Test
    void dailyChartByPricingModelAddsUpToTheWorkspaceTotalForTheRange(FxRobot robot) throws Exception {
        CostsViewModel vm = view.viewModel();
        StackedBarChart<String, Number> chart = robot.lookup("#costChart").query();
        waitUntil(() -> !chart.getData().isEmpty());
        assertEquals("Effective cost (USD)", chart.getYAxis().getLabel());
        assertEquals("Day (UTC, 2024)", chart.getXAxis().getLabel());
        assertTrue(chart.isLegendVisible());
        assertEquals(List.of("On-demand", "Commitment", "Serverless", "Other", "Not specified"), chart.getData().stream().map(XYChart.Series::getName).toList());
        assertEquals(30, ((javafx.scene.chart.CategoryAxis) chart.getXAxis()).getCategories().size(), "every day of September 2024");
        CostBreakdown.Chart c = vm.chartProperty().get();
        assertEquals(0, workspaceTotal(Metric.EFFECTIVE, null, null).compareTo(c.total()), "segments add up exactly");
        assertEquals(c.total().doubleValue(), plotted(chart), 1e-9);

        // The tallest on-demand segment: day, group and the exact amount in its tooltip.
        XYChart.Data<String, Number> tallest = chart.getData().getFirst().getData().stream()
                .max(java.util.Comparator.comparingDouble(d -> d.getYValue().doubleValue())).orElseThrow();
        String day = "2024-" + tallest.getXValue();
        BigDecimal exact = c.series().getFirst().values().get(day);
        robot.moveTo(tallest.getNode());
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Tooltip t && t.isShowing()
                && t.getText().equals(day + " — On-demand\n" + exact.stripTrailingZeros().toPlainString() + " USD (effective cost)")));

        LocalDate from = LocalDate.of(2024, 9, 10);
        LocalDate to = LocalDate.of(2024, 9, 19);
        robot.interact(() -> {
            vm.fromProperty().set(from);
            vm.toProperty().set(to);
        });
        waitUntil(() -> ((javafx.scene.chart.CategoryAxis) chart.getXAxis()).getCategories().size() == 10);
        assertEquals(0, workspaceTotal(Metric.EFFECTIVE, from, to).compareTo(vm.chartProperty().get().total()));
        robot.clickOn("#metricBilled");
        waitUntil(() -> vm.chartProperty().get().metric() == Metric.BILLED && "Billed cost (USD)".equals(chart.getYAxis().getLabel()));
        assertEquals(0, workspaceTotal(Metric.BILLED, from, to).compareTo(vm.chartProperty().get().total()));
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
        assertEquals(List.of("(untagged)", "dev", "prod"), chart.getData().stream().map(XYChart.Series::getName).sorted().toList());
        assertEquals(0, workspaceTotal(Metric.EFFECTIVE, null, null).compareTo(vm.chartProperty().get().total()));
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

        TableColumn<CostLine, ?> provider = table.getColumns().stream().filter(c -> c.getText().equals("Provider")).findFirst().orElseThrow();
        robot.interact(() -> {
            view.linesFilter().unSelectAllValues(provider);
            view.linesFilter().selectValue(provider, "Microsoft");
            view.linesFilter().executeFilter();
        });
        waitUntil(() -> table.getItems().size() == 51);
        assertTrue(table.getItems().stream().allMatch(l -> l.provider().equals("Microsoft")));
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
            CostBreakdown.Total t = shown.stream().filter(x -> x.model() == m).findFirst().orElseThrow();
            assertSame(g, t);
        }
        CostBreakdown.Total total = shown.getLast();
        assertTrue(total.isTotal());
        assertSame(json.get("total"), total);
        assertTrue(robot.lookup("Not specified").tryQuery().isPresent());
    }

    private static void assertSame(JsonNode expected, CostBreakdown.Total t) {
        assertEquals(expected.get("currency").asText(), t.currency());
        assertEquals(0, new BigDecimal(expected.get("billed_cost").asText()).compareTo(t.billed()), t.label() + " billed");
        assertEquals(0, new BigDecimal(expected.get("effective_cost").asText()).compareTo(t.effective()), t.label() + " effective");
        assertEquals(0, new BigDecimal(expected.get("list_cost").asText()).compareTo(t.list()), t.label() + " list");
        assertEquals(expected.get("lines").asLong(), t.lines());
    }

    @Test
    void aLargeSelectionIsShownAPageAtATime(FxRobot robot) throws Exception {
        // 12,000 one-cent lines over three days: more than two pages.
        StringBuilder b = new StringBuilder("BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                + "ChargeCategory,PricingCategory,ProviderName,ServiceName\n");
        for (int i = 0; i < 12_000; i++) {
            int d = 1 + i / 4000;
            b.append(String.format("0.01,0.01,2024-10-%02dT00:00:00Z,2024-10-%02dT01:00:00Z,EUR,acct,Usage,Standard,AWS,Service %d%n", d, d, i % 20));
        }
        Path csv = Files.writeString(dir.resolve("big.csv"), b);
        Path big = dir.resolve("big-" + System.nanoTime() + ".sqlite");
        try (Workspace w = Workspace.open(big)) {
            w.importFile(csv, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        }
        CostsViewModel[] holder = new CostsViewModel[1];
        robot.interact(() -> holder[0] = new CostsViewModel(new BillingSession(big)));
        CostsViewModel vm = holder[0];
        try {
            waitUntil(() -> vm.lines().size() == CostsViewModel.PAGE && vm.lineCountProperty().get() == 12_000);
            assertEquals("Lines 1–5,000 of 12,000 (5,000 per page)", vm.linesNoteProperty().get());
            assertEquals(3, vm.pages());
            robot.interact(() -> vm.pageProperty().set(2));
            waitUntil(() -> vm.lines().size() == 2_000);
            assertEquals("Lines 10,001–12,000 of 12,000 (5,000 per page)", vm.linesNoteProperty().get());
            robot.interact(() -> vm.stackByProperty().set(Grouping.of(Dimension.SERVICE)));
            waitUntil(() -> vm.chartProperty().get() != null && vm.chartProperty().get().series().size() == CostBreakdown.TOP + 1);
            assertEquals("EUR", vm.chartProperty().get().currency());
            assertEquals(0, new BigDecimal("120").compareTo(vm.chartProperty().get().total()));
            robot.interact(() -> vm.searchProperty().set("Service 17"));
            waitUntil(() -> vm.pageProperty().get() == 0 && vm.lineCountProperty().get() == 600 && vm.lines().size() == 600);
            assertTrue(vm.lines().stream().allMatch(l -> Objects.equals(l.service(), "Service 17")));
        } finally {
            vm.shutdown();
        }
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
