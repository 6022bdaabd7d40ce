package frontier.app.shell;

import frontier.app.BillingSession;
import frontier.app.Messages;
import frontier.app.TaskExecutor;
import frontier.domain.PoolKind;
import frontier.store.Workspace;
import frontier.twin.Calibrator;
import frontier.twin.DeclaredCapacity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State and action of "Make a twin…": the endpoint to model (bound to the Unit cost view's selection),
 * whether a twin is being made, and {@link #make()}, which calibrates a twin of the endpoint from the
 * session's workspace (logs and bill) off the UI thread and writes it to the twins directory. When the
 * bill shows several kinds of capacity (say on-demand and spot), it first asks the
 * {@link #setFirstPoolChooser chooser} which takes requests first. The twin made goes to
 * {@link #setOnMade}; a failure to {@link #setOnFailed} with the endpoint and the reason in the app's words.
 * Use from the UI thread only.
 */
public final class MakeTwinViewModel {
    private final BillingSession session;
    private final Path twinsDir;
    private final TaskExecutor executor;
    private final ObjectProperty<String> endpoint = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canMake = Bindings.createBooleanBinding(
            () -> !busy.get() && endpoint.get() != null && !endpoint.get().startsWith("("), endpoint, busy);
    private BiFunction<String, List<PoolKind>, Optional<PoolKind>> firstPoolChooser =
            (name, kinds) -> Optional.of(kinds.getFirst());
    private BiFunction<String, List<String>, Optional<DeclaredCapacity>> capacityChooser = null;
    private Consumer<Path> onMade = twin -> {};
    private BiConsumer<String, String> onFailed = (name, message) -> {};

    /** Twins of {@code session}'s endpoints written to {@code twinsDir}, made on an executor from {@code executors}. */
    public MakeTwinViewModel(BillingSession session, Path twinsDir, TaskExecutor.Factory executors) {
        this.session = session;
        this.twinsDir = twinsDir;
        this.executor = executors.named("frontier-make-twin");
    }

    /** Where the twin of {@code endpointName} is written. */
    public Path twinFile(String endpointName) {
        return twinsDir.resolve("twin-" + endpointName.replaceAll("[^A-Za-z0-9_.-]+", "-") + ".json");
    }

    /** Makes a twin of the {@link #endpointProperty() endpoint}; nothing while one is being made or none is chosen. */
    public void make() {
        if (!canMake.get()) return;
        String name = endpoint.get();
        Path ws = session.workspace();
        Path out = twinFile(name);
        busy.set(true);
        Consumer<Throwable> failed = x -> {
            busy.set(false);
            onFailed.accept(name, Messages.of(x));
        };
        // First the pool kinds the bill shows (the requests are read once, for this and the twin); with several, the
        // user
        // says which takes requests first.
        executor.run(
                () -> {
                    try (Workspace w = Workspace.open(ws)) {
                        return new Read(Calibrator.read(w, name), hints(w, name));
                    }
                },
                read -> {
                    Calibrator.Inputs inputs = read.inputs();
                    List<PoolKind> kinds = inputs.poolKinds();
                    DeclaredCapacity declared = null;
                    if (kinds.isEmpty() && capacityChooser != null) {
                        // No capacity in the bill for this endpoint: the user says what served it.
                        Optional<DeclaredCapacity> chosen = capacityChooser.apply(name, read.hints());
                        if (chosen.isEmpty()) {
                            busy.set(false);
                            return;
                        }
                        declared = chosen.get();
                    }
                    PoolKind first = null;
                    if (kinds.size() > 1) {
                        Optional<PoolKind> chosen = firstPoolChooser.apply(name, kinds);
                        if (chosen.isEmpty()) {
                            busy.set(false);
                            return;
                        }
                        first = chosen.get();
                    }
                    Calibrator.Options options = new Calibrator.Options(name, false, 0, 1, first, declared);
                    executor.run(
                            () -> {
                                try (Workspace w = Workspace.open(ws)) {
                                    Calibrator.calibrate(w, inputs, options, out);
                                }
                                return out;
                            },
                            twin -> {
                                busy.set(false);
                                onMade.accept(twin);
                            },
                            failed);
                },
                failed);
    }

    /** What a twin of one endpoint is made from, and the names that may say which GPU served it. */
    private record Read(Calibrator.Inputs inputs, List<String> hints) {}

    /**
     * Names that may say which GPU served {@code endpoint}: the endpoint, its models and the names of the log files
     * imported (a benchmark's file is often named after its GPU).
     */
    static List<String> hints(Workspace w, String endpoint) {
        List<String> names = new java.util.ArrayList<>();
        names.add(endpoint);
        w.requestLogs().summary().groups().stream()
                .filter(g -> endpoint.equals(g.endpoint()) && g.model() != null)
                .forEach(g -> names.add(g.model()));
        w.requestLogs().imports().stream()
                .map(i -> i.source() == null ? "" : i.source())
                .forEach(src -> names.add(src.substring(Math.max(src.lastIndexOf('/'), src.lastIndexOf('\\')) + 1)));
        return List.copyOf(names);
    }

    /**
     * Asked (on the UI thread) what served an endpoint whose bill shows no capacity, with the names that may say
     * which GPU (see {@link #hints}); empty cancels. Without one, such a twin is made without a price.
     */
    public void setCapacityChooser(BiFunction<String, List<String>, Optional<DeclaredCapacity>> chooser) {
        this.capacityChooser = chooser;
    }

    /** Asked (on the UI thread) which of the bill's pool kinds takes an endpoint's requests first; empty cancels. */
    public void setFirstPoolChooser(BiFunction<String, List<PoolKind>, Optional<PoolKind>> chooser) {
        this.firstPoolChooser = chooser;
    }

    /** Gets each twin made. */
    public void setOnMade(Consumer<Path> onMade) {
        this.onMade = onMade;
    }

    /** Gets the endpoint and the reason when a twin could not be made. */
    public void setOnFailed(BiConsumer<String, String> onFailed) {
        this.onFailed = onFailed;
    }

    /** The endpoint to model; a name in parentheses ("(all)") is no endpoint. */
    public ObjectProperty<String> endpointProperty() {
        return endpoint;
    }

    /** True while a twin is being made. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when an endpoint is chosen and no twin is being made. */
    public BooleanBinding canMakeProperty() {
        return canMake;
    }

    /** Stops the background thread; for when the window closes. */
    public void shutdown() {
        executor.shutdown();
    }
}
