package frontier.app.simulate;

import frontier.app.Widgets;
import frontier.model.LatencyHistogram;
import frontier.scenario.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The latency distribution as a bar chart: one bar per histogram bin (round widths: 1, 2 or 5 × 10^k ms),
 * labelled with the bin's lower edge in milliseconds, or in seconds when the bins reach past one second;
 * the last bin holds the tail. Each bar has a tooltip with its range and count.
 */
final class LatencyChart {
    /**
     * One bar.
     *
     * @param label  the category label (lower edge in {@code unit}, "+" on the tail bin)
     * @param fromMs lower edge
     * @param toMs   upper edge, infinite for the tail bin
     * @param widthMs the histogram's bin width
     * @param count  requests in the bin
     * @param unit   what the labels count: {@link Unit#MS} or {@link Unit#S}
     */
    record Bin(String label, double fromMs, double toMs, double widthMs, long count, Unit unit) {}

    /** The unit of the axis: milliseconds, or seconds when the bins reach past one second. */
    enum Unit {
        MS("ms", 1),
        S("s", 1000);

        final String symbol;
        final double ms;

        Unit(String symbol, double ms) {
            this.symbol = symbol;
            this.ms = ms;
        }

        /** Seconds when the last bin starts at or past one second. */
        static Unit of(LatencyHistogram h) {
            return h.binWidthMs() * Math.max(0, h.counts().length - 1) >= 1000 ? S : MS;
        }
    }

    private final CategoryAxis xAxis = new CategoryAxis();
    private final NumberAxis yAxis = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(xAxis, yAxis);

    LatencyChart() {
        chart.setId("latencyChart");
        chart.setTitle("Latency distribution");
        chart.setAnimated(false);
        chart.setBarGap(0);
        chart.setCategoryGap(1);
        chart.setMinHeight(240);
        xAxis.setLabel("Latency (ms)");
        xAxis.setAnimated(false);
        yAxis.setLabel("Requests");
        yAxis.setAnimated(false);
        yAxis.setTickLabelFormatter(Widgets.thousands());
    }

    Node node() {
        return chart;
    }

    /** The chart itself, for export. */
    BarChart<String, Number> chart() {
        return chart;
    }

    /** Shows the pooled histogram of {@code s}, or clears the chart when {@code s} is null. */
    void show(Summary s) {
        chart.getData().clear();
        if (s == null) {
            chart.setTitle("Latency distribution");
            return;
        }
        LatencyHistogram h = s.pooledLatencyHistogram();
        long total = h.total();
        int n = s.replications().size();
        chart.setTitle("Latency distribution — " + s.scenario());
        Unit unit = Unit.of(h);
        xAxis.setLabel("Latency (" + unit.symbol + ")");
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        double width = h.binWidthMs() / unit.ms;
        series.setName(String.format(
                Locale.US,
                "Completed requests per %s %s bin (%,d, %d replication%s pooled)",
                Formats.number(width, decimals(width)),
                unit.symbol,
                total,
                n,
                n == 1 ? "" : "s"));
        List<String> tips = new ArrayList<>();
        for (Bin b : bins(h)) {
            series.getData().add(new XYChart.Data<>(b.label(), b.count()));
            tips.add(tooltip(b, total));
        }
        chart.getData().add(series);
        for (int i = 0; i < tips.size(); i++) {
            Node bar = series.getData().get(i).getNode();
            Tooltip tip = new Tooltip(tips.get(i));
            tip.setShowDelay(Duration.millis(150));
            Tooltip.install(bar, tip);
        }
    }

    static List<Bin> bins(LatencyHistogram h) {
        long[] counts = h.counts();
        double w = h.binWidthMs();
        Unit unit = Unit.of(h);
        int d = decimals(w / unit.ms);
        List<Bin> bins = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            boolean tail = i == counts.length - 1;
            bins.add(new Bin(
                    Formats.number(i * w / unit.ms, d) + (tail ? "+" : ""),
                    i * w,
                    tail ? Double.POSITIVE_INFINITY : (i + 1) * w,
                    w,
                    counts[i],
                    unit));
        }
        return bins;
    }

    static String tooltip(Bin b, long total) {
        double per = b.unit().ms;
        int d = decimals(b.widthMs() / per);
        String range = Double.isInfinite(b.toMs())
                ? "≥ " + Formats.number(b.fromMs() / per, d) + " " + b.unit().symbol
                : Formats.number(b.fromMs() / per, d) + " – " + Formats.number(b.toMs() / per, d) + " "
                        + b.unit().symbol;
        double share = total == 0 ? 0 : 100.0 * b.count() / total;
        return String.format(Locale.US, "%s%n%,d requests (%.2f %%)", range, b.count(), share);
    }

    /** Enough decimals that consecutive bin edges print differently. */
    private static int decimals(double binWidth) {
        if (!(binWidth > 0) || Double.isInfinite(binWidth)) return 0;
        return Math.max(0, (int) Math.ceil(-Math.log10(binWidth)));
    }
}
