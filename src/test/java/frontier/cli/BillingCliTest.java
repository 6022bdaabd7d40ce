package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.ingest.Samples;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frontier import} and {@code frontier costs} on the real samples: exit codes, messages, JSON and CSV. */
class BillingCliTest {
    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void importThenCostsByPricingModelAsJsonAndCsv() throws Exception {
        Path focus = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        String ws = dir.resolve("ws.sqlite").toString();
        CliRun imp = cli("import", "-w", ws, focus.toString(), "--json");
        assertEquals(0, imp.code(), imp.err());
        JsonNode j = new ObjectMapper().readTree(imp.out());
        assertEquals(1000, j.at("/imports/0/rows").asInt());
        assertEquals("FOCUS 1.0", j.at("/imports/0/format").asText());
        assertEquals(64, j.at("/imports/0/sha256").asText().length());
        assertEquals("", imp.err(), "no progress when stderr is not a terminal");

        CliRun costs = cli("costs", "--workspace", ws, "--json");
        assertEquals(0, costs.code(), costs.err());
        JsonNode c = new ObjectMapper().readTree(costs.out());
        assertEquals(1, costs.out().strip().lines().count(), "exactly one JSON object");
        assertEquals("pricing-model", c.at("/by/0").asText());
        assertEquals(5, c.at("/groups").size());
        JsonNode total = c.at("/total");
        assertEquals("USD", total.at("/currency").asText());
        assertEquals(
                0,
                Samples.columnSum(focus, "BilledCost")
                        .compareTo(new BigDecimal(total.at("/billed_cost").asText())));
        assertEquals(
                0,
                Samples.columnSum(focus, "EffectiveCost")
                        .compareTo(new BigDecimal(total.at("/effective_cost").asText())));
        assertEquals(
                0,
                Samples.columnSum(focus, "ListCost")
                        .compareTo(new BigDecimal(total.at("/list_cost").asText())));
        assertEquals(1000, total.at("/lines").asLong());
        for (JsonNode g : c.at("/groups")) {
            assertTrue(
                    g.at("/pricing_model").isTextual()
                            && g.at("/currency").isTextual()
                            && g.at("/lines").isIntegralNumber(),
                    g.toString());
            for (String k : new String[] {"billed_cost", "effective_cost", "list_cost"})
                assertTrue(g.get(k).isTextual(), "exact decimal strings: " + g);
        }
        JsonNode serverless = null;
        for (JsonNode g : c.at("/groups")) if (g.at("/pricing_model").asText().equals("serverless")) serverless = g;
        assertEquals(9, serverless.at("/lines").asLong(), "the nine AWS Lambda lines");

        CliRun csv = cli("costs", "-w", ws, "--csv", "--by", "provider,month");
        assertEquals(0, csv.code(), csv.err());
        assertTrue(
                csv.out().startsWith("provider,month,currency,billed_cost,effective_cost,list_cost,lines\n"),
                csv.out());
        assertTrue(csv.out().contains("\nAWS,2024-09,USD,"), csv.out());

        CliRun table = cli("costs", "-w", ws);
        assertTrue(table.out().contains("On-demand") && table.out().contains("Total"), table.out());
    }

    @Test
    void importOfARequestLogStoresItAsALogAndAFileThatIsNeitherGivesBothReasons() throws Exception {
        String ws = dir.resolve("ws.sqlite").toString();
        Path log = Files.writeString(dir.resolve("gateway.csv"), """
                timestamp,latency_ms,model,status,input_tokens,output_tokens
                2026-02-01T10:00:00Z,120,chat,200,50,20
                2026-02-01T10:00:01Z,95,chat,200,40,10
                """);
        CliRun imp = cli("import", "-w", ws, log.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(imp.out().startsWith("Imported " + log + " as log import #1: 2 requests"), imp.out());
        CliRun logs = cli("import", "-w", ws, "--list", "--json");
        assertEquals(0, new ObjectMapper().readTree(logs.out()).at("/imports").size(), "nothing stored as billing");
        CliRun json = cli(
                "import",
                "-w",
                ws,
                "--json",
                "--replace",
                Files.writeString(
                                dir.resolve("other.csv"), Files.readString(log).replace("120", "121"))
                        .toString());
        assertEquals(
                "request_log",
                new ObjectMapper()
                        .readTree(json.out())
                        .at("/imports/0/imported_as")
                        .asText(),
                json.out());

        Path junk = Files.writeString(dir.resolve("notes.csv"), "hello,world\n1,2\n");
        CliRun bad = cli("import", "-w", ws, junk.toString());
        assertEquals(2, bad.code());
        assertTrue(
                bad.err()
                        .startsWith(
                                "frontier: notes.csv is neither a known billing export nor a request log with recognisable columns"
                                        + " (for a log with a preset: frontier logs import --preset NAME).\nAs a billing export: "
                                        + junk
                                        + ": line 1: unknown billing export format"),
                bad.err());
        assertTrue(bad.err().contains("\nAs a request log: "), bad.err());
        CliRun insisted = cli("import", "-w", ws, "--format", "focus", log.toString());
        assertEquals(2, insisted.code());
        assertTrue(
                insisted.err().contains("not a FOCUS 1.0–1.3 export: missing columns"),
                "--format never falls back to a log: " + insisted.err());
    }

    @Test
    void overlapIsRefusedWithExitCode2UnlessReplaceOrKeepBoth() throws Exception {
        Path cur = Samples.billing("aws_cur1_legacy_anonymized_focus_converters.csv");
        Path edited = dir.resolve("november-redelivered.csv");
        Files.writeString(edited, Files.readString(cur).replaceFirst("\n(.*)\n", "\n$1\n$1\n"));
        String ws = dir.resolve("ws.sqlite").toString();
        assertEquals(0, cli("import", "-w", ws, cur.toString()).code());

        CliRun again = cli("import", "-w", ws, cur.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("already imported as import #1"), again.err());

        CliRun overlap = cli("import", "-w", ws, edited.toString());
        assertEquals(2, overlap.code());
        assertTrue(
                overlap.err().contains("overlaps import #1")
                        && overlap.err().contains("--replace")
                        && overlap.err().contains("--keep-both"),
                overlap.err());

        CliRun replace = cli("import", "-w", ws, edited.toString(), "--replace");
        assertEquals(0, replace.code(), replace.err());
        assertTrue(replace.out().contains("replaced 1,281 earlier rows"), replace.out());
        CliRun list = cli("import", "-w", ws, "--list");
        assertTrue(list.out().contains("1,282") && !list.out().contains("   1  "), list.out());

        assertEquals(
                2,
                cli("import", "-w", ws, edited.toString(), "--replace", "--keep-both")
                        .code(),
                "mutually exclusive");
    }

    @Test
    void badInputNamesFileLineAndColumnWithExitCode2() throws Exception {
        Path f = dir.resolve("broken.csv");
        Files.writeString(
                f,
                "BilledCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,ChargeCategory\n"
                        + "1,2024-09-01,2024-09-02,USD,a,Spending\n");
        CliRun r = cli("import", "-w", dir.resolve("ws.sqlite").toString(), f.toString());
        assertEquals(2, r.code());
        assertEquals(
                "frontier: " + f
                        + ": line 2, column 6 (ChargeCategory): expected one of Usage, Purchase, Tax, Credit, Adjustment, got 'Spending'\n",
                r.err());
        CliRun unknown = cli("costs", "-w", dir.resolve("ws.sqlite").toString(), "--by", "colour");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown dimension 'colour'"), unknown.err());
        assertEquals(
                2, cli("costs", "-w", dir.resolve("none.sqlite").toString()).code());
    }

    @Test
    void parquetManifestWithACorruptPartStoresNothing() throws Exception {
        Path good = Path.of(BillingCliTest.class
                .getResource("/billing/aws_cur2_mock.parquet")
                .toURI());
        Path corrupt = Path.of(BillingCliTest.class
                .getResource("/billing/aws_cur2_bad_value.parquet")
                .toURI());
        Files.copy(good, dir.resolve("cur2-00001.snappy.parquet"));
        Files.copy(corrupt, dir.resolve("cur2-00002.snappy.parquet"));
        Path manifest = dir.resolve("cur2-Manifest.json");
        Files.writeString(
                manifest,
                "{\"dataFiles\": [\"s3://b/data/cur2-00001.snappy.parquet\", \"s3://b/data/cur2-00002.snappy.parquet\"],"
                        + " \"compression\": \"Parquet\"}");
        String ws = dir.resolve("ws.sqlite").toString();
        CliRun r = cli("import", "-w", ws, manifest.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cur2-00002.snappy.parquet: row 2, column line_item_currency_code"), r.err());
        JsonNode costs =
                new ObjectMapper().readTree(cli("costs", "-w", ws, "--json").out());
        assertTrue(
                costs.at("/groups").isArray() && costs.at("/groups").isEmpty(),
                "the first part's 10 rows were rolled back: " + costs);

        CliRun one = cli("import", "-w", ws, good.toString(), "--json");
        assertEquals(0, one.code(), "no earlier import of these periods to overlap: " + one.err());
        assertEquals(
                10, new ObjectMapper().readTree(one.out()).at("/imports/0/rows").asInt());
        assertEquals(
                10,
                new ObjectMapper()
                        .readTree(cli("costs", "-w", ws, "--json").out())
                        .at("/total/lines")
                        .asLong());
    }

    @Test
    void progressGoesToStderrWhenAsked() {
        Path f = Samples.billing("azure_ea_actualcost_small.csv");
        CliRun r = cli("import", "-w", dir.resolve("ws.sqlite").toString(), f.toString(), "--progress");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.err().contains("importing azure_ea_actualcost_small.csv: 11 rows")
                        && r.err().contains("(100%)"),
                r.err());
    }

    @Test
    void costsByTagInstanceTypeAndDayAndTotalsPerCurrency() throws Exception {
        Path focus = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        Path azure = Samples.billing("azure_ea_export_anonymized_focus_converters.csv");
        String ws = dir.resolve("ws.sqlite").toString();
        assertEquals(0, cli("import", "--workspace", ws, focus.toString()).code());

        JsonNode byTag = new ObjectMapper()
                .readTree(cli("costs", "--workspace", ws, "--json", "--by", "tag:environment,day")
                        .out());
        assertEquals("tag:environment", byTag.at("/by/0").asText());
        JsonNode first = byTag.at("/groups/0");
        assertTrue(
                first.has("tag:environment") && first.at("/day").asText().matches("\\d{4}-\\d{2}-\\d{2}"),
                first.toString());
        assertEquals(1000, byTag.at("/total/lines").asLong());

        CliRun csv = cli("costs", "--workspace", ws, "--csv", "--by", "instance-type");
        assertTrue(csv.out().startsWith("instance_type,currency,"), csv.out());

        assertEquals(0, cli("import", "--workspace", ws, azure.toString()).code());
        CliRun both = cli("costs", "--workspace", ws, "--json", "--by", "provider");
        JsonNode j = new ObjectMapper().readTree(both.out());
        assertTrue(j.get("total").isNull(), "USD and CAD are never added: " + both.out());
        assertEquals(2, j.at("/totals").size());
        assertEquals("CAD", j.at("/totals/1/currency").asText());
        assertEquals(
                0,
                Samples.columnSum(azure, "CostInBillingCurrency")
                        .compareTo(new BigDecimal(j.at("/totals/1/billed_cost").asText())));
        assertEquals(27, j.at("/totals/1/lines").asLong());

        CliRun bad = cli("costs", "--workspace", ws, "--by", "tag:");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("tag:team"), bad.err());
    }
}
