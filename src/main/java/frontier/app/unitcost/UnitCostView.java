package frontier.app.unitcost;

import frontier.app.BillingSession;
import frontier.app.ChartCaption;
import frontier.app.ChartMenu;
import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.app.unitcost.UnitCostDashboard.SeriesBy;
import frontier.store.UnitCostQuery;
import frontier.store.UnitCostRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.SegmentedButton;

/**
 * The Unit cost screen: summary tiles (attributed cost, requests, cost per 1,000 requests and per
 * million tokens, idle share, cost no rule claimed), the daily cost per 1,000 requests of each
 * endpoint, model or pricing model with unusual days ringed and a 30- or 90-day forecast of one line
 * ({@link UnitCostChart}), and the groups by endpoint and model in a sortable table. Says what to import
 * when the workspace lacks a bill or logs. The toolbar holds a "Make a twin…" button ({@code #makeTwin},
 * disabled until wired) for the endpoint in {@link UnitCostViewModel#selectedEndpointProperty()}.
 */
public final class UnitCostView implements WorkbenchView {
    private final UnitCostViewModel vm;
    private final VBox root = new VBox(6);
    private final UnitCostChart chart = new UnitCostChart();
    private final TableView<UnitCostRow> table = new TableView<>();
    private final ComboBox<String> forecastOf = new ComboBox<>();
    private final Button makeTwin = new Button("Make a twin…");
    private final Button emptyRules = new Button("Attribution rules…");
    private AttributionEditor attributionEditor;
    private javafx.stage.Stage attributionStage;
    private final Label emptyMessage = new Label();
    private final VBox emptyState = new VBox(10);
    private final Label notes = new Label();
    private final List<Label> tileValues = new ArrayList<>();
    private final List<Label> tileHints = new ArrayList<>();
    private boolean syncing;

    public UnitCostView(BillingSession session) {
        this(new UnitCostViewModel(session));
    }

    public UnitCostView(UnitCostViewModel vm) {
        this.vm = vm;
        root.setPadding(new Insets(8, 12, 8, 10));
        Label title = new Label("Unit cost");
        title.getStyleClass().add("scenario-name");
        Label status = Widgets.statusLabel("unitCostStatus", vm.statusProperty(), 600);
        HBox head = new HBox(14, title, status);
        head.setAlignment(Pos.BASELINE_LEFT);

        SplitPane split = new SplitPane(chartPane(), tablePane());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.68);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(head, toolbar(), tiles(), split);

        vm.dashboardProperty().addListener((obs, o, d) -> show(d));
        vm.forecastOfProperty().addListener((obs, o, n) -> {
            syncing = true;
            forecastOf.setValue(n);
            syncing = false;
            redrawChart();
        });
        vm.forecastProperty().addListener((obs, o, n) -> redrawChart());
        chart.onSelect(key -> vm.forecastOfProperty().set(key));
        ChartMenu.install(chart.node(), chart, this::chartCaption, vm::info);
        show(vm.dashboardProperty().get());
        // Coming back to the view shows the latest data.
        Widgets.whenShown(root, vm::refresh);
    }

    @Override
    public String title() {
        return "Unit cost";
    }

    @Override
    public Node node() {
        return root;
    }

    public UnitCostViewModel viewModel() {
        return vm;
    }

    /** The caption of an exported chart: what is charted, then the workspace and period the status line names. */
    public ChartCaption chartCaption() {
        UnitCostDashboard d = vm.dashboardProperty().get();
        String currency = d == null || d.currency() == null ? "" : d.currency() + " ";
        String by = d == null ? "" : " by " + d.by().toString().toLowerCase(java.util.Locale.ROOT);
        return ChartCaption.of("Unit cost: " + currency + "per 1,000 requests per day" + by, vm.summary());
    }

    public UnitCostChart chart() {
        return chart;
    }

    /** Writes the report of the analysis shown: {@code html} and the same report as PDF beside it. */
    public void writeReport(java.nio.file.Path html) throws java.io.IOException {
        String of = vm.forecastOfProperty().get();
        UnitCostReportWriter.write(
                vm.dashboardProperty().get(),
                vm.summary(),
                vm.forecastProperty().get(),
                of == null ? "" : name(of),
                vm.forecastNoteProperty().get(),
                chart,
                chartCaption(),
                html);
    }

    private void saveReport() {
        frontier.app.ReportFiles.saveAs(
                root.getScene() == null ? null : root.getScene().getWindow(),
                "unit-cost-report.html",
                this::writeReport,
                vm::info,
                vm::info);
    }

    /** The "Make a twin…" button (disabled; the action is wired by the application). */
    public Button makeTwinButton() {
        return makeTwin;
    }

    // ---- toolbar ---------------------------------------------------------------------------------

    private Node toolbar() {
        ChoiceBox<SeriesBy> by = new ChoiceBox<>();
        by.setId("seriesBy");
        by.getItems().setAll(SeriesBy.values());
        by.setValue(vm.seriesByProperty().get());
        by.valueProperty().addListener((obs, o, n) -> {
            if (n != null) vm.seriesByProperty().set(n);
        });
        vm.seriesByProperty().addListener((obs, o, n) -> by.setValue(n));

        forecastOf.setId("forecastOf");
        forecastOf.setPrefWidth(210);
        forecastOf.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String key, boolean empty) {
                super.updateItem(key, empty);
                setText(empty || key == null ? null : name(key));
            }
        });
        forecastOf.setButtonCell(forecastOf.getCellFactory().call(null));
        forecastOf.valueProperty().addListener((obs, o, n) -> {
            if (!syncing && n != null) vm.forecastOfProperty().set(n);
        });

        ToggleButton[] horizons = new ToggleButton[UnitCostViewModel.HORIZONS.size()];
        for (int i = 0; i < horizons.length; i++) {
            int days = UnitCostViewModel.HORIZONS.get(i);
            horizons[i] = new ToggleButton(days + " days");
            horizons[i].setId("horizon" + days);
            horizons[i].setUserData(days);
        }
        SegmentedButton horizon = new SegmentedButton(horizons);
        horizon.getToggleGroup().selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) o.setSelected(true); // one is always chosen
            else vm.horizonProperty().set((Integer) n.getUserData());
        });
        vm.horizonProperty().addListener((obs, o, n) -> select(horizons, n.intValue()));
        select(horizons, vm.horizonProperty().get());

        makeTwin.setId("makeTwin");
        makeTwin.setDisable(true);
        makeTwin.setTooltip(new Tooltip("Build a simulation twin of the selected endpoint from its bill and logs"));
        Button rules = new Button("Attribution rules…");
        rules.setId("attributionRulesButton");
        rules.setTooltip(new Tooltip(
                "Which cost lines belong to which endpoint and model: list, add, edit, test and reset the rules"));
        rules.setOnAction(e -> openAttribution());
        ChoiceBox<UnitCostDashboard.Period> period = new ChoiceBox<>();
        period.setId("unitCostPeriod");
        period.getItems().setAll(UnitCostDashboard.Period.values());
        period.setValue(vm.periodProperty().get());
        period.valueProperty().addListener((obs, o, n) -> {
            if (n != null) vm.periodProperty().set(n);
        });
        vm.periodProperty().addListener((obs, o, n) -> period.setValue(n));
        period.setTooltip(new Tooltip(
                "Which days the tiles and table add up: the days of the logs (cost and requests over the same period),"
                        + " or every billed day. The chart always shows the logs' days."));
        ToggleButton log = new ToggleButton("Log scale");
        log.setId("unitCostLogScale");
        log.setTooltip(new Tooltip("Equal ratios at equal heights: lines of very different size stay readable"));
        log.selectedProperty().addListener((obs, o, n) -> chart.setLogScale(n));
        // Groups that wrap as a whole when the window is narrow, rather than clipping their labels.
        HBox lines = group(new Label("Lines per"), by, new Label("over"), period, log);
        HBox fc = group(new Label("Forecast"), forecastOf, horizon);
        Button report = new Button("Report\u2026");
        report.setId("unitCostReport");
        report.setTooltip(new Tooltip(
                "Write a report of this analysis (question, finding, chart, key numbers, forecast with its interval,"
                        + " assumptions) as a self-contained HTML file and a PDF beside it"));
        report.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> vm.dashboardProperty().get() == null
                                || vm.dashboardProperty().get().isEmpty(),
                        vm.dashboardProperty()));
        report.setOnAction(e -> saveReport());
        HBox actions = group(rules, makeTwin, report);
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(14, 4, lines, fc, actions);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Opens the attribution rules editor in its own window (one per view; shown again if already open). */
    public void openAttribution() {
        if (attributionStage == null) {
            attributionEditor = new AttributionEditor(new AttributionViewModel(vm.session()));
            attributionStage = new javafx.stage.Stage();
            attributionStage.setTitle("Attribution rules — Frontier");
            // Within the screen (a 1280×720 screen with a title bar and a task bar leaves about 640 px).
            javafx.geometry.Rectangle2D screen =
                    javafx.stage.Screen.getPrimary().getVisualBounds();
            // On a short screen the editor scrolls rather than cut off the lines the rule would claim (its form and
            // tables need about 690 px); on a taller one it fills the window as before.
            javafx.scene.control.ScrollPane fit = new javafx.scene.control.ScrollPane(attributionEditor.node());
            fit.setId("attributionScroll");
            fit.setFitToWidth(true);
            fit.setFitToHeight(true);
            fit.getStyleClass().add("edge-to-edge");
            // The theme paints its background on the scene's root, now the scroll pane: the editor keeps it under its
            // controls (the dark theme's light text was drawn on the viewport's white).
            attributionEditor.node().setStyle("-fx-background-color: -color-bg-default;");
            javafx.scene.Scene scene = new javafx.scene.Scene(
                    fit, Math.min(900, screen.getWidth() - 40), Math.min(680, screen.getHeight() - 80));
            if (root.getScene() != null) {
                scene.getStylesheets().setAll(root.getScene().getStylesheets());
                attributionStage.initOwner(root.getScene().getWindow());
            }
            attributionStage.setScene(scene);
            attributionStage.setOnHidden(e -> {
                attributionEditor.viewModel().shutdown();
                attributionEditor = null;
                attributionStage = null;
            });
        }
        attributionStage.show();
        attributionStage.toFront();
    }

    /** The open attribution editor, or null. */
    public AttributionEditor attributionEditor() {
        return attributionEditor;
    }

    private static HBox group(Node... nodes) {
        HBox b = new HBox(6, nodes);
        b.setAlignment(Pos.CENTER_LEFT);
        for (Node n : nodes)
            if (n instanceof javafx.scene.control.Control c) c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static void select(ToggleButton[] buttons, int days) {
        for (ToggleButton b : buttons) if (b.getUserData().equals(days)) b.setSelected(true);
    }

    /** The name shown for a series key of the current dashboard. */
    private String name(String key) {
        UnitCostDashboard d = vm.dashboardProperty().get();
        UnitCostDashboard.Series s = d == null ? null : d.find(key);
        return s == null ? key : s.name();
    }

    // ---- tiles -----------------------------------------------------------------------------------

    private static final String[][] TILES = {
        {"tileCost", "Attributed cost"}, {"tileRequests", "Requests"}, {"tilePer1k", "Per 1,000 requests"},
        {"tilePer1m", "Per 1M tokens"}, {"tileIdle", "Idle share (estimate)"}, {"tileUnattributed", "Unattributed cost"}
    };

    private Node tiles() {
        HBox box = new HBox(8);
        box.setId("unitCostTiles");
        for (String[] t : TILES) {
            Label name = new Label(t[1]);
            name.getStyleClass().add("section-title");
            Label value = new Label("–");
            value.setId(t[0]);
            value.getStyleClass().add("tile-value");
            Label hint = new Label();
            hint.setId(t[0] + "Hint");
            hint.getStyleClass().add("scenario-file");
            hint.setWrapText(true);
            hint.setMinHeight(Region.USE_PREF_SIZE);
            VBox tile = new VBox(1, name, value, hint);
            tile.setPadding(new Insets(6, 10, 6, 10));
            tile.getStyleClass().add("tile");
            tile.setMinWidth(120);
            tile.setPrefWidth(180);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tileValues.add(value);
            tileHints.add(hint);
            if (t[0].equals("tileUnattributed")) {
                javafx.scene.control.Hyperlink edit = new javafx.scene.control.Hyperlink("Attribution rules…");
                edit.setId("tileRulesLink");
                edit.setPadding(Insets.EMPTY);
                edit.setOnAction(e -> openAttribution());
                tile.getChildren().add(edit);
            }
            box.getChildren().add(tile);
        }
        return box;
    }

    private void fillTiles(UnitCostDashboard d) {
        UnitCostRow t = d == null ? null : d.totals();
        String cur = t == null || t.currency() == null ? "" : " " + t.currency();
        String days = d == null || d.total() == null
                ? ""
                : d.period() == UnitCostDashboard.Period.LOGS
                        ? ", " + d.total().points().getFirst().date() + " to "
                                + d.total().points().getLast().date()
                        : ", every billed day";
        boolean outside = d != null && d.outside() != null && d.outside().signum() != 0;
        setTile(
                0,
                t == null ? "–" : money(t.cost()) + cur,
                "attributed effective cost" + days
                        + (outside
                                ? (d.period() == UnitCostDashboard.Period.LOGS
                                        ? "; " + money(d.outside()) + cur + " outside the logs' days not counted"
                                        : "; " + money(d.outside()) + cur + " of it outside the logs' days")
                                : ""),
                "Effective (amortized) cost of the lines the attribution rules give to an endpoint or model, over the period chosen above.");
        setTile(
                1,
                t == null ? "–" : String.format(Locale.US, "%,d", t.requests()),
                t == null ? "" : String.format(Locale.US, "%,d errors (included)", t.errors()),
                null);
        setTile(
                2,
                t == null || t.per1kRequests() == null
                        ? "–"
                        : UnitCostChart.money(t.per1kRequests().doubleValue()) + cur,
                "attributed cost ÷ all requests",
                null);
        setTile(
                3,
                t == null || t.per1mTokens() == null
                        ? "–"
                        : UnitCostChart.money(t.per1mTokens().doubleValue()) + cur,
                t == null || t.per1mTokens() != null ? "input + output tokens" : "the logs have no token counts",
                null);
        double idle = d == null ? Double.NaN : d.idleShare();
        setTile(
                4,
                Double.isNaN(idle) ? "–" : String.format(Locale.US, "%.0f%%", 100 * idle),
                t == null || Double.isNaN(idle) ? "" : "≈ " + money(t.idleCost()) + cur + " unused capacity",
                "Hour-billed cost times the share of instance-hours not covered by request latency; assumes one request at a time"
                        + " per instance, so batching servers look less idle than they are (docs/unit-cost.md).");
        List<UnitCostRow> un = d == null ? List.of() : d.unattributed();
        UnitCostRow u = un.stream()
                .filter(r -> t != null && Objects.equals(r.currency(), t.currency()))
                .findFirst()
                .orElse(un.isEmpty() ? null : un.getFirst());
        String rules = d == null
                ? ""
                : (d.defaultRules() ? "Default rules" : "Rules") + " in use, first match wins:\n"
                        + String.join(
                                "\n", d.rules().stream().map(r -> "• " + r).toList())
                        + "\nClick to list, add, edit, test or reset them.";
        setTile(
                5,
                d == null ? "–" : u == null ? "0" + cur : money(u.cost()) + " " + u.currency(),
                (u == null
                        ? "no line is left unclaimed"
                        : String.format(Locale.US, "%,d lines no rule claims", u.lines())),
                rules);
    }

    private void setTile(int i, String value, String hint, String tip) {
        tileValues.get(i).setText(value);
        tileHints.get(i).setText(hint);
        Tooltip t = tip == null || tip.isEmpty() ? null : new Tooltip(tip);
        if (t != null) {
            t.setWrapText(true);
            t.setMaxWidth(520);
            t.setShowDelay(Duration.millis(200));
        }
        tileValues.get(i).setTooltip(t);
        tileHints.get(i).setTooltip(t);
    }

    // ---- chart -----------------------------------------------------------------------------------

    private Node chartPane() {
        Label forecastNote = new Label();
        forecastNote.setId("forecastNote");
        forecastNote.textProperty().bind(Widgets.printable(vm.forecastNoteProperty()));
        Tooltip model = new Tooltip();
        model.textProperty().bind(vm.forecastModelProperty());
        model.setShowDelay(Duration.millis(200));
        forecastNote
                .tooltipProperty()
                .bind(javafx.beans.binding.Bindings.when(
                                vm.forecastModelProperty().isEmpty())
                        .then((Tooltip) null)
                        .otherwise(model));
        forecastNote.getStyleClass().add("scenario-file");
        forecastNote.setWrapText(true);
        forecastNote.setMinHeight(Region.USE_PREF_SIZE);
        notes.setId("unitCostNotes");
        notes.getStyleClass().add("scenario-file");
        notes.setWrapText(true);
        notes.setMinHeight(Region.USE_PREF_SIZE);
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
        VBox chartBox = new VBox(4, chart.node(), forecastNote, notes);
        chartBox.setId("unitCostChartBox");

        Label heading = new Label("Nothing to chart yet");
        heading.getStyleClass().add("view-heading");
        emptyMessage.setId("unitCostEmpty");
        emptyMessage.setWrapText(true);
        emptyMessage.setMaxWidth(640);
        Label more = new Label("How cost is attributed and divided: docs/unit-cost.md");
        more.getStyleClass().add("scenario-file");
        emptyRules.setId("emptyRulesButton");
        emptyRules.setOnAction(e -> openAttribution());
        VBox empty = emptyState;
        empty.getChildren().setAll(heading, emptyMessage, emptyRules, more);
        empty.setId("unitCostEmptyState");
        empty.setAlignment(Pos.CENTER);
        empty.setPadding(new Insets(20));
        empty.setVisible(false);
        chartBox.visibleProperty().bind(empty.visibleProperty().not());
        StackPane stack = new StackPane(chartBox, empty);
        stack.setMinHeight(220);
        stack.setPadding(new Insets(4, 0, 4, 0));
        return stack;
    }

    private void show(UnitCostDashboard d) {
        boolean isEmpty = d != null && d.isEmpty();
        emptyState.setVisible(isEmpty);
        emptyMessage.setText(isEmpty ? d.empty() : "");
        // Only where the rules are the way forward: a bill and logs, but no cost attributed.
        emptyRules.setVisible(isEmpty && d.empty().contains("Attribution rules…"));
        emptyRules.setManaged(emptyRules.isVisible());
        notes.setText(d == null ? "" : String.join(" ", d.notes()));
        List<String> keys = new ArrayList<>();
        if (d != null && !d.isEmpty()) {
            d.series().forEach(s -> keys.add(s.key()));
            keys.add(UnitCostDashboard.TOTAL);
        }
        syncing = true;
        forecastOf.getItems().setAll(keys);
        forecastOf.setValue(
                keys.contains(vm.forecastOfProperty().get())
                        ? vm.forecastOfProperty().get()
                        : null);
        // The button cell shows the name of the current dashboard (the key may now name another total).
        forecastOf.setButtonCell(forecastOf.getCellFactory().call(null));
        syncing = false;
        fillTiles(d);
        table.getItems().setAll(d == null ? List.of() : d.table());
        redrawChart();
    }

    private void redrawChart() {
        chart.setData(
                vm.dashboardProperty().get(),
                vm.forecastOfProperty().get(),
                vm.forecastProperty().get());
    }

    // ---- table -----------------------------------------------------------------------------------

    private Node tablePane() {
        Label title = new Label("By endpoint and model");
        title.getStyleClass().add("section-title");
        Label hint = new Label("Over the period chosen above; click a column to sort, a row to select its endpoint");
        hint.getStyleClass().add("scenario-file");
        HBox bar = new HBox(10, title, hint);
        bar.setAlignment(Pos.BASELINE_LEFT);
        table.setId("unitCostTable");
        frontier.app.TableExport.install(table, "unit-cost.csv", vm::info);
        table.getColumns().add(text("Endpoint", r -> r.keys().get(UnitCostQuery.Key.ENDPOINT.code()), 150));
        table.getColumns().add(text("Model", r -> r.keys().get(UnitCostQuery.Key.MODEL.code()), 170));
        table.getColumns().add(number("Cost", UnitCostRow::cost, v -> money((BigDecimal) v)));
        table.getColumns().add(text("Currency", UnitCostRow::currency, 70));
        table.getColumns()
                .add(number("Requests", UnitCostRow::requests, v -> String.format(Locale.US, "%,d", v.longValue())));
        table.getColumns()
                .add(number("Per 1k requests", UnitCostRow::per1kRequests, v -> UnitCostChart.money(v.doubleValue())));
        table.getColumns()
                .add(number("Per 1M tokens", UnitCostRow::per1mTokens, v -> UnitCostChart.money(v.doubleValue())));
        table.getColumns().add(number("Idle cost", UnitCostRow::idleCost, v -> money((BigDecimal) v)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No attributed cost or requests."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, r) -> {
            if (r != null) vm.selectedEndpointProperty().set(r.keys().get(UnitCostQuery.Key.ENDPOINT.code()));
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, bar, table);
        box.setPadding(new Insets(6, 0, 0, 0));
        box.setMinHeight(120);
        return box;
    }

    private static TableColumn<UnitCostRow, String> text(
            String title, Function<UnitCostRow, String> value, double width) {
        TableColumn<UnitCostRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(
                cell -> new ReadOnlyObjectWrapper<>(Objects.toString(value.apply(cell.getValue()), "(none)")));
        c.setPrefWidth(width);
        return c;
    }

    /** A right-aligned numeric column, sorted by value (no value first), shown by {@code format}. */
    @SuppressWarnings("unchecked")
    private static <N extends Number & Comparable<N>> TableColumn<UnitCostRow, N> number(
            String title, Function<UnitCostRow, N> value, Function<Number, String> format) {
        TableColumn<UnitCostRow, N> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(N v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "–" : format.apply(v));
            }
        });
        c.setComparator(Comparator.nullsFirst((Comparator<N>) Comparator.naturalOrder()));
        c.getStyleClass().add("numeric");
        c.setPrefWidth(110);
        return c;
    }

    /** Money rounded to cents for reading (half-even), with thousands separators. */
    static String money(BigDecimal d) {
        return d == null ? "–" : String.format(Locale.US, "%,.2f", d.setScale(2, RoundingMode.HALF_EVEN));
    }
}
