package frontier.model.llm;

import frontier.sim.InvalidSpecException;

/**
 * The scheduler settings of one continuous-batching instance (vLLM's names): at most {@code maxNumSeqs}
 * sequences in a batch, at most {@code maxNumBatchedTokens} tokens computed per iteration, prompts split
 * into chunks across iterations when {@code chunkedPrefill} (else a prompt is prefilled in one iteration
 * and must fit the budget), a KV cache of {@code kvCacheTokens} tokens in blocks of {@code blockSize},
 * and the fraction of each prompt served from the prefix cache ({@code prefixHitRatio}, rounded down to
 * whole blocks; hits are neither computed nor given new blocks: they share blocks already resident), or
 * a prefix of {@code sharedPrefixTokens} that every prompt shares (a system prompt; the larger of the two
 * applies).
 */
public record EngineConfig(
        int maxNumSeqs,
        int maxNumBatchedTokens,
        boolean chunkedPrefill,
        long kvCacheTokens,
        int blockSize,
        double prefixHitRatio,
        int sharedPrefixTokens) {
    /** vLLM's default KV block size. */
    public static final int DEFAULT_BLOCK_SIZE = 16;

    public EngineConfig {
        if (maxNumSeqs < 1) throw new InvalidSpecException("max_num_seqs", "expected >= 1, got " + maxNumSeqs);
        if (maxNumBatchedTokens < 1)
            throw new InvalidSpecException("max_num_batched_tokens", "expected >= 1, got " + maxNumBatchedTokens);
        if (blockSize < 1) throw new InvalidSpecException("block_size", "expected >= 1, got " + blockSize);
        if (kvCacheTokens < blockSize)
            throw new InvalidSpecException(
                    "kv_cache_tokens", "expected at least one block (" + blockSize + " tokens), got " + kvCacheTokens);
        if (!(prefixHitRatio >= 0 && prefixHitRatio < 1))
            throw new InvalidSpecException("prefix_hit_ratio", "expected 0 <= ratio < 1, got " + prefixHitRatio);
        if (sharedPrefixTokens < 0)
            throw new InvalidSpecException("shared_prefix_tokens", "expected >= 0, got " + sharedPrefixTokens);
    }

    /** vLLM V1's online-serving shape: chunked prefill, 16-token blocks, no prefix hits. */
    public static EngineConfig of(int maxNumSeqs, int maxNumBatchedTokens, long kvCacheTokens) {
        return new EngineConfig(maxNumSeqs, maxNumBatchedTokens, true, kvCacheTokens, DEFAULT_BLOCK_SIZE, 0, 0);
    }

    public long kvBlocks() {
        return kvCacheTokens / blockSize;
    }

    public EngineConfig withPrefixHitRatio(double ratio) {
        return new EngineConfig(
                maxNumSeqs, maxNumBatchedTokens, chunkedPrefill, kvCacheTokens, blockSize, ratio, sharedPrefixTokens);
    }

    public EngineConfig withSharedPrefixTokens(int tokens) {
        return new EngineConfig(
                maxNumSeqs, maxNumBatchedTokens, chunkedPrefill, kvCacheTokens, blockSize, prefixHitRatio, tokens);
    }

    public EngineConfig withMaxNumBatchedTokens(int tokens) {
        return new EngineConfig(
                maxNumSeqs, tokens, chunkedPrefill, kvCacheTokens, blockSize, prefixHitRatio, sharedPrefixTokens);
    }

    public EngineConfig withKvCacheTokens(long tokens) {
        return new EngineConfig(
                maxNumSeqs, maxNumBatchedTokens, chunkedPrefill, tokens, blockSize, prefixHitRatio, sharedPrefixTokens);
    }

    /**
     * KV bytes per token of a transformer: keys and values ({@code 2}) of every layer and KV head
     * ({@code layers × kvHeads × headDim} elements each), {@code bytesPerElement} each (2 for fp16/bf16).
     */
    public static long kvBytesPerToken(int layers, int kvHeads, int headDim, double bytesPerElement) {
        if (layers < 1 || kvHeads < 1 || headDim < 1 || !(bytesPerElement > 0)) {
            throw new InvalidSpecException("kv_geometry", "layers, kv_heads, head_dim and bytes must be > 0");
        }
        return (long) Math.ceil(2.0 * layers * kvHeads * headDim * bytesPerElement);
    }

    /**
     * KV cache tokens of one instance of {@code tensorParallel} GPUs, as vLLM sizes it: the share
     * {@code gpuMemoryUtilization} of every GPU's memory, less the weights ({@code parameters ×
     * bytesPerParameter}, split over the GPUs) and a per-GPU reserve for activations and CUDA graphs,
     * divided by the KV bytes per token (whose heads are split over the GPUs too, so the total is the same).
     *
     * @throws InvalidSpecException when the weights do not fit
     */
    public static long kvTokensFromMemory(
            double gpuMemoryGiB,
            double gpuMemoryUtilization,
            int tensorParallel,
            double parameters,
            double bytesPerParameter,
            double reservePerGpuGiB,
            long kvBytesPerToken) {
        if (!(gpuMemoryGiB > 0)
                || !(gpuMemoryUtilization > 0 && gpuMemoryUtilization <= 1)
                || tensorParallel < 1
                || !(parameters > 0)
                || !(bytesPerParameter > 0)
                || !(reservePerGpuGiB >= 0)
                || kvBytesPerToken < 1) {
            throw new InvalidSpecException(
                    "gpu_memory",
                    "memory, utilisation (0..1], tensor parallelism, parameters and bytes must be positive");
        }
        double gib = 1024.0 * 1024 * 1024;
        double free = tensorParallel * (gpuMemoryGiB * gpuMemoryUtilization - reservePerGpuGiB) * gib
                - parameters * bytesPerParameter;
        if (free < kvBytesPerToken * (double) DEFAULT_BLOCK_SIZE) {
            throw new InvalidSpecException(
                    "gpu_memory",
                    String.format(
                            java.util.Locale.ROOT,
                            "the weights (%.1f GiB) and reserve leave no room for a KV cache in %d × %.0f GiB × %.2f",
                            parameters * bytesPerParameter / gib,
                            tensorParallel,
                            gpuMemoryGiB,
                            gpuMemoryUtilization));
        }
        return (long) (free / kvBytesPerToken);
    }
}
