package frontier.app;

import java.util.List;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;

/**
 * The window's layout: the menu bar on top, a navigation list on the left, the selected
 * {@link WorkbenchView} in the centre. New screens are added by passing another view; nothing else here
 * changes. The look is AtlantaFX's Primer theme with {@code frontier.css} on top ({@link #setTheme}).
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final ListView<WorkbenchView> navigation = new ListView<>();
    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(Theme.LIGHT);

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
        root.getStyleClass().add(Theme.LIGHT.styleClass());
    }

    /** Selects {@code view} in the navigation (it must be one of the window's views). */
    public void show(WorkbenchView view) {
        if (!navigation.getItems().contains(view))
            throw new IllegalArgumentException("not a view of this window: " + view.title());
        navigation.getSelectionModel().select(view);
    }

    /** The views, in navigation order. */
    public List<WorkbenchView> views() {
        return List.copyOf(navigation.getItems());
    }

    /** The view shown. */
    public ReadOnlyObjectProperty<WorkbenchView> shownProperty() {
        return navigation.getSelectionModel().selectedItemProperty();
    }

    public BorderPane root() {
        return root;
    }

    /** Puts {@code bar} above the views. */
    public void setMenuBar(MenuBar bar) {
        root.setTop(bar);
    }

    /**
     * Switches the look: AtlantaFX's style sheet for the application (dialogs included), the root's theme
     * class for {@code frontier.css}'s colours, and the {@link Palette} of the canvas charts (which redraw).
     */
    public void setTheme(Theme t) {
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        if (root.getScene() != null) root.getScene().setUserAgentStylesheet(t.userAgentStylesheet());
        for (Theme other : Theme.values()) root.getStyleClass().remove(other.styleClass());
        root.getStyleClass().add(t.styleClass());
        Palette.use(t);
        theme.set(t);
    }

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    /** A scene of the given size in the window's theme, with the workbench style sheet. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.setUserAgentStylesheet(theme.get().userAgentStylesheet());
        scene.getStylesheets().add(Theme.STYLESHEET);
        return scene;
    }
}
