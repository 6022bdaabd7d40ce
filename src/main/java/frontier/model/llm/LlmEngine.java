package frontier.model.llm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The iteration loop of one continuous-batching instance, as vLLM's V1 scheduler runs it: each
 * iteration first gives every running sequence its tokens (one in decode, the next prompt chunk while
 * prefilling) within the token budget, allocating KV blocks as the sequences grow and, when the cache is
 * full, preempting the most recently admitted running sequence (its blocks freed, its prompt and output
 * recomputed later); then, if nothing was preempted, admits waiting sequences in arrival order while the
 * batch has room ({@code max_num_seqs}), the budget has tokens and the cache has blocks for their first
 * chunk. The iteration's duration comes from the {@link IterationProfile}.
 *
 * <p>Driven from outside, one event per iteration: {@link #admit} queues a sequence at any time;
 * {@link #beginIteration} plans the next batch and returns its duration (a driver schedules the end that
 * far ahead); {@link #endIteration} applies it and reports first tokens, finishes and preemptions. The
 * engine keeps no clock and allocates nothing per iteration.
 */
public final class LlmEngine {
    private final EngineConfig config;
    private final IterationProfile profile;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gaussian;
    private final double noiseSigma;
    private final double noiseMu;
    private final long totalBlocks;
    private final int blockSize;

    private final ArrayList<LlmSequence> running = new ArrayList<>();
    private final ArrayDeque<LlmSequence> waiting = new ArrayDeque<>();
    private final ArrayList<LlmSequence> preemptedNow = new ArrayList<>();
    private long freeBlocks;
    private boolean inIteration;

    // The planned iteration, for the driver's statistics.
    private int batchSeqs;
    private long batchPrefillTokens;
    private int batchDecodeSeqs;
    private long batchContextTokens;
    private long iterations;
    private long preemptions;

    /**
     * @param rng the noise stream; may be null when the profile has no noise
     */
    public LlmEngine(EngineConfig config, IterationProfile profile, UniformRandomProvider rng) {
        this.config = config;
        this.profile = profile;
        this.blockSize = config.blockSize();
        this.totalBlocks = config.kvBlocks();
        this.freeBlocks = totalBlocks;
        if (profile.noiseCv() > 0) {
            if (rng == null) throw new IllegalArgumentException("a noisy profile needs a random stream");
            this.rng = rng;
            this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
            double s2 = Math.log1p(profile.noiseCv() * profile.noiseCv());
            this.noiseSigma = Math.sqrt(s2);
            this.noiseMu = -s2 / 2;
        } else {
            this.rng = null;
            this.gaussian = null;
            this.noiseSigma = 0;
            this.noiseMu = 0;
        }
    }

    public EngineConfig config() {
        return config;
    }

    public IterationProfile profile() {
        return profile;
    }

    /** Prompt tokens that a prefix-cache hit ratio serves for a prompt, whole blocks only, at least one token left to compute. */
    public int cachedTokensFor(int inputTokens) {
        int blocks = (int) Math.max(
                Math.floor(inputTokens * config.prefixHitRatio() / blockSize),
                Math.floor((double) Math.min(config.sharedPrefixTokens(), inputTokens) / blockSize));
        return Math.min(blocks * blockSize, ((inputTokens - 1) / blockSize) * blockSize);
    }

    /**
     * Whether this engine can ever serve the sequence: its prompt and output fit the whole KV cache and,
     * without chunked prefill, its prompt fits the token budget.
     */
    public boolean canServe(LlmSequence s) {
        if (blocksFor(s, s.inputTokens + s.outputTokens) > totalBlocks) return false;
        return config.chunkedPrefill() || s.inputTokens - s.cachedTokens <= config.maxNumBatchedTokens();
    }

    /** Queues a sequence; it joins the batch at the start of a later iteration. The caller checks {@link #canServe} first. */
    public void admit(LlmSequence s) {
        s.computed = s.cachedTokens;
        waiting.addLast(s);
    }

    /** Whether there is anything to run (a driver starts an iteration when idle and this turns true). */
    public boolean hasWork() {
        return !running.isEmpty() || !waiting.isEmpty();
    }

    public boolean inIteration() {
        return inIteration;
    }

    /**
     * Plans the next iteration and returns its duration in seconds; returns 0 with nothing scheduled
     * when there is no work. Preemptions made while planning are reported by the next {@link #endIteration}.
     */
    public double beginIteration() {
        if (inIteration) throw new IllegalStateException("an iteration is already under way");
        int budget = config.maxNumBatchedTokens();
        long prefill = 0;
        long context = 0;
        long decodeContext = 0;
        int decode = 0;
        int seqs = 0;
        boolean preempted = false;
        for (int i = 0; i < running.size() && budget > 0; i++) {
            LlmSequence s = running.get(i);
            int n = Math.min(s.remaining(), budget);
            // A running sequence's blocks already hold its computed tokens: it needs more only when these n tokens
            // overflow them (in decode, once every blockSize iterations), so the division is skipped otherwise.
            long need = (long) s.computed + n - s.cachedTokens > (long) s.blocks * blockSize
                    ? blocksFor(s, s.computed + n) - s.blocks
                    : 0;
            boolean selfPreempted = false;
            while (need > freeBlocks) {
                LlmSequence victim = running.removeLast();
                preempt(victim);
                preempted = true;
                if (victim == s) {
                    selfPreempted = true;
                    break;
                }
            }
            if (selfPreempted) break;
            freeBlocks -= need;
            s.blocks += need;
            s.scheduled = n;
            budget -= n;
            seqs++;
            context += s.computed + n;
            if (n == 1 && s.generated > 0) {
                decode++;
                decodeContext += s.computed + n;
            } else {
                prefill += n;
            }
        }
        if (!preempted) {
            while (!waiting.isEmpty() && running.size() < config.maxNumSeqs() && budget > 0) {
                LlmSequence s = waiting.peekFirst();
                int rem = s.remaining();
                // Without chunking a prompt is computed whole; one that exceeds the budget (a recompute after
                // preemption) may run alone.
                if (!config.chunkedPrefill() && rem > budget && seqs > 0) break;
                int n = config.chunkedPrefill() ? Math.min(rem, budget) : rem;
                long need = blocksFor(s, s.computed + n) - s.blocks;
                if (need > freeBlocks) break;
                waiting.pollFirst();
                freeBlocks -= need;
                s.blocks += need;
                s.scheduled = n;
                s.running = true;
                running.add(s);
                budget = Math.max(0, budget - n);
                seqs++;
                context += s.computed + n;
                prefill += n;
            }
        }
        batchSeqs = seqs;
        batchPrefillTokens = prefill;
        batchDecodeSeqs = decode;
        batchContextTokens = context;
        if (seqs == 0 && preemptedNow.isEmpty()) return 0;
        inIteration = true;
        iterations++;
        if (seqs == 0) return 0;
        double t = profile.meanSeconds(prefill, decode, context, decodeContext);
        if (gaussian != null) t *= Math.exp(noiseMu + noiseSigma * gaussian.sample());
        return t;
    }

    /** Applies the planned iteration at time {@code now}: tokens emitted, sequences finished, and the preemptions made while planning. */
    public void endIteration(double now, IterationListener listener) {
        if (!inIteration) throw new IllegalStateException("no iteration under way");
        inIteration = false;
        for (LlmSequence p : preemptedNow) listener.preempted(p, now);
        preemptedNow.clear();
        int w = 0;
        for (int i = 0, n = running.size(); i < n; i++) {
            LlmSequence s = running.get(i);
            boolean keep = true;
            if (s.scheduled > 0) {
                s.computed += s.scheduled;
                s.scheduled = 0;
                if (s.remaining() == 0) {
                    s.generated++;
                    if (s.generated == 1) {
                        s.firstTokenTime = now;
                        listener.firstToken(s, now);
                    }
                    if (s.generated >= s.outputTokens) {
                        s.finishTime = now;
                        freeBlocks += s.blocks;
                        s.blocks = 0;
                        s.running = false;
                        keep = false;
                        listener.finished(s, now);
                    }
                }
            }
            if (keep) running.set(w++, s);
        }
        while (running.size() > w) running.removeLast();
    }

    private void preempt(LlmSequence s) {
        freeBlocks += s.blocks;
        s.blocks = 0;
        s.computed = s.cachedTokens;
        s.scheduled = 0;
        s.running = false;
        s.preemptions++;
        preemptions++;
        waiting.addFirst(s);
        preemptedNow.add(s);
    }

    private long blocksFor(LlmSequence s, long tokens) {
        long own = tokens - s.cachedTokens;
        return own <= 0 ? 0 : (own + blockSize - 1) / blockSize;
    }

    public int runningCount() {
        return running.size();
    }

    public int waitingCount() {
        return waiting.size();
    }

    public long totalBlocks() {
        return totalBlocks;
    }

    public long usedBlocks() {
        return totalBlocks - freeBlocks;
    }

    /** Sequences in the planned (or last) iteration. */
    public int batchSeqs() {
        return batchSeqs;
    }

    public long batchPrefillTokens() {
        return batchPrefillTokens;
    }

    public int batchDecodeSeqs() {
        return batchDecodeSeqs;
    }

    public long batchContextTokens() {
        return batchContextTokens;
    }

    public long iterations() {
        return iterations;
    }

    public long preemptions() {
        return preemptions;
    }
}
