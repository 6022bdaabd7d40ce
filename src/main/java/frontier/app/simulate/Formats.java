package frontier.app.simulate;

import java.util.Locale;

/** Number formatting for the results: fixed (US) separators, so what is shown does not depend on the machine. */
final class Formats {
    private Formats() {
    }

    /** {@code value}, followed by {@code ± halfWidth} when the half-width is known (more than one replication). */
    static String withHalfWidth(double value, double halfWidth, int decimals) {
        String v = number(value, decimals);
        return Double.isFinite(halfWidth) && Double.isFinite(value) ? v + " ± " + number(halfWidth, decimals) : v;
    }

    /** Decimals for a millisecond value: about four significant digits, at most three decimals. */
    static int msDecimals(double ms) {
        double a = Math.abs(ms);
        if (a >= 1000) return 0;
        if (a >= 100) return 1;
        if (a >= 1) return 2;
        return 3;
    }

    static String number(double value, int decimals) {
        if (Double.isNaN(value)) return "–";
        return String.format(Locale.US, "%,." + decimals + "f", value);
    }
}
