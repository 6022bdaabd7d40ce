package frontier.app.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.Scenario;
import frontier.sim.BadInputException;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the scenario editor: the {@link ScenarioDocument} being edited, whether it has unsaved edits, the
 * scenario as the loader reads it or the {@link Problem} that stops it (re-checked after every edit), and a status
 * line. {@link #structureProperty()} counts the changes that need the form rebuilt (another document, a kind
 * switched, a part added or removed, the JSON applied). Use from the FX application thread only.
 */
public final class ScenarioEditorViewModel {
    private final ReadOnlyObjectWrapper<ScenarioDocument> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No scenario");
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper("Start from an example, a file or New scenario…");
    private final ReadOnlyIntegerWrapper structure = new ReadOnlyIntegerWrapper();

    /** Opens a scenario file; one that cannot be read as JSON is reported in the status, never thrown. */
    public void open(Path file) {
        try {
            set(ScenarioDocument.open(file), false);
            status.set("Opened " + file.toAbsolutePath().normalize() + ".");
        } catch (BadInputException e) {
            status.set("Cannot open: " + e.getMessage());
        }
    }

    /** Starts editing a new, unsaved scenario. */
    public void newScenario(ObjectNode root) {
        set(ScenarioDocument.of(root), true);
        status.set("New scenario: save it to keep it.");
    }

    private void set(ScenarioDocument doc, boolean changed) {
        document.set(doc);
        dirty.set(changed);
        recheck();
        structure.set(structure.get() + 1);
    }

    /** A field was edited in the form: the tree already holds the new value. */
    public void edited() {
        if (document.get() == null) return;
        dirty.set(true);
        recheck();
    }

    /** The form's structure changed (a part added, removed or of another kind). */
    public void restructured() {
        edited();
        structure.set(structure.get() + 1);
    }

    /** Checks JSON text typed in the JSON tab without applying it: the problem, or null when it reads as a scenario. */
    public Problem checkJson(String text) {
        return document.get() == null ? null : document.get().check(text).problem();
    }

    /** Applies JSON text from the JSON tab; false (and the problem shown, the tree unchanged) on a syntax error. */
    public boolean applyJson(String text) {
        if (document.get() == null) return false;
        try {
            document.get().replaceWith(text);
        } catch (EditorMessages.SyntaxProblem p) {
            problem.set(p.problem());
            return false;
        }
        restructured();
        return true;
    }

    /** Saves to the document's file; false when it has none yet (use {@link #saveAs}). */
    public boolean save() {
        ScenarioDocument d = document.get();
        if (d == null || d.file() == null) return false;
        return saveAs(d.file());
    }

    /** Saves to {@code file}, which becomes the document's file. */
    public boolean saveAs(Path file) {
        ScenarioDocument d = document.get();
        if (d == null) return false;
        try {
            d.save(file);
        } catch (BadInputException e) {
            status.set("Not saved: " + e.getMessage());
            return false;
        }
        dirty.set(false);
        recheck();
        status.set("Saved " + file.toAbsolutePath().normalize()
                + (problem.get() == null ? "." : " — it still has a problem to fix before it runs."));
        return true;
    }

    private void recheck() {
        ScenarioDocument d = document.get();
        var check = d.check();
        scenario.set(check.scenario());
        problem.set(check.problem());
        title.set(d.title() + (dirty.get() ? " •" : ""));
    }

    public ReadOnlyObjectProperty<ScenarioDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The scenario as the loader reads the current tree; null while there is a problem. */
    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty structureProperty() {
        return structure.getReadOnlyProperty();
    }
}
