package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.domain.PricingModel;
import frontier.ingest.BillingSourceTest.Read;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS CUR 2.0 Parquet parts (src/test/resources/billing, made by generate-cur2-parquet.mjs there): detected
 * by content, read into the same charges as the CSV form of the same rows, map columns as tags, timestamps
 * as the same instants, row groups, manifests, and refusals that name file, row group, row and column.
 */
class ParquetImportTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(
                    ParquetImportTest.class.getResource("/billing/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test fixture /billing/" + name + " missing", e);
        }
    }

    /** A charge with its amounts in a canonical decimal form (1.0 and 1 are the same cost), for comparing readers. */
    static List<Object> comparable(Charge c) {
        List<Object> out = new ArrayList<>();
        for (var component : Charge.class.getRecordComponents()) {
            if (component.getName().equals("line")) continue;
            try {
                Object v = component.getAccessor().invoke(c);
                out.add(
                        v instanceof BigDecimal d
                                ? component.getName() + "="
                                        + d.stripTrailingZeros().toPlainString()
                                : component.getName() + "=" + v);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static void assertSameCharges(List<Charge> expected, List<Charge> actual) {
        assertEquals(expected.size(), actual.size(), "number of charges");
        for (int i = 0; i < expected.size(); i++)
            assertEquals(comparable(expected.get(i)), comparable(actual.get(i)), "charge " + (i + 1));
    }

    private static void assertSameAmount(BigDecimal expected, BigDecimal actual) {
        assertEquals(
                0,
                expected.compareTo(actual),
                "expected " + expected.toPlainString() + ", got " + actual.toPlainString());
    }

    @Test
    void parquetRowsImportAsTheCsvSampleRowsTheyWereMadeFrom() throws IOException {
        Path csv = Samples.billing("aws_cur2_mock_keboola.csv");
        Read fromCsv = BillingSourceTest.read(csv);
        Read fromParquet = BillingSourceTest.read(fixture("aws_cur2_mock.parquet"));
        assertEquals("AWS CUR 2.0", fromParquet.format());
        assertEquals(CostBasis.BOTH, fromParquet.basis());
        assertEquals(
                10, fromParquet.charges().size(), "the sample's 4 rows and 6 spot, savings-plan, Lambda and tax rows");
        assertSameCharges(fromCsv.charges(), fromParquet.charges().subList(0, 4));
        BigDecimal parquetBilled = fromParquet.charges().subList(0, 4).stream()
                .map(Charge::billedCost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertSameAmount(Samples.columnSum(csv, "line_item_unblended_cost"), parquetBilled);
        assertEquals(
                List.of(1L, 2L, 3L, 4L),
                fromParquet.charges().subList(0, 4).stream().map(Charge::line).toList(),
                "rows numbered from 1");
    }

    @Test
    void everyRowMatchesItsCsvTwinIncludingTagsCommitmentsAndSpot() {
        Read csv = BillingSourceTest.read(fixture("aws_cur2_mock_parquet_twin.csv"));
        Read parquet = BillingSourceTest.read(fixture("aws_cur2_mock.parquet"));
        assertSameCharges(csv.charges(), parquet.charges());
        assertSameAmount(csv.billed(), parquet.billed());
        assertSameAmount(csv.effective(), parquet.effective());

        List<Charge> c = parquet.charges();
        Charge spot = c.get(4);
        assertEquals(PricingModel.SPOT, spot.pricingModel());
        assertEquals("g5.xlarge", spot.instanceType());
        assertEquals(1, spot.gpuCount());
        assertSameAmount(new BigDecimal("1.006"), spot.listCost());
        Charge covered = c.get(5);
        assertEquals(PricingModel.COMMITMENT, covered.pricingModel());
        assertEquals("Used", covered.commitmentStatus());
        assertTrue(covered.commitmentId().startsWith("arn:aws:savingsplans::"), covered.commitmentId());
        assertSameAmount(new BigDecimal("32.7726"), covered.billedCost());
        assertSameAmount(new BigDecimal("20.5001"), covered.effectiveCost());
        assertSameAmount(BigDecimal.ZERO, c.get(6).effectiveCost());
        Charge fee = c.get(7);
        assertEquals("Unused", fee.commitmentStatus());
        assertSameAmount(new BigDecimal("2519.93"), fee.effectiveCost());
        assertEquals(PricingModel.SERVERLESS, c.get(8).pricingModel());
        assertSameAmount(new BigDecimal("0.0600086"), c.get(8).billedCost());
        assertEquals(ChargeCategory.TAX, c.get(9).chargeCategory());
    }

    @Test
    void resourceTagsMapBecomesCanonicalTags() {
        List<Charge> c =
                BillingSourceTest.read(fixture("aws_cur2_mock.parquet")).charges();
        for (int i = 0; i < 4; i++) assertNull(c.get(i).tags(), "the CSV sample's rows have no tags");
        assertEquals("{\"user:env\":\"prod\",\"user:team\":\"ml\"}", c.get(4).tags(), "keys sorted");
        assertEquals(
                "{\"user:owner\":\"Zoë \\\"Z\\\" O'Neil\",\"user:team\":\"research\"}",
                c.get(5).tags(),
                "quotes and non-ASCII kept");
        assertNull(c.get(9).tags());
    }

    @Test
    void mapColumnsReadAsJsonObjectsAsInTheCsvExport() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (ParquetRows rows = ParquetRows.open(fixture("aws_cur2_mock.parquet"), "mock.parquet")) {
            rows.start(new BitSet());
            Columns cols = new Columns(rows.columnNames());
            int product = cols.find("product");
            int discount = cols.find("discount");
            int costCategory = cols.find("costcategory");
            int tags = cols.find("resourcetags");
            List<String> products = new ArrayList<>();
            while (rows.next()) {
                products.add(rows.get(product));
                if (rows.line() == 5)
                    assertEquals(Map.of("project", "inference"), json.readValue(rows.get(costCategory), Map.class));
                if (rows.line() == 8) {
                    JsonNode d = json.readTree(rows.get(discount));
                    assertTrue(
                            d.get("savings_plan_discount").isNumber(), "MAP<string,double> values stay numbers: " + d);
                    assertSameAmount(
                            new BigDecimal("-0.5"),
                            d.get("savings_plan_discount").decimalValue());
                }
                if (rows.line() == 1) assertNull(rows.get(tags), "a null map is an empty cell");
            }
            assertEquals(10, rows.rowsRead());
            assertEquals(
                    Map.of("instance_type", "g5.xlarge", "operating_system", "Linux", "region", "us-east-1"),
                    json.readValue(products.get(4), Map.class));
            assertNull(products.get(0));
        }
    }

    @Test
    void onlyTheColumnsAMapperFoundAreDecoded() {
        try (ParquetRows rows = ParquetRows.open(fixture("aws_cur2_mock.parquet"), "mock.parquet")) {
            Columns cols = new Columns(rows.columnNames());
            int currency = cols.find("lineitemcurrencycode");
            rows.start(cols.used());
            assertTrue(rows.next());
            assertEquals("USD", rows.get(currency));
            int cost = rows.columnNames().indexOf("line_item_unblended_cost");
            assertThrows(
                    IllegalStateException.class,
                    () -> rows.get(cost),
                    "a column no mapper asked for is an internal fault, not an empty cell");
        }
    }

    @Test
    void timestampsAreTheInstantsTheCsvPathReads() throws IOException {
        List<Charge> millis =
                BillingSourceTest.read(fixture("aws_cur2_mock.parquet")).charges();
        assertEquals(
                Instant.parse("2024-09-01T00:00:00Z").getEpochSecond(),
                millis.getFirst().periodStart());
        assertEquals(
                Instant.parse("2024-09-01T01:00:00Z").getEpochSecond(),
                millis.getFirst().periodEnd());
        assertEquals(
                Instant.parse("2024-10-01T00:00:00Z").getEpochSecond(),
                millis.get(7).periodEnd(),
                "a month-long fee");
        try (ParquetRows rows = ParquetRows.open(fixture("aws_cur2_mock.parquet"), "mock.parquet")) {
            rows.start(new BitSet());
            rows.next();
            assertEquals(
                    "2024-09-30T23:59:59Z", rows.get(new Columns(rows.columnNames()).find("billbillingperiodenddate")));
        }

        List<Charge> micros =
                BillingSourceTest.read(fixture("aws_cur2_row_groups.parquet")).charges();
        long base = Instant.parse("2024-10-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < micros.size(); i += 97) {
            assertEquals(base + 3600L * i, micros.get(i).periodStart(), "TIMESTAMP(MICROS) row " + (i + 1));
            assertEquals(base + 3600L * (i + 1), micros.get(i).periodEnd());
        }

        List<Charge> int96 =
                BillingSourceTest.read(fixture("aws_cur2_int96.parquet")).charges();
        assertEquals(4, int96.size());
        for (int i = 0; i < 4; i++) {
            assertEquals(
                    comparable(millis.get(i)),
                    comparable(int96.get(i)),
                    "INT96 (Spark/Hive) timestamps, row " + (i + 1));
        }
    }

    @Test
    void rowGroupsAreReadInOrderWithExactTotals() throws IOException {
        Path f = fixture("aws_cur2_row_groups.parquet");
        try (ParquetRows rows = ParquetRows.open(f, "rg.parquet")) {
            assertEquals(2500, rows.rowCount());
        }
        Read r = BillingSourceTest.read(f);
        assertEquals(2500, r.charges().size());
        BigDecimal expected = BigDecimal.ZERO;
        long spot = 0;
        long tagged = 0;
        for (int i = 0; i < 2500; i++) {
            // The generator's formula: cost = (i mod 50) + ((37 i) mod 10000) / 10000; spot every 7th row; a tag every
            // 3rd.
            expected = expected.add(new BigDecimal((i % 50) + "." + String.format("%04d", (i * 37) % 10000)));
            if (i % 7 == 0) spot++;
            if (i % 3 == 0) tagged++;
            assertEquals(i + 1, r.charges().get(i).line());
        }
        assertSameAmount(expected, r.billed());
        assertEquals(spot, r.byPricing().get(PricingModel.SPOT));
        assertEquals(tagged, r.charges().stream().filter(c -> c.tags() != null).count());
        assertEquals(
                "{\"user:team\":\"team-4\"}", r.charges().get(2499).tags(), "the last row, in the third row group");
    }

    @Test
    void detectedFromContentNotFromTheFileName() throws IOException {
        Path disguised = Files.copy(fixture("aws_cur2_mock.parquet"), dir.resolve("report.csv"));
        assertEquals(10, BillingSourceTest.read(disguised).charges().size());
        Path noName = Files.copy(fixture("aws_cur2_mock.parquet"), dir.resolve("part-00000"));
        assertEquals("AWS CUR 2.0", BillingSourceTest.read(noName).format());
        Path csvNamedParquet =
                Files.copy(fixture("aws_cur2_mock_parquet_twin.csv"), dir.resolve("twin.snappy.parquet"));
        assertEquals(
                10, BillingSourceTest.read(csvNamedParquet).charges().size(), "a CSV stays a CSV whatever its name");
        assertTrue(ParquetRows.isParquet(disguised));
        assertTrue(!ParquetRows.isParquet(csvNamedParquet));
    }

    @Test
    void cur2ManifestListingParquetPartsIsOneExport() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/BILLING_PERIOD=2024-09"));
        Path p1 = Files.copy(fixture("aws_cur2_mock.parquet"), data.resolve("frontier-cur2-00001.snappy.parquet"));
        Path p2 = Files.copy(fixture("aws_cur2_row_groups.parquet"), dir.resolve("frontier-cur2-00002.snappy.parquet"));
        Path manifest = dir.resolve("frontier-cur2-Manifest.json");
        new ObjectMapper()
                .writeValue(
                        manifest.toFile(),
                        Map.of(
                                "dataFiles",
                                List.of(
                                        "s3://bucket/data/BILLING_PERIOD=2024-09/frontier-cur2-00001.snappy.parquet",
                                        "s3://bucket/data/BILLING_PERIOD=2024-09/frontier-cur2-00002.snappy.parquet"),
                                "compression",
                                "Parquet",
                                "contentType",
                                "Parquet",
                                "schema",
                                "2"));
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        all.update(Files.readAllBytes(p1));
        all.update(Files.readAllBytes(p2));
        try (BillingSource s = BillingSource.open(manifest, ReadOptions.DETECT)) {
            assertEquals(
                    List.of(p1.toAbsolutePath(), p2.toAbsolutePath()),
                    s.parts().stream().map(Path::toAbsolutePath).toList());
            assertEquals(Files.size(p1) + Files.size(p2), s.totalBytes());
            long n = 0;
            while (s.next() != null) n++;
            assertEquals(2510, n);
            assertEquals(s.totalBytes(), s.bytesRead(), "progress ends at the total");
            assertEquals(HexFormat.of().formatHex(all.digest()), s.sha256(), "hash of all parts' bytes in order");
            assertEquals("AWS CUR 2.0", s.formatLabel());
        }
        // CSV and Parquet parts of one export mix (same format, same cost basis).
        Files.copy(fixture("aws_cur2_mock_parquet_twin.csv"), data.resolve("frontier-cur2-00002.snappy.parquet"));
        assertEquals(20, BillingSourceTest.read(manifest).charges().size());
    }

    @Test
    void truncatedFileIsBadInputNamingTheFile() throws IOException {
        Path f = fixture("aws_cur2_truncated.parquet");
        BadInputException e = assertThrows(BadInputException.class, () -> BillingSourceTest.read(f));
        assertTrue(
                e.getMessage().startsWith(f.toString() + ": cannot read the Parquet footer")
                        && e.getMessage().contains("truncated or corrupt"),
                e.getMessage());
        Path magicOnly = Files.write(dir.resolve("x.parquet"), new byte[] {'P', 'A', 'R', '1'});
        assertTrue(assertThrows(BadInputException.class, () -> BillingSourceTest.read(magicOnly))
                .getMessage()
                .contains("x.parquet"));
    }

    @Test
    void corruptPagesAreBadInputNamingTheRowReached() {
        Path f = fixture("aws_cur2_corrupt_pages.parquet");
        BadInputException e = assertThrows(BadInputException.class, () -> BillingSourceTest.read(f));
        assertTrue(e.getMessage().startsWith(f + ": row 1") && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void unusableValueNamesRowAndColumn() {
        Path f = fixture("aws_cur2_bad_value.parquet");
        BadInputException e = assertThrows(BadInputException.class, () -> BillingSourceTest.read(f));
        assertEquals(
                f + ": row 2, column line_item_currency_code: expected a currency code like USD, got nothing",
                e.getMessage());
    }

    @Test
    void gzipPagesAreReadAndCodecsWithoutADecoderAreRefusedByName() {
        assertSameCharges(
                BillingSourceTest.read(fixture("aws_cur2_mock.parquet")).charges(),
                BillingSourceTest.read(fixture("aws_cur2_gzip.parquet")).charges());
        Path zstd = fixture("aws_cur2_zstd_claimed.parquet");
        BadInputException e = assertThrows(BadInputException.class, () -> BillingSourceTest.read(zstd));
        assertTrue(
                e.getMessage().startsWith(zstd + ": column ")
                        && e.getMessage().contains("is ZSTD-compressed; Frontier reads uncompressed, Snappy and GZIP"),
                e.getMessage());
    }

    @Test
    void forcedFormatThatDoesNotFitNamesTheMissingColumns() {
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> BillingSourceTest.read(
                        fixture("aws_cur2_mock.parquet"), new ReadOptions(BillingFormat.AZURE, null)));
        assertTrue(
                e.getMessage().contains("not a " + BillingFormat.AZURE.label())
                        && e.getMessage().contains("SubscriptionId"),
                e.getMessage());
    }
}
