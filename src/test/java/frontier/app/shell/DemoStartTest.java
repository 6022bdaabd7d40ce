package frontier.app.shell;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.app.WorkbenchView;
import frontier.app.costs.CostsView;
import frontier.app.data.DataView;
import frontier.app.data.ImportEntry;
import frontier.testing.FxAppExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The app's first start: with no workspace used before, the Data and Costs views are on the demo
 * workspace, which is created with a progress message in the Data view, and then its costs are charted.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class DemoStartTest {
    @TempDir
    static Path dir;

    private Path demo;
    private BillingSession session;
    private DataView data;
    private CostsView costs;
    private MainWindow window;
    private WorkbenchView first;

    @Start
    void start(Stage stage) {
        Label label = new Label("first");
        first = new WorkbenchView() {
            @Override
            public String title() {
                return "First";
            }

            @Override
            public Node node() {
                return label;
            }
        };
        demo = dir.resolve("home-" + System.nanoTime() + "/.frontier/demo.sqlite");
        session = new BillingSession(BillingSession.startWorkspace(
                null, List.of(dir.resolve("deleted-since.sqlite")), demo.resolveSibling("workspace.sqlite"), demo));
        data = new DataView(session);
        costs = new CostsView(session);
        window = new MainWindow(List.of(first, data, costs));
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        data.viewModel().shutdown();
        costs.viewModel().shutdown();
    }

    @Test
    void firstStartCreatesTheDemoWithProgressThenShowsItsCosts(FxRobot robot) throws Exception {
        assertEquals(demo, session.workspace(), "nothing used before (or it is gone): the demo");
        List<String> messages = new CopyOnWriteArrayList<>();
        robot.interact(() -> {
            data.viewModel().statusProperty().addListener((obs, was, now) -> messages.add(now));
            FrontierApp.startOnDemo(demo, data, costs, window, true);
        });
        assertEquals(data, selected(robot), "the Data view shows the progress");
        waitUntil(120, () -> data.viewModel().statusProperty().get().startsWith("Created the demo workspace " + demo));
        assertTrue(
                messages.stream().anyMatch(m -> m.startsWith("Creating the demo workspace demo.sqlite: simulating")),
                messages.toString());
        waitUntil(30, () -> selected(robot) == costs);

        TableView<ImportEntry> imports =
                robot.from(data.node()).lookup("#importTable").queryTableView();
        waitUntil(30, () -> imports.getItems().size() == 2);
        assertEquals("FOCUS 1.2", imports.getItems().getFirst().format());
        assertEquals(
                List.of("billing", "requests"),
                imports.getItems().stream().map(ImportEntry::kind).toList(),
                "the demo's bill and its request log");
        // The Costs view builds its chart once the workspace it opens in the background has answered.
        waitUntil(30, () -> robot.lookup("#costChart").tryQuery().isPresent());
        StackedBarChart<String, Number> chart = robot.lookup("#costChart").query();
        waitUntil(30, () -> !chart.getData().isEmpty());
        waitUntil(30, () -> costs.viewModel().totals().size() == 4);
        assertEquals(
                List.of("On-demand", "Spot", "Serverless"),
                chart.getData().stream().map(s -> s.getName()).toList());
        assertEquals(
                31,
                ((javafx.scene.chart.CategoryAxis) chart.getXAxis())
                        .getCategories()
                        .size(),
                "every day of October 2026");
        assertEquals(
                demo.toAbsolutePath().normalize(), session.recent().list().getFirst(), "remembered like any workspace");

        // The next start finds the demo there: nothing is created again and the view stays where it is.
        robot.interact(() -> window.show(first));
        int revision = session.revisionProperty().get();
        robot.interact(() -> FrontierApp.startOnDemo(demo, data, costs, window, true));
        waitUntil(30, () -> !data.viewModel().runningProperty().get());
        assertEquals(first, selected(robot));
        assertEquals(revision, session.revisionProperty().get());
        assertEquals(2, imports.getItems().size());
    }

    private static Object selected(FxRobot robot) {
        ListView<?> nav = robot.lookup("#navigation").queryListView();
        return nav.getSelectionModel().getSelectedItem();
    }
}
