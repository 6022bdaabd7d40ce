package frontier.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where {@link BackgroundTask}s run: {@link FxTaskExecutor} on a named background thread with the
 * outcome handed to the JavaFX application thread, {@link CurrentThreadTaskExecutor} at once on the
 * caller's thread (view-model tests without a UI toolkit). View-models take a {@link Factory} so that a test
 * injects the second.
 */
public interface TaskExecutor {
    /** Runs {@code task} after the tasks executed before it on this executor; returns it (to cancel it). */
    <T> BackgroundTask<T> execute(BackgroundTask<T> task);

    /** Runs {@code work} as a task with these handlers of its value and of what it threw, on the UI thread. */
    default <T> BackgroundTask<T> run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        return execute(BackgroundTask.wrap(work).onSuccess(onSuccess).onFailure(onFailure));
    }

    /** Cancels the running task, drops the queued ones and stops the thread; for when the window closes. */
    void shutdown();

    /** Makes an executor with its own thread, named for the work it does ("frontier-costs"). */
    @FunctionalInterface
    interface Factory {
        TaskExecutor named(String threadName);
    }

    /** The application's executors: each a background thread, outcomes on the FX thread. */
    Factory FX = FxTaskExecutor::new;

    /** Executors for tests: every task runs to its end inside {@link #execute}. */
    Factory CURRENT_THREAD = name -> new CurrentThreadTaskExecutor();
}
