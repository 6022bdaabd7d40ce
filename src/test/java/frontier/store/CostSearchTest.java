package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.demo.DemoFixture;
import frontier.ingest.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free-text search through the search dictionary (schema v8: {@code resources}, {@code charge_resources}) gives
 * exactly what testing every line gives: the same totals for every grouping and range of whole days, the same count,
 * the same page of lines in the same order; for words found only in resource ids, only in dimensions, in both, in
 * neither, and several words at once. The dictionary follows imports, replaced periods and deletions, and a version 7
 * workspace gets it on opening.
 */
class CostSearchTest {
    @TempDir
    Path dir;

    private static final List<List<Grouping>> GROUPINGS = List.of(
            List.of(),
            List.of(Grouping.of(Dimension.SERVICE)),
            List.of(Grouping.of(Dimension.DAY), Grouping.of(Dimension.SERVICE), Grouping.of(Dimension.PRICING_MODEL)),
            List.of(Grouping.tag("endpoint"), Grouping.of(Dimension.MONTH)));

    private static long day(String d) {
        return LocalDate.parse(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** Compares every search with the scan of every line; returns the lines the searches matched in all. */
    private static long sameAsScan(Workspace ws, List<String> searches, List<Long[]> ranges, List<CostFilter> filter) {
        return sameAsScan(ws, searches, ranges, filter, GROUPINGS);
    }

    private static long sameAsScan(
            Workspace ws,
            List<String> searches,
            List<Long[]> ranges,
            List<CostFilter> filter,
            List<List<Grouping>> groupings) {
        long matched = 0;
        for (String search : searches) {
            for (Long[] r : ranges) {
                for (List<Grouping> by : groupings) {
                    CostQuery q = new CostQuery(by, r[0], r[1], filter, search);
                    assertEquals(
                            ws.costs().totalsFromCharges(q), ws.costs().totals(q), "totals of '" + search + "' " + q);
                }
                CostQuery all = new CostQuery(List.of(), r[0], r[1], filter, search);
                long lines = ws.costs().totalsFromCharges(all).stream()
                        .mapToLong(CostRow::rows)
                        .sum();
                assertEquals(lines, ws.costs().countLines(all.lines(0, 0)), "count of '" + search + "'");
                for (long offset : List.of(0L, 7L)) {
                    LineQuery page = all.lines(offset, 300);
                    assertEquals(ws.costs().linesFromCharges(page), ws.costs().lines(page), "page of '" + search + "'");
                }
                matched += lines;
            }
        }
        return matched;
    }

    /** Tagged {@code slow} (out of {@code -Pfast}): the demo bill, built for it, and its scan take 15 s of CPU. */
    @Test
    @Tag("slow")
    void searchOnTheDemoGivesWhatTestingEveryLineGives() throws Exception {
        Path file = dir.resolve("demo.sqlite");
        DemoFixture.copyTo(file);
        try (Workspace ws = Workspace.open(file)) {
            String first = ws.costs()
                    .totals(CostQuery.of(Dimension.DAY))
                    .getFirst()
                    .keys()
                    .getFirst();
            long d0 = day(first);
            CostLine some =
                    ws.costs().lines(new LineQuery(null, null, "", 100, 1)).getFirst();
            String id = some.resourceId() == null ? "i-" : some.resourceId();
            String resource = id.substring(0, Math.min(6, id.length()));
            // Each comparison reads the whole demo bill line by line: a few searches and groupings (the generated bill
            // below covers the rest).
            List<String> searches = List.of(resource, "ec2", resource + " usd", "zzz-none");
            long matched = sameAsScan(
                    ws,
                    searches,
                    List.<Long[]>of(new Long[] {d0 + 86_400L, d0 + 8 * 86_400L}),
                    List.of(),
                    List.of(GROUPINGS.get(0), GROUPINGS.get(2)));
            assertTrue(matched > 100, "the searches match some lines: " + matched);
        }
    }

    /**
     * Tagged {@code slow} (out of {@code -Pfast}): about 320 searches, counts and pages compared with the scan of every line of a
     * generated 6,000-line bill whose lines carry about as many distinct tag tuples, so neither the roll-up nor the
     * dictionary has fewer rows to read than the bill (about 4 s of CPU since schema v9 stores each tuple's search text); the version 7 test below keeps a search
     * comparison in the inner loop.
     */
    @Test
    @Tag("slow")
    void searchOnAGeneratedBillGivesWhatTestingEveryLineGivesAndFollowsImportsAndDeletion() throws Exception {
        Path bill = Files.writeString(dir.resolve("bill.csv"), UnitCostRollupTest.generatedBill(6_000, 42));
        Path file = dir.resolve("gen.sqlite");
        List<String> searches = List.of(
                "res-1", "RES-17", "res-1 ec2", "ec2", "eur", "t3", "res-2 lambda t1", "committed", "zzz", "res-1 zzz");
        List<Long[]> ranges =
                List.of(new Long[] {null, null}, new Long[] {day("2025-03-05"), day("2025-03-12")}, new Long[] {
                    null, day("2025-03-20")
                });
        try (Workspace ws = Workspace.open(file)) {
            ImportResult first =
                    ws.billing().importFile(bill, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            assertTrue(sameAsScan(ws, searches, ranges, List.of()) > 5000, "the searches match many lines");
            sameAsScan(
                    ws,
                    List.of("res-1", "res-3 usd"),
                    ranges,
                    List.of(new CostFilter(Grouping.of(Dimension.SERVICE), "Amazon EC2")));
            assertEquals(count(file, "charges"), count(file, "charge_resources"), "every charge is in the dictionary");
            // The same bill again, replacing the first: the dictionary follows the replaced lines.
            Path again = Files.writeString(dir.resolve("again.csv"), UnitCostRollupTest.generatedBill(3_000, 9));
            ws.billing().importFile(again, ReadOptions.DETECT, OverlapPolicy.REPLACE, ImportMonitor.NONE);
            assertEquals(count(file, "charges"), count(file, "charge_resources"), "replaced lines leave it");
            sameAsScan(ws, searches, ranges.subList(0, 1), List.of());
            ws.billing().deleteImport(first.record().id());
            for (ImportRecord r : ws.billing().imports()) ws.billing().deleteImport(r.id());
            assertEquals(0, count(file, "charge_resources"), "deleted imports leave nothing behind");
            assertEquals(0, ws.costs().countLines(new LineQuery(null, null, "res-1", 0, 0)));
        }
    }

    @Test
    void aVersion7WorkspaceGetsTheDictionaryOnOpening() throws Exception {
        Path file = MigrationProgressTest.version7(dir, 2_000, 5);
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Schema.MIGRATIONS.size(), ws.schemaVersion());
            assertEquals(2_000, count(file, "charge_resources"));
            assertEquals(200, count(file, "resources"), "one entry per distinct resource id, not per line");
            assertTrue(
                    sameAsScan(ws, List.of("res-4", "res-4 eur"), List.<Long[]>of(new Long[] {null, null}), List.of())
                            > 0);
        }
    }

    private static long count(Path ws, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws);
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }
}
