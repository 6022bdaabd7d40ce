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
 * The latency distribution as a bar chart: one bar per histogram bin, labelled with the bin's lower
 * edge in milliseconds; the last bin holds the tail. Each bar has a tooltip with its range and count.
 */
final class LatencyChart {
    /**
     * One bar.
     *
     * @param label  the category label (lower edge, "+" on the tail bin)
     * @param fromMs lower edge
     * @param toMs   upper edge, infinite for the tail bin
     * @param widthMs the histogram's bin width
     * @param count  requests in the bin
     */
    record Bin(String label, double fromMs, double toMs, double widthMs, long count) {
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
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(String.format(Locale.US, "Completed requests per %s ms bin (%,d, %d replication%s pooled)",
                Formats.number(h.binWidthMs(), decimals(h.binWidthMs())), total, n, n == 1 ? "" : "s"));
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
        int d = decimals(w);
        List<Bin> bins = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            boolean tail = i == counts.length - 1;
            bins.add(new Bin(Formats.number(i * w, d) + (tail ? "+" : ""), i * w,
                    tail ? Double.POSITIVE_INFINITY : (i + 1) * w, w, counts[i]));
        }
        return bins;
    }

    static String tooltip(Bin b, long total) {
        int d = decimals(b.widthMs());
        String range = Double.isInfinite(b.toMs())
                ? "≥ " + Formats.number(b.fromMs(), d) + " ms"
                : Formats.number(b.fromMs(), d) + " – " + Formats.number(b.toMs(), d) + " ms";
        double share = total == 0 ? 0 : 100.0 * b.count() / total;
        return String.format(Locale.US, "%s%n%,d requests (%.2f %%)", range, b.count(), share);
    }

    /** Enough decimals that consecutive bin edges print differently. */
    private static int decimals(double binWidth) {
        if (!(binWidth > 0) || Double.isInfinite(binWidth)) return 0;
        return Math.max(0, (int) Math.ceil(-Math.log10(binWidth)));
    }
}
