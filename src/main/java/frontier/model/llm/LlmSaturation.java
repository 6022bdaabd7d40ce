package frontier.model.llm;

import frontier.sim.InvalidSpecException;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * What one continuous-batching instance does with a backlog that never runs dry (a batch job's shard): its
 * iteration loop ({@link LlmEngine}) run on a sample of items all queued at time 0, the batch as full as
 * {@code max_num_seqs}, the token budget and the KV cache allow. {@code itemsPerS} is the steady completion rate,
 * measured between the 20th and the 80th percentile of the completions (away from the ramp-up of an empty engine
 * and the drain of the last items; the window spans whole iterations); {@code edgeS} what the ramp-up and the drain add to a run of items from an empty
 * engine to the last item beyond items / rate (the sample's makespan minus its items at the steady rate, at least 0).
 * A batch job's shard of n items then takes n / {@code itemsPerS} + {@code edgeS} seconds on an instance that is
 * never interrupted.
 *
 * @param itemsPerS        items completed per second at saturation
 * @param edgeS            seconds that the ramp-up and the drain add once per run of items
 * @param meanBatch        sequences per iteration, mean over the steady window's iterations
 * @param outputTokensPerS output tokens per second at saturation
 * @param items            items in the sample
 * @param preemptions      sequences preempted (KV cache full) in the sample
 */
public record LlmSaturation(
        double itemsPerS, double edgeS, double meanBatch, double outputTokensPerS, int items, long preemptions) {
    /** Items in a sample: 20 full batches, at least 2,000, so the steady window holds 12 batches' turnover. */
    public static int sampleSize(EngineConfig config) {
        return (int) Math.min(200_000, Math.max(2_000, 20L * config.maxNumSeqs()));
    }

    /**
     * Runs the sample ({@code input[i]}, {@code output[i]} tokens of item i) through one engine.
     *
     * @param noise the iteration-noise stream (may be null when the profile has no noise)
     * @throws InvalidSpecException when an item's prompt and output could never fit the engine's KV cache
     */
    public static LlmSaturation measure(
            EngineConfig config, IterationProfile profile, int[] input, int[] output, UniformRandomProvider noise) {
        int n = input.length;
        if (n < 10 || output.length != n) throw new IllegalArgumentException("expected at least 10 items, got " + n);
        LlmEngine engine = new LlmEngine(config, profile, noise);
        for (int i = 0; i < n; i++) {
            LlmSequence s = new LlmSequence(i, 0, input[i], output[i], engine.cachedTokensFor(input[i]));
            if (!engine.canServe(s)) {
                throw new InvalidSpecException(
                        "tokens",
                        "an item of " + input[i] + " input and " + output[i]
                                + " output tokens cannot fit one instance's"
                                + " KV cache of " + config.kvCacheTokens() + " tokens"
                                + (config.chunkedPrefill() ? "" : " or its token budget without chunked prefill")
                                + "; give a larger cache (kv_cache_tokens, gpu_memory_gib) or shorter items");
            }
            engine.admit(s);
        }
        double[] finish = new double[n];
        int[] done = {0};
        long[] outTokens = {0};
        IterationListener listener = new IterationListener() {
            @Override
            public void firstToken(LlmSequence s, double now) {}

            @Override
            public void finished(LlmSequence s, double now) {
                finish[done[0]++] = now;
                outTokens[0] += s.outputTokens();
            }
        };
        // Iterations as they end, with their batch sizes, to average over the steady window afterwards.
        double[] ends = new double[1024];
        int[] seqs = new int[1024];
        int iterations = 0;
        double now = 0;
        while (engine.hasWork()) {
            double t = engine.beginIteration();
            int batch = engine.batchSeqs();
            now += t;
            engine.endIteration(now, listener);
            if (iterations == ends.length) {
                ends = Arrays.copyOf(ends, 2 * iterations);
                seqs = Arrays.copyOf(seqs, 2 * iterations);
            }
            ends[iterations] = now;
            seqs[iterations++] = batch;
        }
        // The window from the 20th to the 80th percentile of the completions, each end moved past the items that
        // finish in the same iteration, so that it spans whole iterations.
        int k1 = (int) Math.floor(0.2 * n);
        int k2 = (int) Math.ceil(0.8 * n) - 1;
        while (k1 + 1 < n && finish[k1 + 1] == finish[k1]) k1++;
        while (k2 + 1 < n && finish[k2 + 1] == finish[k2]) k2++;
        long batchSum = 0;
        long batchCount = 0;
        for (int i = 0; i < iterations; i++) {
            if (ends[i] > finish[k1] && ends[i] <= finish[k2]) {
                batchSum += seqs[i];
                batchCount++;
            }
        }
        double makespan = finish[n - 1];
        double window = finish[k2] - finish[k1];
        // A sample that finishes in too few iterations to have a steady window (fewer items than a batch): its
        // items over its makespan, no ramp or drain on top.
        double rate = k2 > k1 && window > 0 ? (k2 - k1) / window : n / makespan;
        double edge = k2 > k1 && window > 0 ? Math.max(0, makespan - n / rate) : 0;
        // Output tokens at the steady rate: the sample's mean output per item times the item rate.
        double tokensPerS = rate * outTokens[0] / n;
        return new LlmSaturation(
                rate,
                edge,
                batchCount > 0 ? (double) batchSum / batchCount : Double.NaN,
                tokensPerS,
                n,
                engine.preemptions());
    }
}
