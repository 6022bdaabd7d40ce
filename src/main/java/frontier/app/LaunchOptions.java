package frontier.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What the window starts with. Arguments: an optional scenario file to open. System properties:
 * {@code frontier.simulations} (directory of example scenarios, default {@code simulations} in the
 * working directory) and {@code frontier.autorun=true} (run the opened file at once, for screenshots).
 *
 * @param examplesDir directory searched recursively for example scenarios
 * @param initialFile scenario to open at start, or null
 * @param autorun     whether to run {@code initialFile} at start
 */
public record LaunchOptions(Path examplesDir, Path initialFile, boolean autorun) {
    public static final String SIMULATIONS_PROPERTY = "frontier.simulations";
    public static final String AUTORUN_PROPERTY = "frontier.autorun";

    public static LaunchOptions from(List<String> args, Properties properties) {
        Path examples = Path.of(properties.getProperty(SIMULATIONS_PROPERTY, "simulations"));
        Path file = args.isEmpty() ? null : Path.of(args.getFirst());
        boolean autorun = Boolean.parseBoolean(properties.getProperty(AUTORUN_PROPERTY, "false"));
        return new LaunchOptions(examples, file, autorun);
    }
}
