package frontier.app.costs;

import frontier.app.BillingSession;
import frontier.app.LatestTask;
import frontier.app.TaskExecutor;
import frontier.app.costs.CostBreakdown.Metric;
import frontier.store.CostFilter;
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
 * State of the Costs view: the date range, the filters (a value of a dimension or tag each) and the search
 * words, which select the cost lines; the dimension the daily cost is stacked by, the metric and currency
 * of the chart; the totals by the stacking; and one page of the selected lines. The chart, the totals and
 * the line count always describe the same lines.
 * Every query runs in the background ({@link LatestTask}, on an injected {@link TaskExecutor}) on its own connection; a newer request
 * supersedes an older one. Use from the FX application thread only.
 */
public final class CostsViewModel {
    /** Cost lines loaded at once: a page of the table. Bigger selections are paged (and can be narrowed). */
    public static final int PAGE = 5_000;
    /** The dimensions offered for stacking, besides tags. */
    public static final List<Dimension> STACK_DIMENSIONS = List.of(
            Dimension.PRICING_MODEL,
            Dimension.PROVIDER,
            Dimension.SERVICE,
            Dimension.SERVICE_CATEGORY,
            Dimension.REGION,
            Dimension.ACCOUNT,
            Dimension.INSTANCE_TYPE,
            Dimension.GPU_COUNT,
            Dimension.CHARGE_CATEGORY);

    private final BillingSession session;
    private final LatestTask summaries;
    // Lines get their own thread so that paging does not wait behind a long aggregate (SQLite WAL allows concurrent
    // readers).
    private final LatestTask linesBackground;
    private final LatestTask valuesBackground;
    private boolean drilling;
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
    private final ObservableList<CostFilter> filters = FXCollections.observableArrayList();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ObservableList<CostLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper lineCount = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper linesNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper linesLoading = new ReadOnlyBooleanWrapper(false);

    public CostsViewModel(BillingSession session) {
        this(session, TaskExecutor.FX);
    }

    /** Queries go to executors made by {@code executors} ({@link TaskExecutor#CURRENT_THREAD} in tests). */
    public CostsViewModel(BillingSession session, TaskExecutor.Factory executors) {
        this.session = session;
        summaries = new LatestTask(executors.named("frontier-costs"));
        linesBackground = new LatestTask(executors.named("frontier-cost-lines"));
        valuesBackground = new LatestTask(executors.named("frontier-cost-values"));
        from.addListener((obs, o, n) -> rangeChanged());
        to.addListener((obs, o, n) -> rangeChanged());
        stackBy.addListener((obs, o, n) -> refreshSummary());
        metric.addListener((obs, o, n) -> redraw());
        currency.addListener((obs, o, n) -> redraw());
        search.addListener((obs, o, n) -> rangeChanged());
        filters.addListener((javafx.collections.ListChangeListener<CostFilter>) c -> rangeChanged());
        page.addListener((obs, o, n) -> refreshLines());
        session.workspaceProperty().addListener((obs, o, n) -> forgetWorkspace());
        session.revisionProperty().addListener((obs, o, n) -> refresh());
        refresh();
    }

    /**
     * Another workspace: what belonged to the old one goes — its dates, filters, search, page, chart, totals
     * and lines (the refresh that follows the switch reads the new one). The stacking, metric and currency
     * stay: they are the user's way of looking, not the old workspace's data.
     */
    private void forgetWorkspace() {
        drilling = true;
        try {
            from.set(null);
            to.set(null);
            filters.clear();
            search.set("");
            page.set(0);
        } finally {
            drilling = false;
        }
        breakdown.set(null);
        chart.set(null);
        totals.clear();
        lines.clear();
        lineCount.set(0);
        linesNote.set("");
    }

    private void rangeChanged() {
        if (drilling) return;
        refreshSummary();
        if (page.get() != 0) page.set(0);
        else refreshLines();
    }

    /** Says {@code message} in the status line (what an export did, or why it could not). */
    public void info(String message) {
        status.set(message);
    }

    /** The workspace the costs are read from. */
    public java.nio.file.Path workspace() {
        return session.workspace();
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

    private record Summary(CostBreakdown breakdown, List<String> tagKeys) {}

    private void refreshSummary() {
        Path file = session.workspace();
        Grouping by = stackBy.get();
        Long f = start();
        Long t = end();
        List<CostFilter> fs = List.copyOf(filters);
        String words = search.get();
        boolean narrowed = !fs.isEmpty() || !words.isBlank();
        LocalDate first = from.get();
        LocalDate last = to.get();
        loading.set(true);
        summaries.run(
                () -> {
                    if (!Files.exists(file))
                        return new Summary(new CostBreakdown(by, List.of(), first, last), List.of());
                    try (Workspace ws = Workspace.open(file)) {
                        // One scan gives the chart and the totals: (day, group, pricing model) per currency is small.
                        var rows = ws.costs()
                                .totals(new CostQuery(
                                        List.of(Grouping.of(Dimension.DAY), by, Grouping.of(Dimension.PRICING_MODEL)),
                                        f,
                                        t,
                                        fs,
                                        words));
                        return new Summary(
                                new CostBreakdown(by, rows, first, last),
                                ws.costs().tagKeys());
                    }
                },
                s -> {
                    breakdown.set(s.breakdown());
                    if (!tagKeys.equals(s.tagKeys())) tagKeys.setAll(s.tagKeys());
                    List<String> cur = s.breakdown().currencies();
                    if (!currencies.equals(cur)) currencies.setAll(cur);
                    totals.setAll(s.breakdown().totals());
                    redraw();
                    loading.set(false);
                    long n = s.breakdown().lines();
                    boolean all = f == null && t == null && !narrowed;
                    status.set(
                            n == 0
                                    ? (all
                                            ? "No billing data yet: import exports in the Data view."
                                            : "No charges in this selection.")
                                    : String.format(
                                            Locale.US,
                                            "%,d charges%s in %s.",
                                            n,
                                            all ? "" : " selected",
                                            file.getFileName()));
                },
                x -> {
                    loading.set(false);
                    status.set("Cannot read the workspace: " + frontier.app.Messages.of(x));
                });
    }

    private void redraw() {
        CostBreakdown b = breakdown.get();
        if (b == null) return;
        chart.set(b.chart(currency.get(), metric.get()));
    }

    private record Page(List<CostLine> lines, long count) {}

    private void refreshLines() {
        Path file = session.workspace();
        LineQuery q = new LineQuery(start(), end(), search.get(), (long) page.get() * PAGE, PAGE, List.copyOf(filters));
        linesLoading.set(true);
        linesBackground.run(
                () -> {
                    if (!Files.exists(file)) return new Page(List.of(), 0);
                    try (Workspace ws = Workspace.open(file)) {
                        return new Page(ws.costs().lines(q), ws.costs().countLines(q));
                    }
                },
                p -> {
                    lines.setAll(p.lines());
                    lineCount.set(p.count());
                    linesNote.set(note(q, p));
                    linesLoading.set(false);
                },
                x -> {
                    linesLoading.set(false);
                    linesNote.set("Cannot read the cost lines: " + frontier.app.Messages.of(x));
                });
    }

    private static String note(LineQuery q, Page p) {
        String what = q.search().isEmpty() ? "" : " matching “" + q.search() + "”";
        if (p.count() == 0) return "No lines" + what + ".";
        if (p.count() <= PAGE && q.offset() == 0) return String.format(Locale.US, "%,d lines%s", p.count(), what);
        return String.format(
                Locale.US,
                "Lines %,d–%,d of %,d%s (%,d per page)",
                q.offset() + 1,
                q.offset() + p.lines().size(),
                p.count(),
                what,
                PAGE);
    }

    /**
     * Narrows the view to one bar of the chart: its days, and its group unless it is the "all others" segment
     * (a filter on the same grouping is replaced).
     */
    public void drillInto(CostBreakdown.Chart c, CostBreakdown.Series s, String bucket) {
        LocalDate[] days = CostBreakdown.bucketDays(bucket, c.step());
        Grouping by = stackBy.get();
        // One change of the selection, one query: the listeners fire after all of it is set.
        drilling = true;
        try {
            from.set(days[0]);
            to.set(days[1]);
            if (!s.others()) {
                filters.removeIf(x -> x.by().equals(by));
                filters.add(new CostFilter(by, s.key()));
            }
        } finally {
            drilling = false;
        }
        rangeChanged();
    }

    /** Removes the dates, the filters and the search: every line again. */
    public void clearSelection() {
        drilling = true;
        try {
            from.set(null);
            to.set(null);
            filters.clear();
            search.set("");
        } finally {
            drilling = false;
        }
        rangeChanged();
    }

    /** Sets the filter on {@code by} to {@code value} (replacing one on the same grouping). */
    public void filterTo(Grouping by, String value) {
        drilling = true;
        try {
            filters.removeIf(x -> x.by().equals(by));
            filters.add(new CostFilter(by, value));
        } finally {
            drilling = false;
        }
        rangeChanged();
    }

    /** The values of {@code by} among the selected lines (other filters on {@code by} left out), largest first, with their line counts. */
    public void values(Grouping by, java.util.function.Consumer<List<frontier.store.CostRow>> result) {
        Path file = session.workspace();
        List<CostFilter> fs = filters.stream().filter(x -> !x.by().equals(by)).toList();
        CostQuery q = new CostQuery(List.of(by), start(), end(), fs, search.get());
        valuesBackground.run(
                () -> {
                    if (!Files.exists(file)) return List.<frontier.store.CostRow>of();
                    try (Workspace ws = Workspace.open(file)) {
                        List<frontier.store.CostRow> rows =
                                new java.util.ArrayList<>(ws.costs().totals(q));
                        rows.sort(java.util.Comparator.comparingLong(frontier.store.CostRow::rows)
                                .reversed());
                        return rows;
                    }
                },
                result,
                x -> status.set("Cannot read the workspace: " + x.getMessage()));
    }

    /** Pages of lines for the current selection. */
    public int pages() {
        return (int) Math.max(1, (lineCount.get() + PAGE - 1) / PAGE);
    }

    public void shutdown() {
        summaries.shutdown();
        linesBackground.shutdown();
        valuesBackground.shutdown();
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

    /** Totals by the stacking's groups per currency, each currency closed by its total. */
    public ObservableList<CostBreakdown.Total> totals() {
        return totals;
    }

    /** Words every listed line must contain (see {@link LineQuery}). */
    public StringProperty searchProperty() {
        return search;
    }

    /** The filters in force, each a value of a dimension or tag; the chart, totals and lines all follow them. */
    public ObservableList<CostFilter> filters() {
        return filters;
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
