package frontier.model.pool;

import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * The model a pool serves: how its instances serve requests — a service-time distribution
 * ({@code service}), a function of each request's token counts ({@code token_time}), or a
 * continuous-batching LLM engine simulated iteration by iteration ({@code llm_engine}); exactly one of
 * the three — and labels to compare variants (e.g. a distilled or int8 model against the full one).
 */
public record ModelProfile(String name, Distribution service, TokenTime tokenTime, LlmEngineSpec llmEngine, String accuracy) {
    public ModelProfile {
        int given = (service == null ? 0 : 1) + (tokenTime == null ? 0 : 1) + (llmEngine == null ? 0 : 1);
        if (given != 1) {
            String field = service == null ? (tokenTime == null ? "service" : "token_time") : tokenTime != null ? "token_time" : "llm_engine";
            throw new InvalidSpecException(field, "give exactly one of 'service' (a service-time distribution), 'token_time' (service time from"
                    + " each request's token counts) or 'llm_engine' (a continuous-batching engine simulated per iteration)");
        }
        if (name == null || name.isBlank()) name = "model";
    }

    public ModelProfile(String name, Distribution service, TokenTime tokenTime, String accuracy) {
        this(name, service, tokenTime, null, accuracy);
    }

    public ModelProfile(String name, Distribution service, String accuracy) {
        this(name, service, null, null, accuracy);
    }

    public static ModelProfile of(Distribution service) {
        return new ModelProfile(null, service, null, null, null);
    }

    /** The same model served by another engine spec (the loader's resolved one). */
    public ModelProfile withLlmEngine(LlmEngineSpec engine) {
        return new ModelProfile(name, null, null, engine, accuracy);
    }
}
