package frontier.app.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.SweepSpec;
import frontier.scenario.alternatives.FieldLabels;
import frontier.sim.InvalidSpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The sweep editor: the numeric fields of a scenario by their labels ("Spot instances", "Keep-alive (s)"),
 * each with a list of values, a range (from, to, step) or an interval to sample, and the method (grid, Latin
 * hypercube, NSGA-II) with its sizes. It builds the {@link SweepSpec} of docs/sweeps.md, checked by the same
 * rules as a file (a grid of more than a million points, a sample interval with a grid, …); an error is shown
 * in the dialog, which stays open. No JSON is written or read by the user.
 */
public final class SweepEditor {
    /** How one field is varied. */
    enum Mode {
        VALUES("values"),
        RANGE("range"),
        SAMPLE("sample");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** One field's row: ticked or not, its mode and the texts of its values. */
    final class Row {
        final FieldLabels.Field field;
        final CheckBox on;
        final ComboBox<Mode> mode = new ComboBox<>();
        final TextField a = new TextField();
        final TextField b = new TextField();
        final TextField c = new TextField();

        Row(FieldLabels.Field f) {
            field = f;
            on = new CheckBox(f.label());
            String id = f.path().replaceAll("[^A-Za-z0-9]+", "_");
            on.setId("sweep_" + id);
            on.setTooltip(new Tooltip(f.path()));
            mode.setId("mode_" + id);
            a.setId("a_" + id);
            b.setId("b_" + id);
            c.setId("c_" + id);
            mode.getItems().setAll(Mode.values());
            mode.valueProperty().addListener((o, x, m) -> layout(m));
            for (TextField t : List.of(a, b, c)) {
                t.setPrefColumnCount(5);
                t.disableProperty().bind(on.selectedProperty().not());
            }
            a.setPrefColumnCount(11);
            mode.disableProperty().bind(on.selectedProperty().not());
            double v = f.value();
            if (f.integer()) {
                long n = (long) v;
                long step = Math.max(1, Math.round(n / 4.0));
                mode.setValue(Mode.RANGE);
                a.setText(Long.toString(Math.max(
                        f.path().endsWith("keep_warm") || f.path().endsWith("provisioned") ? 0 : 1, n - 2 * step)));
                b.setText(Long.toString(Math.max(n + 2 * step, 2)));
                c.setText(Long.toString(step));
            } else {
                mode.setValue(Mode.VALUES);
                boolean share = f.path().contains("ratio") || f.path().endsWith("target");
                double hi = share ? Math.min(0.95, Math.max(v * 1.5, v + 0.1)) : v * 2;
                a.setText(String.join(", ", fmt(v / 2), fmt(v), fmt(hi)));
            }
        }

        void layout(Mode m) {
            b.setVisible(m != Mode.VALUES);
            c.setVisible(m == Mode.RANGE);
            a.setPrefColumnCount(m == Mode.VALUES ? 11 : 5);
            a.setPromptText(m == Mode.VALUES ? "1, 2, 4" : m == Mode.RANGE ? "from" : "low");
            b.setPromptText(m == Mode.RANGE ? "to" : "high");
            c.setPromptText("step");
        }

        SweepSpec.Parameter parameter() {
            String path = "$." + field.path();
            String what = field.label();
            return switch (mode.getValue()) {
                case VALUES -> {
                    List<Object> values = new ArrayList<>();
                    for (String s : a.getText().split("[,;\\s]+")) {
                        if (s.isBlank()) continue;
                        double d = number(s, what);
                        values.add(field.integer() && d == Math.rint(d) ? (Object) (long) d : (Object) d);
                    }
                    yield new SweepSpec.Parameter(path, values.isEmpty() ? null : values, null, null);
                }
                case RANGE ->
                    new SweepSpec.Parameter(
                            path,
                            null,
                            new SweepSpec.Range(
                                    number(a.getText(), what), number(b.getText(), what), number(c.getText(), what)),
                            null);
                case SAMPLE ->
                    new SweepSpec.Parameter(
                            path,
                            null,
                            null,
                            new SweepSpec.Sample(
                                    number(a.getText(), what), number(b.getText(), what), field.integer()));
            };
        }
    }

    private final Dialog<SweepSpec> dialog = new Dialog<>();
    private final List<Row> rows = new ArrayList<>();
    private final ComboBox<SweepSpec.Method> method = new ComboBox<>();
    private final Spinner<Integer> samples = new Spinner<>(1, 100_000, 20);
    private final Spinner<Integer> population = new Spinner<>(4, 10_000, 12);
    private final Spinner<Integer> generations = new Spinner<>(1, 10_000, 5);
    private final Spinner<Integer> replications = new Spinner<>(1, 10_000, 2);
    private final Label error = new Label();

    /** The most the field list takes before it scrolls, so that the dialog fits a 1280 × 720 screen. */
    static final double FIELDS_MAX_HEIGHT = 360;

    public SweepEditor(ObjectNode tree, String around) {
        dialog.setTitle("Explore around " + around);
        dialog.setHeaderText("Choose the fields to vary around " + around
                + " and how; Explore runs the sweep and shows the trade-off.");
        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(6);
        g.addRow(0, bold("Field"), bold("Now"), bold("Vary by"), bold("Values, or from / to / step, or low / high"));
        int r = 1;
        for (FieldLabels.Field f : FieldLabels.sweepable(tree)) {
            Row row = new Row(f);
            rows.add(row);
            g.addRow(r++, row.on, new Label(fmt(f.value())), row.mode, new HBox(4, row.a, row.b, row.c));
        }
        ScrollPane scroll = new ScrollPane(g);
        scroll.setId("sweepFields");
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(FIELDS_MAX_HEIGHT, 32.0 * r));

        method.setId("sweepMethod");
        method.getItems().setAll(SweepSpec.Method.GRID, SweepSpec.Method.LATIN_HYPERCUBE, SweepSpec.Method.NSGA2);
        method.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SweepSpec.Method m) {
                return m == null
                        ? ""
                        : switch (m) {
                            case GRID -> "Grid: every combination";
                            case LATIN_HYPERCUBE -> "Latin hypercube sample";
                            case NSGA2 -> "NSGA-II search of the front";
                            case RANDOM -> "Random sample";
                        };
            }

            @Override
            public SweepSpec.Method fromString(String s) {
                return null;
            }
        });
        method.setValue(SweepSpec.Method.GRID);
        samples.setId("sweepSamples");
        population.setId("sweepPopulation");
        generations.setId("sweepGenerations");
        replications.setId("sweepReplications");
        for (Spinner<Integer> s : List.of(samples, population, generations, replications)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }
        samples.disableProperty().bind(method.valueProperty().isNotEqualTo(SweepSpec.Method.LATIN_HYPERCUBE));
        population.disableProperty().bind(method.valueProperty().isNotEqualTo(SweepSpec.Method.NSGA2));
        generations.disableProperty().bind(method.valueProperty().isNotEqualTo(SweepSpec.Method.NSGA2));
        HBox methodRow = new HBox(6, new Label("Method"), method);
        methodRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox how = new HBox(
                6,
                new Label("samples"),
                samples,
                new Label("population"),
                population,
                new Label("generations"),
                generations,
                new Label("replications per point"),
                replications);
        how.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        error.setId("sweepError");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #b3261e; -fx-font-weight: bold;");
        VBox content = new VBox(10, scroll, methodRow, how, error);
        // The header's left edge: the fields no longer sit against the dialog's border.
        content.setPadding(new Insets(4, 12, 4, 12));
        content.setPrefWidth(880);
        // A dialog takes its content's minimum, not its preference: without this the fields, their modes and the
        // method's settings were cut to "r…" and "ge…" at 1280 × 720.
        content.setMinWidth(880);
        dialog.getDialogPane().setContent(content);
        // The fields show whole when they fit in FIELDS_MAX_HEIGHT (more scroll): the list takes the rows' own height
        // once the theme has sized them, and the dialog grows to it (a guess of 32 px a row cut the last of five rows
        // at every size and scrolled them for nothing).
        g.heightProperty().addListener((o, was, h) -> {
            double want = Math.min(FIELDS_MAX_HEIGHT, h.doubleValue());
            if (Math.abs(scroll.getPrefViewportHeight() - want) < 0.5) return;
            scroll.setPrefViewportHeight(want);
            javafx.scene.Scene scene = dialog.getDialogPane().getScene();
            if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing())
                javafx.application.Platform.runLater(scene.getWindow()::sizeToScene);
        });
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Explore");
        ok.setId("sweepOk");
        dialog.setResizable(true);
        // Keep the dialog open on a mistake, with the reason under the fields.
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            try {
                spec();
                error.setText("");
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(bt -> bt == ButtonType.OK ? spec() : null);
    }

    /** The spec of the ticked fields; {@link IllegalArgumentException} or {@link InvalidSpecException} saying what is wrong. */
    public SweepSpec spec() {
        List<SweepSpec.Parameter> params = new ArrayList<>();
        for (Row r : rows) if (r.on.isSelected()) params.add(r.parameter());
        if (params.isEmpty()) throw new IllegalArgumentException("Tick at least one field to vary.");
        SweepSpec.Method m = method.getValue();
        if (m == SweepSpec.Method.GRID
                && rows.stream().anyMatch(r -> r.on.isSelected() && r.mode.getValue() == Mode.SAMPLE)) {
            throw new IllegalArgumentException(
                    "A grid needs values or a range for every field; sample an interval with the Latin hypercube or NSGA-II.");
        }
        try {
            return new SweepSpec(
                    params,
                    m,
                    m == SweepSpec.Method.LATIN_HYPERCUBE ? samples.getValue() : null,
                    m == SweepSpec.Method.NSGA2 ? population.getValue() : null,
                    m == SweepSpec.Method.NSGA2 ? generations.getValue() : null,
                    null,
                    replications.getValue(),
                    null,
                    true);
        } catch (InvalidSpecException e) {
            throw new IllegalArgumentException(
                    e.getMessage().replace("'samples'", "samples").replace("'values'", "values"), e);
        }
    }

    /** Ticks the field with this path (tests and callers that preselect). */
    public Row row(String path) {
        return rows.stream()
                .filter(r -> r.field.path().equals(path))
                .findFirst()
                .orElseThrow();
    }

    public Dialog<SweepSpec> dialog() {
        return dialog;
    }

    public Optional<SweepSpec> showAndWait(Window owner) {
        if (owner != null && dialog.getOwner() == null) dialog.initOwner(owner);
        return dialog.showAndWait();
    }

    private static Node bold(String s) {
        Label l = new Label(s);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static double number(String s, String what) {
        try {
            double d = Double.parseDouble(s.strip());
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": expected a number, got \"" + s.strip() + "\"");
        }
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString()
                .toLowerCase(Locale.ROOT);
    }
}
