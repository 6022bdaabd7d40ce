package frontier.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueLoadingTest {
    static final String HEADER =
            "provider,region,instance_type,gpu_model,gpus,vcpus,memory_gib,pricing_model,usd_per_hour,source,as_of\n";
    static final String G5 = "aws,us-east-1,g5.xlarge,A10G,1,4,16,on_demand,0.9,our EDP rate sheet,2025-09-01\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private BadInputException fails(String text) throws IOException {
        Path f = write("bad.csv", text);
        return assertThrows(BadInputException.class, () -> PriceCatalogue.load(f));
    }

    @Test
    void lookupsUseTheProvidersDefaultRegionWhenNoneIsGiven() {
        PriceCatalogue c = PriceCatalogue.shipped();
        InstancePrice g5 =
                c.instance("aws", null, "g5.xlarge", PricingModel.ON_DEMAND).orElseThrow();
        assertEquals("us-east-1", g5.region());
        assertEquals(0, new BigDecimal("1.006").compareTo(g5.usdPerHour()));
        assertEquals("A10G", g5.gpuModel());
        assertEquals(1, g5.gpus());
        assertEquals(
                "us-central1",
                c.instance("gcp", null, "g2-standard-4", PricingModel.SPOT)
                        .orElseThrow()
                        .region());
        assertEquals(
                "eastus",
                c.instance("azure", null, "Standard_NC4as_T4_v3", PricingModel.ON_DEMAND)
                        .orElseThrow()
                        .region());
        assertEquals(
                c.instance("aws", "us-west-2", "g5.xlarge", PricingModel.SPOT),
                c.instance("AWS", "US-WEST-2", "G5.XLARGE", PricingModel.SPOT),
                "keys compare case-insensitively");
        assertTrue(
                c.instance("aws", "us-west-2", "g5.xlarge", PricingModel.SPOT).isPresent());
        assertTrue(
                c.instance("aws", null, "no-such.type", PricingModel.ON_DEMAND).isEmpty());
        assertTrue(
                c.instance("oracle", null, "g5.xlarge", PricingModel.ON_DEMAND).isEmpty(),
                "no default region for an unknown provider");
        assertTrue(
                c.instance("aws", "mars-1", "g5.xlarge", PricingModel.ON_DEMAND).isEmpty());
        assertEquals(
                ">20%", c.interruption("aws", null, "g5.xlarge").orElseThrow().bucket());
        assertTrue(c.interruption("gcp", null, "g2-standard-4").isEmpty(), "GCP publishes no interruption buckets");
        assertEquals(PriceCatalogue.defaultRegion("gcp").orElseThrow(), "us-central1");
    }

    @Test
    void userRowsReplaceShippedRowsWithTheSameKeyAndAddNewOnes() throws IOException {
        Path f = write(
                "mine.csv",
                HEADER + G5
                        + "coreweave,us-east-04,gd-1xh100,H100-80GB,1,16,128,on_demand,4.25,coreweave.com/pricing,2025-08-01\n");
        PriceCatalogue shipped = PriceCatalogue.shipped();
        PriceCatalogue merged = shipped.overriddenBy(PriceCatalogue.load(f));
        InstancePrice g5 = merged.instance("aws", null, "g5.xlarge", PricingModel.ON_DEMAND)
                .orElseThrow();
        assertEquals(0, new BigDecimal("0.9").compareTo(g5.usdPerHour()));
        assertEquals("our EDP rate sheet", g5.source());
        assertEquals(LocalDate.of(2025, 9, 1), g5.asOf());
        assertEquals(shipped.instances().size() + 1, merged.instances().size());
        assertTrue(merged.instance("coreweave", "us-east-04", "gd-1xh100", PricingModel.ON_DEMAND)
                .isPresent());
        assertEquals(
                shipped.instance("aws", null, "g5.xlarge", PricingModel.SPOT),
                merged.instance("aws", null, "g5.xlarge", PricingModel.SPOT));
        assertEquals(
                0,
                new BigDecimal("1.006")
                        .compareTo(shipped.instance("aws", null, "g5.xlarge", PricingModel.ON_DEMAND)
                                .orElseThrow()
                                .usdPerHour()),
                "the shipped catalogue is unchanged");
    }

    @Test
    void aDirectoryCatalogueReadsEveryCsvFileWhateverItsNameByItsHeader() throws IOException {
        write("a.csv", HEADER + G5);
        write(
                "b.csv",
                "provider,region,instance_type,bucket,source,as_of\naws,us-east-1,g5.xlarge,<5%,our measurements,2025-09-01\n");
        write(
                "c.csv",
                "platform,region,usd_per_request,usd_per_gb_second,usd_per_vcpu_second,usd_per_gpu_second,billing_increment_s,source,as_of\n"
                        + "aws-lambda,eu-west-1,0.0000002,0.0000166667,0,0,0.001,aws.amazon.com/lambda/pricing,2025-06-01\n");
        write("notes.txt", "not a catalogue");
        PriceCatalogue merged = PriceCatalogue.shipped().overriddenBy(PriceCatalogue.load(dir));
        assertEquals(
                "<5%",
                merged.interruption("aws", null, "g5.xlarge").orElseThrow().bucket());
        assertTrue(merged.serverless("aws-lambda", "eu-west-1").isPresent());
        assertEquals(
                0,
                new BigDecimal("0.9")
                        .compareTo(merged.instance("aws", null, "g5.xlarge", PricingModel.ON_DEMAND)
                                .orElseThrow()
                                .usdPerHour()));
    }

    @Test
    void commentsBlankLinesByteOrderMarkAndExtraXColumnsAreAccepted() throws IOException {
        Path f = write(
                "x.csv",
                "\uFEFF" + HEADER.replace("\n", ",x_note\n") + "# our negotiated prices\n\n"
                        + G5.replace("\n", ",from Q3 deal\n"));
        PriceCatalogue c = PriceCatalogue.load(f);
        assertEquals(1, c.instances().size());
        Path cpu = write(
                "cpu.csv",
                "provider,region,instance_type,vcpus,memory_gib,pricing_model,usd_per_hour,source,as_of\n"
                        + "aws,us-east-1,c7i.large,2,4,on_demand,0.08925,aws.amazon.com,2025-06-01\n");
        InstancePrice p = PriceCatalogue.load(cpu).instances().getFirst();
        assertNull(p.gpuModel(), "gpu columns are optional: a CPU-only type");
        assertEquals(0, p.gpus());
    }

    @Test
    void unknownColumnsAreErrorsUnlessTheyStartWithX() throws IOException {
        BadInputException e = fails(HEADER.replace("\n", ",discount\n") + G5.replace("\n", ",5\n"));
        assertTrue(
                e.getMessage().contains("bad.csv: line 1: unknown column 'discount'")
                        && e.getMessage().contains("x_"),
                e.getMessage());
        e = fails(HEADER.replace("source,", "") + "aws,us-east-1,g5.xlarge,A10G,1,4,16,on_demand,0.9,2025-09-01\n");
        assertTrue(e.getMessage().contains("line 1: missing column 'source'"), e.getMessage());
        e = fails("name,price\na,1\n");
        assertTrue(e.getMessage().contains("cannot tell what this catalogue file holds"), e.getMessage());
        e = fails("");
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void duplicateKeysInOneFileNameBothLines() throws IOException {
        BadInputException e =
                fails(HEADER + G5 + "# again\n" + G5.replace("0.9", "0.8").replace("g5.xlarge", "G5.XLARGE"));
        assertTrue(
                e.getMessage().contains("bad.csv: line 4: duplicates ")
                        && e.getMessage().contains("bad.csv line 2"),
                e.getMessage());
        assertTrue(
                e.getMessage().toLowerCase().contains("g5.xlarge")
                        && e.getMessage().contains("on_demand"),
                e.getMessage());
        Path both = Files.createDirectory(dir.resolve("both"));
        Files.writeString(both.resolve("one.csv"), HEADER + G5);
        Files.writeString(both.resolve("two.csv"), HEADER + G5);
        BadInputException across = assertThrows(BadInputException.class, () -> PriceCatalogue.load(both));
        assertTrue(
                across.getMessage().contains("two.csv: line 2: duplicates")
                        && across.getMessage().contains("one.csv line 2"),
                across.getMessage());
    }

    @Test
    void badValuesNameFileLineColumnAndWhatWasExpected() throws IOException {
        String[][] cases = {
            {"0.9", "zero", "column 'usd_per_hour': expected a positive decimal number of US dollars", "'zero'"},
            {"0.9", "-1", "column 'usd_per_hour'", "'-1'"},
            {"0.9", "0", "column 'usd_per_hour': expected a positive decimal number", "'0'"},
            {"on_demand", "reserved", "column 'pricing_model': expected on_demand, spot or committed", "'reserved'"},
            {"on_demand", "serverless", "serverless rates go in a serverless file", "'serverless'"},
            {"2025-09-01", "09/01/2025", "column 'as_of': expected an ISO date", "'09/01/2025'"},
            {"2025-09-01", "2025-02-30", "column 'as_of'", "'2025-02-30'"},
            {",4,16", ",four,16", "column 'vcpus': expected a whole number from 1", "'four'"},
            {",4,16", ",4,-16", "column 'memory_gib': expected a positive number of GiB", "'-16'"},
            {"A10G,1", ",1", "column 'gpu_model': expected a GPU model", "an empty value"},
            {"A10G,1", "A10G,0", "column 'gpus': expected a number of GPUs >= 1", "'0'"},
            {"our EDP rate sheet", "", "column 'source': expected where the price comes from", "an empty value"},
            {"g5.xlarge", "g5 xlarge", "column 'instance_type': expected an instance type name", "'g5 xlarge'"},
            {"aws,", "a w s,", "column 'provider'", "'a w s'"},
        };
        for (String[] c : cases) {
            BadInputException e = fails(HEADER + G5.replace(c[0], c[1]));
            assertTrue(
                    e.getMessage().startsWith(dir.resolve("bad.csv") + ": line 2, column '")
                            || e.getMessage().contains("line 2"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(c[2]) && e.getMessage().contains(c[3]), c[1] + " -> " + e.getMessage());
        }
        BadInputException fields = fails(HEADER + "\n\n" + G5.replace(",2025-09-01", ""));
        assertTrue(
                fields.getMessage().contains("line 4: expected 11 fields as in the header, found 10"),
                fields.getMessage());
        BadInputException quote = fails(HEADER + G5 + "aws,\"us-east-1,g5\n");
        assertTrue(quote.getMessage().contains("malformed CSV"), quote.getMessage());
        BadInputException bucket = fails(
                "provider,region,instance_type,bucket,monthly_frequency,source,as_of\naws,us-east-1,g5.xlarge,often,,x,2025-01-01\n");
        assertTrue(
                bucket.getMessage().contains("line 2, column 'bucket': expected one of <5%, 5-10%"),
                bucket.getMessage());
        BadInputException freq = fails(
                "provider,region,instance_type,bucket,monthly_frequency,source,as_of\naws,us-east-1,g5.xlarge,<5%,1.5,x,2025-01-01\n");
        assertTrue(freq.getMessage().contains("column 'monthly_frequency': expected a probability"), freq.getMessage());
        BadInputException zero = fails(
                "platform,region,usd_per_request,usd_per_gb_second,usd_per_vcpu_second,usd_per_gpu_second,billing_increment_s,source,as_of\n"
                        + "free,us-east-1,0,0,0,0,1,x,2025-01-01\n");
        assertTrue(zero.getMessage().contains("at least one non-zero rate"), zero.getMessage());
        Path binary = dir.resolve("latin1.csv");
        Files.write(binary, new byte[] {'p', 'r', (byte) 0xE9, '\n'});
        assertTrue(assertThrows(BadInputException.class, () -> PriceCatalogue.load(binary))
                .getMessage()
                .contains("not UTF-8"));
        assertThrows(BadInputException.class, () -> PriceCatalogue.load(dir.resolve("missing.csv")));
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertTrue(assertThrows(BadInputException.class, () -> PriceCatalogue.load(empty))
                .getMessage()
                .contains("no .csv"));
    }

    @Test
    void writtenCsvReadsBackToTheSameRows() throws IOException {
        PriceCatalogue shipped = PriceCatalogue.shipped();
        StringBuilder a = new StringBuilder();
        CatalogueCsv.writeInstances(a, shipped.instances());
        StringBuilder b = new StringBuilder();
        CatalogueCsv.writeInterruptions(b, shipped.interruptions());
        StringBuilder c = new StringBuilder();
        CatalogueCsv.writeServerless(c, shipped.serverlessRates());
        assertEquals(
                shipped.instances(), PriceCatalogue.parse(a.toString(), "a.csv").instances());
        assertEquals(
                shipped.interruptions(),
                PriceCatalogue.parse(b.toString(), "b.csv").interruptions());
        assertEquals(
                shipped.serverlessRates(),
                PriceCatalogue.parse(c.toString(), "c.csv").serverlessRates());
        SpotInterruption measured = SpotInterruption.ofFrequency(
                "aws", "us-east-1", "g5.xlarge", "5-10%", 0.09, "m", LocalDate.of(2025, 7, 1));
        StringBuilder d = new StringBuilder();
        CatalogueCsv.writeInterruptions(d, java.util.List.of(measured));
        assertEquals(
                measured,
                PriceCatalogue.parse(d.toString(), "d.csv").interruptions().getFirst());
    }

    @Test
    void inlineRowsMakeACatalogueAndDuplicatesAreRejected() {
        InstancePrice p = new InstancePrice(
                "aws",
                "us-east-1",
                "g5.xlarge",
                "A10G",
                1,
                4,
                16,
                PricingModel.ON_DEMAND,
                new BigDecimal("0.9"),
                "scenario",
                LocalDate.of(2025, 9, 1));
        PriceCatalogue c = PriceCatalogue.of(java.util.List.of(p), java.util.List.of(), java.util.List.of());
        assertEquals(
                p, c.instance("aws", null, "g5.xlarge", PricingModel.ON_DEMAND).orElseThrow());
        assertThrows(
                BadInputException.class,
                () -> PriceCatalogue.of(java.util.List.of(p, p), java.util.List.of(), java.util.List.of()));
        assertTrue(PriceCatalogue.empty().instances().isEmpty());
    }
}
