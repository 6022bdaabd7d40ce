package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.ingest.Samples;
import frontier.ingest.logs.LogPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frontier logs import|summary|presets|list} end to end on the real samples: output, JSON shape, exit codes. */
class LogsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void importSamplesThenSummaryAsJson() throws Exception {
        Path code = Samples.trace("azure_llm_inference_2023_code.csv");
        Path conv = Samples.trace("azure_llm_inference_2023_conv.csv");
        Path mooncake = Samples.trace("mooncake_fast25_conversation_trace.jsonl");
        String ws = dir.resolve("ws.sqlite").toString();
        CliRun imp = CliRun.of("logs", "import", "-w", ws, code.toString(), conv.toString(), "--json");
        assertEquals(0, imp.code(), imp.err());
        JsonNode j = JSON.readTree(imp.out());
        assertEquals(2, j.at("/imports").size());
        assertEquals(8_819, j.at("/imports/0/requests").asLong());
        assertEquals("azure-llm-2023", j.at("/imports/0/preset").asText());
        assertEquals("csv", j.at("/imports/0/layout").asText());
        assertEquals("ContextTokens", j.at("/imports/0/mapping/input_tokens").asText());
        assertEquals("2023-11-16T18:17:03.979960Z", j.at("/imports/0/first").asText());
        assertTrue(j.at("/imports/0/notes").toString().contains("were read as UTC"), j.toString());
        assertTrue(
                imp.err().contains("warning: azure_llm_inference_2023_code.csv: timestamps without a UTC offset"),
                imp.err());

        CliRun moon = CliRun.of(
                "logs", "import", "-w", ws, mooncake.toString(), "--start", "2024-06-01", "--map", "attrs=drop");
        assertEquals(0, moon.code(), moon.err());
        assertTrue(
                moon.out()
                        .startsWith(
                                "Imported " + mooncake.toAbsolutePath().normalize()
                                        + " as log import #3: 12,031 requests, 2024-06-01T00:00:00Z – 2024-06-01T00:58:56.999Z"),
                moon.out());
        assertTrue(
                moon.out()
                        .contains(
                                "preset mooncake (jsonl): timestamp=timestamp (since_start_ms from 2024-06-01T00:00:00Z), input_tokens=input_length,"
                                        + " output_tokens=output_length, model='mooncake_fast25_conversation_trace'"),
                moon.out());

        CliRun sum = CliRun.of("logs", "summary", "-w", ws, "--json");
        assertEquals(0, sum.code(), sum.err());
        assertEquals(1, sum.out().strip().lines().count(), "exactly one JSON object");
        JsonNode s = JSON.readTree(sum.out());
        assertEquals(8_819 + 19_366 + 12_031, s.at("/requests").asLong());
        assertEquals(0, s.at("/errors").asLong());
        assertEquals("2023-11-16T18:15:46.680590Z", s.at("/first").asText());
        assertEquals("2024-06-01T00:58:56.999Z", s.at("/last").asText());
        assertEquals(
                Samples.columnSum(code, "ContextTokens").longValueExact()
                        + Samples.columnSum(conv, "ContextTokens").longValueExact()
                        + 144_793_823L,
                s.at("/input_tokens").asLong());
        assertEquals(
                Samples.columnSum(code, "GeneratedTokens").longValueExact()
                        + Samples.columnSum(conv, "GeneratedTokens").longValueExact()
                        + 4_122_048L,
                s.at("/output_tokens").asLong());
        JsonNode by = s.at("/by_endpoint");
        assertEquals(3, by.size());
        List<String> endpoints = new ArrayList<>();
        for (JsonNode e : by) {
            endpoints.add(e.at("/endpoint").asText());
            assertTrue(
                    e.at("/requests").isIntegralNumber()
                            && e.at("/errors").isIntegralNumber()
                            && e.at("/input_tokens").isIntegralNumber()
                            && e.at("/output_tokens").isIntegralNumber()
                            && e.at("/first_day").isTextual()
                            && e.at("/by_model/0/model").isTextual(),
                    e.toString());
        }
        assertEquals(
                List.of(
                        "azure_llm_inference_2023_code",
                        "azure_llm_inference_2023_conv",
                        "mooncake_fast25_conversation_trace"),
                endpoints);
        assertEquals(19_366, by.at("/1/requests").asLong());

        CliRun table = CliRun.of("logs", "summary", "-w", ws);
        assertTrue(
                table.out()
                        .startsWith(
                                "40,216 requests (0 errors) in 3 imports, 2023-11-16T18:15:46.680590Z – 2024-06-01T00:58:56.999Z"),
                table.out());
        CliRun list = CliRun.of("logs", "list", "-w", ws);
        assertTrue(
                list.out().contains("azure-llm-2023")
                        && list.out().contains("19,366")
                        && list.out().contains("mooncake"),
                list.out());
        JsonNode listJson =
                JSON.readTree(CliRun.of("logs", "list", "-w", ws, "--json").out());
        assertEquals("drop", listJson.at("/imports/2/mapping/attrs").asText(), "the mapping used is stored");
    }

    @Test
    void duplicateAndBadInputExitWith2AndReplaceWorks() throws Exception {
        Path lambda = Samples.trace("aws_lambda_per_request_pacslab_res-01-2020-05-28_01-57-40.csv");
        String ws = dir.resolve("ws.sqlite").toString();
        assertEquals(0, CliRun.of("logs", "import", "-w", ws, lambda.toString()).code());
        CliRun again = CliRun.of("logs", "import", "-w", ws, lambda.toString());
        assertEquals(2, again.code());
        assertTrue(
                again.err().contains("already imported as log import #1")
                        && again.err().contains("--replace"),
                again.err());
        CliRun replace = CliRun.of("logs", "import", "-w", ws, lambda.toString(), "--replace");
        assertEquals(0, replace.code(), replace.err());
        assertTrue(replace.out().contains("replaced 186 earlier requests"), replace.out());

        Path bad = Files.writeString(
                dir.resolve("bad.csv"), "timestamp,latency_ms\n2024-05-01T00:00:00Z,1\n2024-05-01T00:00:01Z,fast\n");
        CliRun r = CliRun.of("logs", "import", "-w", ws, bad.toString());
        assertEquals(2, r.code());
        assertEquals(
                "frontier: " + bad
                        + ": line 3, column 2 (latency_ms): expected a duration from 0 to 1 day in ms, got 'fast'\n",
                r.err());
        assertEquals(
                0,
                CliRun.of("logs", "import", "-w", ws, bad.toString(), "--skip-bad-rows", "1")
                        .code());
        assertEquals(
                2,
                CliRun.of("logs", "import", "-w", ws, bad.toString(), "--preset", "nope")
                        .code());
        CliRun map = CliRun.of("logs", "import", "-w", ws, bad.toString(), "--map", "latency");
        assertEquals(2, map.code());
        assertTrue(map.err().contains("--map: expected field=column"), map.err());
        CliRun start = CliRun.of("logs", "import", "-w", ws, bad.toString(), "--start", "tomorrow");
        assertEquals(2, start.code());
        assertTrue(start.err().contains("--start: expected an ISO-8601 date"), start.err());
        assertEquals(
                2,
                CliRun.of("logs", "summary", "-w", dir.resolve("none.sqlite").toString())
                        .code());
        assertEquals(2, CliRun.of("logs").code(), "a subcommand is required");
    }

    @Test
    void mapOverridesTheDetectedMappingAndProgressGoesToStderr() throws Exception {
        Path f = Files.writeString(dir.resolve("gw.csv"), "when,took,who\n1714564800,1.5,chat\n1714564801,0.5,chat\n");
        String ws = dir.resolve("ws.sqlite").toString();
        CliRun r = CliRun.of(
                "logs",
                "import",
                "-w",
                ws,
                f.toString(),
                "--map",
                "timestamp=when",
                "--map",
                "timestamp_kind=epoch_s",
                "--map",
                "latency=took",
                "--map",
                "latency_unit=s",
                "--map",
                "endpoint=who",
                "--progress",
                "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("importing gw.csv: 2 rows") && r.err().contains("(100%)"), r.err());
        JsonNode s =
                JSON.readTree(CliRun.of("logs", "summary", "-w", ws, "--json").out());
        assertEquals("chat", s.at("/by_endpoint/0/endpoint").asText());
        assertEquals(2.0, s.at("/busy_seconds").asDouble(), 1e-9);
        assertEquals("2024-05-01T12:00:00Z", s.at("/first").asText());
    }

    @Test
    void presetsListsEveryPresetWithItsColumns() throws Exception {
        CliRun r = CliRun.of("logs", "presets");
        assertEquals(0, r.code(), r.err());
        for (LogPreset p : LogPreset.values())
            assertTrue(r.out().contains(p.code()) && r.out().contains(p.columns()), p.code());
        JsonNode j = JSON.readTree(CliRun.of("logs", "presets", "--json").out());
        assertEquals(LogPreset.values().length, j.at("/presets").size());
        assertEquals("client_elapsed_time", j.at("/presets/6/mapping/latency").asText());
    }
}
