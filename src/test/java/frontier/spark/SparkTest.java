package frontier.spark;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;

/**
 * Every test class that runs embedded Spark, as nested classes of this one. Surefire hands each top-level class whole to
 * one of the suite's two test JVMs, and each JVM that drew a Spark class started its own Spark ({@link LocalSpark}, once
 * per JVM): as one class they start it once per run. Measured with {@code -Dfrontier.test.cpuLog}: the four classes
 * took 31.3 s of CPU in two JVMs (each starting Spark: the retry test 7.8 s there against 2.0 s after another class had
 * started it), 28.3 s in one (load average 6-15). The classes keep their packages (they use package-private parts of
 * the code they test) and their own documentation; they are abstract so that nothing runs them a second time.
 */
@Tag("spark")
class SparkTest {
    @Nested
    class SparkSmokeTest extends frontier.spark.SparkSmokeTest {}

    @Nested
    class SparkRollupTest extends frontier.spark.rollup.SparkRollupTest {}

    @Nested
    class SparkSweepTest extends frontier.spark.sweep.SparkSweepTest {}

    @Nested
    class SparkSweepRetryTest extends frontier.spark.sweep.SparkSweepRetryTest {}
}
