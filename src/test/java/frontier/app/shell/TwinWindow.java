package frontier.app.shell;

import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.app.compare.CompareView;
import frontier.app.compare.CompareViewModel;
import frontier.app.simulate.SimulateView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;

/**
 * The window the "Make a twin…" tests drive: Unit cost on {@code workspace} and Simulate (its examples in an empty
 * folder), with Make a twin installed to write twins under {@code dir}/twins; with Compare as well when asked (the
 * twin then opens in Compare, as in the app).
 */
final class TwinWindow {
    final SimulateViewModel simulate;
    final SimulateView simulateView;
    final UnitCostView unitCost;
    final MainWindow window;
    /** Compare's view-model, or null for a window without Compare. */
    final CompareViewModel compare;

    private TwinWindow(Path workspace, Path dir, boolean withCompare) throws IOException {
        Files.createDirectories(dir.resolve("examples"));
        BillingSession session = new BillingSession(workspace);
        simulate = new SimulateViewModel(dir.resolve("examples"), ScenarioRunner.defaultRunner());
        simulateView = new SimulateView(simulate);
        unitCost = new UnitCostView(session);
        if (withCompare) {
            compare = new CompareViewModel(ScenarioRunner.defaultRunner(), PriceCatalogue.shipped());
            CompareView compareView = new CompareView(compare);
            window = new MainWindow(List.of(unitCost, simulateView, compareView));
            CompareView.install(compareView, simulate, null, window, null);
            MakeTwin.install(unitCost, session, simulate, window, compareView, dir.resolve("twins"));
        } else {
            compare = null;
            window = new MainWindow(List.of(unitCost, simulateView));
            MakeTwin.install(unitCost, session, simulate, window, simulateView, dir.resolve("twins"));
        }
    }

    /** Shows the window on {@code stage} at {@code width}×{@code height}. */
    static TwinWindow show(Stage stage, Path workspace, Path dir, int width, int height) throws IOException {
        return show(stage, workspace, dir, width, height, false);
    }

    /** As {@link #show(Stage, Path, Path, int, int)}, with Compare in the window when {@code withCompare}. */
    static TwinWindow show(Stage stage, Path workspace, Path dir, int width, int height, boolean withCompare)
            throws IOException {
        TwinWindow w = new TwinWindow(workspace, dir, withCompare);
        stage.setScene(w.window.createScene(width, height));
        stage.show();
        return w;
    }

    /** Stops the views' background work. */
    void shutdown() {
        if (compare != null) compare.shutdown();
        unitCost.viewModel().shutdown();
        simulate.shutdown();
    }
}
