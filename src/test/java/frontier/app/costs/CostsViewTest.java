package frontier.app.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.MainWindow;
import frontier.app.data.BillingSession;
import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.ImportMonitor;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Costs screen on a workspace holding the FOCUS 1.0 sample: totals by pricing model, chart with units, legend and tooltips. */
@ExtendWith(ApplicationExtension.class)
class CostsViewTest {
    @TempDir
    static Path dir;

    private CostsView view;

    @Start
    void start(Stage stage) {
        Path focus = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        Path ws = dir.resolve("ws-" + System.nanoTime() + ".sqlite");
        try (Workspace w = Workspace.open(ws)) {
            w.importFile(focus, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        }
        view = new CostsView(new BillingSession(ws));
        stage.setScene(new MainWindow(List.of(view)).createScene(1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        view.viewModel().shutdown();
    }

    @Test
    void totalsByPricingModelAndMonthlyChart(FxRobot robot) throws Exception {
        TableView<CostRow> table = robot.lookup("#costTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 5);
        List<String> shown = table.getItems().stream().map(r -> CostsView.display(Dimension.PRICING_MODEL, r.keys().getFirst())).toList();
        assertEquals(List.of("Commitment", "On-demand", "Other", "Serverless", "Not specified"), shown);
        waitUntil(() -> robot.lookup("On-demand").tryQuery().isPresent());
        assertTrue(robot.lookup("Pricing model").tryQuery().isPresent(), "column named after the grouping");
        long rows = table.getItems().stream().mapToLong(CostRow::rows).sum();
        assertEquals(1000, rows);

        StackedBarChart<String, Number> chart = robot.lookup("#costChart").query();
        waitUntil(() -> !chart.getData().isEmpty());
        assertEquals("Effective cost (amortized) (USD)", chart.getYAxis().getLabel());
        assertTrue(chart.getXAxis().getLabel().startsWith("Month"));
        assertTrue(chart.isLegendVisible());
        assertEquals(List.of("On-demand", "Commitment", "Serverless", "Other", "Not specified"), chart.getData().stream().map(s -> s.getName()).toList());
        Node bar = chart.getData().getFirst().getData().getFirst().getNode();
        robot.moveTo(bar);
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Tooltip t && t.isShowing()
                && t.getText().startsWith("2024-09 — On-demand") && t.getText().contains("USD")));

        robot.interact(() -> view.viewModel().groupByProperty().set(Dimension.PROVIDER));
        waitUntil(() -> table.getItems().size() == 3 && "AWS".equals(table.getItems().getFirst().keys().getFirst()));
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
