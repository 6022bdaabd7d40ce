package frontier.model.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * The prompt ({@code input}) and answer ({@code output}) tokens of one item of a batch job whose instances run an LLM
 * engine: distributions, drawn per item and rounded to whole tokens (at least 1), as a scenario's {@code tokens} are
 * for requests.
 */
public record BatchTokens(
        @JsonProperty(required = true) Distribution input,
        @JsonProperty(required = true) Distribution output) {
    public BatchTokens {
        InvalidSpecException.required("input", input);
        InvalidSpecException.required("output", output);
    }
}
