package frontier.app.editor;

import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.domain.PricingModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Instance types from the price catalogue, to pick one: a table of provider, region, instance type, GPUs,
 * pricing model, price per hour and the date the price held, with a filter ("h100 spot", "us-east-1 g5").
 */
public final class CataloguePicker {
    private final TableView<InstancePrice> table = new TableView<>();
    private final TextField filter = new TextField();

    /** A picker over the catalogue's instance prices of the given pricing models (all when empty). */
    public CataloguePicker(PriceCatalogue catalogue, List<PricingModel> models) {
        var rows = FXCollections.observableArrayList(catalogue.instances().stream()
                .filter(p -> models.isEmpty() || models.contains(p.pricingModel()))
                .toList());
        FilteredList<InstancePrice> shown = new FilteredList<>(rows);
        filter.setId("catalogueFilter");
        filter.setPromptText("Filter: e.g. h100 spot us-east-1");
        filter.textProperty().addListener((o, a, b) -> {
            String[] words = b.toLowerCase(Locale.ROOT).split("\\s+");
            shown.setPredicate(p -> {
                String all = (p.provider() + " " + p.region() + " " + p.instanceType() + " " + p.gpuModel() + " "
                                + p.pricingModel().catalogueCode())
                        .toLowerCase(Locale.ROOT);
                for (String w : words) if (!w.isEmpty() && !all.contains(w)) return false;
                return true;
            });
        });
        table.setId("catalogueTable");
        frontier.app.Widgets.headerTooltips(table);
        table.setItems(shown);
        table.getColumns().add(column("Provider", InstancePrice::provider, 80));
        table.getColumns().add(column("Region", InstancePrice::region, 110));
        table.getColumns().add(column("Instance type", InstancePrice::instanceType, 150));
        table.getColumns().add(column("GPUs", p -> p.gpus() == 0 ? "" : p.gpus() + " × " + p.gpuModel(), 110));
        table.getColumns()
                .add(column("Pricing", p -> p.pricingModel().catalogueCode().replace('_', '-'), 110));
        table.getColumns()
                .add(column(
                        "USD / hour", p -> p.usdPerHour().stripTrailingZeros().toPlainString(), 100));
        table.getColumns().add(column("As of", p -> p.asOf().toString(), 90));
        table.setPrefSize(760, 420);
        // Never narrower than its columns (and a vertical scroll bar): a dialog that holds the picker grows to it
        // rather than hiding the price behind a horizontal scroll bar (the wizard did at 1280 × 720).
        table.setMinWidth(table.getColumns().stream()
                        .mapToDouble(TableColumn::getPrefWidth)
                        .sum()
                + 40);
    }

    /** The node: the filter over the table. */
    public VBox node() {
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(6, filter, table);
    }

    public TableView<InstancePrice> table() {
        return table;
    }

    /** Shows the picker as a dialog; the row chosen, if any. */
    public Optional<InstancePrice> showAndWait(javafx.stage.Window owner, String title) {
        Dialog<InstancePrice> d = new Dialog<>();
        if (owner != null) d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText("Prices per instance-hour from the price catalogue; each holds on its “As of” date.");
        d.getDialogPane().setContent(node());
        d.getDialogPane().setId("catalogueDialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane()
                .lookupButton(ButtonType.OK)
                .disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        d.setResultConverter(b -> b == ButtonType.OK ? table.getSelectionModel().getSelectedItem() : null);
        d.setResizable(true);
        return d.showAndWait();
    }

    /** "USD 4.10 per hour, as of 2025-06-01 (source)" for the catalogue row a price refers to, or why there is none. */
    public static String describe(
            PriceCatalogue catalogue, String provider, String instanceType, String region, String pricingModel) {
        if (provider == null || instanceType == null) return "";
        String r =
                region != null ? region : PriceCatalogue.defaultRegion(provider).orElse(null);
        PricingModel m = pricingModel == null
                ? PricingModel.ON_DEMAND
                : PricingModel.fromCatalogue(pricingModel).orElse(null);
        if (r == null || m == null) return "Not in the price catalogue.";
        return catalogue
                .instance(provider, r, instanceType, m)
                .map(p ->
                        "Catalogue: USD " + p.usdPerHour().stripTrailingZeros().toPlainString() + " per hour ("
                                + p.provider() + " " + p.region() + ", "
                                + p.pricingModel().catalogueCode().replace('_', '-') + "), as of " + p.asOf())
                .orElse("Not in the price catalogue: " + provider + " " + instanceType + " in " + r + ".");
    }

    private static TableColumn<InstancePrice, String> column(
            String title, Function<InstancePrice, String> value, double width) {
        TableColumn<InstancePrice, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
