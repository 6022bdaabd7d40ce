package frontier.app.compare;

import frontier.app.CanvasPlot;
import frontier.app.ChartPen;
import frontier.app.ExportableChart;
import frontier.app.Palette;
import frontier.scenario.alternatives.CompareMetric;
import frontier.scenario.alternatives.Comparison;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The comparison as one chart: a horizontal bar per entry for its cost per month, with the 95% confidence
 * interval as a whisker, and beside it the change from the baseline and the p99 latency. An entry that drops
 * requests has a red bar and says so in words next to its cost ("⚠ drops 1.2% of requests"), so a cheap
 * alternative cannot look good by not serving. Drawn through a {@link ChartPen} in the theme's palette (the
 * baseline in the "others" grey, alternatives in the first series colour, drops in the anomaly colour), so it
 * exports like the other charts. A batch job is drawn the same way with its cost of the job and completion time,
 * and an alternative done by the deadline less often than the baseline is marked as a dropping one is.
 */
public final class CompareChart implements ExportableChart {
    private static final double ROW = 46;

    private final CanvasPlot plot = new CanvasPlot(200, 330, 34, 24, this::draw);
    private Comparison comparison;
    private final List<String> labels = new ArrayList<>();

    @SuppressWarnings("unused") // held while the chart lives: the palette keeps its listeners weakly
    private final javafx.beans.InvalidationListener themeListener = Palette.onChange(this::draw);

    public CompareChart() {
        plot.pane().setMinHeight(120);
    }

    @Override
    public double chartWidth() {
        return plot.canvas().getWidth() > 0 ? plot.canvas().getWidth() : 900;
    }

    /** At least the height every row needs, so an export of a chart never laid out still shows every entry. */
    @Override
    public double chartHeight() {
        double rows = comparison == null ? 1 : comparison.entries().size();
        return Math.max(plot.canvas().getHeight(), 44 + rows * ROW);
    }

    public Pane node() {
        return plot.pane();
    }

    public void show(Comparison c) {
        comparison = c;
        draw();
    }

    /** Says what the chart will show before a run: a batch job's cost of the job, else a fleet's cost per month. */
    public void expectBatch(boolean batch) {
        emptyText = batch
                ? "Run the comparison to see each alternative's cost of the job and completion time."
                : "Run the comparison to see each alternative's cost per month.";
        draw();
    }

    private String emptyText = "Run the comparison to see each alternative's cost per month.";

    /** The text drawn beside each bar, in order (what a reader sees; tests read it). */
    public List<String> labels() {
        return List.copyOf(labels);
    }

    private void draw() {
        ChartPen g = plot.clear();
        if (g != null) paint(g);
    }

    @Override
    public void paint(ChartPen g) {
        Palette p = Palette.current();
        Color ink = p.text(), base = p.others(), alt = p.series(0), drops = p.anomaly();
        double w = chartWidth();
        double h = chartHeight();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        labels.clear();
        g.setTextBaseline(VPos.CENTER);
        if (comparison == null) {
            g.setFill(p.mutedText());
            g.setFont(Font.font(13));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(emptyText, w / 2, h / 2);
            return;
        }
        CompareLens lens = CompareLens.of(comparison);
        CompareMetric m = lens.cost();
        int n = comparison.entries().size();
        double max = 0;
        for (int i = 0; i < n; i++) {
            Comparison.Estimate v = comparison.value(i, m);
            double hi = v.mean() + (Double.isFinite(v.halfWidth()) ? v.halfWidth() : 0);
            if (Double.isFinite(hi)) max = Math.max(max, hi);
        }
        if (!(max > 0)) max = 1;
        double x0 = 200;
        double plotW = Math.max(40, w - x0 - 330);
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        g.setFill(ink);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(
                lens.batch()
                        ? "Cost of the job (USD, 95% CI) — completion time — done by the deadline"
                        : "Cost per month (USD, 95% CI) — p99 latency — requests not served",
                10,
                16);
        double rowH = Math.min(ROW, (h - 40) / n);
        for (int i = 0; i < n; i++) {
            double yc = 34 + rowH * (i + 0.5);
            Comparison.Estimate v = comparison.value(i, m);
            String warning = lens.warning(comparison, i);
            g.setFont(Font.font(12));
            g.setFill(ink);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(
                    fitLabel(i == 0 ? "Baseline" : comparison.entries().get(i).name(), x0 - 16, Font.font(12)),
                    x0 - 8,
                    yc);
            if (!Double.isFinite(v.mean())) continue;
            double bw = plotW * v.mean() / max;
            double bh = Math.max(8, rowH * 0.5);
            g.setFill(!warning.isEmpty() ? drops : i == 0 ? base : alt);
            g.fillRect(x0, yc - bh / 2, bw, bh);
            double end = x0 + bw; // where the bar or its whisker ends: the label goes after it, never over it
            if (Double.isFinite(v.halfWidth()) && v.halfWidth() > 0) {
                double a = x0 + plotW * (v.mean() - v.halfWidth()) / max;
                double b = x0 + plotW * (v.mean() + v.halfWidth()) / max;
                end = Math.max(end, b);
                g.setStroke(ink);
                g.setLineWidth(1.2);
                g.strokeLine(a, yc, b, yc);
                g.strokeLine(a, yc - 5, a, yc + 5);
                g.strokeLine(b, yc - 5, b, yc + 5);
            }
            StringBuilder text = new StringBuilder(m.format(v.mean()));
            if (i > 0)
                text.append(" (")
                        .append(RelativeChange.of(comparison.deltaPercent(i, m)))
                        .append(')');
            text.append(lens.batch() ? " · done in " : " · p99 ")
                    .append(lens.time().format(comparison.value(i, lens.time()).mean()));
            String label = text + (warning.isEmpty() ? "" : " · ⚠ " + warning);
            labels.add(label);
            g.setTextAlign(TextAlignment.LEFT);
            double tx = end + 10;
            g.setFill(ink);
            g.fillText(text.toString(), tx, warning.isEmpty() ? yc : yc - 7);
            if (!warning.isEmpty()) {
                g.setFill(drops);
                g.setFont(Font.font(null, FontWeight.BOLD, 12));
                g.fillText("⚠ " + warning, tx, yc + 8);
            }
        }
    }

    /**
     * {@code s} whole if it fits in {@code width} pixels in {@code font}, else cut to fit with "…" (the whole name is
     * in the table and the report's key numbers). A count of characters let a wide name run past the chart's left
     * edge ("aper GPU, Standard_NC24ads…" in an exported report).
     */
    static String fitLabel(String s, double width, Font font) {
        if (frontier.app.Widgets.textWidth(s, font) <= width) return s;
        int n = s.length();
        while (n > 1 && frontier.app.Widgets.textWidth(s.substring(0, n - 1) + "…", font) > width) n--;
        return s.substring(0, n - 1) + "…";
    }
}
