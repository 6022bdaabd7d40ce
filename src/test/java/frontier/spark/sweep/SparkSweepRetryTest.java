package frontier.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import frontier.analysis.SweepAnalysis;
import frontier.analysis.SweepReport;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.RunControl;
import frontier.spark.LocalSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lost executor's tasks are retried without changing the results: every task's first attempt fails, Spark
 * retries it, and the results file is still the local runner's byte for byte. Spark allows task retries in local
 * mode only with a {@code local[N,F]} master; the shared test session is {@code local[2,3]} ({@link LocalSpark}), so
 * this runs on it, in the test JVM (it used to start a second Spark in a JVM of its own).
 *
 * <p>Abstract: it runs as the nested class {@code frontier.spark.SparkTest.SparkSweepRetryTest}, with the other embedded-Spark
 * classes in one test JVM, so Spark starts once per run ({@code -Dtest=SparkTest} runs them).
 */
@Tag("spark")
public abstract class SparkSweepRetryTest {
    @Test
    void tasksWhoseFirstAttemptFailsAreRetriedAndTheResultsAreUnchanged(@TempDir Path dir) throws Exception {
        retriedTasksGiveTheLocalResults(dir, 1, 12);
    }

    /** The default plan: 4 tasks per slot (8 on the 2 slots), the 12 points dealt round-robin; a retry reruns a whole task. */
    @Test
    void tasksOfSeveralPointsDealtRoundRobinAreRetriedWholeAndTheResultsAreUnchanged(@TempDir Path dir)
            throws Exception {
        retriedTasksGiveTheLocalResults(dir, SparkSweepExecutor.AUTO, 8);
    }

    private static void retriedTasksGiveTheLocalResults(Path dir, int pointsPerTask, int tasks) throws Exception {
        Path scenario = SparkSweepTest.resource("lhs-sweep.json");
        byte[] local = SparkSweepTest.localResults(scenario, 2, dir.resolve("local.json"));

        SparkSession spark = LocalSpark.session();
        AtomicInteger failed = new AtomicInteger();
        SparkListener countFailures = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd e) {
                if (e.taskInfo().failed()) failed.incrementAndGet();
            }
        };
        SparkSweepExecutor.PointFunction failFirst = (source, task) -> {
            if (TaskContext.get().attemptNumber() == 0)
                throw new IllegalStateException("first attempt of point " + task.index() + " lost");
            return SparkSweepExecutor.RUN.apply(source, task);
        };
        spark.sparkContext().addSparkListener(countFailures);
        String retried;
        try {
            SweepResult r = new SweepRunner(
                            new SparkSweepExecutor(spark, SweepSource.of(scenario), pointsPerTask, failFirst, null))
                    .run(Sweep.load(scenario), RunControl.NONE);
            retried =
                    SweepReport.writeJson(SweepAnalysis.of(r, SweepAnalysis.DEFAULT_OBJECTIVES, List.of(), 0.5)) + "\n";
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().removeSparkListener(countFailures);
        }
        assertEquals(tasks, failed.get(), "each of the " + tasks + " tasks failed once and was retried");
        assertArrayEquals(local, retried.getBytes(StandardCharsets.UTF_8), "retried tasks give the same results file");
    }
}
