package frontier.app;

import frontier.present.HtmlReport;
import frontier.present.PdfReport;
import frontier.present.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * What the app's one-click reports share: a chart as a report figure (vector SVG for the HTML, PNG at print
 * resolution for the PDF, both with the chart's caption) and the writing of the report as a self-contained HTML
 * file with the same report as PDF beside it.
 */
public final class ReportFiles {
    private ReportFiles() {}

    /** {@code chart} with {@code caption} as a figure of a report, under {@code heading}; the caption's subtitle below it. */
    public static Report.Figure figure(String heading, ExportableChart chart, ChartCaption caption) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(ChartExport.image(chart, caption, ChartExport.PRINT_SCALE), "png", png);
        return new Report.Figure(
                heading,
                ChartExport.svg(chart, caption),
                png.toByteArray(),
                ChartExport.width(chart),
                ChartExport.height(chart),
                caption.subtitle());
    }

    /** Writes {@code r} to {@code html} and as PDF to the same name with .pdf beside it; returns the PDF's path. */
    public static Path write(Report r, Path html) throws IOException {
        Files.writeString(html, HtmlReport.html(r), StandardCharsets.UTF_8);
        Path pdf = pdfBeside(html);
        try (OutputStream out = Files.newOutputStream(pdf)) {
            PdfReport.write(r, out);
        }
        return pdf;
    }

    /** Writes a report to the HTML file it is given (and its PDF beside it). */
    @FunctionalInterface
    public interface Writer {
        void write(Path html) throws IOException;
    }

    /**
     * The views' "Report…" action: asks where to write the HTML report (starting at {@code initialName}), writes it
     * and its PDF with {@code writer}, and tells {@code done} or {@code failed} in the app's words.
     */
    public static void saveAs(
            javafx.stage.Window owner,
            String initialName,
            Writer writer,
            java.util.function.Consumer<String> done,
            java.util.function.Consumer<String> failed) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Write report");
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters()
                .add(new javafx.stage.FileChooser.ExtensionFilter(
                        "HTML report (a PDF is written beside it)", "*.html"));
        java.io.File f = chooser.showSaveDialog(owner);
        if (f == null) return;
        try {
            writer.write(f.toPath());
            done.accept("Wrote " + f.getAbsolutePath() + " and "
                    + pdfBeside(f.toPath()).getFileName());
        } catch (IOException | RuntimeException ex) {
            failed.accept("Cannot write the report " + f.getAbsolutePath() + ": "
                    + (ex instanceof IOException ? ex.getMessage() : Messages.of(ex)));
        }
    }

    /**
     * Where one-click reports go: {@code frontier.reports} if set, else {@code Frontier reports} in the user's home
     * (a folder people find, not the hidden settings folder).
     */
    public static Path defaultFolder() {
        String set = System.getProperty("frontier.reports");
        return set != null && !set.isBlank()
                ? Path.of(set)
                : Path.of(System.getProperty("user.home"), "Frontier reports");
    }

    /**
     * The views' one-click "Report": writes {@code baseName}.html and its PDF into {@link #defaultFolder()} (made if
     * needed; an earlier report of the same name is replaced) and tells {@code done} where, or {@code failed} why not.
     */
    public static void writeToDefault(
            String baseName,
            Writer writer,
            java.util.function.Consumer<String> done,
            java.util.function.Consumer<String> failed) {
        Path html = defaultFolder().resolve(baseName + ".html");
        try {
            Files.createDirectories(html.getParent());
            writer.write(html);
            done.accept("Wrote " + html.toAbsolutePath() + " and "
                    + pdfBeside(html).getFileName() + " (the arrow beside Report: save elsewhere)");
        } catch (IOException | RuntimeException ex) {
            failed.accept("Cannot write the report " + html.toAbsolutePath() + ": "
                    + (ex instanceof IOException ? ex.getMessage() : Messages.of(ex)));
        }
    }

    /** "report.html" → "report.pdf" in the same folder. */
    public static Path pdfBeside(Path html) {
        return html.resolveSibling(html.getFileName().toString().replaceFirst("\\.html?$", "") + ".pdf");
    }

    /**
     * {@code s} in the characters every PDF base font has: the minus sign as a hyphen, an arrow as "->", the warning sign dropped
     * (the words beside it say it). The HTML gets the same text, so the two files read alike.
     */
    public static String plain(String s) {
        return s == null
                ? ""
                : s.replace('\u2212', '-')
                        .replace("\u2192", "->")
                        .replace("\u26a0 ", "")
                        .replace("\u26a0", "");
    }

    /** {@code r} with every text {@link #plain(String)}. */
    public static Report plain(Report r) {
        return new Report(
                plain(r.title()),
                plain(r.subtitle()),
                plain(r.question()),
                plain(r.recommendation()),
                plain(r.saving()),
                r.sections().stream().map(ReportFiles::plain).toList(),
                plain(r.source()));
    }

    private static Report.Section plain(Report.Section s) {
        return switch (s) {
            case Report.KeyNumbers k ->
                new Report.KeyNumbers(
                        plain(k.heading()),
                        k.rows().stream()
                                .map(n -> new Report.Number(plain(n.name()), plain(n.value()), plain(n.interval())))
                                .toList());
            case Report.Bullets b ->
                new Report.Bullets(
                        plain(b.heading()),
                        b.items().stream().map(ReportFiles::plain).toList());
            case Report.Text t -> new Report.Text(plain(t.heading()), plain(t.text()));
            case Report.Figure f -> f;
        };
    }
}
