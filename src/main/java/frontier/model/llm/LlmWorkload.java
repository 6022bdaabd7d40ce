package frontier.model.llm;

import frontier.sim.InvalidSpecException;
import java.util.Arrays;

/**
 * The requests offered to an LLM deployment, open loop: either replayed (send times in seconds from the
 * start, with each request's prompt and output tokens), or Poisson arrivals at {@code rate} per second
 * whose token counts are drawn with replacement from the given pairs. A replay may also give each request's
 * prompt tokens served by the prefix cache ({@code cachedTokens}, or null): a fit replays the hits it inferred.
 */
public record LlmWorkload(
        double[] sendTimes,
        int[] inputTokens,
        int[] outputTokens,
        double poissonRate,
        int requests,
        int[] cachedTokens) {
    public LlmWorkload(double[] sendTimes, int[] inputTokens, int[] outputTokens, double poissonRate, int requests) {
        this(sendTimes, inputTokens, outputTokens, poissonRate, requests, null);
    }

    public LlmWorkload {
        if (inputTokens.length == 0 || inputTokens.length != outputTokens.length) {
            throw new InvalidSpecException("tokens", "expected as many input as output token counts, at least one");
        }
        for (int i = 0; i < inputTokens.length; i++) {
            if (inputTokens[i] < 1 || outputTokens[i] < 1) {
                throw new InvalidSpecException("tokens", "request " + i + ": input and output tokens must be >= 1");
            }
        }
        if (sendTimes != null) {
            if (sendTimes.length != inputTokens.length)
                throw new InvalidSpecException("send_times", "one send time per request expected");
            for (int i = 1; i < sendTimes.length; i++) {
                if (!(sendTimes[i] >= sendTimes[i - 1]))
                    throw new InvalidSpecException("send_times", "must be in increasing order (request " + i + ")");
            }
            requests = sendTimes.length;
            if (cachedTokens != null && cachedTokens.length != sendTimes.length)
                throw new InvalidSpecException("cached_tokens", "one count per request expected");
        } else {
            if (cachedTokens != null)
                throw new InvalidSpecException("cached_tokens", "only a replay names each request's cache hits");
            if (!(poissonRate > 0)) throw new InvalidSpecException("rate", "expected > 0, got " + poissonRate);
            if (requests < 1) throw new InvalidSpecException("requests", "expected >= 1, got " + requests);
        }
    }

    /** Replays the given send times (shifted so the first is 0) and token counts. */
    public static LlmWorkload replay(double[] sendTimes, int[] input, int[] output) {
        double[] t = sendTimes.clone();
        double t0 = t.length == 0 ? 0 : Arrays.stream(t).min().orElse(0);
        for (int i = 0; i < t.length; i++) t[i] -= t0;
        return new LlmWorkload(t, input.clone(), output.clone(), 0, t.length);
    }

    /** This replay with each request's prompt tokens served by the prefix cache. */
    public LlmWorkload withCachedTokens(int[] cached) {
        return new LlmWorkload(sendTimes, inputTokens, outputTokens, poissonRate, requests, cached.clone());
    }

    /** {@code requests} Poisson arrivals at {@code rate}/s, tokens drawn from the pairs. */
    public static LlmWorkload poisson(double rate, int requests, int[] input, int[] output) {
        return new LlmWorkload(null, input.clone(), output.clone(), rate, requests);
    }

    /** The same requests all sent at time 0 (a "throughput" level). */
    public static LlmWorkload allAtOnce(int[] input, int[] output) {
        return new LlmWorkload(new double[input.length], input.clone(), output.clone(), 0, input.length);
    }

    public boolean isReplay() {
        return sendTimes != null;
    }
}
