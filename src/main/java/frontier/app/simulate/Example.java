package frontier.app.simulate;

import java.nio.file.Path;

/**
 * An example scenario file offered in the list.
 *
 * @param file  the scenario file
 * @param label its path relative to the examples directory, with '/' separators
 */
public record Example(Path file, String label) {
    @Override
    public String toString() {
        return label;
    }
}
