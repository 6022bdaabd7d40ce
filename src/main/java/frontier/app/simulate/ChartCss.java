package frontier.app.simulate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Per-chart style sheets. Series colours depend on what a run has (which pools, which cost states), so
 * each chart gets a sheet written for its current series; being a Parent sheet it overrides the scene's
 * single bar colour and Modena's default palette, and it styles the legend symbols with the series.
 */
final class ChartCss {
    /** Pool colours, in pool order; the state colours of the cost chart are fixed separately. */
    static final String[] POOL_COLOURS = {"#3d7bd9", "#2e9e5b", "#8e5bd0", "#c7632a", "#1b9aaa", "#a83f6b", "#6b7a1f", "#4a5462"};

    private ChartCss() {
    }

    static String poolColour(int index) {
        return POOL_COLOURS[index % POOL_COLOURS.length];
    }

    static String dataUri(String css) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}
