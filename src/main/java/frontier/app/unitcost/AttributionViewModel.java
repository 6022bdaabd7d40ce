package frontier.app.unitcost;

import frontier.app.BillingSession;
import frontier.app.LatestTask;
import frontier.app.TaskExecutor;
import frontier.sim.BadInputException;
import frontier.store.AttributionPreview;
import frontier.store.AttributionRule;
import frontier.store.AttributionRules;
import frontier.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the attribution rules editor: the rules in use (the stored ones, or the defaults while none is
 * stored), the workspace's tag keys, and the preview of a candidate rule (which lines it would claim and
 * from which rule it would take them). Every change writes the whole list in one transaction, so the
 * defaults a user edits or adds to become stored rules and nothing is lost; {@link #reset()} removes the
 * stored rules (the defaults apply again). Work runs in the background; the session is told after every
 * change so that Unit cost refreshes. Use from the FX application thread only.
 */
public final class AttributionViewModel {
    private final BillingSession session;
    private final TaskExecutor background;
    private final LatestTask previewer;
    private final ObservableList<AttributionRule> rules = FXCollections.observableArrayList();
    private final ObservableList<String> tagKeys = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper defaults = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<AttributionPreview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AttributionRule> previewed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public AttributionViewModel(BillingSession session) {
        this(session, TaskExecutor.FX);
    }

    /** Work goes to executors made by {@code executors} ({@link TaskExecutor#CURRENT_THREAD} in tests). */
    public AttributionViewModel(BillingSession session, TaskExecutor.Factory executors) {
        this.session = session;
        background = executors.named("frontier-attribution");
        previewer = new LatestTask(executors.named("frontier-attribution-preview"));
        // Another workspace: a rule tested on the old one says nothing of the new one.
        session.workspaceProperty().addListener((obs, o, n) -> {
            previewer.supersede();
            preview.set(null);
            previewed.set(null);
        });
        session.revisionProperty().addListener((obs, o, n) -> reload());
        reload();
    }

    private record Loaded(List<AttributionRule> stored, List<String> tagKeys) {}

    /** Reads the rules and tag keys again. */
    public void reload() {
        Path file = session.workspace();
        busy.set(true);
        background.run(
                () -> {
                    try (Workspace ws = Workspace.open(file)) {
                        return new Loaded(ws.attribution().list(), ws.costs().tagKeys());
                    }
                },
                l -> {
                    defaults.set(l.stored().isEmpty());
                    rules.setAll(l.stored().isEmpty() ? AttributionRules.DEFAULTS : l.stored());
                    tagKeys.setAll(l.tagKeys());
                    busy.set(false);
                },
                x -> {
                    busy.set(false);
                    status.set("Cannot read the rules: " + x.getMessage());
                });
    }

    /** Adds {@code rule} after the rules in use. */
    public void add(AttributionRule rule) {
        List<AttributionRule> next = new ArrayList<>(rules);
        next.add(rule);
        save(next, "Rule added: " + rule + ".");
    }

    /** Replaces the rule at {@code index} (0-based) with {@code rule}. */
    public void replace(int index, AttributionRule rule) {
        List<AttributionRule> next = new ArrayList<>(rules);
        next.set(index, rule);
        save(next, "Rule " + (index + 1) + " changed: " + rule + ".");
    }

    public void remove(int index) {
        List<AttributionRule> next = new ArrayList<>(rules);
        AttributionRule r = next.remove(index);
        save(next, "Rule removed: " + r + "." + (next.isEmpty() ? " No rule is left: the default rules apply." : ""));
    }

    /** Moves the rule at {@code index} by {@code delta} places (first match wins, so order matters). */
    public void move(int index, int delta) {
        int to = index + delta;
        if (to < 0 || to >= rules.size()) return;
        List<AttributionRule> next = new ArrayList<>(rules);
        next.add(to, next.remove(index));
        save(next, "Rule moved to place " + (to + 1) + ".");
    }

    /** Removes every stored rule: the default rules (tags endpoint and model) apply again. */
    public void reset() {
        save(List.of(), "Rules reset: the default rules apply.");
    }

    private void save(List<AttributionRule> next, String done) {
        Path file = session.workspace();
        busy.set(true);
        background.run(
                () -> {
                    try (Workspace ws = Workspace.open(file)) {
                        ws.attribution().replaceAll(next);
                        return null;
                    }
                },
                x -> {
                    status.set(done);
                    busy.set(false);
                    session.changed();
                },
                x -> {
                    busy.set(false);
                    status.set("The rules were not saved: " + x.getMessage());
                });
    }

    /**
     * Previews {@code rule} placed at {@code index} of the rules in use (replacing the rule there when
     * {@code replacing}, else inserted before it; index = size appends it).
     */
    public void preview(AttributionRule rule, int index, boolean replacing) {
        List<AttributionRule> trial = new ArrayList<>(rules);
        if (replacing) trial.set(index, rule);
        else trial.add(index, rule);
        Path file = session.workspace();
        previewed.set(rule);
        preview.set(null);
        status.set("Testing " + rule + "…");
        previewer.run(
                () -> {
                    try (Workspace ws = Workspace.open(file)) {
                        return ws.unitCosts().preview(trial, index, null, null);
                    }
                },
                p -> {
                    preview.set(p);
                    status.set("");
                },
                x -> status.set(x instanceof BadInputException ? x.getMessage() : "The test failed: " + x));
    }

    public void shutdown() {
        background.shutdown();
        previewer.shutdown();
    }

    /** The rules in use, in the order they are tried. */
    public ObservableList<AttributionRule> rules() {
        return rules;
    }

    public ObservableList<String> tagKeys() {
        return tagKeys;
    }

    /** Whether the rules in use are the built-in defaults (none is stored). */
    public ReadOnlyBooleanProperty defaultsProperty() {
        return defaults.getReadOnlyProperty();
    }

    /** The preview of the rule last tested; null while it is computed or before any test. */
    public ReadOnlyObjectProperty<AttributionPreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** The rule last tested. */
    public ReadOnlyObjectProperty<AttributionRule> previewedProperty() {
        return previewed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
