package frontier.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Twins as the calibrator wrote them before it built them as typed records (commit 0e0ca9c, an ObjectNode
 * tree): a twin calibrated now must load to the same {@link Scenario} record and carry the same report. The
 * golden files are in src/test/resources/twin/golden/; {@code -Dfrontier.twin.writeGolden=true} writes them
 * afresh (only when the calibrator's output is meant to change).
 */
final class TwinGolden {
    private static final Path DIR =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("src/test/resources/twin/golden");

    private TwinGolden() {}

    /** Asserts that {@code twin}, written to {@code out}, is the golden twin {@code name}. */
    static void assertSame(String name, Calibrator.Twin twin, Path out) throws IOException {
        Path scenario = DIR.resolve(name + ".json");
        Path report = DIR.resolve(name + ".report.json");
        if (Boolean.getBoolean("frontier.twin.writeGolden")) {
            Files.createDirectories(DIR);
            Files.writeString(scenario, Files.readString(out));
            Files.writeString(report, ScenarioLoader.mapper().writeValueAsString(twin.report()) + "\n");
            return;
        }
        assertTrue(Files.exists(scenario), scenario + " is missing: write it with -Dfrontier.twin.writeGolden=true");
        Path base = out.toAbsolutePath().getParent();
        Scenario expected = ScenarioLoader.parse(Files.readString(scenario), scenario.toString(), base);
        Scenario actual = ScenarioLoader.parse(Files.readString(out), out.toString(), base);
        assertEquals(expected, actual, name + ": the twin loads to another scenario than the golden one");
        JsonNode expectedReport = ScenarioLoader.mapper().readTree(Files.readString(report));
        assertEquals(expectedReport, twin.report(), name + ": the report differs from the golden one");
    }
}
