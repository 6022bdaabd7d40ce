package frontier.app;

import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Small building blocks shared by the views. */
public final class Widgets {
    private Widgets() {
    }

    /** A wrapping status line bound to {@code text}, with the full text in a tooltip for long messages. */
    public static Label statusLabel(String id, ObservableStringValue text, double tooltipWidth) {
        Label status = new Label();
        status.setId(id);
        status.getStyleClass().add("status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(text);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(tooltipWidth);
        status.setTooltip(tip);
        return status;
    }

    /** Runs {@code action} whenever {@code view} is put into the window again (the navigation shows it). */
    public static void whenShown(Node view, Runnable action) {
        view.parentProperty().addListener((obs, o, n) -> {
            if (n != null && o == null) action.run();
        });
    }

    /** Axis tick labels written by {@code format}; parses back numbers with thousands separators. */
    public static StringConverter<Number> tickLabels(DoubleFunction<String> format) {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return format.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Double.parseDouble(s.replace(",", ""));
            }
        };
    }

    /** Whole numbers with thousands separators: 12,345. */
    public static StringConverter<Number> thousands() {
        return tickLabels(v -> String.format(Locale.US, "%,.0f", v));
    }
}
