package frontier.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session of a job: the master given on the command line, else spark-submit's, else {@code local[*]}. */
public final class Sessions {
    private Sessions() {
    }

    /** The session for {@code appName}; {@code master} may be null (spark-submit's {@code --master}, else local[*]). */
    public static SparkSession open(String appName, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (master != null) b.master(master);
        else if (System.getProperty("spark.master") == null) b.master("local[*]");
        return b.getOrCreate();
    }
}
