package frontier.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;

/**
 * The app's two looks: AtlantaFX's Primer light or dark as the user-agent style sheet, with
 * {@code frontier.css} on top (its looked-up colours switch on the root's {@link #styleClass()}).
 */
public enum Theme {
    LIGHT("Light", new PrimerLight().getUserAgentStylesheet(), "theme-light"),
    DARK("Dark", new PrimerDark().getUserAgentStylesheet(), "theme-dark");

    /** The app's own style sheet: classes and looked-up colours for both themes. */
    public static final String STYLESHEET = java.util.Objects.requireNonNull(
                    Theme.class.getResource("frontier.css"), "frontier.css")
            .toExternalForm();

    private final String label;
    private final String userAgentStylesheet;
    private final String styleClass;

    Theme(String label, String userAgentStylesheet, String styleClass) {
        this.label = label;
        this.userAgentStylesheet = userAgentStylesheet;
        this.styleClass = styleClass;
    }

    /** As shown in the View → Theme menu. */
    public String label() {
        return label;
    }

    /** AtlantaFX's style sheet for the whole application. */
    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** The class the scene's root carries while this theme is on. */
    public String styleClass() {
        return styleClass;
    }

    /** How the settings file names it: "light", "dark". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The theme named {@code key} in a settings file, else {@code fallback} (an unknown or missing name is not an error). */
    public static Theme fromKey(String key, Theme fallback) {
        for (Theme t : values()) {
            if (t.key().equals(key)) return t;
        }
        return fallback;
    }
}
