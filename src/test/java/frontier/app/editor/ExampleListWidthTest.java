package frontier.app.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The Scenario view's example list keeps 270 px on a small window and widens, up to 420 px, on a large one. */
class ExampleListWidthTest {
    @Test
    void theExampleListGrowsWithTheWindowBetweenItsBounds() {
        assertEquals(270, ScenarioEditorView.exampleListWidth(1280), "1280×720 keeps the width it was laid out for");
        assertEquals(270, ScenarioEditorView.exampleListWidth(800));
        assertEquals(326, ScenarioEditorView.exampleListWidth(1632), "the window's default size on a full HD screen");
        assertEquals(384, ScenarioEditorView.exampleListWidth(1920));
        assertEquals(420, ScenarioEditorView.exampleListWidth(3840), "never wider than 420 px");
    }
}
