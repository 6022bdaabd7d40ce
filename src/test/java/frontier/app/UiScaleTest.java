package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UI scale: from the command line, a property or Settings to the JavaFX properties set before the toolkit starts. */
class UiScaleTest {
    @TempDir
    Path dir;

    @Test
    void choicesReadAsPercentagesOrFactorsAndAutoIsZero() {
        assertEquals(0, UiScale.parse("auto"));
        assertEquals(0, UiScale.parse(" Auto "));
        assertEquals(1.5, UiScale.parse("150%"));
        assertEquals(2, UiScale.parse("2"));
        assertEquals(1.25, UiScale.parse("1.25"));
        for (String bad : new String[] {"big", "", "0", "1000%", "-1", "NaN"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UiScale.parse(bad));
            assertTrue(e.getMessage().contains("auto, a percentage"), e.getMessage());
        }
        assertEquals("auto", UiScale.label(0));
        assertEquals("200%", UiScale.label(2));
        assertEquals("125%", UiScale.label(1.25));
    }

    @Test
    void theCommandLineBeatsThePropertyWhichBeatsSettings() {
        Properties p = new Properties();
        assertEquals("auto", UiScale.choice(null, p, null), "nothing chosen anywhere");
        assertEquals("150%", UiScale.choice(null, p, "150%"), "Settings");
        p.setProperty(UiScale.PROPERTY, "125%");
        assertEquals("125%", UiScale.choice(null, p, "150%"), "-Dfrontier.uiScale");
        assertEquals("2", UiScale.choice("2", p, "150%"), "--ui-scale");
        assertEquals("auto", UiScale.choice(null, new Properties(), "huge"), "a damaged saved value counts as auto");
    }

    @Test
    void autoLeavesAReportedScaleAloneElseDoublesOnA4kScreen() {
        assertEquals(0, UiScale.resolve(0, true, 3840), "the platform's own scale is kept");
        assertEquals(2, UiScale.resolve(0, false, 3840), "4K with no scale from the platform");
        assertEquals(2, UiScale.resolve(0, false, UiScale.AUTO_WIDE_PX));
        assertEquals(0, UiScale.resolve(0, false, 1920), "a 1080p screen stays at 100%");
        assertEquals(0, UiScale.resolve(0, false, 0), "screen unknown");
        assertEquals(1.5, UiScale.resolve(1.5, true, 1280), "a fixed choice wins over everything");

        Properties none = new Properties();
        assertTrue(UiScale.platformReportsScale("Windows 11", Map.of(), none));
        assertTrue(UiScale.platformReportsScale("Mac OS X", Map.of(), none));
        assertFalse(UiScale.platformReportsScale("Linux", Map.of(), none));
        assertTrue(UiScale.platformReportsScale("Linux", Map.of("GDK_SCALE", "2"), none));
        Properties gtk = new Properties();
        gtk.setProperty("glass.gtk.uiScale", "1.5");
        assertTrue(UiScale.platformReportsScale("Linux", Map.of(), gtk));
    }

    @Test
    void aScaleSetsJavaFxHiDpiPropertiesAndAutoSetsNothing() {
        Properties p = new Properties();
        UiScale.apply(0, p);
        assertTrue(p.isEmpty());
        UiScale.apply(2, p);
        assertEquals("2.0", p.getProperty("glass.gtk.uiScale"));
        assertEquals("2.0", p.getProperty("glass.win.uiScale"));
        assertEquals("true", p.getProperty("prism.allowhidpi"));
    }

    @Test
    void theLauncherOptionIsTakenOutOfTheAppsArguments() {
        UiScale.Split s = UiScale.split(List.of("--ui-scale", "200%", "simulations/a.json"));
        assertEquals(List.of("simulations/a.json"), s.args());
        assertEquals("200%", s.option());
        assertEquals("1.5", UiScale.split(List.of("--ui-scale=1.5")).option());
        assertNull(UiScale.split(List.of("w.sqlite")).option());
        assertThrows(IllegalArgumentException.class, () -> UiScale.split(List.of("--ui-scale")));
        assertThrows(IllegalArgumentException.class, () -> UiScale.split(List.of("--ui-scale", "tiny")));
    }

    @Test
    void theChoiceIsRememberedBesideTheThemeAndADamagedOneIsAuto() throws Exception {
        Path file = dir.resolve("settings.json");
        Settings s = Settings.at(file);
        assertEquals("auto", s.uiScale());
        s.setTheme(Theme.DARK);
        assertTrue(s.setUiScale("150%"));
        assertEquals("150%", Settings.at(file).uiScale());
        assertEquals(Theme.DARK, Settings.at(file).theme(), "the theme is kept");
        assertThrows(IllegalArgumentException.class, () -> s.setUiScale("tiny"));
        java.nio.file.Files.writeString(file, "{\"version\": 1, \"ui_scale\": \"enormous\"}");
        assertEquals("auto", Settings.at(file).uiScale());
    }
}
