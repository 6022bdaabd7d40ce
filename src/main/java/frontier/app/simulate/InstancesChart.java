package frontier.app.simulate;

import frontier.app.ChartColours;
import frontier.app.Widgets;
import frontier.model.TimeSeries;
import frontier.scenario.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Instances over time of a run's first replication: one line per pool (instances running, i.e.
 * starting + ready + draining), a dashed line of the ready ones where that differs, and markers where
 * cold starts or interruptions happened (counts within the sampling step, each with a tooltip); time reads as
 * a clock since the start (h:mm, days beyond 24 h) on round intervals. Lines
 * have no per-point nodes, so 2,000 points per series stay cheap; a read-out under the chart gives the
 * counts at the time under the mouse.
 */
final class InstancesChart {
    static final String COLD_STARTS = "Cold starts";
    static final String INTERRUPTIONS = "Interruptions";
    static final String READY_SUFFIX = " ready";
    /** The time axis's title before a run (its tick labels are only a clock once there are data). */
    static final String TIME_LABEL = "Time since start";
    /** Tick steps of the time axis, in hours: round clock intervals from one second to a week. */
    private static final double[] TIME_STEPS_H = {
        1 / 3600.0,
        2 / 3600.0,
        5 / 3600.0,
        10 / 3600.0,
        15 / 3600.0,
        30 / 3600.0,
        1 / 60.0,
        2 / 60.0,
        5 / 60.0,
        10 / 60.0,
        15 / 60.0,
        0.5,
        1,
        2,
        3,
        6,
        12,
        24,
        48,
        168
    };

    /** What a marker counts. */
    enum Kind {
        COLD_START("cold start", "cold starts"),
        INTERRUPTION("interruption", "interruptions");

        final String singular;
        final String plural;

        Kind(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }
    }

    /**
     * One marker: {@code count} events of {@code kind} in {@code pool} within the step that ends at
     * {@code timeH}, drawn on the pool's line (at {@code instances}).
     */
    record Marker(String pool, Kind kind, double timeH, int count, int instances) {}

    /** How many pool colours frontier.css defines (-frontier-pool-0 …); more pools repeat them. */
    private static final int POOL_COLOURS = 8;

    private final NumberAxis xAxis = new NumberAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
    private final Label readout = new Label();
    private final VBox box;
    private TimeSeries shown;
    private String intro = "";

    InstancesChart() {
        chart.setId("instancesChart");
        chart.setTitle("Instances over time");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(150); // with its two-line read-out, it fits under the tables at 720 px
        // Room on the right for half of the last tick label ("2 d 6:00"), which sits on the plot's right edge.
        chart.setPadding(new javafx.geometry.Insets(10, 34, 10, 10));
        xAxis.setLabel(TIME_LABEL);
        xAxis.setAnimated(false);
        xAxis.setAutoRanging(false);
        xAxis.setMinorTickVisible(false);
        yAxis.setLabel("Instances");
        yAxis.setAnimated(false);
        yAxis.setAutoRanging(false);
        yAxis.setMinorTickVisible(false);
        yAxis.setUpperBound(1);
        yAxis.setTickLabelFormatter(format(0));
        readout.setId("instancesReadout");
        readout.getStyleClass().add("chart-readout");
        readout.setMinHeight(Region.USE_PREF_SIZE);
        readout.setMaxWidth(Double.MAX_VALUE);
        readout.setPadding(new javafx.geometry.Insets(0, 0, 0, 8));
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showReadout(e.getSceneX(), e.getSceneY()));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> readout.setText(intro));
        VBox.setVgrow(chart, Priority.ALWAYS);
        box = new VBox(2, chart, readout);
    }

    Node node() {
        return box;
    }

    /** The chart itself (without the read-out under it), for export. */
    LineChart<Number, Number> chart() {
        return chart;
    }

    /** Shows the first replication's time series of {@code s}, or clears the chart when there is none. */
    void show(Summary s) {
        chart.getData().clear();
        shown = null;
        TimeSeries ts = s == null ? null : s.replications().getFirst().timeSeries();
        if (ts == null || ts.length() == 0) {
            xAxis.setLabel(TIME_LABEL);
            chart.setTitle(s == null ? "Instances over time" : "Instances over time — no time series in this run");
            intro = "";
            readout.setText(intro);
            return;
        }
        chart.setTitle("Instances over time — " + s.scenario());
        int n = s.replications().size();
        intro = String.format(
                Locale.US,
                "Replication 1%s, sampled every %s; markers count the events within a step. "
                        + "Point at the chart to read the counts.",
                n == 1 ? "" : " of " + n,
                duration(ts.stepS()));
        readout.setText(intro);

        double[] hours = Arrays.stream(ts.timeS()).map(t -> t / 3600).toArray();
        setTimeAxis(hours[0], hours[hours.length - 1], ts.stepS() / 3600);
        int max = 0;
        for (TimeSeries.PoolSeries p : ts.pools().values())
            max = Math.max(max, Arrays.stream(p.instances()).max().orElse(0));
        setInstanceAxis(max);

        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        List<String[]> classes = new ArrayList<>();
        int pool = 0;
        for (Map.Entry<String, TimeSeries.PoolSeries> e : ts.pools().entrySet()) {
            String colour = "pool-" + (pool++ % POOL_COLOURS);
            TimeSeries.PoolSeries p = e.getValue();
            classes.add(new String[] {colour, "pool-line"});
            series.add(line(e.getKey(), hours, p.instances()));
            if (!Arrays.equals(p.ready(), p.instances())) {
                classes.add(new String[] {colour, "ready-line"});
                series.add(line(e.getKey() + READY_SUFFIX, hours, p.ready()));
            }
        }
        boolean seconds = ts.stepS() < 60;
        for (Kind kind : Kind.values()) {
            List<Marker> markers = markers(ts, kind);
            if (markers.isEmpty()) continue;
            boolean cold = kind == Kind.COLD_START;
            classes.add(new String[] {"marker-line", cold ? "cold-start" : "interruption"});
            series.add(markerSeries(cold ? COLD_STARTS : INTERRUPTIONS, markers, seconds));
        }
        chart.getData().setAll(series);
        for (int i = 0; i < classes.size(); i++) ChartColours.style(chart, i, classes.get(i));
        // The lines (a marker series' line is transparent but still pickable) must not take the mouse from the markers.
        for (XYChart.Series<Number, Number> x : series) {
            if (x.getNode() != null) x.getNode().setMouseTransparent(true);
        }
        shown = ts;
    }

    /** The markers of {@code kind}: one per pool and step with a count above zero, in pool then time order. */
    static List<Marker> markers(TimeSeries ts, Kind kind) {
        List<Marker> markers = new ArrayList<>();
        for (Map.Entry<String, TimeSeries.PoolSeries> e : ts.pools().entrySet()) {
            TimeSeries.PoolSeries p = e.getValue();
            int[] counts = kind == Kind.COLD_START ? p.coldStarts() : p.interruptions();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0)
                    markers.add(new Marker(e.getKey(), kind, ts.timeS()[i] / 3600, counts[i], p.instances()[i]));
            }
        }
        return markers;
    }

    /** E.g. "gpu: 3 cold starts at 5.2 h". */
    static String tooltip(Marker m, boolean seconds) {
        return String.format(
                Locale.US,
                "%s: %d %s at %s",
                m.pool(),
                m.count(),
                m.count() == 1 ? m.kind().singular : m.kind().plural,
                clock(m.timeH(), seconds));
    }

    /**
     * Time since the start of the run as a clock reads it: "5:12" (h:mm), "5:12:30" with {@code seconds}, and
     * the whole days before it past 24 hours ("2 d 5:12").
     */
    static String clock(double hours, boolean seconds) {
        long total = Math.round(hours * 3600);
        if (!seconds) total = Math.round(total / 60.0) * 60;
        long days = total / 86400, rest = total % 86400;
        String t = seconds
                ? String.format(Locale.US, "%d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60)
                : String.format(Locale.US, "%d:%02d", rest / 3600, rest % 3600 / 60);
        return days > 0 ? days + " d " + t : t;
    }

    /** The smallest round clock interval (1 s … 1 week, in hours) that cuts {@code spanH} into at most about ten ticks. */
    static double timeStep(double spanH) {
        for (double s : TIME_STEPS_H) {
            if (s >= spanH / 10 * (1 - 1e-9)) return s;
        }
        return 168 * Math.ceil(spanH / 10 / 168);
    }

    /** The smallest 1, 2 or 5 × 10^k at least {@code raw}. */
    static double niceStep(double raw) {
        if (!(raw > 0) || Double.isInfinite(raw)) return 1;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * magnitude >= raw * (1 - 1e-9)) return m * magnitude;
        }
        return 10 * magnitude;
    }

    private void setTimeAxis(double from, double to, double stepH) {
        if (!(to > from)) to = from + Math.max(stepH, 1e-3);
        double tick = timeStep(to - from);
        // Bounds on whole ticks: NumberAxis labels the upper bound, which would crowd the last tick.
        xAxis.setLowerBound(Math.floor(from / tick + 1e-9) * tick);
        xAxis.setUpperBound(Math.ceil(to / tick - 1e-9) * tick);
        xAxis.setTickUnit(tick);
        boolean seconds = tick < 1 / 60.0;
        xAxis.setLabel("Time since start (" + (to >= 24 ? "d " : "") + (seconds ? "h:mm:ss)" : "h:mm)"));
        xAxis.setTickLabelFormatter(Widgets.tickLabels(v -> clock(v, seconds)));
    }

    private void setInstanceAxis(int max) {
        double tick = Math.max(1, Math.rint(niceStep(Math.max(1, max) / 6.0)));
        double upper = Math.ceil(Math.max(1, max) / tick) * tick;
        if (upper <= max) upper += tick;
        yAxis.setLowerBound(0);
        yAxis.setUpperBound(upper);
        yAxis.setTickUnit(tick);
    }

    private static XYChart.Series<Number, Number> line(String name, double[] hours, int[] values) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(hours.length);
        for (int i = 0; i < hours.length; i++) points.add(new XYChart.Data<>(hours[i], values[i]));
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().setAll(points);
        return s;
    }

    private static XYChart.Series<Number, Number> markerSeries(String name, List<Marker> markers, boolean seconds) {
        List<XYChart.Data<Number, Number>> points = new ArrayList<>(markers.size());
        for (Marker m : markers) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(m.timeH(), m.instances());
            d.setExtraValue(m);
            Region symbol = new Region();
            Tooltip tip = new Tooltip(tooltip(m, seconds));
            tip.setShowDelay(Duration.millis(150));
            Tooltip.install(symbol, tip);
            d.setNode(symbol);
            points.add(d);
        }
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().setAll(points);
        return s;
    }

    private void showReadout(double sceneX, double sceneY) {
        TimeSeries ts = shown;
        Node plot = chart.lookup(".chart-plot-background");
        if (ts == null || plot == null) return;
        Bounds b = plot.localToScene(plot.getBoundsInLocal());
        if (!b.contains(sceneX, sceneY)) {
            readout.setText(intro);
            return;
        }
        double hours = xAxis.getValueForDisplay(
                        xAxis.sceneToLocal(sceneX, sceneY).getX())
                .doubleValue();
        readout.setText(readoutAt(ts, nearest(ts.timeS(), hours * 3600)));
    }

    /** E.g. "At 5:12: gpu 7 instances (6 ready, 5 busy); spot 6 instances (6 ready, 2 busy), 1 interruption". */
    static String readoutAt(TimeSeries ts, int i) {
        StringBuilder b = new StringBuilder("At ")
                .append(clock(ts.timeS()[i] / 3600, ts.stepS() < 60))
                .append(": ");
        String sep = "";
        for (Map.Entry<String, TimeSeries.PoolSeries> e : ts.pools().entrySet()) {
            TimeSeries.PoolSeries p = e.getValue();
            b.append(sep)
                    .append(String.format(
                            Locale.US,
                            "%s %d instance%s (%d ready, %d busy)",
                            e.getKey(),
                            p.instances()[i],
                            p.instances()[i] == 1 ? "" : "s",
                            p.ready()[i],
                            p.busy()[i]));
            if (p.coldStarts()[i] > 0)
                b.append(", ")
                        .append(p.coldStarts()[i])
                        .append(p.coldStarts()[i] == 1 ? " cold start" : " cold starts");
            if (p.interruptions()[i] > 0)
                b.append(", ")
                        .append(p.interruptions()[i])
                        .append(p.interruptions()[i] == 1 ? " interruption" : " interruptions");
            sep = "; ";
        }
        return b.toString();
    }

    static int nearest(double[] times, double t) {
        int i = Arrays.binarySearch(times, t);
        if (i >= 0) return i;
        int after = -i - 1;
        if (after == 0) return 0;
        if (after >= times.length) return times.length - 1;
        return t - times[after - 1] <= times[after] - t ? after - 1 : after;
    }

    private static String duration(double s) {
        if (s < 120) return Formats.number(s, s < 10 ? 2 : 0) + " s";
        if (s < 7200) return Formats.number(s / 60, 1) + " min";
        return Formats.number(s / 3600, 2) + " h";
    }

    private static StringConverter<Number> format(int decimals) {
        return Widgets.tickLabels(v -> Formats.number(v, decimals));
    }
}
