package frontier.app.unitcost;

import frontier.app.Widgets;
import frontier.store.AttributionPreview;
import frontier.store.AttributionRule;
import frontier.store.AttributionRule.Match;
import frontier.store.Periods;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The attribution rules editor: the rules in use in the order they are tried, a form to add a rule or
 * change the selected one, and "Test" — the lines and cost the rule in the form would claim, and from
 * which rule (or from the unattributed cost) it would take them — before anything is saved. Remove,
 * move and "Reset to defaults" act at once. Built on {@link AttributionViewModel}.
 */
public final class AttributionEditor {
    private final AttributionViewModel vm;
    private final VBox root = new VBox(8);
    private final TableView<AttributionRule> rulesTable = new TableView<>();
    private final ChoiceBox<Match> field = new ChoiceBox<>();
    private final ComboBox<String> tagKey = new ComboBox<>();
    private final TextField pattern = new TextField("*");
    private final TextField endpoint = new TextField();
    private final TextField model = new TextField();
    private final Label formError = new Label();
    private final Label formTitle = new Label("New rule");
    private final Button save = new Button("Add rule");
    private final Label previewSummary = new Label();
    private final TableView<AttributionPreview.Line> previewTable = new TableView<>();
    /** The rule being edited (0-based), or -1 for a new one. */
    private int editing = -1;

    public AttributionEditor(AttributionViewModel vm) {
        this.vm = vm;
        root.setId("attributionEditor");
        root.setPadding(new Insets(10, 12, 10, 12));
        Label title = new Label("Attribution rules");
        title.getStyleClass().add("scenario-name");
        Label status = Widgets.statusLabel("attributionStatus", vm.statusProperty(), 600);
        HBox head = new HBox(14, title, status);
        head.setAlignment(Pos.BASELINE_LEFT);
        Label intro = new Label(
                "Each cost line goes to the endpoint and model of the first rule that matches it; lines no rule"
                        + " matches are unattributed. In a target, {value} stands for the value the rule matched (tag"
                        + " endpoint = * → endpoint {value}).");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        intro.getStyleClass().add("scenario-file");
        Label defaults =
                new Label("These are the default rules (no rule is stored yet): a change stores them with it.");
        defaults.setId("attributionDefaults");
        defaults.getStyleClass().add("scenario-file");
        defaults.visibleProperty().bind(vm.defaultsProperty());
        defaults.managedProperty().bind(defaults.visibleProperty());
        VBox.setVgrow(previewTable, Priority.ALWAYS);
        root.getChildren().addAll(head, intro, rulesPane(), defaults, form(), previewPane());
        vm.previewProperty().addListener((obs, o, p) -> showPreview(p));
    }

    public Node node() {
        return root;
    }

    public AttributionViewModel viewModel() {
        return vm;
    }

    // ---- the rules -------------------------------------------------------------------------------

    private Node rulesPane() {
        rulesTable.setId("attributionRules");
        frontier.app.Widgets.headerTooltips(rulesTable);
        frontier.app.Widgets.headerTooltips(previewTable);
        rulesTable.setItems(vm.rules());
        TableColumn<AttributionRule, String> pos =
                column("#", r -> String.valueOf(vm.rules().indexOf(r) + 1), 36);
        rulesTable.getColumns().add(pos);
        rulesTable.getColumns().add(column("Field", AttributionEditor::fieldText, 150));
        rulesTable.getColumns().add(column("Matches", AttributionRule::pattern, 140));
        rulesTable.getColumns().add(column("Endpoint", r -> Objects.toString(r.endpoint(), "(any)"), 150));
        rulesTable.getColumns().add(column("Model", r -> Objects.toString(r.model(), "(any)"), 150));
        rulesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rulesTable.setPlaceholder(new Label("No rule."));
        rulesTable.setFixedCellSize(24);
        rulesTable
                .prefHeightProperty()
                .bind(Bindings.max(3, Bindings.size(vm.rules())).add(1.3).multiply(24));
        // As tall as the buttons beside it (more rules in view, no empty band under the table).
        rulesTable.setMaxHeight(Double.MAX_VALUE);
        rulesTable.setRowFactory(t -> {
            var row = new javafx.scene.control.TableRow<AttributionRule>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) edit(row.getIndex());
            });
            return row;
        });
        var selected = rulesTable.getSelectionModel().selectedIndexProperty();
        var none = selected.lessThan(0).or(vm.busyProperty());
        Button edit = button(
                "attributionEdit", "Edit", "Load the selected rule into the form below", () -> edit(selected.get()));
        edit.disableProperty().bind(none);
        Button remove =
                button("attributionRemove", "Remove", "Remove the selected rule", () -> vm.remove(selected.get()));
        remove.disableProperty().bind(none);
        Button up = button(
                "attributionUp", "Move up", "Try the selected rule earlier (first match wins)", () -> moveSelected(-1));
        up.disableProperty().bind(none.or(selected.lessThanOrEqualTo(0)));
        Button down = button("attributionDown", "Move down", "Try the selected rule later", () -> moveSelected(1));
        down.disableProperty()
                .bind(none.or(
                        selected.greaterThanOrEqualTo(Bindings.size(vm.rules()).subtract(1))));
        Button reset = button(
                "attributionReset",
                "Reset to defaults",
                "Remove every stored rule: lines tagged endpoint or model go to that" + " endpoint or model",
                vm::reset);
        reset.disableProperty().bind(vm.defaultsProperty().or(vm.busyProperty()));
        VBox buttons = new VBox(4, edit, remove, up, down, reset);
        buttons.getChildren().forEach(b -> ((Button) b).setMaxWidth(Double.MAX_VALUE));
        HBox.setHgrow(rulesTable, Priority.ALWAYS);
        return new HBox(8, rulesTable, buttons);
    }

    private void moveSelected(int delta) {
        int i = rulesTable.getSelectionModel().getSelectedIndex();
        vm.move(i, delta);
        // Keep the moved rule selected once the list is back.
        vm.rules().addListener(new javafx.collections.ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends AttributionRule> c) {
                vm.rules().removeListener(this);
                rulesTable.getSelectionModel().select(i + delta);
            }
        });
    }

    /** A rule's field as the app says it: "Tag endpoint", "Resource id", … */
    static String fieldText(AttributionRule r) {
        return r.match() == Match.TAG ? "Tag " + r.tagKey() : matchLabel(r.match());
    }

    static String matchLabel(Match m) {
        return switch (m) {
            case TAG -> "Tag";
            case RESOURCE_ID -> "Resource id";
            case INSTANCE_TYPE -> "Instance type";
            case SERVICE -> "Service";
        };
    }

    // ---- the form --------------------------------------------------------------------------------

    private Node form() {
        formTitle.setId("attributionFormTitle");
        formTitle.getStyleClass().add("section-title");
        field.setId("ruleField");
        field.getItems().setAll(Match.values());
        field.setConverter(new StringConverter<>() {
            @Override
            public String toString(Match m) {
                return m == null ? "" : matchLabel(m);
            }

            @Override
            public Match fromString(String s) {
                return null;
            }
        });
        field.setValue(Match.TAG);
        tagKey.setId("ruleTagKey");
        tagKey.setEditable(true);
        tagKey.setItems(vm.tagKeys());
        tagKey.setPromptText("tag key, e.g. endpoint");
        tagKey.setPrefWidth(220); // its prompt whole ("tag key, e.g. endp…" at 170)
        // Only a tag rule has a tag key: for the other fields the box is gone, from the eye and from Tab's order.
        tagKey.disableProperty().bind(field.valueProperty().isNotEqualTo(Match.TAG));
        tagKey.visibleProperty().bind(field.valueProperty().isEqualTo(Match.TAG));
        tagKey.managedProperty().bind(tagKey.visibleProperty());
        pattern.setId("rulePattern");
        pattern.setPromptText("* any, ? one character");
        pattern.setTooltip(new Tooltip(
                "Which values the rule matches: * stands for any run of characters, ? for one; case is ignored"));
        endpoint.setId("ruleEndpoint");
        endpoint.setPromptText("endpoint, or {value}");
        model.setId("ruleModel");
        model.setPromptText("model, or {value}");
        formError.setId("ruleError");
        formError.getStyleClass().add("error-text");
        formError.setWrapText(true);
        formError.setMinHeight(Region.USE_PREF_SIZE);

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("When"), field, tagKey);
        g.addRow(1, new Label("matches"), pattern);
        g.addRow(2, new Label("cost goes to endpoint"), endpoint);
        g.addRow(3, new Label("and model"), model);
        GridPane.setColumnSpan(pattern, 2);
        GridPane.setColumnSpan(endpoint, 2);
        GridPane.setColumnSpan(model, 2);

        Button test =
                button("ruleTest", "Test", "Show which lines this rule would claim, before saving it", this::test);
        save.setId("ruleSave");
        save.setDefaultButton(false);
        save.setOnAction(e -> save());
        save.disableProperty().bind(vm.busyProperty());
        Button clear = button("ruleClear", "New rule", "Clear the form for a new rule", this::clearForm);
        HBox actions = new HBox(6, test, save, clear);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, formTitle, g, formError, actions);
    }

    /** The rule in the form, or null (the reason in the form's error line). */
    AttributionRule formRule() {
        Match m = field.getValue();
        String key = tagKey.getEditor().getText() == null
                        || tagKey.getEditor().getText().isBlank()
                ? tagKey.getValue()
                : tagKey.getEditor().getText();
        String error = null;
        if (m == Match.TAG && (key == null || key.isBlank())) error = "Choose or type the tag key this rule looks at.";
        else if (pattern.getText() == null || pattern.getText().isBlank())
            error = "Type the values this rule matches (* matches any value).";
        else if (endpoint.getText().isBlank() && model.getText().isBlank())
            error = "Give the endpoint, the model or both that the cost goes to.";
        formError.setText(error == null ? "" : error);
        if (error != null) return null;
        return new AttributionRule(
                0,
                0,
                m,
                m == Match.TAG ? key.strip() : null,
                pattern.getText().strip(),
                endpoint.getText().strip(),
                model.getText().strip());
    }

    private void test() {
        AttributionRule r = formRule();
        if (r == null) return;
        if (editing >= 0) vm.preview(r, editing, true);
        else vm.preview(r, vm.rules().size(), false);
    }

    private void save() {
        AttributionRule r = formRule();
        if (r == null) return;
        if (editing >= 0) vm.replace(editing, r);
        else vm.add(r);
        clearForm();
    }

    private void edit(int index) {
        if (index < 0 || index >= vm.rules().size()) return;
        AttributionRule r = vm.rules().get(index);
        editing = index;
        field.setValue(r.match());
        tagKey.setValue(r.tagKey());
        tagKey.getEditor().setText(Objects.toString(r.tagKey(), ""));
        pattern.setText(r.pattern());
        endpoint.setText(Objects.toString(r.endpoint(), ""));
        model.setText(Objects.toString(r.model(), ""));
        formTitle.setText("Rule " + (index + 1));
        save.setText("Save changes");
        formError.setText("");
    }

    private void clearForm() {
        editing = -1;
        field.setValue(Match.TAG);
        tagKey.setValue(null);
        tagKey.getEditor().setText("");
        pattern.setText("*");
        endpoint.setText("");
        model.setText("");
        formTitle.setText("New rule");
        save.setText("Add rule");
        formError.setText("");
    }

    // ---- the preview -----------------------------------------------------------------------------

    private Node previewPane() {
        Label title = new Label("Lines the rule would claim");
        title.getStyleClass().add("section-title");
        previewSummary.setId("previewSummary");
        previewSummary.setWrapText(true);
        previewSummary.setMinHeight(Region.USE_PREF_SIZE);
        previewSummary.setText("Fill in a rule and press Test to see the lines it would claim.");
        previewTable.setId("previewLines");
        previewTable.getColumns().add(lineColumn("Start (UTC)", l -> Periods.time(l.periodStart()), 128));
        previewTable.getColumns().add(lineColumn("Service", AttributionPreview.Line::service, 140));
        previewTable.getColumns().add(lineColumn("Instance", AttributionPreview.Line::instanceType, 90));
        previewTable.getColumns().add(lineColumn("Resource", AttributionPreview.Line::resourceId, 150));
        previewTable.getColumns().add(lineColumn("Matched", AttributionPreview.Line::value, 110));
        previewTable.getColumns().add(lineColumn("→ Endpoint", AttributionPreview.Line::endpoint, 110));
        previewTable.getColumns().add(lineColumn("→ Model", AttributionPreview.Line::model, 110));
        TableColumn<AttributionPreview.Line, String> cost =
                lineColumn("Cost", l -> UnitCostChart.money(l.cost().doubleValue()) + " " + l.currency(), 100);
        cost.getStyleClass().add("numeric");
        previewTable.getColumns().add(cost);
        previewTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        previewTable.setPlaceholder(new Label("No lines to show."));
        previewTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(AttributionPreview.Line l, boolean empty) {
                super.updateItem(l, empty);
                setTooltip(
                        empty || l == null
                                ? null
                                : new Tooltip(Periods.time(l.periodStart()) + " · " + Objects.toString(l.service(), "")
                                        + (l.resourceId() == null ? "" : "\nResource " + l.resourceId()) + "\nMatched "
                                        + l.value() + " → endpoint "
                                        + Objects.toString(l.endpoint(), "(any)") + ", model "
                                        + Objects.toString(l.model(), "(any)") + "\nCost "
                                        + l.cost().toPlainString()
                                        + " " + l.currency()));
            }
        });
        previewTable.setMinHeight(120);
        VBox box = new VBox(4, title, previewSummary, previewTable);
        VBox.setVgrow(box, Priority.ALWAYS);
        return box;
    }

    private void showPreview(AttributionPreview p) {
        if (p == null) {
            previewTable.getItems().clear();
            previewSummary.setText(vm.previewedProperty().get() == null ? "" : "Testing…");
            return;
        }
        previewTable.getItems().setAll(p.sample());
        previewSummary.setText(summary(p, vm.rules()));
    }

    /** The preview in words: what the rule claims, and from whom. */
    static String summary(AttributionPreview p, List<AttributionRule> rules) {
        if (p.lines() == 0)
            return "This rule would claim no line: every line it matches goes to an earlier rule, or none matches.";
        StringBuilder b =
                new StringBuilder(String.format(Locale.US, "Would claim %,d lines, %s.", p.lines(), money(p.cost())));
        for (AttributionPreview.Taken t : p.taken()) {
            String from = t.rule() == null
                    ? "the unattributed cost"
                    : "rule " + (rules.indexOf(t.rule()) + 1) + " (" + fieldText(t.rule()) + " "
                            + t.rule().pattern() + ")";
            if (t.rule() != null && rules.indexOf(t.rule()) < 0) from = "the rule being changed";
            b.append(String.format(Locale.US, "\n• %,d lines, %s, from %s", t.lines(), money(t.cost()), from));
        }
        if (p.lines() > p.sample().size())
            b.append(String.format(
                    Locale.US, "\nThe first %,d are listed below.", p.sample().size()));
        return b.toString();
    }

    private static String money(Map<String, BigDecimal> byCurrency) {
        return String.join(
                " + ",
                byCurrency.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> UnitCostView.money(e.getValue()) + " " + e.getKey())
                        .toList());
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private static TableColumn<AttributionRule, String> column(
            String title, Function<AttributionRule, String> value, double width) {
        TableColumn<AttributionRule, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TableColumn<AttributionPreview.Line, String> lineColumn(
            String title, Function<AttributionPreview.Line, String> value, double width) {
        TableColumn<AttributionPreview.Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(Objects.toString(value.apply(cell.getValue()), "")));
        c.setPrefWidth(width);
        return c;
    }
}
