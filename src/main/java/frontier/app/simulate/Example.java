package frontier.app.simulate;

import java.nio.file.Path;

/**
 * An example scenario file offered in the list.
 *
 * @param file        the scenario file
 * @param label       its path relative to the examples directory, with '/' separators
 * @param title       the scenario's {@code name}, or the label when the file has none (or cannot be read)
 * @param description the scenario's {@code description}, empty when it has none
 */
public record Example(Path file, String label, String title, String description) {
    /** An example titled by its path. */
    public Example(Path file, String label) {
        this(file, label, label, "");
    }

    /** Its title, then its path and the whole description: what a tooltip shows. */
    public String details() {
        return title + "\n" + label + (description.isBlank() ? "" : "\n\n" + description);
    }

    /** A wrapping tooltip with the {@link #details()}: long descriptions are read in full there. */
    public static javafx.scene.control.Tooltip tooltip(Example e) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip(e.details());
        t.setWrapText(true);
        t.setMaxWidth(520);
        t.setShowDuration(javafx.util.Duration.minutes(2));
        return t;
    }

    @Override
    public String toString() {
        return title;
    }
}
