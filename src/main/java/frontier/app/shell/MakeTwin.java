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
        vm.setCapacityChooser((name, hints) ->
                askCapacity(name, new DeclareCapacityViewModel(frontier.cost.PriceCatalogue.shipped(), hints)));
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

    /**
     * Asks what served an endpoint whose bill shows no capacity: an instance type of the catalogue (the one the log's
     * names suggest first), how many, on demand or spot, with the catalogue's price and its date, and the model (the
     * one the names suggest first, or not known). Empty on Cancel.
     */
    static java.util.Optional<frontier.twin.DeclaredCapacity> askCapacity(String endpoint, DeclareCapacityViewModel m) {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> d = new javafx.scene.control.Dialog<>();
        d.setTitle("Make a twin");
        d.setHeaderText("What served " + endpoint + "?");
        javafx.scene.control.ComboBox<frontier.cost.InstancePrice> type =
                new javafx.scene.control.ComboBox<>(m.types());
        type.setId("capacityType");
        type.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(frontier.cost.InstancePrice p) {
                return p == null ? "" : DeclareCapacityViewModel.label(p);
            }

            @Override
            public frontier.cost.InstancePrice fromString(String s) {
                return null;
            }
        });
        type.valueProperty().bindBidirectional(m.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);
        // The labels take their whole text first; the long type labels are cut, and the tooltip has them whole.
        type.setPrefWidth(460);
        javafx.scene.control.Tooltip typeTip = new javafx.scene.control.Tooltip();
        typeTip.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> type.getValue() == null ? "" : DeclareCapacityViewModel.label(type.getValue()),
                        type.valueProperty()));
        type.setTooltip(typeTip);
        javafx.scene.control.Spinner<Integer> count =
                new javafx.scene.control.Spinner<>(1, frontier.twin.DeclaredCapacity.MAX_INSTANCES, 1);
        count.setId("capacityInstances");
        count.setEditable(true);
        count.setPrefWidth(110);
        count.valueProperty().addListener((o, a, b) -> m.instancesProperty().set(b == null ? 0 : b));
        javafx.scene.control.ToggleGroup pricing = new javafx.scene.control.ToggleGroup();
        javafx.scene.control.RadioButton onDemand = new javafx.scene.control.RadioButton("On demand");
        javafx.scene.control.RadioButton spot = new javafx.scene.control.RadioButton("Spot");
        onDemand.setId("capacityOnDemand");
        spot.setId("capacitySpot");
        onDemand.setToggleGroup(pricing);
        spot.setToggleGroup(pricing);
        onDemand.setSelected(true);
        spot.selectedProperty().bindBidirectional(m.spotProperty());
        javafx.scene.control.Label why = new javafx.scene.control.Label(
                "The bill shows no capacity for this endpoint (no bill line is attributed to it in the logs' period)."
                        + " Say what served it: the twin is priced from the price catalogue, and its description says"
                        + " so.");
        why.setWrapText(true);
        javafx.scene.control.Label hint = new javafx.scene.control.Label(
                m.suggested()
                        ? "Chosen first: the type the log's names suggest (its GPU, fewest GPUs, then cheapest)."
                        : "The log's names suggest no GPU: choose the type that served it.");
        hint.setWrapText(true);
        javafx.scene.control.Label price = new javafx.scene.control.Label();
        price.setId("capacityPrice");
        price.setWrapText(true);
        price.textProperty()
                .bind(javafx.beans.binding.Bindings.when(m.validProperty())
                        .then(m.priceProperty())
                        .otherwise(m.problemProperty()));
        javafx.scene.control.ComboBox<String> model = new javafx.scene.control.ComboBox<>(m.models());
        model.setId("capacityModel");
        model.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return DeclareCapacityViewModel.modelLabel(s);
            }

            @Override
            public String fromString(String s) {
                return null;
            }
        });
        model.valueProperty().bindBidirectional(m.modelProperty());
        model.setMaxWidth(Double.MAX_VALUE);
        model.setTooltip(new javafx.scene.control.Tooltip(
                "With the model, a cheaper GPU is chosen by what it needs (its weights and the KV cache the log"
                        + " used), not by today's GPU memory; \"Not known\" keeps the memory rule"));
        javafx.scene.control.Label modelHint = new javafx.scene.control.Label(
                m.modelSuggested()
                        ? "Model chosen first: the one the log's names suggest; change it, or choose \"Not known\","
                                + " if another served it. It sizes a cheaper GPU."
                        : "Model: the log's names suggest none of the model table's; with one, a cheaper GPU is"
                                + " sized by what it needs.");
        modelHint.setWrapText(true);
        modelHint.setId("capacityModelHint");
        javafx.scene.layout.GridPane g = new javafx.scene.layout.GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        g.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new javafx.scene.control.Label("Instance type"), type);
        g.addRow(1, new javafx.scene.control.Label("Instances"), count);
        g.addRow(2, new javafx.scene.control.Label("Pricing"), new javafx.scene.layout.HBox(16, onDemand, spot));
        g.addRow(3, new javafx.scene.control.Label("Model"), model);
        javafx.scene.layout.GridPane.setHgrow(type, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(10, why, g, hint, modelHint, price);
        box.setPrefWidth(640);
        d.getDialogPane().setContent(box);
        d.getDialogPane().setId("twinCapacityDialog");
        d.getDialogPane()
                .getButtonTypes()
                .addAll(javafx.scene.control.ButtonType.OK, javafx.scene.control.ButtonType.CANCEL);
        d.getDialogPane()
                .lookupButton(javafx.scene.control.ButtonType.OK)
                .disableProperty()
                .bind(m.validProperty().not());
        return d.showAndWait()
                .filter(b -> b == javafx.scene.control.ButtonType.OK)
                .flatMap(b -> m.capacity());
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
        // The choice keeps its whole label ("On-demand / committed (always on) first" was cut to "On-demand…" at every
        // size); the explanation beside it wraps instead.
        if (d.getDialogPane().lookup(".combo-box") instanceof javafx.scene.control.ComboBox<?> choice)
            choice.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return d.showAndWait().map(l -> kinds.get(labels.indexOf(l)));
    }
}
