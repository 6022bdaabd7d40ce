package frontier.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cli.CliRun;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import frontier.spark.LocalSpark;
import frontier.spark.SparkMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.JobExecutionStatus;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps run as Spark tasks on the shared embedded {@code local[2,3]} session: the same results file as the local
 * runner with 1 and 2 threads, byte for byte, for a Latin hypercube and for NSGA-II (one job per generation);
 * progress counts every configuration once; cancelling stops the job.
 *
 * <p>Abstract: it runs as the nested class {@code frontier.spark.SparkTest.SparkSweepTest}, with the other embedded-Spark
 * classes in one test JVM, so Spark starts once per run ({@code -Dtest=SparkTest} runs them).
 */
@Tag("spark")
public abstract class SparkSweepTest {
    static Path resource(String name) throws Exception {
        return Path.of(SparkSweepTest.class.getResource("/spark/" + name).toURI());
    }

    /** frontier-spark run in-process (the shared session is the one it gets), with exit code and both streams. */
    static CliRun spark(String... args) {
        LocalSpark.session();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkMain.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    static byte[] localResults(Path scenario, int threads, Path out) throws Exception {
        CliRun r = CliRun.of(
                "sweep", scenario.toString(), "--threads", String.valueOf(threads), "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        return Files.readAllBytes(out);
    }

    @Test
    void latinHypercubeOnSparkWritesTheLocalRunnersResultsFileByteForByte(@TempDir Path dir) throws Exception {
        Path scenario = resource("lhs-sweep.json");
        byte[] one = localResults(scenario, 1, dir.resolve("one.json"));
        byte[] two = localResults(scenario, 2, dir.resolve("two.json"));
        Path sparkOut = dir.resolve("spark.json");
        CliRun r = spark("sweep", scenario.toString(), "--out", sparkOut.toString(), "--master", "local[2]");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(one, two, "the local runner does not depend on threads");
        assertArrayEquals(one, Files.readAllBytes(sparkOut), "Spark local[2] writes the local runner's file");
        assertTrue(r.err().contains("sweep: 12/12 configurations (100%)"), r.err());
        assertTrue(r.err().contains("analyse with: frontier sweep " + sparkOut), r.err());
    }

    @Test
    void theSparkResultsFileOpensThroughTheExistingReaderAsTheLocalOneDoes(@TempDir Path dir) throws Exception {
        Path scenario = resource("lhs-sweep.json");
        Path local = dir.resolve("local.json");
        localResults(scenario, 2, local);
        Path sparkOut = dir.resolve("spark.json");
        assertEquals(
                0,
                spark("sweep", scenario.toString(), "--out", sparkOut.toString(), "--points-per-task", "5", "--quiet")
                        .code());
        CliRun fromLocal = CliRun.of("sweep", local.toString(), "--max", "p99=3000");
        CliRun fromSpark = CliRun.of("sweep", sparkOut.toString(), "--max", "p99=3000");
        assertEquals(0, fromSpark.code(), fromSpark.err());
        assertEquals(fromLocal.out(), fromSpark.out());
        assertTrue(fromSpark.out().startsWith("Sweep of spark-lhs: 12 points (latin_hypercube"), fromSpark.out());
        Path ws = dir.resolve("w.frontier");
        CliRun saved = CliRun.of("sweep", sparkOut.toString(), "--workspace", ws.toString());
        assertEquals(0, saved.code(), saved.err());
        assertTrue(saved.out().contains("Saved as sweep #1"), saved.out());
    }

    @Test
    void nsga2RunsOneSparkJobPerGenerationAndProposesWhatTheLocalSearchProposes(@TempDir Path dir) throws Exception {
        Path scenario = resource("nsga2-sweep.json");
        byte[] local = localResults(scenario, 2, dir.resolve("local.json"));
        JavaSparkContext jsc =
                JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
        Sweep sweep = Sweep.load(scenario);
        List<String> groups = new ArrayList<>();
        SparkSweepExecutor executor = new SparkSweepExecutor(LocalSpark.session(), SweepSource.of(scenario));
        SweepResult viaExecutor = new SweepRunner((s, points, control, progress) -> {
                    List<frontier.scenario.sweep.PointResult> rs = executor.run(s, points, control, progress);
                    groups.add(executor.jobGroup());
                    return rs;
                })
                .run(sweep, RunControl.NONE);
        assertEquals(3, groups.size(), "one batch per generation");
        assertEquals(3, groups.stream().distinct().count());
        for (String g : groups)
            assertEquals(1, jsc.statusTracker().getJobIdsForGroup(g).length, "one Spark job for generation " + g);
        Path sparkOut = dir.resolve("spark.json");
        assertEquals(
                0,
                spark("sweep", scenario.toString(), "--out", sparkOut.toString(), "--quiet")
                        .code());
        assertArrayEquals(local, Files.readAllBytes(sparkOut));
        assertEquals(
                SweepResult.fromJson(frontier.scenario.ScenarioLoader.mapper().readTree(local), "local")
                        .points()
                        .size(),
                viaExecutor.points().size());
    }

    @Test
    void progressCountsEveryConfigurationOnceAndRisesToOne() throws Exception {
        Path scenario = resource("lhs-sweep.json");
        Sweep sweep = Sweep.load(scenario);
        AtomicInteger done = new AtomicInteger();
        List<Double> fractions = new ArrayList<>();
        SparkSweepExecutor executor = new SparkSweepExecutor(
                LocalSpark.session(), SweepSource.of(scenario), 5, SparkSweepExecutor.RUN, done::addAndGet);
        new SweepRunner(executor).run(sweep, new RunControl() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public synchronized void progress(double f) {
                fractions.add(f);
            }
        });
        // Listener events arrive on Spark's listener bus, possibly after the job's results: wait for the last ones.
        LocalSpark.session().sparkContext().listenerBus().waitUntilEmpty();
        assertEquals(12, done.get(), "12 configurations in tasks of 5, 5 and 2");
        assertEquals(1.0, fractions.getLast());
        for (int i = 1; i < fractions.size(); i++)
            assertTrue(fractions.get(i) >= fractions.get(i - 1) || fractions.get(i) == 1.0, fractions.toString());
    }

    @Test
    @Timeout(300) // a guard against a cancel that never arrives, not a measurement
    void cancellingStopsTheJobAndThrowsCancelled() throws Exception {
        Path scenario = resource("lhs-sweep.json");
        Sweep sweep = Sweep.load(scenario);
        AtomicInteger done = new AtomicInteger();
        // Points 0 and 1 run; every other one waits until Spark interrupts its task, which only a cancel does.
        SparkSweepExecutor.PointFunction slow = (source, task) -> {
            if (task.index() < 2) return SparkSweepExecutor.RUN.apply(source, task);
            while (!org.apache.spark.TaskContext.get().isInterrupted()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    break;
                }
            }
            throw new CancelledException();
        };
        SparkSweepExecutor executor =
                new SparkSweepExecutor(LocalSpark.session(), SweepSource.of(scenario), 1, slow, done::addAndGet);
        RunControl cancelAfterFirst = new RunControl() {
            @Override
            public boolean isCancelled() {
                return done.get() >= 1;
            }

            @Override
            public void progress(double f) {}
        };
        assertThrows(CancelledException.class, () -> new SweepRunner(executor).run(sweep, cancelAfterFirst));
        JavaSparkContext jsc =
                JavaSparkContext.fromSparkContext(LocalSpark.session().sparkContext());
        LocalSpark.session().sparkContext().listenerBus().waitUntilEmpty();
        int[] jobs = jsc.statusTracker().getJobIdsForGroup(executor.jobGroup());
        assertEquals(1, jobs.length);
        // The job's end reaches the status tracker through the listener bus, which the scheduler may post to just
        // after the job's future failed: wait for the status to leave RUNNING (the test's timeout bounds it).
        JobExecutionStatus status;
        while ((status = jsc.statusTracker().getJobInfo(jobs[0]).status()) == JobExecutionStatus.RUNNING) {
            Thread.sleep(20);
            LocalSpark.session().sparkContext().listenerBus().waitUntilEmpty();
        }
        assertEquals(JobExecutionStatus.FAILED, status, "the job was cancelled, not finished");
        assertTrue(done.get() <= 2, "only the points that do not wait finished: " + done.get());
    }
}
