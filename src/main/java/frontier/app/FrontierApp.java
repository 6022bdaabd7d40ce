package frontier.app;

import frontier.app.costs.CostsView;
import frontier.app.data.BillingSession;
import frontier.app.data.DataView;
import frontier.app.editor.ScenarioEditorView;
import frontier.app.editor.ScenarioEditorViewModel;
import frontier.demo.DemoWorkspace;
import frontier.app.explore.ExploreView;
import frontier.app.explore.ExploreViewModel;
import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.sweep.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link MainWindow} holding the workbench views. Started through
 * {@link frontier.Launcher} ({@code app [FILE]}); see {@link LaunchOptions} for arguments and properties.
 * The Data and Costs views start on the most recently used workspace, else on the demo workspace, which
 * the first start creates (see {@link #startOnDemo}).
 */
public final class FrontierApp extends Application {
    private SimulateViewModel simulate;
    private ExploreViewModel explore;

    /** Starts JavaFX and blocks until the window is closed; {@code args} are the arguments after {@code app}. */
    public static void launchApp(String[] args) {
        Application.launch(FrontierApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions options = LaunchOptions.from(getParameters().getRaw(), System.getProperties());
        simulate = new SimulateViewModel(options.examplesDir(), ScenarioRunner.defaultRunner());
        BillingSession billing = BillingSession.shared(options.workspace());
        explore = new ExploreViewModel(options.examplesDir().resolve("sweeps"), SweepRunner.defaultRunner());
        DataView data = new DataView(billing);
        CostsView costs = new CostsView(billing);
        UnitCostView unitCost = new UnitCostView(billing);
        SimulateView simulateView = new SimulateView(simulate);
        ScenarioEditorView editor = new ScenarioEditorView(new ScenarioEditorViewModel(), options.examplesDir());
        MainWindow window = new MainWindow(List.of(simulateView, editor, new ExploreView(explore), data, costs, unitCost));
        editor.setWorkspace(billing::workspace);
        editor.setOnRun(file -> {
            simulate.open(file);
            window.show(simulateView);
        });
        simulateView.setOnEdit(file -> {
            editor.viewModel().open(file);
            window.show(editor);
        });
        MakeTwin.install(unitCost, billing, simulate, window, simulateView, MakeTwin.twinsDir(), editor.viewModel()::open);
        stage.setTitle("Frontier");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(window.createScene(Math.min(1320, screen.getWidth()), Math.min(840, screen.getHeight())));
        stage.setOnCloseRequest(e -> {
            simulate.cancel();
            explore.cancel();
        });
        stage.show();
        startOnDemo(DemoWorkspace.defaultPath(), data, unitCost, window, options.initialFile() == null);
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

    @Override
    public void stop() {
        if (simulate != null) simulate.shutdown();
        if (explore != null) explore.shutdown();
    }
}
