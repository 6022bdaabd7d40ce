package frontier.spark.session;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** How every Spark command of Frontier opens its session (below the commands, so the entry point stays their shell). */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * The session of a command: the master given with {@code --master}, else the one spark-submit set
     * ({@code spark.master}), else {@code local[*]} (every core of this machine). Spark's own logging is kept to
     * warnings unless {@code verbose}.
     */
    public static SparkSession open(String master, String appName, boolean verbose) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (master != null) b.master(master);
        else if (!new SparkConf().contains("spark.master")) b.master("local[*]");
        SparkSession s = b.getOrCreate();
        if (!verbose) s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
