package frontier.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * What the window starts with. Arguments: an optional file to open, a billing workspace if its name ends
 * in {@code .sqlite}, else a scenario. System properties: {@code frontier.simulations} (directory of
 * example scenarios, default {@code simulations} in the working directory), {@code frontier.workspace}
 * (the billing workspace, unless one is given as argument) and {@code frontier.autorun=true} (run the
 * opened scenario at once, for screenshots).
 *
 * @param examplesDir directory searched recursively for example scenarios
 * @param initialFile scenario to open at start, or null
 * @param autorun     whether to run {@code initialFile} at start
 * @param workspace   billing workspace to start on, or null for the usual choice (the most recent one, else the demo)
 */
public record LaunchOptions(Path examplesDir, Path initialFile, boolean autorun, Path workspace) {
    public static final String SIMULATIONS_PROPERTY = "frontier.simulations";
    public static final String AUTORUN_PROPERTY = "frontier.autorun";
    public static final String WORKSPACE_PROPERTY = "frontier.workspace";

    public static LaunchOptions from(List<String> args, Properties properties) {
        Path examples = Path.of(properties.getProperty(SIMULATIONS_PROPERTY, "simulations"));
        Path file = args.isEmpty() ? null : Path.of(args.getFirst());
        boolean autorun = Boolean.parseBoolean(properties.getProperty(AUTORUN_PROPERTY, "false"));
        String w = properties.getProperty(WORKSPACE_PROPERTY);
        Path workspace = w == null || w.isBlank() ? null : Path.of(w);
        if (file != null && file.getFileName().toString().endsWith(".sqlite")) {
            workspace = file;
            file = null;
        }
        return new LaunchOptions(examples, file, autorun, workspace);
    }
}
