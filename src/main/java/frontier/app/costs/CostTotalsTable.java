package frontier.app.costs;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * The exact totals of the selected lines by the chart's stacking (its first column is named after it),
 * per currency, each currency closed by its total row; hover a row for the exact sums.
 */
final class CostTotalsTable {
    private final TableView<CostBreakdown.Total> table;

    CostTotalsTable(CostsViewModel vm) {
        table = new TableView<>(vm.totals());
        frontier.app.TableExport.install(table, "cost-totals.csv", m -> {});
        table.setId("totalsTable");
        TableColumn<CostBreakdown.Total, String> group =
                CostFormats.column("Pricing model", CostBreakdown.Total::label, 124, false);
        group.setId("totalsGroup");
        group.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.stackByProperty().get().label(), vm.stackByProperty()));
        table.getColumns().add(group);
        table.getColumns().add(CostFormats.column("Currency", CostBreakdown.Total::currency, 84, false));
        table.getColumns().add(CostFormats.column("Billed", r -> CostFormats.money(r.billed()), 86, true));
        table.getColumns().add(CostFormats.column("Effective", r -> CostFormats.money(r.effective()), 86, true));
        table.getColumns().add(CostFormats.column("List", r -> CostFormats.money(r.list()), 86, true));
        table.getColumns().add(CostFormats.column("Lines", r -> String.format(Locale.US, "%,d", r.lines()), 60, true));
        // As tall as its rows up to a dozen (then it scrolls): the space below explains the figures.
        table.setFixedCellSize(24);
        table.prefHeightProperty()
                .bind(Bindings.min(13, Bindings.max(3, Bindings.size(table.getItems())))
                        .add(1.4)
                        .multiply(24));
        table.setMaxHeight(Region.USE_PREF_SIZE);
        table.getColumns().forEach(c -> c.setSortable(false));
        frontier.app.Widgets.keepTitlesWhole(table, c -> c != group);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No billing data in this selection."));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(CostBreakdown.Total item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("total-row");
                if (!empty && item != null && item.isTotal()) getStyleClass().add("total-row");
                setTooltip(empty || item == null ? null : new Tooltip(exactTip(item)));
            }
        });
    }

    TableView<CostBreakdown.Total> node() {
        return table;
    }

    static String exactTip(CostBreakdown.Total r) {
        return r.label() + " (" + r.currency() + "), exact:\nbilled " + CostFormats.plain(r.billed()) + "\neffective "
                + CostFormats.plain(r.effective()) + "\nlist " + CostFormats.plain(r.list());
    }
}
