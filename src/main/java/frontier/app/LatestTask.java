package frontier.app;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One kind of request (a query, a preview) where a newer request supersedes the older: each task is run on
 * the executor after cancelling the one before, so only the newest one's outcome reaches its handlers. Use
 * from the UI thread only.
 */
public final class LatestTask {
    private final TaskExecutor executor;
    private BackgroundTask<?> last;

    public LatestTask(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Runs {@code task}, superseding the one run before. */
    public <T> void run(BackgroundTask<T> task) {
        supersede();
        last = executor.execute(task);
    }

    /** Runs {@code work}, superseding the task run before; its value or what it threw go to these handlers. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        run(BackgroundTask.wrap(work).onSuccess(onSuccess).onFailure(onFailure));
    }

    /** Drops the outcome of the task queued or running: nothing newer is needed. */
    public void supersede() {
        if (last != null) last.cancel();
        last = null;
    }

    /** Stops the executor; for when the window closes. */
    public void shutdown() {
        supersede();
        executor.shutdown();
    }
}
