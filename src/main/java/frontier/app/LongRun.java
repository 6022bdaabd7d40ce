package frontier.app;

import frontier.sim.BadInputException;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * A view-model's long run (a simulation, a comparison, a sweep), one at a time as a {@link BackgroundTask}
 * on its {@link TaskExecutor}, with progress and cancel as JavaFX properties. The work polls its
 * {@link TaskContext} (a {@link frontier.sim.RunControl}) for cancellation and reports its progress through
 * it. {@link #runningProperty()} stays true until the work has really returned, so a cancelled run is
 * reported only once it has stopped. How a run ended goes to one of three handlers on the UI thread: the
 * value and the seconds it took; "Cancelled after 2.0 s at 40% — no results."; or "Error: " and a
 * {@link BadInputException}'s message, else the exception in the app's words. Use from the UI thread only.
 */
public final class LongRun<T> {
    /** Hears the value of a run that succeeded and how many seconds it took. */
    @FunctionalInterface
    public interface Succeeded<T> {
        void accept(T value, double seconds);
    }

    private final TaskExecutor executor;
    private final Succeeded<T> onSucceeded;
    private final Consumer<String> onCancelled;
    private final Consumer<String> onFailed;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCancel = running.and(cancelRequested.not());
    private BackgroundTask<T> task;
    private long startNanos;

    /** Runs on {@code executor}; {@code onCancelled} and {@code onFailed} get the status message to show. */
    public LongRun(
            TaskExecutor executor, Succeeded<T> onSucceeded, Consumer<String> onCancelled, Consumer<String> onFailed) {
        this.executor = executor;
        this.onSucceeded = onSucceeded;
        this.onCancelled = onCancelled;
        this.onFailed = onFailed;
    }

    /** Starts {@code work} in the background; not while a run is in progress. */
    public void start(BackgroundTask.Work<T> work) {
        if (running.get()) throw new IllegalStateException("a run is in progress");
        BackgroundTask<T> t = BackgroundTask.of(work);
        t.onProgress(progress::set)
                .onSuccess(v -> {
                    double s = finished();
                    progress.set(1);
                    onSucceeded.accept(v, s);
                })
                .onCancelled(() -> {
                    double s = finished();
                    onCancelled.accept(String.format(
                            Locale.US,
                            "Cancelled after %.1f s at %.0f%% — no results.",
                            s,
                            Math.max(0, progress.get()) * 100));
                })
                .onFailure(e -> {
                    finished();
                    onFailed.accept(e instanceof BadInputException ? "Error: " + Messages.of(e) : Messages.of(e));
                });
        task = t;
        progress.set(0);
        running.set(true);
        cancelRequested.set(false);
        startNanos = System.nanoTime();
        executor.execute(t);
    }

    /** Asks the running work to stop; false (and nothing done) when no run can be cancelled. */
    public boolean cancel() {
        if (!canCancel.get()) return false;
        cancelRequested.set(true);
        task.cancel();
        return true;
    }

    /** Stops any run and the background thread; for when the window closes. */
    public void shutdown() {
        if (task != null) task.cancel();
        executor.shutdown();
    }

    /** Sets the progress back to 0, for new work to run; not while a run is in progress. */
    public void resetProgress() {
        if (!running.get()) progress.set(0);
    }

    /** Marks the run ended; the seconds it took. */
    private double finished() {
        running.set(false);
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Progress of the current run in [0, 1], or −1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True from {@link #start} until the work has returned (normally, failed or cancelled). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while a run is in progress and not yet asked to stop. */
    public BooleanBinding canCancelProperty() {
        return canCancel;
    }
}
