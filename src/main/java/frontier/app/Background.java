package frontier.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * A view-model's background thread: one named daemon thread that runs work off the FX thread, one piece
 * after the other, and hands each outcome back on the FX thread. {@link #latest} work is superseded by
 * newer requests: only the newest one's outcome is handed back. Use from the FX application thread only.
 */
public final class Background {
    private final ExecutorService executor;
    private int generation;

    /** A background thread named {@code threadName}; a daemon, so it never keeps the application alive. */
    public Background(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} (e.g. a {@link Task} with its own handlers) after the work queued before it. */
    public void execute(Runnable work) {
        executor.execute(work);
    }

    /** Runs {@code work} in the background, then {@code onSucceeded} with its value or {@code onFailed} with what it threw, on the FX thread. */
    public <T> void run(Callable<T> work, Consumer<? super T> onSucceeded, Consumer<Throwable> onFailed) {
        submit(work, onSucceeded, onFailed, () -> true);
    }

    /**
     * {@link #run}, but the outcome is dropped when a later call of this method or of {@link #supersede} came
     * meanwhile: a newer request supersedes an older one.
     */
    public <T> void latest(Callable<T> work, Consumer<? super T> onSucceeded, Consumer<Throwable> onFailed) {
        int gen = ++generation;
        submit(work, onSucceeded, onFailed, () -> gen == generation);
    }

    /** Drops the outcome of the {@link #latest} work queued or running: nothing newer is needed. */
    public void supersede() {
        ++generation;
    }

    /** Interrupts the running work and drops the queued work; for when the window closes. */
    public void shutdown() {
        executor.shutdownNow();
    }

    private <T> void submit(Callable<T> work, Consumer<? super T> onSucceeded, Consumer<Throwable> onFailed, BooleanSupplier wanted) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> {
            if (wanted.getAsBoolean()) onSucceeded.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            if (wanted.getAsBoolean()) onFailed.accept(task.getException());
        });
        executor.execute(task);
    }
}
