package frontier.app;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ListCell;
import javafx.scene.layout.BorderPane;

/**
 * The window's layout: a navigation list on the left, the selected {@link WorkbenchView} in the
 * centre. New screens are added by passing another view; nothing else here changes.
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final ListView<WorkbenchView> navigation = new ListView<>();

    public MainWindow(List<WorkbenchView> views) {
        if (views.isEmpty()) throw new IllegalArgumentException("no views");
        navigation.setId("navigation");
        navigation.getStyleClass().add("navigation");
        navigation.getItems().setAll(views);
        navigation.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(WorkbenchView view, boolean empty) {
                super.updateItem(view, empty);
                setText(empty || view == null ? null : view.title());
            }
        });
        navigation.setPrefWidth(110);
        navigation.setMinWidth(110);
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, view) -> {
            if (view != null) root.setCenter(view.node());
        });
        navigation.getSelectionModel().selectFirst();
        root.setLeft(navigation);
    }

    /** Selects {@code view} in the navigation (it must be one of the window's views). */
    public void show(WorkbenchView view) {
        if (!navigation.getItems().contains(view)) throw new IllegalArgumentException("not a view of this window: " + view.title());
        navigation.getSelectionModel().select(view);
    }

    public BorderPane root() {
        return root;
    }

    /** A scene of the given size with the workbench style sheet. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().add(Styles.dataUri());
        return scene;
    }
}
