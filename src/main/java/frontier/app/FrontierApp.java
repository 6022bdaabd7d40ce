package frontier.app;

import frontier.app.costs.CostsView;
import frontier.app.data.BillingSession;
import frontier.app.data.DataView;
import frontier.app.explore.ExploreView;
import frontier.app.explore.ExploreViewModel;
import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.sweep.SweepRunner;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: one {@link MainWindow} holding the workbench views. Started through
 * {@link frontier.Launcher} ({@code app [FILE]}); see {@link LaunchOptions} for arguments and properties.
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
        BillingSession billing = BillingSession.shared();
        explore = new ExploreViewModel(options.examplesDir().resolve("sweeps"), SweepRunner.defaultRunner());
        MainWindow window = new MainWindow(List.of(new SimulateView(simulate), new ExploreView(explore), new DataView(billing), new CostsView(billing),
                new UnitCostView(billing)));
        stage.setTitle("Frontier");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(window.createScene(Math.min(1320, screen.getWidth()), Math.min(840, screen.getHeight())));
        stage.setOnCloseRequest(e -> {
            simulate.cancel();
            explore.cancel();
        });
        stage.show();
        if (options.initialFile() != null) {
            simulate.open(options.initialFile());
            if (options.autorun() && simulate.canRunProperty().get()) simulate.run();
        }
    }

    @Override
    public void stop() {
        if (simulate != null) simulate.shutdown();
        if (explore != null) explore.shutdown();
    }
}
