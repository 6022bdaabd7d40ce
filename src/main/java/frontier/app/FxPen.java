package frontier.app;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** A {@link ChartPen} drawing on a canvas: every call goes straight to its {@link GraphicsContext}. */
public record FxPen(GraphicsContext g) implements ChartPen {
    @Override
    public void setFill(Paint p) {
        g.setFill(p);
    }

    @Override
    public void setStroke(Paint p) {
        g.setStroke(p);
    }

    @Override
    public void setLineWidth(double w) {
        g.setLineWidth(w);
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes);
    }

    @Override
    public void setLineCap(StrokeLineCap cap) {
        g.setLineCap(cap);
    }

    @Override
    public void setFont(Font f) {
        g.setFont(f);
    }

    @Override
    public void setTextAlign(TextAlignment a) {
        g.setTextAlign(a);
    }

    @Override
    public void setTextBaseline(VPos b) {
        g.setTextBaseline(b);
    }

    @Override
    public void fillText(String text, double x, double y) {
        g.fillText(text, x, y);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void fillOval(double x, double y, double w, double h) {
        g.fillOval(x, y, w, h);
    }

    @Override
    public void strokeOval(double x, double y, double w, double h) {
        g.strokeOval(x, y, w, h);
    }

    @Override
    public void beginPath() {
        g.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        g.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        g.lineTo(x, y);
    }

    @Override
    public void closePath() {
        g.closePath();
    }

    @Override
    public void rect(double x, double y, double w, double h) {
        g.rect(x, y, w, h);
    }

    @Override
    public void fill() {
        g.fill();
    }

    @Override
    public void stroke() {
        g.stroke();
    }

    @Override
    public void clip() {
        g.clip();
    }

    @Override
    public void save() {
        g.save();
    }

    @Override
    public void restore() {
        g.restore();
    }

    @Override
    public void translate(double x, double y) {
        g.translate(x, y);
    }

    @Override
    public void rotate(double degrees) {
        g.rotate(degrees);
    }
}
