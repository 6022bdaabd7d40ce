package frontier.model;

import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * Token counts carried by each request, drawn per request (rounded to whole tokens) from the streams
 * "tokens-in" and "tokens-out". They do not change service times here; they turn cost into cost per
 * million tokens.
 */
public record TokensSpec(Distribution input, Distribution output) {
    public TokensSpec {
        if (input == null && output == null) throw new InvalidSpecException("input", "give 'input', 'output' or both (token-count distributions)");
    }
}
