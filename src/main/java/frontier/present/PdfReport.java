package frontier.present;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes a {@link Report} as an A4 PDF with Apache PDFBox: the title, the question, the recommendation and its
 * saving, then the sections in order (charts as their print-resolution PNG, key numbers as a table, lists),
 * flowing onto further pages as needed and the source line at the foot of every page. Uses the standard
 * Helvetica fonts, so characters outside WinAnsi are written as '?'.
 */
public final class PdfReport {
    private static final float MARGIN = 50;
    private static final PDFont REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDFont BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final PDDocument doc;
    private final Report report;
    private PDPageContentStream out;
    private float y;

    private PdfReport(PDDocument doc, Report report) {
        this.doc = doc;
        this.report = report;
    }

    /** Writes {@code r} as a PDF to {@code target} (not closed). */
    public static void write(Report r, OutputStream target) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PdfReport w = new PdfReport(doc, r);
            w.body();
            w.finishPage();
            doc.getDocumentInformation().setTitle(r.title());
            doc.getDocumentInformation().setCreator(r.source());
            doc.save(target);
        }
    }

    private float width() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    private void body() throws IOException {
        newPage();
        paragraph(report.title(), BOLD, 18, 6);
        if (!report.subtitle().isEmpty()) paragraph(report.subtitle(), REGULAR, 10, 10);
        if (!report.question().isEmpty()) {
            heading("Question");
            paragraph(report.question(), REGULAR, 10.5f, 6);
        }
        if (!report.recommendation().isEmpty() || !report.saving().isEmpty()) {
            heading("Recommendation");
            paragraph(report.recommendation(), REGULAR, 10.5f, 4);
            if (!report.saving().isEmpty()) paragraph(report.saving(), BOLD, 10.5f, 6);
        }
        for (Report.Section s : report.sections()) {
            if (!s.heading().isEmpty()) heading(s.heading());
            switch (s) {
                case Report.Figure f -> figure(f);
                case Report.KeyNumbers k -> {
                    for (Report.Number n : k.rows()) row(n);
                    y -= 6;
                }
                case Report.Bullets l -> {
                    for (String item : l.items()) paragraph("\u2022 " + item, REGULAR, 10, 2);
                    y -= 4;
                }
                case Report.Text t -> paragraph(t.text(), REGULAR, 10.5f, 6);
            }
        }
    }

    private void newPage() throws IOException {
        finishPage();
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void finishPage() throws IOException {
        if (out == null) return;
        text(report.source() + "  \u00b7  page " + doc.getNumberOfPages(), REGULAR, 8, MARGIN, MARGIN / 2);
        out.close();
        out = null;
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) newPage();
    }

    private void heading(String h) throws IOException {
        need(40);
        y -= 8;
        paragraph(h, BOLD, 13, 4);
    }

    private void paragraph(String text, PDFont font, float size, float after) throws IOException {
        float lead = size * 1.3f;
        for (String line : wrap(safe(text), font, size, width())) {
            need(lead);
            y -= lead;
            text(line, font, size, MARGIN, y);
        }
        y -= after;
    }

    private void row(Report.Number n) throws IOException {
        float size = 10, lead = size * 1.4f;
        float w = width();
        // A long name (or interval) wraps within its column rather than running into the next one.
        List<String> names = wrap(safe(n.name()), REGULAR, size, w * 0.5f - 8);
        List<String> intervals = wrap(safe(n.interval()), REGULAR, size, w * 0.28f);
        int lines = Math.max(1, Math.max(names.size(), intervals.size()));
        need(lead * lines);
        y -= lead;
        text(n.value(), BOLD, size, MARGIN + w * 0.5f, y);
        for (int i = 0; i < lines; i++) {
            if (i > 0) y -= lead;
            if (i < names.size()) text(names.get(i), REGULAR, size, MARGIN, y);
            if (i < intervals.size()) text(intervals.get(i), REGULAR, size, MARGIN + w * 0.72f, y);
        }
    }

    private void figure(Report.Figure f) throws IOException {
        if (f.png() == null) return;
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(f.png()));
        if (image == null) throw new IOException("figure \u201c" + f.heading() + "\u201d is not a PNG");
        float w = width(), h = (float) (w * image.getHeight() / (double) image.getWidth());
        float max = PDRectangle.A4.getHeight() - 2 * MARGIN - 40;
        if (h > max) {
            w *= max / h;
            h = max;
        }
        need(h + 4);
        PDImageXObject x = LosslessFactory.createFromImage(doc, image);
        y -= h;
        out.drawImage(x, MARGIN, y, w, h);
        y -= 4;
        if (!f.caption().isEmpty()) paragraph(f.caption(), REGULAR, 8.5f, 6);
    }

    private void text(String s, PDFont font, float size, float x, float atY) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, atY);
        out.showText(safe(s));
        out.endText();
    }

    /** The text with every character Helvetica (WinAnsi) cannot show replaced by '?'. */
    static String safe(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            if (cp == '\n' || cp == '\t') c = " ";
            try {
                REGULAR.encode(c);
                b.append(c);
            } catch (IOException | IllegalArgumentException e) {
                b.append('?');
            }
        });
        return b.toString();
    }

    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) lines.add(line.toString());
        return lines;
    }
}
