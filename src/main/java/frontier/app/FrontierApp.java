package frontier.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class FrontierApp extends Application {
    public static void launchApp(String[] args) {
        Application.launch(FrontierApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setScene(new Scene(new Label("Frontier"), 400, 300));
        stage.show();
    }
}
