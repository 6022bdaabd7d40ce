package frontier.app.costs;

import frontier.app.BillingSession;
import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.app.costs.CostBreakdown.Metric;
import frontier.store.CostLine;
import frontier.store.Dimension;
import frontier.store.Grouping;
import java.time.LocalDate;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;

/**
 * The Costs screen: the cost per day stacked by a chosen dimension or tag (largest groups plus the rest
 * as one segment) over a date range, effective or billed, one currency at a time ({@link CostChartPane});
 * the exact totals by the same grouping per currency ({@link CostTotalsTable}); and the cost lines
 * themselves, a page of {@value CostsViewModel#PAGE} at a time ({@link CostLinesPane}). Clicking a bar,
 * filtering a column or searching narrows all three together; the breadcrumb ({@link FilterBar}) shows what
 * narrows them, a click removes it.
 */
public final class CostsView implements WorkbenchView {
    private final CostsViewModel vm;
    private final VBox root = new VBox(6);
    private final CostChartPane chart;
    private final CostLinesPane lines;
    private final frontier.app.ExportableChart picture;

    /** A stacking choice: a dimension, or (null) a tag whose key is picked beside it. */
    private record Choice(Dimension dimension) {
        @Override
        public String toString() {
            return dimension == null ? "Tag…" : dimension.label();
        }
    }

    public CostsView(BillingSession session) {
        this(new CostsViewModel(session));
    }

    public CostsView(CostsViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(8, 12, 8, 10));
        Label title = new Label("Costs");
        title.getStyleClass().add("scenario-name");
        Label status = Widgets.statusLabel("costsStatus", vm.statusProperty(), 600);
        HBox head = new HBox(14, title, status);
        head.setAlignment(Pos.BASELINE_LEFT);

        chart = new CostChartPane(vm);
        picture = new frontier.app.XyChartPicture(chart.node());
        lines = new CostLinesPane(vm);
        SplitPane split = new SplitPane(summaryPane(), lines.node());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.56);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(head, controls(), new FilterBar(vm).node(), split);
        // Coming back to the view shows the latest data.
        Widgets.whenShown(root, vm::refresh);
        frontier.app.ChartMenu.install(chart.node(), picture, this::chartCaption, vm::info);
    }

    /** The chart as it exports (PNG at print resolution, SVG, the clipboard). */
    public frontier.app.ExportableChart picture() {
        return picture;
    }

    /**
     * The caption of the exported chart: the chart's title, then the workspace, the period shown and the currency;
     * the source line names Frontier's version and the price catalogue's date.
     */
    public frontier.app.ChartCaption chartCaption() {
        CostBreakdown.Chart c = vm.chartProperty().get();
        java.nio.file.Path ws = vm.workspace();
        StringBuilder sub = new StringBuilder(ws == null ? "" : "Workspace " + ws.getFileName());
        if (c != null && !c.buckets().isEmpty()) {
            sub.append(" \u00b7 ").append(c.buckets().getFirst());
            if (c.buckets().size() > 1) sub.append(" to ").append(c.buckets().getLast());
            sub.append(" (UTC)");
            if (c.currency() != null) sub.append(" \u00b7 ").append(c.currency());
        }
        if (!vm.filters().isEmpty())
            sub.append(" \u00b7 filtered: ")
                    .append(vm.filters().size())
                    .append(vm.filters().size() == 1 ? " filter" : " filters");
        return frontier.app.ChartCaption.of(
                java.util.Objects.toString(chart.node().getTitle(), "Costs"), sub.toString());
    }

    @Override
    public String title() {
        return "Costs";
    }

    @Override
    public Node node() {
        return root;
    }

    public CostsViewModel viewModel() {
        return vm;
    }

    /** The stacked bar chart. */
    public StackedBarChart<String, Number> chart() {
        return chart.node();
    }

    /** The table of cost lines. */
    public TableView<CostLine> linesTable() {
        return lines.table();
    }

    // ---- controls ------------------------------------------------------------------------------

    private Node controls() {
        DatePicker from = datePicker("costsFrom", "first day");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        DatePicker to = datePicker("costsTo", "last day");
        to.valueProperty().bindBidirectional(vm.toProperty());
        Button all = new Button("All dates");
        all.setId("costsAllDates");
        all.setOnAction(e -> {
            vm.fromProperty().set(null);
            vm.toProperty().set(null);
        });
        all.disableProperty()
                .bind(vm.fromProperty().isNull().and(vm.toProperty().isNull()));

        ChoiceBox<Choice> by = new ChoiceBox<>();
        by.setId("stackBy");
        for (Dimension d : CostsViewModel.STACK_DIMENSIONS) by.getItems().add(new Choice(d));
        Choice tagChoice = new Choice(null);
        by.getItems().add(tagChoice);
        ComboBox<String> tagKey = new ComboBox<>(vm.tagKeys());
        tagKey.setId("stackTag");
        tagKey.setPromptText("tag key");
        tagKey.setPrefWidth(150);
        tagKey.visibleProperty().bind(by.valueProperty().isEqualTo(tagChoice));
        tagKey.managedProperty().bind(tagKey.visibleProperty());
        Runnable push = () -> {
            Choice c = by.getValue();
            if (c == null) return;
            if (c.dimension() != null) vm.stackByProperty().set(Grouping.of(c.dimension()));
            else if (tagKey.getValue() != null) vm.stackByProperty().set(Grouping.tag(tagKey.getValue()));
            else if (!tagKey.getItems().isEmpty())
                tagKey.setValue(tagKey.getItems().getFirst());
        };
        by.valueProperty().addListener((obs, o, n) -> push.run());
        tagKey.valueProperty().addListener((obs, o, n) -> push.run());
        Runnable pull = () -> {
            Grouping g = vm.stackByProperty().get();
            if (g.dimension() != null) by.setValue(new Choice(g.dimension()));
            else {
                tagKey.setValue(g.tag());
                by.setValue(tagChoice);
            }
        };
        vm.stackByProperty().addListener((obs, o, n) -> pull.run());
        pull.run();

        ToggleButton effective = new ToggleButton("Effective");
        effective.setId("metricEffective");
        effective.setTooltip(new Tooltip("Effective cost: amortized, commitment purchases spread over their use"));
        ToggleButton billed = new ToggleButton("Billed");
        billed.setId("metricBilled");
        billed.setTooltip(new Tooltip("Billed cost: as invoiced"));
        SegmentedButton metric = new SegmentedButton(effective, billed);
        metric.getToggleGroup().selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) o.setSelected(true); // one is always chosen
            else vm.metricProperty().set(n == billed ? Metric.BILLED : Metric.EFFECTIVE);
        });
        vm.metricProperty().addListener((obs, o, n) -> (n == Metric.BILLED ? billed : effective).setSelected(true));
        (vm.metricProperty().get() == Metric.BILLED ? billed : effective).setSelected(true);

        ChoiceBox<String> currency = new ChoiceBox<>(vm.currencies());
        currency.setId("costsCurrency");
        currency.valueProperty().addListener((obs, o, n) -> {
            if (n != null) vm.currencyProperty().set(n);
        });
        vm.chartProperty().addListener((obs, o, n) -> {
            if (n != null && n.currency() != null && !n.currency().equals(currency.getValue()))
                currency.setValue(n.currency());
        });
        Label currencyLabel = new Label("Currency");
        HBox currencyBox = new HBox(6, currencyLabel, currency);
        currencyBox.setAlignment(Pos.CENTER_LEFT);
        // Only worth a control when there is a choice; the chart shows one currency at a time.
        currencyBox.visibleProperty().bind(Bindings.size(vm.currencies()).greaterThan(1));
        currencyBox.managedProperty().bind(currencyBox.visibleProperty());

        HBox box = new HBox(
                6,
                new Label("From"),
                from,
                new Label("to"),
                to,
                all,
                new Separator(Orientation.VERTICAL),
                new Label("Stack by"),
                by,
                tagKey,
                new Separator(Orientation.VERTICAL),
                metric,
                currencyBox);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static DatePicker datePicker(String id, String prompt) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText(prompt);
        // Wide enough for a whole date in the theme's font (125 px cut "2026-10-15" to "2026-10-1" once a bar was
        // clicked): nine columns of the editor's widest letter hold the ten digits and dashes.
        p.getEditor().setPrefColumnCount(9);
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) return null;
                try {
                    return LocalDate.parse(s.strip());
                } catch (java.time.DateTimeException e) {
                    return p.getValue(); // keep the previous day rather than throwing from the editor
                }
            }
        });
        p.setTooltip(new Tooltip("UTC day (yyyy-MM-dd), inclusive; empty for no bound"));
        return p;
    }

    // ---- chart and totals ----------------------------------------------------------------------

    private Node summaryPane() {
        StackedBarChart<String, Number> c = chart.node();
        HBox.setHgrow(c, Priority.ALWAYS);
        TableView<CostBreakdown.Total> totals = new CostTotalsTable(vm).node();
        Label totalsTitle = new Label();
        totalsTitle.setId("totalsTitle");
        totalsTitle.getStyleClass().add("section-title");
        totalsTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "Totals by " + vm.stackByProperty().get().label().toLowerCase(java.util.Locale.ROOT),
                        vm.stackByProperty()));
        Label legend = new Label(
                "Billed: as invoiced. Effective: amortized, commitment purchases spread over the usage they cover."
                        + " List: at list prices. Amounts rounded to cents; hover a row for the exact sums. Currencies are never added together."
                        + " Click a bar to show only its lines.");
        legend.setWrapText(true);
        legend.getStyleClass().add("scenario-file");
        VBox right = new VBox(4, totalsTitle, totals, legend);
        right.setPrefWidth(560); // every amount of the totals whole at 1280 px (they were elided at 470)
        right.setMinWidth(360);
        right.setPadding(new Insets(6, 0, 4, 0));
        HBox box = new HBox(8, c, right);
        box.setMinHeight(200);
        return box;
    }
}
