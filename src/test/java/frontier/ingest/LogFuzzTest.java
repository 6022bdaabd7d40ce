package frontier.ingest;

import static org.junit.jupiter.api.Assertions.fail;

import frontier.ingest.logs.LogPreset;
import frontier.ingest.logs.LogReadOptions;
import frontier.ingest.logs.LogSource;
import frontier.sim.BadInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Request logs mutated at random (characters deleted, inserted, swapped; separators, quotes, line breaks,
 * garbage values, cut files, gzip with flipped or missing bytes) give requests or a BadInputException,
 * never another exception, whatever the preset. Seeded: a failure names the seed and keeps the file.
 */
@Tag("slow")
class LogFuzzTest {
    private static final int ROUNDS = 200;
    /** Enough to reach every code path of a mutated head; a mutation can turn a per-minute count into millions. */
    private static final int MAX_REQUESTS = 50_000;

    @TempDir
    Path dir;

    private static final String TORCHSERVE = """
            2024-01-01T10:00:00,123 - /127.0.0.1:50000 "POST /predictions/resnet-18 HTTP/1.1" 200 118
            2024-01-01T10:00:01,000 - /127.0.0.1:50001 "GET /ping HTTP/1.1" 200 1
            2024-01-01T10:00:02,500 - /10.0.0.7:41234 "POST /v2/models/bert/versions/2/infer HTTP/1.1" 503 2500
            2023-11-11T19:48:37,462 [INFO ] W-9000-sdxl_1.0 ACCESS_LOG - /127.0.0.1:53046 "POST /v1/models/sdxl:predict HTTP/1.1" 200 86831
            """;
    private static final String OTEL = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"chat"}}]},"scopeSpans":[{"spans":[{"name":"chat","startTimeUnixNano":"1714564800250000000","endTimeUnixNano":"1714564801750000000","attributes":[{"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},{"key":"gen_ai.usage.input_tokens","value":{"intValue":"812"}}],"status":{"code":2}}]}]}]}
            {"name":"chat","startTimeUnixNano":1714564802000000000,"endTimeUnixNano":1714564802500000000,"attributes":{"gen_ai.request.model":"claude","gen_ai.usage.output_tokens":7}}
            """;
    private static final String PER_MINUTE =
            "HashOwner,HashApp,HashFunction,Trigger,1,2,3,1440\no,a,f,http,3,0,12,1\no,a,g,timer,,1,0,2\n";
    private static final String GENERIC = "time,latency_ms,model,endpoint,status,prompt_tokens,completion_tokens,note\n"
            + "2024-05-01T12:00:00Z,12.5,m,e,200,10,2,\"a\nb\"\n2024-05-01 12:00:01.1234567,3,m,e,500,1,,x\n";

    @ParameterizedTest
    @CsvSource({
        "azure_llm_inference_2023_code.csv, azure-llm-2023",
        "mooncake_fast25_conversation_trace.jsonl, mooncake",
        "aws_lambda_per_request_pacslab_res-01-2020-05-28_01-57-40.csv, aws-lambda",
        "alibaba_genai2026_sd_lora_request_trace.csv, alibaba-sd",
        "azure_functions_2021_subset_200rows_invitro.csv, azure-functions-2021",
        "alibaba_genai2026_model_predict_latency_anon.csv, alibaba-predict",
        "torchserve, torchserve",
        "otel, otel-genai",
        "per-minute, azure-functions-2019",
        "generic, burstgpt"
    })
    void mutatedLogsGiveRequestsOrBadInput(String sample, String preset) throws IOException {
        String text =
                switch (sample) {
                    case "torchserve" -> TORCHSERVE;
                    case "otel" -> OTEL;
                    case "per-minute" -> PER_MINUTE;
                    case "generic" -> GENERIC;
                    default -> head(Samples.trace(sample), 10);
                };
        SplittableRandom rnd = new SplittableRandom(sample.hashCode());
        List<LogReadOptions> options = List.of(
                LogReadOptions.DETECT,
                LogReadOptions.preset(LogPreset.fromCode(preset)),
                new LogReadOptions(null, Map.of("timestamp_kind", "epoch_ms", "status", ""), null, 3));
        for (int round = 0; round < ROUNDS; round++) {
            long seed = rnd.nextLong();
            SplittableRandom r = new SplittableRandom(seed);
            String mutated = FuzzTest.mutate(text, r);
            byte[] bytes = mutated.getBytes(StandardCharsets.UTF_8);
            if (round % 4 == 3) bytes = gzip(bytes);
            if (round % 8 == 7) {
                // Flip a byte or cut the file: a corrupt or truncated gzip stream.
                if (r.nextBoolean()) bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
                else bytes = java.util.Arrays.copyOf(bytes, 1 + r.nextInt(bytes.length - 1));
            }
            Path f = dir.resolve("fuzz-" + round + ".log");
            Files.write(f, bytes);
            for (LogReadOptions o : options) {
                try (LogSource s = LogSource.open(f, o)) {
                    for (int n = 0; n < MAX_REQUESTS && s.next() != null; n++) {
                        // drain
                    }
                } catch (BadInputException expected) {
                    if (expected.getMessage() == null || expected.getMessage().isBlank())
                        fail("empty message, seed " + seed);
                } catch (RuntimeException | Error e) {
                    Files.copy(f, dir.resolve("failing-" + seed));
                    throw new AssertionError(
                            sample + ": mutation seed " + seed + " (" + o + ") threw " + e + "; input:\n"
                                    + (mutated.length() > 3000 ? mutated.substring(0, 3000) : mutated),
                            e);
                }
            }
        }
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    private static String head(Path file, int lines) throws IOException {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", all.subList(0, Math.min(lines, all.size()))) + "\n";
    }
}
