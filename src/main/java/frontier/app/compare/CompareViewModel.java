package frontier.app.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.app.LongRun;
import frontier.app.TaskExecutor;
import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.SweepSpec;
import frontier.scenario.alternatives.Alternative;
import frontier.scenario.alternatives.Baseline;
import frontier.scenario.alternatives.CompareMetric;
import frontier.scenario.alternatives.Comparison;
import frontier.scenario.alternatives.QuickAlternatives;
import frontier.scenario.sweep.Sweep;
import frontier.sim.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Compare view: the baseline (the scenario open in Simulate), the alternatives the
 * user made from it, each validated when added, the run of all of them with progress and cancel, and the
 * comparison as table rows. An alternative that cannot be made (a keep-alive on an always-on pool, an
 * instance type the catalogue lacks) is refused with the reason in the status. Use from the FX thread only.
 */
public final class CompareViewModel {
    private final ScenarioRunner runner;
    private final PriceCatalogue catalogue;
    private final LongRun<Comparison> run;

    private final ReadOnlyObjectWrapper<Baseline> baseline = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Alternative.Built> alternatives = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("No scenario");
    private final ReadOnlyStringWrapper status =
            new ReadOnlyStringWrapper("Open a scenario in Simulate: it is the baseline the alternatives change.");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final BooleanBinding canRun;

    public CompareViewModel(ScenarioRunner runner, PriceCatalogue catalogue) {
        this(runner, catalogue, TaskExecutor.FX);
    }

    /** Runs go to an executor made by {@code executors} ({@link TaskExecutor#CURRENT_THREAD} in tests). */
    public CompareViewModel(ScenarioRunner runner, PriceCatalogue catalogue, TaskExecutor.Factory executors) {
        this.runner = runner;
        this.catalogue = catalogue;
        run = new LongRun<>(executors.named("frontier-compare"), this::succeeded, this::info, this::fail);
        canRun = baseline.isNotNull()
                .and(Bindings.isNotEmpty(alternatives))
                .and(run.runningProperty().not());
    }

    /** Makes the scenario file the baseline; its alternatives and results are dropped (they belong to the old one). */
    public void setBaseline(Path file) {
        if (run.runningProperty().get()) run.cancel();
        alternatives.clear();
        setComparison(null);
        run.resetProgress();
        if (file == null) {
            baseline.set(null);
            title.set("No scenario");
            info("Open a scenario in Simulate: it is the baseline the alternatives change.");
            return;
        }
        try {
            Baseline b = Baseline.load(file);
            baseline.set(b);
            title.set(b.scenario().name());
            info((b.scenario().isBatch()
                            ? "Try all on demand, hourly checkpoints and a deadline fallback in one click, or make"
                                    + " alternatives of the job on the left: each"
                            : "Try spot, serverless and a cheaper GPU in one click, or make alternatives on the left:"
                                    + " each")
                    + " changes the baseline in one or more ways.");
        } catch (BadInputException e) {
            baseline.set(null);
            title.set("Cannot open " + file.getFileName());
            fail(e.getMessage());
        }
    }

    /** Validates and adds an alternative; false (and the reason in the status) when it cannot be made. */
    public boolean add(Alternative a) {
        Baseline b = baseline.get();
        if (b == null || run.runningProperty().get()) return false;
        try {
            Alternative.Built built = a.build(b, catalogue);
            alternatives.add(built);
            setComparison(null);
            info("Added \"" + a.name() + "\""
                    + (built.notes().isEmpty() ? "." : "; assumed: " + String.join("; ", built.notes()) + "."));
            return true;
        } catch (BadInputException e) {
            String m = e.getMessage();
            String prefix = b.source() + " (alternative ";
            // "FILE (alternative "X"): why" reads as "Alternative "X": why" in the app, where the file is the baseline.
            if (m.startsWith(prefix))
                m = "Alternative " + m.substring(prefix.length()).replaceFirst("\\): ", ": ");
            fail(m);
            return false;
        }
    }

    /** Whether the baseline is a batch job (its alternatives change the job's fleet, not pools). */
    public boolean isBatch() {
        Baseline b = baseline.get();
        return b != null && b.scenario().isBatch();
    }

    /**
     * "Try spot, serverless and a cheaper GPU" (for a batch job "Try all on demand, hourly checkpoints and a deadline
     * fallback"): adds the three alternatives of {@link QuickAlternatives} (those not there already) made on
     * {@code pool} (null: the first; a batch job has none) and runs the comparison at once. What cannot be made is
     * said in the status with the reason, and again when the run is done.
     */
    public void tryQuickAlternatives(String pool) {
        Baseline b = baseline.get();
        if (b == null || run.runningProperty().get()) return;
        QuickAlternatives.Made made = QuickAlternatives.of(b, catalogue, pool);
        List<String> problems = new ArrayList<>(made.skipped());
        for (Alternative a : made.alternatives()) {
            if (alternatives.stream().anyMatch(x -> x.alternative().name().equals(a.name()))) continue;
            try {
                alternatives.add(a.build(b, catalogue));
            } catch (BadInputException e) {
                String m = e.getMessage();
                String prefix = b.source() + " (alternative ";
                problems.add(m.startsWith(prefix) ? "Alternative " + m.substring(prefix.length()) : m);
            }
        }
        setComparison(null);
        quickProblems = (made.prices().isEmpty() ? "" : " Prices: " + String.join("; ", made.prices()) + ".")
                + (problems.isEmpty() ? "" : " Not made: " + String.join("; ", problems) + ".");
        if (canRun.get()) run();
        else {
            fail("Nothing to compare." + quickProblems);
            quickProblems = "";
        }
    }

    /** Why one of the one-click alternatives could not be made, said again when the run is done ("" if none). */
    private String quickProblems = "";

    /** What the status says after the run's outcome: why one-click alternatives were not made. */
    private String doneNote = "";

    public void remove(int index) {
        if (run.runningProperty().get() || index < 0 || index >= alternatives.size()) return;
        alternatives.remove(index);
        setComparison(null);
    }

    /** Runs the baseline and every alternative on the same random numbers, in the background. */
    public void run() {
        if (!canRun.get()) return;
        Baseline b = baseline.get();
        List<Alternative.Built> alts = List.copyOf(alternatives);
        setComparison(null);
        doneNote = quickProblems;
        quickProblems = "";
        int reps = b.scenario().run().replications();
        // Said before the start: an executor may run it to its end at once, and its outcome is the last word.
        info(String.format(
                Locale.US,
                "Running the baseline and %d alternative%s, %d replication%s each on the same random numbers…"
                        + doneNote,
                alts.size(),
                alts.size() == 1 ? "" : "s",
                reps,
                reps == 1 ? "" : "s"));
        run.start(control -> Comparison.run(b, alts, runner, control));
    }

    public void cancel() {
        if (run.cancel()) info("Cancelling…");
    }

    public void shutdown() {
        run.shutdown();
    }

    private void succeeded(Comparison c, double seconds) {
        setComparison(c);
        CompareLens lens = CompareLens.of(c);
        long dropping = java.util.stream.IntStream.range(1, c.entries().size())
                .filter(i -> !lens.warning(c, i).isEmpty())
                .count();
        info(String.format(
                        Locale.US,
                        "Done in %.1f s: %d alternative%s against the baseline%s.",
                        seconds,
                        c.entries().size() - 1,
                        c.entries().size() == 2 ? "" : "s",
                        dropping == 0
                                ? ""
                                : "; " + dropping + " of them "
                                        + (lens.batch()
                                                ? (dropping == 1 ? "is" : "are")
                                                        + " done by the deadline less often (marked ⚠)"
                                                : "drop requests (marked ⚠)"))
                + doneNote);
    }

    private void setComparison(Comparison c) {
        comparison.set(c);
        selected.set(-1);
        rows.setAll(c == null ? List.of() : rowsOf(c));
    }

    /**
     * The metrics the table shows: cost per 1M tokens only when requests carry tokens; a batch job's own figures
     * (completion, deadline, cost of the job, work lost) for a batch baseline.
     */
    public List<CompareMetric> metrics() {
        Comparison c = comparison.get();
        Baseline b = baseline.get();
        boolean batch = b != null && b.scenario().isBatch();
        List<CompareMetric> out = new ArrayList<>();
        for (CompareMetric m : CompareMetric.values()) {
            if (m == CompareMetric.COST_PER_SPAN || m == CompareMetric.LOST) continue;
            if (batch ? !m.forBatch() : !m.forServing()) continue;
            if (m == CompareMetric.DONE_BY_DEADLINE && c != null && !c.measured(m)) continue;
            if (m == CompareMetric.COST_PER_1M_TOKENS && c != null && !c.measured(m)) continue;
            // Quality only when the models carry one (before a run: not yet known, so not a column).
            if (m == CompareMetric.QUALITY && (c == null || !c.measured(m))) continue;
            out.add(m);
        }
        return out;
    }

    /** The rows of the table; a row's warning is what its cost is shown with (requests dropped, a deadline missed). */
    static List<CompareRow> rowsOf(Comparison c) {
        CompareLens lens = CompareLens.of(c);
        List<CompareRow> out = new ArrayList<>();
        for (int i = 0; i < c.entries().size(); i++) {
            Map<CompareMetric, String> cells = new EnumMap<>(CompareMetric.class);
            for (CompareMetric m : CompareMetric.values()) cells.put(m, cell(c, i, m));
            out.add(new CompareRow(i, c.entries().get(i).name(), cells, lens.warning(c, i)));
        }
        return out;
    }

    /**
     * "$3,143 ± $0.15" and, for an alternative, a second line "−$2,732 ± $0.15 (−46%)": the change, its relative part
     * short ({@link RelativeChange}: "(×11)", not "(+1018.8%)", which broke in a narrow column).
     */
    static String cell(Comparison c, int i, CompareMetric m) {
        Comparison.Estimate v = c.value(i, m);
        String text = m.formatWithCi(v.mean(), v.halfWidth());
        if (i == 0 || !Double.isFinite(v.mean())) return text;
        Comparison.Estimate d = c.delta(i, m);
        String delta = m.formatDelta(d.mean());
        if (d.mean() != 0 && Double.isFinite(d.halfWidth()))
            delta += " ± " + m.formatHalfWidth(d.mean(), d.halfWidth());
        double pct = c.deltaPercent(i, m);
        if (d.mean() != 0 && Double.isFinite(pct)) delta += " (" + RelativeChange.of(pct) + ")";
        return text + "\n" + delta;
    }

    /**
     * Makes a sweep around entry {@code entry} of the comparison (the baseline or an alternative): its scenario
     * with {@code spec} as its {@code sweep}, validated like a file. Problems go to the status; null then.
     */
    public Sweep sweepAround(int entry, SweepSpec spec) {
        Baseline b = baseline.get();
        if (b == null) return null;
        try {
            ObjectNode tree = treeOf(entry);
            tree.set("sweep", ScenarioLoader.mapper().valueToTree(spec));
            String json = ScenarioLoader.mapper().writeValueAsString(tree);
            return Sweep.parse(json, "sweep around " + nameOf(entry), b.baseDir());
        } catch (BadInputException e) {
            fail(e.getMessage());
            return null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            fail("Internal error: " + e);
            return null;
        }
    }

    /** The JSON tree of entry {@code i}: the baseline's for 0, else the alternative's. */
    public ObjectNode treeOf(int i) {
        if (i <= 0) return baseline.get().copy();
        return alternatives.get(i - 1).tree().deepCopy();
    }

    public String nameOf(int i) {
        return i <= 0
                ? "the baseline"
                : "\"" + alternatives.get(i - 1).alternative().name() + "\"";
    }

    void info(String message) {
        error.set(false);
        status.set(message);
    }

    void fail(String message) {
        error.set(true);
        status.set(message);
    }

    public PriceCatalogue catalogue() {
        return catalogue;
    }

    public ReadOnlyObjectProperty<Baseline> baselineProperty() {
        return baseline.getReadOnlyProperty();
    }

    public ObservableList<Alternative.Built> alternatives() {
        return alternatives;
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ObservableList<CompareRow> rows() {
        return rows;
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

    /** The entry selected in the table (0: baseline), or −1: what "Explore around this" starts from. */
    public IntegerProperty selectedProperty() {
        return selected;
    }
}
