package frontier.app.shell;

import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.domain.PricingModel;
import frontier.model.llm.LlmModels;
import frontier.twin.DeclaredCapacity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of "What served this endpoint?", asked by Make a twin… when the bill shows no capacity for the endpoint: an
 * instance type of the price catalogue (the GPU types; the one the log's names suggest is chosen first), how many,
 * and on demand or spot. {@link #priceProperty()} says the catalogue's price and its date, {@link #problemProperty()}
 * why the choice cannot be priced (no spot price for the type); {@link #capacity()} is the answer.
 */
public final class DeclareCapacityViewModel {
    private final PriceCatalogue catalogue;
    private final ObservableList<InstancePrice> types;
    private final ObjectProperty<InstancePrice> type = new SimpleObjectProperty<>();
    private final IntegerProperty instances = new SimpleIntegerProperty(1);
    private final BooleanProperty spot = new SimpleBooleanProperty(false);
    private final ObservableList<String> models;
    private final ObjectProperty<String> model = new SimpleObjectProperty<>(NOT_KNOWN);
    private final boolean suggested;
    private final boolean modelSuggested;
    private final ObjectProperty<Optional<DeclaredCapacity>> capacity = new SimpleObjectProperty<>(Optional.empty());
    private final StringBinding price;
    private final StringBinding problem;
    private final BooleanBinding valid;

    /** The catalogue's GPU types; the first of those {@code hints} suggest (see {@link DeclaredCapacity#suggested}) is chosen. */
    public DeclareCapacityViewModel(PriceCatalogue catalogue, List<String> hints) {
        this.catalogue = catalogue;
        List<InstancePrice> suggestions = DeclaredCapacity.suggested(catalogue, hints);
        this.suggested = !suggestions.isEmpty();
        // Suggested types lead the list, in their order; the other GPU types follow in catalogue order.
        List<InstancePrice> all = new java.util.ArrayList<>(suggestions);
        DeclaredCapacity.gpuTypes(catalogue).stream()
                .filter(p -> !suggestions.contains(p))
                .forEach(all::add);
        types = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(all));
        type.set(all.isEmpty() ? null : all.getFirst());
        List<String> names = new java.util.ArrayList<>(List.of(NOT_KNOWN));
        LlmModels.bundled().keySet().stream().sorted().forEach(names::add);
        models = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(names));
        Optional<String> m = DeclaredCapacity.suggestedModel(hints);
        modelSuggested = m.isPresent();
        model.set(m.orElse(NOT_KNOWN));
        capacity.bind(Bindings.createObjectBinding(this::compute, type, instances, spot, model));
        price = Bindings.createStringBinding(this::priceText, capacity);
        problem = Bindings.createStringBinding(this::problemText, capacity, type, instances);
        valid = Bindings.createBooleanBinding(() -> capacity.get().isPresent(), capacity);
    }

    private Optional<DeclaredCapacity> compute() {
        InstancePrice t = type.get();
        int n = instances.get();
        if (t == null || n < 1 || n > DeclaredCapacity.MAX_INSTANCES) return Optional.empty();
        String m = model.get() == null || model.get().equals(NOT_KNOWN) ? null : model.get();
        return DeclaredCapacity.of(catalogue, t, spot.get() ? PricingModel.SPOT : PricingModel.ON_DEMAND, n)
                .map(c -> c.withModel(m));
    }

    private String priceText() {
        return capacity.get()
                .map(c -> String.format(
                        Locale.US,
                        "%s USD per instance-hour %s (price catalogue, as of %s): %,.2f USD per hour, %,.0f USD per"
                                + " month for %d",
                        c.price().usdPerHour().stripTrailingZeros().toPlainString(),
                        c.price().pricingModel() == PricingModel.SPOT ? "on spot" : "on demand",
                        c.price().asOf(),
                        c.usdPerHour(),
                        c.usdPerHour() * 730,
                        c.instances()))
                .orElse("");
    }

    private String problemText() {
        if (capacity.get().isPresent()) return "";
        InstancePrice t = type.get();
        if (t == null) return "The price catalogue lists no GPU instance type.";
        int n = instances.get();
        if (n < 1 || n > DeclaredCapacity.MAX_INSTANCES)
            return "Instances: a whole number from 1 to " + DeclaredCapacity.MAX_INSTANCES + ".";
        return "The price catalogue has no spot price for " + t.instanceType() + " in " + t.region()
                + ": choose on demand or another type.";
    }

    /** A label for a type in the list: type, provider and region, GPUs, on-demand price and its date. */
    public static String label(InstancePrice p) {
        return String.format(
                Locale.US,
                "%s (%s %s), %d × %s, %s USD/h on demand, as of %s",
                p.instanceType(),
                p.provider(),
                p.region(),
                p.gpus(),
                p.gpuModel(),
                p.usdPerHour().stripTrailingZeros().toPlainString(),
                p.asOf());
    }

    /** The model choice that leaves the model unknown (a cheaper GPU is then sized by GPU memory alone). */
    public static final String NOT_KNOWN = "Not known";

    /**
     * The models to choose from: {@link #NOT_KNOWN}, then the names of {@code pricing-data/llm-models.csv}. With the
     * model, a cheaper GPU is sized by its weights and the KV cache the log used, not by today's GPU memory.
     */
    public ObservableList<String> models() {
        return models;
    }

    /** The model served, or {@link #NOT_KNOWN}; the one the log's names suggest is chosen first. */
    public ObjectProperty<String> modelProperty() {
        return model;
    }

    /** True when the log's names suggested the model chosen first. */
    public boolean modelSuggested() {
        return modelSuggested;
    }

    /** A model's label in the choice: name, parameters and weight size ("codellama-34b, 33.7 B parameters, 62.9 GiB"). */
    public static String modelLabel(String name) {
        LlmModels.Geometry g = name == null ? null : LlmModels.bundled().get(name);
        if (g == null) return name == null ? "" : name;
        return String.format(
                Locale.US,
                "%s, %.1f B parameters, %.1f GiB of weights",
                name,
                g.parameters() / 1e9,
                g.parameters() * g.bytesPerParameter() / (1024.0 * 1024 * 1024));
    }

    /** The instance types to choose from (their on-demand rows), suggested ones first. */
    public ObservableList<InstancePrice> types() {
        return types;
    }

    /** True when the log's names suggested the type chosen first. */
    public boolean suggested() {
        return suggested;
    }

    public ObjectProperty<InstancePrice> typeProperty() {
        return type;
    }

    public IntegerProperty instancesProperty() {
        return instances;
    }

    /** Spot (true) or on demand. */
    public BooleanProperty spotProperty() {
        return spot;
    }

    /** The catalogue's price of the choice, with its date, per hour and per month; empty when it has none. */
    public StringBinding priceProperty() {
        return price;
    }

    /** Why the choice cannot be priced; empty when it can. */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The capacity declared, when the catalogue prices it. */
    public Optional<DeclaredCapacity> capacity() {
        return capacity.get();
    }
}
