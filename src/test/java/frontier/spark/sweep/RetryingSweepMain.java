package frontier.spark.sweep;

import frontier.analysis.SweepAnalysis;
import frontier.analysis.SweepReport;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.RunControl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Run in its own JVM by {@link SparkSweepRetryTest}: a session on {@code local[2,3]} (2 cores, a task may fail
 * 3 times; the shared test session, local[2], allows one failure, and a JVM holds one SparkContext), where the
 * first attempt of every task throws, as a lost executor would. Writes the results file to args[1] and prints
 * {@code failed_attempts=N}.
 */
public final class RetryingSweepMain {
    private RetryingSweepMain() {}

    public static void main(String[] args) throws Exception {
        Path scenario = Path.of(args[0]);
        SparkSession spark = SparkSession.builder()
                .master("local[2,3]")
                .appName("frontier-retry-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        AtomicInteger failed = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                if (e.taskInfo().failed()) failed.incrementAndGet();
            }
        });
        SparkSweepExecutor.PointFunction failFirst = (source, task) -> {
            if (TaskContext.get().attemptNumber() == 0)
                throw new IllegalStateException("first attempt of point " + task.index() + " lost");
            return SparkSweepExecutor.RUN.apply(source, task);
        };
        try {
            Sweep sweep = Sweep.load(scenario);
            SweepResult r = new SweepRunner(new SparkSweepExecutor(spark, SweepSource.of(scenario), 1, failFirst, null))
                    .run(sweep, RunControl.NONE);
            Files.writeString(
                    Path.of(args[1]),
                    SweepReport.writeJson(SweepAnalysis.of(r, SweepAnalysis.DEFAULT_OBJECTIVES, List.of(), 0.5))
                            + "\n");
            spark.sparkContext().listenerBus().waitUntilEmpty();
            System.out.println("failed_attempts=" + failed.get());
        } finally {
            spark.stop();
        }
    }
}
