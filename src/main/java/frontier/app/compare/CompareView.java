package frontier.app.compare;

import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.cost.InstancePrice;
import frontier.domain.PricingModel;
import frontier.scenario.SweepSpec;
import frontier.scenario.alternatives.Alternative;
import frontier.scenario.alternatives.Baseline;
import frontier.scenario.alternatives.Change;
import frontier.scenario.alternatives.CompareMetric;
import frontier.scenario.alternatives.QuickAlternatives;
import frontier.scenario.sweep.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Compare screen: on the left, a form that makes an alternative of the baseline (the scenario open in
 * Simulate) by ticking what to change — pool kind, instance type from the price catalogue (with its as-of
 * date), instances, keep-alive, keep-N-warm, batching, cache hit ratio, model variant — and the list of
 * alternatives made; in the centre, Run / Cancel with progress, one table of every figure with its change
 * from the baseline and 95% CI, and one chart of cost per month. "Explore around this" opens the sweep editor
 * on the selected row and hands the sweep to Explore. State lives in the {@link CompareViewModel}.
 *
 * <p>A batch job has no pools: for a batch baseline the form offers the job's changes instead — instances, instance
 * type, spot share, checkpoint interval, fallback to on demand — each checked as it is typed, the one-click row
 * tries all on demand, hourly checkpoints and a deadline fallback, and the table and chart speak of the job
 * (completion time, done by the deadline, cost of the job). Switching the baseline swaps the form.
 */
public final class CompareView implements WorkbenchView {
    private final CompareViewModel vm;
    private final BorderPane root = new BorderPane();
    private final CompareChart chart = new CompareChart();
    private final TableView<CompareRow> table = new TableView<>();
    private Consumer<Sweep> onExplore = s -> {};

    private final ComboBox<String> pool = new ComboBox<>();
    private final CheckBox kindOn = check("kindCheck", "Pool kind");
    private final ComboBox<Change.Kind> kind = new ComboBox<>();
    private final CheckBox typeOn = check("typeCheck", "Instance type");
    private final ComboBox<InstancePrice> type = new ComboBox<>();
    private final CheckBox instancesOn = check("instancesCheck", "Instances");
    private final Spinner<Integer> instances = new Spinner<>(1, 10_000, 2);
    private final CheckBox keepAliveOn = check("keepAliveCheck", "Keep-alive (s)");
    private final TextField keepAlive = field("keepAlive", "300");
    private final CheckBox keepWarmOn = check("keepWarmCheck", "Keep N warm");
    private final Spinner<Integer> keepWarm = new Spinner<>(0, 10_000, 1);
    private final CheckBox batchingOn = check("batchingCheck", "Batch size");
    private final Spinner<Integer> maxBatch = new Spinner<>(0, 1024, 8);
    private final TextField batchWait = field("batchWait", "0.05");
    private final CheckBox cacheOn = check("cacheCheck", "Cache hit ratio");
    private final TextField cache = field("cacheRatio", "0.2");
    private final CheckBox modelOn = check("modelCheck", "Model variant");
    private final TextField modelName = field("modelName", "");
    private final TextField modelFactor = field("modelFactor", "0.6");
    private final TextField modelQuality = field("modelQuality", "");

    // A batch job's changes (the same Change records as the CLI's spot_share=, checkpoint_interval_s=, fallback=).
    private final VBox changesBox = new VBox(8);
    private List<Node> servingPart = List.of();
    private List<Node> batchPart = List.of();
    private boolean batchMode;
    private final CheckBox batchInstancesOn = check("batchInstancesCheck", "Instances");
    private final Spinner<Integer> batchInstances = new Spinner<>(1, 10_000, 1);
    private final CheckBox batchTypeOn = check("batchTypeCheck", "Instance type");
    private final ComboBox<InstancePrice> batchType = new ComboBox<>();
    private final CheckBox spotShareOn = check("spotShareCheck", "Spot share (0–1)");
    private final TextField spotShare = field("spotShare", "0.5");
    private final CheckBox checkpointOn = check("checkpointCheck", "Checkpoint interval (s)");
    private final TextField checkpoint = field("checkpointInterval", "3600");
    private final CheckBox fallbackOn = check("fallbackCheck", "Fallback");
    private final ComboBox<FallbackMode> fallbackMode = new ComboBox<>();
    private final Spinner<Integer> fallbackAfter = new Spinner<>(1, 1000, 3);
    private final Label batchProblem = new Label();
    private final javafx.beans.property.BooleanProperty batchInvalid =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private final Label note = new Label();

    /** When a shard of a batch job moves to on demand: the choices of {@link Change.FallbackRule}. */
    enum FallbackMode {
        OFF("Off", false, false),
        AFTER("After N", true, false),
        DEADLINE("At the deadline", false, true),
        BOTH("Both", true, true);

        final String label;
        final boolean count;
        final boolean deadline;

        FallbackMode(String label, boolean count, boolean deadline) {
            this.label = label;
            this.count = count;
            this.deadline = deadline;
        }
    }

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        root.setLeft(formPane());
        root.setCenter(mainPane());
        vm.baselineProperty().addListener((o, a, b) -> baselineChanged(b));
        vm.comparisonProperty().addListener((o, a, c) -> {
            chart.show(c);
            rebuildColumns();
        });
        baselineChanged(vm.baselineProperty().get());
        rebuildColumns();
    }

    /**
     * Wires the view into the window: the baseline follows the scenario open in Simulate, and "Explore around
     * this" opens the sweep in Explore, shows Explore and runs it.
     */
    public static void install(
            CompareView view,
            frontier.app.simulate.SimulateViewModel simulate,
            frontier.app.explore.ExploreViewModel explore,
            frontier.app.MainWindow window,
            WorkbenchView exploreView) {
        view.vm.setBaseline(
                simulate.scenarioProperty().get() == null
                        ? null
                        : simulate.scenarioFileProperty().get());
        simulate.scenarioProperty()
                .addListener((o, a, s) -> view.vm.setBaseline(
                        s == null ? null : simulate.scenarioFileProperty().get()));
        view.setOnExplore(sweep -> {
            explore.open(sweep);
            window.show(exploreView);
            explore.run();
        });
    }

    /** What "Explore around this" does with the sweep it made (the app opens it in Explore and runs it). */
    public void setOnExplore(Consumer<Sweep> action) {
        onExplore = action;
    }

    @Override
    public String title() {
        return "Compare";
    }

    @Override
    public Node node() {
        return root;
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    public TableView<CompareRow> table() {
        return table;
    }

    public CompareChart chart() {
        return chart;
    }

    /**
     * The caption of the exported chart and of the report: the baseline, its file and the replications; the source
     * line names Frontier's version and the price catalogue's date.
     */
    public frontier.app.ChartCaption caption() {
        Baseline b = vm.baselineProperty().get();
        frontier.scenario.alternatives.Comparison c = vm.comparisonProperty().get();
        String sub = b == null
                ? ""
                : "Baseline \u201c" + b.scenario().name() + "\u201d ("
                        + b.source().substring(b.source().lastIndexOf(java.io.File.separatorChar) + 1) + ")";
        if (c != null)
            sub += String.format(
                    Locale.US,
                    " \u00b7 %d alternative%s \u00b7 %d replication%s each",
                    c.entries().size() - 1,
                    c.entries().size() == 2 ? "" : "s",
                    c.replications(),
                    c.replications() == 1 ? "" : "s");
        boolean batch = c != null ? CompareLens.of(c).batch() : vm.isBatch();
        return frontier.app.ChartCaption.of(
                batch ? "Cost of the job of each alternative" : "Cost per month of each alternative", sub);
    }

    /** Writes the report of the comparison shown: {@code html} and the same report as PDF beside it. */
    public void writeReport(java.nio.file.Path html) throws java.io.IOException {
        frontier.scenario.alternatives.Comparison c = vm.comparisonProperty().get();
        if (c == null) throw new java.io.IOException("no comparison to report: run it first");
        CompareReport.write(c, vm.baselineProperty().get(), chart, caption(), html);
    }

    private void saveReport() {
        frontier.app.ReportFiles.saveAs(
                root.getScene() == null ? null : root.getScene().getWindow(),
                "comparison-report.html",
                this::writeReport,
                vm::info,
                vm::fail);
    }

    private Node formPane() {
        Label heading = new Label("Make an alternative");
        heading.getStyleClass().add("section-title");
        Label hint =
                new Label("Tick what to change in the baseline; every alternative is checked like a scenario file.");
        hint.setWrapText(true);
        hint.getStyleClass().add("scenario-file");

        pool.setId("poolChoice");
        kind.setId("kindChoice");
        kind.getItems().setAll(Change.Kind.values());
        kind.setConverter(converter(k -> k.label));
        kind.getSelectionModel().select(Change.Kind.SPOT);
        type.setId("typeChoice");
        showsPrices(type);
        type.setTooltip(new Tooltip(
                "On-demand prices of the shipped catalogue in the pool's provider and region, with their as-of date."));
        instances.setId("instancesSpinner");
        keepWarm.setId("keepWarmSpinner");
        maxBatch.setId("maxBatchSpinner");
        for (Spinner<Integer> s : List.of(instances, keepWarm, maxBatch)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        modelName.setPromptText("name, e.g. llama-8b-int8");
        modelFactor.setTooltip(new Tooltip("Service time × this factor: 0.6 is a variant 40% faster."));
        modelQuality.setPromptText("quality");
        modelQuality.setTooltip(new Tooltip(
                "The variant's quality figure (accuracy or a task score, higher is better); empty keeps the pool's."));
        batchWait.setTooltip(new Tooltip("Longest wait for a batch to fill, seconds."));

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, new Label("Pool"), pool);
        g.addRow(r++, kindOn, enabled(kindOn, kind));
        g.addRow(r++, typeOn, enabled(typeOn, type));
        g.addRow(r++, instancesOn, enabled(instancesOn, instances));
        g.addRow(r++, keepAliveOn, enabled(keepAliveOn, keepAlive));
        g.addRow(r++, keepWarmOn, enabled(keepWarmOn, keepWarm));
        Label wait = new Label("wait s");
        HBox batch = new HBox(4, enabled(batchingOn, maxBatch), wait, enabled(batchingOn, batchWait));
        batch.setAlignment(Pos.CENTER_LEFT);
        batchWait.setPrefWidth(55);
        g.addRow(r++, batchingOn, batch);
        g.addRow(r++, cacheOn, enabled(cacheOn, cache));
        Label times = new Label("×");
        times.setTooltip(new Tooltip("Service time × this factor"));
        HBox model = new HBox(
                4, enabled(modelOn, modelName), times, enabled(modelOn, modelFactor), enabled(modelOn, modelQuality));
        model.setAlignment(Pos.CENTER_LEFT);
        // The name gives way, the factor and quality keep their width ("0.6" was cut to "0." in a 370 px form).
        modelName.setPrefWidth(120);
        modelName.setMinWidth(40);
        HBox.setHgrow(modelName, Priority.ALWAYS);
        modelFactor.setPrefWidth(50);
        modelQuality.setPrefWidth(60);
        modelFactor.setMinWidth(Control.USE_PREF_SIZE);
        modelQuality.setMinWidth(Control.USE_PREF_SIZE);
        g.addRow(r++, modelOn, model);
        for (Node n : List.of(kind, type, keepAlive, cache)) ((Control) n).setMaxWidth(Double.MAX_VALUE);
        type.setPrefWidth(190);

        Button add = new Button("Add alternative");
        add.setId("addAlternative");
        add.setDefaultButton(false);
        add.setOnAction(e -> addAlternative());

        Label listTitle = new Label("Alternatives");
        listTitle.getStyleClass().add("section-title");
        ListView<Alternative.Built> list = new ListView<>(vm.alternatives());
        list.setId("alternativesList");
        list.setPrefHeight(150);
        list.setPlaceholder(new Label("None yet"));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Alternative.Built b, boolean empty) {
                super.updateItem(b, empty);
                setText(
                        empty || b == null
                                ? null
                                : (getIndex() + 1) + ". " + b.alternative().name());
                setTooltip(
                        empty || b == null
                                ? null
                                : new Tooltip(b.alternative().name()
                                        + (b.notes().isEmpty() ? "" : "\nAssumed: " + String.join("\n", b.notes()))));
            }
        });
        Button remove = new Button("Remove");
        remove.setId("removeAlternative");
        remove.disableProperty()
                .bind(list.getSelectionModel().selectedItemProperty().isNull().or(vm.runningProperty()));
        remove.setOnAction(e -> vm.remove(list.getSelectionModel().getSelectedIndex()));

        servingPart = List.of(quickPane(), heading, hint, g);
        batchPart = batchForm();
        changesBox.getChildren().setAll(servingPart);
        add.disableProperty()
                .bind(vm.baselineProperty().isNull().or(vm.runningProperty()).or(batchInvalid));
        // The form scrolls; Add, the list and Remove stay pinned under it, in view at 1280×720 whatever the form's
        // length (a batch job's form with its one-click rule pushed Remove below the fold).
        changesBox.setPadding(new Insets(10, 10, 4, 10));
        ScrollPane scroll = new ScrollPane(changesBox);
        scroll.setId("compareFormScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox listHead = new HBox(8, listTitle, gap, remove);
        listHead.setAlignment(Pos.CENTER_LEFT);
        list.setPrefHeight(120);
        list.setMinHeight(72);
        add.setMaxWidth(Double.MAX_VALUE);
        VBox pinned = new VBox(8, add, listHead, list);
        pinned.setId("compareListPane");
        pinned.setPadding(new Insets(4, 10, 10, 10));
        pinned.setMinHeight(Control.USE_PREF_SIZE);
        VBox box = new VBox(0, scroll, pinned);
        box.setPrefWidth(370);
        box.setMinWidth(330);
        return box;
    }

    /**
     * One click for the three alternatives most asked of a twin: spot, serverless and a cheaper GPU, made on the
     * pool chosen below and run at once; the rules they follow are said under the button.
     */
    private Node quickPane() {
        return quickBox(
                "Try the usual alternatives",
                "Try spot, serverless and a cheaper GPU",
                "tryQuickAlternatives",
                () -> vm.tryQuickAlternatives(
                        pool.getSelectionModel().getSelectedIndex() <= 0 ? null : pool.getValue()),
                "Spot: the same instance type at the catalogue's spot price, with one on-demand"
                        + " instance to fall back to. Serverless: the pool chosen below serves alone, keep-alive 600 s,"
                        + " billed as Cloud Run with an L4 GPU (AWS Lambda without a GPU). Cheaper GPU: "
                        + QuickAlternatives.CHEAPER_GPU_RULE + ". All three run at once; the prices used, with their"
                        + " as-of dates, are in the status line.",
                "quickRule");
    }

    /** A heading, the one-click button (off without a baseline or while running) and its rule, wrapped under it. */
    private VBox quickBox(String title, String action, String id, Runnable onClick, String ruleText, String ruleId) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        Button quick = new Button(action);
        quick.setId(id);
        quick.setWrapText(true);
        quick.setMaxWidth(Double.MAX_VALUE);
        quick.setMinHeight(Control.USE_PREF_SIZE);
        quick.disableProperty().bind(vm.baselineProperty().isNull().or(vm.runningProperty()));
        quick.setOnAction(e -> onClick.run());
        Label rule = new Label(ruleText);
        rule.setId(ruleId);
        rule.setWrapText(true);
        rule.setMinHeight(Control.USE_PREF_SIZE);
        rule.getStyleClass().add("scenario-file");
        VBox box = new VBox(6, heading, quick, rule);
        box.setPadding(new Insets(0, 0, 8, 0));
        return box;
    }

    /**
     * The form of a batch baseline: one click for all on demand, hourly checkpoints and a deadline fallback, and the
     * job's changes (instances, instance type, spot share, checkpoint interval, fallback), each checked as it is
     * typed; what is wrong is said under the form and its field is marked.
     */
    private List<Node> batchForm() {
        VBox quickBox = quickBox(
                "Try the usual alternatives of a job",
                "Try all on demand, hourly checkpoints and a deadline fallback",
                "tryBatchAlternatives",
                () -> vm.tryQuickAlternatives(null),
                QuickAlternatives.BATCH_RULE
                        + ". All of them run at once; the on-demand price used, with its as-of date, is in the status"
                        + " line.",
                "batchQuickRule");

        Label heading = new Label("Make an alternative of the job");
        heading.getStyleClass().add("section-title");
        Label hint = new Label(
                "A batch job has no pools: tick what to change in its fleet; every alternative is checked like a"
                        + " scenario file.");
        hint.setWrapText(true);
        hint.getStyleClass().add("scenario-file");

        batchInstances.setId("batchInstancesSpinner");
        fallbackAfter.setId("fallbackAfterSpinner");
        for (Spinner<Integer> sp : List.of(batchInstances, fallbackAfter)) {
            sp.setEditable(true);
            sp.setPrefWidth(90);
        }
        fallbackAfter.setTooltip(
                new Tooltip("Interruptions of a shard after which it moves to an on-demand instance."));
        batchType.setId("batchTypeChoice");
        showsPrices(batchType);
        batchType.setTooltip(new Tooltip("On-demand prices of the shipped catalogue in the job's provider and region,"
                + " with their as-of date; its spot instances take the catalogue's spot price of the same type."));
        batchType.setPrefWidth(190);
        batchType.setMaxWidth(Double.MAX_VALUE);
        spotShare.setPromptText("0 to 1");
        checkpoint.setPromptText("seconds");
        fallbackMode.setId("fallbackChoice");
        fallbackMode.getItems().setAll(FallbackMode.values());
        fallbackMode.setConverter(converter(m -> m.label));
        fallbackMode.getSelectionModel().select(FallbackMode.DEADLINE);
        fallbackMode.setTooltip(
                new Tooltip(
                        "When a shard moves from spot to an on-demand instance: after N"
                                + " interruptions, when a spot replacement could no longer finish it by the deadline, both, or never."));
        fallbackOn.setTooltip(new Tooltip("Fallback to on demand"));
        fallbackAfter
                .disableProperty()
                .bind(fallbackOn
                        .selectedProperty()
                        .not()
                        .or(Bindings.createBooleanBinding(
                                () -> fallbackMode.getValue() == null || !fallbackMode.getValue().count,
                                fallbackMode.valueProperty())));

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, batchInstancesOn, enabled(batchInstancesOn, batchInstances));
        g.addRow(r++, batchTypeOn, enabled(batchTypeOn, batchType));
        g.addRow(r++, spotShareOn, enabled(spotShareOn, spotShare));
        g.addRow(r++, checkpointOn, enabled(checkpointOn, checkpoint));
        g.addRow(r++, fallbackOn, enabled(fallbackOn, fallbackMode));
        Label n = new Label("N interruptions");
        n.setPadding(new Insets(0, 0, 0, 24));
        n.disableProperty().bind(fallbackAfter.disableProperty());
        g.addRow(r++, n, fallbackAfter);
        fallbackMode.setMaxWidth(Double.MAX_VALUE);
        spotShare.setMaxWidth(Double.MAX_VALUE);
        checkpoint.setMaxWidth(Double.MAX_VALUE);

        batchProblem.setId("batchProblem");
        batchProblem.setWrapText(true);
        batchProblem.setMinHeight(Control.USE_PREF_SIZE);
        batchProblem.getStyleClass().add("error");
        batchProblem.managedProperty().bind(batchProblem.visibleProperty());
        batchProblem.setVisible(false);
        for (CheckBox c : batchChecks()) c.selectedProperty().addListener((o, a, b) -> validateBatch());
        spotShare.textProperty().addListener((o, a, b) -> validateBatch());
        checkpoint.textProperty().addListener((o, a, b) -> validateBatch());
        fallbackMode.valueProperty().addListener((o, a, b) -> validateBatch());
        return List.of(quickBox, heading, hint, g, batchProblem);
    }

    private List<CheckBox> batchChecks() {
        return List.of(batchInstancesOn, batchTypeOn, spotShareOn, checkpointOn, fallbackOn);
    }

    /** Starts the job's form from the baseline's own values, nothing ticked. */
    private void resetBatchForm(Baseline b) {
        frontier.model.batch.BatchJob job = b.scenario().batch();
        for (CheckBox c : batchChecks()) c.setSelected(false);
        batchInstances.getValueFactory().setValue(job.fleet().instances());
        spotShare.setText(plain(job.fleet().spotShare()));
        checkpoint.setText(plain(job.checkpoint().intervalS()));
        frontier.model.batch.Fallback f = job.fleet().fallback();
        fallbackMode.setValue(
                f == null
                        ? FallbackMode.OFF
                        : f.afterInterruptions() != null
                                ? (f.whenDeadlineAtRisk() ? FallbackMode.BOTH : FallbackMode.AFTER)
                                : f.whenDeadlineAtRisk() ? FallbackMode.DEADLINE : FallbackMode.OFF);
        fallbackAfter
                .getValueFactory()
                .setValue(f != null && f.afterInterruptions() != null ? f.afterInterruptions() : 3);
        fillTypes(batchType, b.tree().path("batch").path("fleet").path("price"));
    }

    /**
     * Checks the ticked fields of the job's form as they are typed: what is wrong is said under the form (in the
     * words the alternative itself would use) and its field is marked; Add waits until it is right.
     */
    private void validateBatch() {
        List<String> problems = new ArrayList<>();
        mark(spotShare, spotShareOn, () -> new Change.SpotShare(number(spotShare, "Spot share")), problems);
        mark(
                checkpoint,
                checkpointOn,
                () -> new Change.CheckpointInterval(number(checkpoint, "Checkpoint interval")),
                problems);
        mark(fallbackMode, fallbackOn, this::fallbackChange, problems);
        batchProblem.setText(String.join("\n", problems));
        batchProblem.setVisible(batchMode && !problems.isEmpty());
        batchInvalid.set(batchMode && !problems.isEmpty());
    }

    private static void mark(Control c, CheckBox on, java.util.function.Supplier<Change> make, List<String> out) {
        String problem = "";
        if (on.isSelected()) {
            try {
                make.get();
            } catch (IllegalArgumentException e) {
                problem = capitalise(e.getMessage());
            }
        }
        c.getStyleClass().remove("invalid");
        if (!problem.isEmpty()) {
            c.getStyleClass().add("invalid");
            out.add(problem);
        }
        // The field's own tooltip comes back when the problem is gone.
        Object own = c.getProperties()
                .computeIfAbsent("compare.ownTooltip", k -> c.getTooltip() == null ? "" : c.getTooltip());
        c.setTooltip(problem.isEmpty() ? (own instanceof Tooltip t ? t : null) : new Tooltip(problem));
    }

    /** The fallback chosen; a deadline rule for a job without a deadline is refused before it is added. */
    private Change fallbackChange() {
        FallbackMode m = fallbackMode.getValue() == null ? FallbackMode.OFF : fallbackMode.getValue();
        Baseline b = vm.baselineProperty().get();
        if (m.deadline
                && b != null
                && b.scenario().isBatch()
                && b.scenario().batch().deadlineS() == null)
            throw new IllegalArgumentException(
                    "fallback at the deadline: the job has no deadline (deadline_s) to keep; choose after N"
                            + " interruptions or off");
        return new Change.FallbackRule(m.count ? fallbackAfter.getValue() : null, m.deadline);
    }

    /** The changes ticked in the job's form; an {@link IllegalArgumentException} says what is wrong. */
    private List<Change> batchChanges() {
        List<Change> changes = new ArrayList<>();
        if (batchInstancesOn.isSelected()) changes.add(new Change.Instances(null, batchInstances.getValue()));
        if (batchTypeOn.isSelected() && batchType.getValue() != null) {
            InstancePrice p = batchType.getValue();
            changes.add(new Change.InstanceType(null, p.provider(), p.instanceType(), null));
        }
        if (spotShareOn.isSelected()) changes.add(new Change.SpotShare(number(spotShare, "Spot share")));
        if (checkpointOn.isSelected())
            changes.add(new Change.CheckpointInterval(number(checkpoint, "Checkpoint interval")));
        if (fallbackOn.isSelected()) changes.add(fallbackChange());
        return changes;
    }

    /** A number as typed in a form: 0.5, 3600 (no trailing zeros, no exponent). */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Writes the report to the default folder at once; the status says where ("Save report as…" to choose). */
    private void reportToDefault() {
        Baseline b = vm.baselineProperty().get();
        String base = "comparison-"
                + (b == null ? "report" : b.scenario().name())
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-")
                        .replaceAll("^-|-$", "");
        frontier.app.ReportFiles.writeToDefault(base, this::writeReport, vm::info, vm::fail);
    }

    private Node mainPane() {
        Label title = new Label();
        title.setId("compareTitle");
        title.getStyleClass().add("scenario-name");
        title.textProperty().bind(Bindings.concat("Baseline: ", vm.titleProperty()));
        Button run = new Button("Run comparison");
        run.setId("runCompare");
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelCompare");
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("compareProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.runningProperty());
        Button explore = new Button("Explore around this…");
        explore.setId("exploreAround");
        explore.setTooltip(
                new Tooltip(
                        "Sweep fields of the selected row's scenario (the baseline when none is selected) and open the results in Explore."));
        explore.disableProperty().bind(vm.comparisonProperty().isNull().or(vm.runningProperty()));
        explore.setOnAction(e -> exploreAround());
        javafx.scene.control.MenuItem reportAs = new javafx.scene.control.MenuItem("Save report as…");
        reportAs.setId("compareReportAs");
        reportAs.setOnAction(e -> saveReport());
        javafx.scene.control.SplitMenuButton report = new javafx.scene.control.SplitMenuButton(reportAs);
        report.setText("Report");
        report.setId("compareReport");
        report.setMinWidth(Control.USE_PREF_SIZE);
        report.setTooltip(new Tooltip(
                "Write a report of the comparison (question, recommendation and saving, chart, key numbers with"
                        + " intervals, assumptions) as a self-contained HTML file and a PDF beside it, in "
                        + frontier.app.ReportFiles.defaultFolder() + " (the arrow: choose where)."));
        report.disableProperty().bind(vm.comparisonProperty().isNull().or(vm.runningProperty()));
        report.setOnAction(e -> reportToDefault());
        HBox controls = new HBox(8, run, cancel, progress, explore, report);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label status = Widgets.statusLabel("compareStatus", vm.statusProperty(), 600);
        vm.errorProperty().addListener((o, a, err) -> {
            if (err) status.getStyleClass().add("error");
            else status.getStyleClass().remove("error");
        });

        table.setId("compareTable");
        Widgets.keepTitlesWhole(table, c -> vm.isBatch());
        table.setItems(vm.rows());
        vm.rows().addListener((javafx.collections.ListChangeListener<CompareRow>) ch -> figureWidths());
        // The columns' minimum widths must never widen the view over the form at its left: past them the table
        // scrolls sideways within its own width.
        table.setMinWidth(0);
        // Headers are made by the skin, again when columns are shown or hidden: each gets its tooltip then.
        table.getVisibleLeafColumns().addListener((javafx.collections.ListChangeListener<TableColumn<CompareRow, ?>>)
                c -> javafx.application.Platform.runLater(this::headerTips));
        table.skinProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(this::headerTips));
        // And after any layout that made a header anew (a busy machine could run the calls above before the skin had
        // made them): a header without its tooltip gets one.
        table.sceneProperty().addListener((o, was, now) -> {
            if (was != null) was.removePostLayoutPulseListener(tipsAfterLayout);
            if (now != null) now.addPostLayoutPulseListener(tipsAfterLayout);
        });
        frontier.app.TableExport.install(table, "comparison.csv", vm::info);
        frontier.app.ChartMenu.install(chart.node(), chart, this::caption, vm::info);
        table.setPlaceholder(new Label("Add alternatives and run the comparison."));
        table.getSelectionModel().selectedIndexProperty().addListener((o, a, i) -> vm.selectedProperty()
                .set(i.intValue()));
        SplitPane split = new SplitPane(table, chart.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        VBox.setVgrow(split, Priority.ALWAYS);
        note.setId("compareNote");
        note.setText(SERVING_NOTE);
        note.setWrapText(true);
        note.getStyleClass().add("scenario-file");
        note.setMinHeight(Control.USE_PREF_SIZE);
        VBox box = new VBox(8, title, controls, status, split, note);
        box.setPadding(new Insets(10));
        return box;
    }

    /**
     * Serving columns hidden until the user shows them from the table's column menu (⋮ at its top right): the
     * dropped and rejected counts. What a row does not serve stays where its cost is: the "Not served" column and the
     * red warning in its cost cells ("drops 1.2% of requests"); dropped counts the rejected ones.
     */
    static final java.util.Set<CompareMetric> HIDDEN_AT_FIRST =
            java.util.EnumSet.of(CompareMetric.DROPPED, CompareMetric.REJECTED);

    /** The serving columns hidden now (the user's choice, kept while the view lives). */
    private final java.util.Set<CompareMetric> hidden = java.util.EnumSet.copyOf(HIDDEN_AT_FIRST);

    private void rebuildColumns() {
        table.getColumns().clear();
        // The figures fit the table's width (1280×720 included): titles wrapped on up to three lines in a smaller
        // font, columns that share the width and never go below their title's longest line, cells that wrap. A
        // serving fleet's rarely read counts (dropped, rejected) start hidden; the column menu shows any of them.
        boolean batch = vm.isBatch();
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getStyleClass().remove("wrapped-headers");
        table.getStyleClass().add("wrapped-headers");
        table.setTableMenuButtonVisible(!batch);
        TableColumn<CompareRow, String> name = new TableColumn<>("Alternative");
        name.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(
                c.getValue().entry() == 0
                        ? "Baseline"
                        : c.getValue().entry() + ". " + c.getValue().name()));
        name.setPrefWidth(190);
        name.setCellFactory(col -> wrapping(null));
        table.getColumns().add(name);
        for (CompareMetric m : vm.metrics()) {
            TableColumn<CompareRow, String> col = new TableColumn<>(wrapTitle(m.label));
            col.setId("col-" + m.name());
            boolean cost = m == CompareMetric.COST_PER_MONTH
                    || m == CompareMetric.COST_PER_1K
                    || m == CompareMetric.COST_PER_1M_TOKENS
                    || m == CompareMetric.JOB_COST
                    || m == CompareMetric.COST_PER_1M_ITEMS;
            col.setCellValueFactory(c ->
                    new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().cell(m)
                            + (cost && !c.getValue().dropWarning().isEmpty()
                                    ? "\n⚠ " + c.getValue().dropWarning()
                                    : "")));
            col.setCellFactory(c -> wrapping(m));
            col.setPrefWidth(cost ? 175 : 125);
            // Shared widths never go below the title's longest line ("Interruptions"): without this floor the
            // constrained policy could squeeze a column under its longest word and elide it, depending on the
            // width the table had when the columns were rebuilt.
            // Nor under its widest figure ({@link #figureWidths}).
            col.setMinWidth(titleWidth(col.getText()));
            if (!batch) {
                col.setVisible(!hidden.contains(m));
                col.visibleProperty().addListener((o, was, now) -> {
                    if (now) hidden.remove(m);
                    else hidden.add(m);
                    figureWidths();
                });
            }
            table.getColumns().add(col);
        }
        name.setMinWidth(90);
        figureWidths();
        // Each title whole, with its unit, in its header's tooltip.
        javafx.application.Platform.runLater(this::headerTips);
    }

    private final Runnable tipsAfterLayout = () -> {
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h
                    && h.getTableColumn() != null
                    && !h.getProperties().containsKey(TIPPED)) {
                headerTips();
                return;
            }
        }
    };

    /** Marks a header that has its tooltip. */
    private static final String TIPPED = "frontier.compare.tipped";

    /** Tooltips on the column headers: the metric's title with its unit ("Cost / month (USD)"). */
    private void headerTips() {
        for (javafx.scene.Node n : table.lookupAll(".column-header")) {
            if (!(n instanceof javafx.scene.control.skin.TableColumnHeader h) || h.getTableColumn() == null) continue;
            String id = h.getTableColumn().getId();
            String tip = h.getTableColumn().getText().replace('\n', ' ');
            if (id != null && id.startsWith("col-"))
                tip = CompareMetric.valueOf(id.substring(4)).heading();
            Tooltip.install(h, new Tooltip(tip));
            h.getProperties().put(TIPPED, Boolean.TRUE);
        }
    }

    /** The serving columns the user has hidden (the column menu shows them again). */
    java.util.Set<CompareMetric> hiddenColumns() {
        return java.util.Collections.unmodifiableSet(hidden);
    }

    /** The width a wrapped title's longest line needs in a header (the smaller header font, bold to be safe). */
    static double titleWidth(String title) {
        javafx.scene.text.Font base = javafx.scene.text.Font.getDefault();
        return widest(
                title.split("\n"),
                javafx.scene.text.Font.font(
                        base.getFamily(), javafx.scene.text.FontWeight.BOLD, base.getSize() * 0.88));
    }

    /** The width the widest of {@code parts} needs in {@code font}, with a cell's padding. */
    private static double widest(String[] parts, javafx.scene.text.Font font) {
        double widest = 0;
        for (String part : parts) widest = Math.max(widest, frontier.app.Widgets.textWidth(part, font));
        return Math.ceil(widest) + 16;
    }

    /**
     * Each metric column at least as wide as its title's longest line and, as far as the table's width allows without
     * scrolling sideways, its cells' widest word ("$0.0000092"), so that a cell wraps between words rather than
     * inside a figure. When the words do not all fit, each column gets the same share of what its words need beyond
     * its title. Run when the columns or the rows change (the rows follow the comparison the columns are rebuilt
     * for), at the table's width then.
     */
    private void figureWidths() {
        List<TableColumn<CompareRow, ?>> cols = new ArrayList<>();
        List<CompareMetric> metrics = new ArrayList<>();
        double fixed = 0;
        for (TableColumn<CompareRow, ?> col : table.getColumns()) {
            if (!col.isVisible()) continue;
            String id = col.getId();
            if (id == null || !id.startsWith("col-")) {
                fixed += col.getMinWidth();
                continue;
            }
            cols.add(col);
            metrics.add(CompareMetric.valueOf(id.substring(4)));
        }
        // The table's own width less its borders and a vertical scroll bar's room.
        double room = table.getWidth() - fixed - 20;
        // The most words bound that fit: figures with their units and intervals with their signs, else figures with
        // their units only, else no word bound.
        int level = BIND_ALL;
        double[][] need = needs(cols, metrics, level);
        while (level > BIND_NONE && table.getWidth() > 0 && sum(need, 1) > room) need = needs(cols, metrics, --level);
        double titles = sum(need, 0), words = sum(need, 1);
        double share = words <= titles ? 1 : Math.max(0, Math.min(1, (room - titles) / (words - titles)));
        if (table.getWidth() <= 0) share = 1;
        for (int i = 0; i < cols.size(); i++) {
            double[] n = need[i];
            cols.get(i).setMinWidth(Math.floor(n[0] + share * (n[1] - n[0])));
        }
        if (level != binding) {
            binding = level;
            table.refresh();
        }
        // New widths can lay the header row out anew: its headers get their tooltips again.
        javafx.application.Platform.runLater(this::headerTips);
    }

    /** Each column's title width and its need (the title or its widest word, whichever is wider) at {@code level}. */
    private double[][] needs(List<TableColumn<CompareRow, ?>> cols, List<CompareMetric> metrics, int level) {
        double[][] out = new double[cols.size()][];
        for (int i = 0; i < cols.size(); i++) {
            double title = titleWidth(cols.get(i).getText()), widest = title;
            for (CompareRow r : vm.rows()) {
                String[] parts = parts(r.cell(metrics.get(i)));
                widest = Math.max(widest, Math.max(widestWord(parts[0], level), widestChangeWord(parts[1], level)));
            }
            out[i] = new double[] {title, widest};
        }
        return out;
    }

    private static double sum(double[][] rows, int column) {
        double total = 0;
        for (double[] r : rows) total += r[column];
        return total;
    }

    /** The width a cell needs for its widest word (a figure with its unit sign), with the cell's padding. */
    static double widestWord(String text) {
        return widestWord(text, BIND_NONE);
    }

    /** {@link #widestWord} with the words bound as at {@code level} ({@link #bound}). */
    static double widestWord(String text, int level) {
        if (text == null || text.isBlank()) return 0;
        return widest(bound(text, level).split("\\s+"), javafx.scene.text.Font.getDefault());
    }

    /** {@link #widestWord} of a change from the baseline, in its smaller font. */
    static double widestChangeWord(String text, int level) {
        if (text == null || text.isBlank()) return 0;
        javafx.scene.text.Font base = javafx.scene.text.Font.getDefault();
        return widest(
                bound(text, level).split("\\s+"),
                javafx.scene.text.Font.font(base.getFamily(), base.getSize() * CHANGE_SCALE));
    }

    /** A catalogue choice: the instance type when chosen, the type with its GPUs and price in the list. */
    private static void showsPrices(ComboBox<InstancePrice> box) {
        box.setConverter(converter(p -> p == null ? "" : p.instanceType()));
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(InstancePrice p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : describe(p));
            }
        });
    }

    /**
     * A title wrapped at {@value #TITLE_LINE} characters a line ("Done by" / "the" / "deadline"); a longer word stays
     * whole on its own line. A column header measures its title without a width, so only line breaks make it taller.
     */
    static String wrapTitle(String title) {
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String word : title.split(" ")) {
            if (line > 0 && line + 1 + word.length() > TITLE_LINE) {
                out.append('\n');
                line = 0;
            } else if (line > 0) {
                out.append(' ');
                line++;
            }
            out.append(word);
            line += word.length();
        }
        return out.toString();
    }

    /**
     * Characters a line of a table's title: eight or nine columns in the 780 px a 1280 px window leaves the table
     * ("Not served" on two lines leaves its column the room its figures need, not its title's).
     */
    private static final int TITLE_LINE = 9;

    /**
     * A cell that shows every line: the figure, under it the change from the baseline in a smaller font (style class
     * {@value #CHANGE_CLASS}), then any warning; red where the row drops requests (the warning and the not-served
     * figures). Each part wraps between words only: its column is at least as wide as its widest word
     * ({@link #figureWidths}).
     */
    private TableCell<CompareRow, String> wrapping(CompareMetric m) {
        return new TableCell<>() {
            private final Label figure = cellLabel();
            private final Label change = cellLabel();
            private final Label warning = cellLabel();
            private final VBox lines = new VBox(figure, change, warning);

            {
                change.getStyleClass().add(CHANGE_CLASS);
                lines.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }

            // The row asks its cells for their height without a width; a wrapped line (a long name, a delta with
            // its interval in a narrow column) then went uncounted and the rows overlapped. Measure at the
            // column's width.
            @Override
            protected double computePrefHeight(double width) {
                if (getGraphic() == null || getTableColumn() == null) return super.computePrefHeight(width);
                javafx.geometry.Insets in = getInsets();
                double inner = getTableColumn().getWidth() - in.getLeft() - in.getRight();
                return lines.prefHeight(inner) + in.getTop() + in.getBottom();
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(null);
                String[] parts = parts(empty ? null : text);
                show(figure, parts[0] == null ? null : bound(parts[0], binding));
                show(change, parts[1] == null ? null : bound(parts[1], binding));
                show(warning, parts[2]);
                setGraphic(empty ? null : lines);
                setTooltip(empty || text == null ? null : new Tooltip(text));
                CompareRow row = getTableRow() == null ? null : getTableRow().getItem();
                boolean red = !empty
                        && row != null
                        && !row.dropWarning().isEmpty()
                        && text != null
                        && (text.contains("⚠")
                                || m == CompareMetric.DROPPED
                                || m == CompareMetric.REJECTED
                                || m == CompareMetric.NOT_SERVED_SHARE
                                || m == CompareMetric.DONE_BY_DEADLINE);
                for (Label l : List.of(figure, change, warning)) {
                    if (red) {
                        if (!l.getStyleClass().contains("drops"))
                            l.getStyleClass().add("drops");
                    } else {
                        l.getStyleClass().remove("drops");
                    }
                }
            }
        };
    }

    /** The style class of a cell's change from the baseline (a smaller font, frontier.css). */
    static final String CHANGE_CLASS = "compare-change";

    /** The change's font size against the table's (frontier.css: .compare-change). */
    static final double CHANGE_SCALE = 0.9;

    private static Label cellLabel() {
        Label l = new Label();
        // A label as graphic grows the row to every line; a cell's own text would be cut to one.
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setWrapText(true);
        return l;
    }

    private static void show(Label l, String text) {
        l.setText(text);
        l.setVisible(text != null);
        l.setManaged(text != null);
    }

    /**
     * {@code line} with words bound by no-break spaces as far as {@code level} says: {@link #BIND_ALL} binds each
     * figure to its unit and each interval to its sign ("± 764 ms" wraps as one word, so a cell too narrow for a whole
     * line puts the interval on its own line under the figure, never "±" alone at a line's end nor "ms" alone at a
     * line's start); {@link #BIND_UNITS} the units only; {@link #BIND_NONE} nothing (each word as formatted).
     */
    static String bound(String line, int level) {
        if (level >= BIND_ALL) line = line.replace("± ", "±\u00a0");
        if (level >= BIND_UNITS) line = UNIT.matcher(line).replaceAll("$1\u00a0$2");
        return line;
    }

    /** Binding levels of {@link #bound}: the most that fits the table's width is used ({@link #figureWidths}). */
    static final int BIND_NONE = 0, BIND_UNITS = 1, BIND_ALL = 2;

    /** The binding the cells show now. */
    private int binding = BIND_ALL;

    /** A figure's number and the unit after it ("764 ms", "2.56 s", "1.5 h"; {@link CompareMetric#format}). */
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile("(\\d) (ms|s|h|µs)(?=\\s|$)");

    /**
     * A cell's text as its figure, its change from the baseline and its warning ("⚠ drops …"), each null when the
     * cell has none: the figure is the first line, the change the next line that is not a warning.
     */
    static String[] parts(String text) {
        String[] out = new String[3];
        if (text == null) return out;
        for (String line : text.split("\n")) {
            if (line.startsWith("⚠")) out[2] = out[2] == null ? line : out[2] + "\n" + line;
            else if (out[0] == null) out[0] = line;
            else out[1] = out[1] == null ? line : out[1] + "\n" + line;
        }
        return out;
    }

    /**
     * Follows the baseline: the serving form for a fleet, the job's form for a batch job (from its own values), the
     * table's columns and the note under it in the baseline's terms.
     */
    private void baselineChanged(Baseline b) {
        pool.getItems().setAll(b == null ? List.of() : b.poolNames());
        pool.getSelectionModel().selectFirst();
        type.getItems().clear();
        batchType.getItems().clear();
        batchMode = b != null && b.scenario().isBatch();
        changesBox.getChildren().setAll(batchMode ? batchPart : servingPart);
        note.setText(batchMode ? BATCH_NOTE : SERVING_NOTE);
        chart.expectBatch(batchMode);
        if (batchMode) resetBatchForm(b);
        else if (b != null) fillTypes(type, b.tree().path("pools").path(0).path("price"));
        validateBatch();
        rebuildColumns();
    }

    private static final String CI_NOTE =
            "± is a 95% confidence interval; the smaller text under a figure is its change"
                    + " from the baseline (×11: eleven times the baseline's), paired replication by replication (all entries run"
                    + " on the same random numbers).";
    private static final String SERVING_NOTE = CI_NOTE + " Cost per month = cost per hour × 730. Dropped and rejected"
            + " counts: from the column menu (⋮) at the table's top right; a row that does not serve every request says so in red"
            + " in its cost and in Not served.";
    private static final String BATCH_NOTE = CI_NOTE
            + " Completion time: from the job's start until its last shard's last checkpoint; done by the deadline:"
            + " the share of replications done within the job's deadline; cost of the job: its spot and on-demand"
            + " instances, each billed from launch to stop.";

    /**
     * Fills {@code box} with the catalogue's on-demand instance types of the provider and region of {@code price}
     * (AWS and its default region when it names none), cheapest first, and selects the type it names.
     */
    private void fillTypes(ComboBox<InstancePrice> box, com.fasterxml.jackson.databind.JsonNode price) {
        String provider = "aws";
        String region = null;
        if (price.has("provider")) provider = price.get("provider").asText();
        if (price.has("region")) region = price.get("region").asText();
        String p = provider;
        String reg = region != null
                ? region
                : frontier.cost.PriceCatalogue.defaultRegion(provider).orElse(null);
        box.getItems()
                .setAll(vm.catalogue().instances().stream()
                        .filter(x -> x.provider().equals(p)
                                && (reg == null || x.region().equals(reg))
                                && x.pricingModel() == PricingModel.ON_DEMAND)
                        .sorted(java.util.Comparator.comparing(InstancePrice::usdPerHour))
                        .toList());
        String current = price.path("instance_type").asText(null);
        box.getItems().stream()
                .filter(x -> x.instanceType().equals(current))
                .findFirst()
                .ifPresentOrElse(x -> box.getSelectionModel().select(x), () -> box.getSelectionModel()
                        .selectFirst());
    }

    static String describe(InstancePrice p) {
        return String.format(
                Locale.US,
                "%s — %s, $%s/h (as of %s)",
                p.instanceType(),
                p.gpus() > 0 ? p.gpus() + "× " + p.gpuModel() : p.vcpus() + " vCPU",
                p.usdPerHour().stripTrailingZeros().toPlainString(),
                p.asOf());
    }

    /** Makes an alternative of every ticked change and hands it to the view-model; a value that is not a number is said so. */
    void addAlternative() {
        if (batchMode) {
            addBatchAlternative();
            return;
        }
        String poolName = pool.getSelectionModel().getSelectedIndex() <= 0 ? null : pool.getValue();
        List<Change> changes = new ArrayList<>();
        try {
            if (kindOn.isSelected() && kind.getValue() != null)
                changes.add(new Change.PoolKind(poolName, kind.getValue()));
            if (typeOn.isSelected() && type.getValue() != null) {
                InstancePrice p = type.getValue();
                changes.add(new Change.InstanceType(poolName, p.provider(), p.instanceType(), null));
            }
            if (instancesOn.isSelected()) changes.add(new Change.Instances(poolName, instances.getValue()));
            if (keepAliveOn.isSelected()) changes.add(new Change.KeepAlive(poolName, number(keepAlive, "Keep-alive")));
            if (keepWarmOn.isSelected()) changes.add(new Change.KeepWarm(poolName, keepWarm.getValue()));
            if (batchingOn.isSelected()) {
                changes.add(new Change.Batching(
                        poolName,
                        maxBatch.getValue(),
                        number(batchWait, "Batch wait"),
                        Change.Batching.DEFAULT_PER_ITEM_SHARE));
            }
            if (cacheOn.isSelected()) changes.add(new Change.CacheHitRatio(number(cache, "Cache hit ratio")));
            if (modelOn.isSelected()) {
                String n = modelName.getText().strip();
                Double q = modelQuality.getText().isBlank() ? null : number(modelQuality, "Model quality");
                changes.add(new Change.ModelVariant(
                        poolName, n.isEmpty() ? null : n, number(modelFactor, "Model time factor"), null, q));
            }
        } catch (IllegalArgumentException e) {
            vm.fail(capitalise(e.getMessage()));
            return;
        }
        if (changes.isEmpty()) {
            vm.fail("Tick at least one thing to change.");
            return;
        }
        if (vm.add(new Alternative(null, changes))) {
            for (CheckBox c :
                    List.of(kindOn, typeOn, instancesOn, keepAliveOn, keepWarmOn, batchingOn, cacheOn, modelOn))
                c.setSelected(false);
        }
    }

    private void addBatchAlternative() {
        List<Change> changes;
        try {
            changes = batchChanges();
        } catch (IllegalArgumentException e) {
            vm.fail(capitalise(e.getMessage()));
            return;
        }
        if (changes.isEmpty()) {
            vm.fail("Tick at least one thing to change.");
            return;
        }
        if (vm.add(new Alternative(null, changes))) for (CheckBox c : batchChecks()) c.setSelected(false);
    }

    private void exploreAround() {
        int entry = Math.max(0, vm.selectedProperty().get());
        SweepEditor editor = new SweepEditor(vm.treeOf(entry), vm.nameOf(entry));
        Optional<SweepSpec> spec = editor.showAndWait(
                root.getScene() == null ? null : root.getScene().getWindow());
        if (spec.isEmpty()) return;
        Sweep s = vm.sweepAround(entry, spec.get());
        if (s != null) onExplore.accept(s);
    }

    private static double number(TextField f, String what) {
        try {
            return Double.parseDouble(f.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    what + ": expected a number, got \"" + f.getText().strip() + "\"");
        }
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static CheckBox check(String id, String text) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setMinWidth(Control.USE_PREF_SIZE);
        return c;
    }

    private static TextField field(String id, String value) {
        TextField t = new TextField(value);
        t.setId(id);
        t.setPrefColumnCount(6);
        return t;
    }

    private static <N extends Node> N enabled(CheckBox on, N control) {
        control.disableProperty().bind(on.selectedProperty().not());
        return control;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
