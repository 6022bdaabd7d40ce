package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.BillingSession;
import frontier.app.RecentWorkspaces;
import frontier.app.TaskExecutor;
import frontier.app.data.DataViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI and the app share the current workspace: {@code frontier costs} after using the app shows the app's
 * workspace, in a child JVM whose home is a temporary directory (nothing of the real home is read).
 */
@Tag("slow")
class SharedWorkspaceTest {
    @TempDir
    Path home;

    private ChildJvm cli(String name, String... args) throws Exception {
        ChildJvm c = ChildJvm.start(home.resolve("run-" + name), List.of("-Duser.home=" + home), Map.of(), args);
        c.waitFor(120);
        return c;
    }

    @Test
    void costsAfterTheAppShowsTheWorkspaceTheAppUsedLast() throws Exception {
        // What the app does: its session on the settings file of this home, a workspace created and a bill imported in
        // the Data view.
        Path settings = home.resolve(".frontier/settings.json");
        BillingSession session =
                new BillingSession(home.resolve(".frontier/demo.sqlite"), RecentWorkspaces.at(settings));
        DataViewModel data = new DataViewModel(session, TaskExecutor.CURRENT_THREAD);
        Path team = home.resolve("team.sqlite");
        data.openWorkspace(team);
        data.importFile(Path.of(SharedWorkspaceTest.class
                .getResource("/billing/aws_cur2_mock_parquet_twin.csv")
                .toURI()));
        assertFalse(data.errorProperty().get(), data.statusProperty().get());

        ChildJvm byDefault = cli("default", "costs");
        ChildJvm named = cli("named", "costs", "--workspace", team.toString());
        assertEquals(0, byDefault.process().exitValue(), byDefault.stderr());
        assertFalse(byDefault.stdout().isBlank());
        assertEquals(named.stdout(), byDefault.stdout(), "the same data as the app's workspace");
    }

    @Test
    void withoutAnyWorkspaceTheCliUsesTheDefaultFileInTheHome() throws Exception {
        ChildJvm c = cli("fresh", "costs");
        assertEquals(2, c.process().exitValue());
        assertTrue(c.stderr().contains(home.resolve(".frontier/workspace.sqlite") + ": no workspace yet"), c.stderr());
    }
}
