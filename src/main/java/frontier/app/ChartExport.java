package frontier.app;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.VPos;
import javafx.scene.input.ClipboardContent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;
import org.jfree.svg.SVGGraphics2D;

/**
 * Exports a code-drawn chart with its caption: the title and subtitle above, the chart as drawn on screen, the
 * source line below. The chart draws itself once more through a {@link ChartPen} on a {@code Graphics2D}: a
 * {@code BufferedImage} at {@link #PRINT_SCALE}× for PNG and the clipboard, JFreeSVG's SVG graphics for real
 * vector SVG (paths and text, no embedded bitmap). The chart is drawn in the light theme's palette whatever the app's
 * theme ({@link Palette#exporting}): exports go on white pages under a caption drawn dark on white.
 */
public final class ChartExport {
    /** PNGs are drawn at this multiple of the on-screen size: print resolution (≈ 192 dpi for a 96 dpi screen). */
    public static final double PRINT_SCALE = 2;

    static final double HEADER = 50;
    static final double FOOTER = 24;

    private ChartExport() {}

    /** Total width and height in pixels (before scaling) of a chart exported with its caption. */
    public static double width(ExportableChart chart) {
        return Math.max(1, Math.ceil(chart.chartWidth()));
    }

    public static double height(ExportableChart chart) {
        return Math.max(1, Math.ceil(chart.chartHeight())) + HEADER + FOOTER;
    }

    /** The chart with its caption as an image {@code scale} times its on-screen size. */
    public static BufferedImage image(ExportableChart chart, ChartCaption caption, double scale) {
        int w = (int) Math.ceil(width(chart) * scale), h = (int) Math.ceil(height(chart) * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            compose(new AwtPen(g), chart, caption);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The chart with its caption as an SVG document. */
    public static String svg(ExportableChart chart, ChartCaption caption) {
        SVGGraphics2D g = new SVGGraphics2D(width(chart), height(chart));
        compose(new AwtPen(g), chart, caption);
        return g.getSVGDocument();
    }

    public static void writePng(ExportableChart chart, ChartCaption caption, Path target) throws IOException {
        if (!ImageIO.write(image(chart, caption, PRINT_SCALE), "png", target.toFile()))
            throw new IOException("no PNG writer");
    }

    public static void writeSvg(ExportableChart chart, ChartCaption caption, Path target) throws IOException {
        Files.writeString(target, svg(chart, caption), StandardCharsets.UTF_8);
    }

    /** Clipboard content holding the chart at print resolution as an image and its title as text (FX thread). */
    public static ClipboardContent clipboard(ExportableChart chart, ChartCaption caption) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(image(chart, caption, PRINT_SCALE), null));
        content.putString(caption.title());
        return content;
    }

    /** Draws the caption and the chart on {@code pen}, in unscaled pixels. */
    static void compose(ChartPen pen, ExportableChart chart, ChartCaption caption) {
        double w = width(chart), h = height(chart), ch = h - HEADER - FOOTER;
        pen.setFill(Color.WHITE);
        pen.fillRect(0, 0, w, h);
        pen.setTextAlign(TextAlignment.LEFT);
        pen.setTextBaseline(VPos.TOP);
        pen.setFill(Color.web("#1f2933"));
        pen.setFont(Font.font(null, FontWeight.BOLD, 16));
        pen.fillText(caption.title(), 12, 8);
        pen.setFill(Color.web("#52606d"));
        pen.setFont(Font.font(12));
        pen.fillText(caption.subtitle(), 12, 30);
        pen.save();
        pen.translate(0, HEADER);
        pen.beginPath();
        pen.rect(0, 0, w, ch);
        pen.clip();
        // In the light theme's colours whatever the app's theme: the caption around it is dark on white.
        Palette.exporting(() -> chart.paint(pen));
        pen.restore();
        pen.setTextAlign(TextAlignment.LEFT);
        pen.setTextBaseline(VPos.BOTTOM);
        pen.setFill(Color.web("#7b8794"));
        pen.setFont(Font.font(10));
        pen.fillText(caption.source(), 12, h - 6);
    }
}
