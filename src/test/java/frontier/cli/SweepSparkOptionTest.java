package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.scenario.sweep.SparkSubmit;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frontier sweep FILE --spark MASTER --out RESULTS} where Spark is not installed: the command to run is printed. */
class SweepSparkOptionTest {
    @Test
    void withoutSparkSubmitTheExactCommandIsPrintedAndNothingRuns(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(
                SparkSubmit.findSparkSubmit(System.getenv()).isEmpty(),
                "spark-submit is installed here: the command would run");
        Path scenario = Path.of(
                SweepSparkOptionTest.class.getResource("/spark/lhs-sweep.json").toURI());
        Path out = dir.resolve("r.json");
        CliRun r = CliRun.of(
                "sweep",
                scenario.toString(),
                "--spark",
                "local[2]",
                "--spark-executor-memory",
                "2g",
                "--out",
                out.toString(),
                "--max",
                "p99=900");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out()
                        .startsWith(
                                "spark-submit --master 'local[2]' --executor-memory 2g --class frontier.spark.SparkMain "),
                r.out());
        assertTrue(
                r.out()
                        .contains("frontier-spark.jar sweep "
                                + scenario.toAbsolutePath().normalize() + " --out "
                                + out.toAbsolutePath().normalize()
                                + " --objectives cost,p99 --max p99=900 --alpha 0.5"),
                r.out());
        assertTrue(r.err().contains("spark-submit not found"), r.err());
        assertFalse(Files.exists(out), "nothing ran");
    }

    @Test
    void sparkNeedsAResultsFileAndItsOptionsNeedSpark() {
        CliRun noOut = CliRun.of("sweep", "x.json", "--spark");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--spark: needs --out RESULTS"), noOut.err());
        CliRun noSpark = CliRun.of("sweep", "x.json", "--spark-deploy-mode", "cluster");
        assertEquals(2, noSpark.code());
        assertTrue(noSpark.err().contains("only with --spark"), noSpark.err());
    }
}
