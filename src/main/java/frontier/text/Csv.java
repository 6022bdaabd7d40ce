package frontier.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The cells of every CSV Frontier writes (the CLI's {@code --csv} outputs, sweep tables, request logs, price
 * catalogues, the app's exports).
 *
 * <p>A cell is quoted when it holds a comma, a double quote or a line break (RFC 4180). A <em>text</em> cell
 * that a spreadsheet would take for a formula — one that starts with {@code = + - @}, a tab or a carriage
 * return (or the full-width {@code ＝ ＋ － ＠}) — is neutralised as OWASP recommends: a single quote is put
 * in front and the cell is quoted, so {@code =HYPERLINK("http://x","y")} is written
 * {@code "'=HYPERLINK(""http://x"",""y"")"} and shows as text. Tags, resource ids and names come from cloud
 * accounts and scenario files, so anyone who can tag a resource could otherwise plant a formula in a report.
 * A cell that is a plain number ({@code -1.50}, {@code +3}, {@code 2.5e-3}) is never changed, so a negative
 * amount stays a number; numeric columns are written with {@link #decimal} or {@link #number}, which never
 * neutralise. A cell that already starts with quotes before such a character gets one more quote, so
 * {@link #unneutralise} gives back exactly what was written.
 */
public final class Csv {
    private static final Pattern PLAIN_NUMBER =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

    private Csv() {}

    /** A text cell: neutralised when a spreadsheet would read it as a formula, quoted when needed; empty for null. */
    public static String text(String v) {
        if (v == null) return "";
        StringBuilder b = new StringBuilder(v.length() + 4);
        appendText(b, v);
        return b.toString();
    }

    /** Appends {@link #text(String) text(v)} to {@code b} (nothing for null), without an intermediate string. */
    public static void appendText(StringBuilder b, String v) {
        if (v == null) return;
        if (isFormulaLike(v)) {
            b.append("\"'");
            appendEscapedQuotes(b, v);
            b.append('"');
        } else if (needsQuotes(v)) {
            b.append('"');
            appendEscapedQuotes(b, v);
            b.append('"');
        } else {
            b.append(v);
        }
    }

    /** An exact amount as a plain decimal, never neutralised ({@code -1.50} stays {@code -1.50}); empty for null. */
    public static String decimal(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    /** A number cell as {@code Long.toString}, never neutralised. */
    public static String number(long v) {
        return Long.toString(v);
    }

    /** The cells joined by commas, each written with {@link #text(String)} (plain numbers pass unchanged); no line end. */
    public static String row(Iterable<String> textCells) {
        StringBuilder b = new StringBuilder(128);
        boolean first = true;
        for (String c : textCells) {
            if (!first) b.append(',');
            first = false;
            appendText(b, c);
        }
        return b.toString();
    }

    /**
     * Whether a spreadsheet would take {@code v} for a formula (or it starts with quotes before such a start):
     * what {@link #text} neutralises.
     */
    public static boolean isFormulaLike(String v) {
        int i = 0;
        while (i < v.length() && v.charAt(i) == '\'') i++;
        if (i == v.length() || !isFormulaStart(v.charAt(i))) return false;
        return !PLAIN_NUMBER.matcher(v).region(i, v.length()).matches();
    }

    /** Whether {@code v} is a plain decimal number such as {@code -1.50}, {@code +3} or {@code 2.5e-3} (ASCII digits). */
    public static boolean isPlainNumber(String v) {
        return v != null && PLAIN_NUMBER.matcher(v).matches();
    }

    /**
     * The value a {@link #text} cell was written from, for readers of Frontier's own CSV files: the quote that
     * neutralised a formula-like value is removed, anything else is returned as it is.
     */
    public static String unneutralise(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && isFormulaLike(cell.substring(1)))
            return cell.substring(1);
        return cell;
    }

    /** Appends a complete line of text cells (see {@link #text(String)}) and a line feed to {@code out}. */
    public static void appendLine(Appendable out, String... textCells) throws IOException {
        StringBuilder b = new StringBuilder(128);
        for (int i = 0; i < textCells.length; i++) {
            if (i > 0) b.append(',');
            appendText(b, textCells[i]);
        }
        b.append('\n');
        out.append(b);
    }

    private static boolean isFormulaStart(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    private static boolean needsQuotes(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') return true;
        }
        return false;
    }

    private static void appendEscapedQuotes(StringBuilder b, String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') b.append('"');
            b.append(c);
        }
    }
}
