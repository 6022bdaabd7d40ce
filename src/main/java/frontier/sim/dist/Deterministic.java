package frontier.sim.dist;

import static frontier.sim.InvalidSpecException.nonNegative;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.commons.rng.UniformRandomProvider;

/** Always the same value (seconds). */
public record Deterministic(@JsonProperty(required = true) double value) implements Distribution {
    public Deterministic {
        nonNegative("value", value);
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public double cv() {
        return 0;
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        double v = value;
        return () -> v;
    }
}
