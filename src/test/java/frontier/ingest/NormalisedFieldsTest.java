package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FOCUS-based cost line beyond the money: list cost, machine type and GPUs, tags, commitments,
 * and the pricing model (on-demand, spot, commitment, serverless) in every format.
 */
class NormalisedFieldsTest {
    @TempDir
    Path dir;

    static List<Charge> read(Path f) {
        return BillingSourceTest.read(f).charges();
    }

    static void assertSameAmount(BigDecimal expected, BigDecimal actual) {
        assertEquals(
                0,
                expected.compareTo(actual),
                "expected " + expected.toPlainString() + ", got " + actual.toPlainString());
    }

    /** Sum of a money field over the charges that have it. */
    static BigDecimal sum(List<Charge> charges, java.util.function.Function<Charge, BigDecimal> f) {
        return charges.stream().map(f).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void focusCarriesListCostTagsCommitmentsAndServerlessLambda() throws IOException {
        Path f = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        List<Charge> c = read(f);
        assertSameAmount(Samples.columnSum(f, "ListCost"), sum(c, Charge::listCost));
        assertEquals(711, c.stream().filter(x -> x.tags() != null).count(), "rows with a Tags object");
        Charge tagged = c.stream().filter(x -> x.tags() != null).findFirst().orElseThrow();
        assertTrue(tagged.tags().startsWith("{\"application\":"), "keys sorted: " + tagged.tags());
        List<Charge> committed = c.stream()
                .filter(x -> x.pricingModel() == PricingModel.COMMITMENT)
                .toList();
        assertEquals(4, committed.size());
        assertTrue(committed.stream()
                .allMatch(x ->
                        x.commitmentId().startsWith("arn:aws:savingsplans::") && "Used".equals(x.commitmentStatus())));
        assertEquals(
                9,
                c.stream()
                        .filter(x -> x.pricingModel() == PricingModel.SERVERLESS)
                        .count());
        assertTrue(c.stream()
                .filter(x -> x.pricingModel() == PricingModel.SERVERLESS)
                .allMatch(x -> x.service().equals("AWS Lambda")));
        assertEquals(51, c.stream().filter(x -> x.resourceName() != null).count());
        assertNull(c.getFirst().chargeClass(), "NULL ChargeClass");
    }

    @Test
    void focus13InstanceTypeComesFromSkuPriceDetails() throws IOException {
        Path f = Samples.billing("focus_1.3_synthetic_aws_header_plus_3rows.csv");
        List<Charge> c = read(f);
        assertEquals(
                List.of("m6i.large"),
                c.stream().map(Charge::instanceType).filter(Objects::nonNull).toList());
        assertSameAmount(Samples.columnSum(f, "ListCost"), sum(c, Charge::listCost));
        assertTrue(
                c.stream().allMatch(x -> x.tags() != null && x.tags().contains("\"CostCenter\":")),
                "Tags on every row");
        assertNull(
                c.stream()
                        .filter(x -> "m6i.large".equals(x.instanceType()))
                        .findFirst()
                        .orElseThrow()
                        .gpuCount(),
                "not a GPU type");
    }

    @Test
    void curInstanceTypeFromTheUsageTypeAndListCostFromPublicOnDemandCost() throws IOException {
        List<Charge> legacy = read(Samples.billing("aws_cur1_legacy_mock_keboola.csv"));
        assertEquals(
                java.util.Arrays.asList("t3.micro", "t3.micro", null),
                legacy.stream().map(Charge::instanceType).toList());
        List<Charge> cur2 = read(Samples.billing("aws_cur2_mock_keboola.csv"));
        assertEquals(
                java.util.Arrays.asList("t3.small", "t3.small", null, "db.t3.micro"),
                cur2.stream().map(Charge::instanceType).toList());
        assertSameAmount(
                sum(cur2, Charge::billedCost),
                sum(cur2, Charge::listCost),
                "no publicOnDemandCost column: list = unblended");

        Path f = Samples.billing("aws_cur1_legacy_anonymized_focus_converters.csv");
        List<Charge> c = read(f);
        assertSameAmount(Samples.columnSum(f, "pricing/publicOnDemandCost"), sum(c, Charge::listCost));
    }

    private static void assertSameAmount(BigDecimal expected, BigDecimal actual, String why) {
        assertEquals(
                0,
                expected.compareTo(actual),
                why + ": expected " + expected.toPlainString() + ", got " + actual.toPlainString());
    }

    @Test
    void curSpotCommitmentServerlessGpusAndTagsInBothLayouts() throws IOException {
        Path cur2 = dir.resolve("cur2.csv");
        Files.writeString(cur2, """
                line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_unblended_cost,line_item_currency_code,line_item_product_code,line_item_usage_type,product_instance_type,pricing_term,savings_plan_savings_plan_a_r_n,savings_plan_savings_plan_effective_cost,resource_tags
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,32.7726,USD,AmazonEC2,USE1-BoxUsage:p4d.24xlarge,p4d.24xlarge,OnDemand,,,"{""user:team"":""chat"",""user:env"":""prod""}"
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,1.7,USD,AmazonEC2,USE1-SpotUsage:g5.12xlarge,g5.12xlarge,,,,
                SavingsPlanCoveredUsage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,5.672,USD,AmazonEC2,USE1-BoxUsage:g5.12xlarge,,OnDemand,arn:aws:savingsplans::1:savingsplan/x,4.0,{}
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,0.002,USD,AWSLambda,USE1-Lambda-GB-Second,,OnDemand,,,
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,0.3,USD,AmazonSageMaker,USE1-ServerlessInf:Mem-4GB,,OnDemand,,,
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,1.515,USD,AmazonSageMaker,USE1-Host:ml.g5.2xlarge,,OnDemand,,,
                """);
        List<Charge> c = read(cur2);
        assertEquals(
                List.of(
                        PricingModel.ON_DEMAND,
                        PricingModel.SPOT,
                        PricingModel.COMMITMENT,
                        PricingModel.SERVERLESS,
                        PricingModel.SERVERLESS,
                        PricingModel.ON_DEMAND),
                c.stream().map(Charge::pricingModel).toList());
        assertEquals(
                java.util.Arrays.asList("p4d.24xlarge", "g5.12xlarge", "g5.12xlarge", null, null, "ml.g5.2xlarge"),
                c.stream().map(Charge::instanceType).toList());
        assertEquals(
                java.util.Arrays.asList(8, 4, 4, null, null, 1),
                c.stream().map(Charge::gpuCount).toList());
        assertEquals("{\"user:env\":\"prod\",\"user:team\":\"chat\"}", c.get(0).tags());
        assertNull(c.get(2).tags(), "an empty map is no tags");
        assertEquals("arn:aws:savingsplans::1:savingsplan/x", c.get(2).commitmentId());
        assertEquals("Used", c.get(2).commitmentStatus());

        Path legacy = dir.resolve("legacy.csv");
        Files.writeString(legacy, """
                lineItem/LineItemType,lineItem/UsageStartDate,lineItem/UsageEndDate,lineItem/UnblendedCost,lineItem/CurrencyCode,lineItem/ProductCode,lineItem/UsageType,resourceTags/user:team,resourceTags/user:env
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,1,USD,AmazonEC2,BoxUsage:g6.xlarge,search,prod
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,1,USD,AmazonEC2,BoxUsage:g6.xlarge,,
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,1,USD,AmazonEC2,BoxUsage:g6.xlarge,,dev
                """);
        List<Charge> l = read(legacy);
        assertEquals(
                java.util.Arrays.asList(
                        "{\"user:env\":\"prod\",\"user:team\":\"search\"}", null, "{\"user:env\":\"dev\"}"),
                l.stream().map(Charge::tags).toList());
        assertEquals(1, l.getFirst().gpuCount());
    }

    @Test
    void azureTagsWithoutBracesVmSizeListCostAndSpot() throws IOException {
        Path f = Samples.billing("azure_ea_actualcost_small.csv");
        List<Charge> c = read(f);
        BigDecimal expected = BigDecimal.ZERO;
        for (CSVRecord r : records(f)) {
            boolean purchase = r.get("ChargeType").equals("Purchase");
            expected = expected.add(
                    purchase
                            ? new BigDecimal(r.get("Cost"))
                            : new BigDecimal(r.get("PayGPrice")).multiply(new BigDecimal(r.get("Quantity"))));
        }
        assertSameAmount(expected, sum(c, Charge::listCost));
        assertEquals(
                List.of("Standard_D2s_v3"),
                c.stream()
                        .map(Charge::instanceType)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList(),
                "AdditionalInfo ServiceType; SQLThreatDetection is not a size");
        assertEquals(9, c.stream().filter(x -> x.tags() != null).count());
        assertTrue(
                c.stream().anyMatch(x -> "{\"CostCenter\":\"SubACM\"}".equals(x.tags())),
                "Azure writes the object without braces");

        List<Charge> e = read(Samples.billing("azure_ea_export_anonymized_focus_converters.csv"));
        assertEquals(
                3, e.stream().filter(x -> x.pricingModel() == PricingModel.SPOT).count());
        assertEquals(
                "{\"tagA\":\"valueA\",\"tagB\":\"valueB\",\"tagC\":\"valueC\"}",
                e.getFirst().tags());

        List<Charge> m = read(Samples.billing("azure_ea_amortizedcost_small.csv"));
        List<Charge> committed = m.stream()
                .filter(x -> x.pricingModel() == PricingModel.COMMITMENT)
                .toList();
        assertEquals(2, committed.size());
        assertTrue(committed.stream().allMatch(x -> x.commitmentId() != null), "ReservationId / benefitId");
    }

    @Test
    void azureFunctionsAreServerless() throws IOException {
        Path f = dir.resolve("costdetails_actual.csv");
        Files.writeString(f, """
                Date,CostInBillingCurrency,BillingCurrency,SubscriptionId,MeterCategory,MeterName,PricingModel,ChargeType,Quantity,PayGPrice,Tags
                2025-03-01,0.40,USD,s1,Functions,Standard Execution Time,OnDemand,Usage,25000,0.000016,
                2025-03-01,0.20,USD,s1,Functions,Standard Execution Time,SavingsPlan,Usage,25000,0.000016,
                2025-03-01,1.10,USD,s1,Virtual Machines,NC4as T4 v3 Spot,Spot,Usage,1,3.5,"{""team"": ""vision""}"
                """);
        List<Charge> c = read(f);
        assertEquals(
                List.of(PricingModel.SERVERLESS, PricingModel.COMMITMENT, PricingModel.SPOT),
                c.stream().map(Charge::pricingModel).toList());
        assertSameAmount(new BigDecimal("0.4"), c.getFirst().listCost());
        assertEquals("{\"team\":\"vision\"}", c.get(2).tags());
    }

    @Test
    void gcpLabelsMachineSpecListCostAndServerlessCloudRun() throws IOException {
        Path f = dir.resolve("gcp.jsonl");
        Files.writeString(f, """
                {"billing_account_id":"A","service":{"description":"Compute Engine"},"sku":{"description":"Nvidia Tesla A100 GPU running in Americas"},"usage_start_time":"2025-03-01T00:00:00Z","usage_end_time":"2025-03-01T01:00:00Z","cost":2.93,"cost_at_list":3.1,"currency":"USD","labels":[{"key":"team","value":"chat"},{"key":"env","value":"prod"}],"system_labels":[{"key":"compute.googleapis.com/machine_spec","value":"a2-highgpu-4g"},{"key":"compute.googleapis.com/cores","value":"48"}],"resource":{"name":"vm-1","global_name":"//compute.googleapis.com/projects/p/zones/z/instances/1"}}
                {"billing_account_id":"A","service":{"description":"Cloud Run"},"sku":{"description":"CPU Allocation Time"},"usage_start_time":"2025-03-01T00:00:00Z","usage_end_time":"2025-03-01T01:00:00Z","cost":0.5,"currency":"USD","credits":[{"name":"Free tier","amount":-0.1,"type":"FREE_TIER"}]}
                {"billing_account_id":"A","service":{"description":"Compute Engine"},"sku":{"description":"Spot Preemptible Nvidia L4 GPU running in Americas"},"usage_start_time":"2025-03-01T00:00:00Z","usage_end_time":"2025-03-01T01:00:00Z","cost":0.2,"currency":"USD","system_labels":[{"key":"compute.googleapis.com/machine_spec","value":"g2-standard-24"}]}
                """);
        List<Charge> c = read(f);
        assertEquals(
                List.of(PricingModel.ON_DEMAND, PricingModel.SERVERLESS, PricingModel.SPOT),
                c.stream().map(Charge::pricingModel).toList());
        assertEquals("a2-highgpu-4g", c.getFirst().instanceType());
        assertEquals(4, c.getFirst().gpuCount());
        assertEquals(2, c.get(2).gpuCount(), "g2-standard-24 has two L4s");
        assertEquals("{\"env\":\"prod\",\"team\":\"chat\"}", c.getFirst().tags());
        assertEquals("vm-1", c.getFirst().resourceName());
        assertSameAmount(new BigDecimal("3.1"), c.getFirst().listCost());
        assertSameAmount(new BigDecimal("0.5"), c.get(1).listCost(), "list is cost before credits");
        assertSameAmount(new BigDecimal("0.4"), c.get(1).billedCost());
    }

    @Test
    void malformedTagsNameTheirLineAndColumn() throws IOException {
        Path f = dir.resolve("focus.csv");
        Files.writeString(
                f,
                "BilledCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,ChargeCategory,Tags\n"
                        + "1,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage,\"{\"\"env\"\":\"\"prod\"\"}\"\n"
                        + "1,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage,[1\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(f));
        assertTrue(e.getMessage().contains("line 3, column 7 (Tags): expected tags as a JSON object"), e.getMessage());
    }

    @Test
    void gpuCountsOfKnownMachineTypes() {
        Map<String, Integer> expected = Map.of(
                "p5.48xlarge",
                8,
                "ml.g5.12xlarge",
                4,
                "g6e.xlarge",
                1,
                "Standard_NC24ads_A100_v4",
                1,
                "Standard_ND96isr_H100_v5",
                8,
                "a3-highgpu-8g",
                8,
                "a2-ultragpu-2g",
                2);
        expected.forEach((t, n) -> assertEquals(n, Machines.gpuCount(t), t));
        assertNull(Machines.gpuCount("m6i.large"));
        assertNull(Machines.gpuCount("inf2.48xlarge"), "Inferentia is not a GPU");
        assertEquals("p4d.24xlarge", Machines.fromAwsUsageType("USE1-BoxUsage:p4d.24xlarge"));
        assertEquals("db.r5.large", Machines.fromAwsUsageType("InstanceUsage:db.r5.large"));
        assertNull(Machines.fromAwsUsageType("USE1-TimedStorage-ByteHrs"));
        assertNull(Machines.fromAwsUsageType("USE1-ServerlessInf:Mem-4GB"));
    }
}
