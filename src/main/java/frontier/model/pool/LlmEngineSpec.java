package frontier.model.pool;

import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.PrefillShare;
import frontier.sim.InvalidSpecException;
import java.util.List;

/**
 * A continuous-batching LLM engine as a pool's model ({@code model.llm_engine}): every instance runs the
 * iteration loop of {@link frontier.model.llm.LlmEngine} (vLLM V1's scheduler) instead of independent
 * slots. The iteration time comes from a profile, named ({@code profile}, from the shipped
 * {@code pricing-data/llm-profiles.csv} or the scenario's {@code profiles_file}) or given inline
 * ({@code iteration}); the scenario loader turns a name into the inline coefficients, so a loaded spec is
 * self-contained. The KV cache is {@code kv_cache_tokens}, or derived by the loader from
 * {@code gpu_memory_gib} × tensor parallelism and the model's weights and KV geometry
 * ({@code pricing-data/llm-models.csv}).
 *
 * @param profile        a profile name (a label when {@code iteration} is given)
 * @param profilesFile   a CSV of profiles in the shipped columns, relative to the scenario file
 * @param iteration      the profile's coefficients inline
 * @param ttftSloMs      time-to-first-token SLO for goodput (none when null)
 * @param tpotSloMs      time-per-output-token SLO for goodput (none when null)
 */
public record LlmEngineSpec(
        String profile,
        String profilesFile,
        Iteration iteration,
        Integer maxNumSeqs,
        Integer maxNumBatchedTokens,
        Boolean chunkedPrefill,
        Integer blockSize,
        Long kvCacheTokens,
        Double gpuMemoryGib,
        Double gpuMemoryUtilization,
        Double prefixHitRatio,
        Integer sharedPrefixTokens,
        Double ttftSloMs,
        Double tpotSloMs) {
    public static final int DEFAULT_MAX_NUM_SEQS = 256;
    public static final int DEFAULT_MAX_NUM_BATCHED_TOKENS = 8192;
    public static final double DEFAULT_GPU_MEMORY_UTILIZATION = 0.9;

    /**
     * The iteration time {@code a + b·prefill_tokens + c·decode_seqs + d·context_tokens} (see
     * {@link IterationProfile}), in the shipped CSV's units, for one instance of {@code tensor_parallel} GPUs; with
     * {@code prefill_share} (quantiles of the share of each prompt computed, at equally spaced probabilities from 0 to
     * 1, as {@code frontier llm fit --prefill-share} prints them) each request draws its prefix-cache hit.
     */
    public record Iteration(
            Double aMs,
            Double bMsPerToken,
            Double cMsPerSeq,
            Double dMsPerKtoken,
            Double noiseCv,
            Double requestOverheadMs,
            Integer tensorParallel,
            String gpu,
            String model,
            String source,
            String date,
            List<Double> prefillShare) {
        public Iteration {
            aMs = nn("a_ms", aMs);
            bMsPerToken = nn("b_ms_per_token", bMsPerToken);
            cMsPerSeq = nn("c_ms_per_seq", cMsPerSeq);
            dMsPerKtoken = nn("d_ms_per_ktoken", dMsPerKtoken);
            noiseCv = nn("noise_cv", noiseCv);
            requestOverheadMs = nn("request_overhead_ms", requestOverheadMs);
            if (aMs + bMsPerToken + cMsPerSeq + dMsPerKtoken <= 0)
                throw new InvalidSpecException(
                        "a_ms", "at least one of a_ms, b_ms_per_token, c_ms_per_seq, d_ms_per_ktoken must be > 0");
            if (tensorParallel == null) tensorParallel = 1;
            if (tensorParallel < 1)
                throw new InvalidSpecException("tensor_parallel", "expected an integer >= 1, got " + tensorParallel);
            if (prefillShare != null) {
                prefillShare = List.copyOf(prefillShare);
                share(prefillShare, source, date); // checks the quantiles
            }
        }

        private static PrefillShare share(List<Double> q, String source, String date) {
            double[] v = new double[q.size()];
            for (int i = 0; i < v.length; i++) {
                Double x = q.get(i);
                if (x == null) throw new InvalidSpecException("prefill_share", "quantile " + i + ": expected a number");
                v[i] = x;
            }
            return new PrefillShare(v, source, date, "given in the scenario");
        }

        public static Iteration of(IterationProfile p) {
            return new Iteration(
                    p.a() * 1e3,
                    p.b() * 1e3,
                    p.c() * 1e3,
                    p.d() * 1e6,
                    p.noiseCv(),
                    p.requestOverhead() * 1e3,
                    p.tensorParallel(),
                    blankToNull(p.gpu()),
                    blankToNull(p.model()),
                    blankToNull(p.source()),
                    blankToNull(p.date()),
                    p.prefillShare() == null
                            ? null
                            : java.util.Arrays.stream(p.prefillShare().quantiles())
                                    .boxed()
                                    .toList());
        }

        public IterationProfile toProfile(String name) {
            IterationProfile p = new IterationProfile(
                    name == null ? "inline" : name,
                    gpu == null ? "" : gpu,
                    model == null ? "" : model,
                    tensorParallel,
                    aMs / 1e3,
                    bMsPerToken / 1e3,
                    cMsPerSeq / 1e3,
                    dMsPerKtoken / 1e6,
                    noiseCv,
                    requestOverheadMs / 1e3,
                    source == null ? "" : source,
                    date == null ? "" : date);
            return prefillShare == null ? p : p.withPrefillShare(share(prefillShare, source, date));
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    public LlmEngineSpec {
        if (profile == null && iteration == null) {
            throw new InvalidSpecException(
                    "profile",
                    "give 'profile' (a name from pricing-data/llm-profiles.csv or profiles_file) or 'iteration' (the coefficients)");
        }
        if (profile != null && profile.isBlank()) throw new InvalidSpecException("profile", "expected a profile name");
        if (profilesFile != null && profile == null)
            throw new InvalidSpecException("profiles_file", "give the 'profile' to take from it");
        if (maxNumSeqs == null) maxNumSeqs = DEFAULT_MAX_NUM_SEQS;
        if (maxNumSeqs < 1)
            throw new InvalidSpecException("max_num_seqs", "expected an integer >= 1, got " + maxNumSeqs);
        if (maxNumBatchedTokens == null) maxNumBatchedTokens = DEFAULT_MAX_NUM_BATCHED_TOKENS;
        if (maxNumBatchedTokens < 1)
            throw new InvalidSpecException(
                    "max_num_batched_tokens", "expected an integer >= 1, got " + maxNumBatchedTokens);
        if (chunkedPrefill == null) chunkedPrefill = true;
        if (blockSize == null) blockSize = EngineConfig.DEFAULT_BLOCK_SIZE;
        if (blockSize < 1) throw new InvalidSpecException("block_size", "expected an integer >= 1, got " + blockSize);
        if (kvCacheTokens != null && kvCacheTokens < blockSize) {
            throw new InvalidSpecException(
                    "kv_cache_tokens", "expected at least one block (" + blockSize + " tokens), got " + kvCacheTokens);
        }
        if (kvCacheTokens != null && gpuMemoryGib != null) {
            throw new InvalidSpecException(
                    "gpu_memory_gib",
                    "give either 'kv_cache_tokens' or 'gpu_memory_gib' (the cache derived from memory), not both");
        }
        if (gpuMemoryGib != null) InvalidSpecException.positive("gpu_memory_gib", gpuMemoryGib);
        if (gpuMemoryUtilization == null) gpuMemoryUtilization = DEFAULT_GPU_MEMORY_UTILIZATION;
        if (!(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1)) {
            throw new InvalidSpecException(
                    "gpu_memory_utilization", "expected a share in (0, 1], got " + gpuMemoryUtilization);
        }
        if (prefixHitRatio == null) prefixHitRatio = 0.0;
        if (!(prefixHitRatio >= 0 && prefixHitRatio < 1))
            throw new InvalidSpecException("prefix_hit_ratio", "expected 0 <= ratio < 1, got " + prefixHitRatio);
        if (sharedPrefixTokens == null) sharedPrefixTokens = 0;
        if (sharedPrefixTokens < 0)
            throw new InvalidSpecException(
                    "shared_prefix_tokens", "expected an integer >= 0, got " + sharedPrefixTokens);
        if (ttftSloMs != null) InvalidSpecException.positive("ttft_slo_ms", ttftSloMs);
        if (tpotSloMs != null) InvalidSpecException.positive("tpot_slo_ms", tpotSloMs);
    }

    private static double nn(String field, Double v) {
        return v == null ? 0.0 : InvalidSpecException.nonNegative(field, v);
    }

    /** Whether the loader has filled in the coefficients and the KV cache size. */
    public boolean resolved() {
        return iteration != null && kvCacheTokens != null;
    }

    /** GPUs one instance uses (and is priced for): the profile's tensor parallelism. */
    public int tensorParallel() {
        return iteration == null ? 1 : iteration.tensorParallel();
    }

    public IterationProfile iterationProfile() {
        if (iteration == null) throw new IllegalStateException("llm_engine profile '" + profile + "' not resolved");
        return iteration.toProfile(profile);
    }

    public EngineConfig engineConfig() {
        if (kvCacheTokens == null) throw new IllegalStateException("llm_engine KV cache size not resolved");
        return new EngineConfig(
                maxNumSeqs,
                maxNumBatchedTokens,
                chunkedPrefill,
                kvCacheTokens,
                blockSize,
                prefixHitRatio,
                sharedPrefixTokens);
    }

    /** This spec with the profile's coefficients and the KV cache size filled in. */
    public LlmEngineSpec resolvedWith(Iteration it, long kvTokens) {
        return new LlmEngineSpec(
                profile,
                profilesFile,
                it,
                maxNumSeqs,
                maxNumBatchedTokens,
                chunkedPrefill,
                blockSize,
                kvTokens,
                null,
                gpuMemoryUtilization,
                prefixHitRatio,
                sharedPrefixTokens,
                ttftSloMs,
                tpotSloMs);
    }
}
