package frontier.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.app.capacity.CapacityView;
import frontier.app.capacity.CapacityViewModel;
import frontier.app.compare.CompareView;
import frontier.app.compare.CompareViewModel;
import frontier.app.costs.CostsView;
import frontier.app.data.DataView;
import frontier.app.explore.ExploreView;
import frontier.app.explore.ExploreViewModel;
import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.sweep.SweepRunner;
import frontier.testing.FxAppExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * "No truncated text without a tooltip" for the column titles: at 1280×720 every column header of the main views'
 * tables (and the Capacity window's) carries a tooltip with the column's whole title, and the key short columns
 * that used to be elided ("Curre…", "Inst…", "USD/1…", "Break-…") show their whole title.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class ColumnHeaderTooltipsTest {
    @TempDir
    static Path dir;

    private MainWindow window;
    private CapacityView capacity;
    private SimulateViewModel simulate;
    private ExploreViewModel explore;
    private CompareViewModel compare;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        BillingSession billing = new BillingSession(dir.resolve("w.sqlite"));
        simulate = new SimulateViewModel(dir, new ScenarioRunner(1));
        explore = new ExploreViewModel(dir, new SweepRunner(1));
        compare = new CompareViewModel(new ScenarioRunner(1), PriceCatalogue.shipped());
        window = new MainWindow(List.of(
                new SimulateView(simulate),
                new CompareView(compare),
                new ExploreView(explore),
                new DataView(billing),
                new CostsView(billing),
                new UnitCostView(billing)));
        capacity = new CapacityView(new CapacityViewModel(new ScenarioRunner(1)));
        stage.setScene(window.createScene(1280, 720));
        stage.show();
    }

    @AfterEach
    void stop() {
        simulate.shutdown();
        explore.shutdown();
        compare.shutdown();
    }

    @Test
    void everyColumnHeaderOfTheMainTablesHasItsWholeTitleInATooltip(FxRobot robot) {
        List<String> checked = new ArrayList<>();
        for (WorkbenchView v : window.views()) {
            robot.interact(() -> window.show(v));
            FxAppExtension.settle();
            checked.addAll(checkHeaders(window.root(), v.title()));
        }
        robot.interact(() -> stage.getScene().setRoot(new javafx.scene.layout.StackPane(capacity.node())));
        FxAppExtension.settle();
        for (javafx.scene.control.Tab tab : robot.lookup(".tab-pane")
                .queryAs(javafx.scene.control.TabPane.class)
                .getTabs()) {
            robot.interact(() -> tab.getTabPane().getSelectionModel().select(tab));
            FxAppExtension.settle();
            checked.addAll(checkHeaders(stage.getScene().getRoot(), "Capacity"));
        }
        for (String title : List.of("Currency", "Break-even", "USD/1M out", "USD/1k req", "Alternative"))
            assertTrue(checked.stream().anyMatch(c -> c.endsWith("/" + title)), title + " checked among " + checked);
    }

    @Test
    void theShortColumnsThatWereElidedAt1280ShowTheirWholeTitle(FxRobot robot) {
        robot.interact(() -> window.show(window.views().get(4))); // Costs
        FxAppExtension.settle();
        assertWhole(window.root().lookup("#totalsTable"), "Currency");
        robot.interact(() -> stage.getScene().setRoot(new javafx.scene.layout.StackPane(capacity.node())));
        FxAppExtension.settle();
        Node fleets = stage.getScene().getRoot().lookup("#capFleetTable");
        for (String t : List.of("Pricing", "Instances", "USD/h", "USD/1M out", "USD/1k req", "Break-even"))
            assertWhole(fleets, t);
    }

    /** Each header in {@code root}'s visible tables: a tooltip with the column's title; returns "view/title" of each. */
    private static List<String> checkHeaders(Parent root, String where) {
        List<String> seen = new ArrayList<>();
        for (Node table : root.lookupAll(".table-view")) {
            if (!(table instanceof TableView<?>) || !table.isVisible() || table.getScene() == null) continue;
            for (Node n : table.lookupAll(".column-header")) {
                if (!(n instanceof TableColumnHeader h) || h.getTableColumn() == null) continue;
                String title = h.getTableColumn().getText();
                if (title == null || title.isEmpty()) continue;
                Tooltip tip = Widgets.headerTooltip(h);
                assertTrue(tip != null, where + ": column '" + title + "' of " + table.getId() + " has no tooltip");
                assertEquals(title, tip.getText(), where + ": the tooltip is the whole title");
                seen.add(where + "/" + title);
            }
        }
        return seen;
    }

    private static void assertWhole(Node table, String title) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h
                    && h.getTableColumn() != null
                    && title.equals(h.getTableColumn().getText())) {
                Label label = (Label) h.lookup(".label");
                assertFalse(label.isTextTruncated(), "'" + title + "' of " + table.getId() + " is elided at 1280 px");
                return;
            }
        }
        throw new AssertionError("no column '" + title + "' in " + table.getId());
    }
}
