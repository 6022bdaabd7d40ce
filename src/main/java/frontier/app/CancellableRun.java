package frontier.app;

import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.concurrent.Task;

/**
 * A view-model's long run (a simulation, a sweep), one at a time on its own {@link Background} thread, with
 * progress and cancel as JavaFX properties. The work polls a {@link RunControl} for cancellation and reports
 * its progress through it; a cancelled run ends with {@link frontier.sim.CancelledException} thrown inside
 * the {@link Task}, which the Task then ignores. {@link #runningProperty()} stays true until the work has
 * really returned, so a cancelled run is reported only once it has stopped. How a run ended goes to one of
 * three handlers on the FX thread: the value and the seconds it took; "Cancelled after 2.0 s at 40% — no
 * results."; or "Error: " and a {@link BadInputException}'s message, else "Internal error: " and the
 * exception. Use from the FX application thread only.
 */
public final class CancellableRun<T> {
    /** Hears the value of a run that succeeded and how many seconds it took. */
    @FunctionalInterface
    public interface Succeeded<T> {
        void accept(T value, double seconds);
    }

    private final Background background;
    private final Succeeded<T> onSucceeded;
    private final Consumer<String> onCancelled;
    private final Consumer<String> onFailed;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canCancel = running.and(cancelRequested.not());
    private ControlledTask<T> task;
    private long startNanos;

    /**
     * Runs on a thread named {@code threadName}; {@code onCancelled} and {@code onFailed} get the status
     * message to show.
     */
    public CancellableRun(String threadName, Succeeded<T> onSucceeded, Consumer<String> onCancelled, Consumer<String> onFailed) {
        this.background = new Background(threadName);
        this.onSucceeded = onSucceeded;
        this.onCancelled = onCancelled;
        this.onFailed = onFailed;
    }

    /** Starts {@code work} in the background; not while a run is in progress. */
    public void start(Function<RunControl, T> work) {
        if (running.get()) throw new IllegalStateException("a run is in progress");
        ControlledTask<T> t = new ControlledTask<>(work);
        task = t;
        progress.bind(t.progressProperty());
        running.set(true);
        cancelRequested.set(false);
        startNanos = System.nanoTime();
        background.execute(() -> {
            try {
                t.run();
            } finally {
                // Queued after the Task's own state change, so the state is final when this runs.
                Platform.runLater(() -> finished(t));
            }
        });
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
        background.shutdown();
    }

    /** Sets the progress back to 0, for new work to run; not while a run is in progress (it is bound to the run then). */
    public void resetProgress() {
        progress.set(0);
    }

    private void finished(ControlledTask<T> t) {
        progress.unbind();
        running.set(false);
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        switch (t.getState()) {
            case SUCCEEDED -> {
                progress.set(1);
                onSucceeded.accept(t.getValue(), seconds);
            }
            case CANCELLED -> onCancelled.accept(String.format(Locale.US, "Cancelled after %.1f s at %.0f%% — no results.", seconds,
                    Math.max(0, progress.get()) * 100));
            default -> {
                Throwable e = t.getException();
                onFailed.accept(e instanceof BadInputException ? "Error: " + Messages.of(e) : Messages.of(e));
            }
        }
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

    /** The work as a {@link Task}: its cancellation and progress are what the work's {@link RunControl} sees and reports. */
    private static final class ControlledTask<T> extends Task<T> {
        private final Function<RunControl, T> work;

        ControlledTask(Function<RunControl, T> work) {
            this.work = work;
        }

        @Override
        protected T call() {
            return work.apply(new RunControl() {
                @Override
                public boolean isCancelled() {
                    return ControlledTask.this.isCancelled();
                }

                @Override
                public void progress(double fraction) {
                    updateProgress(fraction, 1.0);
                }
            });
        }
    }
}
