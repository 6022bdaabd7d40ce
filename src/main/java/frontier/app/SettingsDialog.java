package frontier.app;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * View → Settings…: the theme (applied at once) and the UI scale ({@link UiScale}, applied at the next start,
 * which the dialog says), both remembered in {@link Settings}.
 */
public final class SettingsDialog {
    private final Settings settings;
    private final ChoiceBox<Theme> theme = new ChoiceBox<>();
    private final ChoiceBox<String> scale = new ChoiceBox<>();
    private final Label note = new Label();
    private final GridPane pane = new GridPane();
    private final double scaleNow;

    /**
     * @param settings  where the choices are kept
     * @param current   the theme shown now
     * @param scaleNow  the scale the window is drawn at (JavaFX's output scale), for the note
     */
    public SettingsDialog(Settings settings, Theme current, double scaleNow) {
        this.settings = settings;
        this.scaleNow = scaleNow;
        theme.setId("settingsTheme");
        theme.getItems().setAll(Theme.values());
        theme.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Theme t) {
                return t == null ? "" : t.label();
            }

            @Override
            public Theme fromString(String s) {
                return Theme.fromKey(s.toLowerCase(Locale.ROOT), Theme.LIGHT);
            }
        });
        theme.setValue(current);
        scale.setId("settingsUiScale");
        scale.getItems().setAll(UiScale.CHOICES);
        scale.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : s.equals("auto") ? "Auto (from the screen)" : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        String saved = settings.uiScale();
        if (!scale.getItems().contains(saved)) scale.getItems().add(saved);
        scale.setValue(saved);
        note.setId("settingsUiScaleNote");
        note.setWrapText(true);
        note.setMaxWidth(380);
        note.getStyleClass().add("status");
        scale.valueProperty().addListener((o, was, now) -> note.setText(noteFor(now)));
        note.setText(noteFor(saved));
        pane.setId("settingsPane");
        pane.setHgap(12);
        pane.setVgap(10);
        pane.addRow(0, new Label("Theme"), theme);
        pane.addRow(1, new Label("UI scale"), scale);
        pane.add(note, 0, 2, 2, 1);
    }

    /** What the note under the UI scale says for {@code choice}: the scale now, and that a change needs a restart. */
    String noteFor(String choice) {
        String now = "The window is drawn at " + UiScale.label(scaleNow) + " now.";
        boolean same = choice.equals(settings.uiScale());
        String auto = choice.equals("auto")
                ? " Auto uses the scale your system sets, else 200% on a screen " + UiScale.AUTO_WIDE_PX
                        + " pixels wide or more (4K), else 100%."
                : "";
        return now + auto + (same ? "" : " A new UI scale applies the next time Frontier starts.");
    }

    /** The dialog's content (for tests). */
    public GridPane pane() {
        return pane;
    }

    /** Saves the choices: the theme goes to {@code themeChosen} (which applies and saves it), the scale to the file. */
    public void apply(Consumer<Theme> themeChosen) {
        if (theme.getValue() != null) themeChosen.accept(theme.getValue());
        if (scale.getValue() != null && !scale.getValue().equals(settings.uiScale()))
            settings.setUiScale(scale.getValue());
    }

    /** Shows the dialog over {@code owner}; OK applies the choices. */
    public void show(Window owner, Consumer<Theme> themeChosen) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Settings");
        d.setHeaderText("Settings");
        if (owner != null) d.initOwner(owner);
        d.getDialogPane().setId("settingsDialog");
        d.getDialogPane().setContent(pane);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (owner != null && owner.getScene() != null) {
            d.getDialogPane().getStylesheets().add(Theme.STYLESHEET);
            d.getDialogPane()
                    .getStyleClass()
                    .addAll(owner.getScene().getRoot().getStyleClass().filtered(c -> c.startsWith("theme-")));
        }
        d.showAndWait().filter(ButtonType.OK::equals).ifPresent(b -> apply(themeChosen));
    }
}
