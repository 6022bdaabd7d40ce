package frontier.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;

/**
 * One named daemon thread that runs {@link BackgroundTask}s one after the other, off the JavaFX
 * application thread, and hands their progress, messages and outcome to the FX thread. Progress and
 * messages are coalesced: the FX thread sees the latest, never a queue of stale ones, and always before
 * the outcome. Execute from the FX thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private final ExecutorService thread;
    private volatile BackgroundTask<?> running;

    /** A thread named {@code threadName}; a daemon, so it never keeps the application alive. */
    public FxTaskExecutor(String threadName) {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        thread.execute(() -> run(task));
        return task;
    }

    private <T> void run(BackgroundTask<T> task) {
        if (task.isCancelled()) {
            Platform.runLater(() -> task.completed(null, null));
            return;
        }
        running = task;
        Context<T> context = new Context<>(task);
        T value = null;
        Throwable failure = null;
        try {
            value = task.call(context);
        } catch (Exception | Error x) {
            failure = x;
        } finally {
            running = null;
        }
        T v = value;
        Throwable f = failure;
        // Queued after the last progress and message, so the handlers see the outcome last.
        Platform.runLater(() -> task.completed(v, f));
    }

    @Override
    public void shutdown() {
        BackgroundTask<?> t = running;
        if (t != null) t.cancel();
        thread.shutdownNow();
    }

    /** The task's context: progress and messages posted to the FX thread, at most one of each pending. */
    private static final class Context<T> implements TaskContext {
        private static final Object NONE = new Object();
        private final BackgroundTask<T> task;
        private final AtomicReference<Object> progress = new AtomicReference<>(NONE);
        private final AtomicReference<Object> message = new AtomicReference<>(NONE);

        Context(BackgroundTask<T> task) {
            this.task = task;
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public void progress(double fraction) {
            if (progress.getAndSet(fraction) == NONE)
                Platform.runLater(() -> task.progressed((Double) progress.getAndSet(NONE)));
        }

        @Override
        public void message(String text) {
            if (message.getAndSet(text) == NONE) Platform.runLater(() -> task.said((String) message.getAndSet(NONE)));
        }
    }
}
