package frontier.app.explore;

import frontier.app.CanvasPlot;
import frontier.app.ChartPen;
import frontier.app.ExportableChart;
import frontier.app.Palette;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A scatter of every configuration (cost on x, latency on y) drawn on one {@link Canvas}, so that 10,000
 * points redraw in milliseconds where the built-in ScatterChart needs seconds. Draws the Pareto front as a
 * step line with its points emphasised (uncertain ones hollow), the weighted optimum, the selected and
 * compared points, SLO and budget lines and a legend. Zooms with the mouse wheel about the cursor, pans by
 * dragging, shows the nearest point within {@link #PICK_RADIUS} pixels in a tooltip, and reports clicks
 * (with Ctrl or Shift: "compare") to its listeners. {@link #toPixelX}/{@link #toPixelY} expose the mapping.
 */
public final class ScatterPlot implements ExportableChart {
    /** How near (in pixels) the pointer must be to a point to hover or pick it. */
    public static final double PICK_RADIUS = 6;

    static final double LEFT = 78;
    static final double RIGHT = 16;
    static final double TOP = 14;
    static final double BOTTOM = 50;

    private final CanvasPlot plot = new CanvasPlot(LEFT, RIGHT, TOP, BOTTOM, this::redraw);
    /** Redraws in the theme's colours when it changes (held here: the palette holds it weakly). */
    private final javafx.beans.InvalidationListener paletteListener = Palette.onChange(this::redraw);

    private final Canvas canvas = plot.canvas();
    private final Pane pane = plot.pane();

    private double[] x = new double[0];
    private double[] y = new double[0];
    private boolean[] feasible = new boolean[0];
    private boolean[] front = new boolean[0];
    private Boolean[] uncertain = new Boolean[0];
    private boolean[] drops = new boolean[0];
    private int[] frontOrder = new int[0];
    private int optimum = -1;
    private int selected = -1;
    private int compared = -1;
    private Double slo;
    private Double budget;
    private String xLabel = "Cost per 1,000 requests (USD)";
    private String yLabel = "p99 latency (ms)";
    private IntFunction<String> describe = i -> "point " + i;
    /** A third figure shown as each point's colour (null: none), its label and range; whether the front is a step line. */
    private double[] shade;

    private String shadeLabel = "";
    private double shadeMin, shadeMax;
    private boolean stepLine = true;
    /** The ends of the colour scale of {@link #shade}: low (blue) to high (red), readable on light and dark themes. */
    static final Color SHADE_LOW = Color.web("#3b6fd4");

    static final Color SHADE_HIGH = Color.web("#d4442e");

    private double x0 = 0, x1 = 1, y0 = 0, y1 = 1; // visible data range
    private double dragX, dragY;
    private boolean dragged;
    private int hovered = -1;
    private final List<IntConsumer> clickListeners = new ArrayList<>();
    private final List<IntConsumer> compareListeners = new ArrayList<>();

    public ScatterPlot() {
        pane.setId("explorePlot");
        canvas.setId("exploreCanvas");
        pane.setMinSize(200, 160);
        pane.setPrefSize(700, 480);
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> hideTooltip());
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(this::pan);
        canvas.setOnMouseReleased(this::release);
        canvas.setOnScroll(this::zoom);
    }

    public Pane node() {
        return pane;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Called with the index of a clicked point (plain click). */
    public void onClick(IntConsumer listener) {
        clickListeners.add(listener);
    }

    /** Called with the index of a point clicked with Ctrl or Shift. */
    public void onCompareClick(IntConsumer listener) {
        compareListeners.add(listener);
    }

    /** New data; the view is reset to show every point. */
    public void setData(double[] x, double[] y, boolean[] feasible, boolean[] front, Boolean[] uncertain) {
        this.x = x;
        this.y = y;
        this.feasible = feasible;
        this.front = front;
        this.uncertain = uncertain;
        frontOrder = frontOrder();
        resetView();
    }

    /** Same points, new flags (constraints changed): the view is kept. */
    public void setFlags(boolean[] feasible, boolean[] front, Boolean[] uncertain) {
        this.feasible = feasible;
        this.front = front;
        this.uncertain = uncertain;
        frontOrder = frontOrder();
        redraw();
    }

    /**
     * Colours every point by a third figure ({@code values}, one per point; null for none), e.g. the quality of a
     * sweep whose axes are cost and latency; the legend shows its range as a colour bar labelled {@code label}.
     */
    public void setShading(double[] values, String label) {
        shade = values;
        shadeLabel = label == null ? "" : label;
        shadeMin = Double.POSITIVE_INFINITY;
        shadeMax = Double.NEGATIVE_INFINITY;
        if (values != null) {
            for (double v : values) {
                if (!Double.isFinite(v)) continue;
                shadeMin = Math.min(shadeMin, v);
                shadeMax = Math.max(shadeMax, v);
            }
        }
        redraw();
    }

    /**
     * Whether the front is joined by the step line that bounds what it dominates: true for two objectives both minimised
     * (cost and latency); with a third objective or a maximised axis the front points are drawn alone.
     */
    public void setStepLine(boolean on) {
        stepLine = on;
        redraw();
    }

    /** The colour of value {@code v} on the shading's scale (the plain point colour when it has none). */
    Color shadeOf(double v) {
        if (!Double.isFinite(v) || !(shadeMax >= shadeMin))
            return Palette.current().point();
        double t = shadeMax > shadeMin ? (v - shadeMin) / (shadeMax - shadeMin) : 0.5;
        return SHADE_LOW.interpolate(SHADE_HIGH, t);
    }

    private boolean shaded(int i) {
        return shade != null && i < shade.length && Double.isFinite(shade[i]);
    }

    /** The front points by cost, then latency: the order of the step line. */
    private int[] frontOrder() {
        return java.util.stream.IntStream.range(0, x.length)
                .filter(i -> front[i])
                .boxed()
                .sorted((a, b) ->
                        Double.compare(x[a], x[b]) != 0 ? Double.compare(x[a], x[b]) : Double.compare(y[a], y[b]))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    public void setLabels(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        redraw();
    }

    public void setDescriber(IntFunction<String> describe) {
        this.describe = describe;
    }

    /** Which points drop or lose requests: drawn with a red cross over them, whatever their status. */
    public void setDrops(boolean[] drops) {
        this.drops = drops;
        redraw();
    }

    /**
     * The status point {@code i} is drawn with, from the same flags that colour it: "infeasible" (grey),
     * "front, uncertain" (hollow), "front" (filled) or "dominated" (small square). The details say the same.
     */
    public String drawnStatus(int i) {
        if (!feasible[i]) return "infeasible";
        if (front[i]) return Boolean.TRUE.equals(uncertain[i]) ? "front, uncertain" : "front";
        return "dominated";
    }

    /** Whether point {@code i} is drawn with the drops-requests cross. */
    public boolean drawnAsDropping(int i) {
        return i < drops.length && drops[i];
    }

    public void setMarks(int optimum, int selected, int compared) {
        this.optimum = optimum;
        this.selected = selected;
        this.compared = compared;
        redraw();
    }

    public void setLines(Double slo, Double budget) {
        this.slo = slo;
        this.budget = budget;
        redraw();
    }

    /** Shows every point (and the SLO and budget lines) with a margin. */
    public void resetView() {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        if (minX > maxX) {
            minX = 0;
            maxX = 1;
            minY = 0;
            maxY = 1;
        }
        if (maxX - minX < 1e-12) {
            double d = Math.max(Math.abs(minX) * 0.1, 1e-3);
            minX -= d;
            maxX += d;
        }
        if (maxY - minY < 1e-12) {
            double d = Math.max(Math.abs(minY) * 0.1, 1e-3);
            minY -= d;
            maxY += d;
        }
        double mx = (maxX - minX) * 0.06, my = (maxY - minY) * 0.06;
        x0 = minX - mx;
        x1 = maxX + mx;
        y0 = minY - my;
        y1 = maxY + my;
        redraw();
    }

    /** The visible data range: {cost from, cost to, latency from, latency to}. */
    public double[] visibleRange() {
        return new double[] {x0, x1, y0, y1};
    }

    public double toPixelX(double v) {
        return LEFT + (v - x0) / (x1 - x0) * plot.plotWidth();
    }

    public double toPixelY(double v) {
        return TOP + (y1 - v) / (y1 - y0) * plot.plotHeight();
    }

    private double fromPixelX(double px) {
        return x0 + (px - LEFT) / plot.plotWidth() * (x1 - x0);
    }

    private double fromPixelY(double py) {
        return y1 - (py - TOP) / plot.plotHeight() * (y1 - y0);
    }

    /** The point nearest to the pixel within {@code radius}, or −1; visible points only. */
    public int nearest(double px, double py, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < x.length; i++) {
            double dx = toPixelX(x[i]) - px, dy = toPixelY(y[i]) - py;
            double d = dx * dx + dy * dy;
            if (d <= bestD) {
                // Among points at the same distance, prefer the one drawn on top (front points).
                if (best >= 0 && d == bestD && !front[i]) continue;
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void hover(MouseEvent e) {
        int i = nearest(e.getX(), e.getY(), PICK_RADIUS);
        if (i == hovered) return;
        hovered = i;
        if (i < 0) {
            hideTooltip();
            return;
        }
        plot.showTooltip(describe.apply(i), toPixelX(x[i]), toPixelY(y[i]));
    }

    private void hideTooltip() {
        hovered = -1;
        plot.tooltip().hide();
    }

    /** The tooltip shown on hover (for tests). */
    public Tooltip tooltip() {
        return plot.tooltip();
    }

    private void pan(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY && e.getButton() != MouseButton.SECONDARY) return;
        double dx = e.getX() - dragX, dy = e.getY() - dragY;
        if (!dragged && Math.hypot(dx, dy) < 3) return;
        dragged = true;
        hideTooltip();
        double sx = dx / plot.plotWidth() * (x1 - x0), sy = dy / plot.plotHeight() * (y1 - y0);
        x0 -= sx;
        x1 -= sx;
        y0 += sy;
        y1 += sy;
        dragX = e.getX();
        dragY = e.getY();
        redraw();
    }

    private void release(MouseEvent e) {
        if (dragged || e.getButton() != MouseButton.PRIMARY) return;
        int i = nearest(e.getX(), e.getY(), PICK_RADIUS);
        if (i < 0) return;
        List<IntConsumer> to =
                e.isControlDown() || e.isShiftDown() || e.isShortcutDown() ? compareListeners : clickListeners;
        to.forEach(l -> l.accept(i));
    }

    private void zoom(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        zoomAt(e.getX(), e.getY(), Math.pow(1.003, -e.getDeltaY()));
    }

    /** Scales the visible range by {@code factor} (below 1 zooms in) keeping the data under the pixel fixed. */
    public void zoomAt(double px, double py, double factor) {
        double cx = fromPixelX(px), cy = fromPixelY(py);
        x0 = cx - (cx - x0) * factor;
        x1 = cx + (x1 - cx) * factor;
        y0 = cy - (cy - y0) * factor;
        y1 = cy + (y1 - cy) * factor;
        redraw();
    }

    /** Redraws everything; cheap enough (a few ms at 10,000 points) to call on every event. */
    public void redraw() {
        ChartPen g = plot.clear();
        if (g == null) return;
        paint(g);
    }

    @Override
    public double chartWidth() {
        return plot.canvas().getWidth();
    }

    @Override
    public double chartHeight() {
        return plot.canvas().getHeight();
    }

    /** Draws everything at the canvas's current size on {@code g}: the screen's canvas or an export. */
    @Override
    public void paint(ChartPen g) {
        double pw = plot.plotWidth(), ph = plot.plotHeight();
        plot.frame(g);
        axes(g, pw, ph);
        plot.inPlotArea(g, () -> points(g, pw, ph));
        legend(g, pw, ph);
    }

    /** Everything inside the plot area: SLO and budget lines, the points, the front and the marked points. */
    private void points(ChartPen g, double pw, double ph) {
        lines(g, pw, ph);
        // Ordinary points first, as small squares (fast), then the front on top.
        for (int i = 0; i < x.length; i++) {
            if (front[i] || !Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
            double px = toPixelX(x[i]), py = toPixelY(y[i]);
            if (px < LEFT - 4 || px > LEFT + pw + 4 || py < TOP - 4 || py > TOP + ph + 4) continue;
            g.setFill(
                    !feasible[i]
                            ? Palette.current().infeasible()
                            : shaded(i) ? shadeOf(shade[i]) : Palette.current().point());
            g.fillRect(px - 2.5, py - 2.5, 5, 5);
        }
        if (frontOrder.length > 0) {
            g.setStroke(Palette.current().front());
            g.setLineWidth(2);
            g.setLineCap(StrokeLineCap.ROUND);
            if (stepLine) {
                g.beginPath();
                // Step line: the boundary of the region the front dominates (both objectives minimised).
                g.moveTo(toPixelX(x[frontOrder[0]]), toPixelY(y[frontOrder[0]]));
                for (int k = 1; k < frontOrder.length; k++) {
                    int i = frontOrder[k];
                    g.lineTo(toPixelX(x[i]), toPixelY(y[frontOrder[k - 1]]));
                    g.lineTo(toPixelX(x[i]), toPixelY(y[i]));
                }
                g.stroke();
            }
            for (int i : frontOrder) {
                double px = toPixelX(x[i]), py = toPixelY(y[i]);
                if (Boolean.TRUE.equals(uncertain[i])) {
                    g.setFill(shaded(i) ? shadeOf(shade[i]) : Palette.current().background());
                    g.fillOval(px - 5, py - 5, 10, 10);
                    g.setStroke(Palette.current().front());
                    g.setLineWidth(2);
                    g.strokeOval(px - 4.5, py - 4.5, 9, 9);
                } else if (shaded(i)) {
                    // The front's colour as a thick ring, the point's own colour inside.
                    g.setFill(Palette.current().front());
                    g.fillOval(px - 6.5, py - 6.5, 13, 13);
                    g.setFill(shadeOf(shade[i]));
                    g.fillOval(px - 4, py - 4, 8, 8);
                } else {
                    g.setFill(Palette.current().front());
                    g.fillOval(px - 5.5, py - 5.5, 11, 11);
                }
            }
        }
        g.setStroke(Palette.current().anomaly());
        g.setLineWidth(2);
        for (int i = 0; i < Math.min(drops.length, x.length); i++) {
            if (!drops[i] || !Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
            double px = toPixelX(x[i]), py = toPixelY(y[i]);
            g.strokeLine(px - 6, py - 6, px + 6, py + 6);
            g.strokeLine(px - 6, py + 6, px + 6, py - 6);
        }
        ring(g, optimum, Palette.current().optimum(), 10, 3);
        ring(g, selected, Palette.current().selected(), 14, 2.5);
        ring(g, compared, Palette.current().compared(), 14, 2.5);
    }

    private void ring(ChartPen g, int i, Color c, double r, double width) {
        if (i < 0 || i >= x.length) return;
        g.setStroke(c);
        g.setLineWidth(width);
        g.strokeOval(toPixelX(x[i]) - r, toPixelY(y[i]) - r, 2 * r, 2 * r);
    }

    private void lines(ChartPen g, double pw, double ph) {
        g.setLineWidth(1.5);
        g.setLineDashes(8, 5);
        g.setFont(Font.font(null, FontWeight.BOLD, 11));
        if (slo != null) {
            double py = toPixelY(slo);
            g.setStroke(Palette.current().slo());
            g.strokeLine(LEFT, py, LEFT + pw, py);
            g.setFill(Palette.current().slo());
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("SLO " + tickLabel(slo, 0) + " ms", LEFT + 6, py - 2);
        }
        if (budget != null) {
            double px = toPixelX(budget);
            g.setStroke(Palette.current().budget());
            g.strokeLine(px, TOP, px, TOP + ph);
            g.setFill(Palette.current().budget());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.BOTTOM);
            g.fillText("budget $" + tickLabel(budget, 0), px - 4, TOP + ph - 4);
        }
        g.setLineDashes((double[]) null);
    }

    private void axes(ChartPen g, double pw, double ph) {
        g.setFont(Font.font(11));
        g.setFill(Palette.current().text());
        double[] xt = CanvasPlot.ticks(x0, x1, Math.max(2, (int) (pw / 90)));
        double[] yt = CanvasPlot.ticks(y0, y1, Math.max(2, (int) (ph / 50)));
        double xStep = xt.length > 1 ? xt[1] - xt[0] : 1, yStep = yt.length > 1 ? yt[1] - yt[0] : 1;
        boolean seconds = ySeconds(yLabel, y0, y1);
        double yDiv = seconds ? 1000 : 1;
        for (double v : xt) plot.xTick(g, Math.round(toPixelX(v)) + 0.5, tickLabel(v, xStep));
        for (double v : yt) plot.yTick(g, Math.round(toPixelY(v)) + 0.5, tickLabel(v / yDiv, yStep / yDiv));
        g.setFont(Font.font(null, FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(xLabel, LEFT + pw / 2, TOP + ph + BOTTOM - 4);
        plot.yTitle(g, seconds ? yLabel.replace("(ms)", "(s)") : yLabel);
    }

    /**
     * Whether a y axis of milliseconds reads in seconds: once its range reaches 10 s ("70 s" reads better than
     * "70,000 ms"); the values, the SLO and the details stay in milliseconds.
     */
    static boolean ySeconds(String yLabel, double y0, double y1) {
        return yLabel.endsWith("(ms)") && Math.max(Math.abs(y0), Math.abs(y1)) >= 10_000;
    }

    private void legend(ChartPen g, double pw, double ph) {
        String[] labels = {
            "dominated",
            "infeasible (SLO / budget)",
            "Pareto front",
            "front, uncertain",
            "weighted optimum",
            "selected",
            "compared",
            "drops requests"
        };
        double w = 190, rowH = 17;
        boolean bar = shade != null && shadeMax >= shadeMin;
        double h = labels.length * rowH + 10 + (bar ? 2 * rowH : 0);
        // The corner hiding the fewest points (front points count more); top right on ties.
        double[][] corners = {
            {LEFT + pw - w - 8, TOP + 8},
            {LEFT + 8, TOP + ph - h - 8},
            {LEFT + 8, TOP + 8},
            {LEFT + pw - w - 8, TOP + ph - h - 8}
        };
        double lx = corners[0][0], ly = corners[0][1];
        int fewest = Integer.MAX_VALUE;
        for (double[] c : corners) {
            int hidden = 0;
            for (int i = 0; i < x.length && hidden < fewest; i++) {
                double px = toPixelX(x[i]), py = toPixelY(y[i]);
                if (px >= c[0] - 6 && px <= c[0] + w + 6 && py >= c[1] - 6 && py <= c[1] + h + 6) {
                    hidden += front[i] || i == optimum || i == selected || i == compared ? 10 : 1;
                }
            }
            if (hidden < fewest) {
                fewest = hidden;
                lx = c[0];
                ly = c[1];
            }
        }
        g.setFill(Palette.current().overlay());
        g.fillRect(lx, ly, w, h);
        g.setStroke(Palette.current().overlayBorder());
        g.setLineWidth(1);
        g.strokeRect(lx + 0.5, ly + 0.5, w, h);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int k = 0; k < labels.length; k++) {
            double cx = lx + 16, cy = ly + 5 + rowH * k + rowH / 2;
            switch (k) {
                case 0 -> {
                    g.setFill(Palette.current().point());
                    g.fillRect(cx - 2, cy - 2, 4, 4);
                }
                case 1 -> {
                    g.setFill(Palette.current().infeasible());
                    g.fillRect(cx - 2, cy - 2, 4, 4);
                }
                case 2 -> {
                    g.setStroke(Palette.current().front());
                    g.setLineWidth(2);
                    g.strokeLine(cx - 10, cy, cx + 10, cy);
                    g.setFill(Palette.current().front());
                    g.fillOval(cx - 5.5, cy - 5.5, 11, 11);
                }
                case 3 -> {
                    g.setFill(Palette.current().background());
                    g.fillOval(cx - 5, cy - 5, 10, 10);
                    g.setStroke(Palette.current().front());
                    g.setLineWidth(2);
                    g.strokeOval(cx - 4.5, cy - 4.5, 9, 9);
                }
                case 4 -> legendRing(g, cx, cy, Palette.current().optimum(), 3);
                case 5 -> legendRing(g, cx, cy, Palette.current().selected(), 2.5);
                case 6 -> legendRing(g, cx, cy, Palette.current().compared(), 2.5);
                default -> {
                    g.setStroke(Palette.current().anomaly());
                    g.setLineWidth(2);
                    g.strokeLine(cx - 5, cy - 5, cx + 5, cy + 5);
                    g.strokeLine(cx - 5, cy + 5, cx + 5, cy - 5);
                }
            }
            g.setFill(Palette.current().text());
            g.fillText(labels[k], lx + 34, cy);
        }
        if (bar) {
            // The colour scale of the third figure: its label, then a bar from its lowest to its highest value.
            double cy = ly + 5 + rowH * labels.length + rowH / 2;
            g.setFill(Palette.current().text());
            g.fillText("colour: " + shadeLabel, lx + 6, cy);
            double by = cy + rowH - 5, bx = lx + 6, bw = w - 12;
            int steps = 24;
            for (int k = 0; k < steps; k++) {
                g.setFill(SHADE_LOW.interpolate(SHADE_HIGH, (k + 0.5) / steps));
                g.fillRect(bx + bw * k / steps, by - 4, bw / steps + 0.5, 8);
            }
            double step = shadeMax > shadeMin ? (shadeMax - shadeMin) / 10 : 0;
            g.setFill(Palette.current().text());
            g.setTextBaseline(VPos.TOP);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(tickLabel(shadeMin, step), bx, by + 5);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(tickLabel(shadeMax, step), bx + bw, by + 5);
        }
    }

    private static void legendRing(ChartPen g, double cx, double cy, Color c, double width) {
        g.setStroke(c);
        g.setLineWidth(width);
        g.strokeOval(cx - 6, cy - 6, 12, 12);
    }

    /** Number of points drawn as front points (for tests). */
    public int frontCount() {
        return frontOrder.length;
    }

    /** A tick label: enough decimals for the step, thousands separators. */
    static String tickLabel(double v, double step) {
        int decimals = step <= 0 ? 2 : Math.max(0, Math.min(6, (int) Math.ceil(-Math.log10(step) + 1e-9)));
        if (step > 0 && Math.abs(step * Math.pow(10, decimals) - Math.round(step * Math.pow(10, decimals))) > 1e-6)
            decimals++;
        if (step == 0) decimals = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 1 ? 2 : 4;
        return String.format(Locale.US, "%,." + decimals + "f", v);
    }
}
