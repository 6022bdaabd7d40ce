package frontier.app.explore;

import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.RunControl;
import javafx.concurrent.Task;

/**
 * Runs every point of a sweep off the FX thread. The runner polls {@link #isCancelled()} and reports the
 * share of points done into {@link #progressProperty()}; a cancelled sweep ends with
 * {@link frontier.sim.CancelledException} inside {@link #call()}, which the Task then ignores.
 */
final class SweepTask extends Task<SweepResult> {
    private final Sweep sweep;
    private final SweepRunner runner;

    SweepTask(Sweep sweep, SweepRunner runner) {
        this.sweep = sweep;
        this.runner = runner;
    }

    @Override
    protected SweepResult call() {
        return runner.run(sweep, new RunControl() {
            @Override
            public boolean isCancelled() {
                return SweepTask.this.isCancelled();
            }

            @Override
            public void progress(double fraction) {
                updateProgress(fraction, 1.0);
            }
        });
    }
}
