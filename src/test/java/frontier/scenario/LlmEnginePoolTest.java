package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.Metric;
import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmResult;
import frontier.model.llm.LlmServing;
import frontier.model.llm.LlmWorkload;
import frontier.sim.RunControl;
import org.junit.jupiter.api.Test;

/** The iteration-level LLM engine as the model of a pool of every kind, loaded from scenario JSON. */
class LlmEnginePoolTest {
    private static final String ITERATION = """
            "iteration": { "a_ms": 20, "b_ms_per_token": 0.1, "c_ms_per_seq": 0.5, "d_ms_per_ktoken": 10 }""";

    private static String scenario(String traffic, String tokens, String pools, String run) {
        return "{ \"traffic\": " + traffic + ", \"tokens\": " + tokens + ", \"pools\": [" + pools + "], \"run\": " + run
                + " }";
    }

    private static String fixedTokens(int in, int out) {
        return "{ \"input\": { \"type\": \"deterministic\", \"value\": " + in
                + " }, \"output\": { \"type\": \"deterministic\", \"value\": " + out + " } }";
    }

    private static String engine(String extra) {
        return "\"model\": { \"name\": \"m\", \"llm_engine\": { " + ITERATION + ", \"kv_cache_tokens\": 100000" + extra
                + " } }";
    }

    private static Summary run(String json) {
        return new ScenarioRunner(1).run(ScenarioLoader.parse(json, "test.json"), RunControl.NONE);
    }

    @Test
    void aSingleInstancePoolReproducesTheStandaloneEngineExactly() {
        // Deterministic arrivals every second, 500 prompt and 50 output tokens, no noise: the pool's engine and
        // the standalone driver run the same iterations, so their mean TTFT and TPOT agree to rounding.
        String json = scenario(
                "{ \"type\": \"renewal\", \"interarrival\": { \"type\": \"deterministic\", \"value\": 1.0 } }",
                fixedTokens(500, 50),
                "{ \"type\": \"always_on\", \"name\": \"llm\", \"instances\": 1, " + engine("") + " }",
                "{ \"duration_s\": 600, \"replications\": 1, \"seed\": 1 }");
        Summary s = run(json);
        int n = 600;
        double[] send = new double[n];
        int[] in = new int[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            send[i] = i + 1.0;
            in[i] = 500;
            out[i] = 50;
        }
        LlmResult alone = new LlmServing(
                        EngineConfig.of(256, 8192, 100000),
                        IterationProfile.of(0.020, 0.0001, 0.0005, 1e-5, 0),
                        1,
                        LlmServing.Routing.ROUND_ROBIN)
                .run(LlmWorkload.replay(send, in, out), LlmServing.Options.defaults(1));
        // The pool's run stops at 600 s, before the last request or two finish; the standalone run serves all
        // 600. Every other request sees the same periodic batch, so the means agree to 0.1%.
        double ttft = alone.ttft().mean() * 1000;
        double tpot = alone.tpot().mean() * 1000;
        assertEquals(ttft, s.metric(Metric.TTFT.get(Metric.Stat.MEAN.ordinal())), ttft * 1e-3);
        assertEquals(tpot, s.metric(Metric.TPOT.get(Metric.Stat.MEAN.ordinal())), tpot * 1e-3);
        assertEquals(
                alone.ttft().quantile(0.5) * 1000, s.metric(Metric.TTFT.get(Metric.Stat.P50.ordinal())), ttft * 1e-3);
        assertEquals(
                s.metric(Metric.COMPLETED) * 50 / s.metric(Metric.OBSERVED_S),
                s.metric(Metric.LLM_OUTPUT_TOKENS_PER_S),
                1e-6);
    }

    @Test
    void aPrefillShareDrawsEachRequestsPrefixHitAndShortensTheMeanTtft() {
        // 500-token prompts, one a second. The share quantiles 0.25, 0.25, 1, 1: a third of the requests compute a
        // quarter of the prompt, a third between a quarter and all of it, a third all of it; mean share 0.625, so
        // the prefill part of TTFT (50 ms of about 75) shrinks by about 37% on average and the TTFT by about a
        // quarter. A share that is never drawn would change nothing; one given badly names its path.
        String plain = scenario(
                "{ \"type\": \"renewal\", \"interarrival\": { \"type\": \"deterministic\", \"value\": 1.0 } }",
                fixedTokens(500, 50),
                "{ \"type\": \"always_on\", \"name\": \"llm\", \"instances\": 1, " + engine("") + " }",
                "{ \"duration_s\": 600, \"replications\": 1, \"seed\": 1 }");
        String shared = plain.replace(
                "\"d_ms_per_ktoken\": 10", "\"d_ms_per_ktoken\": 10, \"prefill_share\": [0.25, 0.25, 1, 1]");
        assertTrue(!shared.equals(plain));
        double before = run(plain).metric(Metric.TTFT.get(Metric.Stat.MEAN.ordinal()));
        double after = run(shared).metric(Metric.TTFT.get(Metric.Stat.MEAN.ordinal()));
        double cut = 1 - after / before;
        // 600 draws: the share of full-prefill requests has a binomial sd of 2%, so the cut stays within 15-35%.
        assertTrue(cut > 0.15 && cut < 0.35, before + " → " + after + " ms");
        var bad = assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.parse(shared.replace("[0.25, 0.25, 1, 1]", "[0.25, 1.5]"), "t.json"));
        assertTrue(bad.getMessage().contains("prefill_share"), bad.getMessage());
    }

    @Test
    void requestsBeyondMaxNumSeqsWaitInThePoolQueueAndTheBatchNeverExceedsIt() {
        String json = scenario(
                "{ \"type\": \"poisson\", \"rate_per_s\": 20 }",
                fixedTokens(200, 100),
                "{ \"type\": \"always_on\", \"name\": \"llm\", \"instances\": 1, " + engine(", \"max_num_seqs\": 4")
                        + " }",
                "{ \"duration_s\": 300, \"replications\": 1, \"seed\": 2 }");
        Summary s = run(json);
        assertTrue(s.metric(Metric.QUEUE_MEAN) > 1, "queue " + s.metric(Metric.QUEUE_MEAN));
        assertTrue(s.metric(Metric.LLM_BATCH_MAX) <= 4);
        assertTrue(s.metric(Metric.LLM_BATCH_MEAN) > 3, "a saturated engine runs nearly full batches");
        assertEquals(1.0, s.metric(Metric.UTILIZATION), 0.01);
    }

    @Test
    void aSmallKvCachePreemptsAndTheBatchGrowsTpot() {
        String light = scenario(
                "{ \"type\": \"poisson\", \"rate_per_s\": 0.01 }",
                fixedTokens(1000, 600),
                "{ \"type\": \"always_on\", \"name\": \"llm\", \"instances\": 1, "
                        + engine("").replace("100000", "4000") + " }",
                "{ \"duration_s\": 20000, \"replications\": 1, \"seed\": 3 }");
        Summary low = run(light);
        Summary high =
                run(light.replace("\"rate_per_s\": 0.01 ", "\"rate_per_s\": 1 ").replace("20000", "1200"));
        assertTrue(
                high.metric(Metric.LLM_PREEMPTIONS) > 0,
                "a 4,000-token cache cannot hold several 1,600-token sequences");
        assertTrue(high.metric(Metric.LLM_KV_MAX) > 0.9);
        double tpotLow = low.metric(Metric.TPOT.get(Metric.Stat.MEAN.ordinal()));
        double tpotHigh = high.metric(Metric.TPOT.get(Metric.Stat.MEAN.ordinal()));
        assertTrue(tpotHigh > 1.2 * tpotLow, "TPOT grows with the batch: " + tpotLow + " -> " + tpotHigh);
    }

    @Test
    void spotInterruptionsRetryTheEngineSequencesElsewhere() {
        String json = scenario(
                "{ \"type\": \"poisson\", \"rate_per_s\": 4 }",
                fixedTokens(300, 200),
                "{ \"type\": \"spot\", \"name\": \"spot\", \"instances\": 3, " + engine("")
                        + ", \"interruption\": { \"hazard_per_hour\": 20 }, \"on_interrupt\": \"retry\", \"replacement_delay_s\": 30 }",
                "{ \"duration_s\": 1800, \"replications\": 1, \"seed\": 4 }");
        Summary s = run(json);
        assertTrue(s.metric(Metric.INTERRUPTIONS) > 5);
        assertTrue(s.metric(Metric.RETRIED) > 0);
        assertEquals(0, s.metric(Metric.LOST));
        // Every request that arrived either completed or was still in flight (none vanished with its instance).
        assertTrue(s.metric(Metric.COMPLETED) + s.metric(Metric.IN_FLIGHT_AT_END) >= s.metric(Metric.REQUESTS) - 1);
    }

    @Test
    void autoscaledAndServerlessPoolsRunTheEngineToo() {
        String auto = scenario(
                "{ \"type\": \"poisson\", \"rate_per_s\": 3 }",
                fixedTokens(300, 100),
                "{ \"type\": \"autoscaled\", \"name\": \"auto\", " + engine("")
                        + ", \"max_instances\": 4, \"policy\": { \"type\": \"target_queue\", \"per_instance\": 2 },"
                        + " \"cold_start\": { \"type\": \"deterministic\", \"value\": 60 }, \"price\": { \"usd_per_hour\": 10 } }",
                "{ \"duration_s\": 1800, \"replications\": 1, \"seed\": 5 }");
        Summary a = run(auto);
        assertTrue(a.metric(Metric.COMPLETED) > 4000);
        assertTrue(a.metric(Metric.TTFT.get(Metric.Stat.P99.ordinal())) > 0);
        String serverless = scenario(
                "{ \"type\": \"poisson\", \"rate_per_s\": 0.05 }",
                fixedTokens(300, 100),
                "{ \"type\": \"serverless\", \"name\": \"fn\", " + engine("")
                        + ", \"cold_start\": { \"type\": \"deterministic\", \"value\": 20 },"
                        + " \"keep_alive_s\": 5, \"billing\": { \"usd_per_gpu_second\": 0.001 } }",
                "{ \"duration_s\": 20000, \"replications\": 1, \"seed\": 6 }");
        Summary f = run(serverless);
        assertTrue(
                f.metric(Metric.COLD_STARTS) > 100,
                "a 5 s keep-alive at one request per 20 s starts cold almost every time");
        // Billed for the GPU time an instance holds any request: at most requests x service time x the GPU rate,
        // less where a request joined a running batch (about 1 in 8 here: 0.05/s over ~2.5 s of service).
        double separate =
                f.metric(Metric.COMPLETED) * f.metric(Metric.SERVICE.get(Metric.Stat.MEAN.ordinal())) / 1000 * 0.001;
        double cost = f.metric(Metric.COST_TOTAL);
        assertTrue(cost <= separate * 1.001 && cost > 0.8 * separate, cost + " against " + separate);
    }

    @Test
    void aTensorParallelInstanceIsPricedAsItsShareOfTheMachinesGpus() {
        String json = scenario(
                "{ \"type\": \"poisson\", \"rate_per_s\": 1 }",
                fixedTokens(300, 100),
                "{ \"type\": \"always_on\", \"name\": \"llm\", \"instances\": 1, \"model\": { \"llm_engine\": { \"profile\": \"h100-80gb-llama2-70b-tp4\" } },"
                        + " \"price\": { \"provider\": \"aws\", \"instance_type\": \"p5.48xlarge\" } }",
                "{ \"duration_s\": 60, \"replications\": 1, \"seed\": 7 }");
        Scenario s = ScenarioLoader.parse(json, "test.json");
        assertEquals(55.04 / 8 * 4, s.pools().getFirst().price().usdPerHour(), 1e-9);
        // The KV cache comes from 4 x 80 GiB x 0.9 less the fp16 weights and 1 GiB per GPU, over 320 KiB per token.
        long kv = s.pools().getFirst().model().llmEngine().kvCacheTokens();
        double expected = (4 * (80 * 0.9 - 1) * Math.pow(1024, 3) - 68.98e9 * 2) / (2.0 * 80 * 8 * 128 * 2);
        assertEquals(expected, kv, 1);
    }

    @Test
    void badEngineSpecsNameTheirJsonPath() {
        String pool =
                "{ \"type\": \"always_on\", \"name\": \"llm\", \"instances\": 1, \"model\": { \"llm_engine\": { \"profile\": \"%s\"%s } }%s }";
        String run = "{ \"duration_s\": 60 }";
        String traffic = "{ \"type\": \"poisson\", \"rate_per_s\": 1 }";
        var unknown = assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.parse(
                        scenario(traffic, fixedTokens(1, 1), pool.formatted("h100-nope", "", ""), run), "t.json"));
        assertTrue(
                unknown.getMessage().contains("$.pools[0].model.llm_engine.profile: no profile 'h100-nope'"),
                unknown.getMessage());
        var slots = assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.parse(
                        scenario(
                                traffic,
                                fixedTokens(1, 1),
                                pool.formatted("h100-80gb-llama2-70b-tp4", "", ", \"concurrency\": 8"),
                                run),
                        "t.json"));
        assertTrue(slots.getMessage().contains("$.pools[0].concurrency"), slots.getMessage());
        var memory = assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.parse(
                        scenario(
                                traffic,
                                fixedTokens(1, 1),
                                pool.formatted("h100-80gb-llama2-70b-tp2", ", \"gpu_memory_gib\": 40", ""),
                                run),
                        "t.json"));
        assertTrue(
                memory.getMessage().contains("$.pools[0].model.llm_engine.gpu_memory_gib: ")
                        && memory.getMessage().contains("no room for a KV cache"),
                memory.getMessage());
        var tokens = assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.parse(
                        "{ \"traffic\": " + traffic + ", \"pools\": ["
                                + pool.formatted("h100-80gb-llama2-70b-tp4", "", "") + "], \"run\": " + run + " }",
                        "t.json"));
        assertTrue(
                tokens.getMessage().contains("llm_engine")
                        && tokens.getMessage().contains("token count"),
                tokens.getMessage());
        var field = assertThrows(
                ScenarioException.class,
                () -> ScenarioLoader.parse(
                        scenario(
                                traffic,
                                fixedTokens(1, 1),
                                pool.formatted("h100-80gb-llama2-70b-tp4", ", \"max_num_seq\": 8", ""),
                                run),
                        "t.json"));
        assertTrue(
                field.getMessage().contains("$.pools[0].model.llm_engine")
                        && field.getMessage().contains("max_num_seq"),
                field.getMessage());
    }
}
