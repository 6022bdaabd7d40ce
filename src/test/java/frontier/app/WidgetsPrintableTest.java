package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;

/** The app's status lines show what the CLI prints: control bytes echoed from input as visible escapes. */
class WidgetsPrintableTest {
    @Test
    void statusTextShowsNulAndEscOfABadCellAsEscapesAndFollowsChanges() {
        SimpleStringProperty status = new SimpleStringProperty(
                "Not imported: bill.csv: line 2, column 'BilledCost': got '12\u0000\u001b[2J'");
        StringBinding shown = Widgets.printable(status);
        assertEquals("Not imported: bill.csv: line 2, column 'BilledCost': got '12\\x00\\x1b[2J'", shown.get());
        status.set("Imported 3 lines\nfrom bill.csv");
        assertEquals("Imported 3 lines\nfrom bill.csv", shown.get());
    }
}
