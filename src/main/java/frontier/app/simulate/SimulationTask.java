package frontier.app.simulate;

import frontier.scenario.Scenario;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.sim.RunControl;
import javafx.concurrent.Task;

/**
 * Runs one scenario off the FX thread. The engine polls {@link #isCancelled()} through its
 * {@link RunControl} and reports progress into {@link #progressProperty()}; a cancelled run ends with
 * {@link frontier.sim.CancelledException} thrown inside {@link #call()}, which the Task then ignores.
 */
final class SimulationTask extends Task<Summary> {
    private final Scenario scenario;
    private final ScenarioRunner runner;

    SimulationTask(Scenario scenario, ScenarioRunner runner) {
        this.scenario = scenario;
        this.runner = runner;
    }

    @Override
    protected Summary call() {
        return runner.run(scenario, new RunControl() {
            @Override
            public boolean isCancelled() {
                return SimulationTask.this.isCancelled();
            }

            @Override
            public void progress(double fraction) {
                updateProgress(fraction, 1.0);
            }
        });
    }
}
