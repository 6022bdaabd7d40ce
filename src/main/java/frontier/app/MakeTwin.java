package frontier.app;

import frontier.app.data.BillingSession;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.domain.PoolKind;
import frontier.store.Workspace;
import frontier.twin.Calibrator;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;

/**
 * The Unit cost view's "Make a twin…" action: calibrates a twin of the selected endpoint from the
 * workspace's logs and bill (off the FX thread), writes it to {@code ~/.frontier/twins/}, opens it in the
 * Simulate view and the Scenario editor — ready to run, with its observed figures to compare against, or to vary in a sweep. When the
 * bill shows several kinds of capacity (say on-demand and spot), it first asks which takes requests first.
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
        install(view, session, simulate, window, simulateView, twins, twin -> { });
    }

    /** As {@link #install(UnitCostView, BillingSession, SimulateViewModel, MainWindow, WorkbenchView, Path)}; {@code alsoOpen} gets each twin too (the scenario editor opens it). */
    static void install(UnitCostView view, BillingSession session, SimulateViewModel simulate, MainWindow window, WorkbenchView simulateView,
                        Path twins, java.util.function.Consumer<Path> alsoOpen) {
        Button button = view.makeTwinButton();
        var endpoint = view.viewModel().selectedEndpointProperty();
        javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty(false);
        button.disableProperty().bind(Bindings.createBooleanBinding(
                () -> busy.get() || endpoint.get() == null || endpoint.get().startsWith("("), endpoint, busy));
        Background background = new Background("frontier-make-twin");
        button.setOnAction(e -> {
            String name = endpoint.get();
            Path ws = session.workspace();
            Path out = twins.resolve("twin-" + name.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".json");
            busy.set(true);
            button.setText("Making a twin…");
            Runnable done = () -> {
                busy.set(false);
                button.setText("Make a twin…");
            };
            java.util.function.Consumer<Throwable> failed = t -> {
                done.run();
                Alert a = new Alert(Alert.AlertType.ERROR, frontier.text.Printable.escape(t.getMessage() == null ? t.toString() : t.getMessage()));
                a.setHeaderText("Could not make a twin of " + name);
                a.show();
            };
            // First the pool kinds the bill shows; with several, the user says which takes requests first.
            background.run(() -> {
                try (Workspace w = Workspace.open(ws)) {
                    return Calibrator.poolKinds(w, name);
                }
            }, kinds -> {
                PoolKind first = null;
                if (kinds.size() > 1) {
                    first = askFirst(name, kinds);
                    if (first == null) {
                        done.run();
                        return;
                    }
                }
                Calibrator.Options options = new Calibrator.Options(name, false, 0, 1, first);
                background.run(() -> {
                    try (Workspace w = Workspace.open(ws)) {
                        Calibrator.calibrate(w, options, out);
                    }
                    return out;
                }, twin -> {
                    done.run();
                    simulate.open(twin);
                    alsoOpen.accept(twin);
                    window.show(simulateView);
                }, failed);
            }, failed);
        });
    }

    /** Labels of the pool kinds in the choice. */
    static String kindLabel(PoolKind kind) {
        return switch (kind) {
            case ALWAYS_ON -> "On-demand / committed (always on) first";
            case AUTOSCALED -> "Autoscaled first";
            case SPOT -> "Spot first";
            case SERVERLESS -> "Serverless first";
        };
    }

    /**
     * Asks which kind of pool takes the endpoint's requests first (the rest take its overflow); the bill's own
     * order is the default. Null when the user cancels.
     */
    private static PoolKind askFirst(String endpoint, java.util.List<PoolKind> kinds) {
        java.util.List<String> labels = kinds.stream().map(MakeTwin::kindLabel).toList();
        javafx.scene.control.ChoiceDialog<String> d = new javafx.scene.control.ChoiceDialog<>(labels.getFirst(), labels);
        d.setTitle("Make a twin");
        d.setHeaderText("Which pool takes the requests of " + endpoint + " first?");
        d.setContentText("The bill shows " + kinds.size() + " kinds of capacity but not how requests were routed.\n"
                + "The twin sends each request to the chosen pool; the others take what it cannot start at once.");
        d.getDialogPane().setId("twinFirstDialog");
        return d.showAndWait().map(l -> kinds.get(labels.indexOf(l))).orElse(null);
    }
}
