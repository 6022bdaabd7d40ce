package frontier.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.HostServices;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The app's small dialogs: About, documentation, keyboard shortcuts, an error in plain words. */
public final class Dialogs {
    private Dialogs() {}

    /** Help → About: versions of Frontier, Java, JavaFX and the price catalogue's date. */
    public static void about(Window owner) {
        Alert a = alert(
                owner,
                Alert.AlertType.INFORMATION,
                "About Frontier",
                "Frontier",
                About.current().text());
        a.getDialogPane().setId("aboutDialog");
        a.show();
    }

    /** Help → Documentation: where the Markdown documentation is, with a button that opens the folder. */
    public static void documentation(Window owner, HostServices host) {
        Optional<Path> docs = About.docsDir();
        String text = docs.map(d -> "The documentation is in " + d
                        + " (Markdown files: start with the README beside it, then cli.md, "
                        + "scenarios.md, billing.md and unit-cost.md).")
                .orElse(
                        "The documentation is in the docs folder of the Frontier source "
                                + "(Markdown files: README.md, then docs/cli.md, docs/scenarios.md, docs/billing.md and docs/unit-cost.md).");
        Alert a = alert(owner, Alert.AlertType.INFORMATION, "Documentation", "Frontier documentation", text);
        a.getDialogPane().setId("docsDialog");
        ButtonType open = new ButtonType("Open folder", ButtonBar.ButtonData.LEFT);
        if (docs.isPresent() && host != null) a.getButtonTypes().add(open);
        a.showAndWait()
                .filter(open::equals)
                .ifPresent(b -> host.showDocument(docs.get().toUri().toString()));
    }

    /** Help → Keyboard shortcuts. */
    public static void shortcuts(Window owner) {
        String text = """
                Ctrl+R or F5   Run the scenario or sweep shown
                Esc            Cancel the run or import in progress
                Ctrl+S         Save (scenario copy, sweep results)
                Ctrl+E         Export the chart shown
                Ctrl+O         Open a scenario file
                Ctrl+Shift+N   New scenario (the editor's wizard)
                Ctrl+N         New scenario from an example
                Ctrl+I         Import a billing export or request log
                Ctrl+1, 2, …   Show the views, in the order of the navigation
                Ctrl+,         Settings (theme, UI scale)
                F1             Documentation
                Ctrl+Q         Quit
                (Cmd instead of Ctrl on macOS.)""";
        Alert a = alert(owner, Alert.AlertType.INFORMATION, "Keyboard shortcuts", "Keyboard shortcuts", text);
        a.getDialogPane().setId("shortcutsDialog");
        a.getDialogPane().getStyleClass().add("shortcuts");
        a.show();
    }

    /** An error in the app's words: {@code title} says what failed, {@code text} why and what to do. */
    public static void error(Window owner, String title, String text) {
        alert(owner, Alert.AlertType.ERROR, title, title, text).show();
    }

    /** A notice in the app's words: {@code title} says what happened, {@code text} why and what to do. */
    public static void info(Window owner, String title, String text) {
        alert(owner, Alert.AlertType.INFORMATION, title, title, text).show();
    }

    /** The reason of an I/O failure without the exception's class name. */
    public static String reason(Exception e) {
        String m = e.getMessage();
        return e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException
                        ? "the folder does not exist"
                        : m == null ? "unknown error" : m;
    }

    private static Alert alert(Window owner, Alert.AlertType type, String title, String header, String text) {
        Alert a = new Alert(type, text, ButtonType.CLOSE);
        if (owner != null) a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(header);
        a.setResizable(true);
        if (owner != null && owner.getScene() != null) {
            a.getDialogPane().getStylesheets().add(Theme.STYLESHEET);
            a.getDialogPane()
                    .getStyleClass()
                    .addAll(owner.getScene().getRoot().getStyleClass().filtered(c -> c.startsWith("theme-")));
        }
        return a;
    }
}
