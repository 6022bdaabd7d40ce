package frontier.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.domain.PricingModel;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ShippedCatalogueTest {
    final PriceCatalogue shipped = PriceCatalogue.shipped();

    @Test
    void shipsAtLeast25InstanceTypesAcrossAwsGcpAndAzureWithOnDemandAndSpotPrices() {
        Set<String> types = shipped.instances().stream()
                .map(p -> p.provider() + "/" + p.instanceType())
                .collect(Collectors.toSet());
        assertTrue(types.size() >= 25, "distinct instance types: " + types.size());
        for (String provider : List.of("aws", "gcp", "azure")) {
            for (PricingModel m : List.of(PricingModel.ON_DEMAND, PricingModel.SPOT)) {
                long n = shipped.instances().stream()
                        .filter(p -> p.provider().equals(provider) && p.pricingModel() == m)
                        .map(InstancePrice::instanceType)
                        .distinct()
                        .count();
                assertTrue(n >= 5, provider + " " + m + ": " + n + " types");
            }
        }
    }

    @Test
    void coversTheCommonInferenceGpusAndCpuFamilies() {
        Set<String> gpus = shipped.instances().stream()
                .map(InstancePrice::gpuModel)
                .filter(g -> g != null)
                .collect(Collectors.toSet());
        for (String g : List.of("T4", "L4", "A10G", "A100-40GB", "A100-80GB", "H100-80GB"))
            assertTrue(gpus.contains(g), g + " in " + gpus);
        Set<String> types =
                shipped.instances().stream().map(InstancePrice::instanceType).collect(Collectors.toSet());
        for (String t : List.of(
                "c7i.xlarge",
                "c6i.xlarge",
                "n2-standard-8",
                "Standard_D4s_v5",
                "g4dn.xlarge",
                "g2-standard-4",
                "a3-highgpu-8g",
                "Standard_NC24ads_A100_v4",
                "p5.48xlarge",
                "inf2.xlarge")) {
            assertTrue(types.contains(t), t);
        }
        assertTrue(shipped.instances().stream().anyMatch(p -> p.gpus() == 0 && p.gpuModel() == null), "CPU-only types");
    }

    @Test
    void everyRowSaysItsSourceAndDate() {
        for (InstancePrice p : shipped.instances()) {
            assertFalse(p.source().isBlank(), p.toString());
            assertNotNull(p.asOf(), p.toString());
            assertTrue(p.asOf().getYear() >= 2025, "dated prices: " + p);
        }
        for (SpotInterruption s : shipped.interruptions())
            assertTrue(!s.source().isBlank() && s.asOf() != null, s.toString());
        for (ServerlessRate s : shipped.serverlessRates())
            assertTrue(!s.source().isBlank() && s.asOf() != null, s.toString());
        // A spot price that is not a provider's quote says how it was made.
        for (InstancePrice p : shipped.instances()) {
            if (p.provider().equals("aws") && p.pricingModel() == PricingModel.SPOT)
                assertTrue(p.source().startsWith("DERIVED"), p.source());
            if (p.provider().equals("azure") && p.pricingModel() == PricingModel.SPOT)
                assertTrue(p.source().startsWith("ESTIMATE"), p.source());
        }
    }

    @Test
    void everySpotAndCommittedPriceIsBelowItsOnDemandPrice() {
        int compared = 0;
        for (InstancePrice p : shipped.instances()) {
            if (p.pricingModel() == PricingModel.ON_DEMAND) continue;
            InstancePrice od = shipped.instance(p.provider(), p.region(), p.instanceType(), PricingModel.ON_DEMAND)
                    .orElseThrow(() -> new AssertionError("no on-demand price for " + p));
            assertTrue(p.usdPerHour().compareTo(od.usdPerHour()) < 0, p + " vs " + od.usdPerHour());
            assertEquals(od.gpus(), p.gpus(), p.toString());
            assertEquals(od.vcpus(), p.vcpus(), p.toString());
            compared++;
        }
        assertTrue(compared >= 50, "compared " + compared);
    }

    @Test
    void shipsServerlessRatesForTheFourPlatformsWithBillingIncrements() {
        ServerlessRate lambda = shipped.serverless("aws-lambda", null).orElseThrow();
        assertEquals("us-east-1", lambda.region());
        assertEquals(0, new BigDecimal("0.0000166667").compareTo(lambda.usdPerGbSecond()));
        assertEquals(0, new BigDecimal("0.0000002").compareTo(lambda.usdPerRequest()));
        assertEquals(0.001, lambda.billingIncrementS());
        assertEquals(0.124, lambda.billedSeconds(0.1231), 1e-12);
        assertTrue(shipped.serverless("sagemaker-serverless", null)
                        .orElseThrow()
                        .usdPerGbSecond()
                        .signum()
                > 0);
        ServerlessRate run = shipped.serverless("cloud-run", null).orElseThrow();
        assertEquals("us-central1", run.region());
        assertEquals(0.1, run.billingIncrementS());
        assertEquals(0.2, run.billedSeconds(0.101), 1e-12);
        assertTrue(shipped.serverless("cloud-run-gpu-l4", "us-central1")
                        .orElseThrow()
                        .usdPerGpuSecond()
                        .signum()
                > 0);
        ServerlessRate aca = shipped.serverless("azure-container-apps", null).orElseThrow();
        assertEquals("eastus", aca.region());
        assertEquals("azure", aca.provider());
        assertTrue(aca.usdPerVcpuSecond().signum() > 0
                && aca.usdPerGbSecond().signum() > 0
                && aca.usdPerRequest().signum() > 0);
    }

    @Test
    void interruptionRowsCoverEveryShippedAwsTypeInItsPricedRegions() {
        for (InstancePrice p : shipped.instances()) {
            if (!p.provider().equals("aws")) continue;
            SpotInterruption s = shipped.interruption("aws", p.region(), p.instanceType())
                    .orElseThrow(() -> new AssertionError(p.toString()));
            assertEquals(SpotInterruption.hazardPerHourForBucket(s.bucket()), s.hazardPerHour(), 1e-15);
        }
    }

    /** The derived AWS spot rows are on-demand × (1 − savings%) of the very feed in ../shared/samples. */
    @Test
    void awsSpotPricesAreOnDemandTimesOneMinusTheAdvisorSavings() {
        Path feed = frontier.ingest.Samples.pricing("aws_spot_advisor_data_2025-06-28.json");
        Map<String, SpotAdvisorImport.Entry> advisor = SpotAdvisorImport.entries(feed, "Linux").stream()
                .collect(Collectors.toMap(e -> e.region() + "/" + e.instanceType(), Function.identity()));
        int checked = 0;
        for (InstancePrice spot : shipped.instances()) {
            if (!spot.provider().equals("aws") || spot.pricingModel() != PricingModel.SPOT) continue;
            SpotAdvisorImport.Entry e = advisor.get(spot.region() + "/" + spot.instanceType());
            assertNotNull(e, spot.toString());
            BigDecimal od = shipped.instance("aws", spot.region(), spot.instanceType(), PricingModel.ON_DEMAND)
                    .orElseThrow()
                    .usdPerHour();
            BigDecimal expected = od.multiply(BigDecimal.valueOf(100 - e.savingsPercent()))
                    .divide(BigDecimal.valueOf(100))
                    .setScale(4, RoundingMode.HALF_UP);
            assertEquals(0, expected.compareTo(spot.usdPerHour()), spot + " expected " + expected);
            assertTrue(spot.source().contains(e.savingsPercent() + "%"), spot.source());
            SpotInterruption s = shipped.interruption("aws", spot.region(), spot.instanceType())
                    .orElseThrow();
            assertEquals(e.bucket(), s.bucket(), spot.toString());
            checked++;
        }
        assertTrue(checked >= 25, "checked " + checked);
    }

    @Test
    void gcpPricesMatchTheCyclenerdSample() throws IOException {
        Path csv = frontier.ingest.Samples.pricing("gcp_gpu_vm_prices_excerpt_cyclenerd_2025-03-06.csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(csv))
                .getRecords();
        for (CSVRecord r : rows) {
            Optional<InstancePrice> od =
                    shipped.instance("gcp", r.get("region"), r.get("machine_type"), PricingModel.ON_DEMAND);
            Optional<InstancePrice> spot =
                    shipped.instance("gcp", r.get("region"), r.get("machine_type"), PricingModel.SPOT);
            assertEquals(
                    0,
                    new BigDecimal(r.get("usd_per_hour_on_demand"))
                            .compareTo(od.orElseThrow().usdPerHour()),
                    r.toString());
            assertEquals(
                    0,
                    new BigDecimal(r.get("usd_per_hour_spot"))
                            .compareTo(spot.orElseThrow().usdPerHour()),
                    r.toString());
            assertEquals("2025-03-06", od.get().asOf().toString());
        }
        assertEquals(13, rows.size());
    }
}
