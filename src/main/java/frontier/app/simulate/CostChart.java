package frontier.app.simulate;

import frontier.app.ChartColours;
import frontier.app.Widgets;
import frontier.model.Metric;
import frontier.scenario.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * Cost per pool split by what the instances were doing, as horizontal stacked bars in USD: one bar per
 * pool (first pool on top), one segment per state with a cost in any pool. Values are the means over
 * replications ({@code cost_usd.by_pool.<pool>.<state>}); each segment has a tooltip with its amount
 * and shares.
 */
final class CostChart {
    /** A cost state: its metric (whose label names it) and colour (a style class of frontier.css). */
    enum State {
        BUSY(Metric.POOL_COST_BUSY, "state-busy"),
        IDLE(Metric.POOL_COST_IDLE, "state-idle"),
        STARTING(Metric.POOL_COST_STARTING, "state-starting"),
        DRAINING(Metric.POOL_COST_DRAINING, "state-draining"),
        REQUESTS(Metric.POOL_COST_REQUESTS, "state-requests");

        final Metric metric;
        final String label;
        final String styleClass;

        State(Metric metric, String styleClass) {
            this.metric = metric;
            this.label = metric.label();
            this.styleClass = styleClass;
        }

        String path(String pool) {
            return metric.at(pool);
        }
    }

    private final NumberAxis xAxis = new NumberAxis();
    private final CategoryAxis yAxis = new CategoryAxis();
    private final StackedBarChart<Number, String> chart = new StackedBarChart<>(xAxis, yAxis);
    private int categories = 1;

    CostChart() {
        chart.setId("costChart");
        chart.setTitle("Cost by pool and state");
        chart.setAnimated(false);
        chart.setMinHeight(200);
        xAxis.setLabel("USD");
        xAxis.setAnimated(false);
        xAxis.setForceZeroInRange(true);
        xAxis.setMinorTickVisible(false);
        xAxis.setTickLabelFormatter(
                Widgets.tickLabels(v -> Formats.number(v, Math.abs(v) >= 100 || v == Math.rint(v) ? 0 : 2)));
        yAxis.setAnimated(false);
        // Bars no thicker than about 70 px, however few the pools.
        yAxis.heightProperty().addListener((obs, old, h) -> fitBars(h.doubleValue()));
    }

    Node node() {
        return chart;
    }

    /** The chart itself, for export. */
    StackedBarChart<Number, String> chart() {
        return chart;
    }

    /** Shows the cost split of {@code s}, or clears the chart when {@code s} is null or has no costs. */
    void show(Summary s) {
        chart.getData().clear();
        if (s == null || !s.has(Metric.COST_TOTAL)) {
            chart.setTitle(s == null ? "Cost by pool and state" : "Cost — no cost figures in this run");
            return;
        }
        double total = s.metric(Metric.COST_TOTAL);
        List<String> pools = s.names(Metric.POOL_COST_TOTAL);
        if (!(total > 0)) {
            chart.setTitle("Cost — 0 USD: this scenario gives no instance prices");
            return;
        }
        int n = s.replications().size();
        chart.setTitle(String.format(
                Locale.US, "Cost by pool — %s USD in total%s", Formats.number(total, 2), n == 1 ? "" : " (mean)"));
        List<String> categories = new ArrayList<>(pools);
        java.util.Collections.reverse(categories); // a vertical category axis runs bottom-up
        yAxis.setCategories(FXCollections.observableArrayList(categories));
        this.categories = Math.max(1, pools.size());
        fitBars(yAxis.getHeight());

        List<XYChart.Series<Number, String>> series = new ArrayList<>();
        List<State> states = new ArrayList<>();
        for (State state : State.values()) {
            if (pools.stream().noneMatch(p -> value(s, p, state) != 0)) continue;
            XYChart.Series<Number, String> ser = new XYChart.Series<>();
            ser.setName(state.label);
            for (String p : pools) {
                XYChart.Data<Number, String> d = new XYChart.Data<>(value(s, p, state), p);
                d.setExtraValue(state);
                ser.getData().add(d);
            }
            series.add(ser);
            states.add(state);
        }
        setCostAxis(pools.stream()
                .mapToDouble(p -> java.util.Arrays.stream(State.values())
                        .mapToDouble(st -> Math.max(0, value(s, p, st)))
                        .sum())
                .max()
                .orElse(total));
        chart.getData().setAll(series);
        for (int i = 0; i < states.size(); i++) ChartColours.style(chart, i, states.get(i).styleClass);
        for (XYChart.Series<Number, String> ser : series) {
            for (XYChart.Data<Number, String> d : ser.getData()) {
                String pool = d.getYValue();
                Tooltip tip = new Tooltip(tooltip(
                        pool,
                        (State) d.getExtraValue(),
                        d.getXValue().doubleValue(),
                        s.metric(Metric.POOL_COST_TOTAL.at(pool)),
                        total));
                tip.setShowDelay(Duration.millis(150));
                Tooltip.install(d.getNode(), tip);
            }
        }
    }

    /** The mean cost of {@code state} in {@code pool}, 0 when the run does not report it. */
    static double value(Summary s, String pool, State state) {
        Double v = s.mean().get(state.path(pool));
        return v == null || !Double.isFinite(v) ? 0 : v;
    }

    /** E.g. "spot — idle\n45.20 USD (38.9 % of the pool, 21.4 % of the total)". */
    static String tooltip(String pool, State state, double usd, double poolTotal, double total) {
        return String.format(
                Locale.US,
                "%s — %s%n%s USD (%s %% of the pool, %s %% of the total)",
                pool,
                state.label,
                Formats.number(usd, 2),
                Formats.number(share(usd, poolTotal), 1),
                Formats.number(share(usd, total), 1));
    }

    static double share(double part, double whole) {
        return whole > 0 ? 100 * part / whole : Double.NaN;
    }

    /**
     * About five round ticks from 0 past the longest bar: the axis's own choice put a tick every 25 USD on a
     * 400 USD axis, whose labels ran into each other at 1280 px.
     */
    private void setCostAxis(double max) {
        double step = InstancesChart.niceStep(Math.max(max, 1e-9) / 5);
        xAxis.setAutoRanging(false);
        xAxis.setLowerBound(0);
        xAxis.setUpperBound(Math.max(step, Math.ceil(max / step - 1e-9) * step));
        xAxis.setTickUnit(step);
    }

    /** The axis's upper bound and tick unit, for tests. */
    double[] costAxis() {
        return new double[] {xAxis.getUpperBound(), xAxis.getTickUnit()};
    }

    private void fitBars(double axisHeight) {
        double band = axisHeight / categories;
        chart.setCategoryGap(Math.max(10, band - 70));
    }
}
