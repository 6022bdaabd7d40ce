package frontier.app.costs;

import frontier.app.Background;
import frontier.app.costs.CostBreakdown.Metric;
import frontier.app.data.BillingSession;
import frontier.store.CostLine;
import frontier.store.CostQuery;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.LineQuery;
import frontier.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Costs view: the date range, the dimension the daily cost is stacked by, the metric and
 * currency of the chart, the totals by pricing model, and one page of the cost lines matching a search.
 * Every query runs in the background ({@link Background#latest}) on its own connection; a newer request
 * supersedes an older one. Use from the FX application thread only.
 */
public final class CostsViewModel {
    /** Cost lines loaded at once: a page of the table. Bigger selections are paged (and can be narrowed). */
    public static final int PAGE = 5_000;
    /** The dimensions offered for stacking, besides tags. */
    public static final List<Dimension> STACK_DIMENSIONS = List.of(Dimension.PRICING_MODEL, Dimension.PROVIDER, Dimension.SERVICE,
            Dimension.SERVICE_CATEGORY, Dimension.REGION, Dimension.ACCOUNT, Dimension.INSTANCE_TYPE, Dimension.GPU_COUNT,
            Dimension.CHARGE_CATEGORY);

    private final BillingSession session;
    private final Background summaries = new Background("frontier-costs");
    // Lines get their own thread so that paging does not wait behind a long aggregate (SQLite WAL allows concurrent readers).
    private final Background linesBackground = new Background("frontier-cost-lines");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<Grouping> stackBy = new SimpleObjectProperty<>(Grouping.of(Dimension.PRICING_MODEL));
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(Metric.EFFECTIVE);
    private final StringProperty currency = new SimpleStringProperty();
    private final ObservableList<String> currencies = FXCollections.observableArrayList();
    private final ObservableList<String> tagKeys = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<CostBreakdown> breakdown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CostBreakdown.Chart> chart = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CostBreakdown.Total> totals = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ObservableList<CostLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper lineCount = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper linesNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper linesLoading = new ReadOnlyBooleanWrapper(false);

    public CostsViewModel(BillingSession session) {
        this.session = session;
        from.addListener((obs, o, n) -> rangeChanged());
        to.addListener((obs, o, n) -> rangeChanged());
        stackBy.addListener((obs, o, n) -> refreshSummary());
        metric.addListener((obs, o, n) -> redraw());
        currency.addListener((obs, o, n) -> redraw());
        search.addListener((obs, o, n) -> {
            if (page.get() != 0) page.set(0);
            else refreshLines();
        });
        page.addListener((obs, o, n) -> refreshLines());
        session.revisionProperty().addListener((obs, o, n) -> refresh());
        refresh();
    }

    private void rangeChanged() {
        refreshSummary();
        if (page.get() != 0) page.set(0);
        else refreshLines();
    }

    /** Reloads everything (the workspace changed). */
    public void refresh() {
        refreshSummary();
        refreshLines();
    }

    private Long start() {
        return from.get() == null ? null : from.get().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** The exclusive end: the day after {@link #toProperty()}. */
    private Long end() {
        return to.get() == null ? null : to.get().plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    private record Summary(CostBreakdown breakdown, List<String> tagKeys) {
    }

    private void refreshSummary() {
        Path file = session.workspace();
        Grouping by = stackBy.get();
        Long f = start();
        Long t = end();
        LocalDate first = from.get();
        LocalDate last = to.get();
        loading.set(true);
        summaries.latest(() -> {
            if (!Files.exists(file)) return new Summary(new CostBreakdown(by, List.of(), first, last), List.of());
            try (Workspace ws = Workspace.open(file)) {
                // One scan gives the chart and the totals: (day, group, pricing model) per currency is small.
                var rows = ws.costs(new CostQuery(List.of(Grouping.of(Dimension.DAY), by, Grouping.of(Dimension.PRICING_MODEL)), f, t));
                return new Summary(new CostBreakdown(by, rows, first, last), ws.tagKeys());
            }
        }, s -> {
            breakdown.set(s.breakdown());
            if (!tagKeys.equals(s.tagKeys())) tagKeys.setAll(s.tagKeys());
            List<String> cur = s.breakdown().currencies();
            if (!currencies.equals(cur)) currencies.setAll(cur);
            totals.setAll(s.breakdown().totalsByPricingModel());
            redraw();
            loading.set(false);
            long n = s.breakdown().lines();
            status.set(n == 0 ? (f == null && t == null ? "No billing data yet: import exports in the Data view." : "No charges in this date range.")
                    : String.format(Locale.US, "%,d charges%s in %s.", n, f == null && t == null ? "" : " in the date range", file.getFileName()));
        }, x -> {
            loading.set(false);
            status.set("Cannot read the workspace: " + frontier.app.Messages.of(x));
        });
    }

    private void redraw() {
        CostBreakdown b = breakdown.get();
        if (b == null) return;
        chart.set(b.chart(currency.get(), metric.get()));
    }

    private record Page(List<CostLine> lines, long count) {
    }

    private void refreshLines() {
        Path file = session.workspace();
        LineQuery q = new LineQuery(start(), end(), search.get(), (long) page.get() * PAGE, PAGE);
        linesLoading.set(true);
        linesBackground.latest(() -> {
            if (!Files.exists(file)) return new Page(List.of(), 0);
            try (Workspace ws = Workspace.open(file)) {
                return new Page(ws.lines(q), ws.countLines(q));
            }
        }, p -> {
            lines.setAll(p.lines());
            lineCount.set(p.count());
            linesNote.set(note(q, p));
            linesLoading.set(false);
        }, x -> {
            linesLoading.set(false);
            linesNote.set("Cannot read the cost lines: " + frontier.app.Messages.of(x));
        });
    }

    private static String note(LineQuery q, Page p) {
        String what = q.search().isEmpty() ? "" : " matching “" + q.search() + "”";
        if (p.count() == 0) return "No lines" + what + ".";
        if (p.count() <= PAGE && q.offset() == 0) return String.format(Locale.US, "%,d lines%s", p.count(), what);
        return String.format(Locale.US, "Lines %,d–%,d of %,d%s (%,d per page)", q.offset() + 1, q.offset() + p.lines().size(), p.count(), what, PAGE);
    }

    /** Pages of lines for the current selection. */
    public int pages() {
        return (int) Math.max(1, (lineCount.get() + PAGE - 1) / PAGE);
    }

    public void shutdown() {
        summaries.shutdown();
        linesBackground.shutdown();
    }

    /** First day shown (inclusive, UTC); null for no lower bound. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day shown (inclusive, UTC); null for no upper bound. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<Grouping> stackByProperty() {
        return stackBy;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    /** The chart's currency; null for the one with most lines. */
    public StringProperty currencyProperty() {
        return currency;
    }

    /** Currencies in the range, the one with most lines first. */
    public ObservableList<String> currencies() {
        return currencies;
    }

    public ObservableList<String> tagKeys() {
        return tagKeys;
    }

    public ReadOnlyObjectProperty<CostBreakdown> breakdownProperty() {
        return breakdown.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CostBreakdown.Chart> chartProperty() {
        return chart.getReadOnlyProperty();
    }

    /** Totals by pricing model per currency, each currency closed by its total. */
    public ObservableList<CostBreakdown.Total> totals() {
        return totals;
    }

    /** Words every listed line must contain (see {@link LineQuery}). */
    public StringProperty searchProperty() {
        return search;
    }

    /** The page of lines shown, from 0. */
    public IntegerProperty pageProperty() {
        return page;
    }

    public ObservableList<CostLine> lines() {
        return lines;
    }

    /** Lines matching the range and search (all pages). */
    public ReadOnlyLongProperty lineCountProperty() {
        return lineCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty linesNoteProperty() {
        return linesNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty linesLoadingProperty() {
        return linesLoading.getReadOnlyProperty();
    }
}
