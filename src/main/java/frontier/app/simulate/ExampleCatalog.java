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
        return find(dir, false);
    }

    /**
     * The examples below {@code dir} that carry a {@code sweep} section (Explore's list: sweeps of every kind,
     * serving, batch and cascade alike), sorted by relative path.
     *
     * @throws UncheckedIOException when the directory exists but cannot be read
     */
    public static List<Example> findSweeps(Path dir) {
        return find(dir, true);
    }

    private static List<Example> find(Path dir, boolean sweepsOnly) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")
                            && !f.getFileName().toString().startsWith(".")
                            && Files.isRegularFile(f))
                    .map(f -> read(f, label(dir.relativize(f))))
                    .filter(r -> !sweepsOnly || r.sweep())
                    .map(Read::example)
                    .sorted(Comparator.comparing(Example::label))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example with the scenario's name and description read from the file (its path when it has none). */
    static Example titled(Path file, String label) {
        return read(file, label).example();
    }

    private record Read(Example example, boolean sweep) {}

    private static Read read(Path file, String label) {
        try {
            var tree = frontier.scenario.ScenarioLoader.mapper().readTree(file.toFile());
            String name = tree.path("name").asText("").strip();
            return new Read(
                    new Example(
                            file,
                            label,
                            name.isEmpty() ? label : name,
                            tree.path("description").asText("")),
                    tree.path("sweep").isObject());
        } catch (IOException | RuntimeException e) {
            return new Read(new Example(file, label), false);
        }
    }

    private static String label(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
