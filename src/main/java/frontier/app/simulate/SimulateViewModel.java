package frontier.app.simulate;

import frontier.app.LongRun;
import frontier.app.TaskExecutor;
import frontier.model.RunSpec;
import frontier.model.WorkLimitException;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.sim.BadInputException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Simulate view: the example list, the loaded scenario, the run in progress
 * and its results, all as JavaFX properties. Runs go to a background thread as a {@link LongRun} on an injected {@link TaskExecutor};
 * {@link #runningProperty()} stays true until the engine has really returned, so a cancelled run is
 * reported "Cancelled" only once it has stopped. Use from the FX application thread only.
 */
public final class SimulateViewModel {
    private final Path examplesDir;
    private final ScenarioRunner runner;
    private final LongRun<Summary> run;

    private final ObservableList<Example> examples = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Scenario> scenario = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> scenarioFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper scenarioName = new ReadOnlyStringWrapper("No scenario loaded");
    private final ReadOnlyStringWrapper scenarioDescription =
            new ReadOnlyStringWrapper("Pick an example on the left or open a scenario file (*.json).");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StatusKind> statusKind = new ReadOnlyObjectWrapper<>(StatusKind.INFO);
    private final ReadOnlyObjectWrapper<Summary> summary = new ReadOnlyObjectWrapper<>();
    private final ObservableList<SummaryRow> keyFigures = FXCollections.observableArrayList();
    private final ObservableList<PercentileRow> percentiles = FXCollections.observableArrayList();
    private final ObservableList<CostRow> costRows = FXCollections.observableArrayList();
    private final BooleanBinding canRun;

    public SimulateViewModel(Path examplesDir, ScenarioRunner runner) {
        this(examplesDir, runner, TaskExecutor.FX);
    }

    /** Runs go to an executor made by {@code executors} ({@link TaskExecutor#CURRENT_THREAD} in tests). */
    public SimulateViewModel(Path examplesDir, ScenarioRunner runner, TaskExecutor.Factory executors) {
        this.examplesDir = examplesDir;
        this.runner = runner;
        run = new LongRun<>(
                executors.named("frontier-simulate"),
                this::succeeded,
                message -> setStatus(StatusKind.INFO, message),
                this::error);
        canRun = scenario.isNotNull().and(run.runningProperty().not());
        refreshExamples();
    }

    /** Re-reads the examples directory. */
    public void refreshExamples() {
        try {
            examples.setAll(ExampleCatalog.find(examplesDir));
        } catch (UncheckedIOException e) {
            examples.clear();
            error("Cannot list the examples in " + examplesDir.toAbsolutePath() + ": "
                    + e.getCause().getMessage());
        }
    }

    /** Loads a scenario file; a file that cannot be used is reported in the status, never thrown. */
    public void open(Path file) {
        if (run.runningProperty().get()) return;
        clearResults();
        run.resetProgress();
        scenarioFile.set(file);
        try {
            Scenario s = ScenarioLoader.load(file);
            scenario.set(s);
            scenarioName.set(s.name());
            scenarioDescription.set(s.description());
            setStatus(StatusKind.INFO, "Ready: " + describe(s.run()) + ".");
        } catch (BadInputException e) {
            failedToOpen(file, frontier.app.Messages.of(e));
        } catch (RuntimeException e) {
            failedToOpen(file, "internal error: " + e);
        }
    }

    /** Starts the loaded scenario in the background; does nothing while a run is in progress. */
    public void run() {
        if (!canRun.get()) return;
        clearResults();
        Scenario s = scenario.get();
        Path file = scenarioFile.get();
        // Said before the start: an executor may run it to its end at once, and its outcome is the last word.
        setStatus(StatusKind.RUNNING, "Running " + describe(s.run()) + "…");
        run.start(control -> {
            try {
                return runner.run(s, control);
            } catch (WorkLimitException e) {
                // As the CLI says it: the file, then the field to change and the estimate.
                throw new BadInputException((file == null ? "" : file.getFileName() + ": ") + e.getMessage(), e);
            }
        });
    }

    /** Says {@code message} in the status line (what an export did, or why it could not). */
    public void info(String message) {
        setStatus(StatusKind.INFO, message);
    }

    /** Asks the running engine to stop; the status says "Cancelled" once it has. */
    public void cancel() {
        if (run.cancel()) setStatus(StatusKind.RUNNING, "Cancelling…");
    }

    /** Stops any run and the background thread; for when the window closes. */
    public void shutdown() {
        run.shutdown();
    }

    private void succeeded(Summary s, double seconds) {
        summary.set(s);
        keyFigures.setAll(SummaryRows.keyFigures(s));
        // A twin's comparison with what was observed is what its run is for: it leads the table.
        if (scenario.get() != null)
            keyFigures.addAll(0, SummaryRows.twinCheck(scenario.get().observed(), s));
        percentiles.setAll(SummaryRows.percentiles(s));
        costRows.setAll(SummaryRows.costRows(s));
        setStatus(
                StatusKind.DONE,
                String.format(
                        Locale.US,
                        "Done in %.1f s: %d replication%s, %,d events.",
                        seconds,
                        s.replications().size(),
                        s.replications().size() == 1 ? "" : "s",
                        s.events()));
    }

    private void failedToOpen(Path file, String message) {
        scenario.set(null);
        scenarioName.set("Cannot open " + file.getFileName());
        scenarioDescription.set("");
        error(message);
    }

    private void clearResults() {
        summary.set(null);
        keyFigures.clear();
        percentiles.clear();
        costRows.clear();
    }

    private void error(String message) {
        setStatus(StatusKind.ERROR, message);
    }

    private void setStatus(StatusKind kind, String message) {
        statusKind.set(kind);
        status.set(message);
    }

    static String describe(RunSpec r) {
        String each = r.durationS() != null
                ? String.format(Locale.US, "%,.0f simulated s", r.durationS())
                : r.requests() != null
                        ? String.format(Locale.US, "%,d requests", r.requests())
                        : "a batch job until it is done";
        int n = r.replications();
        return String.format(Locale.US, "%d replication%s × %s, seed %d", n, n == 1 ? "" : "s", each, r.seed());
    }

    public Path examplesDir() {
        return examplesDir;
    }

    public ObservableList<Example> examples() {
        return examples;
    }

    public ReadOnlyObjectProperty<Scenario> scenarioProperty() {
        return scenario.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> scenarioFileProperty() {
        return scenarioFile.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioNameProperty() {
        return scenarioName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scenarioDescriptionProperty() {
        return scenarioDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    /** Progress of the current run in [0, 1], or −1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    /** True from {@link #run()} until the engine has returned (normally, failed or cancelled). */
    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canCancelProperty() {
        return run.canCancelProperty();
    }

    public ReadOnlyObjectProperty<Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ObservableList<SummaryRow> keyFigures() {
        return keyFigures;
    }

    public ObservableList<PercentileRow> percentiles() {
        return percentiles;
    }

    /** The cost table of the last run: totals, then per pool its cost by state; empty without results. */
    public ObservableList<CostRow> costRows() {
        return costRows;
    }
}
