package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which workspace the app starts on, by the CLI's rule: one named at launch, else the most recent that still
 * exists, else the CLI's default workspace if the user has it, else (no workspace at all) the demo.
 */
class StartWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void namedThenMostRecentExistingThenTheDefaultThenDemo() throws IOException {
        Path demo = dir.resolve("demo.sqlite");
        Path gone = dir.resolve("gone.sqlite");
        Path fallback = dir.resolve("workspace.sqlite");
        Path team = Files.writeString(dir.resolve("team.sqlite"), "");
        Path named = dir.resolve("named.sqlite");
        assertEquals(named, BillingSession.startWorkspace(named, List.of(team), fallback, demo));
        assertEquals(team, BillingSession.startWorkspace(null, List.of(gone, team), fallback, demo));
        assertEquals(demo, BillingSession.startWorkspace(null, List.of(gone), fallback, demo));
        assertEquals(demo, BillingSession.startWorkspace(null, List.of(), fallback, demo), "first start");
    }

    @Test
    void aUserWhoImportedWithTheCliOnlyStartsOnThatWorkspaceNotOnTheDemo() throws IOException {
        Path demo = dir.resolve("demo.sqlite");
        Path fallback = Files.writeString(dir.resolve("workspace.sqlite"), "");
        assertEquals(
                fallback, BillingSession.startWorkspace(null, List.of(dir.resolve("gone.sqlite")), fallback, demo));
    }
}
