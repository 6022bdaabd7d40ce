package frontier.app;

import frontier.app.data.BillingSession;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.store.Workspace;
import frontier.twin.Calibrator;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;

/**
 * The Unit cost view's "Make a twin…" action: calibrates a twin of the selected endpoint from the
 * workspace's logs and bill (off the FX thread), writes it to {@code ~/.frontier/twins/}, opens it in the
 * Simulate view — ready to run, with its observed figures to compare against, or to vary in a sweep.
 */
final class MakeTwin {
    private MakeTwin() {
    }

    /** Where twins made from the app are written. */
    static Path twinsDir() {
        return Path.of(System.getProperty("user.home"), ".frontier", "twins");
    }

    /** Wires the view's button: twins are written to {@code twins}, then opened in {@code simulate} and {@code simulateView} shown. */
    static void install(UnitCostView view, BillingSession session, SimulateViewModel simulate, MainWindow window, WorkbenchView simulateView,
                        Path twins) {
        Button button = view.makeTwinButton();
        var endpoint = view.viewModel().selectedEndpointProperty();
        javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty(false);
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> busy.get() || endpoint.get() == null || endpoint.get().startsWith("("), endpoint, busy));
        button.setOnAction(e -> {
            String name = endpoint.get();
            Path ws = session.workspace();
            Path out = twins.resolve("twin-" + name.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".json");
            Task<Path> task = new Task<>() {
                @Override
                protected Path call() {
                    try (Workspace w = Workspace.open(ws)) {
                        Calibrator.calibrate(w, new Calibrator.Options(name, false, 0, 1), out);
                    }
                    return out;
                }
            };
            busy.set(true);
            button.setText("Making a twin…");
            task.setOnSucceeded(ev -> {
                busy.set(false);
                button.setText("Make a twin…");
                simulate.open(task.getValue());
                window.show(simulateView);
            });
            task.setOnFailed(ev -> {
                busy.set(false);
                button.setText("Make a twin…");
                Throwable t = task.getException();
                Alert a = new Alert(Alert.AlertType.ERROR, t.getMessage() == null ? t.toString() : t.getMessage());
                a.setHeaderText("Could not make a twin of " + name);
                a.show();
            });
            Thread th = new Thread(task, "frontier-make-twin");
            th.setDaemon(true);
            th.start();
        });
    }
}
