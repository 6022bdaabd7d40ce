package frontier.app.simulate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCatalogTest {
    @Test
    void shippedExamplesIncludeTheMmcValidationAndAllOpen() {
        List<Example> shipped = ExampleCatalog.find(Path.of("simulations"));
        List<String> labels = shipped.stream().map(Example::label).toList();
        assertTrue(labels.contains("validation/mmc.json"), labels.toString());
        for (Example e : shipped) assertDoesNotThrow(() -> ScenarioLoader.load(e.file()), e.label());
    }

    @Test
    void findsJsonFilesRecursivelySortedByRelativePath(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("b/deep"));
        Files.writeString(dir.resolve("b/deep/x.json"), "{}");
        Files.writeString(dir.resolve("a.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "");
        Files.createDirectories(dir.resolve("c.json"));
        assertEquals(
                List.of("a.json", "b/deep/x.json"),
                ExampleCatalog.find(dir).stream().map(Example::label).toList());
    }

    @Test
    void sweepsAreTheExamplesWithASweepSectionInAnyFolderTitledByName(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("batch"));
        Files.writeString(dir.resolve("batch/job-sweep.json"), """
                {"name": "Overnight job", "description": "a long description", "sweep": {"method": "grid"}}""");
        Files.writeString(dir.resolve("plain.json"), "{\"name\": \"Plain\"}");
        Files.writeString(dir.resolve("broken.json"), "{\"sweep\": ");
        List<Example> sweeps = ExampleCatalog.findSweeps(dir);
        assertEquals(
                List.of("batch/job-sweep.json"),
                sweeps.stream().map(Example::label).toList());
        assertEquals("Overnight job", sweeps.get(0).title());
        assertEquals("a long description", sweeps.get(0).description());
    }

    @Test
    void shippedSweepsIncludeTheBatchAndCascadeSweeps() {
        List<String> labels = ExampleCatalog.findSweeps(Path.of("simulations")).stream()
                .map(Example::label)
                .toList();
        assertTrue(labels.contains("sweeps/serving-sweep.json"), labels.toString());
        assertTrue(labels.contains("batch/overnight-embedding-sweep.json"), labels.toString());
        assertTrue(labels.contains("cascade/chat-cascade.json"), labels.toString());
        assertTrue(!labels.contains("validation/mmc.json"), "a scenario without a sweep is not listed");
    }

    @Test
    void missingDirectoryHasNoExamples(@TempDir Path dir) {
        assertEquals(List.of(), ExampleCatalog.find(dir.resolve("absent")));
    }
}
