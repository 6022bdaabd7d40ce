package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.testing.FxAppExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.util.WaitForAsyncUtils;

/** The application's executor: work runs off the FX thread, outcomes come back on it, superseded ones not at all. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class FxTaskExecutorTest {
    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final CountDownLatch last = new CountDownLatch(1);

    private void hear(String what) {
        heard.add(what + (Platform.isFxApplicationThread() ? "" : " (off the FX thread)"));
    }

    @Test
    void onlyTheNewestOfLatestTasksIsHandedBack() throws Exception {
        LatestTask latest = new LatestTask(new FxTaskExecutor("test-latest"));
        CountDownLatch gate = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
                    latest.run(
                            () -> {
                                gate.await();
                                return "older";
                            },
                            this::hear,
                            x -> hear("older failed"));
                    latest.run(
                            () -> "newer",
                            v -> {
                                hear(v);
                                last.countDown();
                            },
                            x -> hear("newer failed"));
                })
                .get();
        gate.countDown();
        assertTrue(last.await(30, TimeUnit.SECONDS), "the newer work ends");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("newer"), heard);
        latest.shutdown();
    }

    @Test
    void supersededWorkIsDroppedAndPlainWorkAlwaysAnswers() throws Exception {
        TaskExecutor executor = new FxTaskExecutor("test-run");
        LatestTask latest = new LatestTask(executor);
        CountDownLatch gate = new CountDownLatch(1);
        WaitForAsyncUtils.asyncFx(() -> {
                    latest.run(
                            () -> {
                                gate.await();
                                throw new IllegalStateException("boom");
                            },
                            v -> hear("superseded value"),
                            x -> hear("superseded failure"));
                    latest.supersede();
                    executor.run(
                            () -> {
                                throw new IllegalArgumentException("bad");
                            },
                            v -> hear("value"),
                            x -> hear("failed: " + x.getMessage()));
                    executor.run(
                            () -> "ok",
                            v -> {
                                hear(v);
                                last.countDown();
                            },
                            x -> hear("failed"));
                })
                .get();
        gate.countDown();
        assertTrue(last.await(30, TimeUnit.SECONDS), "the plain work ends");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("failed: bad", "ok"), heard);
        executor.shutdown();
    }

    @Test
    void progressAndMessagesArriveOnTheFxThreadBeforeTheOutcome() throws Exception {
        TaskExecutor executor = new FxTaskExecutor("test-progress");
        WaitForAsyncUtils.asyncFx(() -> executor.execute(BackgroundTask.of(context -> {
                            context.message("half");
                            context.progress(0.5);
                            return "done";
                        })
                        .onMessage(this::hear)
                        .onProgress(p -> hear("progress " + p))
                        .onSuccess(v -> {
                            hear(v);
                            last.countDown();
                        })))
                .get();
        assertTrue(last.await(30, TimeUnit.SECONDS), "the work ends");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("done", heard.getLast(), "the outcome last: " + heard);
        assertTrue(heard.containsAll(List.of("half", "progress 0.5")), "both heard on the FX thread: " + heard);
        executor.shutdown();
    }
}
