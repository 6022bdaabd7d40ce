package frontier.model.pool;

import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * The model a pool serves: its service time on the pool's hardware, either a distribution
 * ({@code service}) or a function of each request's token counts ({@code token_time}), never both; and
 * labels to compare variants (e.g. a distilled or int8 model against the full one).
 */
public record ModelProfile(String name, Distribution service, TokenTime tokenTime, String accuracy) {
    public ModelProfile {
        if ((service == null) == (tokenTime == null)) {
            throw new InvalidSpecException(service == null ? "service" : "token_time",
                    "give exactly one of 'service' (a service-time distribution) or 'token_time' (service time from each request's token counts)");
        }
        if (name == null || name.isBlank()) name = "model";
    }

    public ModelProfile(String name, Distribution service, String accuracy) {
        this(name, service, null, accuracy);
    }

    public static ModelProfile of(Distribution service) {
        return new ModelProfile(null, service, null, null);
    }
}
