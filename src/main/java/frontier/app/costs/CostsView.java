package frontier.app.costs;

import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.app.costs.CostBreakdown.Metric;
import frontier.app.data.BillingSession;
import frontier.domain.PricingModel;
import frontier.store.CostLine;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.Periods;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.table.TableFilter;
import org.controlsfx.control.textfield.TextFields;

/**
 * The Costs screen: the cost per day stacked by a chosen dimension or tag (largest groups plus the rest
 * as one segment) over a date range, effective or billed, one currency at a time; the exact totals by
 * pricing model per currency; and the cost lines themselves, searchable (in the workspace) and
 * filterable per column (ControlsFX {@link TableFilter}, on the loaded page), a page of
 * {@value CostsViewModel#PAGE} at a time.
 */
public final class CostsView implements WorkbenchView {
    private static final String OTHERS_COLOUR = "#9aa3ad";
    private static final String[] PALETTE = {"#3d7bd9", "#f08c2e", "#2e9e5b", "#c9479b", "#8e6bbf", "#1aa3a3", "#d94c3d", "#b8a030"};
    private static final Map<PricingModel, String> MODEL_COLOURS = Map.of(PricingModel.ON_DEMAND, "#3d7bd9", PricingModel.COMMITMENT, "#2e9e5b",
            PricingModel.SPOT, "#f08c2e", PricingModel.SERVERLESS, "#c9479b", PricingModel.OTHER, "#8e6bbf", PricingModel.UNSPECIFIED, OTHERS_COLOUR);
    /** Legend entries longer than this are shortened (the tooltip has the full name). */
    static final int LEGEND_CHARS = 30;

    private final CostsViewModel vm;
    private final VBox root = new VBox(6);
    private final CategoryAxis xAxis = new CategoryAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(xAxis, yAxis);
    private final TableView<CostLine> linesTable = new TableView<>();
    private final TableFilter<CostLine> linesFilter;

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

        linesTable.setItems(vm.lines());
        buildLinesTable();
        linesFilter = TableFilter.forTableView(linesTable).lazy(true).apply();

        SplitPane split = new SplitPane(summaryPane(), linesPane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.56);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(head, controls(), split);
        vm.chartProperty().addListener((obs, o, n) -> drawChart(n));
        // Coming back to the view shows the latest data.
        Widgets.whenShown(root, vm::refresh);
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

    /** The ControlsFX column filter of the cost lines table. */
    public TableFilter<CostLine> linesFilter() {
        return linesFilter;
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
        all.disableProperty().bind(vm.fromProperty().isNull().and(vm.toProperty().isNull()));

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
            else if (!tagKey.getItems().isEmpty()) tagKey.setValue(tagKey.getItems().getFirst());
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
            if (n != null && n.currency() != null && !n.currency().equals(currency.getValue())) currency.setValue(n.currency());
        });
        Label currencyLabel = new Label("Currency");
        HBox currencyBox = new HBox(6, currencyLabel, currency);
        currencyBox.setAlignment(Pos.CENTER_LEFT);
        // Only worth a control when there is a choice; the chart shows one currency at a time.
        currencyBox.visibleProperty().bind(Bindings.size(vm.currencies()).greaterThan(1));
        currencyBox.managedProperty().bind(currencyBox.visibleProperty());

        HBox box = new HBox(6, new Label("From"), from, new Label("to"), to, all, new Separator(Orientation.VERTICAL),
                new Label("Stack by"), by, tagKey, new Separator(Orientation.VERTICAL), metric, currencyBox);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static DatePicker datePicker(String id, String prompt) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setPromptText(prompt);
        p.setPrefWidth(125);
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
        chart.setId("costChart");
        chart.setAnimated(false);
        chart.setCategoryGap(3);
        chart.setMinSize(300, 220);
        xAxis.setAnimated(false);
        // The buckets are set explicitly; auto-ranging would also reserve the height of rotated labels.
        xAxis.setAutoRanging(false);
        yAxis.setAnimated(false);
        yAxis.setTickLabelFormatter(Widgets.tickLabels(CostsView::tick));
        yAxis.setLabel(Metric.EFFECTIVE.label());
        xAxis.setLabel("Day (UTC)");
        HBox.setHgrow(chart, Priority.ALWAYS);

        TableView<CostBreakdown.Total> totals = totalsTable();
        Label totalsTitle = new Label("Totals by pricing model");
        totalsTitle.getStyleClass().add("section-title");
        Label legend = new Label("Billed: as invoiced. Effective: amortized, commitment purchases spread over the usage they cover."
                + " List: at list prices. Amounts rounded to cents; hover a row for the exact sums. Currencies are never added together.");
        legend.setWrapText(true);
        legend.getStyleClass().add("scenario-file");
        VBox right = new VBox(4, totalsTitle, totals, legend);
        right.setPrefWidth(470);
        right.setMinWidth(360);
        right.setPadding(new Insets(6, 0, 4, 0));
        HBox box = new HBox(8, chart, right);
        box.setMinHeight(200);
        return box;
    }

    /** Tick labels: thousands separators, decimals only where the amounts are small. */
    static String tick(double v) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
        return f.format(v);
    }

    private TableView<CostBreakdown.Total> totalsTable() {
        TableView<CostBreakdown.Total> t = new TableView<>(vm.totals());
        t.setId("totalsTable");
        t.getColumns().add(column("Pricing model", CostBreakdown.Total::label, 110, false));
        t.getColumns().add(column("Currency", CostBreakdown.Total::currency, 76, false));
        t.getColumns().add(column("Billed", r -> money(r.billed()), 80, true));
        t.getColumns().add(column("Effective", r -> money(r.effective()), 80, true));
        t.getColumns().add(column("List", r -> money(r.list()), 70, true));
        t.getColumns().add(column("Lines", r -> String.format(Locale.US, "%,d", r.lines()), 56, true));
        // As tall as its rows: the space below explains the figures.
        t.setFixedCellSize(24);
        t.prefHeightProperty().bind(Bindings.max(3, Bindings.size(t.getItems())).add(1.4).multiply(24));
        t.setMaxHeight(Region.USE_PREF_SIZE);
        t.getColumns().forEach(c -> c.setSortable(false));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No billing data in this range."));
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(CostBreakdown.Total item, boolean empty) {
                super.updateItem(item, empty);
                setStyle(!empty && item != null && item.isTotal() ? "-fx-font-weight: bold;" : "");
                setTooltip(empty || item == null ? null : new Tooltip(exactTip(item)));
            }
        });
        return t;
    }

    private static String exactTip(CostBreakdown.Total r) {
        return r.label() + " (" + r.currency() + "), exact:\nbilled " + plain(r.billed()) + "\neffective " + plain(r.effective())
                + "\nlist " + plain(r.list());
    }

    private void drawChart(CostBreakdown.Chart c) {
        chart.getData().clear();
        if (c == null) return;
        Grouping by = vm.stackByProperty().get();
        String cur = c.currency() == null ? "" : " (" + c.currency() + ")";
        yAxis.setLabel(c.metric().label() + cur);
        // Within one year the axis shows "09-24" and names the year once: short labels need no rotation.
        boolean oneYear = c.step() != CostBreakdown.Step.MONTH && !c.buckets().isEmpty()
                && c.buckets().getFirst().substring(0, 4).equals(c.buckets().getLast().substring(0, 4));
        Function<String, String> category = oneYear ? b -> b.substring(5) : b -> b;
        xAxis.setLabel(c.step().label() + " (UTC" + (oneYear ? ", " + c.buckets().getFirst().substring(0, 4) : "") + ")");
        xAxis.setCategories(FXCollections.observableArrayList(c.buckets().stream().map(category).toList()));
        String per = switch (c.step()) {
            case DAY -> "Daily";
            case WEEK -> "Weekly";
            case MONTH -> "Monthly";
        };
        String more = c.series().stream().anyMatch(CostBreakdown.Series::others) ? " — largest " + CostBreakdown.TOP + " of " + c.groups() : "";
        String missing = c.missing() == 0 ? "" : String.format(Locale.US, " — %,d lines without %s", c.missing(), c.metric().label().toLowerCase(Locale.ROOT));
        chart.setTitle(per + " " + c.metric().label().toLowerCase(Locale.ROOT) + " by " + by.label().toLowerCase(Locale.ROOT) + more + missing);

        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        StringBuilder css = new StringBuilder(".chart-bar:hover { -fx-opacity: 0.75; }\n");
        int paletteIndex = 0;
        for (int i = 0; i < c.series().size(); i++) {
            CostBreakdown.Series s = c.series().get(i);
            XYChart.Series<String, Number> xy = new XYChart.Series<>();
            xy.setName(shorten(s.name()));
            for (Map.Entry<String, BigDecimal> e : s.values().entrySet()) {
                xy.getData().add(new XYChart.Data<>(category.apply(e.getKey()), e.getValue().doubleValue()));
            }
            series.add(xy);
            String colour;
            if (s.others()) colour = OTHERS_COLOUR;
            else if (s.pricingModel() != null) colour = MODEL_COLOURS.get(s.pricingModel());
            else colour = PALETTE[paletteIndex++ % PALETTE.length];
            // "seriesN" (not default-colorN, which repeats after 8) colours the bars and the legend symbol alike.
            css.append(".chart-bar.series").append(i).append(" { -fx-bar-fill: ").append(colour).append("; }\n");
        }
        setValueRange(c);
        chart.getStylesheets().setAll("data:text/css;base64," + Base64.getEncoder().encodeToString(css.toString().getBytes(StandardCharsets.UTF_8)));
        chart.getData().setAll(series);
        // StackedBarChart marks a negative segment (a credit) with the "negative" style class when it is
        // added, then resets the style classes as the series list changes, so it would stack credits
        // upwards with a negative height (invisible). Mark them again.
        for (XYChart.Series<String, Number> xy : series) {
            for (XYChart.Data<String, Number> d : xy.getData()) {
                if (d.getNode() != null && d.getYValue().doubleValue() < 0 && !d.getNode().getStyleClass().contains("negative")) {
                    d.getNode().getStyleClass().add("negative");
                }
            }
        }
        chart.requestLayout();
        for (int i = 0; i < series.size(); i++) {
            CostBreakdown.Series s = c.series().get(i);
            Iterator<Map.Entry<String, BigDecimal>> values = s.values().entrySet().iterator();
            for (XYChart.Data<String, Number> d : series.get(i).getData()) {
                Map.Entry<String, BigDecimal> e = values.next();
                Tooltip tip = new Tooltip(segmentTip(c, s, e.getKey(), e.getValue()));
                tip.setShowDelay(Duration.millis(120));
                if (d.getNode() != null) Tooltip.install(d.getNode(), tip);
            }
        }
    }

    /**
     * Sets the value axis to cover every bucket's positive stack and negative stack (credits), with a
     * round tick unit. The chart's own auto-ranging is not used: it misses stacks whose positive and
     * negative segments cancel out, clipping both.
     */
    private void setValueRange(CostBreakdown.Chart c) {
        double[] r = valueRange(c);
        yAxis.setAutoRanging(false);
        yAxis.setLowerBound(r[0]);
        yAxis.setUpperBound(r[1]);
        yAxis.setTickUnit(r[2]);
    }

    /** {lower, upper, tick unit} for the stacks of {@code c}. */
    static double[] valueRange(CostBreakdown.Chart c) {
        Map<String, BigDecimal> up = new java.util.HashMap<>();
        Map<String, BigDecimal> down = new java.util.HashMap<>();
        for (CostBreakdown.Series s : c.series()) {
            s.values().forEach((b, v) -> (v.signum() < 0 ? down : up).merge(b, v, BigDecimal::add));
        }
        double max = up.values().stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double min = down.values().stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        if (max - min <= 0) max = 1;
        double rough = (max - min) / 8;
        double mag = Math.pow(10, Math.floor(Math.log10(rough)));
        double tick = mag * 10;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * mag >= rough) {
                tick = m * mag;
                break;
            }
        }
        double lower = Math.floor(min / tick) * tick;
        double upper = Math.ceil(max / tick) * tick;
        if (upper - max < tick * 0.05) upper += tick; // headroom above the tallest stack
        return new double[] {lower, upper, tick};
    }

    static String segmentTip(CostBreakdown.Chart c, CostBreakdown.Series s, String bucket, BigDecimal v) {
        String when = switch (c.step()) {
            case DAY -> bucket;
            case WEEK -> "week of " + bucket;
            case MONTH -> bucket;
        };
        return when + " — " + s.name() + "\n" + plain(v) + " " + c.currency() + " (" + c.metric().label().toLowerCase(Locale.ROOT) + ")";
    }

    static String shorten(String name) {
        return name.length() <= LEGEND_CHARS ? name : name.substring(0, LEGEND_CHARS - 1) + "…";
    }

    // ---- cost lines ----------------------------------------------------------------------------

    private Node linesPane() {
        Label title = new Label("Cost lines");
        title.getStyleClass().add("section-title");
        TextField search = TextFields.createClearableTextField();
        search.setId("linesSearch");
        search.setPromptText("Search all lines: service, region, tag, resource…");
        search.setPrefWidth(380);
        // Each keystroke would rescan the workspace: wait for a pause in typing (Enter searches at once).
        PauseTransition pause = new PauseTransition(Duration.millis(350));
        pause.setOnFinished(e -> vm.searchProperty().set(search.getText()));
        search.textProperty().addListener((obs, o, n) -> pause.playFromStart());
        search.setOnAction(e -> {
            pause.stop();
            vm.searchProperty().set(search.getText());
        });
        Label note = new Label();
        note.setId("linesNote");
        note.textProperty().bind(Bindings.when(vm.linesLoadingProperty()).then("Loading…").otherwise(Widgets.printable(vm.linesNoteProperty())));
        Button prev = new Button("◀");
        prev.setId("linesPrev");
        prev.setTooltip(new Tooltip("Previous page"));
        prev.setOnAction(e -> vm.pageProperty().set(vm.pageProperty().get() - 1));
        prev.disableProperty().bind(vm.pageProperty().lessThanOrEqualTo(0));
        Button next = new Button("▶");
        next.setId("linesNext");
        next.setTooltip(new Tooltip("Next page"));
        next.setOnAction(e -> vm.pageProperty().set(vm.pageProperty().get() + 1));
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.pageProperty().get() + 1 >= vm.pages(),
                vm.pageProperty(), vm.lineCountProperty()));
        HBox pager = new HBox(2, prev, next);
        pager.visibleProperty().bind(vm.lineCountProperty().greaterThan(CostsViewModel.PAGE));
        pager.managedProperty().bind(pager.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label hint = new Label("Right-click a column header to filter its values");
        hint.getStyleClass().add("scenario-file");
        HBox bar = new HBox(8, title, search, note, pager, gap, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(linesTable, Priority.ALWAYS);
        VBox box = new VBox(4, bar, linesTable);
        box.setPadding(new Insets(6, 0, 0, 0));
        box.setMinHeight(140);
        return box;
    }

    private void buildLinesTable() {
        TableView<CostLine> t = linesTable;
        t.setId("linesTable");
        t.getColumns().add(column("Start (UTC)", l -> Periods.time(l.periodStart()), 128, false));
        t.getColumns().add(column("Provider", CostLine::provider, 72, false));
        t.getColumns().add(column("Account", CostLine::billingAccount, 95, false));
        t.getColumns().add(column("Service", CostLine::service, 140, false));
        t.getColumns().add(column("Region", CostLine::region, 80, false));
        t.getColumns().add(column("Instance", CostLine::instanceType, 75, false));
        t.getColumns().add(column("Pricing", l -> l.pricingModel().label(), 92, false));
        t.getColumns().add(column("Charge", l -> l.chargeCategory().label(), 68, false));
        t.getColumns().add(column("Tags", l -> tags(l.tags()), 120, false));
        t.getColumns().add(moneyColumn("Billed", CostLine::billed));
        t.getColumns().add(moneyColumn("Effective", CostLine::effective));
        t.getColumns().add(moneyColumn("List", CostLine::list));
        t.getColumns().add(column("Currency", CostLine::currency, 70, false));
        // Short, always-readable columns keep their width; the long free-text ones give way (full text in the row tooltip).
        List<String> fixed = List.of("Start (UTC)", "Provider", "Pricing", "Charge", "Billed", "Effective", "List", "Currency");
        t.getColumns().forEach(c -> c.setMinWidth(fixed.contains(c.getText()) ? c.getPrefWidth() : 50));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setPlaceholder(new Label("No cost lines for this selection."));
        t.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(CostLine l, boolean empty) {
                super.updateItem(l, empty);
                setTooltip(empty || l == null ? null : new Tooltip(lineTip(l)));
            }
        });
    }

    private static String lineTip(CostLine l) {
        StringBuilder b = new StringBuilder(Periods.range(l.periodStart(), l.periodEnd()));
        b.append("\n").append(Objects.toString(l.provider(), "")).append(" · ").append(Objects.toString(l.service(), ""));
        if (l.sku() != null) b.append(" · SKU ").append(l.sku());
        if (l.resourceId() != null) b.append("\nResource ").append(l.resourceId());
        if (l.subAccount() != null) b.append("\nSub-account ").append(l.subAccount());
        if (l.gpuCount() != null) b.append("\nGPUs ").append(l.gpuCount());
        if (!l.tags().isEmpty()) b.append("\nTags ").append(tags(l.tags()));
        b.append("\nBilled ").append(plain(l.billed())).append(", effective ").append(plain(l.effective())).append(", list ")
                .append(plain(l.list())).append(" ").append(l.currency());
        return b.toString();
    }

    /** Tags as "key=value, key=value". */
    static String tags(Map<String, String> tags) {
        List<String> parts = new ArrayList<>();
        tags.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    private static TableColumn<CostLine, String> moneyColumn(String title, Function<CostLine, BigDecimal> value) {
        TableColumn<CostLine, String> c = column(title, l -> amount(value.apply(l)), 80, true);
        // Amounts as text (so the column filter lists them readably), sorted as numbers.
        c.setComparator(Comparator.comparing(CostsView::parseAmount, Comparator.nullsFirst(Comparator.naturalOrder())));
        return c;
    }

    /**
     * A line's amount for the table: exact up to {@value #LINE_DECIMALS} decimals, else rounded to
     * them and marked "≈" (the row's tooltip has the exact amount).
     */
    static String amount(BigDecimal d) {
        if (d == null) return "";
        if (d.signum() == 0) return "0";
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() <= LINE_DECIMALS) return s.toPlainString();
        BigDecimal r = s.setScale(LINE_DECIMALS, RoundingMode.HALF_EVEN);
        return "≈" + (r.signum() == 0 ? "0" : r.stripTrailingZeros().toPlainString());
    }

    static final int LINE_DECIMALS = 6;

    private static BigDecimal parseAmount(String s) {
        if (s == null || s.isEmpty()) return null;
        return new BigDecimal(s.startsWith("≈") ? s.substring(1) : s);
    }

    /** The amount rounded to cents for reading (half-even); the exact sum is in {@code frontier costs --json}. */
    public static String money(BigDecimal d) {
        if (d == null) return "—";
        return String.format(Locale.US, "%,.2f", d.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** The exact amount, without exponent or trailing zeros; empty for none. */
    static String plain(BigDecimal d) {
        if (d == null) return "";
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width, boolean right) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Objects.toString(value.apply(cell.getValue()), "")));
        c.setPrefWidth(width);
        if (right) c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
