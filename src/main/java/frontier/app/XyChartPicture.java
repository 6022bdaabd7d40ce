package frontier.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Shape;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;

/**
 * A JavaFX {@link XYChart} (bar, stacked bar, line) drawn again from its data through a {@link ChartPen}, so the
 * charts of Simulate and Costs export like the code-drawn ones ({@link ChartExport}: PNG at print resolution,
 * vector SVG, the clipboard; the chart's title goes in the export's caption). What is drawn is what the chart
 * holds when asked: its series with the
 * colours and dashes the theme gave them on screen, its axes' bounds, tick labels (the axes' own formatters) and
 * titles, and a legend below the plot area, never over the data. A category axis may be on x (vertical bars) or
 * on y (horizontal bars); a stacked bar chart stacks credits downwards from zero.
 */
public final class XyChartPicture implements ExportableChart {
    /** Used when the chart has not been laid out (never shown). */
    static final double DEFAULT_WIDTH = 800;

    static final double DEFAULT_HEIGHT = 450;
    private static final Font LABEL = Font.font(11);
    private static final double SWATCH = 10;

    private final XYChart<?, ?> chart;

    public XyChartPicture(XYChart<?, ?> chart) {
        this.chart = chart;
    }

    @Override
    public double chartWidth() {
        return chart.getWidth() > 0 ? chart.getWidth() : DEFAULT_WIDTH;
    }

    @Override
    public double chartHeight() {
        return chart.getHeight() > 0 ? chart.getHeight() : DEFAULT_HEIGHT;
    }

    /** One series as drawn: its name, values by category or x, colour and dashes. */
    private record Drawn(
            String name, List<Object[]> points, Color colour, double[] dashes, boolean line, boolean symbols) {}

    @Override
    public void paint(ChartPen g) {
        Palette p = Palette.current();
        double w = chartWidth(), h = chartHeight();
        g.setFill(p.background());
        g.fillRect(0, 0, w, h);
        List<Drawn> series = series();
        double top = 10;
        List<List<Drawn>> legendRows = legendRows(series, w - 24);
        double legend = legendRows.isEmpty() ? 0 : legendRows.size() * 18 + 6;
        boolean horizontal = chart.getYAxis() instanceof CategoryAxis;
        Axis<?> valueAxis = horizontal ? chart.getXAxis() : chart.getYAxis();
        Axis<?> otherAxis = horizontal ? chart.getYAxis() : chart.getXAxis();
        double[] valueRange = range(valueAxis, series, true);
        List<String> categories = otherAxis instanceof CategoryAxis c ? categories(c, series) : List.of();
        double[] xRange = horizontal || !categories.isEmpty() ? null : range(otherAxis, series, false);

        // Margins: room for the y tick labels and title on the left, the x tick labels, title and legend below.
        double left = 16
                + (label(chart.getYAxis()).isEmpty() ? 0 : 18)
                + yLabelWidth(horizontal, categories, valueAxis, valueRange);
        double right = 16;
        double bottom = 26 + (label(chart.getXAxis()).isEmpty() ? 0 : 18) + legend;
        double pw = Math.max(1, w - left - right), ph = Math.max(1, h - top - bottom);

        g.setFont(LABEL);
        g.setFill(p.text());
        // Value-axis ticks and grid lines.
        double[] ticks = ticks(valueAxis, valueRange);
        for (double t : ticks) {
            String text = format(valueAxis, t);
            if (horizontal) xTick(g, p, left + pw * frac(t, valueRange), top, ph, text);
            else yTick(g, p, left, top + ph * (1 - frac(t, valueRange)), pw, text);
        }
        if (xRange != null) {
            for (double t : ticks(otherAxis, xRange))
                xTick(g, p, left + pw * frac(t, xRange), top, ph, format(otherAxis, t));
        }
        // Category labels, every k-th where they would overlap.
        if (!categories.isEmpty()) {
            double band = (horizontal ? ph : pw) / categories.size();
            double need = horizontal
                    ? 16
                    : categories.stream()
                                    .mapToDouble(s -> Widgets.textWidth(s, LABEL))
                                    .max()
                                    .orElse(0)
                            + 8;
            int every = Math.max(1, (int) Math.ceil(need / band));
            for (int i = 0; i < categories.size(); i += every) {
                if (horizontal) yLabel(g, p, left, top + ph - band * (i + 0.5), categories.get(i));
                else xLabel(g, p, left + band * (i + 0.5), top + ph, categories.get(i));
            }
        }

        g.save();
        g.beginPath();
        g.rect(left, top, pw, ph);
        g.clip();
        if (!categories.isEmpty()) bars(g, series, categories, valueRange, horizontal, left, top, pw, ph);
        else lines(g, series, xRange, valueRange, left, top, pw, ph);
        g.restore();

        g.setStroke(p.axis());
        g.setLineWidth(1);
        g.setLineDashes();
        g.strokeRect(left + 0.5, top + 0.5, pw, ph);
        // Axis titles.
        g.setFont(LABEL);
        g.setFill(p.text());
        String xTitle = label(chart.getXAxis());
        if (!xTitle.isEmpty()) {
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText(xTitle, left + pw / 2, top + ph + 24);
        }
        String yTitle = label(chart.getYAxis());
        if (!yTitle.isEmpty()) {
            g.save();
            g.translate(14, top + ph / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(yTitle, 0, 0);
            g.restore();
        }
        legend(g, p, legendRows, h - legend + 4);
    }

    // ---- data -------------------------------------------------------------------------------------

    private List<Drawn> series() {
        List<Drawn> out = new ArrayList<>();
        int i = 0;
        boolean horizontal = chart.getYAxis() instanceof CategoryAxis;
        for (XYChart.Series<?, ?> s : chart.getData()) {
            List<Object[]> pts = new ArrayList<>();
            Color colour = null;
            boolean symbols = false;
            for (XYChart.Data<?, ?> d : s.getData()) {
                Object x = d.getXValue(), y = d.getYValue();
                pts.add(horizontal ? new Object[] {y, x} : new Object[] {x, y});
                Node n = d.getNode();
                if (n != null && n.isVisible()) {
                    symbols = true;
                    if (colour == null) colour = fill(n);
                }
            }
            double[] dashes = new double[0];
            boolean line = false;
            if (s.getNode() instanceof Shape path) {
                Color stroke = path.getStroke() instanceof Color c ? c : null;
                line = path.isVisible() && stroke != null && stroke.getOpacity() > 0 && path.getStrokeWidth() > 0;
                if (line) colour = stroke;
                dashes = path.getStrokeDashArray().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray();
            }
            if (colour == null || colour.getOpacity() == 0)
                colour = Palette.current().series(i);
            boolean isLine = !(chart instanceof BarChart<?, ?> || chart instanceof StackedBarChart<?, ?>);
            out.add(new Drawn(
                    s.getName() == null ? "" : s.getName(), pts, colour, dashes, isLine && line, isLine && symbols));
            i++;
        }
        return out;
    }

    /** The fill a region got from the style sheet (its first background fill), or null. */
    private static Color fill(Node n) {
        if (n instanceof Region r) {
            Background b = r.getBackground();
            if (b != null) {
                for (var f : b.getFills()) {
                    if (f.getFill() instanceof Color c && c.getOpacity() > 0) return c;
                }
            }
        }
        if (n instanceof Shape s && s.getFill() instanceof Color c) return c;
        return null;
    }

    private static List<String> categories(CategoryAxis axis, List<Drawn> series) {
        if (!axis.getCategories().isEmpty()) return List.copyOf(axis.getCategories());
        Set<String> seen = new LinkedHashSet<>();
        for (Drawn d : series) for (Object[] pt : d.points()) seen.add(String.valueOf(pt[0]));
        return List.copyOf(seen);
    }

    /** The axis's bounds once laid out; otherwise the data's range (stacked sums for a stacked chart), from 0 for bars. */
    private double[] range(Axis<?> axis, List<Drawn> series, boolean value) {
        if (axis instanceof ValueAxis<?> v && chart.getWidth() > 0 && v.getUpperBound() > v.getLowerBound()) {
            return new double[] {v.getLowerBound(), v.getUpperBound()};
        }
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean bars = chart instanceof BarChart<?, ?> || chart instanceof StackedBarChart<?, ?>;
        if (value && chart instanceof StackedBarChart<?, ?>) {
            Map<Object, double[]> stacks = new LinkedHashMap<>();
            for (Drawn d : series) {
                for (Object[] pt : d.points()) {
                    double y = number(pt[1]);
                    double[] s = stacks.computeIfAbsent(pt[0], k -> new double[2]);
                    if (y < 0) s[0] += y;
                    else s[1] += y;
                }
            }
            for (double[] s : stacks.values()) {
                lo = Math.min(lo, s[0]);
                hi = Math.max(hi, s[1]);
            }
        } else {
            for (Drawn d : series) {
                for (Object[] pt : d.points()) {
                    double v = number(pt[value ? 1 : 0]);
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        if (!Double.isFinite(lo)) return new double[] {0, 1};
        if (bars || value) lo = Math.min(lo, 0);
        if (!(hi > lo)) hi = lo + 1;
        double[] t = CanvasPlot.ticks(lo, hi, 6);
        double step = t.length > 1 ? t[1] - t[0] : hi - lo;
        return new double[] {Math.floor(lo / step) * step, Math.ceil(hi / step) * step};
    }

    private static double[] ticks(Axis<?> axis, double[] range) {
        if (axis instanceof NumberAxis n
                && !n.isAutoRanging()
                && n.getTickUnit() > 0
                && (range[1] - range[0]) / n.getTickUnit() <= 50) {
            List<Double> out = new ArrayList<>();
            double unit = n.getTickUnit();
            for (double v = Math.ceil(range[0] / unit - 1e-9) * unit; v <= range[1] + unit * 1e-9; v += unit)
                out.add(v);
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return CanvasPlot.ticks(range[0], range[1], 6);
    }

    @SuppressWarnings("unchecked")
    private static String format(Axis<?> axis, double value) {
        double v = value == 0 ? 0 : value; // never "-0"
        if (axis instanceof ValueAxis<?> va && va.getTickLabelFormatter() != null) {
            return ((StringConverter<Number>) va.getTickLabelFormatter()).toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.US, "%,d", (long) v);
        return String.format(Locale.US, "%,.2f", v);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static double frac(double v, double[] range) {
        return (v - range[0]) / (range[1] - range[0]);
    }

    private static String label(Axis<?> axis) {
        return axis.getLabel() == null ? "" : axis.getLabel();
    }

    private double yLabelWidth(boolean horizontal, List<String> categories, Axis<?> valueAxis, double[] valueRange) {
        if (horizontal)
            return Math.min(
                            200,
                            categories.stream()
                                    .mapToDouble(s -> Widgets.textWidth(s, LABEL))
                                    .max()
                                    .orElse(0))
                    + 8;
        double max = 0;
        for (double t : ticks(valueAxis, valueRange))
            max = Math.max(max, Widgets.textWidth(format(valueAxis, t), LABEL));
        return max + 8;
    }

    // ---- drawing ----------------------------------------------------------------------------------

    private void bars(
            ChartPen g,
            List<Drawn> series,
            List<String> categories,
            double[] range,
            boolean horizontal,
            double left,
            double top,
            double pw,
            double ph) {
        boolean stacked = chart instanceof StackedBarChart<?, ?>;
        int n = categories.size();
        double band = (horizontal ? ph : pw) / n;
        double gap = Math.min(band * 0.2, 12);
        int perBand = stacked ? 1 : Math.max(1, series.size());
        // Bars no thicker than 70 px however few the categories, as on screen; centred in their band.
        double thick = Math.min(70, Math.max(1, (band - gap) / perBand));
        double[] up = new double[n], down = new double[n];
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) index.put(categories.get(i), i);
        double zero = clamp(frac(0, range));
        for (int s = 0; s < series.size(); s++) {
            Drawn d = series.get(s);
            g.setFill(d.colour());
            for (Object[] pt : d.points()) {
                Integer i = index.get(String.valueOf(pt[0]));
                double v = number(pt[1]);
                if (i == null || !Double.isFinite(v) || v == 0) continue;
                double from, to;
                if (stacked) {
                    if (v < 0) {
                        from = down[i];
                        to = down[i] += v;
                    } else {
                        from = up[i];
                        to = up[i] += v;
                    }
                } else {
                    from = 0;
                    to = v;
                }
                double a = clamp(frac(from, range)), b = clamp(frac(to, range));
                double offset = (band - thick * perBand) / 2 + (stacked ? 0 : s * thick);
                if (horizontal) {
                    double y = top + ph - band * (i + 1) + offset;
                    g.fillRect(left + pw * Math.min(a, b), y, Math.max(0.5, pw * Math.abs(b - a)), thick);
                } else {
                    double x = left + band * i + offset;
                    g.fillRect(x, top + ph * (1 - Math.max(a, b)), thick, Math.max(0.5, ph * Math.abs(b - a)));
                }
            }
        }
        if (range[0] < 0) {
            g.setStroke(Palette.current().axis());
            g.setLineWidth(1);
            if (horizontal) g.strokeLine(left + pw * zero, top, left + pw * zero, top + ph);
            else g.strokeLine(left, top + ph * (1 - zero), left + pw, top + ph * (1 - zero));
        }
    }

    private static void lines(
            ChartPen g,
            List<Drawn> series,
            double[] xRange,
            double[] yRange,
            double left,
            double top,
            double pw,
            double ph) {
        for (Drawn d : series) {
            g.setStroke(d.colour());
            g.setFill(d.colour());
            if (d.line()) {
                g.setLineWidth(2);
                g.setLineDashes(d.dashes());
                g.beginPath();
                boolean first = true;
                for (Object[] pt : d.points()) {
                    double x = number(pt[0]), y = number(pt[1]);
                    if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                    double px = left + pw * frac(x, xRange), py = top + ph * (1 - frac(y, yRange));
                    if (first) g.moveTo(px, py);
                    else g.lineTo(px, py);
                    first = false;
                }
                g.stroke();
                g.setLineDashes();
            }
            if (d.symbols()) {
                for (Object[] pt : d.points()) {
                    double x = number(pt[0]), y = number(pt[1]);
                    if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                    g.fillOval(left + pw * frac(x, xRange) - 4, top + ph * (1 - frac(y, yRange)) - 4, 8, 8);
                }
            }
        }
    }

    private static double clamp(double f) {
        return Math.max(0, Math.min(1, f));
    }

    private static void yTick(ChartPen g, Palette p, double left, double y, double pw, String text) {
        g.setLineWidth(1);
        g.setStroke(p.grid());
        g.strokeLine(left, y, left + pw, y);
        g.setStroke(p.axis());
        g.strokeLine(left - 5, y, left, y);
        yLabel(g, p, left, y, text);
    }

    private static void yLabel(ChartPen g, Palette p, double left, double y, String text) {
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, left - 7, y);
    }

    private static void xTick(ChartPen g, Palette p, double x, double top, double ph, String text) {
        g.setLineWidth(1);
        g.setStroke(p.grid());
        g.strokeLine(x, top, x, top + ph);
        g.setStroke(p.axis());
        g.strokeLine(x, top + ph, x, top + ph + 5);
        xLabel(g, p, x, top + ph, text);
    }

    private static void xLabel(ChartPen g, Palette p, double x, double bottomY, String text) {
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(text, x, bottomY + 7);
    }

    /** The legend's entries in rows that fit {@code width}; a chart with one unnamed series has none. */
    private static List<List<Drawn>> legendRows(List<Drawn> series, double width) {
        List<List<Drawn>> rows = new ArrayList<>();
        List<Drawn> row = new ArrayList<>();
        double used = 0;
        for (Drawn d : series) {
            if (d.name().isBlank()) continue;
            double w = entryWidth(d);
            if (!row.isEmpty() && used + w > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(d);
            used += w;
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }

    private static double entryWidth(Drawn d) {
        return SWATCH + 6 + Widgets.textWidth(d.name(), LABEL) + 18;
    }

    private static void legend(ChartPen g, Palette p, List<List<Drawn>> rows, double y) {
        g.setFont(LABEL);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (List<Drawn> row : rows) {
            double x = 12;
            for (Drawn d : row) {
                Paint c = d.colour();
                if (d.line() && !d.symbols()) {
                    g.setStroke(c);
                    g.setLineWidth(2);
                    g.setLineDashes(d.dashes());
                    g.strokeLine(x, y + 7, x + SWATCH + 4, y + 7);
                    g.setLineDashes();
                } else if (d.symbols() && !d.line()) {
                    g.setFill(c);
                    g.fillOval(x + 1, y + 2, SWATCH, SWATCH);
                } else {
                    g.setFill(c);
                    g.fillRect(x, y + 2, SWATCH, SWATCH);
                }
                g.setFill(p.text());
                g.fillText(d.name(), x + SWATCH + 8, y + 7);
                x += entryWidth(d);
            }
            y += 18;
        }
    }
}
