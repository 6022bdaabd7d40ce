package frontier.app.explore;

import frontier.analysis.SweepAnalysis;
import frontier.app.ChartCaption;
import frontier.app.ChartExport;
import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.app.simulate.Example;
import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.SweepResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * The Explore screen: sweep scenarios and Open buttons on the left; run controls, the axis choice, the
 * weight slider, SLO and budget fields and exports above a {@link ScatterPlot} of every configuration, with
 * the selected point (and a second one to compare) in a table on the right. State lives in an
 * {@link ExploreViewModel}. The system property {@value #AUTORUN_PROPERTY} names a file to open (and run, if
 * it is a scenario) at start and shows this view, for screenshots.
 */
public final class ExploreView implements WorkbenchView {
    public static final String AUTORUN_PROPERTY = "frontier.explore.autorun";

    private final ExploreViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ScatterPlot plot = new ScatterPlot();
    private final TableView<DetailRow> details = new TableView<>();
    private final ToggleButton compare = new ToggleButton("Compare");

    public ExploreView(ExploreViewModel vm) {
        this.vm = vm;
        root.setId("exploreView");
        root.setLeft(filesPane());
        root.setCenter(mainPane());
        plot.setDescriber(i -> vm.analysisProperty().get() == null
                ? ""
                : Details.tooltip(
                        vm.analysisProperty().get(),
                        i,
                        vm.costProperty().get(),
                        vm.latencyPath(),
                        vm::label,
                        vm.optimumProperty().get()));
        plot.onClick(i -> {
            if (compare.isSelected()
                    && vm.selectedProperty().get() >= 0
                    && i != vm.selectedProperty().get()) vm.comparedProperty().set(i);
            else vm.selectedProperty().set(i);
        });
        plot.onCompareClick(i -> {
            if (vm.selectedProperty().get() < 0) vm.selectedProperty().set(i);
            else if (i != vm.selectedProperty().get()) vm.comparedProperty().set(i);
        });
        vm.resultProperty().addListener((o, old, r) -> showData());
        vm.analysisProperty().addListener((o, old, a) -> showFlags(old, a));
        vm.optimumProperty().addListener(o -> marks());
        vm.selectedProperty().addListener(o -> marks());
        vm.comparedProperty().addListener(o -> marks());
        vm.sloProperty()
                .addListener(o -> plot.setLines(
                        vm.sloProperty().get(), vm.budgetProperty().get()));
        vm.budgetProperty()
                .addListener(o -> plot.setLines(
                        vm.sloProperty().get(), vm.budgetProperty().get()));
        String auto = System.getProperty(AUTORUN_PROPERTY);
        if (auto != null && !auto.isBlank()) autorun(Path.of(auto));
    }

    @Override
    public String title() {
        return "Explore";
    }

    @Override
    public Node node() {
        return root;
    }

    public ScatterPlot plot() {
        return plot;
    }

    private void autorun(Path file) {
        // Shows this view once the window is up (the navigation list is MainWindow's #navigation).
        Platform.runLater(() -> {
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w.getScene() != null
                        && w.getScene().lookup("#navigation") instanceof ListView<?> nav
                        && nav.getItems().contains(this)) {
                    @SuppressWarnings("unchecked")
                    ListView<Object> n = (ListView<Object>) nav;
                    n.getSelectionModel().select(this);
                }
            }
        });
        vm.open(file);
        if (vm.canRunProperty().get()) vm.run();
    }

    private void showData() {
        SweepResult r = vm.resultProperty().get();
        SweepAnalysis a = vm.analysisProperty().get();
        if (r == null || a == null || a.result() != r) {
            if (r != null) return; // the analysis of r follows at once
            plot.setData(new double[0], new double[0], new boolean[0], new boolean[0], new Boolean[0]);
            plot.setMarks(-1, -1, -1);
            details.getItems().clear();
            return;
        }
        setPoints(a, true);
    }

    private void showFlags(SweepAnalysis old, SweepAnalysis a) {
        if (a == null) {
            plot.setData(new double[0], new double[0], new boolean[0], new boolean[0], new Boolean[0]);
            plot.setMarks(-1, -1, -1);
            details.getItems().clear();
            return;
        }
        // Same results, other latency metric: new y values, so a new view; other constraints: same view.
        boolean sameAxes =
                old != null && old.result() == a.result() && old.objectives().equals(a.objectives());
        setPoints(a, !sameAxes);
    }

    private void setPoints(SweepAnalysis a, boolean reset) {
        List<PointResult> pts = a.result().points();
        int n = pts.size();
        double[] x = new double[n], y = new double[n];
        String lat = vm.latencyPath();
        for (int i = 0; i < n; i++) {
            x[i] = pts.get(i).metric(vm.costProperty().get());
            y[i] = pts.get(i).metric(lat);
        }
        plot.setLabels(Details.title(vm.costProperty().get()), Details.title(lat));
        // Quality, when measured and not on the y axis, is the third objective: the points' colour.
        double[] quality = null;
        if (vm.hasQuality() && !vm.qualityOnY()) {
            quality = new double[n];
            for (int i = 0; i < n; i++) quality[i] = pts.get(i).metric(frontier.model.Metric.QUALITY.path());
        }
        plot.setShading(quality, "quality (higher is better)");
        plot.setStepLine(
                a.objectives().size() == 2 && a.objectives().stream().noneMatch(frontier.pareto.Objective::maximise));
        if (reset) plot.setData(x, y, a.feasible(), a.pareto(), a.uncertain());
        else plot.setFlags(a.feasible(), a.pareto(), a.uncertain());
        boolean[] drops = new boolean[a.result().points().size()];
        for (int i = 0; i < drops.length; i++)
            drops[i] = !Details.drops(a.result().points().get(i)).isEmpty();
        plot.setDrops(drops);
        plot.setLines(vm.sloProperty().get(), vm.budgetProperty().get());
        marks();
    }

    private void marks() {
        plot.setMarks(
                vm.optimumProperty().get(),
                vm.selectedProperty().get(),
                vm.comparedProperty().get());
        details.getItems()
                .setAll(Details.rows(
                        vm.analysisProperty().get(),
                        vm.selectedProperty().get(),
                        vm.comparedProperty().get(),
                        vm::label,
                        vm.optimumProperty().get()));
    }

    /** Writes the plot as it is shown, with its caption, to a PNG file at print resolution (2× the screen). */
    public void exportPng(Path target) throws IOException {
        ChartExport.writePng(plot, caption(), target);
    }

    /** Writes the plot as it is shown, with its caption, to a vector SVG file. */
    public void exportSvg(Path target) throws IOException {
        ChartExport.writeSvg(plot, caption(), target);
    }

    /**
     * Writes the one-click report of the sweep: {@code html} (self-contained, the chart inline as SVG) and the
     * same report as PDF next to it (same name, .pdf). The recommendation is the weighted optimum shown.
     */
    public void writeReport(Path html) throws IOException {
        SweepAnalysis a = vm.analysisProperty().get();
        if (a == null) throw new IOException("no sweep results to report");
        ChartCaption c = caption();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(ChartExport.image(plot, c, ChartExport.PRINT_SCALE), "png", png);
        int opt = vm.optimumProperty().get();
        List<frontier.present.Report.Number> numbers = Details.rows(a, opt, -1).stream()
                .map(r -> new frontier.present.Report.Number(r.field(), r.selected(), ""))
                .toList();
        String recommendation = opt < 0
                ? "No configuration meets the constraints."
                : "Point " + a.result().points().get(opt).index()
                        + ", the weighted optimum at the chosen weight (its settings below).";
        List<frontier.present.Report.Section> sections = List.of(
                new frontier.present.Report.Figure(
                        "Cost against latency",
                        ChartExport.svg(plot, c),
                        png.toByteArray(),
                        ChartExport.width(plot),
                        ChartExport.height(plot),
                        c.subtitle()),
                new frontier.present.Report.KeyNumbers("The recommended configuration", numbers),
                new frontier.present.Report.Bullets(
                        "Assumptions",
                        List.of(
                                "Prices: " + c.source(),
                                "Traffic and run settings: as in "
                                        + (vm.fileProperty().get() == null
                                                ? "the sweep file"
                                                : vm.fileProperty().get().getFileName()),
                                "Latency SLO: "
                                        + (vm.sloProperty().get() == null
                                                ? "none"
                                                : vm.sloProperty().get() + " ms"),
                                "Budget: "
                                        + (vm.budgetProperty().get() == null
                                                ? "none"
                                                : vm.budgetProperty().get() + " USD per 1,000 requests"))),
                new frontier.present.Report.Bullets(
                        "Not modelled",
                        List.of(
                                "Anything the scenario file does not describe: network between regions, failures, price changes after the catalogue date.")));
        frontier.present.Report r = new frontier.present.Report(
                c.title(),
                c.subtitle(),
                "Which configuration of this sweep serves within the SLO and budget for the best weighted cost and latency?",
                recommendation,
                "",
                sections,
                c.source());
        Files.writeString(html, frontier.present.HtmlReport.html(r), java.nio.charset.StandardCharsets.UTF_8);
        String name = html.getFileName().toString().replaceFirst("\\.html?$", "") + ".pdf";
        try (var out = Files.newOutputStream(html.resolveSibling(name))) {
            frontier.present.PdfReport.write(r, out);
        }
    }

    /** Puts the plot with its caption on the clipboard as an image. */
    public void copyChart() {
        Clipboard.getSystemClipboard().setContent(ChartExport.clipboard(plot, caption()));
        vm.info("Copied the chart");
    }

    /** "Sweep: tiny sweep", then the sweep file and the objectives; the source line names version and prices. */
    ChartCaption caption() {
        Path file = vm.fileProperty().get();
        String title = vm.titleProperty().get();
        String subtitle =
                (file == null ? "" : file.getFileName() + " \u00b7 ") + "cost per 1,000 requests against latency ("
                        + vm.latencyProperty().get() + "); every configuration of the sweep";
        return ChartCaption.of(title == null || title.isBlank() ? "Sweep" : title, subtitle);
    }

    private Node filesPane() {
        Label title = sectionTitle("Sweep scenarios");
        ListView<Example> list = new ListView<>(vm.sweeps());
        list.setId("sweepList");
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Example e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.title());
                // Title, path and the whole description: long descriptions are read in full here.
                setTooltip(empty || e == null ? null : Example.tooltip(e));
            }
        });
        Label empty =
                new Label("No scenario with a sweep under\n" + vm.examplesDir().toAbsolutePath());
        empty.setWrapText(true);
        list.setPlaceholder(empty);
        list.disableProperty().bind(vm.runningProperty());
        list.getSelectionModel().selectedItemProperty().addListener((o, old, e) -> {
            if (e != null && !e.file().equals(vm.fileProperty().get())) vm.open(e.file());
        });
        vm.fileProperty().addListener((o, old, f) -> {
            Example match = vm.sweeps().stream()
                    .filter(e -> e.file().equals(f))
                    .findFirst()
                    .orElse(null);
            if (match == null) list.getSelectionModel().clearSelection();
            else list.getSelectionModel().select(match);
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        Button open = new Button("Open sweep/results…");
        open.setId("openSweepButton");
        open.setMaxWidth(Double.MAX_VALUE);
        open.disableProperty().bind(vm.runningProperty());
        open.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle("Open a scenario with a sweep, or a results file");
            c.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter("Sweep scenarios and results (*.json)", "*.json"));
            Path start = Files.isDirectory(vm.examplesDir().resolve("sweeps"))
                    ? vm.examplesDir().resolve("sweeps")
                    : vm.examplesDir();
            if (Files.isDirectory(start))
                c.setInitialDirectory(start.toAbsolutePath().toFile());
            File f = c.showOpenDialog(window());
            if (f != null) vm.open(f.toPath());
        });
        Button save = new Button("Save results…");
        save.setId("saveResultsButton");
        save.setMaxWidth(Double.MAX_VALUE);
        save.disableProperty().bind(vm.analysisProperty().isNull());
        save.setTooltip(new Tooltip("Write every point (frontier sweep --json) to reopen later without re-running"));
        save.setOnAction(e -> save("Save results", "results.json", "*.json", vm::exportJson));
        VBox box = new VBox(6, title, list, open, save);
        box.setPadding(new Insets(10));
        box.setMinWidth(220);
        // Titles are elided with a tooltip; wider screens give them more room (a sixth of the view, up to 380 px).
        box.sceneProperty().addListener((o, old, scene) -> {
            box.prefWidthProperty().unbind();
            if (scene != null)
                box.prefWidthProperty()
                        .bind(Bindings.min(
                                380, Bindings.max(220, scene.widthProperty().divide(6))));
        });
        return box;
    }

    private interface Writer {
        void write(Path p) throws IOException;
    }

    private void save(String title, String name, String pattern, Writer w) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(name);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File f = c.showSaveDialog(window());
        if (f == null) return;
        try {
            w.write(f.toPath());
            vm.info("Wrote " + f.getAbsolutePath());
        } catch (IOException | RuntimeException ex) {
            vm.fail("Cannot write " + f.getAbsolutePath() + ": " + ex.getMessage());
        }
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Node mainPane() {
        Label name = new Label();
        name.setId("sweepTitle");
        name.getStyleClass().add("scenario-name");
        name.textProperty().bind(vm.titleProperty());

        Button run = new Button("Run");
        run.setId("runSweepButton");
        run.setDefaultButton(true);
        run.setPrefWidth(80);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.run());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSweepButton");
        cancel.setPrefWidth(80);
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button spark = new Button("Run on Spark…");
        spark.setId("runOnSparkButton");
        spark.setTooltip(new Tooltip(
                "Run this sweep on a Spark cluster with spark-submit, or copy the command (docs/spark.md)"));
        spark.disableProperty()
                .bind(vm.canRunProperty().not().or(vm.fileProperty().isNull()));
        spark.setOnAction(e -> RunOnSpark.show(
                window(), vm.fileProperty().get(), frontier.app.Settings.standard(), vm::open, vm::info));
        ProgressBar progress = new ProgressBar(0);
        progress.setId("sweepProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setPrefWidth(180);
        // A flow, not a row: at 1280×720 the run and export buttons do not fit beside the details pane, and a
        // row clipped the last ones; the flow wraps them onto a second line instead.
        FlowPane runBar = new FlowPane(
                8,
                6,
                run,
                cancel,
                spark,
                progress,
                compare,
                resetButton(),
                pngButton(),
                svgButton(),
                copyButton(),
                csvButton(),
                reportButton());
        runBar.setId("exploreRunBar");
        runBar.setAlignment(Pos.CENTER_LEFT);

        Label status = Widgets.statusLabel("exploreStatus", vm.statusProperty(), 600);
        vm.errorProperty().addListener((o, was, err) -> {
            status.getStyleClass().remove("error");
            if (err) status.getStyleClass().add("error");
        });

        SplitPane split = new SplitPane(plot.node(), detailsPane());
        split.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(8, name, runBar, status, controls(), split);
        box.setPadding(new Insets(10, 14, 10, 10));
        return box;
    }

    private Node controls() {
        ComboBox<String> cost = new ComboBox<>();
        cost.setId("costChoice");
        cost.getItems().setAll(ExploreViewModel.COSTS);
        cost.valueProperty().bindBidirectional(vm.costProperty());
        cost.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String path) {
                return ExploreViewModel.COST_TOTAL.equals(path) ? "total" : "per 1k req";
            }

            @Override
            public String fromString(String s) {
                return "total".equals(s) ? ExploreViewModel.COST_TOTAL : ExploreViewModel.COST;
            }
        });
        cost.setTooltip(
                new Tooltip("Cost metric on the x axis, the first objective of the front and the budget's unit"));
        ComboBox<String> latency = new ComboBox<>();
        latency.setId("latencyChoice");
        latency.getItems().setAll(ExploreViewModel.LATENCIES);
        latency.valueProperty().bindBidirectional(vm.latencyProperty());
        latency.setTooltip(
                new Tooltip(
                        "Latency metric (or a batch job's completion time) on the y axis, and the second objective of the"
                                + " front; with models' quality figures, quality can be the y axis instead (then cost against quality)"));
        vm.resultProperty().addListener(o -> {
            String keep = vm.latencyProperty().get();
            latency.getItems().setAll(vm.yChoices());
            if (!latency.getItems().contains(keep)) vm.latencyProperty().set("p99");
            else latency.setValue(keep);
        });

        Slider weight = new Slider(0, 1, vm.alphaProperty().get());
        weight.setId("weightSlider");
        weight.setPrefWidth(120);
        weight.valueProperty().bindBidirectional(vm.alphaProperty());
        weight.setTooltip(
                new Tooltip("Weight α on cost (latency gets 1 − α); each normalised min–max over the feasible points. "
                        + "The green ring is the configuration minimising α·cost + (1 − α)·latency."));
        Label alpha = new Label();
        alpha.setId("weightLabel");
        alpha.setMinWidth(70);
        alpha.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> String.format(
                                Locale.US, "(α = %.2f)", vm.alphaProperty().get()),
                        vm.alphaProperty()));

        compare.setId("compareToggle");
        compare.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        compare.setTooltip(
                new Tooltip("On: a click picks the point compared with the selected one (Ctrl-click does the same)"));
        TextField slo = numberField(
                "sloField",
                "none",
                vm.sloProperty(),
                "Latency SLO (ms) on the chosen metric: points above it are infeasible");
        TextField budget = numberField(
                "budgetField",
                "none",
                vm.budgetProperty(),
                "Budget in the cost metric chosen (USD per 1,000 requests, or USD in total): points above it are infeasible");
        Label budgetUnit = new Label();
        budgetUnit
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> ExploreViewModel.COST_TOTAL.equals(
                                        vm.costProperty().get())
                                ? "USD"
                                : "USD/1k req",
                        vm.costProperty()));

        // Groups that wrap as wholes when the window is narrow, so a field never loses its label or unit.
        FlowPane bar = new FlowPane(
                14,
                6,
                group(new Label("Cost"), cost, new Label("Latency"), latency),
                group(new Label("Weight: latency"), weight, new Label("cost"), alpha),
                group(new Label("SLO"), slo, new Label("ms")),
                group(new Label("budget"), budget, budgetUnit));
        bar.setId("exploreControls");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static HBox group(Node... nodes) {
        HBox g = new HBox(6, nodes);
        g.getChildren().forEach(n -> {
            if (n instanceof javafx.scene.control.Control c) c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        });
        g.setAlignment(Pos.CENTER_LEFT);
        return g;
    }

    private Button resetButton() {
        return toolButton("Reset zoom", "resetZoomButton", "Mouse wheel zooms, dragging pans", plot::resetView);
    }

    private Button pngButton() {
        Button png = toolButton(
                "PNG…",
                "exportPngButton",
                "Export the chart as a PNG image",
                () -> save("Export chart", "sweep.png", "*.png", this::exportPng));
        png.disableProperty().bind(vm.analysisProperty().isNull());
        return png;
    }

    private Button svgButton() {
        Button svg = toolButton(
                "SVG…",
                "exportSvgButton",
                "Export the chart as a vector SVG image",
                () -> save("Export chart", "sweep.svg", "*.svg", this::exportSvg));
        svg.disableProperty().bind(vm.analysisProperty().isNull());
        return svg;
    }

    private Button reportButton() {
        Button b = toolButton(
                "Report…",
                "reportButton",
                "Write a one-page report of the sweep as HTML and PDF",
                () -> save("Write report", "sweep-report.html", "*.html", this::writeReport));
        b.disableProperty().bind(vm.analysisProperty().isNull());
        return b;
    }

    private Button copyButton() {
        Button copy = toolButton(
                "Copy chart", "copyChartButton", "Copy the chart with its title to the clipboard", this::copyChart);
        copy.disableProperty().bind(vm.analysisProperty().isNull());
        return copy;
    }

    private Button csvButton() {
        Button csv = toolButton(
                "CSV…",
                "exportCsvButton",
                "Export every point as CSV (the columns of frontier sweep --csv)",
                () -> save("Export table", "sweep.csv", "*.csv", vm::exportCsv));
        csv.disableProperty().bind(vm.analysisProperty().isNull());
        return csv;
    }

    /** A button of the run bar, never shrunk below its text, with a tooltip saying what it does. */
    private static Button toolButton(String text, String id, String tooltip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip(tooltip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private TextField numberField(String id, String prompt, ObjectProperty<Double> target, String tip) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(5);
        f.setTooltip(new Tooltip(tip + ". Empty: no limit."));
        Runnable apply = () -> {
            String t = f.getText().strip().replace(",", "");
            if (t.isEmpty()) {
                target.set(null);
                f.getStyleClass().remove("invalid");
                return;
            }
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v)) throw new NumberFormatException();
                target.set(v);
                f.getStyleClass().remove("invalid");
            } catch (NumberFormatException e) {
                if (!f.getStyleClass().contains("invalid")) f.getStyleClass().add("invalid");
                vm.fail(id.replace("Field", "") + ": '" + f.getText() + "' is not a number");
            }
        };
        f.setOnAction(e -> apply.run());
        f.focusedProperty().addListener((o, was, now) -> {
            if (!now) apply.run();
        });
        return f;
    }

    private Node detailsPane() {
        details.setId("detailsTable");
        frontier.app.TableExport.install(details, "details.csv", vm::info);
        details.getStyleClass().add("summary-table");
        TableColumn<DetailRow, String> field = column("Field", DetailRow::field, 140);
        TableColumn<DetailRow, String> a = column("Selected", DetailRow::selected, 115);
        TableColumn<DetailRow, String> b = column("Compared", DetailRow::compared, 115);
        a.getStyleClass().add("numeric");
        b.getStyleClass().add("numeric");
        details.getColumns().setAll(List.of(field, a, b));
        details.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        details.setPlaceholder(new Label(
                "Click a point to see its configuration.\nCtrl-click (or Compare) a second one\nto compare."));
        Button clear = new Button("Clear");
        clear.setId("clearSelectionButton");
        clear.setOnAction(e -> {
            vm.comparedProperty().set(-1);
            vm.selectedProperty().set(-1);
        });
        HBox head = new HBox(8, sectionTitle("Selected configuration"), clear);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(details, Priority.ALWAYS);
        VBox box = new VBox(4, head, details);
        box.setPadding(new Insets(0, 0, 0, 8));
        box.setMinWidth(330);
        return box;
    }

    private static TableColumn<DetailRow, String> column(
            String title, Function<DetailRow, String> value, double width) {
        TableColumn<DetailRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Objects.toString(value.apply(cell.getValue()), "")));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        return c;
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** The details table (for tests). */
    public TableView<DetailRow> details() {
        return details;
    }
}
