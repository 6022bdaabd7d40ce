package frontier.app.costs;

import frontier.app.Widgets;
import frontier.app.costs.CostBreakdown.Metric;
import frontier.store.Grouping;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.scene.Cursor;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The Costs chart: the selected cost per day (week, month) stacked by the chosen grouping, one currency
 * and metric at a time, a tooltip per segment with its exact amount. Clicking a segment narrows the view
 * to its days and group ({@link CostsViewModel#drillInto}).
 */
final class CostChartPane {
    /** Legend entries longer than this are shortened (the tooltip has the full name). */
    static final int LEGEND_CHARS = 30;

    private final CostsViewModel vm;
    private final CategoryAxis xAxis = new CategoryAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final StackedBarChart<String, Number> chart = new StackedBarChart<>(xAxis, yAxis);

    CostChartPane(CostsViewModel vm) {
        this.vm = vm;
        chart.setId("costChart");
        chart.setAnimated(false);
        chart.setCategoryGap(3);
        chart.setMinSize(300, 220);
        xAxis.setAnimated(false);
        // The buckets are set explicitly; auto-ranging would also reserve the height of rotated labels.
        xAxis.setAutoRanging(false);
        yAxis.setAnimated(false);
        yAxis.setTickLabelFormatter(Widgets.tickLabels(CostFormats::tick));
        yAxis.setLabel(Metric.EFFECTIVE.label());
        xAxis.setLabel("Day (UTC)");
        vm.chartProperty().addListener((obs, o, n) -> draw(n));
    }

    StackedBarChart<String, Number> node() {
        return chart;
    }

    private void draw(CostBreakdown.Chart c) {
        chart.getData().clear();
        if (c == null) return;
        Grouping by = vm.stackByProperty().get();
        String cur = c.currency() == null ? "" : " (" + c.currency() + ")";
        yAxis.setLabel(c.metric().label() + cur);
        // Within one year the axis shows "24 Sep" and names the year once: short labels need no rotation.
        boolean oneYear = c.step() != CostBreakdown.Step.MONTH
                && !c.buckets().isEmpty()
                && c.buckets()
                        .getFirst()
                        .substring(0, 4)
                        .equals(c.buckets().getLast().substring(0, 4));
        Function<String, String> category = b -> dateLabel(b, c.step(), oneYear);
        xAxis.setLabel(c.step().label() + " (UTC"
                + (oneYear ? ", " + c.buckets().getFirst().substring(0, 4) : "") + ")");
        xAxis.setCategories(FXCollections.observableArrayList(
                c.buckets().stream().map(category).toList()));
        String per =
                switch (c.step()) {
                    case DAY -> "Daily";
                    case WEEK -> "Weekly";
                    case MONTH -> "Monthly";
                };
        String more = c.series().stream().anyMatch(CostBreakdown.Series::others)
                ? " — largest " + CostBreakdown.TOP + " of " + c.groups()
                : "";
        String missing = c.missing() == 0
                ? ""
                : String.format(
                        Locale.US,
                        " — %,d lines without %s",
                        c.missing(),
                        c.metric().label().toLowerCase(Locale.ROOT));
        chart.setTitle(per + " " + c.metric().label().toLowerCase(Locale.ROOT) + " by "
                + by.label().toLowerCase(Locale.ROOT) + more + missing);

        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < c.series().size(); i++) {
            CostBreakdown.Series s = c.series().get(i);
            XYChart.Series<String, Number> xy = new XYChart.Series<>();
            xy.setName(shorten(s.name()));
            for (Map.Entry<String, BigDecimal> e : s.values().entrySet()) {
                xy.getData()
                        .add(new XYChart.Data<>(
                                category.apply(e.getKey()), e.getValue().doubleValue()));
            }
            series.add(xy);
            String colour = CostColours.of(by, s, s.others() ? 0 : rank++);
            colours.add(colour);
        }
        setValueRange(c);
        chart.getData().setAll(series);
        // A class per series (not default-colorN, which repeats after 8) colours the bars and the legend symbol alike.
        for (int i = 0; i < colours.size(); i++) frontier.app.ChartColours.style(chart, i, colours.get(i));
        // StackedBarChart marks a negative segment (a credit) with the "negative" style class when it is
        // added, then resets the style classes as the series list changes, so it would stack credits
        // upwards with a negative height (invisible). Mark them again.
        for (XYChart.Series<String, Number> xy : series) {
            for (XYChart.Data<String, Number> d : xy.getData()) {
                if (d.getNode() != null
                        && d.getYValue().doubleValue() < 0
                        && !d.getNode().getStyleClass().contains("negative")) {
                    d.getNode().getStyleClass().add("negative");
                }
            }
        }
        chart.requestLayout();
        for (int i = 0; i < series.size(); i++) {
            CostBreakdown.Series s = c.series().get(i);
            Iterator<Map.Entry<String, BigDecimal>> values =
                    s.values().entrySet().iterator();
            for (XYChart.Data<String, Number> d : series.get(i).getData()) {
                Map.Entry<String, BigDecimal> e = values.next();
                Tooltip tip = new Tooltip(segmentTip(c, s, e.getKey(), e.getValue()) + "\nClick to show only "
                        + (s.others() ? "this " + when(c, e.getKey()) : "these lines"));
                tip.setShowDelay(Duration.millis(120));
                if (d.getNode() != null) {
                    Tooltip.install(d.getNode(), tip);
                    d.getNode().setCursor(Cursor.HAND);
                    String bucket = e.getKey();
                    d.getNode().setOnMouseClicked(ev -> vm.drillInto(c, s, bucket));
                }
            }
        }
    }

    private static String when(CostBreakdown.Chart c, String bucket) {
        return switch (c.step()) {
            case DAY -> "day";
            case WEEK -> "week";
            case MONTH -> "month";
        };
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
        double max =
                up.values().stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        double min = down.values().stream()
                .mapToDouble(BigDecimal::doubleValue)
                .min()
                .orElse(0);
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
        String when =
                switch (c.step()) {
                    case DAY -> bucket;
                    case WEEK -> "week of " + bucket;
                    case MONTH -> bucket;
                };
        return when + " — " + s.name() + "\n" + CostFormats.plain(v) + " " + c.currency() + " ("
                + c.metric().label().toLowerCase(Locale.ROOT) + ")";
    }

    private static final java.time.format.DateTimeFormatter DAY_MONTH =
            java.time.format.DateTimeFormatter.ofPattern("d MMM", Locale.US);
    private static final java.time.format.DateTimeFormatter DAY_MONTH_YEAR =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
    private static final java.time.format.DateTimeFormatter MONTH_YEAR =
            java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

    /**
     * A bucket ("2024-09-24", or "2024-09" for a month) as the time axis shows it: "24 Sep" within one year (the
     * axis title names the year), "24 Sep 2024" across years, "Sep 2024" for a month. A bucket that is not a date
     * is shown as it is.
     */
    static String dateLabel(String bucket, CostBreakdown.Step step, boolean oneYear) {
        try {
            if (step == CostBreakdown.Step.MONTH)
                return java.time.YearMonth.parse(bucket.substring(0, 7)).format(MONTH_YEAR);
            java.time.LocalDate d = java.time.LocalDate.parse(bucket);
            return d.format(oneYear ? DAY_MONTH : DAY_MONTH_YEAR);
        } catch (RuntimeException e) {
            return bucket;
        }
    }

    static String shorten(String name) {
        return name.length() <= LEGEND_CHARS ? name : name.substring(0, LEGEND_CHARS - 1) + "…";
    }
}
