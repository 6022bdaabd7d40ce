package frontier.model.batch;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.model.pool.LlmEngineSpec;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * A batch (offline) inference job, such as embedding a corpus overnight: {@code items} to process, split into
 * equal shards over the {@code fleet}'s instances; the work of one item on one instance given as exactly one of
 * {@code item_s} (a distribution of seconds per item), {@code items_per_s} (an instance's throughput, e.g. an LLM
 * engine's at full batch), {@code tokens_per_item} (a distribution) with {@code tokens_per_s} (an instance's
 * throughput in tokens), or {@code llm_engine} (every instance runs a continuous-batching engine as a serving pool's
 * {@code model.llm_engine} does) with the items' {@code tokens}; {@code checkpoint} says how progress is saved; every instance, the first ones and every
 * replacement, spends {@code startup_s} (provisioning, image, container) plus {@code model_load_s} (weights to the
 * GPU, reading the last checkpoint) before it works. The job starts at {@code start_s} on the clock of the
 * interruption trace and the {@code unavailable} periods (0 by default); {@code deadline_s}, optional, counts
 * from the job's start.
 *
 * <p>Work is fluid within a shard: items are taken to be short against the checkpoint interval, so a checkpoint
 * saves exactly the work done before it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BatchJob(
        @JsonProperty(required = true) long items,
        Distribution itemS,
        Double itemsPerS,
        Distribution tokensPerItem,
        Double tokensPerS,
        @JsonProperty(required = true) BatchFleet fleet,
        @JsonProperty(required = true) Checkpointing checkpoint,
        Double startupS,
        Double modelLoadS,
        Double startS,
        Double deadlineS,
        LlmEngineSpec llmEngine,
        BatchTokens tokens) {
    /** Most items a job may have: far beyond a corpus of a billion documents, within exact double arithmetic. */
    public static final long MAX_ITEMS = 1L << 50;

    public BatchJob {
        if (items < 1 || items > MAX_ITEMS)
            throw new InvalidSpecException("items", "expected an integer from 1 to " + MAX_ITEMS + ", got " + items);
        int given = (itemS != null ? 1 : 0)
                + (itemsPerS != null ? 1 : 0)
                + (tokensPerItem != null || tokensPerS != null ? 1 : 0)
                + (llmEngine != null || tokens != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidSpecException(
                    "item_s",
                    "give exactly one kind of work per item: 'item_s' (a distribution of seconds per item),"
                            + " 'items_per_s' (one instance's throughput), 'tokens_per_item' with 'tokens_per_s', or"
                            + " 'llm_engine' with the items' 'tokens' (input and output)");
        }
        if (llmEngine != null || tokens != null) {
            InvalidSpecException.required("llm_engine", llmEngine);
            InvalidSpecException.required("tokens", tokens);
        }
        if (itemsPerS != null) InvalidSpecException.positive("items_per_s", itemsPerS);
        if (tokensPerItem != null || tokensPerS != null) {
            InvalidSpecException.required("tokens_per_item", tokensPerItem);
            InvalidSpecException.required("tokens_per_s", tokensPerS);
            InvalidSpecException.positive("tokens_per_s", tokensPerS);
        }
        InvalidSpecException.required("fleet", fleet);
        InvalidSpecException.required("checkpoint", checkpoint);
        if (startupS == null) startupS = 0.0;
        InvalidSpecException.nonNegative("startup_s", startupS);
        if (modelLoadS == null) modelLoadS = 0.0;
        InvalidSpecException.nonNegative("model_load_s", modelLoadS);
        if (startS == null) startS = 0.0;
        InvalidSpecException.nonNegative("start_s", startS);
        if (deadlineS != null) InvalidSpecException.positive("deadline_s", deadlineS);
        if (fleet.fallback() != null && fleet.fallback().whenDeadlineAtRisk() && deadlineS == null) {
            throw new InvalidSpecException("fleet.fallback.when_deadline_at_risk", "needs the job's 'deadline_s'");
        }
        if (fleet.instances() > items) {
            throw new InvalidSpecException(
                    "fleet.instances",
                    "a job of " + items + " items cannot keep " + fleet.instances()
                            + " instances busy; give at most one instance per item");
        }
    }

    /** A job without an LLM engine (the form before {@code llm_engine} existed). */
    public BatchJob(
            long items,
            Distribution itemS,
            Double itemsPerS,
            Distribution tokensPerItem,
            Double tokensPerS,
            BatchFleet fleet,
            Checkpointing checkpoint,
            Double startupS,
            Double modelLoadS,
            Double startS,
            Double deadlineS) {
        this(
                items,
                itemS,
                itemsPerS,
                tokensPerItem,
                tokensPerS,
                fleet,
                checkpoint,
                startupS,
                modelLoadS,
                startS,
                deadlineS,
                null,
                null);
    }

    /** The overhead of every instance before it works: start-up plus model load, seconds. */
    @JsonIgnore
    public double restartS() {
        return startupS + modelLoadS;
    }

    /**
     * Mean seconds of work per item on one instance. For an LLM engine (resolved) an estimate from the profile
     * without simulating it, for limits and estimates only: {@code max_num_seqs} sequences (fewer when the KV cache
     * cannot hold that many of the mean item) each emitting one token per iteration, an item taking its mean output
     * tokens' iterations; the run measures the engine's rate ({@link frontier.model.llm.LlmSaturation}).
     */
    @JsonIgnore
    public double meanItemS() {
        if (itemS != null) return itemS.mean();
        if (itemsPerS != null) return 1 / itemsPerS;
        if (llmEngine != null) return llmEstimateS();
        return tokensPerItem.mean() / tokensPerS;
    }

    private double llmEstimateS() {
        if (!llmEngine.resolved()) return Double.NaN;
        double in = Math.max(1, tokens.input().mean());
        double out = Math.max(1, tokens.output().mean());
        double seqs = Math.max(1, Math.min(llmEngine.maxNumSeqs(), Math.floor(llmEngine.kvCacheTokens() / (in + out))));
        var p = llmEngine.iterationProfile();
        double prefill = Math.min(llmEngine.maxNumBatchedTokens(), seqs * in / out);
        double step = p.a() + p.b() * prefill + p.c() * seqs + p.d() * seqs * (in + out / 2);
        return out * step / seqs;
    }

    /** The same job with another fleet (resolved prices). */
    public BatchJob withFleet(BatchFleet f) {
        return new BatchJob(
                items,
                itemS,
                itemsPerS,
                tokensPerItem,
                tokensPerS,
                f,
                checkpoint,
                startupS,
                modelLoadS,
                startS,
                deadlineS,
                llmEngine,
                tokens);
    }

    /** The same job with another LLM engine spec (the loader's, with the profile and KV cache filled in). */
    public BatchJob withLlmEngine(LlmEngineSpec e) {
        return new BatchJob(
                items,
                itemS,
                itemsPerS,
                tokensPerItem,
                tokensPerS,
                fleet,
                checkpoint,
                startupS,
                modelLoadS,
                startS,
                deadlineS,
                e,
                tokens);
    }
}
