package frontier.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import frontier.testing.FxAppExtension;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every table copies as tab-separated text (Ctrl+C, context menu) and exports CSV with formula cells neutralised. */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
class TableExportTest {
    record Line(String account, String tag, double cost) {}

    private TableView<Line> table;
    private String status = "";

    @Start
    void start(Stage stage) {
        table = new TableView<>(FXCollections.observableArrayList(
                new Line("prod", "=HYPERLINK(\"http://x\",\"y\")", -1.5),
                new Line("dev\tteam", "@sum", 2.25),
                new Line("lab", "+note", 0)));
        table.getColumns().add(column("Account", Line::account));
        table.getColumns().add(column("Tag", Line::tag));
        table.getColumns().add(column("Cost (USD)", Line::cost));
        table.setId("t");
        TableExport.install(table, "t.csv", s -> status = s);
        stage.setScene(new Scene(table, 500, 300));
        stage.show();
    }

    private static <T> TableColumn<Line, T> column(String name, java.util.function.Function<Line, T> f) {
        TableColumn<Line, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    @Test
    void csvNeutralisesFormulaCellsButKeepsNegativeNumbers() {
        assertEquals("""
                Account,Tag,Cost (USD)
                prod,"'=HYPERLINK(""http://x"",""y"")",-1.5
                dev\tteam,"'@sum",2.25
                lab,"'+note",0.0
                """, TableExport.csv(table));
    }

    @Test
    void tsvHasTheHeaderAndTheRowsWithTabsInsideCellsMadeSpaces() {
        assertEquals(
                "Account\tTag\tCost (USD)\ndev team\t@sum\t2.25\n",
                TableExport.tsv(table, List.of(table.getItems().get(1))));
    }

    @Test
    void ctrlCCopiesTheSelectedRowAsTabSeparatedText(FxRobot robot) throws Exception {
        robot.clickOn("lab");
        robot.press(KeyCode.CONTROL).press(KeyCode.C).release(KeyCode.C).release(KeyCode.CONTROL);
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertEquals("Account\tTag\tCost (USD)\nlab\t+note\t0.0\n", copied);
        assertEquals("Copied 1 row", status);
    }

    @Test
    void contextMenuCopyWithNoSelectionCopiesEveryRow(FxRobot robot) throws Exception {
        robot.interact(() -> table.getSelectionModel().clearSelection());
        robot.interact(() -> table.getContextMenu().getItems().stream()
                .filter(i -> "copyTable".equals(i.getId()))
                .findFirst()
                .orElseThrow()
                .fire());
        String copied = WaitForAsyncUtils.asyncFx(
                        () -> Clipboard.getSystemClipboard().getString())
                .get(10, TimeUnit.SECONDS);
        assertEquals(4, copied.lines().count(), copied);
        assertEquals("Copied 3 rows", status);
    }
}
