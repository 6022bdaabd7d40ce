package frontier.app.shell;

import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;

/**
 * The window the "Make a twin…" tests drive: Unit cost on {@code workspace} and Simulate (its examples in an empty
 * folder), with Make a twin installed to write twins under {@code dir}/twins.
 */
final class TwinWindow {
    final SimulateViewModel simulate;
    final SimulateView simulateView;
    final UnitCostView unitCost;
    final MainWindow window;

    private TwinWindow(Path workspace, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("examples"));
        BillingSession session = new BillingSession(workspace);
        simulate = new SimulateViewModel(dir.resolve("examples"), ScenarioRunner.defaultRunner());
        simulateView = new SimulateView(simulate);
        unitCost = new UnitCostView(session);
        window = new MainWindow(List.of(unitCost, simulateView));
        MakeTwin.install(unitCost, session, simulate, window, simulateView, dir.resolve("twins"));
    }

    /** Shows the window on {@code stage} at {@code width}×{@code height}. */
    static TwinWindow show(Stage stage, Path workspace, Path dir, int width, int height) throws IOException {
        TwinWindow w = new TwinWindow(workspace, dir);
        stage.setScene(w.window.createScene(width, height));
        stage.show();
        return w;
    }

    /** Stops the views' background work. */
    void shutdown() {
        unitCost.viewModel().shutdown();
        simulate.shutdown();
    }
}
