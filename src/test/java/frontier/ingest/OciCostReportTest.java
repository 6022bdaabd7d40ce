package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oracle Cloud cost reports: the real sample's figures (checked against an independent CSV reading and a
 * hand check with awk/python), detection, and errors that name file, line and column.
 */
class OciCostReportTest {
    private static final String SAMPLE = "oci_cost_report_focus_converters.csv";
    private static final String TENANCY =
            "ocid1.tenancy.oc1..aaaaaaaadsyhydp66mjpsohqocfcgzaabtrit47ex2igzu2j6lhuadrrglca";
    /** The header of a minimal report: the required columns, a description, the correction flag and two tags. */
    private static final String HEADER =
            "lineItem/tenantId,lineItem/intervalUsageStart,lineItem/intervalUsageEnd,product/service,"
                    + "product/Description,cost/myCost,cost/currencyCode,lineItem/isCorrection,tags/team,tags/Oracle-Tags.CreatedBy\n";

    @TempDir
    Path dir;

    private static List<Charge> read(Path f) {
        return NormalisedFieldsTest.read(f);
    }

    private static void assertSameAmount(BigDecimal expected, BigDecimal actual) {
        NormalisedFieldsTest.assertSameAmount(expected, actual);
    }

    private static BigDecimal sum(List<Charge> charges, java.util.function.Function<Charge, BigDecimal> f) {
        return NormalisedFieldsTest.sum(charges, f);
    }

    @Test
    void realSampleIsReadWithMyCostAsBilledAndEffectiveCost() throws IOException {
        Path f = Samples.billing(SAMPLE);
        BillingSourceTest.Read r = BillingSourceTest.read(f);
        assertEquals("OCI cost report", r.format());
        assertEquals(CostBasis.BOTH, r.basis());
        List<Charge> c = r.charges();
        assertEquals(506, c.size());
        BigDecimal myCost = Samples.columnSum(f, "cost/myCost");
        assertSameAmount(new BigDecimal("2.523589325400648027"), myCost);
        assertSameAmount(myCost, sum(c, Charge::billedCost));
        assertSameAmount(myCost, sum(c, Charge::effectiveCost));
        assertTrue(c.stream().allMatch(x -> x.listCost() == null), "the report carries no list price");
        assertSameAmount(Samples.columnSum(f, "usage/billedQuantity"), sum(c, Charge::quantity));
        assertTrue(c.stream()
                .allMatch(x -> "USD".equals(x.currency())
                        && "Oracle".equals(x.provider())
                        && TENANCY.equals(x.billingAccount())));
        assertEquals(
                Instant.parse("2023-11-13T05:00:00Z").getEpochSecond(),
                c.stream().mapToLong(Charge::periodStart).min().orElseThrow());
        assertEquals(
                Instant.parse("2023-11-13T12:00:00Z").getEpochSecond(),
                c.stream().mapToLong(Charge::periodEnd).max().orElseThrow());
        assertTrue(c.stream().allMatch(x -> x.periodEnd() - x.periodStart() == 3600), "hourly rows");
        assertEquals(Map.of(PricingModel.ON_DEMAND, 506L), r.byPricing());
        assertTrue(
                c.stream().allMatch(x -> x.chargeCategory() == ChargeCategory.USAGE && x.chargeClass() == null),
                "no corrections in the sample");
        Map<String, Long> byService = c.stream().collect(Collectors.groupingBy(Charge::service, Collectors.counting()));
        assertEquals(
                Map.of(
                        "TELEMETRY",
                        197L,
                        "COMPUTE",
                        85L,
                        "DATABASE",
                        74L,
                        "MYSQL",
                        74L,
                        "NETWORK",
                        40L,
                        "BLOCK_STORAGE",
                        18L,
                        "ORACLE_STREAMING_SERVICE",
                        12L,
                        "OBJECTSTORE",
                        6L),
                byService);
        assertSameAmount(
                new BigDecimal("0.076431106730741889"),
                sum(c.stream().filter(x -> x.service().equals("COMPUTE")).toList(), Charge::billedCost));
        assertTrue(c.stream().filter(x -> x.service().equals("COMPUTE")).allMatch(x -> "Compute"
                .equals(x.serviceCategory())));
        Map<String, Long> byCompartment =
                c.stream().collect(Collectors.groupingBy(Charge::subAccount, Collectors.counting()));
        assertEquals(
                Map.of(
                        TENANCY,
                        500L,
                        "ocid1.compartment.oc1..aaaaaaaavlr5ogywanxxoltxnufi5jo7k76c4lxo2lenait7o3cdjfdzirfa",
                        6L),
                byCompartment);

        Charge first = c.getFirst();
        assertEquals(2, first.line());
        assertEquals("us-sanjose-1", first.region());
        assertEquals("B92911", first.sku());
        assertEquals("Hours", first.unit());
        assertTrue(first.resourceId().startsWith("ocid1.autonomousdatabase.oc1.us-sanjose-1."), first.resourceId());
        assertNull(first.instanceType(), "descriptions name a shape family, not a shape");
        assertEquals(
                "{\"Oracle-Tags.CreatedBy\":\"default/phil.newman@oracle.com\",\"OracleInternalReserved.CostCenter\":\"607825\","
                        + "\"OracleInternalReserved.OwnerEmail\":\"marek.czajka@oracle.com\",\"OracleInternalReserved.Phonebook\":\"accounts\","
                        + "\"OracleInternalReserved.ServiceType\":\"Other\",\"OracleInternalReserved.UsageType\":\"development-pre-production\","
                        + "\"Valtest.Cat\":\"boots\"}",
                first.tags());
        assertEquals(272, c.stream().filter(x -> x.tags() != null).count(), "rows with at least one tags/ cell");
        assertEquals(
                74,
                c.stream()
                        .filter(x -> x.tags() != null && x.tags().contains("\"Valtest.Cat\":\"boots\""))
                        .count());
        assertEquals(
                6,
                c.stream()
                        .filter(x -> x.tags() != null
                                && x.tags().contains("\"DevRel\\\\redbull-analytics-hol-4cb4.release\":\"1.0\""))
                        .count(),
                "a key keeps its backslash (JSON-escaped)");
    }

    @Test
    void gzippedReportReadsTheSame() throws IOException {
        Path f = Samples.billing(SAMPLE);
        Path gz = dir.resolve("reports_cost-csv_0000000030000269.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(f, out);
        }
        List<Charge> plain = read(f);
        List<Charge> packed = read(gz);
        assertEquals(plain, packed);
    }

    @Test
    void headerIsRecognisedAndAMissingRequiredColumnIsNamed() throws IOException {
        Path ok = Files.writeString(
                dir.resolve("oci.csv"),
                HEADER + TENANCY + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE," + "Standard - E4,0.5,EUR,,,\n");
        BillingSourceTest.Read r = BillingSourceTest.read(ok);
        assertEquals("OCI cost report", r.format());
        assertSameAmount(new BigDecimal("0.5"), r.billed());
        assertNull(r.charges().getFirst().tags(), "empty tag cells are no tags");
        assertNull(r.charges().getFirst().subAccount(), "no compartment column");

        // An OCI usage report (no cost columns) or a cost report cut short is not taken for another format.
        Path noCost = Files.writeString(
                dir.resolve("usage.csv"),
                HEADER.replace("cost/myCost,", "") + TENANCY
                        + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Standard - E4,EUR,,,\n");
        UnknownFormatException e = assertThrows(UnknownFormatException.class, () -> read(noCost));
        String m = e.getMessage();
        assertTrue(m.contains("unknown billing export format"), m);
        assertTrue(m.contains("\n  Oracle Cloud (OCI) cost report: missing cost/myCost\n"), m);
        for (BillingFormat f : BillingFormat.values()) assertTrue(m.contains(f.label() + ": missing"), m);

        Path focus = Samples.billing(
                "focus_1.3_synthetic_aws_header_plus_3rows.csv"); // outside assertThrows: a skip, not a failure
        BadInputException forced = assertThrows(
                BadInputException.class, () -> BillingSourceTest.read(focus, new ReadOptions(BillingFormat.OCI, null)));
        assertTrue(
                forced.getMessage()
                        .contains(
                                "not a Oracle Cloud (OCI) cost report export: missing columns lineItem/intervalUsageStart, "
                                        + "lineItem/intervalUsageEnd, cost/myCost, cost/currencyCode, lineItem/tenantId"),
                forced.getMessage());
        assertEquals(BillingFormat.OCI, BillingFormat.fromCode("OCI"));
    }

    @Test
    void badValuesNameFileLineAndColumn() throws IOException {
        String good = TENANCY + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Standard - E4,0.5,USD,false,,\n";
        assertEquals(
                "line 3, column 6 (cost/myCost): expected a decimal number (like 12.50 or -0.0003), got '0,5€'",
                error(good + TENANCY
                        + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Standard - E4,\"0,5€\",USD,false,,\n"));
        assertEquals(
                "line 3, column 3 (lineItem/intervalUsageEnd): expected a time not before the start of the charge period, got '2024-09-18T21:00:00Z'",
                error(good + TENANCY
                        + ",2024-09-18T22:00Z,2024-09-18T21:00:00Z,COMPUTE,Standard - E4,0.5,USD,false,,\n"));
        assertEquals(
                "line 3, column 2 (lineItem/intervalUsageStart): expected a date-time like 2024-09-01T00:00:00Z or 2024-09-01 00:00:00, got '18.09.2024 22:00'",
                error(good + TENANCY
                        + ",18.09.2024 22:00,2024-09-18T23:00:00Z,COMPUTE,Standard - E4,0.5,USD,false,,\n"));
        assertEquals(
                "line 3, column 8 (lineItem/isCorrection): expected true, false or nothing, got 'yes'",
                error(good + TENANCY
                        + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Standard - E4,0.5,USD,yes,,\n"));
        assertEquals(
                "line 3, column 1 (lineItem/tenantId): expected the tenancy's OCID (ocid1.tenancy…), got nothing",
                error(good + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Standard - E4,0.5,USD,false,,\n"));
        assertEquals(
                "line 3, column 7 (cost/currencyCode): expected a currency code like USD, got nothing",
                error(good + TENANCY + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Standard - E4,0.5,,false,,\n"));
    }

    /** The error of reading HEADER + rows, after its "FILE: " prefix (checked to name the file). */
    private String error(String rows) throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), HEADER + rows, StandardCharsets.UTF_8);
        BadInputException e = assertThrows(BadInputException.class, () -> read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        return e.getMessage().substring((f + ": ").length());
    }

    @Test
    void correctionsPreemptibleCapacityAndTagColumns() throws IOException {
        Path f = Files.writeString(
                dir.resolve("oci.csv"),
                HEADER
                        + TENANCY
                        + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Compute - GPU - A10 - Preemptible,1.00,USD,false,ml,\n"
                        + TENANCY
                        + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Compute - GPU - A10,2.00,USD,TRUE,,default/a@b.c\n"
                        + TENANCY
                        + ",2024-09-18T22:00Z,2024-09-18T23:00:00Z,COMPUTE,Compute - GPU - A10,-0.25,USD,true,ml,default/a@b.c\n");
        List<Charge> c = read(f);
        assertEquals(
                List.of(PricingModel.SPOT, PricingModel.ON_DEMAND, PricingModel.ON_DEMAND),
                c.stream().map(Charge::pricingModel).toList());
        assertEquals(
                java.util.Arrays.asList(null, "Correction", "Correction"),
                c.stream().map(Charge::chargeClass).toList());
        assertTrue(c.stream().allMatch(x -> x.chargeCategory() == ChargeCategory.USAGE), "a correction corrects usage");
        assertEquals(
                List.of(
                        "{\"team\":\"ml\"}",
                        "{\"Oracle-Tags.CreatedBy\":\"default/a@b.c\"}",
                        "{\"Oracle-Tags.CreatedBy\":\"default/a@b.c\",\"team\":\"ml\"}"),
                c.stream().map(Charge::tags).toList());
        assertSameAmount(new BigDecimal("2.75"), sum(c, Charge::billedCost));
    }
}
