package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-workspace list in the settings file: newest first, bounded, atomic, tolerant of a damaged file. */
class RecentWorkspacesTest {
    @TempDir
    Path dir;

    @Test
    void newestFirstWithoutDuplicatesAndBoundedAndReadBack() throws IOException {
        Path settings = dir.resolve("home/.frontier/settings.json");
        RecentWorkspaces r = RecentWorkspaces.at(settings);
        Path a = dir.resolve("a.sqlite");
        Path b = dir.resolve("sub/../b.sqlite");
        r.add(a);
        r.add(b);
        r.add(a);
        assertEquals(List.of(a, dir.resolve("b.sqlite")), r.list());
        assertEquals(
                List.of(a, dir.resolve("b.sqlite")),
                RecentWorkspaces.at(settings).list(),
                "persisted");
        IntStream.range(0, 15).forEach(i -> r.add(dir.resolve("w" + i + ".sqlite")));
        assertEquals(RecentWorkspaces.MAX, RecentWorkspaces.at(settings).list().size());
        assertEquals(
                dir.resolve("w14.sqlite"), RecentWorkspaces.at(settings).list().getFirst());
        try (Stream<Path> files = Files.list(settings.getParent())) {
            assertEquals(List.of(settings), files.toList(), "no temporary file left behind");
        }
        r.remove(dir.resolve("w14.sqlite"));
        assertEquals(
                dir.resolve("w13.sqlite"), RecentWorkspaces.at(settings).list().getFirst());
    }

    @Test
    void otherSettingsAreKeptAndADamagedFileCountsAsEmpty() throws IOException {
        Path settings = dir.resolve("settings.json");
        Files.writeString(settings, "{\"theme\": \"dark\", \"recent_workspaces\": [\"/x/old.sqlite\", 3, \"\"]}");
        RecentWorkspaces r = RecentWorkspaces.at(settings);
        assertEquals(List.of(Path.of("/x/old.sqlite")), r.list());
        r.add(dir.resolve("new.sqlite"));
        var json = new ObjectMapper().readTree(settings.toFile());
        assertEquals("dark", json.get("theme").asText());
        assertEquals(1, json.get("version").asInt());
        assertEquals(2, json.get("recent_workspaces").size());

        Files.writeString(settings, "{\"recent_workspaces\": [\"/x/a.sql");
        RecentWorkspaces damaged = RecentWorkspaces.at(settings);
        assertTrue(damaged.list().isEmpty());
        damaged.add(dir.resolve("c.sqlite"));
        assertEquals(
                List.of(dir.resolve("c.sqlite")), RecentWorkspaces.at(settings).list(), "rewritten whole");
    }
}
