package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reader on the real samples: detected format, row counts and exact sums checked against an independent CSV reading. */
class BillingSourceTest {
    @TempDir
    Path dir;

    record Read(String format, CostBasis basis, List<Charge> charges, String sha256, List<String> notes) {
        BigDecimal billed() {
            return sum(Charge::billedCost);
        }

        BigDecimal effective() {
            return sum(Charge::effectiveCost);
        }

        BigDecimal sum(Function<Charge, BigDecimal> f) {
            return charges.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        Map<PricingModel, Long> byPricing() {
            return charges.stream().collect(Collectors.groupingBy(Charge::pricingModel, Collectors.counting()));
        }
    }

    static Read read(Path file, ReadOptions options) {
        List<Charge> out = new ArrayList<>();
        try (BillingSource s = BillingSource.open(file, options)) {
            Charge c;
            while ((c = s.next()) != null) out.add(c);
            return new Read(s.formatLabel(), s.basis(), out, s.sha256(), s.notes());
        }
    }

    static Read read(Path file) {
        return read(file, ReadOptions.DETECT);
    }

    private static void assertSameAmount(BigDecimal expected, BigDecimal actual) {
        assertEquals(
                0,
                expected.compareTo(actual),
                "expected " + expected.toPlainString() + ", got " + actual.toPlainString());
    }

    @Test
    void focus10SampleIsReadCompletelyWithExactTotals() throws IOException {
        Path f = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        Read r = read(f);
        assertEquals("FOCUS 1.0", r.format());
        assertEquals(CostBasis.BOTH, r.basis());
        assertEquals(1000, r.charges().size());
        assertSameAmount(Samples.columnSum(f, "BilledCost"), r.billed());
        assertSameAmount(Samples.columnSum(f, "EffectiveCost"), r.effective());
        Map<String, Long> providers =
                r.charges().stream().collect(Collectors.groupingBy(Charge::provider, Collectors.counting()));
        assertEquals(Map.of("AWS", 942L, "Microsoft", 51L, "Oracle", 7L), providers);
        assertEquals(4L, r.byPricing().get(PricingModel.COMMITMENT), "PricingCategory=Committed rows");
        assertEquals(979L, r.byPricing().get(PricingModel.ON_DEMAND));
        assertEquals(9L, r.byPricing().get(PricingModel.SERVERLESS), "the AWS Lambda rows");
        Charge first = r.charges().getFirst();
        assertEquals(java.time.Instant.parse("2024-09-18T22:00:00Z").getEpochSecond(), first.periodStart());
        assertNull(first.region() == null ? null : first.sku() == null ? "no sku" : null);
        assertEquals(2, first.line());
    }

    @Test
    void focus13HeaderIsRecognisedByItsNewColumns() throws IOException {
        Path f = Samples.billing("focus_1.3_synthetic_aws_header_plus_3rows.csv");
        Read r = read(f);
        assertEquals("FOCUS 1.3", r.format());
        assertEquals(3, r.charges().size());
        assertSameAmount(Samples.columnSum(f, "BilledCost"), r.billed());
        assertEquals("AWS", r.charges().getFirst().provider());
    }

    @Test
    void legacyCurSampleIsReadWithUnblendedCostAsBilled() throws IOException {
        Path f = Samples.billing("aws_cur1_legacy_anonymized_focus_converters.csv");
        Read r = read(f);
        assertEquals("AWS CUR legacy", r.format());
        assertEquals(1281, r.charges().size());
        assertSameAmount(Samples.columnSum(f, "lineItem/UnblendedCost"), r.billed());
        assertSameAmount(r.billed(), r.effective());
        assertEquals(
                12,
                r.charges().stream()
                        .filter(c -> c.chargeCategory() == ChargeCategory.TAX)
                        .count());
        Path mock = Samples.billing("aws_cur1_legacy_mock_keboola.csv");
        Read m = read(mock);
        assertEquals(3, m.charges().size());
        assertEquals("Compute", m.charges().getFirst().serviceCategory());
        assertEquals(PricingModel.ON_DEMAND, m.charges().getFirst().pricingModel());
    }

    @Test
    void cur2SampleIsRecognisedBySnakeCaseColumns() throws IOException {
        Path f = Samples.billing("aws_cur2_mock_keboola.csv");
        Read r = read(f);
        assertEquals("AWS CUR 2.0", r.format());
        assertEquals(4, r.charges().size());
        assertSameAmount(Samples.columnSum(f, "line_item_unblended_cost"), r.billed());
        assertEquals("123456789012", r.charges().getFirst().billingAccount());
    }

    @Test
    void azureActualAndAmortizedFillBilledOrEffectiveCost() throws IOException {
        Path actual = Samples.billing("azure_ea_actualcost_small.csv");
        Read a = read(actual);
        assertEquals("Azure cost details (actual)", a.format());
        assertEquals(11, a.charges().size());
        assertSameAmount(Samples.columnSum(actual, "Cost"), a.billed());
        assertTrue(a.charges().stream().allMatch(c -> c.effectiveCost() == null));
        assertEquals(
                1,
                a.charges().stream()
                        .filter(c -> c.chargeCategory() == ChargeCategory.PURCHASE)
                        .count(),
                "the reservation purchase");
        assertTrue(a.notes().isEmpty(), "the file name says actual");

        Path amortized = Samples.billing("azure_ea_amortizedcost_small.csv");
        Read m = read(amortized);
        assertEquals(CostBasis.AMORTIZED, m.basis());
        assertEquals(28, m.charges().size());
        assertSameAmount(Samples.columnSum(amortized, "Cost"), m.effective());
        assertTrue(m.charges().stream().allMatch(c -> c.billedCost() == null));
        assertEquals(2L, m.byPricing().get(PricingModel.COMMITMENT), "Reservation + SavingsPlan rows");
        assertEquals(
                java.time.Instant.parse("2023-09-22T00:00:00Z").getEpochSecond(),
                m.charges().getFirst().periodStart(),
                "MM/DD/YYYY");
    }

    @Test
    void azureCurrentExportHasSpotRowsAndAnAssumedBasisNote() throws IOException {
        Path f = Samples.billing("azure_ea_export_anonymized_focus_converters.csv");
        Read r = read(f);
        assertEquals(27, r.charges().size());
        assertEquals(3L, r.byPricing().get(PricingModel.SPOT));
        assertEquals("CAD", r.charges().getFirst().currency());
        assertSameAmount(Samples.columnSum(f, "CostInBillingCurrency"), r.billed());
        assertEquals(1, r.notes().size());
        Read forced = read(f, new ReadOptions(null, CostBasis.AMORTIZED));
        assertSameAmount(r.billed(), forced.effective());
    }

    @Test
    void gzipManifestWithSeveralPartsIsOneExport() throws Exception {
        Path f = Samples.billing("aws_cur1_legacy_anonymized_focus_converters.csv");
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        String header = lines.getFirst();
        Path sub = Files.createDirectories(dir.resolve("20231101-20231201/abc"));
        List<Path> parts = List.of(
                sub.resolve("report-1.csv.gz"), dir.resolve("report-2.csv.gz"), sub.resolve("report-3.csv.zip"));
        int per = (lines.size() - 1 + 2) / 3;
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        for (int p = 0; p < 3; p++) {
            StringBuilder b = new StringBuilder(header).append('\n');
            for (int i = 1 + p * per; i < Math.min(lines.size(), 1 + (p + 1) * per); i++)
                b.append(lines.get(i)).append('\n');
            byte[] data = b.toString().getBytes(StandardCharsets.UTF_8);
            try (OutputStream out =
                    p < 2 ? new GZIPOutputStream(Files.newOutputStream(parts.get(p))) : zip(parts.get(p))) {
                out.write(data);
            }
            all.update(Files.readAllBytes(parts.get(p)));
        }
        Path manifest = dir.resolve("report-Manifest.json");
        new ObjectMapper()
                .writeValue(
                        manifest.toFile(),
                        Map.of(
                                "reportKeys",
                                List.of(
                                        "20231101-20231201/abc/report-1.csv.gz",
                                        "s3://bucket/prefix/20231101-20231201/abc/report-2.csv.gz",
                                        "20231101-20231201/abc/report-3.csv.zip"),
                                "compression",
                                "GZIP"));
        Read r = read(manifest);
        assertEquals(1281, r.charges().size());
        assertSameAmount(Samples.columnSum(f, "lineItem/UnblendedCost"), r.billed());
        assertEquals(HexFormat.of().formatHex(all.digest()), r.sha256(), "hash of all parts' bytes in order");
    }

    private static OutputStream zip(Path p) throws IOException {
        ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p));
        z.putNextEntry(new ZipEntry("report-3.csv"));
        return z;
    }

    @Test
    void manifestWithAMissingPartSaysWhereItLooked() throws IOException {
        Path manifest = dir.resolve("Manifest.json");
        Files.writeString(manifest, "{\"dataFiles\": [\"s3://b/data/BILLING_PERIOD=2024-09/x-00001.csv.gz\"]}");
        BadInputException e = assertThrows(BadInputException.class, () -> read(manifest));
        assertTrue(e.getMessage().contains("x-00001.csv.gz") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void realCurManifestSamplesNameTheirMissingParts() {
        Path m = Samples.billing("aws_cur2_manifest_mock_keboola.json");
        BadInputException e = assertThrows(BadInputException.class, () -> read(m));
        assertTrue(e.getMessage().contains("MockTestReportV2-00001.csv.gz"), e.getMessage());
    }

    @Test
    void unknownFormatListsEveryFormatTriedAndWhy() {
        Path catalog = Samples.billing("focus_1.2_column_catalog.csv");
        BadInputException e = assertThrows(BadInputException.class, () -> read(catalog));
        String m = e.getMessage();
        assertTrue(m.contains("unknown billing export format"), m);
        for (BillingFormat f : BillingFormat.values()) assertTrue(m.contains(f.label() + ": missing"), m);
        assertTrue(m.contains("the header has 9 columns: ColumnId, DisplayName"), "shows the header it saw: " + m);
    }

    @Test
    void onlyAnUnrecognisedHeaderIsAnUnknownFormatSoTheAppMayTryItAsARequestLog() throws IOException {
        Path log = Files.writeString(dir.resolve("requests.jsonl"), "{\"timestamp\": 0, \"input_length\": 5}\n");
        assertThrows(UnknownFormatException.class, () -> read(log));
        assertThrows(
                UnknownFormatException.class,
                () -> read(Files.writeString(dir.resolve("requests.csv"), "timestamp,latency_ms\n0,5\n")));
        Path focus = Samples.billing("focus_1.3_synthetic_aws_header_plus_3rows.csv");
        Path broken = Files.writeString(
                dir.resolve("focus-broken.csv"), Files.readAllLines(focus).getFirst() + "\n1,2\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(broken));
        assertFalse(
                e instanceof UnknownFormatException,
                "a known format with a bad row is not handed on: " + e.getMessage());
    }

    @Test
    void forcedFormatThatDoesNotFitNamesTheMissingColumns() {
        Path f = Samples.billing("aws_cur2_mock_keboola.csv");
        BadInputException e =
                assertThrows(BadInputException.class, () -> read(f, new ReadOptions(BillingFormat.FOCUS, null)));
        assertTrue(e.getMessage().contains("missing columns BilledCost, ChargePeriodStart"), e.getMessage());
    }

    @Test
    void badValueNamesFileLineColumnAndExpectation() throws IOException {
        Path f = dir.resolve("focus.csv");
        Files.writeString(
                f,
                "BilledCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,ChargeCategory\n"
                        + "1.5,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage\n"
                        + "1.5,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage\n"
                        + "12$,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(f));
        assertEquals(
                f + ": line 4, column 1 (BilledCost): expected a decimal number (like 12.50 or -0.0003), got '12$'",
                e.getMessage());
        Files.writeString(
                f,
                "BilledCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,ChargeCategory\n"
                        + "1.5,2024-09-01T00:00:00Z,2024-08-01T01:00:00Z,USD,a,Usage\n");
        e = assertThrows(BadInputException.class, () -> read(f));
        assertTrue(
                e.getMessage().contains("line 2, column 3 (ChargePeriodEnd): expected a time not before"),
                e.getMessage());
    }

    @Test
    void gcpJsonLinesWithNestedRecordsAndCredits() throws IOException {
        Path f = dir.resolve("gcp_billing_export.jsonl.gz");
        String jsonl = """
                {"billing_account_id":"0123AB-CDEF45-678901","service":{"id":"6F81-5844-456A","description":"Compute Engine"},"sku":{"id":"2E27-4F75-95CD","description":"Nvidia Tesla A100 GPU running in Americas"},"usage_start_time":"2025-03-01T00:00:00Z","usage_end_time":"2025-03-01T01:00:00Z","project":{"id":"ml-serving"},"location":{"region":"us-central1"},"cost":2.933908,"currency":"USD","usage":{"amount":3600,"unit":"seconds","amount_in_pricing_units":1,"pricing_unit":"hour"},"credits":[{"name":"Committed use discount: A100","amount":-1.1,"type":"COMMITTED_USAGE_DISCOUNT"}],"cost_type":"regular"}
                {"billing_account_id":"0123AB-CDEF45-678901","service":{"description":"Compute Engine"},"sku":{"id":"X","description":"Spot Preemptible Nvidia L4 GPU running in Americas"},"usage_start_time":"2025-03-01 01:00:00 UTC","usage_end_time":"2025-03-01 02:00:00 UTC","cost":0.2,"currency":"USD","cost_type":"regular"}

                {"billing_account_id":"0123AB-CDEF45-678901","service":{"description":"Vertex AI"},"usage_start_time":"2025-03-01T00:00:00Z","usage_end_time":"2025-03-02T00:00:00Z","cost":0.0000001,"currency":"USD","cost_type":"tax"}
                """;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(jsonl.getBytes(StandardCharsets.UTF_8));
        }
        Read r = read(f);
        assertEquals("GCP BigQuery export (JSONL)", r.format());
        assertEquals(3, r.charges().size());
        assertSameAmount(new BigDecimal("2.033908100"), r.billed());
        assertEquals(PricingModel.COMMITMENT, r.charges().get(0).pricingModel());
        assertEquals(PricingModel.SPOT, r.charges().get(1).pricingModel());
        assertEquals(ChargeCategory.TAX, r.charges().get(2).chargeCategory());
        assertEquals(4, r.charges().get(2).line(), "blank line counted");
        assertEquals("AI and Machine Learning", r.charges().get(2).serviceCategory());
        assertEquals("us-central1", r.charges().get(0).region());
    }

    @Test
    void gcpCsvFromAFlatteningQuery() throws IOException {
        Path f = dir.resolve("gcp.csv");
        Files.writeString(f, """
                billing_account_id,service_description,sku_description,usage_start_time,usage_end_time,project_id,location_region,cost,currency,credits,cost_type
                0123AB,Vertex AI,Online prediction A100,2025-03-01 00:00:00 UTC,2025-03-01 01:00:00 UTC,p1,us-central1,10.5,USD,"[{""name"":""promo"",""amount"":-0.5,""type"":""PROMOTION""}]",regular
                0123AB,Vertex AI,Online prediction A100,2025-03-01 01:00:00 UTC,2025-03-01 02:00:00 UTC,p1,us-central1,10.5,USD,[],regular
                """);
        Read r = read(f);
        assertEquals("GCP BigQuery export (CSV)", r.format());
        assertSameAmount(new BigDecimal("20.5"), r.billed());
        Files.writeString(f, Files.readString(f).replace("[],", "[{oops},"));
        BadInputException e = assertThrows(BadInputException.class, () -> read(f));
        assertTrue(e.getMessage().contains("line 3, column 10 (credits): expected a JSON array"), e.getMessage());
    }

    @Test
    void emptyTruncatedAndParquetFilesAreBadInput() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertTrue(assertThrows(BadInputException.class, () -> read(empty))
                .getMessage()
                .contains("empty"));
        Path parquet = dir.resolve("x.parquet");
        Files.write(parquet, new byte[] {'P', 'A', 'R', '1', 0, 0});
        assertTrue(assertThrows(BadInputException.class, () -> read(parquet))
                .getMessage()
                .contains("Parquet"));
        Path gz = dir.resolve("cut.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("BilledCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,ChargeCategory\n"
                            + "1.5,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage\n".repeat(20000))
                    .getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(all, all.length / 2));
        BadInputException e = assertThrows(BadInputException.class, () -> read(gz));
        assertTrue(
                e.getMessage().contains("cut.csv.gz") && e.getMessage().contains("truncated or corrupt"),
                e.getMessage());
        assertTrue(assertThrows(BadInputException.class, () -> read(dir.resolve("nope.csv")))
                .getMessage()
                .contains("no such file"));
    }
}
