package frontier.cli;

import frontier.store.CostFilter;
import frontier.store.CostQuery;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.LineQuery;
import frontier.store.UnitCostQuery;
import frontier.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench costs}: how long the questions of the Costs view take on a big workspace (the generated
 * CUR of {@code bench import}, imported once and kept): totals by a dimension, the chart's day × group ×
 * pricing model, the same narrowed by a filter or a week, a tag grouping, a line count and the first
 * page of lines, a free-text search for a resource id (totals, count, first page; with a second word, the chart), and
 * the Unit cost view's reports, each from the daily roll-ups and, for comparison, from every
 * charge. Prints the median,
 * min and max wall time of {@code --repeat} runs per query and the median CPU time of the querying thread
 * (SQLite runs in it; on a busy machine the wall time is mostly waiting for a core), one RESULT line each.
 */
@Command(
        name = "costs",
        mixinStandardHelpOptions = true,
        description =
                "Time of the Costs and Unit cost views' queries (totals, chart, filters, lines, unit-cost reports) on a big generated workspace, roll-up against full scan.")
final class BenchCosts implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--rows",
            defaultValue = "1000000",
            description = "Cost lines of the generated CUR (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--file", description = "The CSV (generated if absent; default target/bench/cur2-<rows>.csv).")
    Path file;

    @Option(
            names = "--workspace",
            description = "The workspace to query; imported from the CSV when it does not exist"
                    + " (default: bench-costs-<rows>.sqlite beside the CSV, kept for the next run).")
    Path workspace;

    @Option(
            names = "--copies",
            defaultValue = "1",
            description =
                    "Make the workspace this many times bigger: its charges copied, each copy"
                            + " a month later (default ${DEFAULT-VALUE}); the roll-up is then rebuilt by the schema migration, which is timed.")
    int copies;

    @Option(
            names = "--repeat",
            defaultValue = "5",
            description = "Runs per query; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(
            names = "--scan",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Also time the totals read from every charge (default ${DEFAULT-VALUE}).")
    boolean scan;

    @Override
    public Integer call() throws Exception {
        Numbers.atLeast("--rows", rows, 1);
        Numbers.atLeast("--repeat", repeat, 1);
        PrintWriter out = spec.commandLine().getOut();
        Path csv = file != null ? file : Path.of("target", "bench", "cur2-" + rows + ".csv");
        Path db = workspace != null
                ? workspace
                : csv.toAbsolutePath().getParent().resolve("bench-costs-" + rows + ".sqlite");
        if (!Files.exists(db)) {
            ImportBench.generateIfAbsent(out, csv, rows, 1, CurGenerator::write);
            long t0 = System.nanoTime();
            try (Workspace ws = Workspace.open(db)) {
                ws.billing()
                        .importFile(
                                csv,
                                frontier.ingest.ReadOptions.DETECT,
                                frontier.store.OverlapPolicy.REFUSE,
                                frontier.store.ImportMonitor.NONE);
            }
            out.println(String.format(
                    Locale.ROOT, "imported %s into %s in %.1f s", csv, db, (System.nanoTime() - t0) / 1e9));
            out.flush();
        }
        if (copies > 1) copy(out, db);
        try (Workspace ws = Workspace.open(db)) {
            long lines = ws.chargeCount();
            Grouping service = Grouping.of(Dimension.SERVICE);
            Grouping day = Grouping.of(Dimension.DAY);
            Grouping model = Grouping.of(Dimension.PRICING_MODEL);
            List<CostRow> services = ws.costs().totals(new CostQuery(List.of(service), null, null));
            String first =
                    services.isEmpty() ? null : services.getFirst().keys().getFirst();
            List<CostFilter> filter = List.of(new CostFilter(service, first));
            List<String> days = ws.costs().totals(new CostQuery(List.of(day), null, null)).stream()
                    .map(r -> r.keys().getFirst())
                    .toList();
            Long weekFrom = days.isEmpty() ? null : epoch(days.get(days.size() / 2));
            Long weekTo = weekFrom == null ? null : weekFrom + 7 * 86_400L;
            List<String> tags = ws.costs().tagKeys();
            Grouping tag = tags.isEmpty() ? Grouping.of(Dimension.REGION) : Grouping.tag(tags.getFirst());
            out.println(String.format(
                    Locale.ROOT,
                    "workspace %s: %,d lines, %d services, %d days, grouping by %s",
                    db,
                    lines,
                    services.size(),
                    days.size(),
                    tag.code()));
            time(out, lines, "totals by service (costs --by service)", () -> ws.costs()
                    .totals(new CostQuery(List.of(service), null, null))
                    .size());
            time(out, lines, "chart: day x service x pricing model", () -> ws.costs()
                    .totals(new CostQuery(List.of(day, service, model), null, null))
                    .size());
            time(out, lines, "chart filtered to one service", () -> ws.costs()
                    .totals(new CostQuery(List.of(day, service, model), null, null, filter, ""))
                    .size());
            time(out, lines, "chart of one week", () -> ws.costs()
                    .totals(new CostQuery(List.of(day, service, model), weekFrom, weekTo))
                    .size());
            time(out, lines, "chart by " + tag.code(), () -> ws.costs()
                    .totals(new CostQuery(List.of(day, tag, model), null, null))
                    .size());
            time(out, lines, "line count, one service", () ->
                    (int) ws.costs().countLines(new LineQuery(null, null, "", 0, 0, filter)));
            time(out, lines, "first page of lines, one service", () -> ws.costs()
                    .lines(new LineQuery(null, null, "", 0, 5000, filter))
                    .size());
            time(out, lines, "first page of lines, one week", () -> ws.costs()
                    .lines(new LineQuery(weekFrom, weekTo, "", 0, 5000))
                    .size());
            // Free-text search (the Costs view's search box): a resource id, found through the search dictionary, alone
            // and with a word of the first service's name (both must match).
            List<frontier.store.CostLine> sample = ws.costs().lines(new LineQuery(null, null, "", 0, 1));
            String rid = sample.isEmpty() || sample.getFirst().resourceId() == null
                    ? "i-0"
                    : sample.getFirst().resourceId().toLowerCase(Locale.ROOT);
            String both = rid + " " + (first == null ? "" : first.split("\\s+")[0].toLowerCase(Locale.ROOT));
            CostQuery searchTotals = new CostQuery(List.of(service), null, null, List.of(), rid);
            time(out, lines, "search a resource id: totals by service", () -> ws.costs()
                    .totals(searchTotals)
                    .size());
            time(out, lines, "search a resource id: line count", () ->
                    (int) ws.costs().countLines(new LineQuery(null, null, rid, 0, 0)));
            time(out, lines, "search a resource id: first page of lines", () -> ws.costs()
                    .lines(new LineQuery(null, null, rid, 0, 5000))
                    .size());
            time(out, lines, "search a resource id and a service word: chart", () -> ws.costs()
                    .totals(new CostQuery(List.of(day, service, model), null, null, List.of(), both))
                    .size());
            // The Unit cost view's refresh: by day over everything, then by day x endpoint and endpoint x model.
            UnitCostQuery.Figure eff = UnitCostQuery.Figure.EFFECTIVE;
            UnitCostQuery unitDays = new UnitCostQuery(List.of(UnitCostQuery.Key.DAY), null, null, eff);
            UnitCostQuery unitDaily =
                    new UnitCostQuery(List.of(UnitCostQuery.Key.DAY, UnitCostQuery.Key.ENDPOINT), null, null, eff);
            UnitCostQuery unitGroups =
                    new UnitCostQuery(List.of(UnitCostQuery.Key.ENDPOINT, UnitCostQuery.Key.MODEL), null, null, eff);
            UnitCostQuery unitWeek = new UnitCostQuery(
                    List.of(UnitCostQuery.Key.DAY, UnitCostQuery.Key.ENDPOINT), weekFrom, weekTo, eff);
            time(out, lines, "unit cost by day", () -> ws.unitCosts()
                    .compute(unitDays)
                    .groups()
                    .size());
            time(out, lines, "unit cost by day x endpoint", () -> ws.unitCosts()
                    .compute(unitDaily)
                    .groups()
                    .size());
            time(out, lines, "unit cost by endpoint x model", () -> ws.unitCosts()
                    .compute(unitGroups)
                    .groups()
                    .size());
            time(out, lines, "unit cost by day x endpoint, one week", () -> ws.unitCosts()
                    .compute(unitWeek)
                    .groups()
                    .size());
            if (scan) {
                time(out, lines, "SCAN unit cost by day x endpoint", () -> ws.unitCosts()
                        .computeFromCharges(unitDaily)
                        .groups()
                        .size());
                time(out, lines, "SCAN search a resource id: totals by service", () -> ws.costs()
                        .totalsFromCharges(searchTotals)
                        .size());
                time(out, lines, "SCAN totals by service", () -> ws.costs()
                        .totalsFromCharges(new CostQuery(List.of(service), null, null))
                        .size());
                time(out, lines, "SCAN chart: day x service x pricing model", () -> ws.costs()
                        .totalsFromCharges(new CostQuery(List.of(day, service, model), null, null))
                        .size());
            }
        }
        return FrontierCli.OK;
    }

    /**
     * Copies the charges {@code copies - 1} times, copy k shifted by 30 k days and recorded as its own import, then
     * takes the workspace back to schema version 4 so that opening it rebuilds the roll-ups, the index and the search
     * dictionary (the
     * migration an existing workspace goes through), and times that opening.
     */
    private void copy(PrintWriter out, Path db) throws java.sql.SQLException {
        long t0 = System.nanoTime();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                java.sql.Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("DROP INDEX IF EXISTS charges_by_start");
            s.execute("DROP TABLE IF EXISTS charge_days");
            s.execute("DROP TABLE IF EXISTS unit_days");
            s.execute("DROP TABLE IF EXISTS charge_spans");
            s.execute("DROP TABLE IF EXISTS charge_resources");
            s.execute("DROP TABLE IF EXISTS resources");
            // and v7's column, which the migration adds again
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM pragma_table_info('requests') WHERE name = 'ttft_ms'")) {
                if (rs.getInt(1) == 1) s.execute("ALTER TABLE requests DROP COLUMN ttft_ms");
            }
            long base;
            try (var rs = s.executeQuery("SELECT MAX(id) FROM imports")) {
                base = rs.getLong(1);
            }
            for (int k = 1; k < copies; k++) {
                long shift = 30L * 86_400 * k;
                s.execute(
                        "INSERT INTO imports(id, source, format, cost_basis, sha256, bytes, rows, period_start, period_end, imported_at, seconds)"
                                + " SELECT id + " + k * base + ", source || ' (copy " + k
                                + ")', format, cost_basis, sha256 || '-" + k + "', bytes, rows,"
                                + " period_start + " + shift + ", period_end + " + shift
                                + ", imported_at, seconds FROM imports WHERE id <= " + base);
                s.execute("INSERT INTO charges SELECT import_id + " + k * base + ", dim_id, period_start + " + shift
                        + ", period_end + " + shift
                        + ", resource_id, billed_cost, effective_cost, quantity, resource_name, list_cost, pricing_quantity FROM charges WHERE import_id <= "
                        + base);
            }
            s.execute("PRAGMA user_version = 4");
            c.commit();
        }
        out.println(String.format(
                Locale.ROOT, "copied the charges %d times in %.1f s", copies - 1, (System.nanoTime() - t0) / 1e9));
        long t1 = System.nanoTime();
        try (Workspace ws = Workspace.open(db)) {
            out.println(String.format(
                    Locale.ROOT,
                    "RESULT migration to v%d (roll-up and index of %,d lines) wall_s=%.1f",
                    ws.schemaVersion(),
                    ws.chargeCount(),
                    (System.nanoTime() - t1) / 1e9));
        }
        out.flush();
    }

    private static long epoch(String day) {
        return java.time.LocalDate.parse(day).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC);
    }

    private void time(PrintWriter out, long lines, String what, Supplier<Integer> query) {
        double[] ms = new double[repeat];
        double[] cpu = new double[repeat];
        // SQLite runs in the calling thread, so the thread's CPU time is the query's work whatever else the machine
        // runs.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        int n = 0;
        for (int i = 0; i < repeat; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            n = query.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        out.println(String.format(
                Locale.ROOT,
                "RESULT query=\"%s\" lines=%d rows_out=%d median_ms=%.1f min_ms=%.1f max_ms=%.1f cpu_median_ms=%.1f",
                what,
                lines,
                n,
                ms[repeat / 2],
                ms[0],
                ms[repeat - 1],
                cpu[repeat / 2]));
        out.flush();
    }
}
