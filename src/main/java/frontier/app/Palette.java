package frontier.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The colours of the charts drawn in code on a canvas (Explore's scatter, the Unit cost chart and their
 * axes), read from the theme: each is a looked-up colour {@code -frontier-NAME} of {@code frontier.css}
 * (light values at {@code .root}, dark ones at {@code .root.theme-dark}), so canvas charts follow the
 * theme like the CSS-styled ones. {@link #current()} is the palette of the theme in use; charts redraw
 * when it changes ({@link #onChange}). Use from the FX application thread.
 *
 * @param series the categorical colours, in order: a series' colour is {@code series.get(i % size)}
 */
public record Palette(
        Color background,
        Color text,
        Color mutedText,
        Color grid,
        Color axis,
        List<Color> series,
        Color others,
        Color total,
        Color anomaly,
        Color forecast,
        Color point,
        Color infeasible,
        Color front,
        Color optimum,
        Color selected,
        Color compared,
        Color slo,
        Color budget,
        Color overlay,
        Color overlayBorder) {
    /** How many categorical colours the theme defines ({@code -frontier-series-0} …). */
    public static final int SERIES = 8;

    private static final List<String> NAMES = List.of(
            "background",
            "text",
            "muted-text",
            "grid",
            "axis",
            "others",
            "total",
            "anomaly",
            "forecast",
            "point",
            "infeasible",
            "front",
            "optimum",
            "selected",
            "compared",
            "slo",
            "budget",
            "overlay",
            "overlay-border");
    private static final ReadOnlyObjectWrapper<Palette> CURRENT = new ReadOnlyObjectWrapper<>();
    private static final Map<Theme, Palette> READ = new LinkedHashMap<>();

    public Palette {
        series = List.copyOf(series);
    }

    /** The {@code i}-th categorical colour, repeating after {@link #SERIES}. */
    public Color series(int i) {
        return series.get(Math.floorMod(i, series.size()));
    }

    /** While a chart is exported: the palette its drawing uses instead of the theme's (see {@link #exporting}). */
    private static final ThreadLocal<Palette> EXPORTING = new ThreadLocal<>();

    /**
     * The palette of the theme in use (the light one until a theme is applied); while {@link #exporting} runs on this
     * thread, the export's palette.
     */
    public static Palette current() {
        Palette exporting = EXPORTING.get();
        if (exporting != null) return exporting;
        if (CURRENT.get() == null) CURRENT.set(of(Theme.LIGHT));
        return CURRENT.get();
    }

    /**
     * Runs {@code draw} with {@link #current()} giving the light theme's palette on this thread, whatever the app's
     * theme: an exported chart (PNG, SVG, clipboard, the reports' figures) sits under a caption drawn dark on white,
     * and goes on a white page, so a chart drawn in the dark theme's colours would be a dark box on it. The app's
     * charts on screen are not redrawn (the theme's palette does not change).
     */
    public static void exporting(Runnable draw) {
        Palette before = EXPORTING.get();
        EXPORTING.set(of(Theme.LIGHT));
        try {
            draw.run();
        } finally {
            if (before == null) EXPORTING.remove();
            else EXPORTING.set(before);
        }
    }

    public static ReadOnlyObjectProperty<Palette> currentProperty() {
        return CURRENT.getReadOnlyProperty();
    }

    /** Makes {@code theme}'s palette the current one (called when the window's theme changes). */
    public static void use(Theme theme) {
        CURRENT.set(of(theme));
    }

    /**
     * Runs {@code redraw} whenever the palette changes. The listener is held weakly (a chart that is gone
     * is not kept alive by the palette), so the caller keeps the returned listener as long as it draws.
     */
    public static InvalidationListener onChange(Runnable redraw) {
        InvalidationListener l = (Observable o) -> redraw.run();
        CURRENT.addListener(new WeakInvalidationListener(l));
        return l;
    }

    /** {@code theme}'s palette, read once by applying the style sheets to hidden probe regions. */
    public static synchronized Palette of(Theme theme) {
        return READ.computeIfAbsent(theme, Palette::read);
    }

    private static Palette read(Theme theme) {
        StackPane root = new StackPane();
        root.getStyleClass().add(theme.styleClass());
        Map<String, Region> probes = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(NAMES);
        for (int i = 0; i < SERIES; i++) all.add("series-" + i);
        for (String n : all) {
            Region r = new Region();
            r.getStyleClass().add("palette-" + n);
            probes.put(n, r);
            root.getChildren().add(r);
        }
        Scene scene = new Scene(root);
        scene.setUserAgentStylesheet(theme.userAgentStylesheet());
        scene.getStylesheets().add(Theme.STYLESHEET);
        root.applyCss();
        Map<String, Color> c = new LinkedHashMap<>();
        probes.forEach((n, r) -> c.put(n, colour(r, n)));
        List<Color> series = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) series.add(c.get("series-" + i));
        return new Palette(
                c.get("background"),
                c.get("text"),
                c.get("muted-text"),
                c.get("grid"),
                c.get("axis"),
                series,
                c.get("others"),
                c.get("total"),
                c.get("anomaly"),
                c.get("forecast"),
                c.get("point"),
                c.get("infeasible"),
                c.get("front"),
                c.get("optimum"),
                c.get("selected"),
                c.get("compared"),
                c.get("slo"),
                c.get("budget"),
                c.get("overlay"),
                c.get("overlay-border"));
    }

    private static Color colour(Region probe, String name) {
        Background b = probe.getBackground();
        Paint p = b == null || b.getFills().isEmpty()
                ? null
                : b.getFills().getFirst().getFill();
        if (p instanceof Color colour) return colour;
        throw new IllegalStateException("frontier.css defines no colour for .palette-" + name);
    }
}
