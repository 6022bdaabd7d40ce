package frontier.app.simulate;

import frontier.app.ChartCaption;
import frontier.app.ChartMenu;
import frontier.app.ExportableChart;
import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.app.XyChartPicture;
import frontier.scenario.Summary;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Simulate screen: example scenarios and an Open button on the left; the scenario, run controls,
 * result tables and, in tabs, the latency distribution, instances over time and cost charts in the centre. Holds no state of its own: everything is bound to a
 * {@link SimulateViewModel}.
 */
public final class SimulateView implements WorkbenchView {
    /** System property: the chart tab to show first (see {@link #selectTab(String)}). */
    public static final String TAB_PROPERTY = "frontier.tab";

    private static final double ROW_HEIGHT = 25;
    private static final javafx.css.PseudoClass HEADING = javafx.css.PseudoClass.getPseudoClass("heading");
    private static final double DESCRIPTION_LINE_HEIGHT = 19;

    private final SimulateViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ListView<Example> scenarioList = new ListView<>();
    private final LatencyChart chart = new LatencyChart();
    private final InstancesChart instancesChart = new InstancesChart();
    private final CostChart costChart = new CostChart();
    private final ExportableChart latencyPicture = new XyChartPicture(chart.chart());
    private final ExportableChart instancesPicture = new XyChartPicture(instancesChart.chart());
    private final ExportableChart costPicture = new XyChartPicture(costChart.chart());
    private final TabPane chartTabs = new TabPane();
    private final Button edit = new Button("Edit scenario");
    private java.util.function.Consumer<Path> onEdit;

    public SimulateView(SimulateViewModel vm) {
        this.vm = vm;
        root.setLeft(examplesPane());
        root.setCenter(mainPane());
        vm.summaryProperty().addListener((obs, old, s) -> {
            chart.show(s);
            instancesChart.show(s);
            costChart.show(s);
        });
        selectTab(System.getProperty(TAB_PROPERTY));
        // Every chart exports like the code-drawn ones: right-click for Copy chart, PNG (2×) and SVG.
        ChartMenu.install(chart.chart(), latencyPicture, () -> caption(chart.chart()), vm::info);
        ChartMenu.install(instancesChart.chart(), instancesPicture, () -> caption(instancesChart.chart()), vm::info);
        ChartMenu.install(costChart.chart(), costPicture, () -> caption(costChart.chart()), vm::info);
    }

    /** The latency histogram, the instances over time and the cost split, as they export (in tab order). */
    public List<ExportableChart> charts() {
        return List.of(latencyPicture, instancesPicture, costPicture);
    }

    /** The caption of chart {@code i} of {@link #charts()} as it would export now. */
    public ChartCaption caption(int i) {
        return caption(List.of(chart.chart(), instancesChart.chart(), costChart.chart())
                .get(i));
    }

    /**
     * The caption of an exported chart: the chart's title, then the scenario (name and file) and the simulated span
     * with its replications; the source line names Frontier's version and the price catalogue's date.
     */
    private ChartCaption caption(javafx.scene.chart.XYChart<?, ?> shown) {
        Summary s = vm.summaryProperty().get();
        Path file = vm.scenarioFileProperty().get();
        StringBuilder sub =
                new StringBuilder(Objects.toString(vm.scenarioNameProperty().get(), ""));
        if (file != null) sub.append(" (").append(file.getFileName()).append(')');
        if (s != null) {
            var run = vm.scenarioProperty().get() == null
                    ? null
                    : vm.scenarioProperty().get().run();
            if (run != null && run.durationS() != null)
                sub.append(" \u00b7 ").append(SummaryRows.span(run.durationS())).append(" simulated");
            int n = s.replications().size();
            sub.append(" \u00b7 ").append(n).append(n == 1 ? " replication" : " replications");
        }
        return ChartCaption.of(Objects.toString(shown.getTitle(), ""), sub.toString());
    }

    /**
     * Selects the chart tab with this title ("Latency", "Instances" or "Cost", any case); other
     * values are ignored. The window starts on the tab named by the system property
     * {@value #TAB_PROPERTY}, for screenshots.
     */
    public void selectTab(String title) {
        if (title == null) return;
        chartTabs.getTabs().stream()
                .filter(t -> t.getText().equalsIgnoreCase(title.strip()))
                .findFirst()
                .ifPresent(t -> chartTabs.getSelectionModel().select(t));
    }

    /** Shows an "Edit scenario" button that hands the loaded scenario's file to {@code onEdit} (the Scenario editor). */
    public void setOnEdit(java.util.function.Consumer<Path> onEdit) {
        this.onEdit = onEdit;
        edit.setVisible(onEdit != null);
        edit.setManaged(onEdit != null);
    }

    @Override
    public String title() {
        return "Simulate";
    }

    @Override
    public Node node() {
        return root;
    }

    /** Shows the file chooser and opens the chosen scenario. */
    public void openFileDialog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open scenario");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files (*.json)", "*.json"));
        Path dir = vm.examplesDir().toAbsolutePath();
        if (Files.isDirectory(dir)) chooser.setInitialDirectory(dir.toFile());
        File file = chooser.showOpenDialog(
                root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) vm.open(file.toPath());
    }

    private Node examplesPane() {
        Label title = sectionTitle("Example scenarios");
        scenarioList.setId("scenarioList");
        scenarioList.setItems(vm.examples());
        scenarioList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Example example, boolean empty) {
                super.updateItem(example, empty);
                setText(empty || example == null ? null : example.title());
                setTooltip(empty || example == null ? null : Example.tooltip(example));
            }
        });
        Label empty = new Label("No *.json files under\n" + vm.examplesDir().toAbsolutePath());
        empty.setWrapText(true);
        scenarioList.setPlaceholder(empty);
        scenarioList.disableProperty().bind(vm.runningProperty());
        VBox.setVgrow(scenarioList, Priority.ALWAYS);
        scenarioList.getSelectionModel().selectedItemProperty().addListener((obs, old, example) -> {
            if (example != null
                    && !example.file().equals(vm.scenarioFileProperty().get())) vm.open(example.file());
        });
        vm.scenarioFileProperty().addListener((obs, old, file) -> {
            Example match = vm.examples().stream()
                    .filter(e -> e.file().equals(file))
                    .findFirst()
                    .orElse(null);
            if (match == null) scenarioList.getSelectionModel().clearSelection();
            else scenarioList.getSelectionModel().select(match);
        });

        Button open = new Button("Open scenario file…");
        open.setId("openButton");
        open.setMaxWidth(Double.MAX_VALUE);
        open.disableProperty().bind(vm.runningProperty());
        open.setOnAction(e -> openFileDialog());

        VBox box = new VBox(6, title, scenarioList, open);
        box.setPadding(new Insets(10));
        // Titles longer than this are elided with the whole title and description in their tooltip; the width goes
        // to the results tables, whose cells must not be elided at 1280 px.
        box.setMinWidth(250);
        // Wider screens give the titles more room (a fifth of the view, up to 420 px).
        box.prefWidthProperty()
                .bind(Bindings.min(420, Bindings.max(250, root.widthProperty().multiply(0.2))));
        return box;
    }

    private Node mainPane() {
        // Tables over charts in a split pane: extra height goes to the charts, and the divider can be dragged.
        Node tables = tables();
        SplitPane split = new SplitPane(tables, chartTabs());
        split.setId("resultsSplit");
        split.setOrientation(Orientation.VERTICAL);
        split.getStyleClass().add("results-split");
        SplitPane.setResizableWithParent(tables, false);
        split.heightProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Number> obs, Number old, Number h) {
                if (h.doubleValue() <= 0) return;
                split.heightProperty().removeListener(this);
                split.setDividerPositions(Math.min(0.6, tables.prefHeight(-1) / h.doubleValue()));
            }
        });
        VBox box = new VBox(8, scenarioHeader(), runBar(), statusLabel(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(10, 14, 10, 10));
        return box;
    }

    /** The charts, one per tab, so each gets the full width and the height left under the tables. */
    private Node chartTabs() {
        chartTabs.setId("chartTabs");
        chartTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        chartTabs.setMinHeight(200);
        chartTabs
                .getTabs()
                .setAll(
                        tab("latencyTab", "Latency", chart.node(), "Latency distribution of all replications"),
                        tab(
                                "instancesTab",
                                "Instances",
                                instancesChart.node(),
                                "Instances per pool over time, with cold starts and interruptions (first replication)"),
                        tab(
                                "costTab",
                                "Cost",
                                costPane(),
                                "Cost per pool split by instance state, and the cost figures"));
        return chartTabs;
    }

    private static Tab tab(String id, String title, Node content, String tip) {
        StackPane padded = new StackPane(content);
        padded.setPadding(new Insets(6, 0, 0, 0));
        Tab t = new Tab(title, padded);
        t.setId(id);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    private Node costPane() {
        TableView<CostRow> table = new TableView<>(vm.costRows());
        table.setId("costTable");
        frontier.app.TableExport.install(table, "costs.csv", m -> {});
        table.getStyleClass().add("summary-table");
        table.getColumns().add(column("Item", CostRow::item, 200, false));
        table.getColumns().add(column("Value", CostRow::value, 134, true));
        table.getColumns().add(column("Unit", CostRow::unit, 50, false));
        table.getColumns().add(column("Share", CostRow::share, 66, true));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(CostRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(HEADING, !empty && row != null && row.heading());
            }
        });
        table.setFixedCellSize(ROW_HEIGHT - 2);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Run the scenario to see its cost."));
        table.setPrefWidth(470);
        table.setMinWidth(470);
        Node bars = costChart.node();
        HBox.setHgrow(bars, Priority.ALWAYS);
        HBox box = new HBox(10, bars, table);
        return box;
    }

    private Node scenarioHeader() {
        Label name = new Label();
        name.setId("scenarioName");
        name.getStyleClass().add("scenario-name");
        name.textProperty().bind(vm.scenarioNameProperty());
        Label description = new Label();
        description.setId("scenarioDescription");
        description.setWrapText(true);
        // At most two lines, so the charts keep their height; the whole text is in the tooltip.
        double twoLines = 2 * DESCRIPTION_LINE_HEIGHT + 4;
        description.setMaxHeight(twoLines);
        javafx.beans.InvalidationListener fit = o -> description.setMinHeight(
                Math.min(twoLines, description.prefHeight(Math.max(1, description.getWidth()))));
        description.widthProperty().addListener(fit);
        description.textProperty().addListener(fit);
        description.textProperty().bind(vm.scenarioDescriptionProperty());
        Tooltip full = new Tooltip();
        full.textProperty().bind(vm.scenarioDescriptionProperty());
        full.setWrapText(true);
        full.setMaxWidth(600);
        description
                .tooltipProperty()
                .bind(Bindings.when(vm.scenarioDescriptionProperty().isEmpty())
                        .then((Tooltip) null)
                        .otherwise(full));
        Label file = new Label();
        file.setId("scenarioFile");
        file.getStyleClass().add("scenario-file");
        file.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            Path p = vm.scenarioFileProperty().get();
                            return p == null
                                    ? ""
                                    : p.toAbsolutePath().normalize().toString();
                        },
                        vm.scenarioFileProperty()));
        return new VBox(2, name, description, file);
    }

    private Node runBar() {
        Button run = new Button("Run");
        run.setId("runButton");
        run.setDefaultButton(true);
        run.setPrefWidth(80);
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.run());
        // The disabled Run button loses focus during a run; give it back so Enter runs again.
        vm.runningProperty().addListener((obs, was, now) -> {
            if (!now) run.requestFocus();
        });
        Button cancel = new Button("Cancel");
        cancel.setId("cancelButton");
        cancel.setPrefWidth(80);
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("progressBar");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        edit.setId("editScenarioButton");
        edit.setTooltip(new Tooltip("Open this scenario in the Scenario editor."));
        edit.setVisible(false);
        edit.setManaged(false);
        edit.disableProperty().bind(vm.scenarioFileProperty().isNull().or(vm.runningProperty()));
        edit.setOnAction(e -> {
            if (onEdit != null) onEdit.accept(vm.scenarioFileProperty().get());
        });
        HBox bar = new HBox(8, run, cancel, progress, edit);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node statusLabel() {
        Label status = Widgets.statusLabel("status", vm.statusProperty(), 600);
        vm.statusKindProperty().addListener((obs, old, kind) -> {
            status.getStyleClass().removeAll("error", "done");
            if (kind == StatusKind.ERROR) status.getStyleClass().add("error");
            if (kind == StatusKind.DONE) status.getStyleClass().add("done");
        });
        return status;
    }

    private Node tables() {
        TableView<SummaryRow> summary = new TableView<>(vm.keyFigures());
        summary.setId("summaryTable");
        frontier.app.TableExport.install(summary, "key-figures.csv", m -> {});
        summary.getColumns().add(column("Metric", SummaryRow::metric, 185, false));
        summary.getColumns().add(column("Value", SummaryRow::value, 155, true));
        summary.getColumns().add(column("Unit", SummaryRow::unit, 55, false));
        summary.setRowFactory(tv -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(SummaryRow row, boolean empty) {
                super.updateItem(row, empty);
                String text = empty || row == null ? null : row.description();
                setTooltip(text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        TableView<PercentileRow> percentiles = new TableView<>(vm.percentiles());
        percentiles.setId("percentileTable");
        frontier.app.TableExport.install(percentiles, "percentiles.csv", m -> {});
        percentiles.getColumns().add(column("Statistic", PercentileRow::statistic, 78, false));
        // Each cell carries its unit: microseconds below one millisecond, milliseconds below one second, seconds
        // above.
        percentiles.getColumns().add(column("Latency", PercentileRow::latencyMs, 122, true));
        percentiles.getColumns().add(column("Wait", PercentileRow::waitMs, 122, true));
        percentiles.getColumns().add(column("Service", PercentileRow::serviceMs, 122, true));
        for (TableView<?> t : new TableView<?>[] {summary, percentiles}) {
            t.getStyleClass().add("summary-table");
            t.setFixedCellSize(ROW_HEIGHT);
            t.setPrefHeight(ROW_HEIGHT * 8 + 32);
            t.setMinHeight(ROW_HEIGHT * 3 + 32);
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            t.setPlaceholder(new Label("Run the scenario to see results."));
        }
        summary.setPrefWidth(412);
        summary.setMinWidth(412);
        HBox.setHgrow(percentiles, Priority.ALWAYS);

        Label title = sectionTitle("");
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            var s = vm.summaryProperty().get();
                            if (s == null) return "Results";
                            int n = s.replications().size();
                            return n == 1
                                    ? "Results — 1 replication"
                                    : "Results — mean of " + n + " replications ± 95% confidence half-width";
                        },
                        vm.summaryProperty()));
        HBox both = new HBox(10, summary, percentiles);
        VBox.setVgrow(both, Priority.ALWAYS);
        VBox box = new VBox(4, title, both);
        box.setPadding(new Insets(0, 0, 6, 0));
        return box;
    }

    private static <R> TableColumn<R, String> column(
            String title, Function<R, String> value, double width, boolean right) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Objects.toString(value.apply(cell.getValue()), "")));
        // A cell too narrow for its text (a long metric name at 1280 px) shows it whole in a tooltip.
        c.setCellFactory(frontier.app.Widgets.textCellsWithTooltips());
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setReorderable(false);
        if (right) c.getStyleClass().add("numeric");
        return c;
    }

    private static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
