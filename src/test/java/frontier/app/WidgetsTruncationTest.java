package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.testing.FxAppExtension;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The rule "no truncated text without a tooltip": a label shows its whole text in a tooltip only while elided. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class WidgetsTruncationTest {
    private static final String TEXT = "Queue length (time average over the measured span)";
    private Label label;

    @Start
    void start(Stage stage) {
        label = new Label(TEXT);
        label.setMaxWidth(80);
        Widgets.tooltipWhenTruncated(label);
        stage.setScene(new Scene(new HBox(label), 400, 100));
        stage.show();
    }

    @Test
    void anElidedLabelHasItsWholeTextInATooltipAndLosesItWhenItFits(FxRobot robot) {
        FxAppExtension.settle();
        assertTrue(label.isTextTruncated(), "80 px is too narrow for the text");
        assertEquals(TEXT, label.getTooltip().getText());

        robot.interact(() -> label.setMaxWidth(Double.MAX_VALUE));
        FxAppExtension.settle();
        assertNull(label.getTooltip(), "no tooltip once the whole text shows");
    }

    @Test
    void aTooltipSetForAnotherPurposeIsLeftAlone(FxRobot robot) {
        Tooltip own = new Tooltip("what this figure counts");
        robot.interact(() -> {
            label.setTooltip(own);
            label.setMaxWidth(Double.MAX_VALUE);
        });
        FxAppExtension.settle();
        robot.interact(() -> label.setMaxWidth(80));
        FxAppExtension.settle();
        assertSame(own, label.getTooltip());
    }
}
