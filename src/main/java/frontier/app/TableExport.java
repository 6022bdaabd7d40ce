package frontier.app;

import frontier.text.Csv;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;

/**
 * Copy and export for any table: Ctrl+C and the context menu's Copy put the selected rows (all rows when none
 * is selected) on the clipboard as tab-separated text with the header line; Export CSV… writes every row as
 * CSV through {@link Csv}, so a cell a spreadsheet would take for a formula is neutralised. Cells are the
 * columns' values as text, the leaf columns in their on-screen order.
 */
public final class TableExport {
    private TableExport() {}

    /** Adds Copy (Ctrl+C) and Export CSV… to {@code table}, keeping any context menu items it has. */
    public static void install(TableView<?> table, String csvName, Consumer<String> report) {
        MenuItem copy = new MenuItem("Copy");
        copy.setId("copyTable");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> copy(table, report));
        MenuItem csv = new MenuItem("Export CSV…");
        csv.setId("exportTableCsv");
        csv.setOnAction(e -> saveCsv(table, csvName, report));
        ContextMenu menu = table.getContextMenu() == null ? new ContextMenu() : table.getContextMenu();
        menu.getItems().addAll(copy, csv);
        table.setContextMenu(menu);
        Widgets.headerTooltips(table);
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (copy.getAccelerator().match(e)) {
                copy(table, report);
                e.consume();
            }
        });
    }

    /** Puts {@link #tsv} of the selected rows (all rows when none is selected) on the system clipboard. */
    public static void copy(TableView<?> table, Consumer<String> report) {
        List<?> rows = table.getSelectionModel().getSelectedItems().isEmpty()
                ? table.getItems()
                : List.copyOf(table.getSelectionModel().getSelectedItems());
        ClipboardContent c = new ClipboardContent();
        c.putString(tsv(table, rows));
        Clipboard.getSystemClipboard().setContent(c);
        report.accept("Copied " + rows.size() + (rows.size() == 1 ? " row" : " rows"));
    }

    /** The header line and {@code rows} as tab-separated text; tabs and line breaks inside a cell become spaces. */
    public static <S> String tsv(TableView<S> table, List<?> rows) {
        List<TableColumn<S, ?>> cols = table.getVisibleLeafColumns();
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (TableColumn<S, ?> c : cols) header.add(c.getText().replace('\n', ' '));
        appendTsv(b, header);
        for (Object row : rows) appendTsv(b, cells(table, cols, row));
        return b.toString();
    }

    /** The header line and every row as CSV (RFC 4180, formula cells neutralised), one line per row. */
    public static <S> String csv(TableView<S> table) {
        List<TableColumn<S, ?>> cols = table.getVisibleLeafColumns();
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (TableColumn<S, ?> c : cols) header.add(c.getText().replace('\n', ' '));
        b.append(Csv.row(header)).append('\n');
        for (S row : table.getItems())
            b.append(Csv.row(cells(table, cols, row))).append('\n');
        return b.toString();
    }

    private static <S> List<String> cells(TableView<S> table, List<TableColumn<S, ?>> cols, Object row) {
        int index = table.getItems().indexOf(row);
        List<String> out = new ArrayList<>(cols.size());
        for (TableColumn<S, ?> c : cols) {
            Object v = index < 0 ? null : c.getCellData(index);
            out.add(v == null ? "" : v.toString());
        }
        return out;
    }

    private static void appendTsv(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) b.append('\t');
            b.append(cells.get(i)
                    .replace('\t', ' ')
                    .replace("\r\n", " ")
                    .replace('\n', ' ')
                    .replace('\r', ' '));
        }
        b.append('\n');
    }

    private static void saveCsv(TableView<?> table, String name, Consumer<String> report) {
        FileChooser c = new FileChooser();
        c.setTitle("Export table");
        c.setInitialFileName(name);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("*.csv", "*.csv"));
        File f = c.showSaveDialog(
                table.getScene() == null ? null : table.getScene().getWindow());
        if (f == null) return;
        try {
            Files.writeString(f.toPath(), csv(table), StandardCharsets.UTF_8);
            report.accept("Wrote " + f.getAbsolutePath());
        } catch (IOException | RuntimeException ex) {
            report.accept("Cannot write " + f.getAbsolutePath() + ": " + ex.getMessage());
        }
    }
}
