package frontier.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.store.CurrentWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workspaces the app opened most recently, newest first (the first that exists is the current one,
 * for the CLI too: {@link CurrentWorkspace}), kept in a small JSON settings file
 * ({@code ~/.frontier/settings.json}, or {@code -Dfrontier.settings=PATH}):
 * {@code {"version": 1, "recent_workspaces": ["/abs/path.sqlite", …]}}. Other keys of the file are kept
 * as they are. The file is written atomically (a temporary file in the same directory, then a move),
 * so a crash never leaves it half written; an unreadable file counts as empty, never as an error.
 * Thread-safe.
 */
public final class RecentWorkspaces {
    /** How many workspaces are remembered. */
    public static final int MAX = 10;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String KEY = CurrentWorkspace.RECENT_KEY;

    private final Path file;
    private final List<Path> recent = new ArrayList<>();

    private RecentWorkspaces(Path file) {
        this.file = file;
        if (file != null) recent.addAll(read(file));
    }

    /** The list kept in {@code file} (created on the first {@link #add}). */
    public static RecentWorkspaces at(Path file) {
        return new RecentWorkspaces(file);
    }

    /** A list kept in memory only (tests, or when no settings are wanted). */
    public static RecentWorkspaces inMemory() {
        return new RecentWorkspaces(null);
    }

    /** {@code -Dfrontier.settings=PATH}, else {@code ~/.frontier/settings.json} (the file the CLI reads too). */
    public static Path defaultFile() {
        return CurrentWorkspace.settingsFile();
    }

    /** Newest first. */
    public synchronized List<Path> list() {
        return List.copyOf(recent);
    }

    /** Moves {@code workspace} to the front (absolute, normalised), keeps at most {@link #MAX}, saves. */
    public synchronized void add(Path workspace) {
        Path p = workspace.toAbsolutePath().normalize();
        recent.remove(p);
        recent.addFirst(p);
        while (recent.size() > MAX) recent.removeLast();
        save();
    }

    /** Forgets {@code workspace} (e.g. a file that no longer exists) and saves. */
    public synchronized void remove(Path workspace) {
        if (recent.remove(workspace.toAbsolutePath().normalize())) save();
    }

    private static List<Path> read(Path file) {
        // A damaged settings file must not stop the app: an empty list, rewritten on the next add.
        return CurrentWorkspace.recent(file, MAX);
    }

    private void save() {
        if (file == null) return;
        try {
            ObjectNode root = JSON.createObjectNode();
            try {
                if (Files.isRegularFile(file) && JSON.readTree(file.toFile()) instanceof ObjectNode old) root = old;
            } catch (IOException e) {
                // unreadable: replaced below
            }
            root.put("version", 1);
            ArrayNode arr = root.putArray(KEY);
            recent.forEach(p -> arr.add(p.toString()));
            frontier.app.Settings.writeAtomically(file, root);
        } catch (IOException e) {
            // Remembering is a convenience: the workspace itself is open and fine.
        }
    }
}
