package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.testing.FxAppExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Chart export: the same drawing as on screen, at print resolution as PNG and as real vector SVG, with its caption. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class ChartExportTest {
    /** A 400 × 300 chart: a red diagonal line, a blue filled square at (10, 10) and an axis label. */
    private static final ExportableChart CHART = new ExportableChart() {
        @Override
        public double chartWidth() {
            return 400;
        }

        @Override
        public double chartHeight() {
            return 300;
        }

        @Override
        public void paint(ChartPen g) {
            g.setStroke(Color.RED);
            g.setLineWidth(2);
            g.strokeLine(0, 300, 400, 0);
            g.setFill(Color.BLUE);
            g.fillRect(10, 10, 40, 40);
            g.setFill(Color.BLACK);
            g.setFont(Font.font(11));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            g.fillText("p99 latency (ms)", 200, 280);
        }
    };

    private static final ChartCaption CAPTION = new ChartCaption(
            "Cost against latency", "tiny-sweep.json · 6 configurations", "Frontier test · prices as of 2025-06-01");

    @TempDir
    Path dir;

    @Test
    void pngIsAtLeastTwiceTheChartsSizeOnScreenWithTheCaptionAboveAndBelow() throws Exception {
        Path png = dir.resolve("chart.png");
        ChartExport.writePng(CHART, CAPTION, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 2 * 400, "width " + image.getWidth());
        assertTrue(
                image.getHeight() >= 2 * 300 + 2 * (ChartExport.HEADER + ChartExport.FOOTER) - 1,
                "height " + image.getHeight());
        // The chart is drawn below the header at twice the scale: the blue square's centre (30, 30) lands at 2 × (30,
        // 30 + header).
        int blue = image.getRGB(60, (int) (2 * (30 + ChartExport.HEADER)));
        assertEquals(0x0000ff, blue & 0xffffff, "the chart's blue square, scaled 2x below the header");
        assertEquals(0xffffff, image.getRGB(image.getWidth() - 3, 3) & 0xffffff, "white background");
    }

    @Test
    void svgIsVectorXmlWithTheTitleSubtitleSourceAndTheChartsOwnText() throws Exception {
        String svg = ChartExport.svg(CHART, CAPTION);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(
                "http://apache.org/xml/features/nonvalidating/load-external-dtd",
                false); // offline: skip the SVG 1.1 DTD
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                "svg",
                doc.getDocumentElement().getLocalName() == null
                        ? doc.getDocumentElement().getNodeName()
                        : doc.getDocumentElement().getLocalName());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("Cost against latency"), text);
        assertTrue(text.contains("tiny-sweep.json"), text);
        assertTrue(text.contains("prices as of 2025-06-01"), text);
        assertTrue(text.contains("p99 latency (ms)"), text);
        assertFalse(svg.contains("<image"), "no embedded bitmap");
        assertTrue(svg.contains("<line") || svg.contains("<path"), "the line is a vector element");
    }

    @Test
    void aChartExportedWhileTheAppIsDarkIsDrawnInTheLightPaletteAndTheScreenKeepsTheDarkOne() throws Exception {
        // A chart that paints its plot area in the palette's background, as the app's canvas charts do.
        ExportableChart themed = new ExportableChart() {
            @Override
            public double chartWidth() {
                return 200;
            }

            @Override
            public double chartHeight() {
                return 100;
            }

            @Override
            public void paint(ChartPen g) {
                g.setFill(Palette.current().background());
                g.fillRect(0, 0, 200, 100);
            }
        };
        java.util.concurrent.CompletableFuture<BufferedImage> exported = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicReference<Palette> onScreen =
                new java.util.concurrent.atomic.AtomicReference<>();
        javafx.application.Platform.runLater(() -> {
            try {
                Palette.use(Theme.DARK);
                BufferedImage image = ChartExport.image(themed, CAPTION, 1);
                onScreen.set(Palette.current());
                exported.complete(image);
            } catch (RuntimeException e) {
                exported.completeExceptionally(e);
            } finally {
                Palette.use(Theme.LIGHT);
            }
        });
        BufferedImage image = exported.get(30, java.util.concurrent.TimeUnit.SECONDS);
        Color light = Palette.of(Theme.LIGHT).background(),
                dark = Palette.of(Theme.DARK).background();
        assertFalse(light.equals(dark), "the themes' backgrounds differ, or this test shows nothing");
        int plot = image.getRGB(100, (int) (ChartExport.HEADER + 50)) & 0xffffff;
        assertEquals(rgb(light), plot, "the plot area in the light palette, on a white page under a dark caption");
        assertEquals(Palette.of(Theme.DARK), onScreen.get(), "the app's own charts keep the dark theme's palette");
    }

    private static int rgb(Color c) {
        return ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void svgFileIsWrittenAsUtf8() throws Exception {
        Path f = dir.resolve("chart.svg");
        ChartExport.writeSvg(CHART, CAPTION, f);
        assertTrue(Files.readString(f, StandardCharsets.UTF_8).contains("tiny-sweep.json \u00b7 6 configurations"));
    }

    @Test
    void sourceLineNamesTheVersionAndThePriceCatalogueDate() {
        assertTrue(
                ChartCaption.sourceLine().matches("Frontier \\S+ · prices as of \\d{4}-\\d{2}-\\d{2}"),
                ChartCaption.sourceLine());
    }
}
