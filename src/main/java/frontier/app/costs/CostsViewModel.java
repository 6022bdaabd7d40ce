package frontier.app.costs;

import frontier.app.data.BillingSession;
import frontier.store.CostQuery;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Workspace;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * State of the Costs view: the grouping chosen, the totals per group and currency, and the monthly
 * totals per pricing model for the chart. Reloads in the background whenever the grouping or the
 * workspace changes. Use from the FX application thread only.
 */
public final class CostsViewModel {
    /** Which cost figure the chart shows. */
    public enum Metric {
        EFFECTIVE("Effective cost (amortized)"), BILLED("Billed cost (invoiced)");

        final String label;

        Metric(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final BillingSession session;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "frontier-costs");
        t.setDaemon(true);
        return t;
    });
    private final ObjectProperty<Dimension> groupBy = new SimpleObjectProperty<>(Dimension.PRICING_MODEL);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.EFFECTIVE);
    private final ObservableList<CostRow> totals = FXCollections.observableArrayList();
    private final ObservableList<CostRow> monthly = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private int generation;

    public CostsViewModel(BillingSession session) {
        this.session = session;
        groupBy.addListener((obs, old, now) -> refresh());
        session.revisionProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private record Loaded(List<CostRow> totals, List<CostRow> monthly) {
    }

    /** Reloads totals and the monthly series in the background; a newer refresh supersedes an older one. */
    public void refresh() {
        int gen = ++generation;
        Dimension by = groupBy.get();
        loading.set(true);
        Task<Loaded> t = new Task<>() {
            @Override
            protected Loaded call() {
                if (!Files.exists(session.workspace())) return new Loaded(List.of(), List.of());
                try (Workspace ws = Workspace.open(session.workspace())) {
                    return new Loaded(ws.costs(CostQuery.of(by)), ws.costs(CostQuery.of(Dimension.MONTH, Dimension.PRICING_MODEL)));
                }
            }
        };
        t.setOnSucceeded(e -> {
            if (gen != generation) return;
            loading.set(false);
            totals.setAll(t.getValue().totals());
            monthly.setAll(t.getValue().monthly());
            long rows = t.getValue().totals().stream().mapToLong(CostRow::rows).sum();
            status.set(rows == 0 ? "No billing data yet: import exports in the Data view."
                    : String.format(java.util.Locale.US, "%,d charges in %s.", rows, session.workspace().getFileName()));
        });
        t.setOnFailed(e -> {
            if (gen != generation) return;
            loading.set(false);
            status.set("Cannot read the workspace: " + t.getException().getMessage());
        });
        executor.execute(t);
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    public ObjectProperty<Dimension> groupByProperty() {
        return groupBy;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public ObservableList<CostRow> totals() {
        return totals;
    }

    /** Totals keyed by (month, pricing model). */
    public ObservableList<CostRow> monthly() {
        return monthly;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
