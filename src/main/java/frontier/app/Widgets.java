package frontier.app;

import frontier.text.Printable;
import java.util.Locale;
import java.util.function.DoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/** Small building blocks shared by the views. */
public final class Widgets {
    private Widgets() {}

    /**
     * {@code text} as the app displays messages: input echoed in them (a bad cell, a file name) has its control
     * characters shown as visible escapes ({@link Printable}), as the CLI prints them.
     */
    public static StringBinding printable(ObservableStringValue text) {
        return Bindings.createStringBinding(() -> Printable.escape(text.get()), text);
    }

    /** A wrapping status line showing {@link #printable printable(text)}, with the full text in a tooltip for long messages. */
    public static Label statusLabel(String id, ObservableStringValue text, double tooltipWidth) {
        StringBinding shown = printable(text);
        Label status = new Label();
        status.setId(id);
        status.getStyleClass().add("status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(shown);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(shown);
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

    /**
     * Shows {@code labeled}'s whole text in a tooltip while it is elided ("…"), and takes the tooltip away when it
     * fits again: the app's rule "no truncated text without a tooltip", for cells and labels that can be narrowed.
     * A tooltip set on {@code labeled} for another purpose is left alone.
     */
    public static void tooltipWhenTruncated(javafx.scene.control.Labeled labeled) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(labeled.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        javafx.beans.InvalidationListener update = o -> {
            Tooltip current = labeled.getTooltip();
            if (labeled.isTextTruncated()) {
                if (current == null) labeled.setTooltip(tip);
            } else if (current == tip) labeled.setTooltip(null);
        };
        labeled.textTruncatedProperty().addListener(update);
        update.invalidated(null);
    }

    /** Table cells of text that show their whole text in a tooltip while the column is too narrow for it. */
    public static <R>
            javafx.util.Callback<javafx.scene.control.TableColumn<R, String>, javafx.scene.control.TableCell<R, String>>
                    textCellsWithTooltips() {
        return column -> {
            javafx.scene.control.TableCell<R, String> cell = new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            tooltipWhenTruncated(cell);
            return cell;
        };
    }

    /** Key under which a column header keeps the tooltip {@link #headerTooltips} gave it. */
    static final String HEADER_TOOLTIP = "frontier.headerTooltip";

    /**
     * Gives every column header of {@code table} (nested ones too) a tooltip with the column's whole title, so a
     * title elided at 1280×720 ("Curre…") can still be read. Headers are made by the table's skin and made again
     * when columns change, so this follows the skin and the columns. Called for every table by
     * {@link TableExport#install}; a table without export calls it itself.
     */
    public static void headerTooltips(javafx.scene.control.TableView<?> table) {
        Runnable later = () -> javafx.application.Platform.runLater(() -> installHeaderTooltips(table));
        table.skinProperty().addListener(o -> later.run());
        table.getColumns().addListener((javafx.collections.ListChangeListener<Object>) c -> later.run());
        table.sceneProperty().addListener(o -> later.run());
        if (table.getSkin() != null) later.run();
    }

    private static void installHeaderTooltips(javafx.scene.control.TableView<?> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (!(n instanceof javafx.scene.control.skin.TableColumnHeader header)) continue;
            javafx.scene.control.TableColumnBase<?, ?> column = header.getTableColumn();
            if (column == null || header.getProperties().get(HEADER_TOOLTIP) instanceof Tooltip) continue;
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(column.textProperty());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            Tooltip.install(header, tip);
            header.getProperties().put(HEADER_TOOLTIP, tip);
        }
    }

    /**
     * Keeps the whole title of the columns {@code which} picks (short figures such as "Instances", "USD/1k req"):
     * their minimum width becomes the width their title needs in the header's font, so a narrow window takes the
     * room from the other columns (long names whose cells show their text in a tooltip).
     */
    public static void keepTitlesWhole(
            javafx.scene.control.TableView<?> table,
            java.util.function.Predicate<javafx.scene.control.TableColumnBase<?, ?>> which) {
        Runnable later = () -> javafx.application.Platform.runLater(() -> {
            for (Node n : table.lookupAll(".column-header")) {
                if (!(n instanceof javafx.scene.control.skin.TableColumnHeader header)) continue;
                javafx.scene.control.TableColumnBase<?, ?> column = header.getTableColumn();
                if (column == null || !which.test(column) || !(header.lookup(".label") instanceof Label label))
                    continue;
                double needed = label.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + 4;
                if (needed > column.getMinWidth()) column.setMinWidth(Math.ceil(needed));
            }
        });
        table.skinProperty().addListener(o -> later.run());
        table.sceneProperty().addListener(o -> later.run());
        table.getColumns().addListener((javafx.collections.ListChangeListener<Object>) c -> later.run());
        if (table.getSkin() != null) later.run();
    }

    /** The tooltip {@link #headerTooltips} gave a column header, or null. */
    public static Tooltip headerTooltip(Node header) {
        return header.getProperties().get(HEADER_TOOLTIP) instanceof Tooltip t ? t : null;
    }

    /** The width {@code text} takes laid out on one line in {@code font} (a {@code Text} node's layout bounds). */
    public static double textWidth(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
