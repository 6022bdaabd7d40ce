package frontier.model.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LlmEngineTest {
    private static final IterationProfile PROFILE = IterationProfile.of(0.010, 2e-5, 0.001, 1e-6, 0);

    private static LlmResult run(EngineConfig config, LlmWorkload w) {
        return new LlmServing(config, PROFILE, 1, LlmServing.Routing.ROUND_ROBIN)
                .run(w, LlmServing.Options.defaults(1));
    }

    @Test
    void aLoneRequestIsPrefilledInBudgetSizedChunksThenDecodedOneTokenPerIteration() {
        LlmResult r = run(
                EngineConfig.of(8, 512, 100_000),
                LlmWorkload.replay(new double[] {0}, new int[] {1200}, new int[] {5}));
        // Chunks of 512, 512, 176: the last one samples the first token. Context = tokens in KV after the chunk.
        double ttft = (0.010 + 2e-5 * 512 + 1e-6 * 512)
                + (0.010 + 2e-5 * 512 + 1e-6 * 1024)
                + (0.010 + 2e-5 * 176 + 1e-6 * 1200);
        double decode = 0;
        for (int k = 1; k <= 4; k++) decode += 0.010 + 0.001 + 1e-6 * (1200 + k);
        assertEquals(ttft, r.requestTtft()[0], 1e-12);
        assertEquals(ttft + decode, r.requestE2e()[0], 1e-12);
        assertEquals(decode / 4, r.requestTpot()[0], 1e-12);
        assertEquals(7, r.iterations());
    }

    @Test
    void decodeSlowsAsTheBatchGrowsAndNoBatchExceedsMaxNumSeqs() {
        int n = 64;
        int[] in = new int[n];
        int[] out = new int[n];
        Arrays.fill(in, 200);
        Arrays.fill(out, 50);
        LlmResult alone = run(
                EngineConfig.of(16, 2048, 1_000_000),
                LlmWorkload.replay(new double[] {0}, new int[] {200}, new int[] {50}));
        LlmResult burst = run(EngineConfig.of(16, 2048, 1_000_000), LlmWorkload.allAtOnce(in, out));
        assertEquals(n, burst.completed());
        assertEquals(16, burst.maxBatchSeqs());
        assertTrue(
                burst.tpot().mean() > alone.tpot().mean() + 15 * 0.001 * 0.9,
                "16 sequences per decode step add about 15 × c to every token: "
                        + burst.tpot().mean() + " vs " + alone.tpot().mean());
        assertTrue(
                burst.ttft().quantile(0.99) > 3 * burst.e2e().quantile(0.01),
                "the last of the burst waits for three batches ahead");
    }

    @Test
    void aFullKvCachePreemptsByRecomputeAndEveryRequestStillFinishes() {
        int n = 20;
        int[] in = new int[n];
        int[] out = new int[n];
        Arrays.fill(in, 300);
        Arrays.fill(out, 300);
        // 4,096 tokens of KV: 20 prompts of 300 are admitted quickly, their outputs then outgrow the cache.
        LlmResult r = run(EngineConfig.of(64, 8192, 4096), LlmWorkload.allAtOnce(in, out));
        assertEquals(n, r.completed());
        assertTrue(r.preemptions() > 0, "preemptions: " + r.preemptions());
        assertTrue(r.maxKvUse() <= 1.0 && r.maxKvUse() > 0.9, "KV use peaks near full: " + r.maxKvUse());
        LlmResult roomy = run(EngineConfig.of(64, 8192, 1_000_000), LlmWorkload.allAtOnce(in, out));
        assertEquals(0, roomy.preemptions());
        assertTrue(
                r.durationS() > roomy.durationS(), "smaller batches and recomputation take longer to finish the burst");
    }

    @Test
    void aRequestThatCanNeverFitTheCacheIsRejectedNotRetriedForever() {
        LlmResult r = run(
                EngineConfig.of(8, 512, 1024),
                LlmWorkload.replay(new double[] {0, 1}, new int[] {2000, 100}, new int[] {10, 10}));
        assertEquals(1, r.rejected());
        assertEquals(1, r.completed());
        assertTrue(Double.isNaN(r.requestTtft()[0]));
    }

    @Test
    void prefixCacheHitsAreNotComputed() {
        LlmWorkload one = LlmWorkload.replay(new double[] {0}, new int[] {2048}, new int[] {2});
        LlmResult cold = run(EngineConfig.of(8, 4096, 100_000), one);
        LlmResult warm = run(EngineConfig.of(8, 4096, 100_000).withPrefixHitRatio(0.5), one);
        // Half the prompt (1,024 tokens, 64 blocks) hits: 1,024 fewer prefill tokens; attention still reads all 2,048.
        assertEquals(2e-5 * 1024, cold.requestTtft()[0] - warm.requestTtft()[0], 1e-12);
    }

    @Test
    void withoutChunkedPrefillAPromptRunsWholeInOneIteration() {
        EngineConfig whole = new EngineConfig(8, 4096, false, 100_000, 16, 0, 0);
        LlmResult r = run(whole, LlmWorkload.replay(new double[] {0}, new int[] {3000}, new int[] {1}));
        assertEquals(0.010 + 2e-5 * 3000 + 1e-6 * 3000, r.requestTtft()[0], 1e-12);
        assertEquals(1, r.iterations());
    }

    @Test
    void kvCacheIsSizedFromGpuMemoryWeightsAndGeometry() {
        // Llama-2-70B (80 layers, 8 KV heads of 128, bf16): 320 KiB per token; 140 GB of weights on 4 × 80 GiB at 0.9.
        long perToken = EngineConfig.kvBytesPerToken(80, 8, 128, 2);
        assertEquals(327_680, perToken);
        long tokens = EngineConfig.kvTokensFromMemory(80, 0.9, 4, 70e9, 2, 0, perToken);
        double expected = (4 * 80 * 0.9 * Math.pow(1024, 3) - 140e9) / 327_680;
        assertEquals((long) expected, tokens);
    }
}
