package frontier.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.text.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app's preferences kept in the versioned settings file that {@link RecentWorkspaces} also uses
 * ({@code ~/.frontier/settings.json}, or {@code -Dfrontier.settings=PATH}): {@code {"version": 1,
 * "theme": "dark", "ui_scale": "150%", "spark": {"master": …, "deploy_mode": …, "executor_memory": …}, …}}. Other keys are kept as they are; the file is written atomically (temporary file
 * in the same directory, then a move). An unreadable file or value counts as the default, never as an
 * error: remembering a preference is a convenience. Thread-safe.
 */
public final class Settings {
    /** Version of the file's layout, written as {@code "version"}. */
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String THEME = "theme";
    private static final String SPARK = "spark";
    private static final String UI_SCALE = "ui_scale";

    private final Path file;

    private Settings(Path file) {
        this.file = file;
    }

    /** Settings kept in {@code file}; null keeps nothing (tests). */
    public static Settings at(Path file) {
        return new Settings(file);
    }

    /** The settings file the app uses: {@link RecentWorkspaces#defaultFile()}. */
    public static Settings standard() {
        return at(RecentWorkspaces.defaultFile());
    }

    public Path file() {
        return file;
    }

    /** The theme chosen last, light if none was chosen or the file cannot be read. */
    public synchronized Theme theme() {
        JsonNode v = read().get(THEME);
        return Theme.fromKey(v == null ? null : v.asText(), Theme.LIGHT);
    }

    /** Remembers {@code theme}; returns false if the file could not be written (the theme still applies for this session). */
    public synchronized boolean setTheme(Theme theme) {
        ObjectNode root = read();
        root.put(THEME, theme.key());
        return write(root);
    }

    /** The UI scale chosen in Settings ({@link UiScale#CHOICES}: "auto", "150%"…), "auto" if none or not readable. */
    public synchronized String uiScale() {
        JsonNode v = read().get(UI_SCALE);
        String s = v == null ? null : v.asText();
        return UiScale.choice(null, new java.util.Properties(), s);
    }

    /** Remembers the UI scale {@code choice} (applied at the next start); false if the file could not be written. */
    public synchronized boolean setUiScale(String choice) {
        UiScale.parse(choice);
        ObjectNode root = read();
        root.put(UI_SCALE, choice);
        return write(root);
    }

    /** Where "Run on Spark" submits a sweep: master URL, deploy mode (client or cluster) and executor memory (blank: the cluster's). */
    public record Spark(String master, String deployMode, String executorMemory) {
        public static final Spark DEFAULT = new Spark("local[*]", "client", "");
    }

    /** The Spark settings used last, {@link Spark#DEFAULT} where none was saved. */
    public synchronized Spark spark() {
        JsonNode v = read().get(SPARK);
        if (v == null || !v.isObject()) return Spark.DEFAULT;
        return new Spark(
                v.path("master").asText(Spark.DEFAULT.master()),
                v.path("deploy_mode").asText(Spark.DEFAULT.deployMode()),
                v.path("executor_memory").asText(Spark.DEFAULT.executorMemory()));
    }

    /** Remembers the Spark settings; false if the file could not be written. */
    public synchronized boolean setSpark(Spark spark) {
        ObjectNode root = read();
        ObjectNode v = root.putObject(SPARK);
        v.put("master", spark.master());
        v.put("deploy_mode", spark.deployMode());
        v.put("executor_memory", spark.executorMemory());
        return write(root);
    }

    private ObjectNode read() {
        if (file == null) return JSON.createObjectNode();
        try {
            if (Files.isRegularFile(file) && JSON.readTree(file.toFile()) instanceof ObjectNode o) return o;
        } catch (IOException | RuntimeException e) {
            // damaged: start again from defaults, rewritten on the next change
        }
        return JSON.createObjectNode();
    }

    private boolean write(ObjectNode root) {
        if (file == null) return true;
        root.put("version", VERSION);
        try {
            writeAtomically(file, root);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Writes {@code root} as indented JSON to {@code file} through a temporary file beside it and a rename, so a
     * reader never sees half a file (the settings file is shared by the theme and the recent workspaces).
     */
    public static void writeAtomically(Path file, JsonNode root) throws IOException {
        AtomicFile.write(file, out -> JSON.writeValue(out, root));
    }
}
