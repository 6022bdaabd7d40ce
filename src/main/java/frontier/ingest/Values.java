package frontier.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Parsing of the money and time values found in billing exports; exact, allocation-light, cached. */
final class Values {
    /** Precision and scale beyond which a number is refused (no real bill needs them; toPlainString would explode). */
    private static final int MAX_DIGITS = 60;

    static final long INVALID = Long.MIN_VALUE;

    private Values() {}

    /**
     * An exact decimal, or null when {@code s} is not one. Accepts a leading sign and an exponent; only ASCII
     * digits ({@link BigDecimal} alone would also read full-width and other Unicode digits as numbers).
     */
    static BigDecimal decimal(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.isEmpty() || !asciiNumber(t)) return null;
        try {
            BigDecimal d = new BigDecimal(t);
            if (d.precision() > MAX_DIGITS || Math.abs(d.scale()) > MAX_DIGITS) return null;
            return d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** True if every character of {@code t} is an ASCII digit, sign, point or exponent letter. */
    static boolean asciiNumber(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return false;
        }
        return true;
    }

    /**
     * Epoch seconds of a timestamp, or {@link #INVALID}. Accepted: ISO-8601 date-times with 'T' or a
     * space, optional seconds and fraction (truncated), optional 'Z', ' UTC' or ±hh[:]mm offset (no
     * offset means UTC); a bare date {@code yyyy-MM-dd} (midnight UTC); US dates {@code M/d/yyyy}
     * (Azure), optionally followed by a time.
     */
    static long epochSeconds(String s) {
        if (s == null) return INVALID;
        String t = s.strip();
        try {
            if (t.indexOf('/') > 0) return usDate(t);
            return iso(t);
        } catch (DateTimeException | IndexOutOfBoundsException e) {
            return INVALID;
        }
    }

    private static long usDate(String t) {
        int a = t.indexOf('/');
        int b = t.indexOf('/', a + 1);
        if (b < 0) return INVALID;
        int end = b + 1;
        while (end < t.length() && Character.isDigit(t.charAt(end))) end++;
        int month = digits(t, 0, a);
        int day = digits(t, a + 1, b);
        int year = digits(t, b + 1, end);
        if (month < 0 || day < 0 || year < 1000 || end - b - 1 != 4) return INVALID;
        long days = LocalDate.of(year, month, day).toEpochDay();
        String rest = t.substring(end).strip();
        if (rest.isEmpty()) return days * 86400;
        long tod = timeOfDay(rest, 0);
        return tod == INVALID ? INVALID : days * 86400 + tod;
    }

    /** "HH:mm[:ss[.fff]]" (optionally followed by AM/PM) at position p to the end. */
    private static long timeOfDay(String t, int p) {
        int h = digits(t, p, p + 2);
        if (h < 0 || t.charAt(p + 2) != ':') return INVALID;
        int m = digits(t, p + 3, p + 5);
        if (m < 0) return INVALID;
        int q = p + 5;
        int sec = 0;
        if (q < t.length() && t.charAt(q) == ':') {
            sec = digits(t, q + 1, q + 3);
            if (sec < 0) return INVALID;
            q += 3;
        }
        if (q < t.length() && t.charAt(q) == '.') {
            q++;
            while (q < t.length() && Character.isDigit(t.charAt(q))) q++;
        }
        String rest = t.substring(q).strip();
        if (rest.equalsIgnoreCase("PM") && h < 12) h += 12;
        else if (rest.equalsIgnoreCase("AM") && h == 12) h = 0;
        else if (!rest.isEmpty() && !rest.equalsIgnoreCase("AM") && !rest.equalsIgnoreCase("PM")) return INVALID;
        if (h > 23 || m > 59 || sec > 60) return INVALID;
        return h * 3600L + m * 60L + sec;
    }

    private static long iso(String t) {
        if (t.length() < 10 || t.charAt(4) != '-' || t.charAt(7) != '-') return INVALID;
        int y = digits(t, 0, 4);
        int mo = digits(t, 5, 7);
        int d = digits(t, 8, 10);
        if (y < 0 || mo < 0 || d < 0) return INVALID;
        long days = LocalDate.of(y, mo, d).toEpochDay();
        if (t.length() == 10) return days * 86400;
        char sep = t.charAt(10);
        if (sep != 'T' && sep != ' ') return INVALID;
        int h = digits(t, 11, 13);
        if (h < 0 || t.charAt(13) != ':') return INVALID;
        int mi = digits(t, 14, 16);
        if (mi < 0) return INVALID;
        int p = 16;
        int sec = 0;
        if (p < t.length() && t.charAt(p) == ':') {
            sec = digits(t, p + 1, p + 3);
            if (sec < 0) return INVALID;
            p += 3;
        }
        if (p < t.length() && t.charAt(p) == '.') {
            p++;
            int f = p;
            while (p < t.length() && Character.isDigit(t.charAt(p))) p++;
            if (p == f) return INVALID;
        }
        if (h > 23 || mi > 59 || sec > 60) return INVALID;
        long offset = 0;
        String zone = t.substring(p);
        if (zone.isEmpty() || zone.equals("Z") || zone.equals(" UTC") || zone.equals("UTC") || zone.equals(" Z")) {
            offset = 0;
        } else if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            int oh = digits(zone, 1, 3);
            int om;
            if (zone.length() == 3) om = 0;
            else if (zone.length() == 6 && zone.charAt(3) == ':') om = digits(zone, 4, 6);
            else if (zone.length() == 5) om = digits(zone, 3, 5);
            else return INVALID;
            if (oh < 0 || om < 0 || oh > 18 || om > 59) return INVALID;
            offset = (oh * 3600L + om * 60L) * (zone.charAt(0) == '-' ? -1 : 1);
        } else {
            return INVALID;
        }
        return days * 86400 + h * 3600L + mi * 60L + sec - offset;
    }

    /** The non-negative integer in t[from, to), or -1 if that is not all digits. */
    private static int digits(String t, int from, int to) {
        if (from >= to || to > t.length() || to - from > 9) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
