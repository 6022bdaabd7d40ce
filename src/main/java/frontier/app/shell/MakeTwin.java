package frontier.app.shell;

import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.app.TaskExecutor;
import frontier.app.WorkbenchView;
import frontier.app.simulate.SimulateViewModel;
import frontier.app.unitcost.UnitCostView;
import frontier.domain.PoolKind;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;

/**
 * The Unit cost view's "Make a twin…" button, wired to a {@link MakeTwinViewModel}: calibrates a twin of the selected endpoint from the
 * workspace's logs and bill (off the FX thread), writes it to {@code ~/.frontier/twins/}, opens it in the
 * Simulate view and the Scenario editor — ready to run, with its observed figures to compare against, or to vary in a sweep. When the
 * bill shows several kinds of capacity (say on-demand and spot), it first asks which takes requests first.
 */
final class MakeTwin {
    private MakeTwin() {}

    /** Where twins made from the app are written. */
    static Path twinsDir() {
        return Path.of(System.getProperty("user.home"), ".frontier", "twins");
    }

    /** Wires the view's button: twins are written to {@code twins}, then opened in {@code simulate} and {@code simulateView} shown. */
    static MakeTwinViewModel install(
            UnitCostView view,
            BillingSession session,
            SimulateViewModel simulate,
            MainWindow window,
            WorkbenchView simulateView,
            Path twins) {
        return install(view, session, simulate, window, simulateView, twins, twin -> {});
    }

    /** As {@link #install(UnitCostView, BillingSession, SimulateViewModel, MainWindow, WorkbenchView, Path)}; {@code alsoOpen} gets each twin too (the scenario editor opens it). */
    static MakeTwinViewModel install(
            UnitCostView view,
            BillingSession session,
            SimulateViewModel simulate,
            MainWindow window,
            WorkbenchView simulateView,
            Path twins,
            java.util.function.Consumer<Path> alsoOpen) {
        MakeTwinViewModel vm = new MakeTwinViewModel(session, twins, TaskExecutor.FX);
        vm.endpointProperty().bind(view.viewModel().selectedEndpointProperty());
        Button button = view.makeTwinButton();
        button.disableProperty().bind(vm.canMakeProperty().not());
        button.textProperty()
                .bind(Bindings.when(vm.busyProperty()).then("Making a twin…").otherwise("Make a twin…"));
        button.setOnAction(e -> vm.make());
        vm.setFirstPoolChooser(MakeTwin::askFirst);
        vm.setOnMade(twin -> {
            simulate.open(twin);
            alsoOpen.accept(twin);
            window.show(simulateView);
        });
        vm.setOnFailed((name, message) -> {
            Alert a = new Alert(Alert.AlertType.ERROR, frontier.text.Printable.escape(message));
            a.setHeaderText("Could not make a twin of " + name);
            a.show();
        });
        return vm;
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
     * order is the default. Empty when the user cancels.
     */
    private static java.util.Optional<PoolKind> askFirst(String endpoint, java.util.List<PoolKind> kinds) {
        java.util.List<String> labels = kinds.stream().map(MakeTwin::kindLabel).toList();
        javafx.scene.control.ChoiceDialog<String> d =
                new javafx.scene.control.ChoiceDialog<>(labels.getFirst(), labels);
        d.setTitle("Make a twin");
        d.setHeaderText("Which pool takes the requests of " + endpoint + " first?");
        d.setContentText("The bill shows " + kinds.size() + " kinds of capacity but not how requests were routed.\n"
                + "The twin sends each request to the chosen pool; the others take what it cannot start at once.");
        d.getDialogPane().setId("twinFirstDialog");
        return d.showAndWait().map(l -> kinds.get(labels.indexOf(l)));
    }
}
