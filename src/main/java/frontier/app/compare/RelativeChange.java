package frontier.app.compare;

import java.util.Locale;

/**
 * A change relative to the baseline as the app shows it, short enough to stay whole in a narrow table column:
 * one decimal under 10% ("+0.6%", "−4.0%"), whole percent up to +999% ("+33%", "−100%"), and past that the factor
 * ("×11" for +1,019%, "×2,909"). The table, the chart and the report use it alike; the CLI keeps
 * {@link frontier.scenario.alternatives.Comparison#percent}'s one decimal everywhere.
 */
final class RelativeChange {
    private RelativeChange() {}

    /** {@code pct} (the change in percent of the baseline) as shown; empty when it is not a number. */
    static String of(double pct) {
        if (!Double.isFinite(pct)) return "";
        String s;
        if (pct >= 999.5) s = String.format(Locale.US, "×%,.0f", 1 + pct / 100);
        else if (Math.abs(pct) < 9.95) s = String.format(Locale.US, "%+.1f%%", pct);
        else s = String.format(Locale.US, "%+.0f%%", pct);
        return s.replace('-', '−');
    }
}
