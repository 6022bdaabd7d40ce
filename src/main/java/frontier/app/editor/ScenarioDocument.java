package frontier.app.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioException;
import frontier.scenario.ScenarioLoader;
import frontier.sim.BadInputException;
import frontier.text.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The editor's model of a scenario: the JSON tree the loader reads, edited in place. Fields the form does not
 * touch keep their exact value (a catalogue price stays a catalogue reference, a relative trace path stays
 * relative), so saving writes back what was read plus the edits. {@link #check()} reads the tree through the
 * strict loader exactly as a file would be read. Relative file names resolve against {@link #baseDir()}: the
 * scenario's folder, or the working directory for a scenario not yet saved.
 */
public final class ScenarioDocument {
    /** The name errors of the tree are reported under (stripped from what the user sees). */
    static final String SOURCE = "scenario";

    private ObjectNode root;
    private Path file;

    private ScenarioDocument(ObjectNode root, Path file) {
        this.root = root;
        this.file = file;
    }

    /** A document over {@code root}, not yet saved. */
    public static ScenarioDocument of(ObjectNode root) {
        return new ScenarioDocument(root, null);
    }

    /**
     * Reads a scenario file as a tree; the file need not be a valid scenario (the editor shows what is wrong),
     * but it must be a JSON object.
     *
     * @throws BadInputException the file cannot be read or is not a JSON object (message in the app's words)
     */
    public static ScenarioDocument open(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        try {
            return new ScenarioDocument((ObjectNode) EditorMessages.parse(text), file);
        } catch (EditorMessages.SyntaxProblem p) {
            throw new ScenarioException(file.getFileName() + ": " + p.problem().text(), null);
        }
    }

    public ObjectNode root() {
        return root;
    }

    /** The file it was read from or last saved to, or null. */
    public Path file() {
        return file;
    }

    /** Where relative file names inside the scenario resolve. */
    public Path baseDir() {
        return file == null
                ? Path.of("").toAbsolutePath()
                : file.toAbsolutePath().getParent();
    }

    /** The scenario's title: its {@code name}, else the file name. */
    public String title() {
        JsonNode n = root.get("name");
        if (n != null && n.isTextual() && !n.asText().isBlank()) return n.asText();
        return file == null ? "New scenario" : file.getFileName().toString();
    }

    /** The JSON text that {@link #save} writes. */
    public String toJson() {
        try {
            return ScenarioLoader.mapper().writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the whole tree by {@code text} (the JSON tab); on a syntax error nothing changes. */
    public void replaceWith(String text) throws EditorMessages.SyntaxProblem {
        root = (ObjectNode) EditorMessages.parse(text);
    }

    /** The scenario as the loader reads it, or what stops it, in the app's words. */
    public Check check() {
        return check(toJson());
    }

    /** {@code text} as the loader reads it (beside this document's file), or what stops it; syntax errors carry their line. */
    public Check check(String text) {
        try {
            JsonNode tree = EditorMessages.parse(text);
            try {
                return new Check(ScenarioLoader.parse(text, SOURCE, baseDir()), null);
            } catch (BadInputException e) {
                return new Check(null, EditorMessages.fromLoader(e.getMessage(), SOURCE, tree));
            }
        } catch (EditorMessages.SyntaxProblem p) {
            return new Check(null, p.problem());
        }
    }

    /** Writes the tree to {@code target} (atomically: a temporary file beside it, then a rename) and remembers it. */
    public void save(Path target) {
        Path abs = target.toAbsolutePath();
        try {
            AtomicFile.writeString(abs, toJson());
        } catch (IOException e) {
            throw new BadInputException(target + ": cannot save (" + e.getMessage() + ")");
        }
        file = target;
    }

    /**
     * The outcome of reading the tree through the loader: the scenario, or the problem.
     *
     * @param scenario the scenario, null when there is a problem
     * @param problem  what stops it, null when it is valid
     */
    public record Check(Scenario scenario, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }
}
