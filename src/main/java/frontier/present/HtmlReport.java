package frontier.present;

import java.util.Base64;

/**
 * Writes a {@link Report} as one self-contained HTML file: charts inline as SVG (a PNG data URI when a figure
 * has no SVG), the style in the page, nothing fetched from anywhere. Every text is escaped.
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static String html(Report r) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(r.title()))
                .append("</title>\n")
                .append(
                        "<style>body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;color:#1f2933;line-height:1.45}"
                                + "h1{font-size:1.6em;margin-bottom:.1em}.sub{color:#52606d;margin-top:0}.rec{background:#eef6ee;border-left:4px solid #3f9142;"
                                + "padding:.6em 1em}table{border-collapse:collapse}td,th{padding:.25em .8em;border-bottom:1px solid #e4e7eb;text-align:left}"
                                + "td.v{text-align:right;font-variant-numeric:tabular-nums}figure{margin:1em 0}figure svg,figure img{max-width:100%;height:auto}"
                                + "figcaption{color:#52606d;font-size:.9em}footer{color:#7b8794;font-size:.85em;margin-top:2em}</style>\n</head><body>\n");
        b.append("<h1>").append(esc(r.title())).append("</h1>\n");
        if (!r.subtitle().isEmpty())
            b.append("<p class=\"sub\">").append(esc(r.subtitle())).append("</p>\n");
        if (!r.question().isEmpty())
            b.append("<h2>Question</h2>\n<p>").append(esc(r.question())).append("</p>\n");
        if (!r.recommendation().isEmpty() || !r.saving().isEmpty()) {
            b.append("<h2>Recommendation</h2>\n<div class=\"rec\"><p>")
                    .append(esc(r.recommendation()))
                    .append("</p>");
            if (!r.saving().isEmpty())
                b.append("<p><strong>").append(esc(r.saving())).append("</strong></p>");
            b.append("</div>\n");
        }
        for (Report.Section s : r.sections()) {
            if (!s.heading().isEmpty())
                b.append("<h2>").append(esc(s.heading())).append("</h2>\n");
            switch (s) {
                case Report.Figure f -> {
                    b.append("<figure>");
                    if (f.svg() != null && !f.svg().isEmpty()) b.append(inlineSvg(f.svg()));
                    else if (f.png() != null)
                        b.append("<img alt=\"")
                                .append(esc(f.caption()))
                                .append("\" width=\"")
                                .append((int) f.width())
                                .append("\" src=\"data:image/png;base64,")
                                .append(Base64.getEncoder().encodeToString(f.png()))
                                .append("\">");
                    if (!f.caption().isEmpty())
                        b.append("<figcaption>").append(esc(f.caption())).append("</figcaption>");
                    b.append("</figure>\n");
                }
                case Report.KeyNumbers k -> {
                    b.append("<table><tr><th></th><th>Value</th><th>Interval</th></tr>\n");
                    for (Report.Number n : k.rows()) {
                        b.append("<tr><td>")
                                .append(esc(n.name()))
                                .append("</td><td class=\"v\">")
                                .append(esc(n.value()))
                                .append("</td><td class=\"v\">")
                                .append(esc(n.interval()))
                                .append("</td></tr>\n");
                    }
                    b.append("</table>\n");
                }
                case Report.Bullets l -> {
                    b.append("<ul>\n");
                    for (String item : l.items())
                        b.append("<li>").append(esc(item)).append("</li>\n");
                    b.append("</ul>\n");
                }
                case Report.Text t -> b.append("<p>").append(esc(t.text())).append("</p>\n");
            }
        }
        if (!r.source().isEmpty()) b.append("<footer>").append(esc(r.source())).append("</footer>\n");
        return b.append("</body></html>\n").toString();
    }

    /** An SVG document without its XML declaration and DOCTYPE, to sit inside HTML. */
    static String inlineSvg(String svg) {
        int at = svg.indexOf("<svg");
        return at < 0 ? "" : svg.substring(at);
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
