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
}
