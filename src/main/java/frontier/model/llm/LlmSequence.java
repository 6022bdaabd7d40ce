package frontier.model.llm;

/**
 * One request inside an engine: its sizes, given by the caller, and its progress, kept by the engine.
 * Mutable and owned by one engine at a time; the caller reads the times once the engine reported them.
 */
public final class LlmSequence {
    final int inputTokens;
    final int outputTokens;
    /** Prompt tokens served by the prefix cache (a whole number of blocks, below the prompt length). */
    final int cachedTokens;
    /** Caller's bookkeeping: arrival time, an index into its own arrays. */
    public final double arrivalTime;

    public final int id;

    // Progress. computed = tokens whose KV exists (cached ones included); generated = output tokens emitted.
    int computed;
    int generated;
    int blocks;
    /** Tokens scheduled in the current iteration (0 when not scheduled). */
    int scheduled;

    boolean running;
    int preemptions;
    double firstTokenTime = Double.NaN;
    double finishTime = Double.NaN;

    /**
     * @param cachedTokens prompt tokens that hit the prefix cache (clamped so at least one token is computed)
     */
    public LlmSequence(int id, double arrivalTime, int inputTokens, int outputTokens, int cachedTokens) {
        if (inputTokens < 1) throw new IllegalArgumentException("input tokens must be >= 1, got " + inputTokens);
        if (outputTokens < 1) throw new IllegalArgumentException("output tokens must be >= 1, got " + outputTokens);
        this.id = id;
        this.arrivalTime = arrivalTime;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.cachedTokens = Math.max(0, Math.min(cachedTokens, inputTokens - 1));
    }

    public int inputTokens() {
        return inputTokens;
    }

    public int outputTokens() {
        return outputTokens;
    }

    public int cachedTokens() {
        return cachedTokens;
    }

    public int generated() {
        return generated;
    }

    public int preemptions() {
        return preemptions;
    }

    /** When the first output token was emitted (NaN before). */
    public double firstTokenTime() {
        return firstTokenTime;
    }

    /** When the last output token was emitted (NaN before). */
    public double finishTime() {
        return finishTime;
    }

    /**
     * Tokens to compute before the next token can be sampled: the prompt and every generated token must
     * be in the KV cache (one token in decode; the whole prompt, or prompt and output again after a
     * preemption, otherwise).
     */
    int remaining() {
        return inputTokens + generated - computed;
    }
}
