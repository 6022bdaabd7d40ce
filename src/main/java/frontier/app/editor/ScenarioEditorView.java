package frontier.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.app.WorkbenchView;
import frontier.app.simulate.Example;
import frontier.app.simulate.ExampleCatalog;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.domain.PricingModel;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Scenario editor screen: ways to start on the left (New scenario… — the wizard —, Open file…, the examples
 * by title), the scenario as a form built from the spec records in the centre, or as JSON in the second tab; the
 * problem that stops it running is shown under it, in the app's words, and its field is marked. Save writes the
 * JSON the loader reads; Run in Simulate saves and opens it there.
 */
public final class ScenarioEditorView implements WorkbenchView {

    private final ScenarioEditorViewModel vm;
    private final Path examplesDir;
    private final PriceCatalogue catalogue = PriceCatalogue.shipped();
    private final BorderPane root = new BorderPane();
    private final ScrollPane formPane = new ScrollPane();
    private final TextArea json = new TextArea();
    private final TabPane tabs = new TabPane();
    private final Tab formTab = new Tab("Form");
    private final Tab jsonTab = new Tab("JSON");
    private final ListView<Example> examples = new ListView<>();
    private ScenarioForm form;
    private Control marked;
    private boolean stayOnJson;
    private Consumer<Path> onRun = p -> {};
    private Supplier<Path> workspace = () -> null;

    public ScenarioEditorView(ScenarioEditorViewModel vm, Path examplesDir) {
        this.vm = vm;
        this.examplesDir = examplesDir;
        root.setLeft(startPane());
        root.setCenter(mainPane());
        vm.structureProperty().addListener(o -> rebuild());
        vm.problemProperty().addListener((o, a, p) -> mark(p));
    }

    @Override
    public String title() {
        return "Scenario";
    }

    @Override
    public Node node() {
        return root;
    }

    public ScenarioEditorViewModel viewModel() {
        return vm;
    }

    /** What Run in Simulate does with the saved file (open it in the Simulate view). */
    public void setOnRun(Consumer<Path> onRun) {
        this.onRun = onRun;
    }

    /** The billing workspace whose request logs a replay can use, or null. */
    public void setWorkspace(Supplier<Path> workspace) {
        this.workspace = workspace;
    }

    private Node startPane() {
        Button wizard = new Button("New scenario…");
        wizard.setId("newScenarioButton");
        wizard.setMaxWidth(Double.MAX_VALUE);
        wizard.setOnAction(e -> showWizard());
        Button open = new Button("Open file…");
        open.setId("editorOpenButton");
        open.setMaxWidth(Double.MAX_VALUE);
        open.setOnAction(e -> {
            FileChooser chooser = chooser("Open scenario");
            File f = chooser.showOpenDialog(window());
            if (f != null) vm.open(f.toPath());
        });
        Label title = new Label("Start from an example");
        title.getStyleClass().add("section-title");
        examples.setId("editorExamples");
        examples.getItems().setAll(ExampleCatalog.find(examplesDir));
        examples.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Example e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.title());
                setTooltip(empty || e == null ? null : Example.tooltip(e));
            }
        });
        examples.getSelectionModel().selectedItemProperty().addListener((o, a, e) -> {
            if (e != null
                    && (vm.documentProperty().get() == null
                            || !e.file().equals(vm.documentProperty().get().file()))) vm.open(e.file());
        });
        VBox.setVgrow(examples, Priority.ALWAYS);
        VBox box = new VBox(6, wizard, open, title, examples);
        box.setPadding(new Insets(10));
        box.setPrefWidth(270);
        box.setMinWidth(270);
        // On a large window the list grows with it, so long example titles stay whole (270 px at 1280×720).
        box.sceneProperty().addListener((o, old, scene) -> {
            box.prefWidthProperty().unbind();
            if (scene != null)
                box.prefWidthProperty()
                        .bind(Bindings.createDoubleBinding(
                                () -> exampleListWidth(scene.getWidth()), scene.widthProperty()));
        });
        return box;
    }

    /** The example list's width in a window {@code windowWidth} px wide: a fifth of it, from 270 to 420 px. */
    static double exampleListWidth(double windowWidth) {
        return Math.max(270, Math.min(420, Math.floor(windowWidth * 0.2)));
    }

    private Node mainPane() {
        Label name = new Label();
        name.setId("editorTitle");
        name.getStyleClass().add("scenario-name");
        name.textProperty().bind(vm.titleProperty());
        Label file = new Label();
        file.getStyleClass().add("scenario-file");
        file.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            ScenarioDocument d = vm.documentProperty().get();
                            return d == null
                                    ? ""
                                    : d.file() == null
                                            ? "Not saved yet"
                                            : d.file()
                                                    .toAbsolutePath()
                                                    .normalize()
                                                    .toString();
                        },
                        vm.documentProperty(),
                        vm.dirtyProperty()));

        Button save = new Button("Save");
        save.setId("saveButton");
        save.disableProperty().bind(vm.documentProperty().isNull());
        save.setOnAction(e -> save());
        Button saveAs = new Button("Save as…");
        saveAs.setId("saveAsButton");
        saveAs.disableProperty().bind(vm.documentProperty().isNull());
        saveAs.setOnAction(e -> saveAs());
        Button run = new Button("Run in Simulate");
        run.setId("runInSimulateButton");
        run.disableProperty().bind(vm.scenarioProperty().isNull());
        run.setTooltip(new Tooltip("Saves the scenario and opens it in the Simulate view."));
        run.setOnAction(e -> {
            if (applyJsonIfShown() && save())
                onRun.accept(vm.documentProperty().get().file());
        });
        HBox bar = new HBox(8, save, saveAs, run);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("editorProblem");
        problem.setWrapText(true);
        problem.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        problem.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            Problem p = vm.problemProperty().get();
                            if (vm.documentProperty().get() == null) return "";
                            return p == null ? "✓ Ready to run." : "⚠ " + p.text();
                        },
                        vm.problemProperty(),
                        vm.documentProperty()));
        problem.styleProperty()
                .bind(Bindings.when(vm.problemProperty().isNull())
                        .then("-fx-text-fill: #1e6b34;")
                        .otherwise("-fx-text-fill: #b3261e; -fx-font-weight: bold;"));
        Label status = frontier.app.Widgets.statusLabel("editorStatus", vm.statusProperty(), 600);

        formPane.setId("editorForm");
        formPane.setFitToWidth(true);
        formPane.setContent(new Label("Start from an example, a file or New scenario… on the left."));
        formTab.setContent(formPane);
        formTab.setClosable(false);
        jsonTab.setClosable(false);
        json.setId("editorJson");
        json.getStyleClass().add("code");
        json.textProperty().addListener((o, a, b) -> {
            if (tabs.getSelectionModel().getSelectedItem() == jsonTab
                    && vm.documentProperty().get() != null) showJsonProblem(vm.checkJson(b));
        });
        Button apply = new Button("Apply JSON");
        apply.setId("applyJsonButton");
        apply.setOnAction(e -> applyJsonIfShown());
        Label jsonHelp = new Label("The same JSON the file holds; Apply (or going back to the form) takes the edits.");
        HBox jsonBar = new HBox(8, apply, jsonHelp);
        jsonBar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(json, Priority.ALWAYS);
        VBox jsonBox = new VBox(6, jsonBar, json);
        jsonBox.setPadding(new Insets(6, 0, 0, 0));
        jsonTab.setContent(jsonBox);
        tabs.setId("editorTabs");
        tabs.getTabs().setAll(formTab, jsonTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (vm.documentProperty().get() == null) return;
            if (stayOnJson) return;
            if (now == jsonTab) json.setText(vm.documentProperty().get().toJson());
            else if (was == jsonTab && !applyJson()) {
                // Back to the JSON with the user's text as typed, the caret on the line at fault.
                stayOnJson = true;
                tabs.getSelectionModel().select(jsonTab);
                stayOnJson = false;
                showJsonProblem(vm.problemProperty().get());
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(6, name, file, bar, problem, status, tabs);
        box.setPadding(new Insets(10, 14, 10, 10));
        return box;
    }

    /** Applies the JSON tab's text when it is the tab shown; false on a syntax error. */
    private boolean applyJsonIfShown() {
        return tabs.getSelectionModel().getSelectedItem() != jsonTab || applyJson();
    }

    private boolean applyJson() {
        ScenarioDocument d = vm.documentProperty().get();
        if (d == null || json.getText().equals(d.toJson())) return true;
        boolean ok = vm.applyJson(json.getText());
        if (!ok) showJsonProblem(vm.problemProperty().get());
        return ok;
    }

    /** Puts the caret on the line at fault. */
    private void showJsonProblem(Problem p) {
        if (p == null || p.line() < 1) return;
        String text = json.getText();
        int start = 0;
        for (int l = 1; l < p.line() && start >= 0; l++) start = text.indexOf('\n', start) + 1;
        if (start < 0 || start > text.length()) return;
        int end = text.indexOf('\n', start);
        json.selectRange(end < 0 ? text.length() : end, start);
    }

    private void rebuild() {
        ScenarioDocument d = vm.documentProperty().get();
        if (d == null) return;
        double scroll = formPane.getVvalue();
        form = new ScenarioForm(d.root(), vm::edited, vm::restructured, this::extras);
        formPane.setContent(form.build());
        formPane.setVvalue(scroll);
        if (tabs.getSelectionModel().getSelectedItem() == jsonTab) json.setText(d.toJson());
        mark(vm.problemProperty().get());
    }

    /** Marks the control of the field at fault (or of the nearest part that has one). */
    private void mark(Problem p) {
        if (marked != null) {
            marked.getStyleClass().remove("invalid");
            marked.setTooltip(null);
            marked = null;
        }
        if (p == null || form == null) return;
        String path = p.path();
        Control c = form.control(path);
        while (c == null && path.contains(".")) {
            path = path.replaceFirst("(\\.[^.\\[]+|\\[\\d+])$", "");
            c = form.control(path);
            if (path.equals("$")) break;
        }
        if (c == null) return;
        if (!c.getStyleClass().contains("invalid")) c.getStyleClass().add("invalid");
        c.setTooltip(new Tooltip(p.message()));
        marked = c;
    }

    /** Buttons beside some fields: the price catalogue, a trace file. */
    private Node extras(ObjectNode owner, String field, String path) {
        if (field.equals("price")) return priceExtras(owner, path);
        if (field.equals("file") && owner.path("type").asText().equals("replay")) return traceExtras(owner, path);
        return null;
    }

    private Node priceExtras(ObjectNode owner, String path) {
        Button pick = new Button("Choose from the price catalogue…");
        pick.setId("pickPrice:" + path);
        JsonNode p = owner.path("price");
        String models = owner.path("type").asText().equals("spot") ? "spot" : "";
        pick.setOnAction(e -> new CataloguePicker(catalogue, models.isEmpty() ? List.of() : List.of(PricingModel.SPOT))
                .showAndWait(window(), "Instance type and price")
                .ifPresent(ip -> {
                    usePrice(owner, ip);
                    vm.restructured();
                }));
        Label asOf = new Label(CataloguePicker.describe(
                catalogue, text(p, "provider"), text(p, "instance_type"), text(p, "region"), text(p, "pricing_model")));
        asOf.setId("priceAsOf:" + path);
        asOf.setWrapText(true);
        HBox box = new HBox(10, pick, asOf);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Sets a pool's price to a catalogue row (kept as a reference, resolved when the scenario is read). */
    static void usePrice(ObjectNode pool, InstancePrice ip) {
        pool.putObject("price")
                .put("provider", ip.provider())
                .put("instance_type", ip.instanceType())
                .put("region", ip.region())
                .put("pricing_model", ip.pricingModel().catalogueCode());
    }

    private Node traceExtras(ObjectNode owner, String path) {
        Button browse = new Button("Browse…");
        browse.setId("browseTrace:" + path);
        browse.setOnAction(e -> {
            FileChooser c = new FileChooser();
            c.setTitle("Trace of request times");
            c.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(
                            "CSV or JSON Lines (may be gzipped)",
                            "*.csv",
                            "*.csv.gz",
                            "*.jsonl",
                            "*.jsonl.gz",
                            "*.json"));
            File f = c.showOpenDialog(window());
            if (f == null) return;
            owner.put("file", relative(f.toPath()));
            vm.restructured();
        });
        Button fromLog = new Button("From a workspace log…");
        fromLog.setId("traceFromLog:" + path);
        fromLog.setTooltip(new Tooltip(
                "Writes the request times and token counts of an endpoint's imported log as a trace and replays it."));
        fromLog.setOnAction(e ->
                WorkspaceTrace.choose(workspace.get(), vm.documentProperty().get(), window(), trace -> {
                    owner.put("file", relative(trace.file())).put("column", "t").put("unit", "s");
                    owner.put("input_tokens_column", "input_tokens").put("output_tokens_column", "output_tokens");
                    vm.restructured();
                }));
        return new HBox(6, browse, fromLog);
    }

    /** A path relative to the scenario's folder when it lies below it, else absolute. */
    private String relative(Path p) {
        Path base = vm.documentProperty().get().baseDir();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString().replace(File.separatorChar, '/') : abs.toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private boolean save() {
        if (!applyJsonIfShown()) return false;
        ScenarioDocument d = vm.documentProperty().get();
        if (d == null) return false;
        if (d.file() == null || isExample(d.file())) return saveAs();
        return vm.save();
    }

    /** The shipped examples are not overwritten by Save: it asks where to save a copy. */
    private boolean isExample(Path file) {
        return file.toAbsolutePath()
                .normalize()
                .startsWith(examplesDir.toAbsolutePath().normalize());
    }

    private boolean saveAs() {
        if (!applyJsonIfShown()) return false;
        FileChooser chooser = chooser("Save scenario as");
        ScenarioDocument d = vm.documentProperty().get();
        chooser.setInitialFileName(
                d.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "") + ".json");
        Path dir = Path.of(System.getProperty("user.home"), ".frontier", "scenarios");
        try {
            Files.createDirectories(dir);
            chooser.setInitialDirectory(dir.toFile());
        } catch (java.io.IOException ignored) {
            // the chooser starts where it likes
        }
        File f = chooser.showSaveDialog(window());
        return f != null && vm.saveAs(f.toPath());
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Scenario files (*.json)", "*.json"));
        if (Files.isDirectory(examplesDir))
            chooser.setInitialDirectory(examplesDir.toAbsolutePath().toFile());
        return chooser;
    }

    /** The wizard: model X at Y requests/s on instance type Z → a working scenario in the editor. */
    public void showWizard() {
        Dialog<ObjectNode> d = new Dialog<>();
        if (window() != null) d.initOwner(window());
        d.setTitle("New scenario");
        d.setHeaderText("Serve a model at a rate of requests on an instance type from the price catalogue.");
        TextField model = new TextField("llama-3-8b");
        model.setId("wizardModel");
        TextField rate = new TextField("20");
        rate.setId("wizardRate");
        TextField service = new TextField("0.8");
        service.setId("wizardService");
        TextField concurrency = new TextField("4");
        concurrency.setId("wizardConcurrency");
        CataloguePicker picker = new CataloguePicker(catalogue, List.of(PricingModel.ON_DEMAND));
        picker.table().setPrefHeight(260);
        Label sizing = new Label();
        sizing.setId("wizardSizing");
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(6);
        g.addRow(0, new Label("Model"), model);
        g.addRow(1, new Label("Requests per second"), rate);
        g.addRow(2, new Label("Seconds per request (mean)"), service);
        g.addRow(3, new Label("Concurrent requests per instance"), concurrency);
        Runnable size = () -> {
            try {
                double r = Double.parseDouble(rate.getText().strip()),
                        s = Double.parseDouble(service.getText().strip());
                int c = Integer.parseInt(concurrency.getText().strip());
                if (!(r > 0 && s > 0 && c >= 1)) throw new NumberFormatException();
                sizing.setText(String.format(
                        Locale.US,
                        "%d instance%s for about %.0f%% utilization.",
                        BlankScenario.instances(r, s, c),
                        BlankScenario.instances(r, s, c) == 1 ? "" : "s",
                        BlankScenario.TARGET_UTILIZATION * 100));
            } catch (NumberFormatException ex) {
                sizing.setText("Rate and seconds must be numbers above 0, concurrency a whole number of at least 1.");
            }
        };
        for (TextField t : List.of(rate, service, concurrency)) t.textProperty().addListener(o -> size.run());
        size.run();
        VBox content = new VBox(8, g, new Label("Instance type (on-demand prices):"), picker.node(), sizing);
        d.getDialogPane().setContent(content);
        d.getDialogPane().setId("wizardDialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> picker.table().getSelectionModel().getSelectedItem() == null
                                || sizing.getText().startsWith("Rate")
                                || model.getText().isBlank(),
                        picker.table().getSelectionModel().selectedItemProperty(),
                        sizing.textProperty(),
                        model.textProperty()));
        d.setResultConverter(b -> b != ButtonType.OK
                ? null
                : BlankScenario.of(
                        model.getText().strip(),
                        Double.parseDouble(rate.getText().strip()),
                        Double.parseDouble(service.getText().strip()),
                        Integer.parseInt(concurrency.getText().strip()),
                        picker.table().getSelectionModel().getSelectedItem()));
        d.setResizable(true);
        d.show();
        d.setOnHidden(e -> {
            if (d.getResult() != null) {
                examples.getSelectionModel().clearSelection();
                vm.newScenario(d.getResult());
            }
        });
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}
