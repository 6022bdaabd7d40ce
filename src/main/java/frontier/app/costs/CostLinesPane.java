package frontier.app.costs;

import frontier.app.Widgets;
import frontier.store.CostFilter;
import frontier.store.CostLine;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.Periods;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.textfield.TextFields;

/**
 * The selected cost lines, a page at a time, with the search box and a filter menu on the header of each
 * descriptive column (right-click: the column's values among the selected lines, with their line counts).
 * Search and column filters narrow the whole view — chart, totals, count — not only the table.
 */
final class CostLinesPane {
    /** Values offered in a column's filter menu (the largest by lines). */
    static final int MENU_VALUES = 25;

    private final CostsViewModel vm;
    private final TableView<CostLine> table = new TableView<>();
    private final VBox root;

    CostLinesPane(CostsViewModel vm) {
        this.vm = vm;
        table.setItems(vm.lines());
        buildTable();
        Label title = new Label("Cost lines");
        title.getStyleClass().add("section-title");
        TextField search = TextFields.createClearableTextField();
        search.setId("linesSearch");
        search.setPromptText("Search all lines: service, region, tag, resource…");
        search.setPrefWidth(380);
        // Each keystroke would rescan the workspace: wait for a pause in typing (Enter searches at once).
        PauseTransition pause = new PauseTransition(Duration.millis(350));
        pause.setOnFinished(e -> vm.searchProperty().set(search.getText()));
        search.textProperty().addListener((obs, o, n) -> pause.playFromStart());
        search.setOnAction(e -> {
            pause.stop();
            vm.searchProperty().set(search.getText());
        });
        // A search cleared elsewhere (the breadcrumb) clears the box.
        vm.searchProperty().addListener((obs, o, n) -> {
            if (!Objects.equals(n, search.getText())) {
                search.setText(n);
                pause.stop();
            }
        });
        Label note = new Label();
        note.setId("linesNote");
        note.textProperty()
                .bind(Bindings.when(vm.linesLoadingProperty())
                        .then("Loading…")
                        .otherwise(Widgets.printable(vm.linesNoteProperty())));
        Button prev = new Button("◀");
        prev.setId("linesPrev");
        prev.setTooltip(new Tooltip("Previous page"));
        prev.setOnAction(e -> vm.pageProperty().set(vm.pageProperty().get() - 1));
        prev.disableProperty().bind(vm.pageProperty().lessThanOrEqualTo(0));
        Button next = new Button("▶");
        next.setId("linesNext");
        next.setTooltip(new Tooltip("Next page"));
        next.setOnAction(e -> vm.pageProperty().set(vm.pageProperty().get() + 1));
        next.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> vm.pageProperty().get() + 1 >= vm.pages(), vm.pageProperty(), vm.lineCountProperty()));
        HBox pager = new HBox(2, prev, next);
        pager.visibleProperty().bind(vm.lineCountProperty().greaterThan(CostsViewModel.PAGE));
        pager.managedProperty().bind(pager.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label hint = new Label("Right-click a column header to filter by its values");
        hint.getStyleClass().add("scenario-file");
        HBox bar = new HBox(8, title, search, note, pager, gap, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(table, Priority.ALWAYS);
        root = new VBox(4, bar, table);
        root.setPadding(new Insets(6, 0, 0, 0));
        root.setMinHeight(140);
    }

    Node node() {
        return root;
    }

    TableView<CostLine> table() {
        return table;
    }

    private void buildTable() {
        TableView<CostLine> t = table;
        frontier.app.TableExport.install(t, "cost-lines.csv", m -> {});
        t.setId("linesTable");
        t.getColumns().add(CostFormats.column("Start (UTC)", l -> Periods.time(l.periodStart()), 128, false));
        t.getColumns().add(filtered("Provider", CostLine::provider, 86, Dimension.PROVIDER));
        t.getColumns().add(filtered("Account", CostLine::billingAccount, 95, Dimension.ACCOUNT));
        t.getColumns().add(filtered("Service", CostLine::service, 140, Dimension.SERVICE));
        t.getColumns().add(filtered("Region", CostLine::region, 80, Dimension.REGION));
        t.getColumns().add(filtered("Instance", CostLine::instanceType, 75, Dimension.INSTANCE_TYPE));
        t.getColumns().add(filtered("Pricing", l -> l.pricingModel().label(), 92, Dimension.PRICING_MODEL));
        t.getColumns().add(filtered("Charge", l -> l.chargeCategory().label(), 68, Dimension.CHARGE_CATEGORY));
        t.getColumns().add(CostFormats.column("Tags", l -> CostFormats.tags(l.tags()), 120, false));
        t.getColumns().add(moneyColumn("Billed", CostLine::billed));
        t.getColumns().add(moneyColumn("Effective", CostLine::effective));
        t.getColumns().add(moneyColumn("List", CostLine::list));
        t.getColumns().add(CostFormats.column("Currency", CostLine::currency, 80, false));
        // Short, always-readable columns keep their width; the long free-text ones give way (full text in the row
        // tooltip).
        List<String> fixed =
                List.of("Start (UTC)", "Provider", "Pricing", "Charge", "Billed", "Effective", "List", "Currency");
        t.getColumns().forEach(c -> c.setMinWidth(fixed.contains(c.getText()) ? c.getPrefWidth() : 50));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setPlaceholder(new Label("No cost lines for this selection."));
        // One tooltip per row, its text replaced: a new Tooltip (a popup window) at every update of every row
        // held the FX thread for seconds the first time the view was shown, so switching to it seemed to do nothing.
        t.setRowFactory(tv -> new TableRow<>() {
            private final Tooltip tip = new Tooltip();

            @Override
            protected void updateItem(CostLine l, boolean empty) {
                super.updateItem(l, empty);
                if (empty || l == null) {
                    setTooltip(null);
                } else {
                    tip.setText(lineTip(l));
                    if (getTooltip() != tip) setTooltip(tip);
                }
            }
        });
    }

    /** A column of dimension {@code d} whose header menu filters the view to one of its values. */
    private TableColumn<CostLine, String> filtered(
            String title, Function<CostLine, String> value, double width, Dimension d) {
        TableColumn<CostLine, String> c = CostFormats.column(title, value, width, false);
        Grouping by = Grouping.of(d);
        ContextMenu menu = new ContextMenu(new MenuItem("Loading…"));
        menu.setOnShowing(e -> {
            menu.getItems().setAll(new MenuItem("Loading…"));
            vm.values(by, rows -> fill(menu, by, rows));
        });
        c.setContextMenu(menu);
        c.setId("column-" + d.code());
        c.getStyleClass().add("filterable");
        // The header says when the view is filtered by this column.
        c.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.filters().stream().anyMatch(f -> f.by().equals(by)) ? title + " ▾" : title,
                        vm.filters()));
        return c;
    }

    private void fill(ContextMenu menu, Grouping by, List<CostRow> rows) {
        menu.getItems().clear();
        CostFilter current =
                vm.filters().stream().filter(f -> f.by().equals(by)).findFirst().orElse(null);
        if (current != null) {
            MenuItem all = new MenuItem("All " + by.label().toLowerCase(Locale.ROOT) + " values");
            all.setId("filterClear-" + by.code());
            all.setOnAction(e -> vm.filters().remove(current));
            menu.getItems().addAll(all, new SeparatorMenuItem());
        }
        // Per value, the lines of every currency.
        Map<String, Long> lines = new java.util.LinkedHashMap<>();
        for (CostRow r : rows) lines.merge(Objects.toString(r.keys().getFirst(), "\u0000"), r.rows(), Long::sum);
        lines.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(MENU_VALUES)
                .forEach(e -> {
                    String key = e.getKey().equals("\u0000") ? null : e.getKey();
                    MenuItem item = new MenuItem(String.format(
                            Locale.US, "Only %s (%,d lines)", CostBreakdown.display(by, key), e.getValue()));
                    item.setOnAction(x -> vm.filterTo(by, key));
                    menu.getItems().add(item);
                });
        if (lines.size() > MENU_VALUES) {
            MenuItem more = new MenuItem(
                    String.format(Locale.US, "… %,d more: use the search box", lines.size() - MENU_VALUES));
            more.setDisable(true);
            menu.getItems().add(more);
        }
        if (menu.getItems().isEmpty()) menu.getItems().add(new MenuItem("No lines"));
    }

    private static TableColumn<CostLine, String> moneyColumn(String title, Function<CostLine, BigDecimal> value) {
        TableColumn<CostLine, String> c = CostFormats.column(title, l -> CostFormats.amount(value.apply(l)), 80, true);
        // Amounts as text, sorted as numbers.
        c.setComparator(
                Comparator.comparing(CostFormats::parseAmount, Comparator.nullsFirst(Comparator.naturalOrder())));
        return c;
    }

    static String lineTip(CostLine l) {
        StringBuilder b = new StringBuilder(Periods.range(l.periodStart(), l.periodEnd()));
        b.append("\n")
                .append(Objects.toString(l.provider(), ""))
                .append(" · ")
                .append(Objects.toString(l.service(), ""));
        if (l.sku() != null) b.append(" · SKU ").append(l.sku());
        if (l.resourceId() != null) b.append("\nResource ").append(l.resourceId());
        if (l.subAccount() != null) b.append("\nSub-account ").append(l.subAccount());
        if (l.gpuCount() != null) b.append("\nGPUs ").append(l.gpuCount());
        if (!l.tags().isEmpty()) b.append("\nTags ").append(CostFormats.tags(l.tags()));
        b.append("\nBilled ")
                .append(CostFormats.plain(l.billed()))
                .append(", effective ")
                .append(CostFormats.plain(l.effective()))
                .append(", list ")
                .append(CostFormats.plain(l.list()))
                .append(" ")
                .append(l.currency());
        return b.toString();
    }
}
