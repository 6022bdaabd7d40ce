package frontier.app.shell;

import frontier.app.AppMenus;
import frontier.app.BillingSession;
import frontier.app.Dialogs;
import frontier.app.LaunchOptions;
import frontier.app.MainWindow;
import frontier.app.Settings;
import frontier.app.UiScale;
import frontier.app.WorkbenchView;
import frontier.app.costs.CostsView;
import frontier.app.data.DataView;
import frontier.app.editor.ScenarioEditorView;
import frontier.app.editor.ScenarioEditorViewModel;
import frontier.app.explore.ExploreView;
import frontier.app.explore.ExploreViewModel;
import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.demo.DemoWorkspace;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.sweep.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.HostServices;
import javafx.geometry.Rectangle2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The JavaFX application: one {@link MainWindow} holding the workbench views. Started through
 * {@link frontier.Launcher} ({@code app [FILE]}); see {@link LaunchOptions} for arguments and properties.
 * The Data and Costs views start on the most recently used workspace, else on the demo workspace, which
 * the first start creates (see {@link #startOnDemo}).
 */
public final class FrontierApp extends Application {
    private SimulateViewModel simulate;
    private ExploreViewModel explore;
    private frontier.app.compare.CompareViewModel compare;
    private frontier.app.WorkspaceMigration migration;

    /**
     * Starts JavaFX and blocks until the window is closed; {@code args} are the arguments after {@code app}. The UI
     * scale ({@link UiScale}: {@code --ui-scale}, {@code -Dfrontier.uiScale}, Settings, auto) is set first, since
     * JavaFX reads it only when the toolkit starts.
     *
     * @return the exit code: 0, or 2 for a bad {@code --ui-scale} (said on standard error)
     */
    public static int launchApp(String[] args) {
        UiScale.Split split;
        double factor;
        try {
            split = UiScale.split(List.of(args));
            factor = UiScale.parse(UiScale.choice(
                    split.option(), System.getProperties(), Settings.standard().uiScale()));
        } catch (IllegalArgumentException e) {
            System.err.println("frontier: " + e.getMessage());
            return 2;
        }
        boolean platform = UiScale.platformReportsScale(
                System.getProperty("os.name", ""), System.getenv(), System.getProperties());
        int width = factor > 0 || platform ? 0 : screenWidthBeforeStart();
        UiScale.apply(UiScale.resolve(factor, platform, width), System.getProperties());
        Application.launch(FrontierApp.class, split.args().toArray(String[]::new));
        return 0;
    }

    /** The primary screen's width in pixels as the window system reports it before JavaFX starts, 0 if unknown. */
    private static int screenWidthBeforeStart() {
        try {
            if (java.awt.GraphicsEnvironment.isHeadless()) return 0;
            return java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getDefaultScreenDevice()
                    .getDisplayMode()
                    .getWidth();
        } catch (RuntimeException | Error e) {
            return 0; // no display to ask: leave the scale to the platform
        }
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.from(getParameters().getRaw(), System.getProperties());
        simulate = new SimulateViewModel(options.examplesDir(), ScenarioRunner.defaultRunner());
        BillingSession billing = BillingSession.shared(options.workspace());
        // An older workspace is migrated before any view opens it, with progress and Cancel (else every view would
        // open it in the background and migrate it silently).
        if (!frontier.app.WorkspaceMigration.needed(billing.workspace())) {
            startWindow(stage, options, billing, null);
            return;
        }
        Path old = billing.workspace();
        migration = new frontier.app.WorkspaceMigration(frontier.app.TaskExecutor.FX);
        Stage progress = migration.window(old, Settings.standard().theme());
        progress.show();
        migration.migrate(
                old,
                () -> {
                    // The main window shows before the progress closes: with no window left, JavaFX would exit.
                    startWindow(stage, options, billing, null);
                    progress.close();
                },
                why -> {
                    Path demo = DemoWorkspace.defaultPath();
                    if (old.toAbsolutePath()
                            .normalize()
                            .equals(demo.toAbsolutePath().normalize())) {
                        // Nothing else to start on: say so, then close.
                        new javafx.scene.control.Alert(
                                        javafx.scene.control.Alert.AlertType.INFORMATION,
                                        why + " Frontier closes; start it again to migrate it.",
                                        javafx.scene.control.ButtonType.CLOSE)
                                .showAndWait();
                        javafx.application.Platform.exit();
                        return;
                    }
                    billing.useForNow(demo);
                    startWindow(
                            stage,
                            options,
                            billing,
                            why + " Frontier started on the demo workspace; File \u2192 Open workspace\u2026 opens it"
                                    + " again (and migrates it).");
                    progress.close();
                });
    }

    /**
     * Builds and shows the main window on {@code billing}'s workspace (up to date); {@code notice}, when not null, is
     * said once the window shows (why the app is not on the workspace it was asked for).
     */
    private void startWindow(Stage stage, LaunchOptions options, BillingSession billing, String notice) {
        explore = new ExploreViewModel(options.examplesDir(), SweepRunner.defaultRunner());
        DataView data = new DataView(billing);
        CostsView costs = new CostsView(billing);
        UnitCostView unitCost = new UnitCostView(billing);
        SimulateView simulateView = new SimulateView(simulate);
        ScenarioEditorView editor = new ScenarioEditorView(new ScenarioEditorViewModel(), options.examplesDir());
        ExploreView exploreView = new ExploreView(explore);
        compare = new frontier.app.compare.CompareViewModel(
                ScenarioRunner.defaultRunner(), frontier.cost.PriceCatalogue.shipped());
        frontier.app.compare.CompareView compareView = new frontier.app.compare.CompareView(compare);
        MainWindow window =
                new MainWindow(List.of(simulateView, editor, compareView, exploreView, data, costs, unitCost));
        frontier.app.compare.CompareView.install(compareView, simulate, explore, window, exploreView);
        editor.setWorkspace(billing::workspace);
        editor.setOnRun(file -> {
            simulate.open(file);
            window.show(simulateView);
        });
        simulateView.setOnEdit(file -> {
            editor.viewModel().open(file);
            window.show(editor);
        });
        // A twin is made to be compared: it opens in Simulate (the baseline) and the Compare view is shown.
        MakeTwin.install(
                unitCost, billing, simulate, window, compareView, MakeTwin.twinsDir(), editor.viewModel()::open);
        Settings settings = Settings.standard();
        window.setTheme(settings.theme());
        AppMenus menus = menus(window, simulateView, simulate, exploreView, data, stage, getHostServices());
        menus.fileAt(
                        0,
                        "newScenarioWizardMenuItem",
                        "New scenario…",
                        new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        AppMenus.button(editor, "newScenarioButton", null))
                .on(editor, AppMenus.Action.SAVE, AppMenus.button(editor, "saveButton", "Save scenario"))
                .on(editor, AppMenus.Action.RUN, AppMenus.button(editor, "runInSimulateButton", "Run in Simulate"))
                .run(
                        "capacityMenuItem",
                        "Capacity and the cheapest fleet\u2026",
                        () -> frontier.app.capacity.CapacityView.open(stage));
        java.util.function.Consumer<frontier.app.Theme> themeChosen = theme -> {
            window.setTheme(theme);
            settings.setTheme(theme);
        };
        menus.view(
                "settingsMenuItem",
                "Settings\u2026",
                new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                () -> new frontier.app.SettingsDialog(
                                settings,
                                window.themeProperty().get(),
                                Screen.getPrimary().getOutputScaleX())
                        .show(stage, themeChosen));
        window.setMenuBar(menus.build(themeChosen, () -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        }));
        stage.setTitle("Frontier");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // 1320 × 840 or 85% of a larger screen (1632 × 918 on full HD), never more than the screen.
        stage.setScene(window.createScene(
                Math.min(screen.getWidth(), Math.max(1320, 0.85 * screen.getWidth())),
                Math.min(screen.getHeight(), Math.max(840, 0.85 * screen.getHeight()))));
        menus.installExtraShortcuts(stage.getScene());
        stage.setOnCloseRequest(e -> {
            simulate.cancel();
            explore.cancel();
            compare.cancel();
        });
        stage.show();
        startOnDemo(DemoWorkspace.defaultPath(), data, unitCost, window, options.initialFile() == null);
        if (notice != null) {
            window.show(data);
            Dialogs.info(stage, "Workspace not opened", notice);
        }
        if (options.initialFile() != null) {
            simulate.open(options.initialFile());
            if (options.autorun() && simulate.canRunProperty().get()) simulate.run();
        }
    }

    /**
     * If the session is on the {@code demo} workspace and it is still empty (the first start), creates it
     * with progress in the Data view; with {@code showViews}, the Data view is shown while it is made and
     * {@code then} (the Unit cost view, with its charts) once it is there.
     */
    static void startOnDemo(Path demo, DataView data, WorkbenchView then, MainWindow window, boolean showViews) {
        Path current = data.viewModel().session().workspace().toAbsolutePath().normalize();
        if (!current.equals(demo.toAbsolutePath().normalize())) return;
        if (showViews && !Files.exists(current)) window.show(data);
        data.viewModel().createDemoIfEmpty(() -> {
            if (showViews) window.show(then);
        });
    }

    /** The menu bar's commands: what the views' buttons do, and the standard actions per view. */
    static AppMenus menus(
            MainWindow window,
            SimulateView simulateView,
            SimulateViewModel sim,
            ExploreView exploreView,
            DataView data,
            Stage stage,
            HostServices host) {
        AppMenus m = new AppMenus(window);
        m.file(
                        "newScenarioMenuItem",
                        "New scenario from an example",
                        new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                        new AppMenus.Command(
                                simulateView,
                                null,
                                () -> simulateView
                                        .node()
                                        .lookup("#scenarioList")
                                        .requestFocus(),
                                TRUE))
                .file(
                        "openScenarioMenuItem",
                        "Open scenario…",
                        new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                        AppMenus.button(simulateView, "openButton", null))
                .file(null, null, null, null)
                .file(
                        "openWorkspaceMenuItem",
                        "Open workspace…",
                        null,
                        AppMenus.button(data, "openWorkspaceButton", null))
                .file("newWorkspaceMenuItem", "New workspace…", null, AppMenus.button(data, "newWorkspaceButton", null))
                .file(
                        "importMenuItem",
                        "Import billing export or request log…",
                        new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN),
                        AppMenus.button(data, "importButton", null))
                .file(
                        "importLogsMenuItem",
                        "Import request logs…",
                        null,
                        AppMenus.button(data, "importLogsButton", null));
        m.on(simulateView, AppMenus.Action.RUN, AppMenus.button(simulateView, "runButton", "Run scenario"))
                .on(simulateView, AppMenus.Action.CANCEL, AppMenus.button(simulateView, "cancelButton", "Cancel run"))
                .on(
                        simulateView,
                        AppMenus.Action.SAVE,
                        new AppMenus.Command(
                                null,
                                "Save scenario as…",
                                () -> saveScenarioCopy(sim, stage),
                                sim.scenarioFileProperty().isNotNull()))
                .on(exploreView, AppMenus.Action.RUN, AppMenus.button(exploreView, "runSweepButton", "Run sweep"))
                .on(
                        exploreView,
                        AppMenus.Action.CANCEL,
                        AppMenus.button(exploreView, "cancelSweepButton", "Cancel sweep"))
                .on(
                        exploreView,
                        AppMenus.Action.SAVE,
                        AppMenus.button(exploreView, "saveResultsButton", "Save sweep results…"))
                .on(
                        exploreView,
                        AppMenus.Action.EXPORT,
                        AppMenus.button(exploreView, "exportPngButton", "Export chart as PNG…"))
                .on(data, AppMenus.Action.CANCEL, AppMenus.button(data, "cancelImportButton", "Cancel import"));
        m.help(
                        "docsMenuItem",
                        "Documentation",
                        new KeyCodeCombination(KeyCode.F1),
                        () -> Dialogs.documentation(stage, host))
                .help("shortcutsMenuItem", "Keyboard shortcuts", null, () -> Dialogs.shortcuts(stage))
                .help("aboutMenuItem", "About Frontier", null, () -> Dialogs.about(stage));
        return m;
    }

    private static final javafx.beans.value.ObservableBooleanValue TRUE =
            new javafx.beans.property.SimpleBooleanProperty(true);

    /** Saves a copy of the open scenario's JSON where the user chooses (the scenario as the loader reads it). */
    static void saveScenarioCopy(SimulateViewModel sim, Stage stage) {
        Path from = sim.scenarioFileProperty().get();
        if (from == null) return;
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save scenario as");
        chooser.setInitialFileName(from.getFileName().toString());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files (*.json)", "*.json"));
        java.io.File to = chooser.showSaveDialog(stage);
        if (to == null) return;
        try {
            if (!from.toAbsolutePath()
                    .normalize()
                    .equals(to.toPath().toAbsolutePath().normalize())) {
                Files.copy(from, to.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.io.IOException e) {
            Dialogs.error(stage, "Could not save the scenario", "Could not write " + to + ": " + Dialogs.reason(e));
        }
    }

    @Override
    public void stop() {
        if (simulate != null) simulate.shutdown();
        if (explore != null) explore.shutdown();
        if (compare != null) compare.shutdown();
        if (migration != null) migration.shutdown();
    }
}
