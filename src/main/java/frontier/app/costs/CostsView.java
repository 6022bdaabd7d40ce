package frontier.app.costs;

import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.app.data.BillingSession;
import frontier.ingest.ChargeCategory;
import frontier.ingest.PricingModel;
import frontier.store.CostRow;
import frontier.store.Dimension;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The Costs screen: exact totals of the imported billing data by pricing model (or another
 * dimension), per currency, and a stacked bar chart of the monthly cost per pricing model.
 */
public final class CostsView implements WorkbenchView {
    private final CostsViewModel vm;
    private final VBox root = new VBox(8);
    private final CategoryAxis xAxis = new CategoryAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(xAxis, yAxis);

    public CostsView(BillingSession session) {
        this(new CostsViewModel(session));
    }

    public CostsView(CostsViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(10, 14, 10, 10));
        Label title = new Label("Costs");
        title.getStyleClass().add("scenario-name");
        Label status = new Label();
        status.setId("costsStatus");
        status.textProperty().bind(vm.statusProperty());
        TableView<CostRow> table = table();
        chart.setId("costChart");
        chart.setAnimated(false);
        chart.setTitle("Monthly cost by pricing model");
        chart.setMinHeight(280);
        xAxis.setLabel("Month (UTC, charge period start)");
        yAxis.setTickLabelFormatter(Widgets.thousands());
        VBox.setVgrow(chart, Priority.ALWAYS);
        root.getChildren().addAll(title, controls(), status, table, chart);
        vm.monthly().addListener((javafx.collections.ListChangeListener<CostRow>) c -> drawChart());
        vm.metricProperty().addListener((obs, o, n) -> drawChart());
        // Coming back to the view shows the latest data.
        root.parentProperty().addListener((obs, o, n) -> {
            if (n != null) vm.refresh();
        });
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

    private Node controls() {
        ChoiceBox<Dimension> by = new ChoiceBox<>();
        by.setId("groupBy");
        by.getItems().setAll(Dimension.values());
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(Dimension d) {
                return d == null ? "" : d.label();
            }

            @Override
            public Dimension fromString(String s) {
                return null;
            }
        });
        by.valueProperty().bindBidirectional(vm.groupByProperty());
        ChoiceBox<CostsViewModel.Metric> metric = new ChoiceBox<>();
        metric.setId("chartMetric");
        metric.getItems().setAll(CostsViewModel.Metric.values());
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        HBox box = new HBox(8, new Label("Totals by"), by, new Label("Chart"), metric);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private TableView<CostRow> table() {
        TableView<CostRow> t = new TableView<>(vm.totals());
        t.setId("costTable");
        TableColumn<CostRow, String> group = column("Pricing model", r -> display(vm.groupByProperty().get(), r.keys().getFirst()), 260, false);
        group.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.groupByProperty().get().label(), vm.groupByProperty()));
        t.getColumns().add(group);
        t.getColumns().add(column("Currency", CostRow::currency, 80, false));
        t.getColumns().add(column("Billed", r -> money(r.billed()), 150, true));
        t.getColumns().add(column("Effective (amortized)", r -> money(r.effective()), 170, true));
        t.getColumns().add(column("List", r -> money(r.list()), 150, true));
        t.getColumns().add(column("Lines", r -> String.format(Locale.US, "%,d", r.rows()), 100, true));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No billing data yet: import exports in the Data view."));
        t.setPrefHeight(250);
        t.setMinHeight(160);
        return t;
    }

    /** Pricing models and charge categories by their label; empty keys as "(none)". */
    public static String display(Dimension d, String key) {
        if (key == null) return "(none)";
        return switch (d) {
            case PRICING_MODEL -> PricingModel.fromCode(key).label();
            case CHARGE_CATEGORY -> ChargeCategory.fromCode(key).label();
            default -> key;
        };
    }

    /** The amount rounded to cents for reading (half-even); the exact sum is in {@code frontier costs --json}. */
    public static String money(BigDecimal d) {
        if (d == null) return "—";
        return String.format(Locale.US, "%,.2f", d.setScale(2, java.math.RoundingMode.HALF_EVEN));
    }

    private static final Map<String, String> COLOURS = Map.of(PricingModel.ON_DEMAND.label(), "#3d7bd9",
            PricingModel.COMMITMENT.label(), "#2e9e5b", PricingModel.SPOT.label(), "#f08c2e", PricingModel.OTHER.label(), "#8e6bbf",
            PricingModel.SERVERLESS.label(), "#c9479b",
            PricingModel.UNSPECIFIED.label(), "#9aa3ad");

    private void drawChart() {
        chart.getData().clear();
        List<CostRow> rows = vm.monthly();
        boolean effective = vm.metricProperty().get() == CostsViewModel.Metric.EFFECTIVE;
        // One currency per chart: the one with the most rows.
        Map<String, Long> byCurrency = new LinkedHashMap<>();
        for (CostRow r : rows) byCurrency.merge(r.currency(), r.rows(), Long::sum);
        String currency = byCurrency.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("USD");
        yAxis.setLabel(vm.metricProperty().get().label + " (" + currency + ")");
        TreeSet<String> months = new TreeSet<>();
        for (CostRow r : rows) if (r.currency().equals(currency)) months.add(r.keys().get(0));
        xAxis.setCategories(javafx.collections.FXCollections.observableArrayList(months));
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        List<List<String>> tips = new ArrayList<>();
        for (PricingModel m : PricingModel.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(m.label());
            List<String> t = new ArrayList<>();
            for (CostRow r : rows) {
                if (!r.currency().equals(currency) || !m.code().equals(r.keys().get(1))) continue;
                BigDecimal v = effective ? r.effective() : r.billed();
                if (v == null) continue;
                s.getData().add(new XYChart.Data<>(r.keys().get(0), v.doubleValue()));
                t.add(String.format(Locale.US, "%s — %s%n%s %s%n%,d charges", r.keys().get(0), m.label(), money(v), currency, r.rows()));
            }
            if (!s.getData().isEmpty()) {
                series.add(s);
                tips.add(t);
            }
        }
        chart.getData().setAll(series);
        // One fixed colour per pricing model, on bars and legend alike (the workbench sheet paints all bars blue).
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            css.append(".chart-bar.default-color").append(i).append(" { -fx-bar-fill: ")
                    .append(COLOURS.get(series.get(i).getName())).append("; }\n");
        }
        chart.getStylesheets().setAll("data:text/css;base64," + java.util.Base64.getEncoder()
                .encodeToString(css.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (int i = 0; i < series.size(); i++) {
            for (int k = 0; k < series.get(i).getData().size(); k++) {
                Node bar = series.get(i).getData().get(k).getNode();
                Tooltip tip = new Tooltip(tips.get(i).get(k));
                tip.setShowDelay(Duration.millis(150));
                if (bar != null) Tooltip.install(bar, tip);
            }
        }
        if (byCurrency.size() > 1) {
            chart.setTitle("Monthly cost by pricing model — " + currency + " only (also: "
                    + String.join(", ", byCurrency.keySet().stream().filter(c -> !c.equals(currency)).toList()) + ", see table)");
        } else {
            chart.setTitle("Monthly cost by pricing model");
        }
    }

    private static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width, boolean right) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Objects.toString(value.apply(cell.getValue()), "")));
        c.setPrefWidth(width);
        if (right) c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }
}
