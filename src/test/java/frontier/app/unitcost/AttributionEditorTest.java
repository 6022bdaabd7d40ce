package frontier.app.unitcost;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.store.AttributionPreview;
import frontier.store.AttributionRule;
import frontier.store.AttributionRules;
import frontier.store.Workspace;
import frontier.testing.FxAppExtension;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
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
 * A bill without endpoint tags leads from Unit cost's empty state to the attribution rules editor, where
 * a rule is tested (the lines and cost it would claim, taken from the unattributed cost), added, edited,
 * removed and reset, and Unit cost follows each change.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class AttributionEditorTest {
    @TempDir
    static Path dir;

    private BillingSession session;
    private UnitCostView view;
    private Path ws;

    @Start
    void start(Stage stage) {
        ws = dir.resolve("ws-" + System.nanoTime() + ".sqlite");
        UnitCostWorkspace.importUntaggedBill(ws);
        UnitCostWorkspace.insertRequests(ws);
        session = new BillingSession(ws);
        view = new UnitCostView(session);
        stage.setScene(new MainWindow(List.of(view)).createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            if (view.attributionEditor() != null)
                ((Stage) view.attributionEditor().node().getScene().getWindow()).close();
        });
        view.viewModel().shutdown();
    }

    private static List<AttributionRule> stored(Path ws) {
        try (Workspace w = Workspace.open(ws)) {
            return w.attribution().list();
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void anUntaggedBillLeadsToTheEditorWhereARuleIsTestedAddedEditedAndReset(FxRobot robot) throws Exception {
        waitUntil(() -> view.viewModel().dashboardProperty().get() != null
                && view.viewModel().dashboardProperty().get().isEmpty());
        assertTrue(text(robot, "#unitCostEmpty").contains("Attribution rules…"), text(robot, "#unitCostEmpty"));
        assertFalse(text(robot, "#unitCostEmpty").contains("frontier "), "no CLI command in the app");
        Button open = robot.lookup("#emptyRulesButton").queryButton();
        assertTrue(open.isVisible());
        robot.clickOn(open);
        waitUntil(() -> view.attributionEditor() != null);
        AttributionViewModel vm = view.attributionEditor().viewModel();
        TableView<AttributionRule> rules = robot.lookup("#attributionRules").queryTableView();
        waitUntil(() -> rules.getItems().size() == 2);
        assertEquals(AttributionRules.DEFAULTS, rules.getItems(), "the defaults are listed while none is stored");
        assertTrue(robot.lookup("#attributionDefaults").query().isVisible());

        // The form says what is missing in the app's words.
        robot.interact(
                () -> robot.lookup("#ruleField").queryAs(ChoiceBox.class).setValue(AttributionRule.Match.RESOURCE_ID));
        robot.clickOn("#ruleTest");
        assertEquals("Give the endpoint, the model or both that the cost goes to.", text(robot, "#ruleError"));

        // Test: resource i-chat → endpoint chat claims the 42 chat lines, all taken from the unattributed cost.
        robot.doubleClickOn("#rulePattern").write("i-ch?t");
        robot.clickOn("#ruleEndpoint").write("chat");
        robot.clickOn("#ruleTest");
        waitUntil(() -> vm.previewProperty().get() != null);
        AttributionPreview p = vm.previewProperty().get();
        assertEquals(UnitCostWorkspace.DAYS, p.lines());
        assertEquals(0, new java.math.BigDecimal("2016").compareTo(p.cost().get("USD")), "42 days × 48.00");
        assertEquals(1, p.taken().size());
        assertEquals(null, p.taken().getFirst().rule(), "taken from no rule: the lines are unattributed today");
        assertTrue(
                text(robot, "#previewSummary").startsWith("Would claim 42 lines, 2,016.00 USD."),
                text(robot, "#previewSummary"));
        assertTrue(text(robot, "#previewSummary").contains("from the unattributed cost"));
        TableView<AttributionPreview.Line> lines = robot.lookup("#previewLines").queryTableView();
        assertEquals(UnitCostWorkspace.DAYS, lines.getItems().size());
        assertTrue(lines.getItems().stream()
                .allMatch(l -> "i-chat".equals(l.resourceId()) && "chat".equals(l.endpoint())));
        assertEquals(List.of(), stored(ws), "testing stores nothing");

        // Add: stored after the defaults, and Unit cost now has attributed cost to chart.
        robot.clickOn("#ruleSave");
        waitUntil(() -> vm.rules().size() == 3 && !vm.defaultsProperty().get());
        assertEquals(3, stored(ws).size(), "the defaults are stored with the new rule");
        assertEquals("i-ch?t", stored(ws).get(2).pattern());
        waitUntil(() -> view.viewModel().dashboardProperty().get() != null
                && !view.viewModel().dashboardProperty().get().isEmpty());
        assertEquals("2,016.00 USD", text(robot, "#tileCost"));

        // Edit it: a second rule for the embeddings function, tested in place of the first; it takes nothing from chat.
        robot.interact(() -> rules.getSelectionModel().select(2));
        robot.clickOn("#attributionEdit");
        assertEquals("Rule 3", text(robot, "#attributionFormTitle"));
        robot.doubleClickOn("#rulePattern").eraseText(6).write("*");
        robot.clickOn("#ruleTest");
        waitUntil(() -> vm.previewProperty().get() != null
                && vm.previewedProperty().get().pattern().equals("*"));
        assertEquals(
                3 * UnitCostWorkspace.DAYS,
                vm.previewProperty().get().lines(),
                "* claims every line with a resource id");
        robot.clickOn("#ruleSave");
        waitUntil(() -> stored(ws).size() == 3 && stored(ws).get(2).pattern().equals("*"));
        waitUntil(() -> "0 USD".equals(text(robot, "#tileUnattributed")));

        // Move it first, then remove it, then reset to the defaults.
        robot.interact(() -> rules.getSelectionModel().select(2));
        robot.clickOn("#attributionUp");
        waitUntil(() -> stored(ws).get(1).pattern().equals("*"));
        robot.interact(() -> rules.getSelectionModel().select(1));
        robot.clickOn("#attributionRemove");
        waitUntil(() -> stored(ws).size() == 2);
        robot.clickOn("#attributionReset");
        waitUntil(() -> vm.defaultsProperty().get() && stored(ws).isEmpty());
        waitUntil(() -> view.viewModel().dashboardProperty().get().isEmpty());
    }

    @Test
    void onAShortScreenTheEditorScrollsToTheLinesTheRuleWouldClaimInsteadOfCuttingThemOff(FxRobot robot)
            throws Exception {
        waitUntil(() -> view.viewModel().dashboardProperty().get() != null);
        robot.interact(() -> view.openAttribution());
        waitUntil(() -> view.attributionEditor() != null);
        Stage window = (Stage) view.attributionEditor().node().getScene().getWindow();
        // What a 1280 × 720 screen leaves it.
        robot.interact(() -> {
            window.setWidth(900);
            window.setHeight(640);
        });
        FxAppExtension.settle();
        javafx.scene.Scene scene = window.getScene();
        assertTrue(
                scene.getRoot().minHeight(scene.getWidth()) <= scene.getHeight(),
                "nothing is cut: the window's content needs at least "
                        + scene.getRoot().minHeight(scene.getWidth()) + " px of " + scene.getHeight());
        javafx.scene.control.ScrollPane scroll =
                robot.lookup("#attributionScroll").query();
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        FxAppExtension.settle();
        javafx.scene.Node preview = robot.lookup("#previewLines").query();
        double bottom = preview.localToScene(preview.getLayoutBounds()).getMaxY();
        assertTrue(bottom <= scene.getHeight() + 0.5, "the preview's bottom is in view: " + bottom);
    }

    @Test
    void theTagKeyBoxIsThereOnlyForATagRuleAndTabSkipsItOtherwise(FxRobot robot) throws Exception {
        waitUntil(() -> view.viewModel().dashboardProperty().get() != null);
        robot.interact(() -> view.openAttribution());
        waitUntil(() -> view.attributionEditor() != null);
        @SuppressWarnings("unchecked")
        ChoiceBox<AttributionRule.Match> field = robot.lookup("#ruleField").queryAs(ChoiceBox.class);
        javafx.scene.Node tagKey = robot.lookup("#ruleTagKey").query();
        javafx.scene.Node pattern = robot.lookup("#rulePattern").query();

        robot.interact(() -> field.setValue(AttributionRule.Match.SERVICE));
        assertFalse(tagKey.isVisible(), "no tag key for a Service rule");
        robot.interact(field::requestFocus);
        robot.type(javafx.scene.input.KeyCode.TAB);
        assertTrue(
                pattern.isFocused(),
                "Tab goes from the field straight to the pattern: "
                        + field.getScene().getFocusOwner());

        robot.interact(() -> field.setValue(AttributionRule.Match.TAG));
        assertTrue(tagKey.isVisible() && !tagKey.isDisabled());
        robot.interact(field::requestFocus);
        robot.type(javafx.scene.input.KeyCode.TAB);
        javafx.scene.Node owner = field.getScene().getFocusOwner();
        assertTrue(owner == tagKey || owner.getParent() == tagKey, "Tab goes to the tag key: " + owner);
    }
}
