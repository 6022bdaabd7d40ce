package frontier.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.FileChooser;

/**
 * The right-click menu of a code-drawn chart: Copy chart (the image at print resolution, with its caption),
 * Export PNG… and Export SVG… (through {@link ChartExport}). Says what it did, or why it could not, through
 * {@code report}.
 */
public final class ChartMenu {
    private ChartMenu() {}

    /** Installs the menu on {@code node}; {@code caption} is asked at the moment of export. */
    public static ContextMenu install(
            Node node, ExportableChart chart, Supplier<ChartCaption> caption, Consumer<String> report) {
        MenuItem copy = new MenuItem("Copy chart");
        copy.setId("copyChart");
        copy.setOnAction(e -> copy(chart, caption.get(), report));
        MenuItem png = new MenuItem("Export PNG…");
        png.setId("exportChartPng");
        png.setOnAction(
                e -> save(node, "chart.png", "*.png", p -> ChartExport.writePng(chart, caption.get(), p), report));
        MenuItem svg = new MenuItem("Export SVG…");
        svg.setId("exportChartSvg");
        svg.setOnAction(
                e -> save(node, "chart.svg", "*.svg", p -> ChartExport.writeSvg(chart, caption.get(), p), report));
        ContextMenu menu = new ContextMenu(copy, png, svg);
        // A secondary click (what every platform's mouse sends) or the keyboard's context-menu key.
        node.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && chart.chartWidth() > 0 && chart.chartHeight() > 0) {
                menu.show(node, e.getScreenX(), e.getScreenY());
                e.consume();
            }
        });
        node.setOnContextMenuRequested(e -> {
            if (e.isKeyboardTrigger() && chart.chartWidth() > 0 && chart.chartHeight() > 0)
                menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        return menu;
    }

    /** Puts the chart on the system clipboard (FX thread). */
    public static void copy(ExportableChart chart, ChartCaption caption, Consumer<String> report) {
        Clipboard.getSystemClipboard().setContent(ChartExport.clipboard(chart, caption));
        report.accept("Copied the chart \u201c" + caption.title() + "\u201d");
    }

    private interface Writer {
        void write(Path p) throws IOException;
    }

    private static void save(Node node, String name, String pattern, Writer w, Consumer<String> report) {
        FileChooser c = new FileChooser();
        c.setTitle("Export chart");
        c.setInitialFileName(name);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(pattern, pattern));
        File f = c.showSaveDialog(
                node.getScene() == null ? null : node.getScene().getWindow());
        if (f == null) return;
        try {
            w.write(f.toPath());
            report.accept("Wrote " + f.getAbsolutePath());
        } catch (IOException | RuntimeException ex) {
            report.accept("Cannot write " + f.getAbsolutePath() + ": " + ex.getMessage());
        }
    }
}
