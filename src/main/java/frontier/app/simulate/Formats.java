package frontier.app.simulate;

import java.util.Locale;

/** Number formatting for the results: fixed (US) separators, so what is shown does not depend on the machine. */
final class Formats {
    private Formats() {}

    /** {@code value}, followed by {@code ± halfWidth} when the half-width is known (more than one replication). */
    static String withHalfWidth(double value, double halfWidth, int decimals) {
        String v = number(value, decimals);
        return Double.isFinite(halfWidth) && Double.isFinite(value) ? v + " ± " + number(halfWidth, decimals) : v;
    }

    /** Decimals for a millisecond value: three or four significant digits, at most three decimals (narrow table cells). */
    static int msDecimals(double ms) {
        double a = Math.abs(ms);
        if (a >= 100) return 0;
        if (a >= 10) return 1;
        if (a >= 1) return 2;
        return 3;
    }

    /**
     * A duration given in milliseconds as it reads best, with its unit: microseconds below one millisecond
     * ("672 ± 41 µs", as short as the other cells: "0.672 ± 0.041 ms" did not fit a table cell at 1280 px),
     * milliseconds below one second ("850 ms"), seconds from there ("1.18 s"), about three significant digits;
     * the half-width, when known, in the same unit ("1.18 ± 0.03 s"). Exactly zero with no spread reads "0 ms".
     */
    static String duration(double ms, double halfWidthMs) {
        if (Double.isNaN(ms)) return "–";
        if (ms == 0 && !(halfWidthMs > 0)) return "0 ms";
        if (Math.abs(ms) < 1) {
            double us = ms * 1000;
            return withHalfWidth(us, halfWidthMs * 1000, Math.min(1, msDecimals(us))) + " µs";
        }
        boolean seconds = Math.abs(ms) >= 1000;
        double v = seconds ? ms / 1000 : ms, hw = seconds ? halfWidthMs / 1000 : halfWidthMs;
        int decimals = seconds ? secondsDecimals(v) : msDecimals(v);
        return withHalfWidth(v, hw, decimals) + (seconds ? " s" : " ms");
    }

    /** Decimals for a value in seconds of at least 1: three significant digits (narrow table cells). */
    static int secondsDecimals(double s) {
        double a = Math.abs(s);
        if (a >= 100) return 0;
        if (a >= 10) return 1;
        return 2;
    }

    static String number(double value, int decimals) {
        if (Double.isNaN(value)) return "–";
        return String.format(Locale.US, "%,." + decimals + "f", value);
    }
}
