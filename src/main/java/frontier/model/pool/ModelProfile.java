package frontier.model.pool;

import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * The model a pool serves: how its instances serve requests — a service-time distribution
 * ({@code service}), a function of each request's token counts ({@code token_time}), or a
 * continuous-batching LLM engine simulated iteration by iteration ({@code llm_engine}); exactly one of
 * the three — and what makes it one variant of a model among others: its {@code precision} (bf16, fp8, int8, …),
 * the teacher it was {@code distilled_from}, a {@code speed_factor} (its service times are the given ones divided by
 * it: 1.6 for an fp8 variant 1.6× as fast as the profile it was measured from), a {@code quality} figure the user
 * gives (accuracy or a task score, higher is better, in the user's own unit) and a free {@code accuracy} label.
 * A pool's requests are credited with its model's quality (the {@code quality.mean} metric).
 */
public record ModelProfile(
        String name,
        Distribution service,
        TokenTime tokenTime,
        LlmEngineSpec llmEngine,
        String accuracy,
        Double quality,
        Precision precision,
        String distilledFrom,
        Double speedFactor) {
    public ModelProfile(
            String name, Distribution service, TokenTime tokenTime, LlmEngineSpec llmEngine, String accuracy) {
        this(name, service, tokenTime, llmEngine, accuracy, null, null, null, null);
    }

    public ModelProfile {
        if (quality != null && !Double.isFinite(quality))
            throw new InvalidSpecException(
                    "quality", "expected a finite number (accuracy or a task score), got " + quality);
        if (speedFactor != null) {
            if (!(speedFactor > 0) || Double.isInfinite(speedFactor))
                throw new InvalidSpecException(
                        "speed_factor", "expected a number > 0 (service times are divided by it), got " + speedFactor);
            if (llmEngine != null && speedFactor != 1) {
                throw new InvalidSpecException(
                        "speed_factor",
                        "an LLM engine's speed comes from its iteration profile; give the variant's own profile instead of a speed factor");
            }
        }
        if (distilledFrom != null && distilledFrom.isBlank())
            throw new InvalidSpecException("distilled_from", "expected the teacher model's name");
        int given = (service == null ? 0 : 1) + (tokenTime == null ? 0 : 1) + (llmEngine == null ? 0 : 1);
        if (given != 1) {
            String field = service == null
                    ? (tokenTime == null ? "service" : "token_time")
                    : tokenTime != null ? "token_time" : "llm_engine";
            throw new InvalidSpecException(
                    field,
                    "give exactly one of 'service' (a service-time distribution), 'token_time' (service time from"
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
        return new ModelProfile(name, null, null, engine, accuracy, quality, precision, distilledFrom, speedFactor);
    }

    /** The factor service times are divided by (1 unless {@code speed_factor} says otherwise). */
    public double speed() {
        return speedFactor == null ? 1 : speedFactor;
    }
}
