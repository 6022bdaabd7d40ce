package frontier.present;

import java.util.List;
import java.util.Objects;

/**
 * A one-click report, as data: the question asked, the recommendation and what it saves, then sections in
 * order (charts, key numbers with their intervals, assumptions, what was not modelled). Built by the app from
 * a unit-cost analysis, a sweep or a comparison; written by {@link HtmlReport} and {@link PdfReport}, which
 * know nothing of where it came from.
 */
public record Report(
        String title,
        String subtitle,
        String question,
        String recommendation,
        String saving,
        List<Section> sections,
        String source) {
    public Report {
        title = Objects.requireNonNullElse(title, "");
        subtitle = Objects.requireNonNullElse(subtitle, "");
        question = Objects.requireNonNullElse(question, "");
        recommendation = Objects.requireNonNullElse(recommendation, "");
        saving = Objects.requireNonNullElse(saving, "");
        sections = List.copyOf(sections);
        source = Objects.requireNonNullElse(source, "");
    }

    /** A part of a report. */
    public sealed interface Section permits Figure, KeyNumbers, Bullets, Text {
        String heading();
    }

    /**
     * A chart: the same drawing as vector SVG (for HTML) and as PNG bytes at print resolution (for PDF), with
     * its size in CSS pixels and a caption.
     */
    public record Figure(String heading, String svg, byte[] png, double width, double height, String caption)
            implements Section {}

    /** One key number: what it is, its value with units, and its interval (empty when it has none). */
    public record Number(String name, String value, String interval) {}

    /** A table of key numbers. */
    public record KeyNumbers(String heading, List<Number> rows) implements Section {
        public KeyNumbers {
            rows = List.copyOf(rows);
        }
    }

    /** A list: assumptions (prices and their date, traffic, SLOs) or what was not modelled. */
    public record Bullets(String heading, List<String> items) implements Section {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /** A paragraph. */
    public record Text(String heading, String text) implements Section {}
}
