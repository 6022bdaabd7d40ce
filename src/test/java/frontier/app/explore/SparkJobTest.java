package frontier.app.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How a spark-submit started from Explore ends in the status line, with a shell script standing in for it. */
class SparkJobTest {
    private static final Path SH = Path.of("/bin/sh");

    @Test
    void aJobTheUserStoppedSaysStoppedNotItsExitCode() throws Exception {
        assumeTrue(Files.isExecutable(SH), "needs /bin/sh to stand in for spark-submit");
        // exec: the shell becomes the long-running process, as spark-submit becomes its driver's JVM.
        SparkJob job =
                SparkJob.start(List.of(SH.toString(), "-c", "echo 'sweep: 1/10 configurations (10%)'; exec sleep 60"));
        CountDownLatch started = new CountDownLatch(1);
        List<String> progress = new CopyOnWriteArrayList<>();
        CompletableFuture<String> end = CompletableFuture.supplyAsync(() -> job.await(line -> {
            progress.add(line);
            started.countDown();
        }));
        assertTrue(started.await(30, TimeUnit.SECONDS), "the progress line arrives");
        job.stop();
        String message = end.get(30, TimeUnit.SECONDS);
        assertTrue(message.startsWith("Stopped"), message);
        // The log's random temporary name may contain "143" itself: look at the message without it.
        assertFalse(message.replace(job.log().toString(), "").contains("143"), message);
        assertEquals(List.of("1/10 configurations (10%)"), progress);
        assertTrue(Files.readString(job.log()).contains("sweep: 1/10"), "the output is kept in the log");
    }

    @Test
    void aRealFailureKeepsTheJobsLastLineAndExitCode() throws Exception {
        assumeTrue(Files.isExecutable(SH), "needs /bin/sh to stand in for spark-submit");
        SparkJob job = SparkJob.start(List.of(
                SH.toString(), "-c", "echo 'starting'; echo 'Error: Master must start with yarn, spark' >&2; exit 1"));
        String message = job.await(line -> {});
        assertTrue(
                message.startsWith("The Spark job failed (exit code 1): Error: Master must start with yarn"), message);
        assertTrue(message.endsWith(job.log().toString()), message);
    }

    @Test
    void aJobThatSucceedsHasNoMessage() throws Exception {
        assumeTrue(Files.isExecutable(SH), "needs /bin/sh to stand in for spark-submit");
        assertNull(SparkJob.start(List.of(SH.toString(), "-c", "echo done")).await(line -> {}));
    }

    @Test
    void stoppedWinsOverAnyExitCodeAndAFailureWithoutOutputStillNamesItsCode() {
        Path log = Path.of("/tmp/x.log");
        assertTrue(SparkJob.ending(143, true, "", log).startsWith("Stopped"));
        assertTrue(SparkJob.ending(0, true, "", log).startsWith("Stopped"));
        assertEquals(
                "The Spark job failed (exit code 2); its output is in /tmp/x.log", SparkJob.ending(2, false, " ", log));
    }
}
