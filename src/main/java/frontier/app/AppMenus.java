package frontier.app;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The window's menu bar: File, View, Run, Help. Items do what the views' own buttons do (they press them,
 * so a menu item is enabled exactly when its button is), or what a view registered for the standard
 * actions ({@link Action}: run, cancel, save, export), which then act on the view shown. Accelerators are
 * shown in the menus; F5 runs too. Build the views first, register, then {@link #build}.
 */
public final class AppMenus {
    /** What the standard shortcuts do in the view shown. */
    public enum Action {
        RUN("Run", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN)),
        CANCEL("Cancel", new KeyCodeCombination(KeyCode.ESCAPE)),
        SAVE("Save…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN)),
        EXPORT("Export…", new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));

        final String label;
        final KeyCombination accelerator;

        Action(String label, KeyCombination accelerator) {
            this.label = label;
            this.accelerator = accelerator;
        }

        public KeyCombination accelerator() {
            return accelerator;
        }
    }

    /** F5: runs as Ctrl+R does. */
    public static final KeyCombination RUN_F5 = new KeyCodeCombination(KeyCode.F5);

    /**
     * Something a menu item does: show {@code view} (null: stay), then {@code run}, while {@code enabled}.
     *
     * @param label what the item says for this view ("Save results…"), or null for the action's own label
     */
    public record Command(WorkbenchView view, String label, Runnable run, ObservableBooleanValue enabled) {
        void perform(MainWindow window) {
            if (view != null) window.show(view);
            run.run();
        }
    }

    private final MainWindow window;
    private final Map<WorkbenchView, Map<Action, Command>> actions = new HashMap<>();
    private final List<Observable> dependencies = new ArrayList<>();
    private final List<MenuItem> file = new ArrayList<>();
    private final List<MenuItem> help = new ArrayList<>();
    private final List<MenuItem> runExtra = new ArrayList<>();
    private final List<MenuItem> viewExtra = new ArrayList<>();

    public AppMenus(MainWindow window) {
        this.window = window;
    }

    /** A command that presses the button with CSS id {@code buttonId} in {@code view} (shown first). */
    public static Command button(WorkbenchView view, String buttonId, String label) {
        Node n = view.node().lookup("#" + buttonId);
        if (!(n instanceof Button b)) throw new IllegalArgumentException(view.title() + " has no button #" + buttonId);
        return new Command(view, label, b::fire, b.disabledProperty().not());
    }

    /** In {@code view}, {@code action} (its shortcut, its item in the menus) does {@code command}. */
    public AppMenus on(WorkbenchView view, Action action, Command command) {
        actions.computeIfAbsent(view, v -> new EnumMap<>(Action.class)).put(action, command);
        dependencies.add(command.enabled());
        return this;
    }

    /** Adds an item to the File menu ({@code null}: a separator); items come before Save, Export and Quit. */
    public AppMenus file(String id, String label, KeyCombination accelerator, Command command) {
        file.add(command == null ? new SeparatorMenuItem() : item(id, label, accelerator, command));
        return this;
    }

    /** Inserts an item into the File menu at {@code index}. */
    public AppMenus fileAt(int index, String id, String label, KeyCombination accelerator, Command command) {
        file.add(index, item(id, label, accelerator, command));
        return this;
    }

    /** Adds an item to the Help menu. */
    /** Adds an item to the Run menu, below Run and Cancel (a tool window such as Capacity…). */
    public AppMenus run(String id, String label, Runnable action) {
        MenuItem i = new MenuItem(label);
        i.setId(id);
        i.setOnAction(e -> action.run());
        runExtra.add(i);
        return this;
    }

    /** Adds an item at the end of the View menu, below Theme (Settings…). */
    public AppMenus view(String id, String label, KeyCombination accelerator, Runnable action) {
        MenuItem i = new MenuItem(label);
        i.setId(id);
        i.setAccelerator(accelerator);
        i.setOnAction(e -> action.run());
        viewExtra.add(i);
        return this;
    }

    public AppMenus help(String id, String label, KeyCombination accelerator, Runnable action) {
        MenuItem i = new MenuItem(label);
        i.setId(id);
        i.setAccelerator(accelerator);
        i.setOnAction(e -> action.run());
        help.add(i);
        return this;
    }

    /** The menu bar; {@code themeChosen} hears the theme picked in View → Theme, {@code quit} closes the window. */
    public MenuBar build(java.util.function.Consumer<Theme> themeChosen, Runnable quit) {
        Menu fileMenu = new Menu("_File");
        fileMenu.setId("fileMenu");
        fileMenu.getItems().addAll(file);
        if (!file.isEmpty()) fileMenu.getItems().add(new SeparatorMenuItem());
        fileMenu.getItems().addAll(actionItem(Action.SAVE), actionItem(Action.EXPORT), new SeparatorMenuItem());
        MenuItem quitItem = new MenuItem("Quit");
        quitItem.setId("quitMenuItem");
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quitItem.setOnAction(e -> quit.run());
        fileMenu.getItems().add(quitItem);

        Menu view = new Menu("_View");
        view.setId("viewMenu");
        int n = 1;
        for (WorkbenchView v : window.views()) {
            MenuItem i = new MenuItem(v.title());
            i.setId("view" + v.title().replaceAll("\\W", "") + "MenuItem");
            if (n <= 9)
                i.setAccelerator(new KeyCodeCombination(
                        KeyCode.getKeyCode(Integer.toString(n++)), KeyCombination.SHORTCUT_DOWN));
            i.setOnAction(e -> window.show(v));
            view.getItems().add(i);
        }
        Menu theme = new Menu("Theme");
        theme.setId("themeMenu");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem r = new RadioMenuItem(t.label());
            r.setId("theme" + t.label() + "MenuItem");
            r.setToggleGroup(themes);
            r.setSelected(window.themeProperty().get() == t);
            r.setOnAction(e -> themeChosen.accept(t));
            theme.getItems().add(r);
        }
        window.themeProperty().addListener((o, was, now) -> themes.getToggles().forEach(t -> ((RadioMenuItem) t)
                .setSelected(((RadioMenuItem) t).getText().equals(now.label()))));
        view.getItems().addAll(new SeparatorMenuItem(), theme);
        view.getItems().addAll(viewExtra);

        Menu run = new Menu("_Run");
        run.setId("runMenu");
        run.getItems().addAll(actionItem(Action.RUN), actionItem(Action.CANCEL));
        if (!runExtra.isEmpty()) {
            run.getItems().add(new SeparatorMenuItem());
            run.getItems().addAll(runExtra);
        }

        Menu helpMenu = new Menu("_Help");
        helpMenu.setId("helpMenu");
        helpMenu.getItems().addAll(help);

        MenuBar bar = new MenuBar(fileMenu, view, run, helpMenu);
        bar.setId("menuBar");
        return bar;
    }

    /** Adds F5 (run) to {@code scene}, beside the accelerators the menu items carry. */
    public void installExtraShortcuts(Scene scene) {
        scene.getAccelerators().put(RUN_F5, () -> {
            Command c = current(Action.RUN);
            if (c != null && c.enabled().get()) c.perform(window);
        });
    }

    /** The command of {@code action} in the view shown, or null. */
    public Command current(Action action) {
        Map<Action, Command> m = actions.get(window.shownProperty().get());
        return m == null ? null : m.get(action);
    }

    private MenuItem actionItem(Action action) {
        MenuItem i = new MenuItem(action.label);
        i.setId(action.name().toLowerCase(java.util.Locale.ROOT) + "MenuItem");
        i.setAccelerator(action.accelerator);
        Observable[] deps = new Observable[dependencies.size() + 1];
        deps[0] = window.shownProperty();
        for (int k = 0; k < dependencies.size(); k++) deps[k + 1] = dependencies.get(k);
        BooleanBinding enabled = Bindings.createBooleanBinding(
                () -> {
                    Command c = current(action);
                    return c != null && c.enabled().get();
                },
                deps);
        i.disableProperty().bind(enabled.not());
        i.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            Command c = current(action);
                            return c == null || c.label() == null ? action.label : c.label();
                        },
                        window.shownProperty()));
        i.setOnAction(e -> {
            Command c = current(action);
            if (c != null && c.enabled().get()) c.perform(window);
        });
        return i;
    }

    private MenuItem item(String id, String label, KeyCombination accelerator, Command command) {
        MenuItem i = new MenuItem(label);
        i.setId(id);
        if (accelerator != null) i.setAccelerator(accelerator);
        i.disableProperty()
                .bind(Bindings.createBooleanBinding(() -> !command.enabled().get(), command.enabled()));
        i.setOnAction(e -> command.perform(window));
        return i;
    }
}
