package frontier.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One embedded Spark ({@code local[2]}) per test JVM, shared by every Spark test class: starting Spark costs
 * seconds, so it is started once, on first use, and stopped when the JVM exits.
 */
public final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("frontier-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            SparkSession s = session;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop, "stop-local-spark"));
        }
        return session;
    }
}
