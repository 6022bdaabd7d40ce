package frontier.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost executor's tasks are retried without changing the results: every task's first attempt fails, Spark
 * retries it, and the results file is still the local runner's byte for byte. Spark allows task retries in local
 * mode only with a {@code local[N,F]} master, and one JVM holds one SparkContext (the shared local[2] one), so
 * this test runs {@link RetryingSweepMain} in a JVM of its own on the test class path (tag slow: a second JVM
 * and Spark start-up, left out of ./run-tests -Pfast).
 */
@Tag("slow")
class SparkSweepRetryTest {
    @Test
    void tasksWhoseFirstAttemptFailsAreRetriedAndTheResultsAreUnchanged(@TempDir Path dir) throws Exception {
        Path scenario = SparkSweepTest.resource("lhs-sweep.json");
        byte[] local = SparkSweepTest.localResults(scenario, 2, dir.resolve("local.json"));
        Path out = dir.resolve("retried.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(
                        java,
                        "--sun-misc-unsafe-memory-access=allow",
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        RetryingSweepMain.class.getName(),
                        scenario.toString(),
                        out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile())
                .start();
        // A guard against a hung child JVM, not a measurement.
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the retrying sweep did not finish");
        }
        String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("failed_attempts=12"), "each of the 12 tasks failed once and was retried:\n" + log);
        assertArrayEquals(local, Files.readAllBytes(out), "retried tasks give the same results file");
    }
}
