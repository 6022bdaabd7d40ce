package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import frontier.sim.CancelledException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A background task's outcome goes to exactly one handler; a long run's properties follow it (no UI toolkit needed). */
class BackgroundTaskTest {
    private final List<String> heard = new ArrayList<>();
    private final TaskExecutor now = new CurrentThreadTaskExecutor();

    private <T> BackgroundTask<T> heard(BackgroundTask<T> t) {
        return t.onSuccess(v -> heard.add("value " + v))
                .onFailure(x -> heard.add("failed " + x.getMessage()))
                .onCancelled(() -> heard.add("cancelled"))
                .onProgress(p -> heard.add("progress " + p))
                .onMessage(m -> heard.add("message " + m));
    }

    @Test
    void valueProgressAndMessagesReachTheirHandlersInOrder() {
        now.execute(heard(BackgroundTask.of(c -> {
            c.message("working");
            c.progress(0.5);
            return 42;
        })));
        assertEquals(List.of("message working", "progress 0.5", "value 42"), heard);
    }

    @Test
    void aFailureGoesToTheFailureHandlerOnly() {
        now.execute(heard(BackgroundTask.wrap(() -> {
            throw new BadInputException("no such file");
        })));
        assertEquals(List.of("failed no such file"), heard);
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRuns() {
        BackgroundTask<String> t = heard(BackgroundTask.wrap(() -> {
            heard.add("ran");
            return "x";
        }));
        t.cancel();
        now.execute(t);
        assertEquals(List.of("cancelled"), heard);
    }

    @Test
    void aCancellationThrownByTheWorkEndsAsCancelledNotFailed() {
        now.execute(heard(BackgroundTask.of(c -> {
            throw new CancelledException();
        })));
        assertEquals(List.of("cancelled"), heard);
    }

    @Test
    void aTaskCancelledWhileRunningDropsItsValue() {
        BackgroundTask<String>[] self = new BackgroundTask[1];
        self[0] = heard(BackgroundTask.of(c -> {
            self[0].cancel();
            assertTrue(c.isCancelled(), "the work sees the request");
            return "stale";
        }));
        now.execute(self[0]);
        assertEquals(List.of("cancelled"), heard);
    }

    @Test
    void latestTaskCancelsTheOneBefore() {
        LatestTask latest = new LatestTask(now);
        BackgroundTask<String> first = heard(BackgroundTask.wrap(() -> "first"));
        latest.run(first);
        latest.run(heard(BackgroundTask.wrap(() -> "second")));
        assertTrue(first.isCancelled(), "superseded");
        assertEquals(List.of("value first", "value second"), heard, "run at once, each finished before the next");
    }

    @Test
    void longRunReportsSuccessAndIsReadyForTheNext() {
        LongRun<Integer> run =
                new LongRun<>(now, (v, s) -> heard.add("value " + v), m -> heard.add(m), m -> heard.add(m));
        run.start(c -> {
            c.progress(0.25);
            return 7;
        });
        assertEquals(List.of("value 7"), heard);
        assertFalse(run.runningProperty().get());
        assertEquals(1.0, run.progressProperty().get(), 0.0, "a finished run shows full progress");
        assertFalse(run.canCancelProperty().get());
    }

    @Test
    void longRunSaysWhereACancelledRunStoppedAndAFailureInTheAppsWords() {
        LongRun<Integer> run =
                new LongRun<>(now, (v, s) -> heard.add("value " + v), m -> heard.add(m), m -> heard.add(m));
        run.start(c -> {
            c.progress(0.4);
            throw new CancelledException();
        });
        assertTrue(
                heard.getLast().startsWith("Cancelled after ")
                        && heard.getLast().endsWith(" s at 40% — no results."),
                heard.getLast());
        run.start(c -> {
            throw new BadInputException("run.horizon_s must be positive");
        });
        assertEquals("Error: run.horizon_s must be positive", heard.getLast());
    }
}
