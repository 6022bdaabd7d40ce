package frontier.scenario.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit command the CLI and the app build for a sweep (docs/spark.md). */
class SparkSubmitTest {
    @Test
    void commandNamesMasterDeployModeMemoryTheJarsMainClassAndTheSweepArguments() {
        List<String> c = new SparkSubmit("spark://head:7077", "cluster", "4g")
                .command(
                        "spark-submit",
                        Path.of("/opt/frontier-spark.jar"),
                        Path.of("/data/s.json"),
                        Path.of("/data/r.json"),
                        List.of("--alpha", "0.3"));
        assertEquals(
                List.of(
                        "spark-submit",
                        "--master",
                        "spark://head:7077",
                        "--deploy-mode",
                        "cluster",
                        "--executor-memory",
                        "4g",
                        "--class",
                        "frontier.spark.SparkMain",
                        "/opt/frontier-spark.jar",
                        "sweep",
                        "/data/s.json",
                        "--out",
                        "/data/r.json",
                        "--alpha",
                        "0.3"),
                c);
        assertEquals(
                List.of(
                        "spark-submit",
                        "--master",
                        "yarn",
                        "--class",
                        "frontier.spark.SparkMain",
                        "j.jar",
                        "sweep",
                        "s.json",
                        "--out",
                        "r.json"),
                new SparkSubmit("yarn", "", null)
                        .command("spark-submit", Path.of("j.jar"), Path.of("s.json"), Path.of("r.json"), List.of()));
    }

    @Test
    void shellLineQuotesWhatAShellWouldExpand() {
        assertEquals(
                "spark-submit --master 'local[*]' sweep '/my dir/it'\\''s.json'",
                SparkSubmit.shellLine(List.of("spark-submit", "--master", "local[*]", "sweep", "/my dir/it's.json")));
    }

    @Test
    void badSettingsAreRefusedWithWhatIsExpected() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SparkSubmit(" ", null, null))
                .getMessage()
                .contains("master URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SparkSubmit("yarn", "remote", null))
                .getMessage()
                .contains("client or cluster"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SparkSubmit("yarn", null, "lots"))
                .getMessage()
                .contains("4g"));
    }

    @Test
    void sparkSubmitIsFoundInSparkHomeBeforePath(@TempDir Path dir) throws Exception {
        Path home = Files.createDirectories(dir.resolve("spark/bin"));
        Path onPath = Files.createDirectories(dir.resolve("path"));
        for (Path d : List.of(home, onPath)) {
            Path s = Files.writeString(d.resolve("spark-submit"), "#!/bin/sh\n");
            s.toFile().setExecutable(true);
        }
        assertEquals(
                home.resolve("spark-submit"),
                SparkSubmit.findSparkSubmit(
                                Map.of("SPARK_HOME", dir.resolve("spark").toString(), "PATH", onPath.toString()))
                        .orElseThrow());
        assertEquals(
                onPath.resolve("spark-submit"),
                SparkSubmit.findSparkSubmit(Map.of("PATH", "/nonexistent:" + onPath))
                        .orElseThrow());
        assertTrue(
                SparkSubmit.findSparkSubmit(Map.of("PATH", dir.resolve("none").toString()))
                        .isEmpty());
    }
}
