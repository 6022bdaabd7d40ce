package frontier.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule by which the CLI and the app choose the workspace when none is named, so that
 * {@code frontier costs} after using the app shows what the app showed: {@code -Dfrontier.workspace=PATH},
 * else the most recently used workspace that still exists (the list the app keeps in the settings file,
 * {@link #settingsFile()}), else {@code ~/.frontier/workspace.sqlite}. The app opens its generated demo
 * workspace only when none of these exists (the user has no workspace yet); the demo is then the most recent
 * one, for the CLI too, until another is opened or created.
 */
public final class CurrentWorkspace {
    /** The system property that names the workspace. */
    public static final String PROPERTY = "frontier.workspace";
    /** The settings file's key of the recently used workspaces, newest first. */
    public static final String RECENT_KEY = "recent_workspaces";

    private static final ObjectMapper JSON = new ObjectMapper();

    private CurrentWorkspace() {}

    /** {@code -Dfrontier.settings=PATH}, else {@code ~/.frontier/settings.json}. */
    public static Path settingsFile() {
        String p = System.getProperty("frontier.settings");
        if (p != null && !p.isBlank()) return Path.of(p);
        return frontierDir().resolve("settings.json");
    }

    /** {@code ~/.frontier/workspace.sqlite}: the workspace of a user who has used none yet. */
    public static Path fallback() {
        return frontierDir().resolve("workspace.sqlite");
    }

    /** The workspace named by {@code -Dfrontier.workspace=PATH}, or null. */
    public static Path forced() {
        String p = System.getProperty(PROPERTY);
        return p == null || p.isBlank() ? null : Path.of(p);
    }

    /** The current workspace by the rule above, read from {@link #settingsFile()}. */
    public static Path resolve() {
        return resolve(forced(), recent(settingsFile()), fallback());
    }

    /** {@code forced} if not null, else the first of {@code recent} that exists, else {@code fallback}. */
    public static Path resolve(Path forced, List<Path> recent, Path fallback) {
        if (forced != null) return forced;
        return recent.stream().filter(Files::isRegularFile).findFirst().orElse(fallback);
    }

    /**
     * The recently used workspaces kept in the settings file {@code file} (absolute, newest first, at most
     * {@code max}); an unreadable file counts as empty, never as an error.
     */
    public static List<Path> recent(Path file, int max) {
        List<Path> out = new ArrayList<>();
        try {
            if (file == null || !Files.isRegularFile(file)) return out;
            JsonNode root = JSON.readTree(file.toFile());
            JsonNode arr = root == null ? null : root.get(RECENT_KEY);
            if (arr != null && arr.isArray()) {
                for (JsonNode n : arr) {
                    if (!n.isTextual() || n.asText().isBlank()) continue;
                    Path p = Path.of(n.asText()).toAbsolutePath().normalize();
                    if (!out.contains(p) && out.size() < max) out.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged settings file must stop neither the CLI nor the app: no recent workspaces.
        }
        return out;
    }

    /** {@link #recent(Path, int)} without a limit. */
    public static List<Path> recent(Path file) {
        return recent(file, Integer.MAX_VALUE);
    }

    private static Path frontierDir() {
        return Path.of(System.getProperty("user.home"), ".frontier");
    }
}
