package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which workspace the app starts on: one named at launch, else the most recent that still exists, else the demo. */
class StartWorkspaceTest {
    @TempDir
    Path dir;

    @Test
    void namedThenMostRecentExistingThenDemo() throws IOException {
        Path demo = dir.resolve("demo.sqlite");
        Path gone = dir.resolve("gone.sqlite");
        Path team = Files.writeString(dir.resolve("team.sqlite"), "");
        Path named = dir.resolve("named.sqlite");
        assertEquals(named, BillingSession.startWorkspace(named, List.of(team), demo));
        assertEquals(team, BillingSession.startWorkspace(null, List.of(gone, team), demo));
        assertEquals(demo, BillingSession.startWorkspace(null, List.of(gone), demo));
        assertEquals(demo, BillingSession.startWorkspace(null, List.of(), demo), "first start");
    }
}
