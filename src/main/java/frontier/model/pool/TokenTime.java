package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * A service time driven by the request's token counts, as LLM serving is: {@code overhead} (seconds,
 * drawn per request) + input tokens / {@code prefill_tokens_per_s} + output tokens /
 * {@code decode_tokens_per_s}, the whole multiplied by a lognormal noise factor of mean 1 and
 * coefficient of variation {@code noise_cv} (no noise when 0). The rates are those of one request on one
 * slot at the pool's usual load, as fitted from logs.
 */
public record TokenTime(
        @JsonProperty(required = true) Distribution overhead,
        @JsonProperty(required = true) double prefillTokensPerS,
        @JsonProperty(required = true) double decodeTokensPerS,
        Double noiseCv) {
    public TokenTime {
        InvalidSpecException.required("overhead", overhead);
        InvalidSpecException.positive("prefill_tokens_per_s", prefillTokensPerS);
        InvalidSpecException.positive("decode_tokens_per_s", decodeTokensPerS);
        if (noiseCv == null) noiseCv = 0.0;
        InvalidSpecException.nonNegative("noise_cv", noiseCv);
        if (noiseCv != 0 && (noiseCv < 1e-12 || noiseCv > 1000)) {
            throw new InvalidSpecException("noise_cv", "expected 0 (none) or a cv from 1e-12 to 1000, got " + noiseCv);
        }
    }

    /** The service time before noise of a request with these token counts, given its drawn overhead. */
    public double seconds(double overheadS, int inputTokens, int outputTokens) {
        return overheadS + inputTokens / prefillTokensPerS + outputTokens / decodeTokensPerS;
    }
}
