package frontier.text;

/**
 * Messages that echo input (a bad cell, a file name, a JSON value) shown safely: control characters and
 * invisible direction overrides are replaced by visible escapes, so a NUL shows as {@code \x00}, an ESC as
 * {@code \x1b} (it can no longer start a terminal control sequence) and U+202E as {@code \u202e}. Line feeds
 * (also as CR LF) and tabs stay, since messages are laid out with them. Used where the CLI prints errors and where the app
 * displays messages.
 */
public final class Printable {
    private Printable() {}

    /** {@code s} with every character that {@link #isHidden hides or controls} the display escaped; null stays null. */
    public static String escape(String s) {
        if (s == null) return null;
        int i = 0;
        while (i < s.length() && !isHidden(s, i)) i++;
        if (i == s.length()) return s;
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isHidden(s, i)) b.append(c);
            else if (c < 0x80) hex(b.append("\\x"), c, 2);
            else hex(b.append("\\u"), c, 4);
        }
        return b.toString();
    }

    private static void hex(StringBuilder b, char c, int digits) {
        for (int shift = 4 * (digits - 1); shift >= 0; shift -= 4) b.append(Character.forDigit((c >> shift) & 0xf, 16));
    }

    /**
     * Whether the character at {@code i} would control the terminal or hide text: C0 controls other than line
     * feed, tab and the carriage return of a CR LF, DEL, C1 controls, bidirectional marks, embeddings, overrides and isolates, the line and
     * paragraph separators, the byte order mark, and a surrogate that is not half of a pair.
     */
    static boolean isHidden(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) return c != '\n' && c != '\t' && !(c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n');
        if (c < 0x7f) return false;
        if (c <= 0x9f) return true; // DEL and the C1 controls (0x9b is a terminal's CSI)
        if (c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069') return true;
        if (c == '\u2028' || c == '\u2029' || c == '\ufeff') return true;
        if (Character.isHighSurrogate(c)) return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        if (Character.isLowSurrogate(c)) return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        return false;
    }
}
