package frontier.spark.session;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** How every Spark command of Frontier opens its session (below the commands, so the entry point stays their shell). */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * Spark logs at INFO through Log4j 2 when nothing configures it; unless {@code verbose} or a log4j2.properties is
     * on the class path (a Spark installation's conf/), use Frontier's warnings-only configuration. Before any Spark class loads.
     */
    public static void quietLogging(boolean verbose) {
        if (verbose || System.getProperty("log4j2.configurationFile") != null) return;
        ClassLoader cl = SparkSessions.class.getClassLoader();
        if (cl.getResource("log4j2.properties") != null || cl.getResource("log4j2.xml") != null) return;
        java.net.URL quiet = cl.getResource("frontier/spark/log4j2-quiet.properties");
        if (quiet != null) System.setProperty("log4j2.configurationFile", quiet.toString());
    }

    /**
     * The session of a command: the master given with {@code --master}, else the one spark-submit set
     * ({@code spark.master}), else {@code local[*]} (every core of this machine). Spark's own logging is kept to
     * warnings unless {@code verbose}. On a local master, unless configured otherwise ({@code --conf} or
     * {@code spark-defaults.conf}), without Spark's web UI: its server and pages take threads and CPU from the tasks on
     * the same cores, and the commands print their own progress.
     */
    public static SparkSession open(String master, String appName, boolean verbose) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        SparkConf given = new SparkConf();
        String effective = master != null ? master : given.get("spark.master", "local[*]");
        if (master != null) b.master(master);
        else if (!given.contains("spark.master")) b.master("local[*]");
        if (effective.startsWith("local") && !given.contains("spark.ui.enabled")) b.config("spark.ui.enabled", "false");
        SparkSession s = b.getOrCreate();
        if (!verbose) s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
