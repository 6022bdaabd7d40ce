package frontier.model.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.InvalidSpecException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** An engine's throughput at saturation against the closed form of a full batch. */
class LlmSaturationTest {
    private static int[] filled(int n, int v) {
        int[] a = new int[n];
        Arrays.fill(a, v);
        return a;
    }

    /**
     * With every item of {@code in} prompt and {@code out} answer tokens, no noise, a KV cache and a token budget that
     * never bind: every slot of the batch is refilled as soon as it frees, so the batch runs S = max_num_seqs
     * sequences in cycles of one prefill iteration (a + b·S·in + d·S·in) and out − 1 decode iterations (a + c·S +
     * d·S·(in + k), k = 1 … out − 1), each cycle finishing S items: items/s = S / cycle, output tokens/s = S·out /
     * cycle. The measured rate must equal it to rounding.
     */
    @Test
    void aFullBatchCompletesMaxNumSeqsItemsPerCycleOfOutIterations() {
        int s = 32;
        int in = 64;
        int out = 32;
        double a = 0.010;
        double b = 0.00005;
        double c = 0.0002;
        double d = 0.00000005;
        IterationProfile p = IterationProfile.of(a, b, c, d, 0);
        EngineConfig config = EngineConfig.of(s, 8192, 10_000_000);
        int n = LlmSaturation.sampleSize(config);
        LlmSaturation r = LlmSaturation.measure(config, p, filled(n, in), filled(n, out), null);
        double cycle = a + b * s * in + d * s * in;
        for (int k = 1; k < out; k++) cycle += a + c * s + d * s * (in + k);
        assertEquals(s / cycle, r.itemsPerS(), 1e-9 * s / cycle);
        assertEquals(s * out / cycle, r.outputTokensPerS(), 1e-9 * s * out / cycle);
        assertEquals(s, r.meanBatch(), 1e-9);
        assertEquals(0, r.preemptions());
    }

    /**
     * A KV cache of 768 tokens (48 blocks of 16) holds at most 12 sequences at once, since each running one keeps at
     * least its prompt's 4 blocks: the batch can never pass 12 (against max_num_seqs 32), so the rate is at most the
     * closed form's with S = 12 (the cycle's time grows with S more slowly than S), which is below the uncapped rate —
     * the cap must show. Growing sequences then preempt each other (recomputed later), so the engine does not reach
     * even that bound.
     */
    @Test
    void aKvCacheForFewerSequencesCapsTheRate() {
        int in = 64;
        int out = 32;
        double a = 0.010;
        double b = 0.00005;
        double c = 0.0002;
        IterationProfile p = IterationProfile.of(a, b, c, 0, 0);
        EngineConfig capped = EngineConfig.of(32, 8192, 768);
        EngineConfig roomy = EngineConfig.of(32, 8192, 10_000_000);
        int n = LlmSaturation.sampleSize(roomy);
        LlmSaturation r = LlmSaturation.measure(capped, p, filled(n, in), filled(n, out), null);
        LlmSaturation free = LlmSaturation.measure(roomy, p, filled(n, in), filled(n, out), null);
        int k = 12;
        double bound = k / (a + b * k * in + (out - 1) * (a + c * k));
        assertTrue(r.meanBatch() <= k, "batch " + r.meanBatch());
        assertTrue(r.itemsPerS() <= bound * (1 + 1e-9), r + " vs the bound at 12 sequences: " + bound);
        assertTrue(bound < free.itemsPerS(), bound + " vs " + free.itemsPerS());
        assertTrue(r.preemptions() > 0, "sequences that outgrow the cache are preempted");
    }

    @Test
    void anItemThatCanNeverFitTheKvCacheIsAnErrorNamingTheTokens() {
        EngineConfig config = EngineConfig.of(8, 8192, 256);
        InvalidSpecException e = assertThrows(
                InvalidSpecException.class,
                () -> LlmSaturation.measure(
                        config, IterationProfile.of(0.01, 0, 0.001, 0, 0), filled(20, 200), filled(20, 100), null));
        assertEquals("tokens", e.field());
        assertTrue(e.getMessage().contains("200 input and 100 output tokens"), e.getMessage());
    }
}
