package frontier.model.llm;

import frontier.sim.Tally;

/**
 * What a simulated LLM deployment did. Latencies in seconds, as the client sees them (the profile's
 * request overhead included): TTFT from send to first token; TPOT per request = (end − first token) /
 * (output tokens − 1) over requests with more than one output token; ITL the token-weighted mean gap;
 * end-to-end from send to last token. Goodput counts requests meeting both SLOs. Per-request arrays are
 * kept only when asked for ({@code null} otherwise), indexed like the workload; NaN for a request not
 * served (rejected: it could never fit the KV cache or the budget).
 */
public record LlmResult(
        Tally ttft,
        Tally tpot,
        Tally e2e,
        double meanItl,
        long completed,
        long rejected,
        long outputTokens,
        double durationS,
        double outputTokensPerS,
        double requestsPerS,
        double goodputPerS,
        long preemptions,
        long iterations,
        double meanBatchSeqs,
        int maxBatchSeqs,
        double meanKvUse,
        double maxKvUse,
        Series series,
        double[] requestTtft,
        double[] requestTpot,
        double[] requestE2e,
        double wallSeconds) {
    /** Batch size and KV use over time, one point per step (the iteration in progress at the step's start). */
    public record Series(double stepS, double[] timeS, int[] batchSeqs, double[] kvUse, int[] waiting) {}
}
