package frontier.model.llm;

/** Hears what an iteration did to its sequences, at the iteration's end time. */
public interface IterationListener {
    /** The sequence emitted its first output token. */
    void firstToken(LlmSequence s, double now);

    /** The sequence emitted its last output token and left the engine (its KV blocks are free). */
    void finished(LlmSequence s, double now);

    /** The sequence lost its KV blocks to make room and went back to the front of the queue (recompute). */
    default void preempted(LlmSequence s, double now) {}
}
