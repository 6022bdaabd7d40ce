package frontier.app;

import frontier.sim.CancelledException;
import frontier.store.ImportCancelledException;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * A piece of work for a {@link TaskExecutor}: it runs off the UI thread, sees a {@link TaskContext}
 * (cancellation, progress, message), and its outcome goes to exactly one of three handlers on the UI
 * thread — success with the value, cancelled, or failure with what it threw. Progress and messages go to
 * their handlers on the UI thread too. A task cancelled before it started never runs; one cancelled while
 * running ends as cancelled whatever its work returned, so a superseded request's outcome is dropped.
 * Handlers are set before the task is executed; a task runs once. In the spirit of JabRef's
 * {@code BackgroundTask}: the view-model says what to do, the injected executor decides where it runs, and a
 * test runs it at once on its own thread with {@link CurrentThreadTaskExecutor}.
 */
public final class BackgroundTask<T> {
    /** The work itself; it may poll the context for cancellation and report progress through it. */
    @FunctionalInterface
    public interface Work<T> {
        T call(TaskContext context) throws Exception;
    }

    private final Work<T> work;
    private Consumer<? super T> onSuccess = v -> {};
    private Consumer<Throwable> onFailure = x -> {};
    private Runnable onCancelled = () -> {};
    private DoubleConsumer onProgress = p -> {};
    private Consumer<String> onMessage = m -> {};
    private volatile boolean cancelled;

    private BackgroundTask(Work<T> work) {
        this.work = work;
    }

    /** A task of {@code work}, which sees the task's context. */
    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** A task of {@code work}, which needs no context (a query: its outcome is dropped when cancelled). */
    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(context -> work.call());
    }

    /** On the UI thread with the value, when the work returned and the task was not cancelled. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        onSuccess = handler;
        return this;
    }

    /** On the UI thread with what the work threw (not a cancellation), when the task was not cancelled. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        onFailure = handler;
        return this;
    }

    /** On the UI thread once a cancelled task has stopped (or was dropped before it started). */
    public BackgroundTask<T> onCancelled(Runnable handler) {
        onCancelled = handler;
        return this;
    }

    /** On the UI thread with the latest progress (−1 while unknown); intermediate values may be skipped. */
    public BackgroundTask<T> onProgress(DoubleConsumer handler) {
        onProgress = handler;
        return this;
    }

    /** On the UI thread with the latest message; intermediate messages may be skipped. */
    public BackgroundTask<T> onMessage(Consumer<String> handler) {
        onMessage = handler;
        return this;
    }

    /** Asks the work to stop (it sees {@link TaskContext#isCancelled}); its outcome will be "cancelled". Any thread. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** For executors: runs the work on the calling thread with {@code context}. */
    public T call(TaskContext context) throws Exception {
        return work.call(context);
    }

    /** For executors, on the UI thread: progress reported by the work. */
    public void progressed(double fraction) {
        onProgress.accept(fraction);
    }

    /** For executors, on the UI thread: a message from the work. */
    public void said(String message) {
        onMessage.accept(message);
    }

    /**
     * For executors, on the UI thread, once the work has returned {@code value} or thrown {@code failure}
     * (null when it returned), or was dropped before it started (both null and the task cancelled): calls
     * the one handler that applies.
     */
    public void completed(T value, Throwable failure) {
        if (cancelled || failure instanceof CancelledException || failure instanceof ImportCancelledException)
            onCancelled.run();
        else if (failure != null) onFailure.accept(failure);
        else onSuccess.accept(value);
    }
}
