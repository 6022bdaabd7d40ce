package frontier.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One embedded Spark per test JVM, shared by every Spark test class: starting Spark costs seconds, so it is started
 * once, on first use, and stopped when the JVM exits. {@code local[2,3]}: two cores, and a task may fail up to three
 * times (a cluster's default is four; plain {@code local[2]} allows no retry at all), so the retry test
 * ({@code SparkSweepRetryTest}) runs on this session instead of starting Spark again in a JVM of its own. A task that
 * fails for good (bad input) fails the same way, after its retries.
 */
public final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2,3]")
                    .appName("frontier-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "2")
                    .getOrCreate();
            SparkSession s = session;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop-local-spark"));
        }
        return session;
    }
}
