package frontier.app.data;

import frontier.app.BillingSession;
import frontier.app.MainWindow;
import frontier.testing.FxAppExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * What the Data screen's TestFX tests share: the screen in a window on a new, empty workspace in a
 * temporary directory, its background thread stopped after each test, and lookups of its history table
 * and status line. TestFX calls only a test class's own {@code @Start} method, so each subclass has one
 * that calls {@link #show}.
 */
@Tag("ui")
@ExtendWith(FxAppExtension.class)
abstract class DataViewTestBase {
    @TempDir
    static Path dir;

    DataView view;
    BillingSession session;

    /** Shows the Data screen on a new workspace file in {@link #dir} (not created yet). */
    void show(Stage stage) throws Exception {
        Path ws = Files.createTempFile(dir, "ws", ".sqlite");
        Files.delete(ws);
        session = new BillingSession(ws);
        view = new DataView(session);
        stage.setScene(new MainWindow(List.of(view)).createScene(1200, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        view.viewModel().shutdown();
    }

    static TableView<ImportEntry> table(FxRobot robot) {
        return robot.lookup("#importTable").queryTableView();
    }

    static Label status(FxRobot robot) {
        return robot.lookup("#importStatus").queryAs(Label.class);
    }
}
