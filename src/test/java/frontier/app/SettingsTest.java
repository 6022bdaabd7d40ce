package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void themeIsRememberedInTheVersionedSettingsFileBesideTheRecentWorkspaces() throws IOException {
        Path file = dir.resolve("settings.json");
        RecentWorkspaces.at(file).add(dir.resolve("a.sqlite"));
        Settings settings = Settings.at(file);
        assertEquals(Theme.LIGHT, settings.theme(), "light until one is chosen");

        assertTrue(settings.setTheme(Theme.DARK));

        assertEquals(Theme.DARK, Settings.at(file).theme(), "read back by a new session");
        String json = Files.readString(file);
        assertTrue(json.contains("\"version\" : 1") && json.contains("\"theme\" : \"dark\""), json);
        assertEquals(
                List.of(dir.resolve("a.sqlite").toAbsolutePath().normalize()),
                RecentWorkspaces.at(file).list(),
                "other keys kept");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "the temporary file was moved into place, none left behind");
        }
    }

    @Test
    void aDamagedFileOrAnUnknownThemeMeansTheDefaultNotAnError() throws IOException {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{ this is not json");
        assertEquals(Theme.LIGHT, Settings.at(file).theme());
        Files.writeString(file, "{\"version\": 1, \"theme\": \"purple\"}");
        assertEquals(Theme.LIGHT, Settings.at(file).theme());

        assertTrue(Settings.at(file).setTheme(Theme.DARK), "a damaged value is rewritten on the next change");
        assertEquals(Theme.DARK, Settings.at(file).theme());
    }

    @Test
    void aSettingsFileThatCannotBeWrittenIsReportedNotThrown() throws IOException {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "a file where the settings folder should be");
        Settings s = Settings.at(blocker.resolve("settings.json"));
        assertEquals(false, s.setTheme(Theme.DARK));
        assertEquals(Theme.LIGHT, s.theme());
    }
}
