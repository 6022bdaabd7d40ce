package frontier.app.data;

import frontier.app.BillingSession;
import frontier.app.Widgets;
import frontier.app.WorkbenchView;
import frontier.ingest.logs.LogPreset;
import frontier.store.Overlap;
import frontier.store.OverlapException;
import frontier.store.OverlapPolicy;
import frontier.store.Periods;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Data screen: import billing exports and request logs into the workspace, chosen or dropped on the
 * view (with progress and Cancel; a billing overlap with earlier imports asks whether to replace or
 * keep both; a log whose mapping is not recognised can be imported with a preset), and the history of
 * imports.
 */
public final class DataView implements WorkbenchView {
    private final DataViewModel vm;
    private final VBox root = new VBox(8);
    /** Shows the file dialog of Import request logs…; tests answer it instead. */
    private Function<FileChooser, File> logDialog = c ->
            c.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());

    public DataView(BillingSession session) {
        this(new DataViewModel(session));
    }

    public DataView(DataViewModel vm) {
        this.vm = vm;
        vm.setOverlapResolver(this::askAboutOverlap);
        root.setPadding(new Insets(10, 14, 10, 10));
        Label title = new Label("Billing data and request logs");
        title.getStyleClass().add("scenario-name");
        TableView<ImportEntry> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getChildren()
                .addAll(
                        title,
                        workspaceBar(),
                        toolbar(table),
                        logBar(),
                        status(),
                        sectionTitle("Import history"),
                        table);
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && vm.canImportProperty().get();
            if (ok) dropped(e.getDragboard().getFiles());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && vm.canImportProperty().get()) e.acceptTransferModes(TransferMode.COPY);
        e.consume();
    }

    /** Files dropped on the view or chosen: each is imported as a billing export, or as a request log if it is none. */
    void dropped(List<File> files) {
        List<Path> paths = new ArrayList<>();
        for (File f : files) paths.add(f.toPath());
        vm.importFiles(paths);
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
                return p == null
                        ? ""
                        : p.getFileName() + "  —  " + p.toAbsolutePath().getParent();
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        // The current workspace is the one shown, also when the list is rebuilt after it changed (New… made a file the
        // list did not have yet: setting the value before the list held it left the box empty).
        // Cleared and selected again by item (not only set as the value) each time: when the list is replaced the
        // value and index can stay equal while the box shows nothing.
        Runnable showCurrent = () -> {
            Path current = vm.session().workspace().toAbsolutePath().normalize();
            recent.getSelectionModel().clearSelection();
            recent.getSelectionModel().select(current);
        };
        showCurrent.run();
        // Later, not in the change itself: the box's skin takes the list change after its listeners, and a
        // selection made before that is lost with the old list.
        vm.session()
                .workspaceProperty()
                .addListener((obs, was, now) -> javafx.application.Platform.runLater(showCurrent));
        vm.recentWorkspaces().addListener((javafx.collections.ListChangeListener<Path>)
                c -> javafx.application.Platform.runLater(showCurrent));
        recent.valueProperty().addListener((obs, was, now) -> {
            if (now != null && !now.equals(vm.session().workspace())) vm.openWorkspace(now);
        });
        recent.disableProperty().bind(vm.runningProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> "Workspace file: " + vm.session().workspace().toAbsolutePath(),
                        vm.session().workspaceProperty()));
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
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter("Frontier workspaces (*.sqlite)", "*.sqlite"),
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

    private Node toolbar(TableView<ImportEntry> table) {
        Button open = new Button("Import file…");
        open.setId("importButton");
        open.setDefaultButton(true);
        open.setTooltip(new Tooltip(
                "A billing export (FOCUS, AWS CUR, Azure, GCP, OCI) or a request log whose columns are recognised;"
                        + " files can also be dropped here."));
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
        delete.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.runningProperty()));
        delete.setOnAction(e -> {
            ImportEntry r = table.getSelectionModel().getSelectedItem();
            Alert a = new Alert(
                    Alert.AlertType.CONFIRMATION,
                    "Delete " + r.describe() + String.format(Locale.US, ", %,d rows,", r.rows())
                            + " from the workspace?");
            a.setHeaderText(null);
            a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> vm.delete(r));
        });
        HBox box = new HBox(8, open, cancel, bar, delete);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The explicit request-log import: a preset (or detect) and the start of relative timestamps. */
    private Node logBar() {
        ComboBox<String> preset = new ComboBox<>();
        preset.setId("logPresetChoice");
        preset.getItems().add(DETECT);
        for (LogPreset p : LogPreset.values()) preset.getItems().add(p.code());
        preset.setValue(DETECT);
        Tooltip presetTip = new Tooltip();
        presetTip.setWrapText(true);
        presetTip.setMaxWidth(600);
        presetTip
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> {
                            LogPreset p = LogPreset.find(preset.getValue()).orElse(null);
                            return p == null
                                    ? "Recognise the mapping from the file's columns (a preset whose columns are all"
                                            + " there, else the column names)."
                                    : p.title() + ": " + p.columns();
                        },
                        preset.valueProperty()));
        preset.setTooltip(presetTip);
        DatePicker start = new DatePicker();
        start.setId("logStartPicker");
        start.setPromptText("start (UTC)");
        start.setPrefWidth(140);
        start.setTooltip(
                new Tooltip("The day (00:00 UTC) that relative timestamps count from, e.g. Mooncake or BurstGPT;"
                        + " left empty they count from 1970-01-01."));
        TextField edits = new TextField();
        edits.setId("logMapEdits");
        edits.setPromptText("edits, e.g. latency=took_ms");
        edits.setPrefWidth(200);
        edits.setTooltip(new Tooltip("Changes to the mapping, as the CLI's --map: field=column, comma-separated — e.g."
                + " latency=took_ms, latency_unit=ms, endpoint_value=chat, attrs=drop; an empty value unsets a field"
                + " (keys: docs/formats.md, Inference logs)."));
        Button open = new Button("Import request logs…");
        open.setId("importLogsButton");
        open.disableProperty().bind(vm.canImportProperty().not());
        open.setOnAction(e -> chooseLogs(
                LogPreset.find(preset.getValue()).orElse(null),
                start.getValue() == null
                        ? null
                        : start.getValue().atStartOfDay(ZoneOffset.UTC).toInstant(),
                edits.getText()));
        HBox box = new HBox(
                8, new Label("Request logs: mapping"), preset, edits, new Label("relative times from"), start, open);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** The preset choice that means "recognise the mapping". */
    static final String DETECT = "detect";

    private void chooseLogs(LogPreset preset, Instant start, String edits) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import request logs" + (preset == null ? "" : " (" + preset.code() + ")"));
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Request logs (*.csv, *.jsonl, *.json, *.log, *.gz)",
                                "*.csv",
                                "*.jsonl",
                                "*.json",
                                "*.log",
                                "*.gz"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        File f = logDialog.apply(chooser);
        if (f != null) vm.importLog(f.toPath(), preset, start, edits);
    }

    private Node status() {
        Label status = Widgets.statusLabel("importStatus", vm.statusProperty(), 700);
        vm.errorProperty().addListener((obs, was, now) -> {
            status.getStyleClass().remove("error");
            if (now) status.getStyleClass().add("error");
        });
        return status;
    }

    private TableView<ImportEntry> table() {
        TableView<ImportEntry> t = new TableView<>(vm.imports());
        t.setId("importTable");
        frontier.app.Widgets.headerTooltips(t);
        t.getColumns().add(column("#", r -> Long.toString(r.id()), 36, true));
        t.getColumns().add(column("Kind", ImportEntry::kind, 70, false));
        t.getColumns().add(column("File", ImportEntry::fileName, 205, false));
        t.getColumns().add(column("Format / mapping", ImportEntry::format, 165, false));
        t.getColumns().add(column("Basis", ImportEntry::basis, 55, false));
        t.getColumns().add(column("Rows", r -> String.format(Locale.US, "%,d", r.rows()), 80, true));
        t.getColumns().add(column("Period (UTC)", ImportEntry::period, 268, false));
        t.getColumns().add(column("Accounts", ImportEntry::accounts, 135, false));
        t.getColumns()
                .add(column(
                        "Imported (UTC)",
                        r -> r.importedAt().toString().substring(0, 16).replace('T', ' '),
                        130,
                        false));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(
                "No data yet: import (or drop here) a FOCUS, AWS CUR, Azure, GCP or OCI export, or a request log."));
        t.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<ImportEntry>() {
                @Override
                protected void updateItem(ImportEntry r, boolean empty) {
                    super.updateItem(r, empty);
                    Tooltip tip = empty || r == null ? null : new Tooltip(r.details());
                    if (tip != null) {
                        tip.setWrapText(true);
                        tip.setMaxWidth(700);
                    }
                    setTooltip(tip);
                }
            };
            return row;
        });
        return t;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import billing exports or request logs");
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Billing exports and request logs (*.csv, *.gz, *.zip, *.jsonl, *.json, *.parquet,"
                                        + " *.log)",
                                "*.csv",
                                "*.gz",
                                "*.zip",
                                "*.jsonl",
                                "*.json",
                                "*.parquet",
                                "*.log"),
                        new FileChooser.ExtensionFilter("All files", "*"));
        List<File> files = chooser.showOpenMultipleDialog(
                root.getScene() == null ? null : root.getScene().getWindow());
        if (files != null) dropped(files);
    }

    static final ButtonType REPLACE = new ButtonType("Replace earlier rows", ButtonBar.ButtonData.YES);
    static final ButtonType KEEP_BOTH = new ButtonType("Keep both", ButtonBar.ButtonData.NO);

    /** The default resolver: a dialog listing the overlaps with Replace / Keep both / Cancel. */
    private Optional<OverlapPolicy> askAboutOverlap(OverlapException e) {
        StringBuilder b = new StringBuilder();
        for (Overlap o : e.overlaps()) {
            b.append(String.format(
                    "%s account %s: %s overlaps import #%d (%s, %s)%n",
                    o.ours().provider(),
                    o.ours().billingAccount(),
                    Periods.range(o.ours().start(), o.ours().end()),
                    o.earlier().id(),
                    Path.of(o.earlier().source()).getFileName(),
                    Periods.range(o.theirs().start(), o.theirs().end())));
        }
        b.append("\n"
                + "Replace: delete the earlier rows of these accounts in the new file's period.\n"
                + "Keep both: the overlap is then counted twice.");
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, b.toString(), REPLACE, KEEP_BOTH, ButtonType.CANCEL);
        a.setTitle("Overlapping billing data");
        a.setHeaderText("This file covers periods that earlier imports already hold.");
        a.getDialogPane().setMinWidth(640);
        return a.showAndWait()
                .map(bt -> bt == REPLACE ? OverlapPolicy.REPLACE : bt == KEEP_BOTH ? OverlapPolicy.KEEP_BOTH : null);
    }

    /** Replaces the file dialog of Import request logs… (tests). */
    void setLogDialog(Function<FileChooser, File> dialog) {
        this.logDialog = dialog;
    }

    /** Replaces the dialog (tests). */
    public void setOverlapResolver(Function<OverlapException, Optional<OverlapPolicy>> resolver) {
        vm.setOverlapResolver(resolver);
    }

    static <R> TableColumn<R, String> column(String title, Function<R, String> value, double width, boolean right) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Objects.toString(value.apply(cell.getValue()), "")));
        c.setPrefWidth(width);
        if (right) c.getStyleClass().add("numeric");
        return c;
    }

    static Label sectionTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }
}
