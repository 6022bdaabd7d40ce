package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void examplesComeFromSimulationsInTheWorkingDirectoryByDefault() {
        LaunchOptions o = LaunchOptions.from(List.of(), new Properties());
        assertEquals(Path.of("simulations"), o.examplesDir());
        assertNull(o.initialFile());
        assertFalse(o.autorun());
    }

    @Test
    void propertyOverridesExamplesDirAndFileArgumentIsOpened() {
        Properties p = new Properties();
        p.setProperty("frontier.simulations", "/opt/examples");
        p.setProperty("frontier.autorun", "true");
        LaunchOptions o = LaunchOptions.from(List.of("my.json"), p);
        assertEquals(Path.of("/opt/examples"), o.examplesDir());
        assertEquals(Path.of("my.json"), o.initialFile());
        assertTrue(o.autorun());
    }

    @Test
    void aSqliteArgumentIsTheWorkspaceAndWinsOverTheProperty() {
        Properties p = new Properties();
        p.setProperty("frontier.workspace", "/data/team.sqlite");
        LaunchOptions byProperty = LaunchOptions.from(List.of(), p);
        assertEquals(Path.of("/data/team.sqlite"), byProperty.workspace());
        LaunchOptions byArgument = LaunchOptions.from(List.of("mine.sqlite"), p);
        assertEquals(Path.of("mine.sqlite"), byArgument.workspace());
        assertNull(byArgument.initialFile(), "a workspace is not a scenario");
        LaunchOptions scenario = LaunchOptions.from(List.of("fleet.json"), new Properties());
        assertNull(scenario.workspace(), "no workspace named: the usual choice (most recent, else the demo)");
    }
}
