package frontier.app.capacity;

import frontier.analysis.capacity.CapacitySearch;
import frontier.analysis.capacity.CapacityStudy;
import frontier.analysis.capacity.CheapestFleet;
import frontier.app.ChartCaption;
import frontier.app.ChartColours;
import frontier.app.ChartMenu;
import frontier.app.ExportableChart;
import frontier.app.TableExport;
import frontier.app.Widgets;
import frontier.app.XyChartPicture;
import frontier.model.Metric;
import frontier.model.llm.IterationProfile;
import frontier.scenario.ScenarioRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Capacity window (Run ▸ Capacity…): what {@code frontier capacity} does, without the CLI. On the left the
 * question — model, target load, tokens per request, TTFT and TPOT SLOs on a percentile, how long and how often
 * each probe is simulated, how long spot falls back to on-demand; in the centre Find / Cancel with progress, the
 * capacity of one instance of every profile (with its 95% interval), the candidate fleets cheapest first ($/h,
 * $/1M output tokens, $/1,000 requests, break-even rate against the cheapest hosted API), the hosted APIs, and a
 * chart of cost per hour against request rate per candidate: each profile's cheapest machine, as many instances as
 * the rate needs at its capacity, beside the cheapest API's line and the target. The chart exports (right-click)
 * and the tables copy and export CSV like every other.
 */
public final class CapacityView {
    /** Candidate fleets shown in the table (cheapest first); the CLI's --json lists all. */
    static final int FLEETS_SHOWN = 40;

    private final CapacityViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> model = new ComboBox<>();
    private final TextField rate = field("capRate", "2", "Target load in requests per second");
    private final TextField inputTokens = field("capInputTokens", "1000", "Mean prompt tokens per request (lognormal)");
    private final TextField outputTokens = field("capOutputTokens", "200", "Mean output tokens per request (gamma)");
    private final TextField ttft = field("capTtft", "2000", "Time to first token, at the percentile, in ms");
    private final TextField tpot = field("capTpot", "100", "Time per output token, at the percentile, in ms");
    private final ChoiceBox<String> percentile =
            new ChoiceBox<>(FXCollections.observableArrayList("p50", "p90", "p95", "p99", "p999"));
    private final TextField duration =
            field("capDuration", "600", "Simulated seconds per probe (the first 10% are warm-up)");
    private final TextField replications =
            field("capReplications", "3", "Replications per probe: the 95% intervals need at least 2");
    private final TextField tolerance = field("capTolerance", "0.05", "Relative precision of the rate search");
    private final TextField fallback =
            field("capFallback", "10", "Spot with fallback: minutes each interruption runs on on-demand");
    private final TableView<CapacityRow> capacityTable = new TableView<>();
    private final TableView<CheapestFleet.Candidate> fleetTable = new TableView<>();
    private final TableView<CheapestFleet.Api> apiTable = new TableView<>();
    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final ExportableChart picture = new XyChartPicture(chart);

    /** One profile's capacity, as the first table shows it. */
    public record CapacityRow(
            String profile, String gpu, int tensorParallel, double rate, double low, double high, int probes) {}

    public CapacityView(CapacityViewModel vm) {
        this.vm = vm;
        root.setLeft(form());
        root.setCenter(results());
        vm.outcomeProperty().addListener((o, a, n) -> show(n));
    }

    /** Opens the Capacity window over {@code owner} with the app's style sheets; closing it cancels a study in progress. */
    public static Stage open(Window owner) {
        CapacityViewModel vm = new CapacityViewModel(ScenarioRunner.defaultRunner());
        CapacityView view = new CapacityView(vm);
        Stage stage = new Stage();
        stage.setTitle("Capacity and the cheapest fleet — Frontier");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.geometry.Dimension2D size = openingSize(screen.getWidth(), screen.getHeight());
        Scene scene = new Scene(view.node(), size.getWidth(), size.getHeight());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            if (owner.getScene().getRoot() != null)
                view.node().getStyleClass().addAll(owner.getScene().getRoot().getStyleClass());
            stage.initOwner(owner);
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> vm.shutdown());
        stage.show();
        return stage;
    }

    /**
     * The window's size on a screen of {@code width} × {@code height} (visual bounds, in the UI's own pixels): 1240 × 760
     * or 80% of a larger screen (1536 × 864 on full HD, where the fixed 1240 × 760 cut the profiles' and machines' names),
     * never more than the screen less 30 px for a title bar.
     */
    static javafx.geometry.Dimension2D openingSize(double width, double height) {
        return new javafx.geometry.Dimension2D(
                Math.min(width, Math.max(1240, 0.8 * width)), Math.min(height - 30, Math.max(760, 0.8 * height)));
    }

    public Parent node() {
        return root;
    }

    public CapacityViewModel viewModel() {
        return vm;
    }

    public LineChart<Number, Number> chart() {
        return chart;
    }

    /** The chart as it exports. */
    public ExportableChart picture() {
        return picture;
    }

    public TableView<CheapestFleet.Candidate> fleetTable() {
        return fleetTable;
    }

    public TableView<CapacityRow> capacityTable() {
        return capacityTable;
    }

    public TableView<CheapestFleet.Api> apiTable() {
        return apiTable;
    }

    // ---- the question ------------------------------------------------------------------------------

    private Node form() {
        Label heading = new Label("The question");
        heading.getStyleClass().add("section-title");
        model.setId("capModel");
        model.getItems().setAll(vm.models());
        if (model.getItems().contains("llama2-70b")) model.setValue("llama2-70b");
        else if (!model.getItems().isEmpty()) model.setValue(model.getItems().getFirst());
        model.setMaxWidth(Double.MAX_VALUE);
        model.setTooltip(
                new Tooltip(
                        "Every iteration profile of this model is a candidate (GPU type × tensor parallelism); also the hosted-API family"));
        percentile.setId("capPercentile");
        percentile.setValue("p99");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        Object[][] rows = {
            {"Model", model},
            {"Target load (req/s)", rate},
            {"Prompt tokens (mean)", inputTokens},
            {"Output tokens (mean)", outputTokens},
            {"SLO percentile", percentile},
            {"TTFT SLO (ms)", ttft},
            {"TPOT SLO (ms)", tpot},
            {"Simulated s per probe", duration},
            {"Replications", replications},
            {"Search precision", tolerance},
            {"Spot fallback (min)", fallback}
        };
        for (int i = 0; i < rows.length; i++) {
            Label l = new Label((String) rows[i][0]);
            l.setMinWidth(Label.USE_PREF_SIZE);
            g.add(l, 0, i);
            g.add((Node) rows[i][1], 1, i);
            GridPane.setHgrow((Node) rows[i][1], Priority.ALWAYS);
        }
        Button find = new Button("Find the cheapest fleet");
        find.setId("capFind");
        find.setDefaultButton(true);
        find.setMaxWidth(Double.MAX_VALUE);
        find.disableProperty()
                .bind(vm.runningProperty().or(model.valueProperty().isNull()));
        find.setOnAction(e -> find());
        Button cancel = new Button("Cancel");
        cancel.setId("capCancel");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.disableProperty().bind(vm.canCancelProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar progress = new ProgressBar(0);
        progress.setId("capProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.progressProperty());
        Label note = new Label(
                "Each probe simulates Poisson traffic into the iteration-level engine (vLLM-style continuous batching) "
                        + "and checks the SLOs on the replications' percentile. Prices: the shipped catalogue; hosted APIs: the shipped API price list.");
        note.setWrapText(true);
        note.getStyleClass().add("scenario-file");
        VBox box = new VBox(8, heading, g, find, cancel, progress, note);
        box.setPadding(new Insets(10));
        box.setPrefWidth(330);
        box.setMinWidth(300);
        return box;
    }

    private static TextField field(String id, String value, String tip) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPrefColumnCount(8);
        f.setTooltip(new Tooltip(tip));
        return f;
    }

    /** Reads the form; says what is wrong in the status (and returns) when a field cannot be used. */
    void find() {
        try {
            double r = number(rate, "Target load", 0, false);
            double in = number(inputTokens, "Prompt tokens", 1, true);
            double out = number(outputTokens, "Output tokens", 1, true);
            double t1 = number(ttft, "TTFT SLO", 0, false);
            double t2 = number(tpot, "TPOT SLO", 0, false);
            double d = number(duration, "Simulated seconds per probe", 10, true);
            double reps = number(replications, "Replications", 2, true);
            if (reps != Math.rint(reps))
                throw new IllegalArgumentException("Replications: expected a whole number of at least 2, got "
                        + replications.getText().strip());
            double tol = number(tolerance, "Search precision", 0, false);
            if (tol >= 1)
                throw new IllegalArgumentException("Search precision: expected a fraction between 0 and 1, got "
                        + tolerance.getText().strip());
            double fb = number(fallback, "Spot fallback", 0, true);
            Metric.Stat stat = Metric.Stat.P99;
            for (Metric.Stat s : Metric.Stat.values()) if (s.key.equalsIgnoreCase(percentile.getValue())) stat = s;
            CapacityStudy study = new CapacityStudy(in, out, 1.0, 256, 8192, t1, t2, stat, d, d / 10, (int) reps, 1);
            vm.run(study, model.getValue(), r, fb, tol);
        } catch (IllegalArgumentException e) {
            vm.fail(e.getMessage());
        }
    }

    private static double number(TextField f, String name, double min, boolean inclusive) {
        String t = f.getText() == null ? "" : f.getText().strip().replace(",", "");
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a number, got \u201c" + t + "\u201d");
        }
        if (!Double.isFinite(v) || (inclusive ? v < min : v <= min)) {
            throw new IllegalArgumentException(name + ": expected a number " + (inclusive ? "of at least " : "above ")
                    + CapacityViewModel.plain(min) + ", got " + t);
        }
        return v;
    }

    // ---- the answer --------------------------------------------------------------------------------

    private Node results() {
        Label status = Widgets.statusLabel("capStatus", vm.statusProperty(), 700);
        vm.errorProperty().addListener((o, a, err) -> {
            if (err) status.getStyleClass().add("error");
            else status.getStyleClass().remove("error");
        });
        capacityTable.setId("capCapacityTable");
        capacityTable
                .getColumns()
                .setAll(List.of(
                        col("Profile", CapacityRow::profile, 250),
                        col("GPU", CapacityRow::gpu, 100),
                        col("TP", r -> Integer.toString(r.tensorParallel()), 40),
                        col("Capacity (req/s)", r -> String.format(Locale.US, "%.3f", r.rate()), 120),
                        col(
                                "95% interval",
                                r -> String.format(
                                        Locale.US,
                                        "%.3f – %s",
                                        r.low(),
                                        Double.isInfinite(r.high()) ? "?" : String.format(Locale.US, "%.3f", r.high())),
                                130),
                        col("Probes", r -> Integer.toString(r.probes()), 60)));
        capacityTable.setPlaceholder(new Label("The capacity of one instance of each profile appears here."));
        fleetTable.setId("capFleetTable");
        fleetTable
                .getColumns()
                .setAll(List.of(
                        col(
                                "Profile",
                                (CheapestFleet.Candidate c) -> c.profile().name(),
                                230),
                        col(
                                "Machine",
                                c -> c.machine().provider() + " " + c.machine().instanceType() + " "
                                        + c.machine().region(),
                                250),
                        col("Pricing", CheapestFleet.Candidate::pricing, 100),
                        col("Instances", c -> Integer.toString(c.instances()), 94),
                        col("USD/h", c -> String.format(Locale.US, "%,.2f", c.usdPerHour()), 72),
                        col("USD/1M out", c -> String.format(Locale.US, "%.4f", c.usdPer1mOutputTokens()), 100),
                        col("USD/1k req", c -> String.format(Locale.US, "%.4f", c.usdPer1kRequests()), 100),
                        col(
                                "Break-even",
                                c -> Double.isNaN(c.breakEvenRate())
                                        ? "–"
                                        : Double.isInfinite(c.breakEvenRate())
                                                ? "never"
                                                : String.format(Locale.US, "%.3f req/s", c.breakEvenRate()),
                                100)));
        fleetTable.setPlaceholder(new Label("Candidate fleets for the target load, cheapest first."));
        apiTable.setId("capApiTable");
        apiTable.getColumns()
                .setAll(List.of(
                        col("Hosted model", (CheapestFleet.Api a) -> a.price().model(), 330),
                        col("As of", a -> String.valueOf(a.price().asOf()), 90),
                        col("USD/h", a -> String.format(Locale.US, "%,.2f", a.usdPerHour()), 80),
                        col("USD/1M out", a -> String.format(Locale.US, "%.4f", a.usdPer1mOutputTokens()), 100),
                        col("USD/1k req", a -> String.format(Locale.US, "%.4f", a.usdPer1kRequests()), 100)));
        apiTable.setPlaceholder(new Label("Hosted APIs of the model at the same load."));
        for (TableView<?> t : List.of(capacityTable, fleetTable, apiTable)) {
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            // The short figures keep their titles whole at 1280 px; the long names (profile, machine, model) give
            // way, their cells showing the whole text in a tooltip.
            for (TableColumn<?, ?> c : t.getColumns()) c.setMinWidth(c.getPrefWidth() >= 200 ? 110 : c.getPrefWidth());
            Widgets.keepTitlesWhole(t, c -> c.getPrefWidth() < 200);
        }
        TableExport.install(capacityTable, "capacity.csv", vm::info);
        TableExport.install(fleetTable, "fleets.csv", vm::info);
        TableExport.install(apiTable, "hosted-apis.csv", vm::info);
        TabPane tabs = new TabPane(
                new Tab("Fleets", fleetTable),
                new Tab("Capacity per instance", capacityTable),
                new Tab("Hosted APIs", apiTable));
        tabs.setId("capTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        chart.setId("capChart");
        chart.setTitle("Cost per hour against request rate");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(220);
        // Beside the plot: a legend of six or seven long names below it would take the plot's height.
        chart.setLegendSide(javafx.geometry.Side.RIGHT);
        xAxis.setLabel("Request rate (req/s)");
        xAxis.setAnimated(false);
        xAxis.setForceZeroInRange(true);
        yAxis.setLabel("Cost per hour (USD)");
        yAxis.setAnimated(false);
        yAxis.setForceZeroInRange(true);
        yAxis.setTickLabelFormatter(Widgets.tickLabels(v -> String.format(Locale.US, "%,.0f", v)));
        ChartMenu.install(chart, picture, this::caption, vm::info);
        Label chartNote = new Label(
                "Each line: a profile on its cheapest machine and pricing, with as many instances as the rate needs at the"
                        + " profile's capacity (at the target, the fleet is also checked by simulation). Dashed: the cheapest hosted API. Right-click to copy or export.");
        chartNote.setWrapText(true);
        chartNote.getStyleClass().add("scenario-file");
        chartNote.setMinHeight(Label.USE_PREF_SIZE);
        VBox chartBox = new VBox(2, chart, chartNote);
        VBox.setVgrow(chart, Priority.ALWAYS);

        SplitPane split = new SplitPane(tabs, chartBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        VBox.setVgrow(split, Priority.ALWAYS);
        HBox head = new HBox(10, status);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, head, split);
        box.setPadding(new Insets(10, 12, 10, 4));
        return box;
    }

    private static <R> TableColumn<R, String> col(String title, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        // A cell too narrow for its text (a long machine name at 1280 px) shows it whole in a tooltip.
        c.setCellFactory(frontier.app.Widgets.textCellsWithTooltips());
        c.setPrefWidth(width);
        return c;
    }

    /** The caption of the exported chart: the model, the load and the SLOs; the source names the price catalogue's date. */
    public ChartCaption caption() {
        CapacityViewModel.Outcome o = vm.outcomeProperty().get();
        if (o == null) return ChartCaption.of(chart.getTitle(), "");
        CapacityStudy s = o.study();
        return ChartCaption.of(
                chart.getTitle() + " \u2014 " + o.family(),
                String.format(
                        Locale.US,
                        "Target %s req/s; %s TTFT \u2264 %.0f ms and TPOT \u2264 %.0f ms; %.0f prompt / %.0f output tokens per request; %d replications of %.0f s per probe",
                        CapacityViewModel.plain(o.fleets().rate()),
                        s.stat().key,
                        s.ttftSloMs(),
                        s.tpotSloMs(),
                        s.inputTokens(),
                        s.outputTokens(),
                        s.replications(),
                        s.durationS()));
    }

    private void show(CapacityViewModel.Outcome o) {
        chart.getData().clear();
        if (o == null) {
            capacityTable.getItems().clear();
            fleetTable.getItems().clear();
            apiTable.getItems().clear();
            return;
        }
        CapacityStudy.Fleets f = o.fleets();
        List<CapacityRow> rows = new ArrayList<>();
        for (IterationProfile p : vm.profilesOf(o.family())) {
            CapacitySearch.Result r = f.searches().get(p.name());
            if (r != null)
                rows.add(new CapacityRow(
                        p.name(),
                        p.gpu(),
                        p.tensorParallel(),
                        r.rate(),
                        r.low(),
                        r.high(),
                        r.probes().size()));
        }
        capacityTable.getItems().setAll(rows);
        fleetTable
                .getItems()
                .setAll(f.fleets().subList(0, Math.min(FLEETS_SHOWN, f.fleets().size())));
        apiTable.getItems().setAll(f.api());
        costCurves(f);
    }

    /**
     * Per profile, its cheapest candidate's cost per hour at rates from 0 to twice the target: ceil(rate / capacity)
     * instances at the candidate's price per instance (a step); the cheapest API's cost, linear in the rate; the target.
     */
    private void costCurves(CapacityStudy.Fleets f) {
        double xMax = 2 * f.rate();
        Map<String, CheapestFleet.Candidate> cheapest = new LinkedHashMap<>();
        for (CheapestFleet.Candidate c : f.fleets())
            cheapest.putIfAbsent(c.profile().name(), c);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        double yMax = 0;
        for (CheapestFleet.Candidate c : cheapest.values()) {
            double cap = c.perInstanceCapacity();
            double perInstance = c.usdPerHour() / c.instances();
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(c.profile().name() + ", " + c.pricing());
            for (int k = 1; (k - 1) * cap < xMax && k <= 500; k++) {
                s.getData().add(new XYChart.Data<>((k - 1) * cap, k * perInstance));
                s.getData().add(new XYChart.Data<>(Math.min(k * cap, xMax), k * perInstance));
                yMax = Math.max(yMax, k * perInstance);
            }
            series.add(s);
        }
        if (!f.api().isEmpty()) {
            CheapestFleet.Api a = f.api().getFirst();
            double perRequest = a.usdPer1kRequests() / 1000;
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName("API: " + a.price().model());
            s.getData().add(new XYChart.Data<>(0, 0));
            s.getData().add(new XYChart.Data<>(xMax, xMax * 3600 * perRequest));
            yMax = Math.max(yMax, xMax * 3600 * perRequest);
            series.add(s);
        }
        XYChart.Series<Number, Number> target = new XYChart.Series<>();
        target.setName("Target " + CapacityViewModel.plain(f.rate()) + " req/s");
        target.getData().add(new XYChart.Data<>(f.rate(), 0));
        target.getData().add(new XYChart.Data<>(f.rate(), Math.max(1, yMax)));
        series.add(target);
        chart.getData().setAll(series);
        int n = series.size();
        for (int i = 0; i < n; i++) {
            boolean api = !f.api().isEmpty() && i == n - 2;
            boolean isTarget = i == n - 1;
            if (isTarget) ChartColours.style(chart, i, "target-line");
            else if (api) ChartColours.style(chart, i, ChartColours.colour(i), "api-line");
            else ChartColours.style(chart, i, ChartColours.colour(i));
        }
    }
}
