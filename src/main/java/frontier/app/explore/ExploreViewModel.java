package frontier.app.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.analysis.Constraint;
import frontier.analysis.SweepAnalysis;
import frontier.analysis.SweepReport;
import frontier.app.LongRun;
import frontier.app.TaskExecutor;
import frontier.app.simulate.Example;
import frontier.app.simulate.ExampleCatalog;
import frontier.model.Metric;
import frontier.pareto.Objective;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Explore view: the sweep scenario or results file, the run in progress, and the
 * analysis of the results (cost per 1,000 requests against the chosen latency percentile, with the SLO and
 * budget as constraints and the weighted optimum for weight α on cost), all as JavaFX properties. The
 * analysis is {@link SweepAnalysis}, the same as {@code frontier sweep}. Use from the FX thread only.
 */
public final class ExploreViewModel {
    /** The cost objective: USD per 1,000 requests. */
    public static final String COST = Metric.COST_PER_1K.path();

    public static final String COST_TOTAL = Metric.COST_TOTAL.path();
    /** The cost metrics the x axis can show. */
    public static final List<String> COSTS = List.of(COST, COST_TOTAL);
    /** Latency metrics the y axis can show, by short name; a batch job's mean and p90 completion time. */
    public static final List<String> LATENCIES = List.of("p50", "p95", "p99", "completion", "completion_p90");
    /** The quality objective (maximised), offered on the y axis when the results measure it. */
    public static final String QUALITY = "quality";

    private final Path examplesDir;
    private final SweepRunner runner;
    private final LongRun<SweepResult> run;

    private final ObservableList<Example> sweeps = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Sweep> sweep = new ReadOnlyObjectWrapper<>();
    /** The swept scenario's tree, for field labels; null for saved results (labels then come from the paths alone). */
    private com.fasterxml.jackson.databind.node.ObjectNode baseTree;

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No sweep loaded");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Pick a sweep scenario on the left, or open a scenario with a sweep or a saved results file.");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<SweepResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SweepAnalysis> analysis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper optimum = new ReadOnlyIntegerWrapper(-1);
    private final StringProperty latency = new SimpleStringProperty("p99");
    private final StringProperty cost = new SimpleStringProperty(COST);
    private final DoubleProperty alpha = new SimpleDoubleProperty(0.5);
    private final ObjectProperty<Double> slo = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> budget = new SimpleObjectProperty<>();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final IntegerProperty compared = new SimpleIntegerProperty(-1);
    private final BooleanBinding canRun;

    /** {@code examplesDir} is searched recursively for scenarios with a {@code sweep} section. */
    public ExploreViewModel(Path examplesDir, SweepRunner runner) {
        this(examplesDir, runner, TaskExecutor.FX);
    }

    /** Sweeps go to an executor made by {@code executors} ({@link TaskExecutor#CURRENT_THREAD} in tests). */
    public ExploreViewModel(Path examplesDir, SweepRunner runner, TaskExecutor.Factory executors) {
        this.examplesDir = examplesDir;
        this.runner = runner;
        run = new LongRun<>(executors.named("frontier-explore"), this::succeeded, this::info, this::fail);
        canRun = sweep.isNotNull().and(run.runningProperty().not());
        refreshFiles();
        latency.addListener(o -> analyse());
        cost.addListener(o -> analyse());
        slo.addListener(o -> analyse());
        budget.addListener(o -> analyse());
        // Moving the weight only moves the optimum: no need to recompute the front.
        alpha.addListener(o -> {
            SweepAnalysis a = analysis.get();
            optimum.set(
                    a == null || a.result().points().isEmpty()
                            ? -1
                            : a.weighted().best(clampAlpha()));
        });
    }

    /**
     * Re-reads the examples directory: every scenario below it with a {@code sweep} section (serving, batch and
     * cascade sweeps alike), titled by its name, sorted by relative path.
     */
    public void refreshFiles() {
        try {
            sweeps.setAll(ExampleCatalog.findSweeps(examplesDir));
        } catch (java.io.UncheckedIOException e) {
            sweeps.clear();
        }
    }

    /**
     * Opens a scenario with a sweep (ready to run) or a results file written by {@code frontier sweep --out}
     * or {@link #exportJson} (shown at once, nothing simulated). Problems go to the status, never thrown.
     */
    public void open(Path path) {
        if (run.runningProperty().get()) return;
        file.set(path);
        sweep.set(null);
        baseTree = null;
        setResult(null);
        run.resetProgress();
        try {
            String text;
            try {
                text = Files.readString(path);
            } catch (java.nio.charset.CharacterCodingException notUtf8) {
                text = frontier.scenario.ScenarioLoader.readText(
                        path); // UTF-16/32 with a byte-order mark, else a located refusal
            }
            JsonNode root = null;
            try {
                root = new ObjectMapper().readTree(text);
            } catch (IOException notJson) {
                // The scenario loader reports it with line and column.
            }
            if (root != null && root.isObject() && root.has("format")) {
                SweepResult r = SweepResult.fromJson(root, path.toString());
                title.set(r.scenario() + " (saved results)");
                setResult(r);
                if (analysis.get() == null) return; // the status says why
                info(String.format(
                        Locale.US,
                        "Opened %,d saved points (%s over %s); nothing simulated.",
                        r.points().size(),
                        r.method(),
                        String.join(", ", r.paths())));
                return;
            }
            Sweep s = Sweep.load(path);
            baseTree = s.baseTree();
            sweep.set(s);
            title.set(s.base().name());
            info(String.format(
                    Locale.US,
                    "Ready: %d configurations × %d replication%s (%s over %s).",
                    s.plannedPoints(),
                    s.replicationsPerPoint(),
                    s.replicationsPerPoint() == 1 ? "" : "s",
                    s.spec().method().label(),
                    String.join(", ", s.paths())));
        } catch (java.nio.file.NoSuchFileException e) {
            failed(path, path + ": no such file");
        } catch (IOException e) {
            failed(path, path + ": cannot read (" + e.getMessage() + ")");
        } catch (BadInputException e) {
            failed(path, frontier.app.Messages.of(e));
        } catch (RuntimeException e) {
            failed(path, "internal error: " + e);
        }
    }

    /**
     * Opens a sweep made in the app (the sweep editor of Compare), ready to run, as {@link #open} does a file.
     */
    public void open(Sweep s) {
        if (run.runningProperty().get()) return;
        file.set(null);
        baseTree = s.baseTree();
        sweep.set(s);
        setResult(null);
        run.resetProgress();
        title.set(s.base().name());
        info(String.format(
                Locale.US,
                "Ready: %d configurations × %d replication%s (%s over %s).",
                s.plannedPoints(),
                s.replicationsPerPoint(),
                s.replicationsPerPoint() == 1 ? "" : "s",
                s.spec().method().label(),
                String.join(", ", s.paths().stream().map(this::label).toList())));
    }

    /** What people call a swept field ("Spot instances", "Keep-alive (s)"), from its path and the swept scenario. */
    public String label(String path) {
        return frontier.scenario.alternatives.FieldLabels.label(baseTree, path);
    }

    /** Shows results that did not come from a file (tests, other views). */
    public void show(SweepResult r) {
        if (run.runningProperty().get()) return;
        file.set(null);
        sweep.set(null);
        baseTree = null;
        title.set(r.scenario());
        setResult(r);
        if (analysis.get() != null)
            info(String.format(Locale.US, "%,d points.", r.points().size()));
    }

    /** Runs the loaded sweep in the background; does nothing while a run is in progress. */
    public void run() {
        if (!canRun.get()) return;
        setResult(null);
        Sweep s = sweep.get();
        // Said before the start: an executor may run it to its end at once, and its outcome is the last word.
        info("Running " + s.plannedPoints() + " configurations…");
        run.start(control -> runner.run(s, control));
    }

    public void cancel() {
        if (run.cancel()) info("Cancelling…");
    }

    public void shutdown() {
        run.shutdown();
    }

    private void succeeded(SweepResult r, double seconds) {
        setResult(r);
        if (!error.get()) {
            SweepAnalysis a = analysis.get();
            info(String.format(
                    Locale.US,
                    "Done in %.1f s: %,d configurations, %d on the Pareto front.",
                    seconds,
                    r.points().size(),
                    a == null ? 0 : paretoCount(a)));
        }
    }

    private void setResult(SweepResult r) {
        selected.set(-1);
        compared.set(-1);
        // A batch job has no latency: its front is total cost against completion time.
        boolean batch =
                r != null && !r.points().isEmpty() && r.points().getFirst().hasMetric(Metric.BATCH_COMPLETION.path());
        if (batch && !latency.get().startsWith("completion")) {
            latency.set("completion");
            cost.set(COST_TOTAL);
        } else if (!batch && r != null && latency.get().startsWith("completion")) {
            latency.set("p99");
        }
        result.set(r);
        analyse();
    }

    /** Recomputes front, feasibility and optimum for the current latency metric, constraints and weight. */
    private void analyse() {
        SweepResult r = result.get();
        if (r == null) {
            analysis.set(null);
            optimum.set(-1);
            return;
        }
        try {
            SweepAnalysis a = SweepAnalysis.of(r, objectives(), constraints(), clampAlpha());
            analysis.set(a);
            optimum.set(a.optimum());
        } catch (BadInputException e) {
            analysis.set(null);
            optimum.set(-1);
            fail(frontier.app.Messages.of(e));
        }
    }

    /**
     * The objectives of the front: cost and the y axis, and quality (maximised) as a third when the results measure it
     * and it is not on the y axis already, which makes a three-way front the plot shows as colour.
     */
    public List<Objective> objectives() {
        List<Objective> o = new ArrayList<>(List.of(Objective.parse(cost.get()), Objective.parse(latency.get())));
        if (hasQuality() && !qualityOnY()) o.add(Objective.parse(QUALITY));
        return List.copyOf(o);
    }

    /** Whether the results measure quality ({@code quality.mean}: every pool's model has a quality figure). */
    public boolean hasQuality() {
        SweepResult r = result.get();
        if (r == null) return false;
        for (var p : r.points()) if (Double.isFinite(p.metric(Metric.QUALITY.path()))) return true;
        return false;
    }

    /** Whether the y axis shows quality instead of a latency (then the latency SLO does not apply). */
    public boolean qualityOnY() {
        return QUALITY.equals(latency.get());
    }

    /** The y-axis choices for the current results: the latencies, and quality when it is measured. */
    public List<String> yChoices() {
        if (!hasQuality()) return LATENCIES;
        List<String> l = new ArrayList<>(LATENCIES);
        l.add(QUALITY);
        return List.copyOf(l);
    }

    public List<Constraint> constraints() {
        List<Constraint> c = new ArrayList<>();
        if (slo.get() != null && !qualityOnY()) c.add(new Constraint(latencyPath(), slo.get()));
        if (budget.get() != null) c.add(new Constraint(cost.get(), budget.get()));
        return c;
    }

    /** The metric path of the y axis, e.g. {@code latency_ms.p99}. */
    public String latencyPath() {
        return Objective.metricPath(latency.get());
    }

    private double clampAlpha() {
        return Math.max(0, Math.min(1, alpha.get()));
    }

    static int paretoCount(SweepAnalysis a) {
        int n = 0;
        for (boolean b : a.pareto()) if (b) n++;
        return n;
    }

    /** Writes one CSV row per point (the columns of {@code frontier sweep --csv}). */
    public void exportCsv(Path target) throws IOException {
        SweepAnalysis a = analysis.get();
        if (a == null) throw new IOException("no results to export");
        Files.writeString(target, SweepReport.toCsv(a), StandardCharsets.UTF_8);
    }

    /** Writes the results file ({@code frontier sweep --json}), which {@link #open} reopens. */
    public void exportJson(Path target) throws IOException {
        SweepAnalysis a = analysis.get();
        if (a == null) throw new IOException("no results to export");
        Files.writeString(target, SweepReport.writeJson(a) + "\n", StandardCharsets.UTF_8);
    }

    void info(String message) {
        error.set(false);
        status.set(message);
    }

    void fail(String message) {
        error.set(true);
        status.set(message);
    }

    private void failed(Path path, String message) {
        title.set("Cannot open " + path.getFileName());
        fail(message);
    }

    /** The directory searched for sweep examples. */
    public Path examplesDir() {
        return examplesDir;
    }

    /** The example scenarios with a sweep, by title (their files, paths and descriptions in each {@link Example}). */
    public ObservableList<Example> sweeps() {
        return sweeps;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return run.progressProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public BooleanBinding canRunProperty() {
        return canRun;
    }

    public BooleanBinding canCancelProperty() {
        return run.canCancelProperty();
    }

    public ReadOnlyObjectProperty<SweepResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SweepAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    /** Index (into the result's points) of the weighted optimum for the current α, or −1. */
    public ReadOnlyIntegerProperty optimumProperty() {
        return optimum.getReadOnlyProperty();
    }

    /** Metric path of the cost on the x axis: cost per 1,000 requests or total cost of the run. */
    public StringProperty costProperty() {
        return cost;
    }

    /** Short name of the latency metric on the y axis: p50, p95 or p99. */
    public StringProperty latencyProperty() {
        return latency;
    }

    /** α, the weight on cost in [0, 1]; latency gets 1 − α. */
    public DoubleProperty alphaProperty() {
        return alpha;
    }

    /** Latency SLO in ms on the chosen metric, or null. */
    public ObjectProperty<Double> sloProperty() {
        return slo;
    }

    /** Budget in USD per 1,000 requests, or null. */
    public ObjectProperty<Double> budgetProperty() {
        return budget;
    }

    /** Index of the selected point, or −1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Index of the point compared with the selected one, or −1. */
    public IntegerProperty comparedProperty() {
        return compared;
    }
}
