package frontier.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.ingest.Samples;
import frontier.ingest.logs.LogSourceTest.Read;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every preset with a real sample in ../shared/samples/traces, read both with {@code --preset} and by
 * recognition, checked against the figures of SOURCES.md and sums computed independently (commons-csv).
 */
class PresetSamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Read both(Path f, LogPreset p) {
        Read detected = LogSourceTest.read(f, LogReadOptions.DETECT);
        assertEquals(p, detected.source().preset(), "recognised from its columns");
        Read given = LogSourceTest.read(f, LogReadOptions.preset(p));
        assertEquals(detected.requests(), given.requests());
        return given;
    }

    private static double span(Read r) {
        double min = r.requests().stream().mapToDouble(LogRequest::start).min().orElseThrow();
        double max = r.requests().stream().mapToDouble(LogRequest::start).max().orElseThrow();
        return max - min;
    }

    private static JsonNode attrs(LogRequest r) {
        try {
            return JSON.readTree(r.attrs());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "azure_llm_inference_2023_code.csv, 8819, 3436, 2048, 28",
        "azure_llm_inference_2023_conv.csv, 19366, 3502, 1155, 211"
    })
    void azureLlm2023(String name, int requests, double seconds, double contextMean, double generatedMean)
            throws IOException {
        Path f = Samples.trace(name);
        Read r = both(f, LogPreset.AZURE_LLM_2023);
        assertEquals(requests, r.requests().size());
        assertEquals(seconds, span(r), 0.5, "SOURCES.md: over " + seconds + " s");
        assertEquals(
                Samples.columnSum(f, "ContextTokens").longValueExact(),
                r.requests().stream().mapToLong(LogRequest::inputTokens).sum());
        assertEquals(
                Samples.columnSum(f, "GeneratedTokens").longValueExact(),
                r.requests().stream().mapToLong(LogRequest::outputTokens).sum());
        assertEquals(
                contextMean,
                r.requests().stream()
                        .mapToLong(LogRequest::inputTokens)
                        .average()
                        .orElseThrow(),
                0.5);
        assertEquals(
                generatedMean,
                r.requests().stream()
                        .mapToLong(LogRequest::outputTokens)
                        .average()
                        .orElseThrow(),
                0.5);
        assertTrue(r.requests().stream().allMatch(x -> Double.isNaN(x.latencyMs()) && x.ok() && x.attrs() == null));
        assertTrue(r.source().notes().stream().anyMatch(n -> n.contains("were read as UTC")));
    }

    @Test
    void azureLlm2023FirstTimestampKeepsItsSevenDigitFraction() {
        Read r = both(Samples.trace("azure_llm_inference_2023_code.csv"), LogPreset.AZURE_LLM_2023);
        Instant t = Instant.parse("2023-11-16T18:17:03.97996Z");
        assertEquals(
                t.getEpochSecond() + t.getNano() / 1e9, r.requests().getFirst().start(), 1e-6);
    }

    @Test
    void mooncake() {
        Path f = Samples.trace("mooncake_fast25_conversation_trace.jsonl");
        Read r = LogSourceTest.read(f, LogReadOptions.DETECT.withStart(Instant.parse("2024-06-01T00:00:00Z")));
        assertEquals(LogPreset.MOONCAKE, r.source().preset());
        assertEquals(12_031, r.requests().size());
        assertEquals(
                Instant.parse("2024-06-01T00:00:00Z").getEpochSecond(),
                r.requests().getFirst().start(),
                0);
        assertEquals(3537, span(r), 0.5, "SOURCES.md: over 3,537 s (timestamps in ms)");
        assertEquals(
                12_035,
                r.requests().stream()
                        .mapToLong(LogRequest::inputTokens)
                        .average()
                        .orElseThrow(),
                0.5);
        assertEquals(
                343,
                r.requests().stream()
                        .mapToLong(LogRequest::outputTokens)
                        .average()
                        .orElseThrow(),
                0.5);
        JsonNode hashes = attrs(r.requests().getFirst()).get("hash_ids");
        assertTrue(
                hashes.isArray() && hashes.size() == 14 && hashes.get(13).asInt() == 13,
                "hash_ids kept as a JSON array: " + hashes);
        Read dropped = LogSourceTest.read(
                f, new LogReadOptions(LogPreset.MOONCAKE, java.util.Map.of("attrs", "drop"), null, 0));
        assertTrue(dropped.requests().stream().allMatch(x -> x.attrs() == null));
    }

    @Test
    void azureFunctions2021StartsAreEndMinusDuration() throws IOException {
        Path f = Samples.trace("azure_functions_2021_subset_200rows_invitro.csv");
        Read r = both(f, LogPreset.AZURE_FUNCTIONS_2021);
        assertEquals(199, r.requests().size(), "SOURCES.md: 199 invocations");
        assertEquals(
                13, r.requests().stream().map(LogRequest::endpoint).distinct().count(), "13 apps");
        assertEquals(
                31,
                r.requests().stream()
                        .map(x -> x.endpoint() + "/" + x.model())
                        .distinct()
                        .count(),
                "31 functions");
        double busy = r.requests().stream().mapToDouble(LogRequest::latencyMs).sum() / 1000;
        assertEquals(Samples.columnSum(f, "duration").doubleValue(), busy, 1e-6);
        // First row: end 0.07949090003967285 s, duration 0.078 s.
        assertEquals(0.07949090003967285 - 0.078, r.requests().getFirst().start(), 1e-9);
        assertTrue(r.requests().stream().allMatch(x -> x.start() >= 0), "no invocation starts before the trace");
    }

    @ParameterizedTest
    @CsvSource({
        "aws_lambda_per_request_pacslab_res-01-2020-05-28_01-57-40.csv, 186, 59, 27.7, 1954, 2529",
        "aws_lambda_per_request_pacslab_res-01-2020-06-18_23-36-37.csv, 791, 28, 28, 1972, 2391"
    })
    void awsLambda(String name, int requests, int cold, double hours, double warmMs, double coldMs) {
        Read r = both(Samples.trace(name), LogPreset.AWS_LAMBDA);
        assertEquals(requests, r.requests().size());
        assertEquals(hours, span(r) / 3600, 0.05);
        List<LogRequest> colds = r.requests().stream()
                .filter(x -> attrs(x).get("is_cold").asText().equals("True"))
                .toList();
        assertEquals(cold, colds.size(), "is_cold kept in attrs");
        double coldMean =
                colds.stream().mapToDouble(LogRequest::latencyMs).average().orElseThrow();
        double warmMean = r.requests().stream()
                .filter(x -> !colds.contains(x))
                .mapToDouble(LogRequest::latencyMs)
                .average()
                .orElseThrow();
        assertEquals(warmMs, warmMean, 1, "SOURCES.md: client warm ≈ " + warmMs + " ms");
        assertEquals(coldMs, coldMean, 1);
        assertTrue(attrs(r.requests().getFirst()).has("column_1"), "the unnamed index column is kept as column_1");
    }

    @Test
    void alibabaStableDiffusion() throws IOException {
        Path f = Samples.trace("alibaba_genai2026_sd_lora_request_trace.csv");
        Read r = both(f, LogPreset.ALIBABA_SD);
        assertEquals(26_823, r.requests().size());
        assertEquals(
                28.7,
                r.requests().stream()
                                .mapToDouble(LogRequest::latencyMs)
                                .average()
                                .orElseThrow()
                        / 1000,
                0.05,
                "SOURCES.md: exec mean 28.7 s");
        Set<String> notSucceeded = r.requests().stream()
                .filter(x -> !x.ok())
                .map(LogRequest::status)
                .collect(Collectors.toSet());
        assertEquals(Set.of("FAILED", "PENDING", "PROCESSING"), notSucceeded);
        assertEquals(431, r.requests().stream().filter(x -> !x.ok()).count(), "26,823 − 26,392 SUCCEED");
        assertEquals(
                Instant.parse("2024-11-15T16:57:50Z").getEpochSecond(),
                r.requests().getFirst().start(),
                0);
        assertEquals("G0000", attrs(r.requests().getFirst()).get("groupId").asText());
        assertEquals(
                86,
                new HashSet<>(r.requests().stream()
                                .map(LogRequest::model)
                                .filter(m -> m.startsWith("M"))
                                .toList())
                        .size());
    }

    @Test
    void alibabaPredictLatency() throws IOException {
        Path f = Samples.trace("alibaba_genai2026_model_predict_latency_anon.csv");
        Read r = both(f, LogPreset.ALIBABA_PREDICT);
        assertEquals(6_254, r.requests().size());
        assertEquals(22.3, span(r) / 3600, 0.05, "SOURCES.md: 22.3 h");
        assertEquals(
                Samples.columnSum(f, "value").doubleValue(),
                r.requests().stream().mapToDouble(LogRequest::latencyMs).sum(),
                1e-3);
        assertEquals(
                130,
                r.requests().stream()
                        .map(x -> attrs(x).get("container_ip").asText())
                        .distinct()
                        .count(),
                "130 containers, in attrs");
    }

    @Test
    void vllmOtelServerSpansKeepTheirLatencyTokensAndTtftPerExperiment() throws IOException {
        Path f = Samples.sample("llm/vllm011_h100_otel_server_requests.csv");
        Read r = both(f, LogPreset.VLLM_OTEL);
        assertEquals(959, r.requests().size(), "llm/SOURCES.md: 959 requests");
        assertEquals(
                Set.of(
                        "jan20-prefill-llama7b-tp1-1",
                        "jan20-codellama-prefill-1",
                        "jan20-codellama-train-1",
                        "jan21-llama7b-train-1"),
                r.requests().stream().map(LogRequest::endpoint).collect(Collectors.toSet()),
                "one endpoint per experiment");
        assertEquals(
                Samples.columnSum(f, "prompt_tokens").longValueExact(),
                r.requests().stream().mapToLong(LogRequest::inputTokens).sum());
        assertEquals(
                Samples.columnSum(f, "completion_tokens").longValueExact(),
                r.requests().stream().mapToLong(LogRequest::outputTokens).sum());
        // latency = server_end_s - server_arrival_s, to the file's microseconds
        double busy = Samples.columnSum(f, "server_end_s")
                .subtract(Samples.columnSum(f, "server_arrival_s"))
                .doubleValue();
        assertEquals(
                busy, r.requests().stream().mapToDouble(LogRequest::latencyMs).sum() / 1000, 0.01);
        assertEquals(
                Samples.columnSum(f, "ttft_s").doubleValue(),
                r.requests().stream().mapToDouble(LogRequest::ttftMs).sum() / 1000,
                1e-3);
        assertTrue(r.requests().stream().allMatch(x -> attrs(x).has("queue_s")), "queue_s kept in attrs");
    }
}
