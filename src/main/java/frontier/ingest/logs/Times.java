package frontier.ingest.logs;

/**
 * Allocation-free parsing of the timestamps and numbers found in request logs. Invalid input gives
 * NaN (or -1 for counts), never an exception, so callers can word the error with file, line and column.
 */
final class Times {
    /**
     * The window an absolute timestamp must lie in, 2000-01-01 to 2100-01-01 UTC, in epoch seconds: outside it a
     * value is corrupt, a placeholder (year 9999, 0) or in the wrong unit (milliseconds read as seconds), and
     * storing it would spread the import's days over centuries.
     */
    static final double EARLIEST = 946_684_800.0;

    static final double LATEST = 4_102_444_800.0;
    /** Longest offset of a relative timestamp (since the start of the trace): 100 years, in seconds. */
    static final double MAX_OFFSET = 100 * 365.25 * 86_400.0;
    /** Longest latency accepted, 1 day in milliseconds: far beyond any request timeout (Lambda's is 15 minutes). */
    static final double MAX_LATENCY_MS = 86_400_000.0;
    /** Most tokens in one request's input or output: a billion, some hundred times the largest context window. */
    static final long MAX_TOKENS = 1_000_000_000L;

    private Times() {}

    /**
     * Epoch seconds of an ISO-8601 date-time ({@code yyyy-MM-dd}, then 'T' or a space, {@code HH:mm[:ss[.f…]]}
     * with up to 9 fractional digits after '.' or ',', then nothing, 'Z', "UTC" or an offset ±hh[[:]mm],
     * optionally after one space), or NaN. A bare date is midnight. No offset means UTC; {@link #hasOffset}
     * tells which it was.
     */
    static double iso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return Double.NaN;
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 7);
        int d = digits(s, 8, 10);
        if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo)) return Double.NaN;
        long days = daysFromCivil(y, mo, d);
        if (n == 10) return days * 86400.0;
        char sep = s.charAt(10);
        if ((sep != 'T' && sep != 't' && sep != ' ') || n < 16 || s.charAt(13) != ':') return Double.NaN;
        int h = digits(s, 11, 13);
        int mi = digits(s, 14, 16);
        if (h < 0 || h > 23 || mi < 0 || mi > 59) return Double.NaN;
        int p = 16;
        int sec = 0;
        if (p < n && s.charAt(p) == ':') {
            sec = digits(s, p + 1, p + 3);
            if (sec < 0 || sec > 60) return Double.NaN;
            p += 3;
        }
        double frac = 0;
        if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
            p++;
            int f = p;
            long v = 0;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') v = v * 10 + (s.charAt(p++) - '0');
            if (p == f || p - f > 9) return Double.NaN;
            frac = v / POW10[p - f];
        }
        int offset = offsetSeconds(s, p);
        if (offset == BAD_OFFSET) return Double.NaN;
        return days * 86400.0 + (h * 3600L + mi * 60L + sec - offset) + frac;
    }

    /** True if {@link #iso} would read an explicit offset ('Z', "UTC", ±hh…) in {@code s}. */
    static boolean hasOffset(String s) {
        int n = s.length();
        if (n <= 16) return false;
        char last = s.charAt(n - 1);
        if (last == 'Z' || last == 'z' || s.endsWith("UTC")) return true;
        for (int i = n - 1; i >= 16; i--) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') return true;
        }
        return false;
    }

    private static final int BAD_OFFSET = Integer.MIN_VALUE;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

    private static int offsetSeconds(String s, int p) {
        int n = s.length();
        if (p == n) return 0;
        if (s.charAt(p) == ' ') p++;
        if (p == n) return BAD_OFFSET;
        String z = s.substring(p);
        if (z.equals("Z") || z.equals("z") || z.equals("UTC")) return 0;
        char sign = z.charAt(0);
        if (sign != '+' && sign != '-') return BAD_OFFSET;
        int oh = digits(z, 1, 3);
        int om;
        if (z.length() == 3) om = 0;
        else if (z.length() == 6 && z.charAt(3) == ':') om = digits(z, 4, 6);
        else if (z.length() == 5) om = digits(z, 3, 5);
        else return BAD_OFFSET;
        if (oh < 0 || oh > 18 || om < 0 || om > 59) return BAD_OFFSET;
        int o = oh * 3600 + om * 60;
        return sign == '-' ? -o : o;
    }

    /**
     * A plain decimal number (sign, digits, optional fraction and exponent), or NaN. Stricter than
     * {@link Double#parseDouble}, which would also take "NaN", "Infinity", hex and a trailing 'd'.
     */
    static double number(String s) {
        int n = s.length();
        int p = 0;
        if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) p++;
        int digits = 0;
        long whole = 0;
        boolean exact = true;
        while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            if (digits < 18) whole = whole * 10 + (s.charAt(p) - '0');
            else exact = false;
            digits++;
            p++;
        }
        if (p == n) {
            if (digits == 0) return Double.NaN;
            if (exact) return s.charAt(0) == '-' ? -whole : whole;
            return Double.parseDouble(s);
        }
        if (s.charAt(p) == '.') {
            p++;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
                digits++;
                p++;
            }
        }
        if (digits == 0) return Double.NaN;
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (p < n && (s.charAt(p) == '-' || s.charAt(p) == '+')) p++;
            int e = p;
            while (p < n && s.charAt(p) >= '0' && s.charAt(p) <= '9') p++;
            if (p == e) return Double.NaN;
        }
        if (p != n) return Double.NaN;
        double v = Double.parseDouble(s);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** A non-negative whole count ("128", also "128.0" as some traces write it), or -1. */
    static long count(String s) {
        double v = number(s);
        if (!(v >= 0) || v > 9.007199254740992E15 || v != Math.rint(v)) return -1;
        return (long) v;
    }

    /** Epoch seconds of an integer count of nanoseconds, exact to the nanosecond before the conversion to double. */
    static double nanos(String s) {
        int n = s.length();
        if (n == 0 || n > 19) return Double.NaN;
        int p = s.charAt(0) == '-' ? 1 : 0;
        if (p == n) return Double.NaN;
        long v = 0;
        for (int i = p; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return number(s) * 1e-9;
            v = v * 10 + (c - '0');
        }
        if (p == 1) v = -v;
        return Math.floorDiv(v, 1_000_000_000L) + Math.floorMod(v, 1_000_000_000L) / 1e9;
    }

    static boolean leap(int y) {
        return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    }

    private static int monthLength(int y, int m) {
        return switch (m) {
            case 2 -> leap(y) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int y, int m, int d) {
        int yy = m <= 2 ? y - 1 : y;
        long era = Math.floorDiv(yy, 400);
        long yoe = yy - era * 400;
        long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    /** The non-negative integer in s[from, to), or -1 if that is not all digits. */
    private static int digits(String s, int from, int to) {
        if (to > s.length()) return -1;
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
