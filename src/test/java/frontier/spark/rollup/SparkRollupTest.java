package frontier.spark.rollup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.BillingSource;
import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import frontier.sim.BadInputException;
import frontier.spark.LocalSpark;
import frontier.store.CostQuery;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.ImportMonitor;
import frontier.store.ImportResult;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark roll-up of an export, imported into a workspace, gives the same totals to the cent — exactly, as decimals —
 * as the import of the export itself, by every dimension it keeps; bad input fails with the import's own located message.
 *
 * <p>Abstract: it runs as the nested class {@code frontier.spark.SparkTest.SparkRollupTest}, with the other embedded-Spark
 * classes in one test JVM, so Spark starts once per run ({@code -Dtest=SparkTest} runs them).
 */
@Tag("spark")
public abstract class SparkRollupTest {
    /** Every grouping the roll-up keeps, one at a time, and a few combinations. */
    private static final List<List<Dimension>> GROUPINGS = List.of(
            List.of(Dimension.DAY),
            List.of(Dimension.MONTH),
            List.of(Dimension.PROVIDER),
            List.of(Dimension.ACCOUNT),
            List.of(Dimension.SUB_ACCOUNT),
            List.of(Dimension.SERVICE),
            List.of(Dimension.SERVICE_CATEGORY),
            List.of(Dimension.REGION),
            List.of(Dimension.INSTANCE_TYPE),
            List.of(Dimension.GPU_COUNT),
            List.of(Dimension.PRICING_MODEL),
            List.of(Dimension.CHARGE_CATEGORY),
            List.of(Dimension.CHARGE_CLASS),
            List.of(
                    Dimension.DAY,
                    Dimension.ACCOUNT,
                    Dimension.SERVICE,
                    Dimension.REGION,
                    Dimension.INSTANCE_TYPE,
                    Dimension.PRICING_MODEL,
                    Dimension.CHARGE_CATEGORY,
                    Dimension.CHARGE_CLASS));

    @TempDir
    Path tmp;

    @Test
    void cur2CsvRollupTotalsEqualTheDirectImport() throws IOException {
        assertRollupMatchesImport(Samples.billing("aws_cur2_mock_keboola.csv"));
    }

    @Test
    void cur2ParquetRollupTotalsEqualTheDirectImport() throws IOException {
        assertRollupMatchesImport(fixture("aws_cur2_mock.parquet"));
    }

    @Test
    void focusRollupTotalsEqualTheDirectImport() throws IOException {
        assertRollupMatchesImport(Samples.billing("focus_1.0_sample_official_1000rows.csv"));
    }

    @Test
    void legacyCurRollupTotalsEqualTheDirectImport() throws IOException {
        assertRollupMatchesImport(Samples.billing("aws_cur1_legacy_anonymized_focus_converters.csv"));
    }

    @Test
    void partFilesOfOneExportAddUpExactlyAcrossTasks() throws IOException {
        // The FOCUS sample cut in three part files (header repeated): three tasks whose groups Spark adds again.
        Path whole = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        List<String> lines = Files.readAllLines(whole, StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(tmp.resolve("export/data"));
        int n = lines.size() - 1;
        for (int i = 0; i < 3; i++) {
            List<String> part = new ArrayList<>(List.of(lines.getFirst()));
            part.addAll(lines.subList(1 + n * i / 3, 1 + n * (i + 1) / 3));
            Files.write(folder.resolve("part-" + i + ".csv"), part, StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("_SUCCESS"), "");
        Path rolled = rollUp(List.of(tmp.resolve("export").toString()), List.of());
        Map<String, String> direct = totals(
                importInto(whole, "direct"), List.of(Dimension.DAY, Dimension.SERVICE, Dimension.PRICING_MODEL), true);
        Map<String, String> viaRollup = totals(
                importInto(rolled, "rolled"),
                List.of(Dimension.DAY, Dimension.SERVICE, Dimension.PRICING_MODEL),
                false);
        assertEquals(direct, viaRollup);
    }

    @Test
    void aBadCellFailsWithTheImportsOwnLocatedMessage() throws IOException {
        Path good = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(good, StandardCharsets.UTF_8));
        // Line 8's BilledCost becomes "twelve" (the sample has no line breaks inside cells: one record per line).
        CSVFormat csv = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
        List<String> header = csv.parse(new StringReader(lines.getFirst()))
                .getRecords()
                .getFirst()
                .toList();
        List<String> cells = new ArrayList<>(csv.parse(new StringReader(lines.get(7)))
                .getRecords()
                .getFirst()
                .toList());
        cells.set(header.indexOf("BilledCost"), "twelve");
        lines.set(7, csv.format(cells.toArray()));
        Path bad = tmp.resolve("bad-focus.csv");
        Files.write(bad, lines, StandardCharsets.UTF_8);
        String local = assertThrows(BadInputException.class, () -> readAll(bad)).getMessage();
        assertTrue(local.contains("line 8") && local.contains("BilledCost") && local.contains("twelve"), local);
        Path earlier =
                rollUp(List.of(Samples.billing("aws_cur2_mock_keboola.csv").toString()), List.of());
        byte[] before = Files.readAllBytes(earlier);
        BadInputException spark =
                assertThrows(BadInputException.class, () -> rollUp(List.of(bad.toString()), List.of()));
        assertEquals(local, spark.getMessage());
        assertArrayEquals(before, Files.readAllBytes(earlier), "the earlier roll-up in the folder is left as it was");
        try (var left = Files.list(earlier.getParent())) {
            assertEquals(
                    List.of(SparkRollup.FILE_NAME),
                    left.map(f -> f.getFileName().toString())
                            .filter(n -> !n.endsWith(".crc"))
                            .toList(),
                    "no temporary file left");
        }
    }

    @Test
    void aBadParquetValueFailsWithTheImportsOwnLocatedMessage() {
        Path bad = fixture("aws_cur2_bad_value.parquet");
        String local = assertThrows(BadInputException.class, () -> readAll(bad)).getMessage();
        BadInputException spark =
                assertThrows(BadInputException.class, () -> rollUp(List.of(bad.toString()), List.of()));
        assertEquals(local, spark.getMessage());
    }

    @Test
    void aMissingInputIsBadInputNamingIt() {
        String missing = tmp.resolve("nowhere").toString();
        BadInputException e = assertThrows(BadInputException.class, () -> rollUp(List.of(missing), List.of()));
        assertEquals(missing + ": no such file or folder", e.getMessage());
    }

    @Test
    void theCommandReportsWhatItWroteAndExitsWith2OnBadInput() {
        LocalSpark.session();
        Path export = Samples.billing("aws_cur2_mock_keboola.csv");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = frontier.spark.SparkMain.execute(
                new String[] {
                    "rollup", export.toString(), "--out", tmp.resolve("cmd").toString(), "--tags", "user:team"
                },
                new java.io.PrintWriter(out),
                new java.io.PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(
                out.toString().startsWith("wrote ")
                        && out.toString().contains(SparkRollup.FILE_NAME)
                        && out.toString().contains("in 1 file"),
                out.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("cmd").resolve(SparkRollup.FILE_NAME)));
        java.io.StringWriter err2 = new java.io.StringWriter();
        int bad = frontier.spark.SparkMain.execute(
                new String[] {
                    "rollup",
                    tmp.resolve("nowhere").toString(),
                    "--out",
                    tmp.resolve("cmd2").toString()
                },
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(err2));
        assertEquals(2, bad);
        assertEquals(
                "frontier-spark: " + tmp.resolve("nowhere") + ": no such file or folder",
                err2.toString().strip());
    }

    private void assertRollupMatchesImport(Path export) throws IOException {
        Workspace direct = importInto(export, "direct");
        List<String> tags = direct.costs().tagKeys().stream().limit(3).toList();
        Path rolled = rollUp(List.of(export.toAbsolutePath().toString()), tags);
        Workspace viaRollup = importInto(rolled, "rolled");
        try (direct;
                viaRollup) {
            List<List<Dimension>> groupings = new ArrayList<>(GROUPINGS);
            for (List<Dimension> by : groupings) {
                assertEquals(
                        totals(direct, by, true),
                        totals(viaRollup, by, false),
                        "totals by " + by + " of " + export.getFileName());
            }
            for (String tag : tags) {
                CostQuery q = new CostQuery(List.of(Grouping.of(Dimension.DAY), Grouping.tag(tag)), null, null);
                assertEquals(
                        text(direct.costs().totalsFromCharges(q)),
                        text(viaRollup.costs().totals(q)),
                        "totals by day and tag " + tag);
            }
            long lines = direct.billing().imports().getFirst().rows();
            assertEquals(lines, sumOfLinesColumn(rolled), "the roll-up's lines count every line of the export");
        }
    }

    private Path rollUp(List<String> inputs, List<String> tags) {
        String out = tmp.resolve("out").toString();
        SparkRollup.Result r = SparkRollup.run(LocalSpark.session(), inputs, out, tags, null);
        return Path.of(r.file().replaceFirst("^file:", ""));
    }

    private Workspace importInto(Path file, String name) {
        Workspace ws = Workspace.open(tmp.resolve(name + ".sqlite"));
        ImportResult r = ws.billing().importFile(file, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        assertTrue(r.record().rows() > 0);
        return ws;
    }

    /** Totals by {@code by}, from the charges themselves (the truth) or as the workspace answers a query. */
    private static Map<String, String> totals(Workspace ws, List<Dimension> by, boolean fromCharges) {
        CostQuery q = CostQuery.of(by.toArray(Dimension[]::new));
        return text(fromCharges ? ws.costs().totalsFromCharges(q) : ws.costs().totals(q));
    }

    /** Each group's keys and currency → its exact billed, effective and list cost (trailing zeros do not matter). */
    private static Map<String, String> text(List<CostRow> rows) {
        Map<String, String> m = new TreeMap<>();
        for (CostRow r : rows) {
            String prior = m.put(
                    r.keys() + " " + r.currency(),
                    plain(r.billed()) + " / " + plain(r.effective()) + " / " + plain(r.list()));
            assertEquals(null, prior, "one row per group");
        }
        assertFalse(m.isEmpty());
        return m;
    }

    private static String plain(BigDecimal d) {
        return d == null ? "null" : d.stripTrailingZeros().toPlainString();
    }

    private static long sumOfLinesColumn(Path rollup) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(rollup));
                var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            var records = org.apache.commons.csv.CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .get()
                    .parse(r);
            long sum = 0;
            for (var rec : records) sum += Long.parseLong(rec.get("lines"));
            return sum;
        }
    }

    private static void readAll(Path file) {
        try (BillingSource s = BillingSource.open(file, ReadOptions.DETECT)) {
            while (s.next() != null) {
                // reading is the point
            }
        }
    }

    private static Path fixture(String name) {
        try {
            return Path.of(SparkRollupTest.class.getResource("/billing/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
