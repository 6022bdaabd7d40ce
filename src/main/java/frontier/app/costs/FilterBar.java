package frontier.app.costs;

import frontier.store.CostFilter;
import java.time.LocalDate;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/**
 * The breadcrumb of the Costs view: one chip per thing that narrows the selection (the dates, each
 * filter, the search words); clicking a chip removes it, "Clear all" removes them all. Hidden when
 * nothing narrows the selection.
 */
final class FilterBar {
    private final CostsViewModel vm;
    private final FlowPane root = new FlowPane(6, 4);

    FilterBar(CostsViewModel vm) {
        this.vm = vm;
        root.setId("costsBreadcrumb");
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("breadcrumb");
        vm.filters().addListener((javafx.collections.ListChangeListener<CostFilter>) c -> rebuild());
        vm.fromProperty().addListener((obs, o, n) -> rebuild());
        vm.toProperty().addListener((obs, o, n) -> rebuild());
        vm.searchProperty().addListener((obs, o, n) -> rebuild());
        rebuild();
    }

    FlowPane node() {
        return root;
    }

    private void rebuild() {
        root.getChildren().clear();
        LocalDate from = vm.fromProperty().get();
        LocalDate to = vm.toProperty().get();
        boolean any = false;
        Label showing = new Label("Showing only:");
        root.getChildren().add(showing);
        if (from != null || to != null) {
            String days = from != null && from.equals(to)
                    ? from.toString()
                    : (from == null ? "…" : from.toString()) + " – " + (to == null ? "…" : to.toString());
            root.getChildren().add(chip("crumbDates", days, "Show every day", () -> {
                vm.fromProperty().set(null);
                vm.toProperty().set(null);
            }));
            any = true;
        }
        int i = 0;
        for (CostFilter f : vm.filters()) {
            String value = CostBreakdown.display(f.by(), f.value());
            root.getChildren()
                    .add(chip(
                            "crumbFilter" + i++, f.by().label() + ": " + value, "Remove this filter", () -> vm.filters()
                                    .remove(f)));
            any = true;
        }
        String words = vm.searchProperty().get();
        if (words != null && !words.isBlank()) {
            root.getChildren()
                    .add(chip("crumbSearch", "“" + words.strip() + "”", "Clear the search", () -> vm.searchProperty()
                            .set("")));
            any = true;
        }
        if (any) {
            Button clear = new Button("Clear all");
            clear.setId("crumbClearAll");
            clear.getStyleClass().add("link-button");
            clear.setOnAction(e -> vm.clearSelection());
            root.getChildren().add(clear);
        }
        root.setVisible(any);
        root.setManaged(any);
    }

    private static Button chip(String id, String text, String tip, Runnable remove) {
        Button b = new Button(text + "  ✕");
        b.setId(id);
        b.getStyleClass().add("filter-chip");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> remove.run());
        return b;
    }
}
