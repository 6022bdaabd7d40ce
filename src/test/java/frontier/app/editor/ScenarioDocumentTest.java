package frontier.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The editor's model of a scenario: what it saves is what the loader reads, in every example and after edits. */
class ScenarioDocumentTest {
    @TempDir
    Path dir;

    static Stream<Path> everyExample() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("simulations"))) {
            List<Path> all =
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertTrue(all.size() >= 15, "the examples are found: " + all);
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("everyExample")
    void everyExampleSavesToAnEqualScenario(Path example) throws IOException {
        ScenarioDocument doc = ScenarioDocument.open(example);
        // Saved beside the original, so relative trace and catalogue paths mean the same.
        Path copy = example.resolveSibling("." + example.getFileName() + ".roundtrip.json");
        try {
            doc.save(copy);
            assertEquals(
                    ScenarioLoader.load(example),
                    ScenarioLoader.load(copy)
                            .withBaseDir(example.toAbsolutePath().getParent()));
            assertEquals(ScenarioLoader.load(example), doc.check().scenario());
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @ParameterizedTest
    @MethodSource("everyExample")
    void everyFieldOfEveryExampleHasAControl(Path example) {
        ScenarioDocument doc = ScenarioDocument.open(example);
        assertEquals(List.of(), SpecSchema.uncovered(doc.root(), Scenario.class, "$"));
    }

    @Test
    void anEditedFieldIsWhatTheLoaderReads() {
        ScenarioDocument doc = ScenarioDocument.open(Path.of("simulations/fleet/serverless-bursty.json"));
        ObjectNode pool = (ObjectNode) doc.root().get("pools").get(0);
        pool.put("keep_alive_s", 42.5);
        doc.save(dir.resolve("edited.json"));
        var loaded = ScenarioLoader.load(dir.resolve("edited.json"));
        assertEquals(42.5, ((frontier.model.pool.ServerlessPool) loaded.pools().getFirst()).keepAliveS());
    }

    @Test
    void aValueOutOfRangeIsReportedAtItsFieldInTheAppsWords() {
        ScenarioDocument doc = ScenarioDocument.open(Path.of("simulations/fleet/serverless-bursty.json"));
        ((ObjectNode) doc.root().get("pools").get(0)).put("keep_alive_s", -1);
        var check = doc.check();
        assertFalse(check.ok());
        assertEquals("$.pools[0].keep_alive_s", check.problem().path());
        String name = doc.root().get("pools").get(0).get("name").asText();
        assertEquals("Pools › " + name + " › Keep-alive (s)", check.problem().where());
        assertFalse(check.problem().text().contains("$"), check.problem().text());
        assertFalse(
                check.problem().text().contains("keep_alive_s"), check.problem().text());
    }

    @Test
    void aSyntaxErrorPointsAtItsLineInPlainWords() {
        String text = """
                {
                  "name": "x",
                  "traffic": {"type": "poisson", "rate_per_s": 5}
                  "run": {"duration_s": 10}
                }
                """;
        var check =
                ScenarioDocument.of(ScenarioLoader.mapper().createObjectNode()).check(text);
        assertEquals(4, check.problem().line());
        assertEquals(
                "Line 4: column 3: expected a comma between two fields, found '\"'",
                check.problem().text());
    }

    @Test
    void aTrailingCommaAndAnUnclosedObjectAreNamedAsSuch() {
        var doc = ScenarioDocument.of(ScenarioLoader.mapper().createObjectNode());
        var trailing = doc.check("{\n \"name\": \"x\",\n}\n").problem();
        assertEquals(3, trailing.line());
        assertTrue(trailing.message().contains("remove the last comma"), trailing.message());
        var open = doc.check("{\n \"name\": \"x\",\n \"run\": {\"duration_s\": 10\n")
                .problem();
        assertTrue(open.message().contains("opened on line 3"), open.message());
        for (var p : List.of(trailing, open)) {
            assertFalse(p.text().contains("code "), p.text());
            assertFalse(p.text().contains("Source"), p.text());
        }
    }

    @Test
    void anUnknownFieldIsNamedWithWhatIsExpected() {
        var doc = ScenarioDocument.of(ScenarioLoader.mapper().createObjectNode());
        var p = doc.check("""
                {"traffic": {"type": "poisson", "rate_per_s": 5, "burstiness": 2},
                 "pool": {"servers": 1, "service": {"type": "exponential", "mean": 0.1}}, "run": {"duration_s": 10}}
                """).problem();
        assertEquals("Traffic › Burstiness", p.where());
        assertTrue(p.message().contains("“Requests per second”"), p.message());
    }
}
