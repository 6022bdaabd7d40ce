package frontier.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogReadOptions;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.sim.RunControl;
import frontier.store.ImportMonitor;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An LLM endpoint's twin asked about traffic it was not calibrated on, against an independent generator's truth
 * ({@link LlmServerGenerator}: continuous-batching servers written for the test, not Frontier's engine): calibrated
 * at one load from a log of arrival, tokens, TTFT and latency and a bill of the instances, then asked about −10%,
 * +10% and +25% traffic, the generator run at those rates being the truth. Targets (issue 12): p50 and p95 of
 * end-to-end latency and of TTFT within 15% of the generator's, cost within 5%. The generator's truth at each load
 * comes from 120,000 requests (about 4 hours; its p95's sampling error is about 1%); the twin runs 4 replications of
 * the calibrated hour (about 115,000 requests). Every row is printed, for docs/twin.md.
 */
@Tag("validation")
class LlmTwinPredictsTest {
    @TempDir
    Path dir;

    static final long START = TwinPredictsTest.START;
    static final double[] FACTORS = {1.0, 0.9, 1.1, 1.25};

    /**
     * Two instances of a Llama-3.1-8B server on one L40S each (g6e.xlarge, $1.861/h): iteration 15 ms + 0.1 ms per
     * prompt token + 0.3 ms per decoding sequence (noise cv 0.1), batch cap 64; prompts lognormal mean 600 (cv 0.8, at
     * most 4,000), answers mean 150 (cv 0.8, at most 1,000); 8 requests/s (about 20 sequences per batch), one hour.
     */
    static final LlmServerGenerator.Server SERVER = new LlmServerGenerator.Server(2, 0.015, 1e-4, 3e-4, 0.1, 64);

    static final LlmServerGenerator.Tokens TOKENS = new LlmServerGenerator.Tokens(600, 0.8, 4000, 150, 0.8, 1000);
    static final double RATE = 8;
    static final double USD_PER_HOUR = 1.861;

    @Test
    void llmEndpointTwinGetsTheIterationModelAndPredictsLatencyTtftAndCost() throws IOException {
        LlmServerGenerator.Log log = LlmServerGenerator.run(3, RATE, (int) (RATE * 3600 * 0.999), SERVER, TOKENS);
        Path ws = workspace(log, SERVER.instances(), 1);
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            twin = Calibrator.calibrate(w, new Calibrator.Options(null, false, 4, 5), dir.resolve("twin.json"));
        }
        JsonNode pool = twin.scenario().get("pools").get(0);
        JsonNode engine = pool.get("model").get("llm_engine");
        assertNotNull(engine, "the pools run the LLM engine: " + pool);
        assertEquals(SERVER.instances(), pool.get("instances").asInt());
        assertEquals("g6e.xlarge", pool.get("price").get("instance_type").asText());
        assertEquals(48, engine.get("gpu_memory_gib").asDouble(), "the KV cache from the L40S's memory: " + engine);
        System.out.println("LLM twin engine: " + engine);
        System.out.println("LLM fit: " + twin.report().get("llm_fit"));

        double billed = twin.scenario().get("observed").get("cost_usd").asDouble();
        List<String> failures = new ArrayList<>();
        for (double f : FACTORS) {
            LlmServerGenerator.Log truth =
                    LlmServerGenerator.run(100 + Math.round(100 * f), RATE * f, 120_000, SERVER, TOKENS);
            Summary s =
                    ScenarioRunner.defaultRunner().run(TwinPredictsTest.scaled(twin.scenario(), f), RunControl.NONE);
            TwinPredictsTest.check(
                    "LLM endpoint",
                    f,
                    truth.latencyQuantileMs(0.5, 2000),
                    truth.latencyQuantileMs(0.95, 2000),
                    billed,
                    s,
                    failures);
            double t50 = truth.ttftQuantileMs(0.5, 2000), t95 = truth.ttftQuantileMs(0.95, 2000);
            double s50 = s.metric("llm.ttft_ms.p50"), s95 = s.metric("llm.ttft_ms.p95");
            System.out.printf(
                    Locale.ROOT,
                    "| LLM endpoint TTFT | %+.0f%% | %,.0f → %,.0f ms (%+.1f%%) | %,.0f → %,.0f ms (%+.1f%%) |%n",
                    100 * (f - 1),
                    t50,
                    s50,
                    100 * (s50 / t50 - 1),
                    t95,
                    s95,
                    100 * (s95 / t95 - 1));
            if (Math.abs(s50 / t50 - 1) > TwinPredictsTest.P_TOLERANCE
                    || Math.abs(s95 / t95 - 1) > TwinPredictsTest.P_TOLERANCE) {
                failures.add(String.format(
                        Locale.ROOT,
                        "LLM endpoint TTFT at %+.0f%% traffic: p50 %+.1f%%, p95 %+.1f%%",
                        100 * (f - 1),
                        100 * (s50 / t50 - 1),
                        100 * (s95 / t95 - 1)));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** Imports the generated log (from {@link #START}) and a FOCUS bill of {@code instances} g6e.xlarge on demand. */
    Path workspace(LlmServerGenerator.Log log, int instances, int hours) throws IOException {
        StringBuilder csv =
                new StringBuilder("timestamp,latency_ms,ttft_ms,input_tokens,output_tokens,endpoint,model,status\n");
        for (int i = 0; i < log.size(); i++) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%.4f,%.3f,%.3f,%d,%d,chat,llama3.1-8b,200%n",
                    START + log.arrival()[i],
                    1000 * log.latency()[i],
                    1000 * log.ttft()[i],
                    log.in()[i],
                    log.out()[i]));
        }
        FocusBill bill = new FocusBill("chat", "us-east-1");
        for (int h = 0; h < hours; h++) {
            Instant a = Instant.ofEpochSecond(START + 3600L * h);
            for (int i = 1; i <= instances; i++)
                bill.hour(a, String.valueOf(USD_PER_HOUR), "Standard", String.valueOf(i), "g6e.xlarge", "1");
        }
        Path logFile = Files.writeString(dir.resolve("requests.csv"), csv);
        Path billFile = Files.writeString(dir.resolve("bill.csv"), bill.csv());
        Path ws = dir.resolve("ws.sqlite");
        try (Workspace w = Workspace.open(ws)) {
            w.billing().importFile(billFile, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            w.requestLogs()
                    .importFile(
                            logFile,
                            new LogReadOptions(null, Map.of("ttft", "ttft_ms"), null, 0),
                            false,
                            ImportMonitor.NONE);
        }
        return ws;
    }
}
