package frontier.app.data;

import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.store.ImportRecord;
import frontier.store.Overlap;
import frontier.store.OverlapException;
import frontier.store.OverlapPolicy;
import frontier.store.Periods;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Data screen: import billing exports into the workspace (with progress and Cancel; an overlap
 * with earlier imports asks whether to replace or keep both) and the history of imports.
 */
public final class DataView implements WorkbenchView {
    private final DataViewModel vm;
    private final VBox root = new VBox(8);

    public DataView(BillingSession session) {
        this(new DataViewModel(session));
    }

    public DataView(DataViewModel vm) {
        this.vm = vm;
        vm.setOverlapResolver(this::askAboutOverlap);
        root.setPadding(new Insets(10, 14, 10, 10));
        Label title = new Label("Billing data");
        title.getStyleClass().add("scenario-name");
        TableView<ImportRecord> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren().addAll(title, workspaceBar(), toolbar(table), status(), sectionTitle("Import history"), table);
    }

    @Override
    public String title() {
        return "Data";
    }

    @Override
    public Node node() {
        return root;
    }

    public DataViewModel viewModel() {
        return vm;
    }

    /** The workspace in use (a choice of the recent ones) with Open… and New…. */
    private Node workspaceBar() {
        ComboBox<Path> recent = new ComboBox<>(vm.recentWorkspaces());
        recent.setId("workspaceChoice");
        recent.setPrefWidth(520);
        recent.setConverter(new StringConverter<>() {
            @Override
            public String toString(Path p) {
                return p == null ? "" : p.getFileName() + "  —  " + p.toAbsolutePath().getParent();
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        recent.setValue(vm.session().workspace().toAbsolutePath().normalize());
        vm.session().workspaceProperty().addListener((obs, was, now) -> recent.setValue(now));
        recent.valueProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(vm.session().workspace())) vm.openWorkspace(now);
        });
        recent.disableProperty().bind(vm.runningProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> "Workspace file: " + vm.session().workspace().toAbsolutePath(), vm.session().workspaceProperty()));
        recent.setTooltip(tip);
        Button open = new Button("Open…");
        open.setId("openWorkspaceButton");
        open.disableProperty().bind(vm.runningProperty());
        open.setOnAction(e -> chooseWorkspace(false));
        Button create = new Button("New…");
        create.setId("newWorkspaceButton");
        create.disableProperty().bind(vm.runningProperty());
        create.setOnAction(e -> chooseWorkspace(true));
        HBox box = new HBox(8, new Label("Workspace"), recent, open, create);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private void chooseWorkspace(boolean create) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(create ? "New workspace" : "Open workspace");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Frontier workspaces (*.sqlite)", "*.sqlite"),
                new FileChooser.ExtensionFilter("All files", "*"));
        Path current = vm.session().workspace().toAbsolutePath().getParent();
        if (current != null && java.nio.file.Files.isDirectory(current)) chooser.setInitialDirectory(current.toFile());
        var window = root.getScene() == null ? null : root.getScene().getWindow();
        File f = create ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
        if (f == null) return;
        Path p = f.toPath();
        if (create && !p.getFileName().toString().contains(".")) p = p.resolveSibling(p.getFileName() + ".sqlite");
        vm.openWorkspace(p);
    }

    private Node toolbar(TableView<ImportRecord> table) {
        Button open = new Button("Import billing file…");
        open.setId("importButton");
        open.setDefaultButton(true);
        open.disableProperty().bind(vm.canImportProperty().not());
        open.setOnAction(e -> chooseFile());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelImportButton");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        ProgressBar bar = new ProgressBar(0);
        bar.setId("importProgress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button delete = new Button("Delete import");
        delete.setId("deleteImportButton");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.runningProperty()));
        delete.setOnAction(e -> {
            ImportRecord r = table.getSelectionModel().getSelectedItem();
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete import #" + r.id() + " (" + Path.of(r.source()).getFileName()
                    + ", " + String.format(Locale.US, "%,d", r.rows()) + " rows) from the workspace?");
            a.setHeaderText(null);
            a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(r));
        });
        HBox box = new HBox(8, open, cancel, bar, delete);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node status() {
        Label status = Widgets.statusLabel("importStatus", vm.statusProperty(), 700);
        vm.errorProperty().addListener((obs, was, now) -> {
            status.getStyleClass().remove("error");
            if (now) status.getStyleClass().add("error");
        });
        return status;
    }

    private TableView<ImportRecord> table() {
        TableView<ImportRecord> t = new TableView<>(vm.imports());
        t.setId("importTable");
        t.getColumns().add(column("#", r -> Long.toString(r.id()), 40, true));
        t.getColumns().add(column("File", r -> Path.of(r.source()).getFileName().toString(), 300, false));
        t.getColumns().add(column("Format", ImportRecord::format, 200, false));
        t.getColumns().add(column("Basis", r -> r.basis().code(), 80, false));
        t.getColumns().add(column("Rows", r -> String.format(Locale.US, "%,d", r.rows()), 90, true));
        t.getColumns().add(column("Charge period (UTC)", r -> r.periodStart() == null ? "" : Periods.range(r.periodStart(), r.periodEnd()), 230, false));
        t.getColumns().add(column("Accounts", ImportRecord::accounts, 200, false));
        t.getColumns().add(column("Imported (UTC)", r -> r.importedAt().toString().substring(0, 16).replace('T', ' '), 130, false));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No billing data yet: import a FOCUS, AWS CUR, Azure or GCP export."));
        t.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<ImportRecord>() {
                @Override
                protected void updateItem(ImportRecord r, boolean empty) {
                    super.updateItem(r, empty);
                    setTooltip(empty || r == null ? null : new Tooltip(r.source() + "\nSHA-256 " + r.sha256()
                            + String.format(Locale.US, "\n%,d bytes, imported in %.2f s", r.bytes(), r.seconds())));
                }
            };
            return row;
        });
        return t;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import billing export");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Billing exports (*.csv, *.csv.gz, *.zip, *.jsonl, *.json, *.parquet)", "*.csv", "*.gz", "*.zip", "*.jsonl",
                        "*.json", "*.parquet"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (f != null) vm.importFile(f.toPath());
    }

    static final ButtonType REPLACE = new ButtonType("Replace earlier rows", ButtonBar.ButtonData.YES);
    static final ButtonType KEEP_BOTH = new ButtonType("Keep both", ButtonBar.ButtonData.NO);

    /** The default resolver: a dialog listing the overlaps with Replace / Keep both / Cancel. */
    private Optional<OverlapPolicy> askAboutOverlap(OverlapException e) {
        StringBuilder b = new StringBuilder();
        for (Overlap o : e.overlaps()) {
            b.append(String.format("%s account %s: %s overlaps import #%d (%s, %s)%n", o.ours().provider(), o.ours().billingAccount(),
                    Periods.range(o.ours().start(), o.ours().end()), o.earlier().id(), Path.of(o.earlier().source()).getFileName(),
                    Periods.range(o.theirs().start(), o.theirs().end())));
        }
        b.append("\nReplace: delete the earlier rows of these accounts in the new file's period.\nKeep both: the overlap is then counted twice.");
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, b.toString(), REPLACE, KEEP_BOTH, ButtonType.CANCEL);
        a.setTitle("Overlapping billing data");
        a.setHeaderText("This file covers periods that earlier imports already hold.");
        a.getDialogPane().setMinWidth(640);
        return a.showAndWait().map(bt -> bt == REPLACE ? OverlapPolicy.REPLACE : bt == KEEP_BOTH ? OverlapPolicy.KEEP_BOTH : null);
    }

    /** Replaces the dialog (tests). */
    public void setOverlapResolver(Function<OverlapException, Optional<OverlapPolicy>> resolver) {
        vm.setOverlapResolver(resolver);
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width, boolean right) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Objects.toString(value.apply(cell.getValue()), "")));
        c.setPrefWidth(width);
        if (right) c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
