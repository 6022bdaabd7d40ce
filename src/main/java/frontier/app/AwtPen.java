package frontier.app;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A {@link ChartPen} drawing on a {@code java.awt.Graphics2D}: a {@code BufferedImage}'s (PNG) or JFreeSVG's
 * (vector SVG). Keeps the JavaFX state (fill and stroke colours, line width, dashes, font, text alignment and
 * baseline) itself and applies it per call, with the same save/restore stack as a canvas. Only plain colours
 * are drawn (the charts use no gradients); any other paint draws black.
 */
public final class AwtPen implements ChartPen {
    private record State(
            java.awt.Color fill,
            java.awt.Color stroke,
            double lineWidth,
            float[] dashes,
            int cap,
            java.awt.Font font,
            TextAlignment align,
            VPos baseline,
            AffineTransform transform,
            Shape clip) {}

    private final Graphics2D g;
    private final Deque<State> saved = new ArrayDeque<>();
    private java.awt.Color fill = java.awt.Color.BLACK;
    private java.awt.Color stroke = java.awt.Color.BLACK;
    private double lineWidth = 1;
    private float[] dashes;
    private int cap = BasicStroke.CAP_SQUARE;
    private java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12);
    private TextAlignment align = TextAlignment.LEFT;
    private VPos baseline = VPos.BASELINE;
    private Path2D.Double path = new Path2D.Double();

    public AwtPen(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    static java.awt.Color awt(Paint p) {
        if (p instanceof Color c)
            return new java.awt.Color(
                    (float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
        return java.awt.Color.BLACK;
    }

    static java.awt.Font awt(Font f) {
        String style = f.getStyle().toLowerCase(java.util.Locale.ROOT);
        int s = (style.contains("bold") ? java.awt.Font.BOLD : 0)
                | (style.contains("italic") ? java.awt.Font.ITALIC : 0);
        String family = f.getFamily();
        String name = family == null || family.equalsIgnoreCase("System") ? java.awt.Font.SANS_SERIF : family;
        return new java.awt.Font(name, s, 1).deriveFont((float) f.getSize());
    }

    @Override
    public void setFill(Paint p) {
        fill = awt(p);
    }

    @Override
    public void setStroke(Paint p) {
        stroke = awt(p);
    }

    @Override
    public void setLineWidth(double w) {
        lineWidth = w;
    }

    @Override
    public void setLineDashes(double... d) {
        if (d == null || d.length == 0) {
            dashes = null;
            return;
        }
        dashes = new float[d.length];
        for (int i = 0; i < d.length; i++) dashes[i] = (float) d[i];
    }

    @Override
    public void setLineCap(StrokeLineCap c) {
        cap = switch (c) {
            case BUTT -> BasicStroke.CAP_BUTT;
            case ROUND -> BasicStroke.CAP_ROUND;
            case SQUARE -> BasicStroke.CAP_SQUARE;
        };
    }

    @Override
    public void setFont(Font f) {
        font = awt(f);
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        align = a;
    }

    @Override
    public void setTextBaseline(VPos b) {
        baseline = b;
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (text == null || text.isEmpty()) return;
        g.setFont(font);
        var m = g.getFontMetrics(font);
        double w = m.getStringBounds(text, g).getWidth();
        double dx =
                switch (align) {
                    case CENTER -> -w / 2;
                    case RIGHT -> -w;
                    default -> 0;
                };
        double dy =
                switch (baseline) {
                    case TOP -> m.getAscent();
                    case CENTER -> (m.getAscent() - m.getDescent()) / 2.0;
                    case BOTTOM -> -m.getDescent();
                    default -> 0;
                };
        g.setColor(fill);
        g.drawString(text, (float) (x + dx), (float) (y + dy));
    }

    private void draw(Shape s) {
        g.setColor(stroke);
        g.setStroke(new BasicStroke((float) lineWidth, cap, BasicStroke.JOIN_MITER, 10f, dashes, 0f));
        g.draw(s);
    }

    private void paint(Shape s) {
        g.setColor(fill);
        g.fill(s);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        paint(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        paint(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        draw(new Ellipse2D.Double(x, y, w, h));
    }

    @Override
    public void beginPath() {
        path = new Path2D.Double();
    }

    @Override
    public void moveTo(double x, double y) {
        path.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        if (path.getCurrentPoint() == null) path.moveTo(x, y);
        else path.lineTo(x, y);
    }

    @Override
    public void closePath() {
        if (path.getCurrentPoint() != null) path.closePath();
    }

    @Override
    public void rect(double x, double y, double w, double h) {
        path.append(new Rectangle2D.Double(x, y, w, h), false);
    }

    @Override
    public void fill() {
        paint(path);
    }

    @Override
    public void stroke() {
        draw(path);
    }

    @Override
    public void clip() {
        g.clip(path);
    }

    @Override
    public void save() {
        saved.push(
                new State(fill, stroke, lineWidth, dashes, cap, font, align, baseline, g.getTransform(), g.getClip()));
    }

    @Override
    public void restore() {
        State s = saved.poll();
        if (s == null) return;
        fill = s.fill();
        stroke = s.stroke();
        lineWidth = s.lineWidth();
        dashes = s.dashes();
        cap = s.cap();
        font = s.font();
        align = s.align();
        baseline = s.baseline();
        g.setTransform(s.transform());
        g.setClip(s.clip());
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(Math.toRadians(degrees));
    }
}
