package frontier.app.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The form of a scenario, built from its JSON tree and the spec records ({@link SpecSchema}): one titled
 * section per part (traffic, pools, classes, cache, run…), one row per field with a control that suits its type
 * (numbers, text, yes/no, a choice of words, a kind that switches the fields below it, lists with Add and Remove).
 * Every edit goes straight into the tree, then {@code onEdit} runs (the view-model re-checks the scenario);
 * adding, removing or switching a kind rebuilds the form ({@code onRebuild}). Each control carries its JSON path
 * as {@code userData} and id {@code field:<path>}, so a problem can be shown at its field.
 */
final class ScenarioForm {
    /** Extra controls beside a field: (the field's object, its JSON name, its path) → node or null. */
    interface Extras {
        Node beside(ObjectNode owner, String json, String path);
    }

    /** Parts the Scenario record's constructor requires although Jackson does not mark them required. */
    private static final java.util.Set<String> ALWAYS_GIVEN = java.util.Set.of("$.traffic", "$.run");

    private final ObjectNode root;
    private final Runnable onEdit;
    private final Runnable onRebuild;
    private final Extras extras;
    private final Map<String, Control> controls = new HashMap<>();

    ScenarioForm(ObjectNode root, Runnable onEdit, Runnable onRebuild, Extras extras) {
        this.root = root;
        this.onEdit = onEdit;
        this.onRebuild = onRebuild;
        this.extras = extras;
    }

    /** The form: the scenario's top-level fields as sections, in the records' order. */
    Node build() {
        VBox box = new VBox(8);
        box.setPadding(new Insets(8));
        GridPane general = grid();
        List<TitledPane> sections = new ArrayList<>();
        int row = 0;
        for (SpecField f : SpecSchema.fields(Scenario.class)) {
            switch (f.kind()) {
                case OBJECT, OBJECT_LIST -> sections.add(section(root, f, "$." + f.json()));
                default -> row = addRow(general, row, root, f, "$." + f.json());
            }
        }
        TitledPane g = new TitledPane("General", general);
        g.setId("section:general");
        box.getChildren().add(g);
        box.getChildren().addAll(sections);
        return box;
    }

    /** The control of the field at {@code path}, if the form shows it. */
    Control control(String path) {
        return controls.get(path);
    }

    Map<String, Control> controls() {
        return controls;
    }

    /** The names of the pools, for the fields that name one (overflow, a class's pool). */
    List<String> poolNames() {
        List<String> out = new ArrayList<>();
        JsonNode pools = root.get("pools");
        if (pools != null && pools.isArray())
            for (JsonNode p : pools)
                if (p.path("name").isTextual()) out.add(p.get("name").asText());
        return out;
    }

    private TitledPane section(ObjectNode owner, SpecField f, String path) {
        JsonNode value = owner.get(f.json());
        VBox content = new VBox(6);
        TitledPane pane = new TitledPane(f.label(), content);
        pane.setId("section:" + path);
        pane.setAnimated(false);
        if (!f.required() && !ALWAYS_GIVEN.contains(path)) {
            CheckBox use = new CheckBox(value == null ? "Add " + f.label().toLowerCase(java.util.Locale.ROOT) : "Use");
            use.setId("use:" + path);
            use.setSelected(value != null);
            use.setOnAction(e -> {
                if (use.isSelected())
                    owner.set(
                            f.json(),
                            f.kind() == SpecField.Kind.OBJECT_LIST ? newList(f) : Templates.of(f.type(), null));
                else owner.remove(f.json());
                onRebuild.run();
            });
            content.getChildren().add(use);
            controls.put(path, use);
            if (value == null) pane.setExpanded(false);
        }
        if (value != null && !value.isNull()) {
            if (f.kind() == SpecField.Kind.OBJECT && value instanceof ObjectNode o)
                content.getChildren().add(object(o, f.type(), path));
            else if (value instanceof ArrayNode a) content.getChildren().add(list(a, f, path));
        }
        Node beside = extras.beside(owner, f.json(), path);
        if (beside != null) content.getChildren().add(beside);
        return pane;
    }

    private ArrayNode newList(SpecField f) {
        ArrayNode a = ScenarioLoader.mapper().createArrayNode();
        a.add(named(Templates.of(f.type(), null), a));
        return a;
    }

    /** The fields of one record (a typed one starts with its kind). */
    private Node object(ObjectNode node, Class<?> type, String path) {
        GridPane grid = grid();
        int row = 0;
        Class<?> concrete = type;
        List<TitledPane> nested = new ArrayList<>();
        if (SpecSchema.polymorphic(type)) {
            String tp = SpecSchema.typeProperty(type);
            Map<String, Class<?>> kinds = SpecSchema.kinds(type);
            String kind = node.path(tp).asText("");
            concrete = kinds.get(kind);
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(kinds.keySet());
            box.setConverter(converter(FieldLabels::kind));
            box.setValue(kinds.containsKey(kind) ? kind : null);
            register(box, path + "." + tp);
            box.setOnAction(e -> {
                String k = box.getValue();
                if (k == null || k.equals(node.path(tp).asText())) return;
                switchKind(node, type, k);
                onRebuild.run();
            });
            grid.addRow(row++, label(FieldLabels.label(tp), null), box);
            if (concrete == null) return grid;
        }
        for (SpecField f : SpecSchema.fields(concrete)) {
            String p = path + "." + f.json();
            switch (f.kind()) {
                case OBJECT, OBJECT_LIST -> nested.add(section(node, f, p));
                default -> row = addRow(grid, row, node, f, p);
            }
        }
        if (nested.isEmpty()) return grid;
        VBox box = new VBox(6, grid);
        box.getChildren().addAll(nested);
        return box;
    }

    /** Switches a typed record to another kind, keeping the fields both kinds have. */
    private static void switchKind(ObjectNode node, Class<?> type, String kind) {
        ObjectNode fresh = Templates.of(type, kind);
        Class<?> target = SpecSchema.kinds(type).get(kind);
        var keep = SpecSchema.fields(target).stream().map(SpecField::json).collect(Collectors.toSet());
        ObjectNode old = node.deepCopy();
        node.removeAll();
        node.setAll(fresh);
        for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
            var e = it.next();
            if (keep.contains(e.getKey()) && !e.getKey().equals(SpecSchema.typeProperty(type)))
                node.set(e.getKey(), e.getValue());
        }
    }

    private Node list(ArrayNode items, SpecField f, String path) {
        VBox box = new VBox(6);
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            String p = path + "[" + i + "]";
            JsonNode item = items.get(i);
            Node body = item instanceof ObjectNode o ? object(o, f.type(), p) : new Label(String.valueOf(item));
            Button remove = new Button("Remove");
            remove.setId("remove:" + p);
            remove.setOnAction(e -> {
                items.remove(index);
                onRebuild.run();
            });
            VBox content = new VBox(6, body, remove);
            TitledPane pane = new TitledPane(itemTitle(f, item, i), content);
            pane.setId("item:" + p);
            pane.setAnimated(false);
            box.getChildren().add(pane);
        }
        String noun = f.label().toLowerCase(java.util.Locale.ROOT).replaceAll("s$", "");
        if (SpecSchema.polymorphic(f.type())) {
            MenuButton add = new MenuButton("Add " + noun);
            add.setId("add:" + path);
            for (String kind : SpecSchema.kinds(f.type()).keySet()) {
                MenuItem m = new MenuItem(FieldLabels.kind(kind));
                m.setId("add:" + path + ":" + kind);
                m.setOnAction(e -> {
                    items.add(named(Templates.of(f.type(), kind), items));
                    onRebuild.run();
                });
                add.getItems().add(m);
            }
            box.getChildren().add(add);
        } else {
            Button add = new Button("Add " + noun);
            add.setId("add:" + path);
            add.setOnAction(e -> {
                items.add(named(Templates.of(f.type(), null), items));
                onRebuild.run();
            });
            box.getChildren().add(add);
        }
        return box;
    }

    /** Gives a new list item with a {@code name} field a name not yet used in the list. */
    private static ObjectNode named(ObjectNode item, ArrayNode list) {
        if (!item.has("name") && !item.has("type") && !item.has("share")) return item;
        String base = item.has("type") ? item.get("type").asText().replace('_', '-') : "class";
        var used = new java.util.HashSet<String>();
        list.forEach(n -> used.add(n.path("name").asText()));
        String name = base;
        for (int k = 2; used.contains(name); k++) name = base + "-" + k;
        item.put("name", name);
        return item;
    }

    private static String itemTitle(SpecField f, JsonNode item, int i) {
        String name = item.path("name").asText("");
        String kind = item.has("type") ? FieldLabels.kind(item.path("type").asText()) : "";
        String title = name.isEmpty() ? "#" + (i + 1) : name;
        return kind.isEmpty() ? title : title + " — " + kind;
    }

    private int addRow(GridPane grid, int row, ObjectNode owner, SpecField f, String path) {
        Node control = scalar(owner, f, path);
        Node beside = extras.beside(owner, f.json(), path);
        Node cell = beside == null ? control : new HBox(6, control, beside);
        if (cell instanceof HBox h) {
            h.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(control, Priority.ALWAYS);
        }
        grid.addRow(row, label(f.label() + (f.required() ? " *" : ""), FieldLabels.help(f.json())), cell);
        return row + 1;
    }

    private Node scalar(ObjectNode owner, SpecField f, String path) {
        JsonNode v = owner.get(f.json());
        return switch (f.kind()) {
            case BOOLEAN -> {
                CheckBox c = new CheckBox();
                c.setSelected(v != null && v.asBoolean());
                register(c, path);
                c.setOnAction(e -> {
                    owner.put(f.json(), c.isSelected());
                    onEdit.run();
                });
                yield c;
            }
            case CHOICE -> choice(owner, f, path, f.choices(), false);
            case TEXT -> {
                List<String> offered = offered(f.json());
                if (offered != null) yield choice(owner, f, path, offered, true);
                TextInputControl t = f.json().equals("description")
                        ? area(v == null ? "" : v.asText())
                        : new TextField(v == null ? "" : v.asText());
                register(t, path);
                t.textProperty().addListener((o, a, b) -> {
                    if (b.isEmpty() && !f.required()) owner.remove(f.json());
                    else owner.put(f.json(), b);
                    onEdit.run();
                });
                yield t;
            }
            case NUMBER, INTEGER -> {
                TextField t = new TextField(v == null ? "" : v.asText());
                t.setPromptText(f.required() ? "required" : "default");
                register(t, path);
                t.textProperty().addListener((o, a, b) -> {
                    String s = b.strip().replace(",", "");
                    if (s.isEmpty()) owner.remove(f.json());
                    else owner.set(f.json(), number(s, f.kind() == SpecField.Kind.INTEGER));
                    onEdit.run();
                });
                yield t;
            }
            case NUMBER_LIST -> {
                String text = v == null ? "" : stream(v).map(JsonNode::asText).collect(Collectors.joining(", "));
                TextInputControl t = v != null && v.size() > 12 ? area(text) : new TextField(text);
                register(t, path);
                t.textProperty().addListener((o, a, b) -> {
                    if (b.isBlank()) owner.remove(f.json());
                    else {
                        ArrayNode arr = owner.putArray(f.json());
                        for (String part : b.split("[,;\\s]+"))
                            if (!part.isBlank()) arr.add(number(part.strip(), false));
                    }
                    onEdit.run();
                });
                yield t;
            }
            default -> {
                TextArea t = area(v == null ? "" : pretty(v));
                register(t, path);
                t.textProperty().addListener((o, a, b) -> {
                    try {
                        if (b.isBlank()) owner.remove(f.json());
                        else owner.set(f.json(), ScenarioLoader.mapper().readTree(b));
                    } catch (JsonProcessingException ex) {
                        owner.put(f.json(), b); // the check reports it: not what the field takes
                    }
                    onEdit.run();
                });
                yield t;
            }
        };
    }

    /** Words a text field offers to pick from (pool names, Spot Advisor buckets), or null for free text. */
    private List<String> offered(String json) {
        return switch (json) {
            case "overflow_to", "pool" -> poolNames();
            case "bucket" -> List.of("<5%", "5-10%", "10-15%", "15-20%", ">20%");
            case "time_unit" -> List.of("s", "ms");
            case "pricing_model" -> List.of("on_demand", "spot", "committed");
            default -> null;
        };
    }

    private ComboBox<String> choice(ObjectNode owner, SpecField f, String path, List<String> values, boolean editable) {
        ComboBox<String> box = new ComboBox<>();
        if (!f.required()) box.getItems().add("");
        box.getItems().addAll(values);
        box.setEditable(editable);
        JsonNode v = owner.get(f.json());
        box.setValue(v == null ? "" : v.asText());
        box.setMaxWidth(Double.MAX_VALUE);
        register(box, path);
        box.valueProperty().addListener((o, a, b) -> {
            if (b == null || b.isEmpty()) owner.remove(f.json());
            else owner.put(f.json(), b);
            onEdit.run();
        });
        return box;
    }

    private void register(Control c, String path) {
        c.setId("field:" + path);
        c.setUserData(path);
        c.setMaxWidth(Double.MAX_VALUE);
        controls.put(path, c);
    }

    /** A number as typed, kept as text when it is not one (the check then says what is expected). */
    private static JsonNode number(String s, boolean integer) {
        var f = ScenarioLoader.mapper().getNodeFactory();
        try {
            BigDecimal d = new BigDecimal(s);
            if (d.scale() <= 0 || integer) {
                try {
                    return f.numberNode(d.longValueExact());
                } catch (ArithmeticException e) {
                    if (integer) return f.numberNode(d.doubleValue());
                }
            }
            return f.numberNode(d.doubleValue());
        } catch (NumberFormatException e) {
            return f.textNode(s);
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    private static String pretty(JsonNode v) {
        try {
            return ScenarioLoader.mapper().writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return v.toString();
        }
    }

    private static TextArea area(String text) {
        TextArea t = new TextArea(text);
        t.setWrapText(true);
        t.setPrefRowCount(3);
        return t;
    }

    private static Label label(String text, String help) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (help != null) l.setTooltip(new Tooltip(help));
        return l;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(5);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(200);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        g.getColumnConstraints().setAll(labels, values);
        return g;
    }

    private static javafx.util.StringConverter<String> converter(Function<String, String> label) {
        Map<String, String> back = new LinkedHashMap<>();
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String kind) {
                if (kind == null) return "";
                String l = label.apply(kind);
                back.put(l, kind);
                return l;
            }

            @Override
            public String fromString(String l) {
                return Objects.requireNonNullElse(back.get(l), l);
            }
        };
    }
}
