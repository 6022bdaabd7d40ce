package frontier.model;

import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * Token counts carried by each request, drawn per request (rounded to whole tokens) from the streams
 * "tokens-in" and "tokens-out"; a replayed trace's token columns take precedence over them. They turn cost
 * into cost per million tokens, and drive the service time of pools whose model has a {@code token_time}.
 */
public record TokensSpec(Distribution input, Distribution output) {
    public TokensSpec {
        if (input == null && output == null)
            throw new InvalidSpecException("input", "give 'input', 'output' or both (token-count distributions)");
    }
}
