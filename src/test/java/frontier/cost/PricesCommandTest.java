package frontier.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frontier prices ...} through the real command line. */
class PricesCommandTest {

    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void listPrintsATableWithSourceAndDate() {
        CliRun r = cli("prices", "list", "--provider", "gcp", "--type", "a3-highgpu-8g", "--model", "spot");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out().contains("SOURCE")
                        && r.out().contains("AS OF")
                        && r.out().contains("2025-03-06"),
                r.out());
        assertTrue(r.out().contains("35.3957496986301") && r.out().contains("Cyclenerd"), r.out());
        assertTrue(r.out().strip().endsWith("5 rows"), r.out());
        assertTrue(cli("prices", "list", "--type", "no-such-type").out().contains("No instance prices match"));
    }

    @Test
    void listJsonHasTheDocumentedFields() throws IOException {
        CliRun r = cli("prices", "list", "--provider", "aws", "--region", "us-east-1", "--type", "g5.xlarge", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out()).get("instances");
        assertEquals(2, rows.size(), r.out());
        JsonNode od = rows.get(0);
        for (String f : new String[] {
            "provider",
            "region",
            "instance_type",
            "gpu_model",
            "gpus",
            "vcpus",
            "memory_gib",
            "pricing_model",
            "usd_per_hour",
            "source",
            "as_of"
        }) {
            assertTrue(od.has(f), f + " in " + od);
        }
        assertEquals("on_demand", od.get("pricing_model").asText());
        assertEquals(1.006, od.get("usd_per_hour").asDouble(), 1e-12);
        assertEquals("A10G", od.get("gpu_model").asText());
        assertEquals("spot", rows.get(1).get("pricing_model").asText());
        JsonNode cpu = new ObjectMapper()
                .readTree(cli("prices", "list", "--type", "c7i.xlarge", "--model", "on_demand", "--json")
                        .out());
        assertTrue(cpu.at("/instances/0/gpu_model").isNull(), cpu.toString());

        JsonNode s = new ObjectMapper()
                .readTree(cli("prices", "list", "--kind", "serverless", "--type", "lambda", "--json")
                        .out());
        assertTrue(
                s.at("/serverless/0/usd_per_gb_second").isNumber()
                        && s.at("/serverless/0/billing_increment_s").asDouble() == 0.001,
                s.toString());
        JsonNode i = new ObjectMapper()
                .readTree(cli(
                                "prices",
                                "list",
                                "--kind",
                                "interruptions",
                                "--type",
                                "g5.xlarge",
                                "--region",
                                "us-east-1",
                                "--json")
                        .out());
        assertEquals(">20%", i.at("/interruptions/0/bucket").asText());
        assertEquals(
                -Math.log(0.75) / 730, i.at("/interruptions/0/hazard_per_hour").asDouble(), 1e-15);
    }

    @Test
    void csvOutputIsACatalogueThatReadsBackAndOverrides() throws IOException {
        CliRun r = cli("prices", "list", "--type", "g6.xlarge", "--csv");
        assertEquals(0, r.code(), r.err());
        Path mine = dir.resolve("mine.csv");
        Files.writeString(mine, r.out().replace(",0.8048,", ",0.7000,"));
        CliRun merged = cli(
                "prices",
                "list",
                "--catalogue",
                mine.toString(),
                "--type",
                "g6.xlarge",
                "--model",
                "on_demand",
                "--region",
                "us-east-1",
                "--json");
        assertEquals(0, merged.code(), merged.err());
        assertEquals(
                0.7,
                new ObjectMapper()
                        .readTree(merged.out())
                        .at("/instances/0/usd_per_hour")
                        .asDouble(),
                1e-12);
    }

    @Test
    void badInputExitsWithTwoAndOneMessage() throws IOException {
        CliRun model = cli("prices", "list", "--model", "reserved");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("--model") && model.out().isEmpty(), model.err());
        assertEquals(1, model.err().strip().lines().count(), model.err());
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                "provider,region,instance_type,vcpus,memory_gib,pricing_model,usd_per_hour,source,as_of\naws,us-east-1,x1,2,4,on_demand,cheap,me,2025-01-01\n");
        CliRun catalogue = cli("prices", "list", "--catalogue", bad.toString());
        assertEquals(2, catalogue.code());
        assertTrue(catalogue.err().contains("bad.csv: line 2, column 'usd_per_hour'"), catalogue.err());
        assertEquals(
                2,
                cli("prices", "list", "--catalogue", dir.resolve("nope").toString())
                        .code());
        assertEquals(2, cli("prices", "list", "--kind", "everything").code());
        assertEquals(
                2,
                cli("prices", "list", "--kind", "serverless", "--model", "spot").code());
        assertEquals(2, cli("prices", "list", "--json", "--csv").code());
        assertEquals(2, cli("prices").code());
        assertEquals(2, cli("prices", "frobnicate").code());
        assertEquals(
                2,
                cli("prices", "spot-advisor", dir.resolve("feed.json").toString())
                        .code(),
                "--out is required");
        assertEquals(0, cli("prices", "--help").code());
        assertEquals(0, cli("prices", "list", "--help").code());
    }

    @Test
    void spotAdvisorConvertsTheFeedIntoACatalogueFile() throws IOException {
        Path feed = frontier.ingest.Samples.pricing("aws_spot_advisor_data_2025-06-28.json");
        Path out = dir.resolve("advisor.csv");
        CliRun r = cli("prices", "spot-advisor", feed.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("14962 interruption rows") && r.out().contains("as of 2025-06-28"), r.out());
        PriceCatalogue c = PriceCatalogue.load(out);
        assertEquals(14_962, c.interruptions().size());
        assertEquals(
                "15-20%",
                c.interruption("aws", "us-east-1", "g4dn.xlarge").orElseThrow().bucket());
        CliRun listed = cli(
                "prices",
                "list",
                "--kind",
                "interruptions",
                "--catalogue",
                out.toString(),
                "--region",
                "ap-east-2",
                "--json");
        assertEquals(0, listed.code(), listed.err());

        Path renamed = dir.resolve("feed.json");
        Files.copy(feed, renamed);
        CliRun noDate = cli("prices", "spot-advisor", renamed.toString(), "--out", out.toString());
        assertEquals(2, noDate.code());
        assertTrue(noDate.err().contains("--as-of"), noDate.err());
        assertEquals(
                0,
                cli("prices", "spot-advisor", renamed.toString(), "--out", out.toString(), "--as-of", "2025-07-01")
                        .code());
        assertEquals(
                "2025-07-01",
                PriceCatalogue.load(out).interruptions().getFirst().asOf().toString());
        assertEquals(
                2,
                cli("prices", "spot-advisor", renamed.toString(), "--out", out.toString(), "--as-of", "July")
                        .code());
        assertEquals(
                2,
                cli(
                                "prices",
                                "spot-advisor",
                                renamed.toString(),
                                "--out",
                                dir.resolve("no/such/dir.csv").toString(),
                                "--as-of",
                                "2025-07-01")
                        .code());
        try (var files = Files.list(dir)) {
            assertTrue(
                    files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")),
                    "no temporary files left behind");
        }
    }
}
