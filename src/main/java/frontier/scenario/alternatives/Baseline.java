package frontier.scenario.alternatives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioException;
import frontier.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The scenario alternatives are made from: its JSON tree as written (without {@code sweep}), the same
 * scenario as read by the strict loader, where it came from ({@code source}, for messages) and the folder
 * its relative file names resolve against. Alternatives edit copies of the tree and read them back through
 * {@link ScenarioLoader#parse}, as {@link frontier.scenario.sweep.Sweep} does with its configurations.
 */
public record Baseline(ObjectNode tree, Scenario scenario, String source, Path baseDir) {
    public Baseline {
        tree = tree.deepCopy();
        tree.remove("sweep");
    }

    /** Reads a scenario file; every error is a {@link ScenarioException}. */
    public static Baseline load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file", e);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString(), file.toAbsolutePath().getParent());
    }

    /** Reads scenario JSON; relative file names inside resolve against {@code baseDir}. */
    public static Baseline parse(String json, String source, Path baseDir) {
        Scenario s = ScenarioLoader.parse(json, source, baseDir);
        try {
            return new Baseline((ObjectNode) ScenarioLoader.mapper().readTree(json), s, source, baseDir);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(source + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A copy of the tree, to edit. */
    public ObjectNode copy() {
        return tree.deepCopy();
    }

    /** The scenario's JSON, as the loader reads it (without its sweep). */
    public String json() {
        try {
            return ScenarioLoader.mapper().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the scenario's pools, in order (the simple {@code pool} form counts as one; a batch job has none). */
    public java.util.List<String> poolNames() {
        if (scenario.isBatch()) return java.util.List.of();
        return scenario.fleet().pools().stream().map(p -> p.name()).toList();
    }
}
