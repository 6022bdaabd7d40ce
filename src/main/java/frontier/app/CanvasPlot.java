package frontier.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.stage.Window;

/**
 * The drawing surface of a chart drawn in code on one {@link Canvas}, as the Explore scatter and the Unit cost
 * chart are: the canvas fills its pane and is redrawn whenever it is resized; the plot area lies inside fixed
 * margins that leave room for the axes; a tooltip describes the point under the pointer. Also draws what those
 * charts' axes have in common (grid lines with tick marks and labels, the frame, the rotated y-axis title) and
 * picks round tick values. What is drawn where stays with each chart.
 */
public final class CanvasPlot {
    private final Canvas canvas = new Canvas();
    private final Pane pane = new Pane(canvas);
    private final Tooltip tooltip = new Tooltip();
    private final double left;
    private final double right;
    private final double top;
    private final double bottom;

    /** A canvas with the plot area inside the given margins (pixels); {@code redraw} runs after every resize. */
    public CanvasPlot(double left, double right, double top, double bottom, Runnable redraw) {
        this.left = left;
        this.right = right;
        this.top = top;
        this.bottom = bottom;
        canvas.widthProperty().bind(pane.widthProperty());
        canvas.heightProperty().bind(pane.heightProperty());
        canvas.widthProperty().addListener(o -> redraw.run());
        canvas.heightProperty().addListener(o -> redraw.run());
        tooltip.setShowDelay(javafx.util.Duration.ZERO);
        tooltip.setFont(Font.font(12));
    }

    public Canvas canvas() {
        return canvas;
    }

    /** The pane the canvas fills: what a chart lays out. */
    public Pane pane() {
        return pane;
    }

    public Tooltip tooltip() {
        return tooltip;
    }

    /** Width of the plot area in pixels (at least 1). */
    public double plotWidth() {
        return Math.max(1, canvas.getWidth() - left - right);
    }

    /** Height of the plot area in pixels (at least 1). */
    public double plotHeight() {
        return Math.max(1, canvas.getHeight() - top - bottom);
    }

    /** Shows {@code text} in the tooltip just below and right of the canvas pixel (px, py), once the canvas is in a window. */
    public void showTooltip(String text, double px, double py) {
        tooltip.setText(text);
        Window w = canvas.getScene() == null ? null : canvas.getScene().getWindow();
        if (w != null) {
            var p = canvas.localToScreen(px + 12, py + 12);
            tooltip.show(canvas, p.getX(), p.getY());
        }
    }

    /** The canvas cleared to the theme's background for a new drawing, or null while it has no area to draw on. */
    public ChartPen clear() {
        double w = canvas.getWidth(), h = canvas.getHeight();
        if (w <= 0 || h <= 0) return null;
        ChartPen g = new FxPen(canvas.getGraphicsContext2D());
        g.setFill(Palette.current().background());
        g.fillRect(0, 0, w, h);
        return g;
    }

    /** Runs {@code draw} clipped to the plot area; the graphics state is restored afterwards. */
    public void inPlotArea(ChartPen g, Runnable draw) {
        g.save();
        g.beginPath();
        g.rect(left, top, plotWidth(), plotHeight());
        g.clip();
        draw.run();
        g.restore();
    }

    /** The thin grey frame around the plot area. */
    public void frame(ChartPen g) {
        g.setStroke(Palette.current().axis());
        g.setLineWidth(1);
        g.strokeRect(left + 0.5, top + 0.5, plotWidth(), plotHeight());
    }

    /** A vertical grid line across the plot area at x = {@code px}, its tick mark below and {@code label} centred under it. */
    public void xTick(ChartPen g, double px, String label) {
        double bottomY = top + plotHeight();
        g.setLineWidth(1);
        g.setStroke(Palette.current().grid());
        g.strokeLine(px, top, px, bottomY);
        g.setStroke(Palette.current().axis());
        g.strokeLine(px, bottomY, px, bottomY + 5);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(label, px, bottomY + 7);
    }

    /** A horizontal grid line across the plot area at y = {@code py}, its tick mark left of it and {@code label} right-aligned there. */
    public void yTick(ChartPen g, double py, String label) {
        g.setLineWidth(1);
        g.setStroke(Palette.current().grid());
        g.strokeLine(left, py, left + plotWidth(), py);
        g.setStroke(Palette.current().axis());
        g.strokeLine(left - 5, py, left, py);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, left - 7, py);
    }

    /** {@code title} written upwards along the y axis, centred on the plot area, in the current font, fill and alignment. */
    public void yTitle(ChartPen g, String title) {
        g.save();
        g.translate(16, top + plotHeight() / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(title, 0, 0);
        g.restore();
    }

    /** Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering [lo, hi], about {@code target} of them. */
    public static double[] ticks(double lo, double hi, int target) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) return new double[] {lo};
        double raw = span / target;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * mag;
        for (double m : new double[] {1, 2, 2.5, 5}) {
            if (m * mag >= raw) {
                step = m * mag;
                break;
            }
        }
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9 && out.size() < 200; v += step)
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
