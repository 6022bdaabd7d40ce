package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * The model a pool serves: its service time on the pool's hardware, and labels to compare variants
 * (e.g. a distilled or int8 model against the full one).
 */
public record ModelProfile(String name, @JsonProperty(required = true) Distribution service, String accuracy) {
    public ModelProfile {
        InvalidSpecException.required("service", service);
        if (name == null || name.isBlank()) name = "model";
    }

    public static ModelProfile of(Distribution service) {
        return new ModelProfile(null, service, null);
    }
}
