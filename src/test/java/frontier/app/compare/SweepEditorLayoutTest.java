package frontier.app.compare;

import static frontier.app.FxWait.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.testing.FxAppExtension;
import java.nio.file.Path;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The sweep editor's field list takes its rows' own height when they fit: every field of a small scenario whole, without
 * a scroll bar. (Headless, a row is 27 px and the old guess of 32 px a row happened to fit; under Xvfb a row is 38 px
 * and the guess cut the last of five rows: that was seen, not tested.)
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class SweepEditorLayoutTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1280, 720));
        stage.show();
    }

    @Test
    void theFiveFieldsOfTheHybridExampleShowWholeWithoutScrolling(FxRobot robot) throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper()
                .readTree(Path.of("simulations/fleet/hybrid-on-demand-plus-spot.json")
                        .toFile());
        java.util.concurrent.atomic.AtomicReference<SweepEditor> made =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            made.set(new SweepEditor(tree, "the baseline"));
            made.get().dialog().initOwner(stage);
            made.get().dialog().show();
        });
        SweepEditor editor = made.get();
        waitUntil(30, () -> robot.lookup("#sweepFields").tryQuery().isPresent());
        FxAppExtension.settle();
        ScrollPane fields = robot.lookup("#sweepFields").query();
        double shown = fields.getViewportBounds().getHeight();
        double rows = fields.getContent().getLayoutBounds().getHeight();
        assertTrue(rows < SweepEditor.FIELDS_MAX_HEIGHT, "five fields fit the most the list may take: " + rows);
        assertTrue(shown >= rows - 0.5, "every row shows: " + shown + " px shown of " + rows);
        robot.interact(() -> editor.dialog().close());
    }
}
