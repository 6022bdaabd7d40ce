package frontier.app.unitcost;

import frontier.analysis.series.Forecast;
import frontier.app.BillingSession;
import frontier.app.LatestTask;
import frontier.app.TaskExecutor;
import frontier.app.unitcost.UnitCostDashboard.SeriesBy;
import frontier.sim.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the Unit cost view: what the lines stand for (endpoint, model or pricing model), the series
 * forecast and its horizon, the endpoint selected (what "Make a twin…" will model), and the
 * {@link UnitCostDashboard} and {@link Forecast.Result} computed for them. Reading the workspace and
 * fitting the forecast run in the background ({@link LatestTask}, on an injected {@link TaskExecutor}), each on its own thread; a newer
 * request supersedes an older one. Refreshes when the session's workspace changes. Use from the FX application
 * thread only.
 */
public final class UnitCostViewModel {
    /** The forecast horizons offered (days). */
    public static final List<Integer> HORIZONS = List.of(30, 90);

    private final BillingSession session;
    private final LatestTask loader;
    // Forecasts get their own thread so that changing the horizon does not wait behind a workspace scan.
    private final LatestTask forecaster;
    private final ObjectProperty<SeriesBy> seriesBy = new SimpleObjectProperty<>(SeriesBy.ENDPOINT);
    private final ObjectProperty<UnitCostDashboard.Period> period =
            new SimpleObjectProperty<>(UnitCostDashboard.Period.LOGS);
    private final IntegerProperty horizon = new SimpleIntegerProperty(HORIZONS.getFirst());
    private final ObjectProperty<String> forecastOf = new SimpleObjectProperty<>();
    private final ObjectProperty<String> selectedEndpoint = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<UnitCostDashboard> dashboard = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Forecast.Result> forecast = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper forecastNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper forecastModel = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private String summary = "";
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private UnitCostDashboard.Series forecastSeries;

    public UnitCostViewModel(BillingSession session) {
        this(session, TaskExecutor.FX);
    }

    /** Work goes to executors made by {@code executors} ({@link TaskExecutor#CURRENT_THREAD} in tests). */
    public UnitCostViewModel(BillingSession session, TaskExecutor.Factory executors) {
        this.session = session;
        loader = new LatestTask(executors.named("frontier-unit-cost"));
        forecaster = new LatestTask(executors.named("frontier-unit-cost-forecast"));
        seriesBy.addListener((obs, o, n) -> refresh());
        period.addListener((obs, o, n) -> refresh());
        horizon.addListener((obs, o, n) -> reforecast());
        forecastOf.addListener((obs, o, n) -> {
            if (seriesBy.get() == SeriesBy.ENDPOINT && n != null && !UnitCostDashboard.TOTAL.equals(n))
                selectedEndpoint.set(n);
            reforecast();
        });
        selectedEndpoint.addListener((obs, o, n) -> {
            UnitCostDashboard d = dashboard.get();
            if (seriesBy.get() == SeriesBy.ENDPOINT && n != null && d != null && d.find(n) != null) forecastOf.set(n);
        });
        session.workspaceProperty().addListener((obs, o, n) -> forgetWorkspace());
        session.revisionProperty().addListener((obs, o, n) -> refresh());
        refresh();
    }

    /**
     * Another workspace: its dashboard, forecast and the endpoint chosen go (the refresh that follows the
     * switch reads the new one and picks its first line); what the lines stand for, the period and the horizon stay.
     */
    private void forgetWorkspace() {
        loader.supersede();
        forecaster.supersede();
        dashboard.set(null);
        forecastSeries = null;
        forecastOf.set(null);
        selectedEndpoint.set(null);
        forecast.set(null);
        forecastNote.set("");
        forecastModel.set("");
        summary = "";
    }

    /** Reads the workspace again (it changed, or the lines stand for something else). */
    public void refresh() {
        Path file = session.workspace();
        SeriesBy by = seriesBy.get();
        UnitCostDashboard.Period p = period.get();
        loading.set(true);
        status.set("Reading " + file.getFileName() + "…");
        loader.run(
                () -> UnitCostDashboard.load(file, by, p),
                d -> {
                    dashboard.set(d);
                    loading.set(false);
                    summary = summary(d, file);
                    status.set(summary);
                    String keep = forecastOf.get();
                    if (d.isEmpty() || d.total() == null) {
                        forecastOf.set(null);
                        reforecast();
                    } else if (keep == null || d.find(keep) == null) {
                        forecastOf.set(
                                d.series().isEmpty()
                                        ? UnitCostDashboard.TOTAL
                                        : d.series().getFirst().key());
                    } else {
                        reforecast(); // same key, new numbers
                    }
                },
                x -> {
                    loading.set(false);
                    dashboard.set(null);
                    status.set("Cannot read the workspace: " + frontier.app.Messages.of(x));
                });
    }

    /** The workspace and period the data covers ("ws.sqlite: 2025-01-01 to 2025-03-31, 2 endpoints."); empty before the first read. */
    public String summary() {
        return summary;
    }

    /** Shows {@code text} in the status line (until the workspace is read again): what an export did. */
    public void info(String text) {
        status.set(text);
    }

    private static String summary(UnitCostDashboard d, Path file) {
        if (d.total() == null) return file.getFileName().toString();
        var pts = d.total().points();
        return String.format(
                Locale.US,
                "%s: %s to %s, %d %s.",
                file.getFileName(),
                pts.getFirst().date(),
                pts.getLast().date(),
                d.groups(),
                d.groups() == 1 ? d.by().plural().replaceAll("s$", "") : d.by().plural());
    }

    private void reforecast() {
        UnitCostDashboard d = dashboard.get();
        UnitCostDashboard.Series s = d == null || d.isEmpty() ? null : d.find(forecastOf.get());
        // A forecast of other numbers would be drawn after the new series until the new one is ready.
        if (s != forecastSeries) forecast.set(null);
        forecastSeries = s;
        if (s == null) {
            // Nothing to forecast: a forecast still being fitted is of other numbers.
            forecaster.supersede();
            forecastNote.set("");
            forecastModel.set("");
            return;
        }
        int days = horizon.get();
        forecaster.run(
                () -> s.forecast(days),
                f -> {
                    forecast.set(f);
                    forecastNote.set(caption(s.name(), f, d.currency()));
                    forecastModel.set("Model: " + f.method()
                            + String.format(
                                    Locale.US,
                                    "\nSmoothing: level α = %.3f, trend β = %.3f%s; residual σ = %.4f",
                                    f.alpha(),
                                    f.beta(),
                                    f.weekly() ? String.format(Locale.US, ", weekly pattern γ = %.3f", f.gamma()) : "",
                                    f.sigma())
                            + "\nFitted with the unusual days at their expected values.");
                },
                t -> {
                    forecast.set(null);
                    forecastModel.set("");
                    // Too short a history is expected on a new workspace: say why there is no band.
                    forecastNote.set(
                            t instanceof BadInputException
                                    ? "No forecast for " + s.name() + ": "
                                            + t.getMessage().replaceFirst("^forecast: ", "")
                                    : "Forecast failed: " + t);
                });
    }

    /** The session whose workspace this view reads (the attribution editor edits its rules). */
    public BillingSession session() {
        return session;
    }

    /**
     * The forecast in plain words: where the line is heading over the horizon and how sure that is, e.g.
     * "chat: about 2.41 USD per 1,000 requests by Nov 12 (9 in 10 days between 2.10 and 2.75), with a weekly pattern."
     */
    static String caption(String name, Forecast.Result f, String currency) {
        Forecast.Point last = f.points().getLast();
        String cur = currency == null ? "" : " " + currency;
        // The first and last week of the horizon compared, so that a weekday pattern is not read as a trend.
        int week = Math.min(7, f.points().size());
        double early = f.points().subList(0, week).stream()
                .mapToDouble(Forecast.Point::point)
                .average()
                .orElse(Double.NaN);
        double late = f.points().subList(f.points().size() - week, f.points().size()).stream()
                .mapToDouble(Forecast.Point::point)
                .average()
                .orElse(Double.NaN);
        String trend = late > early * 1.05 ? "rising to" : late < early * 0.95 ? "falling to" : "steady at";
        long in = Math.round(f.level() * 10);
        return String.format(
                Locale.US,
                "Forecast for %s: %s about %s%s per 1,000 requests by %s (%d in 10 days between %s and %s)%s.",
                name,
                trend,
                UnitCostChart.money(last.point()),
                cur,
                last.date().format(java.time.format.DateTimeFormatter.ofPattern("MMM d", Locale.US)),
                in,
                UnitCostChart.money(Math.max(0, last.lower())),
                UnitCostChart.money(last.upper()),
                f.weekly() ? ", with its weekday pattern" : "");
    }

    public void shutdown() {
        loader.shutdown();
        forecaster.shutdown();
    }

    /** What one line of the chart stands for; the workspace is read again when it changes. */
    public ObjectProperty<SeriesBy> seriesByProperty() {
        return seriesBy;
    }

    /** Which days the tiles and table cover: the logs' days (default) or every billed day. */
    public ObjectProperty<UnitCostDashboard.Period> periodProperty() {
        return period;
    }

    /** Days forecast, one of {@link #HORIZONS}. */
    public IntegerProperty horizonProperty() {
        return horizon;
    }

    /** The key of the series forecast ({@link UnitCostDashboard.Series#key()}, or {@link UnitCostDashboard#TOTAL}); null for none. */
    public ObjectProperty<String> forecastOfProperty() {
        return forecastOf;
    }

    /**
     * The endpoint the user selected (a table row, or a line when lines are endpoints); null for none. Selecting
     * an endpoint whose line is charted forecasts it.
     */
    public ObjectProperty<String> selectedEndpointProperty() {
        return selectedEndpoint;
    }

    /** The latest dashboard; null before the first read or after a failure. */
    public ReadOnlyObjectProperty<UnitCostDashboard> dashboardProperty() {
        return dashboard.getReadOnlyProperty();
    }

    /** The forecast of {@link #forecastOfProperty()}; null when there is none (see {@link #forecastNoteProperty()}). */
    public ReadOnlyObjectProperty<Forecast.Result> forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    /** The forecast model's method and fitted parameters (for a tooltip); empty without a forecast. */
    public ReadOnlyStringProperty forecastModelProperty() {
        return forecastModel.getReadOnlyProperty();
    }

    /** The forecast in plain words, or why there is no forecast. */
    public ReadOnlyStringProperty forecastNoteProperty() {
        return forecastNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
