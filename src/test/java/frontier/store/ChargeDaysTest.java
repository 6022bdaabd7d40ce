package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daily roll-up ({@code charge_days}, schema v5) gives exactly the totals of the charges themselves,
 * for every grouping, range of whole days and filter, and follows imports and their deletion.
 */
class ChargeDaysTest {
    @TempDir
    Path dir;

    private static final Path FOCUS = Samples.billing("focus_1.0_sample_official_1000rows.csv");

    private static long day(String d) {
        return LocalDate.parse(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    private static void sameTotals(Workspace ws, CostQuery q) {
        assertEquals(ws.costs().totalsFromCharges(q), ws.costs().totals(q), "roll-up and charges agree for " + q);
    }

    @Test
    void rollUpTotalsEqualThoseOfEveryChargeForEveryGroupingRangeAndFilter() {
        try (Workspace ws = Workspace.open(dir.resolve("w.sqlite"))) {
            ws.billing().importFile(FOCUS, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            for (Dimension d : Dimension.values()) sameTotals(ws, CostQuery.of(d));
            sameTotals(
                    ws,
                    new CostQuery(
                            List.of(
                                    Grouping.of(Dimension.DAY),
                                    Grouping.of(Dimension.SERVICE),
                                    Grouping.of(Dimension.PRICING_MODEL)),
                            null,
                            null));
            sameTotals(
                    ws,
                    new CostQuery(
                            List.of(Grouping.tag("environment"), Grouping.of(Dimension.MONTH)),
                            day("2024-09-10"),
                            day("2024-09-20")));
            CostFilter aws = new CostFilter(Grouping.of(Dimension.PROVIDER), "AWS");
            CostFilter noTag = new CostFilter(Grouping.tag("environment"), null);
            CostFilter oneGpu = new CostFilter(Grouping.of(Dimension.GPU_COUNT), "1");
            for (List<CostFilter> f : List.of(List.of(aws), List.of(noTag), List.of(aws, noTag), List.of(oneGpu))) {
                sameTotals(ws, new CostQuery(List.of(Grouping.of(Dimension.SERVICE)), day("2024-09-05"), null, f, ""));
            }
            long awsLines = ws.costs().totals(new CostQuery(List.of(), null, null, List.of(aws), "")).stream()
                    .mapToLong(CostRow::rows)
                    .sum();
            assertTrue(awsLines > 0 && awsLines < 1000, "the filter keeps some lines: " + awsLines);
            assertEquals(
                    awsLines,
                    ws.costs().countLines(new LineQuery(null, null, "", 0, 0, List.of(aws))),
                    "the count follows the filter");
            assertEquals(
                    awsLines,
                    ws.costs()
                            .lines(new LineQuery(null, null, "", 0, 5000, List.of(aws)))
                            .size(),
                    "the lines follow the filter");
            assertTrue(ws.costs().lines(new LineQuery(null, null, "", 0, 5000, List.of(aws))).stream()
                    .allMatch(l -> "AWS".equals(l.provider())));
        }
    }

    @Test
    void rollUpFollowsDeletionAndAVersion4WorkspaceGetsOneOnOpening() throws Exception {
        Path file = dir.resolve("v4.sqlite");
        try (Workspace ws = Workspace.open(file)) {
            ws.billing().importFile(FOCUS, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        }
        // Take the workspace back to version 4: no roll-up.
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement s = c.createStatement()) {
            s.execute("DROP TABLE charge_days");
            s.execute("DROP INDEX charges_by_start");
            s.execute("DROP TABLE unit_days"); // and the v6 unit-cost roll-up
            s.execute("DROP TABLE charge_spans");
            s.execute("ALTER TABLE requests DROP COLUMN ttft_ms"); // and v7's time to first token
            s.execute("DROP TABLE charge_resources"); // and v8's search dictionary
            s.execute("DROP TABLE resources");
            s.execute("ALTER TABLE dims DROP COLUMN search_text"); // and v9's search text of the tuples
            s.execute("PRAGMA user_version = 4");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Schema.MIGRATIONS.size(), ws.schemaVersion());
            sameTotals(ws, CostQuery.of(Dimension.DAY, Dimension.SERVICE));
            assertEquals(1000, ws.costs().countLines(new LineQuery(null, null, "", 0, 0)));
            ws.billing().deleteImport(ws.billing().imports().getFirst().id());
            assertEquals(List.of(), ws.costs().totals(CostQuery.of(Dimension.SERVICE)), "nothing left in the roll-up");
            assertEquals(0, ws.costs().countLines(new LineQuery(null, null, "", 0, 0)));
        }
    }
}
