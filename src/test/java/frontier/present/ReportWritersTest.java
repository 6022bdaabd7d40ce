package frontier.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The report writers, without JavaFX: a self-contained HTML page and a PDF that PDFBox reads back. */
class ReportWritersTest {
    private static final String SVG = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"20\"><text x=\"2\" y=\"12\">Cost"
            + " per 1,000</text></svg>";

    private static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLUE);
        g.drawLine(0, h, w, 0);
        g.dispose();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    private static Report report() throws Exception {
        return new Report(
                "Sweep: tiny <sweep>",
                "tiny-sweep.json · 6 configurations",
                "Which configuration serves p99 under 800 ms for the least money?",
                "Keep 1 instance warm, at most 6 instances.",
                "Saves 41.20 USD per 1,000 requests (35%) against the current setting.",
                List.of(
                        new Report.Figure(
                                "Cost against latency",
                                SVG,
                                png(800, 400),
                                400,
                                200,
                                "Every configuration; the front in blue."),
                        new Report.KeyNumbers(
                                "Key numbers",
                                List.of(
                                        new Report.Number("p99 latency", "612 ms", "580–650 ms (95%)"),
                                        new Report.Number("Cost per 1,000 requests", "0.42 USD", "0.40–0.44 USD"))),
                        new Report.Bullets(
                                "Assumptions",
                                List.of(
                                        "Prices: shipped catalogue as of 2025-06-01",
                                        "Traffic: Poisson, 4 requests/s",
                                        "SLO: p99 ≤ 800 ms")),
                        new Report.Bullets("Not modelled", List.of("Network latency between regions"))),
                "Frontier test · prices as of 2025-06-01");
    }

    @Test
    void htmlIsSelfContainedWithTheChartInlineAndEveryTextEscaped() throws Exception {
        String html = HtmlReport.html(report());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>Sweep: tiny &lt;sweep&gt;</title>"), "escaped title");
        assertTrue(
                html.contains("<figure><svg xmlns=\"http://www.w3.org/2000/svg\""), "SVG inline, without its DOCTYPE");
        assertFalse(html.contains("<!DOCTYPE svg"));
        assertTrue(html.contains("580–650 ms (95%)"));
        assertTrue(html.contains("<li>SLO: p99 ≤ 800 ms</li>"));
        assertFalse(
                html.contains("http://")
                        && html.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "nothing fetched");
    }

    @Test
    void htmlFallsBackToAPngDataUriWhenAFigureHasNoSvg() throws Exception {
        Report r =
                new Report("t", "", "", "", "", List.of(new Report.Figure("Chart", null, png(20, 10), 20, 10, "")), "");
        assertTrue(HtmlReport.html(r).contains("src=\"data:image/png;base64,iVBOR"));
    }

    @Test
    void pdfHasPagesPdfBoxReadsBackWithTheQuestionRecommendationAndNumbers() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PdfReport.write(report(), b);
        try (PDDocument doc = Loader.loadPDF(b.toByteArray())) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 1 && pages <= 3, pages + " pages");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Which configuration serves p99 under 800 ms"), text);
            assertTrue(text.contains("Keep 1 instance warm"), text);
            assertTrue(text.contains("0.40–0.44 USD"), text);
            assertTrue(text.contains("SLO: p99 ? 800 ms"), "≤ is outside WinAnsi: written as '?'\n" + text);
            int images = 0;
            for (var name : doc.getPage(0).getResources().getXObjectNames()) images++;
            assertEquals(1, images, "the chart is an image on the first page");
        }
    }

    @Test
    void longTextWrapsWithinThePageAndFlowsOntoMorePages() throws Exception {
        String para = "word ".repeat(3000);
        Report r = new Report("Long", "", para, "", "", List.of(), "src");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PdfReport.write(r, b);
        try (PDDocument doc = Loader.loadPDF(b.toByteArray())) {
            assertTrue(doc.getNumberOfPages() >= 2, doc.getNumberOfPages() + " pages");
        }
    }

    @Test
    void aLongKeyNumberNameWrapsWithinItsColumnInsteadOfRunningIntoTheValue() throws Exception {
        String name = "1. Spot + fallback, Standard_NC40ads_H100_v5: Cost / 1,000 requests per month";
        Report r = new Report(
                "t",
                "",
                "",
                "",
                "",
                List.of(new Report.KeyNumbers("Key numbers", List.of(new Report.Number(name, "$19.98", "± $0.524")))),
                "src");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        PdfReport.write(r, b);
        try (PDDocument doc = Loader.loadPDF(b.toByteArray())) {
            List<String> lines = new PDFTextStripper().getText(doc).lines().toList();
            String withValue =
                    lines.stream().filter(l -> l.contains("$19.98")).findFirst().orElseThrow();
            assertTrue(withValue.contains("1. Spot + fallback"), withValue);
            assertTrue(!withValue.contains("per month"), "the name's end is on the next line: " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.trim().endsWith("per month")), lines + "");
        }
    }
}
