package frontier.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * How large the app draws everything: a scale factor that JavaFX applies to the whole window (text, controls and
 * the canvas charts, drawn at the higher resolution, so they stay crisp). JavaFX reads it once, before the toolkit
 * starts, so a new choice applies at the next start.
 *
 * <p>The choice is one of {@link #CHOICES}: {@code auto} or a fixed percentage. Auto keeps the scale the platform
 * reports (Windows and macOS always report one; on Linux GTK does when {@code GDK_SCALE} is set or
 * {@code -Dglass.gtk.uiScale} is given); where none is reported it picks 200% for a screen at least
 * {@value #AUTO_WIDE_PX} pixels wide (4K) and 100% otherwise.
 *
 * <p>What decides, first match wins: {@code frontier app --ui-scale S}, {@code -Dfrontier.uiScale=S}, the choice in
 * Settings ({@code "ui_scale"} in the settings file), auto.
 */
public final class UiScale {
    private UiScale() {}

    /** The system property that overrides the saved choice: {@code -Dfrontier.uiScale=2} (or 200%, auto). */
    public static final String PROPERTY = "frontier.uiScale";

    /** The launcher's option: {@code frontier app --ui-scale 2}. */
    public static final String OPTION = "--ui-scale";

    /** Auto picks 200% on a screen at least this many pixels wide when the platform reports no scale. */
    public static final int AUTO_WIDE_PX = 3000;

    /** The choices Settings offers, as the settings file names them. */
    public static final List<String> CHOICES = List.of("auto", "100%", "125%", "150%", "200%");

    /** JavaFX's own per-platform scale properties (Linux GTK, Windows), honoured as they are when given. */
    static final List<String> PLATFORM_PROPERTIES = List.of("glass.gtk.uiScale", "glass.win.uiScale");

    /**
     * A choice read from the command line, a property or the settings file: "auto", a percentage ("150%") or a
     * factor ("1.5"), between 50% and 400%.
     *
     * @return the factor (1.5), or 0 for auto
     * @throws IllegalArgumentException for anything else, saying what is accepted
     */
    public static double parse(String choice) {
        String s = choice == null ? "" : choice.strip().toLowerCase(Locale.ROOT);
        if (s.equals("auto")) return 0;
        double f;
        try {
            f = s.endsWith("%")
                    ? Double.parseDouble(s.substring(0, s.length() - 1).strip()) / 100
                    : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            f = Double.NaN;
        }
        if (!(f >= 0.5 && f <= 4))
            throw new IllegalArgumentException("UI scale '" + choice
                    + "' is not one of auto, a percentage from 50% to 400% (150%) or a factor from 0.5 to 4 (1.5)");
        return f;
    }

    /** The choice as Settings shows it and the file keeps it: "auto" or "150%". */
    public static String label(double factor) {
        if (factor == 0) return "auto";
        double pct = factor * 100;
        return pct == Math.rint(pct)
                ? String.format(Locale.ROOT, "%.0f%%", pct)
                : String.format(Locale.ROOT, "%.1f%%", pct);
    }

    /**
     * The choice in force: the launcher's option, else {@link #PROPERTY}, else {@code saved} (the settings file's).
     * A bad option or property is reported by the caller; a bad saved value counts as auto.
     */
    public static String choice(String option, Properties properties, String saved) {
        if (option != null) return option;
        String p = properties.getProperty(PROPERTY);
        if (p != null && !p.isBlank()) return p;
        if (saved == null) return "auto";
        try {
            parse(saved);
            return saved;
        } catch (IllegalArgumentException e) {
            return "auto";
        }
    }

    /**
     * What the app will be drawn at.
     *
     * @param factor              the parsed choice, 0 for auto
     * @param platformReportsOne  whether the platform sets a scale itself (then auto leaves it alone)
     * @param screenWidthPx       the primary screen's width in pixels, 0 if unknown
     * @return the factor to impose, or 0 to leave it to the platform
     */
    public static double resolve(double factor, boolean platformReportsOne, int screenWidthPx) {
        if (factor > 0) return factor;
        if (platformReportsOne) return 0;
        return screenWidthPx >= AUTO_WIDE_PX ? 2 : 0;
    }

    /**
     * Whether the platform decides the scale itself: not Linux (Windows and macOS report their display scale to
     * JavaFX), GTK's {@code GDK_SCALE} set, or JavaFX's own scale property given.
     */
    public static boolean platformReportsScale(String osName, Map<String, String> env, Properties properties) {
        if (!osName.toLowerCase(Locale.ROOT).contains("linux")) return true;
        if (env.get("GDK_SCALE") != null) return true;
        return PLATFORM_PROPERTIES.stream().anyMatch(p -> properties.getProperty(p) != null);
    }

    /**
     * Sets JavaFX's scale properties in {@code properties} for {@code factor} (0: nothing), before the toolkit
     * starts: HiDPI on and the GTK and Windows scale.
     */
    public static void apply(double factor, Properties properties) {
        if (factor <= 0) return;
        properties.setProperty("prism.allowhidpi", "true");
        String f = String.format(Locale.ROOT, "%s", factor);
        for (String p : PLATFORM_PROPERTIES) properties.setProperty(p, f);
    }

    /**
     * Removes {@code --ui-scale S} (or {@code --ui-scale=S}) from the app's arguments.
     *
     * @return the remaining arguments and the option's value, null if absent
     * @throws IllegalArgumentException if the option has no value or a bad one
     */
    public static Split split(List<String> args) {
        java.util.ArrayList<String> rest = new java.util.ArrayList<>();
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(OPTION)) {
                if (i + 1 >= args.size())
                    throw new IllegalArgumentException(
                            OPTION + " needs a value: auto, 100%, 125%, 150%, 200% or a factor");
                value = args.get(++i);
            } else if (a.startsWith(OPTION + "=")) {
                value = a.substring(OPTION.length() + 1);
            } else rest.add(a);
        }
        if (value != null) parse(value);
        return new Split(List.copyOf(rest), value);
    }

    /** The app's arguments without {@code --ui-scale}, and its value (null if absent). */
    public record Split(List<String> args, String option) {}
}
