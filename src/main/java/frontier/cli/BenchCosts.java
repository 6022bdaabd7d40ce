package frontier.cli;

import frontier.store.CostFilter;
import frontier.store.CostQuery;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.LineQuery;
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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench costs}: how long the questions of the Costs view take on a big workspace (the generated
 * CUR of {@code bench import}, imported once and kept): totals by a dimension, the chart's day × group ×
 * pricing model, the same narrowed by a filter or a week, a tag grouping, a line count and the first
 * page of lines, each from the daily roll-up and, for comparison, from every charge. Prints the median
 * of {@code --repeat} runs per query, one RESULT line each.
 */
@Command(name = "costs", mixinStandardHelpOptions = true,
        description = "Time of the Costs view's queries (totals, chart, filters, lines) on a big generated workspace, roll-up against full scan.")
final class BenchCosts implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--rows", defaultValue = "1000000", description = "Cost lines of the generated CUR (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--file", description = "The CSV (generated if absent; default target/bench/cur2-<rows>.csv).")
    Path file;

    @Option(names = "--workspace", description = "The workspace to query; imported from the CSV when it does not exist"
            + " (default: bench-costs-<rows>.sqlite beside the CSV, kept for the next run).")
    Path workspace;

    @Option(names = "--repeat", defaultValue = "5", description = "Runs per query; the median is reported (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--scan", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also time the totals read from every charge (default ${DEFAULT-VALUE}).")
    boolean scan;

    @Override
    public Integer call() throws Exception {
        Numbers.atLeast("--rows", rows, 1);
        Numbers.atLeast("--repeat", repeat, 1);
        PrintWriter out = spec.commandLine().getOut();
        Path csv = file != null ? file : Path.of("target", "bench", "cur2-" + rows + ".csv");
        Path db = workspace != null ? workspace : csv.toAbsolutePath().getParent().resolve("bench-costs-" + rows + ".sqlite");
        if (!Files.exists(db)) {
            ImportBench.generateIfAbsent(out, csv, rows, 1, CurGenerator::write);
            long t0 = System.nanoTime();
            try (Workspace ws = Workspace.open(db)) {
                ws.importFile(csv, frontier.ingest.ReadOptions.DETECT, frontier.store.OverlapPolicy.REFUSE, frontier.store.ImportMonitor.NONE);
            }
            out.println(String.format(Locale.ROOT, "imported %s into %s in %.1f s", csv, db, (System.nanoTime() - t0) / 1e9));
            out.flush();
        }
        try (Workspace ws = Workspace.open(db)) {
            long lines = ws.chargeCount();
            Grouping service = Grouping.of(Dimension.SERVICE);
            Grouping day = Grouping.of(Dimension.DAY);
            Grouping model = Grouping.of(Dimension.PRICING_MODEL);
            List<CostRow> services = ws.costs(new CostQuery(List.of(service), null, null));
            String first = services.isEmpty() ? null : services.getFirst().keys().getFirst();
            List<CostFilter> filter = List.of(new CostFilter(service, first));
            List<String> days = ws.costs(new CostQuery(List.of(day), null, null)).stream().map(r -> r.keys().getFirst()).toList();
            Long weekFrom = days.isEmpty() ? null : epoch(days.get(days.size() / 2));
            Long weekTo = weekFrom == null ? null : weekFrom + 7 * 86_400L;
            List<String> tags = ws.tagKeys();
            Grouping tag = tags.isEmpty() ? Grouping.of(Dimension.REGION) : Grouping.tag(tags.getFirst());
            out.println(String.format(Locale.ROOT, "workspace %s: %,d lines, %d services, %d days, grouping by %s", db, lines, services.size(),
                    days.size(), tag.code()));
            time(out, lines, "totals by service (costs --by service)", () -> ws.costs(new CostQuery(List.of(service), null, null)).size());
            time(out, lines, "chart: day x service x pricing model", () -> ws.costs(new CostQuery(List.of(day, service, model), null, null)).size());
            time(out, lines, "chart filtered to one service", () -> ws.costs(new CostQuery(List.of(day, service, model), null, null, filter, "")).size());
            time(out, lines, "chart of one week", () -> ws.costs(new CostQuery(List.of(day, service, model), weekFrom, weekTo)).size());
            time(out, lines, "chart by " + tag.code(), () -> ws.costs(new CostQuery(List.of(day, tag, model), null, null)).size());
            time(out, lines, "line count, one service", () -> (int) ws.countLines(new LineQuery(null, null, "", 0, 0, filter)));
            time(out, lines, "first page of lines, one service", () -> ws.lines(new LineQuery(null, null, "", 0, 5000, filter)).size());
            time(out, lines, "first page of lines, one week", () -> ws.lines(new LineQuery(weekFrom, weekTo, "", 0, 5000)).size());
            if (scan) {
                time(out, lines, "SCAN totals by service", () -> ws.costsFromCharges(new CostQuery(List.of(service), null, null)).size());
                time(out, lines, "SCAN chart: day x service x pricing model",
                        () -> ws.costsFromCharges(new CostQuery(List.of(day, service, model), null, null)).size());
            }
        }
        return FrontierCli.OK;
    }

    private static long epoch(String day) {
        return java.time.LocalDate.parse(day).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC);
    }

    private void time(PrintWriter out, long lines, String what, Supplier<Integer> query) {
        double[] ms = new double[repeat];
        int n = 0;
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            n = query.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        out.println(String.format(Locale.ROOT, "RESULT query=\"%s\" lines=%d rows_out=%d median_ms=%.1f min_ms=%.1f max_ms=%.1f", what, lines, n,
                ms[repeat / 2], ms[0], ms[repeat - 1]));
        out.flush();
    }
}
