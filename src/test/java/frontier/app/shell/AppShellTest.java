package frontier.app.shell;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.About;
import frontier.app.AppMenus;
import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.app.Palette;
import frontier.app.Settings;
import frontier.app.Theme;
import frontier.app.data.DataView;
import frontier.app.explore.ExploreView;
import frontier.app.explore.ExploreViewModel;
import frontier.app.simulate.Example;
import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.sweep.SweepRunner;
import frontier.testing.FxAppExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's shell: menu bar, shortcuts acting on the view shown, the theme chosen and remembered. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class AppShellTest {
    @TempDir
    static Path dir;

    private SimulateViewModel simulate;
    private ExploreViewModel explore;
    private MainWindow window;
    private SimulateView simulateView;
    private ExploreView exploreView;
    private Settings settings;
    private MenuBar bar;

    @BeforeAll
    static void writeScenarios() throws IOException {
        Files.writeString(dir.resolve("short.json"), """
                {"name": "short", "traffic": {"type": "poisson", "rate_per_s": 5},
                 "pool": {"name": "p", "servers": 2, "service": {"type": "exponential", "mean": 0.2}},
                 "run": {"duration_s": 200, "replications": 1, "seed": 1}}
                """);
        Files.writeString(dir.resolve("long.json"), """
                {"name": "long", "traffic": {"type": "poisson", "rate_per_s": 5},
                 "pool": {"name": "p", "servers": 2, "service": {"type": "exponential", "mean": 0.2}},
                 "run": {"duration_s": 5e7, "replications": 1, "seed": 1}}
                """);
    }

    @Start
    void start(Stage stage) {
        simulate = new SimulateViewModel(dir, new ScenarioRunner(1));
        explore = new ExploreViewModel(dir.resolve("sweeps"), new SweepRunner(1));
        simulateView = new SimulateView(simulate);
        exploreView = new ExploreView(explore);
        DataView data = new DataView(new BillingSession(dir.resolve("w.sqlite")));
        window = new MainWindow(List.of(simulateView, exploreView, data));
        settings = Settings.at(dir.resolve("settings.json"));
        AppMenus menus = FrontierApp.menus(window, simulateView, simulate, exploreView, data, stage, null);
        bar = menus.build(
                t -> {
                    window.setTheme(t);
                    settings.setTheme(t);
                },
                stage::close);
        window.setMenuBar(bar);
        stage.setScene(window.createScene(1280, 720));
        menus.installExtraShortcuts(stage.getScene());
        stage.show();
    }

    @AfterEach
    void stop() {
        simulate.shutdown();
        explore.shutdown();
    }

    @AfterAll
    static void backToLight() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
                    Application.setUserAgentStylesheet(null);
                    Palette.use(Theme.LIGHT);
                })
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void menusOfferFileViewRunHelpWithTheirShortcutsShown() {
        assertEquals(
                List.of("_File", "_View", "_Run", "_Help"),
                bar.getMenus().stream().map(Menu::getText).toList());
        MenuItem run = item("runMenuItem");
        assertEquals("Run scenario", run.getText(), "named for the view shown");
        assertEquals("R", run.getAccelerator().getDisplayText().replaceAll(".*\\+", ""));
        assertEquals("Escape", item("cancelMenuItem").getAccelerator().getDisplayText());
        assertTrue(item("saveMenuItem").getAccelerator().getDisplayText().endsWith("S"));
        assertTrue(item("exportMenuItem").getAccelerator().getDisplayText().endsWith("E"));
        assertTrue(run.isDisable(), "nothing to run before a scenario is open");
        assertTrue(item("exportMenuItem").isDisable(), "Simulate has no chart export yet: disabled, not a dead item");
        assertFalse(item("aboutMenuItem").isDisable());
    }

    @Test
    void ctrlRRunsTheScenarioShownF5TooAndEscCancels(FxRobot robot) throws Exception {
        select(robot, "short.json");
        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        waitUntil(() -> simulate.summaryProperty().get() != null
                && !simulate.runningProperty().get());
        assertEquals("short", simulate.summaryProperty().get().scenario());

        select(robot, "long.json");
        robot.push(KeyCode.F5);
        waitUntil(() -> simulate.runningProperty().get());
        assertFalse(item("cancelMenuItem").isDisable());
        robot.push(KeyCode.ESCAPE);
        waitUntil(() -> !simulate.runningProperty().get());
        assertTrue(
                simulate.statusProperty().get().startsWith("Cancelled"),
                simulate.statusProperty().get());

        // In Explore the same items name Explore's actions; with no sweep open they are off.
        fx(() -> {
            window.show(exploreView);
            return null;
        });
        assertEquals("Run sweep", item("runMenuItem").getText());
        assertEquals("Export chart as PNG…", item("exportMenuItem").getText());
        assertTrue(item("runMenuItem").isDisable());
    }

    @Test
    void viewShortcutsAndRunWorkWhileATextFieldHasTheFocus(FxRobot robot) throws Exception {
        // Ctrl+3 to Data, then into its mapping-edits field: the field must not swallow the shortcuts.
        robot.press(KeyCode.CONTROL)
                .press(KeyCode.DIGIT3)
                .release(KeyCode.DIGIT3)
                .release(KeyCode.CONTROL);
        waitUntil(() -> window.shownProperty().get() instanceof DataView);
        robot.clickOn("#logMapEdits");
        waitUntil(() -> robot.lookup("#logMapEdits").query().isFocused());
        robot.press(KeyCode.CONTROL)
                .press(KeyCode.DIGIT1)
                .release(KeyCode.DIGIT1)
                .release(KeyCode.CONTROL);
        waitUntil(() -> window.shownProperty().get() == simulateView);

        // The same from the date picker's editor, with F5 to run once back in Simulate.
        robot.press(KeyCode.CONTROL)
                .press(KeyCode.DIGIT3)
                .release(KeyCode.DIGIT3)
                .release(KeyCode.CONTROL);
        waitUntil(() -> window.shownProperty().get() instanceof DataView);
        robot.clickOn("#logStartPicker");
        robot.press(KeyCode.CONTROL)
                .press(KeyCode.DIGIT2)
                .release(KeyCode.DIGIT2)
                .release(KeyCode.CONTROL);
        waitUntil(() -> window.shownProperty().get() == exploreView);
        robot.press(KeyCode.CONTROL)
                .press(KeyCode.DIGIT1)
                .release(KeyCode.DIGIT1)
                .release(KeyCode.CONTROL);
        select(robot, "short.json");
        robot.push(KeyCode.F5);
        waitUntil(() -> simulate.summaryProperty().get() != null
                && !simulate.runningProperty().get());
        // Typing in a field still types: a shortcut-free key is the field's.
        robot.press(KeyCode.CONTROL)
                .press(KeyCode.DIGIT3)
                .release(KeyCode.DIGIT3)
                .release(KeyCode.CONTROL);
        waitUntil(() -> window.shownProperty().get() instanceof DataView);
        robot.clickOn("#logMapEdits").write("latency=ms");
        assertEquals(
                "latency=ms",
                robot.lookup("#logMapEdits").queryTextInputControl().getText());
    }

    @Test
    void darkThemeRecolorsTheWindowAndTheCanvasChartsAndIsRemembered() throws Exception {
        fx(() -> {
            window.show(exploreView);
            return null;
        });
        Color before = pixel();
        assertTrue(before.getBrightness() > 0.9, "light canvas: " + before);

        fx(() -> {
            item("themeDarkMenuItem").fire();
            return null;
        });
        assertTrue(window.root().getStyleClass().contains("theme-dark"));
        assertEquals(Palette.of(Theme.DARK), Palette.current());
        Color after = pixel();
        assertTrue(after.getBrightness() < 0.2, "the scatter plot redrew in the dark palette: " + after);
        assertEquals(Theme.DARK, Settings.at(dir.resolve("settings.json")).theme(), "remembered for the next start");

        fx(() -> {
            item("themeLightMenuItem").fire();
            return null;
        });
        assertTrue(pixel().getBrightness() > 0.9);
        assertEquals(Theme.LIGHT, settings.theme());
    }

    @Test
    void aboutNamesTheVersionsAndThePriceCatalogueDate() {
        String text = About.current().text();
        assertTrue(text.startsWith("Frontier "), text);
        assertTrue(text.contains("\nJava " + System.getProperty("java.version")), text);
        assertTrue(text.contains("\nJavaFX 25"), text);
        assertTrue(text.matches("(?s).*Price catalogue: as of \\d{4}-\\d{2}-\\d{2}.*"), text);
    }

    @Test
    void bothPalettesDefineEveryColourAndDiffer() {
        Palette light = fxGet(() -> Palette.of(Theme.LIGHT)), dark = fxGet(() -> Palette.of(Theme.DARK));
        assertEquals(Palette.SERIES, light.series().size());
        assertEquals(Color.web("#3d7bd9"), light.series(0), "light keeps the colours the charts always had");
        assertTrue(dark.background().getBrightness() < 0.2 && light.background().getBrightness() > 0.9);
        assertTrue(dark.text().getBrightness() > 0.7 && light.text().getBrightness() < 0.4);
    }

    private Color pixel() throws Exception {
        waitUntil(() -> exploreView.plot().canvas().getWidth() > 10
                && exploreView.plot().canvas().getHeight() > 10);
        WritableImage img = WaitForAsyncUtils.asyncFx(
                        () -> exploreView.plot().canvas().snapshot(null, null))
                .get(10, TimeUnit.SECONDS);
        assertNotNull(img);
        return img.getPixelReader().getColor(3, 3);
    }

    private MenuItem item(String id) {
        for (Menu m : bar.getMenus()) {
            MenuItem found = find(m, id);
            if (found != null) return found;
        }
        throw new AssertionError("no menu item #" + id);
    }

    private static MenuItem find(Menu m, String id) {
        for (MenuItem i : m.getItems()) {
            if (id.equals(i.getId())) return i;
            if (i instanceof Menu sub && find(sub, id) != null) return find(sub, id);
        }
        return null;
    }

    private void select(FxRobot robot, String label) throws Exception {
        ListView<Example> list = robot.lookup("#scenarioList").queryListView();
        fx(() -> {
            list.getSelectionModel()
                    .select(list.getItems().stream()
                            .filter(e -> e.label().equals(label))
                            .findFirst()
                            .orElseThrow());
            return null;
        });
        // The scenarios are named as their files: wait for this one, not a stale state of the one before.
        waitUntil(() -> simulate.canRunProperty().get()
                && label.replace(".json", "")
                        .equals(simulate.scenarioNameProperty().get()));
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    private static <T> T fxGet(Callable<T> c) {
        try {
            return fx(c);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
