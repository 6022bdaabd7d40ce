package frontier.analysis.llm;

import frontier.model.llm.LlmWorkload;
import java.util.List;

/**
 * One load level of a serving benchmark: its label, its offered rate (requests/s; infinite when all
 * requests were sent at once; NaN when unknown) and its successful requests in send order. Times in
 * seconds; a request's send time is NaN when the benchmark did not record it.
 */
public record BenchmarkLevel(String label, double offeredRate, List<Request> requests) {
    /** One measured request: send time (s, any origin; NaN if unknown), tokens, TTFT and end-to-end latency (s). */
    public record Request(double sendTime, int inputTokens, int outputTokens, double ttft, double e2e) {
        /** Mean gap between output tokens after the first (NaN with one output token). */
        public double tpot() {
            return outputTokens > 1 ? (e2e - ttft) / (outputTokens - 1) : Double.NaN;
        }
    }

    public boolean hasSendTimes() {
        return requests.stream().allMatch(r -> !Double.isNaN(r.sendTime()));
    }

    /**
     * The workload that reproduces this level: its recorded send times replayed, else all at once for an
     * infinite rate, else Poisson arrivals at the offered rate (the generator of vLLM's and SGLang's
     * benchmark clients) with these requests' token counts.
     */
    public LlmWorkload workload() {
        int n = requests.size();
        int[] in = new int[n];
        int[] out = new int[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = requests.get(i).inputTokens();
            out[i] = requests.get(i).outputTokens();
            t[i] = requests.get(i).sendTime();
        }
        if (hasSendTimes()) return LlmWorkload.replay(t, in, out);
        if (Double.isInfinite(offeredRate)) return LlmWorkload.allAtOnce(in, out);
        if (!(offeredRate > 0)) {
            throw new frontier.sim.BadInputException(
                    "level " + label + ": no send times and no request rate; cannot reproduce its arrivals");
        }
        return LlmWorkload.poisson(offeredRate, n, in, out);
    }

    /** Requests completed per second from the first send to the last end (needs send times). */
    public double achievedRate() {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (Request r : requests) {
            first = Math.min(first, r.sendTime());
            last = Math.max(last, r.sendTime() + r.e2e());
        }
        return requests.size() / (last - first);
    }
}
