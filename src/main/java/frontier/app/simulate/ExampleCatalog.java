package frontier.app.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Finds the example scenarios: every {@code *.json} file below a directory, sorted by relative path, titled by their {@code name}. */
public final class ExampleCatalog {
    private ExampleCatalog() {}

    /**
     * @return the examples, empty when {@code dir} does not exist
     * @throws UncheckedIOException when the directory exists but cannot be read
     */
    public static List<Example> find(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")
                            && !f.getFileName().toString().startsWith(".")
                            && Files.isRegularFile(f))
                    .map(f -> titled(f, label(dir.relativize(f))))
                    .sorted(Comparator.comparing(Example::label))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example with the scenario's name and description read from the file (its path when it has none). */
    static Example titled(Path file, String label) {
        try {
            var tree = frontier.scenario.ScenarioLoader.mapper().readTree(file.toFile());
            String name = tree.path("name").asText("").strip();
            return new Example(
                    file,
                    label,
                    name.isEmpty() ? label : name,
                    tree.path("description").asText(""));
        } catch (IOException | RuntimeException e) {
            return new Example(file, label);
        }
    }

    private static String label(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
