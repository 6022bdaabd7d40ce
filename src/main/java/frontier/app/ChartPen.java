package frontier.app;

import javafx.geometry.VPos;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What the code-drawn charts draw with: the part of JavaFX's {@code GraphicsContext} they use, with the same
 * names and meanings, so one drawing goes to the screen ({@link FxPen}, on the canvas) or to any
 * {@code java.awt.Graphics2D} ({@link AwtPen}: a PNG at print resolution, or real vector SVG through JFreeSVG).
 */
public interface ChartPen {
    void setFill(Paint p);

    void setStroke(Paint p);

    void setLineWidth(double w);

    void setLineDashes(double... dashes);

    void setLineCap(StrokeLineCap cap);

    void setFont(Font f);

    void setTextAlign(TextAlignment a);

    void setTextBaseline(VPos b);

    void fillText(String text, double x, double y);

    void strokeLine(double x1, double y1, double x2, double y2);

    void strokeRect(double x, double y, double w, double h);

    void fillRect(double x, double y, double w, double h);

    void fillOval(double x, double y, double w, double h);

    void strokeOval(double x, double y, double w, double h);

    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    void closePath();

    void rect(double x, double y, double w, double h);

    void fill();

    void stroke();

    void clip();

    void save();

    void restore();

    void translate(double x, double y);

    /** Rotates by {@code degrees}, clockwise on screen as in JavaFX. */
    void rotate(double degrees);
}
