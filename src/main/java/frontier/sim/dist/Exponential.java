package frontier.sim.dist;

import static frontier.sim.InvalidSpecException.positive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Exponential distribution, given by its mean (seconds) or its rate (per second), not both. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Exponential(
        @JsonProperty("mean") Double meanValue,
        @JsonProperty("rate") Double rate) implements Distribution {
    public Exponential {
        if ((meanValue == null) == (rate == null)) {
            throw new InvalidSpecException("mean", "give exactly one of 'mean' (seconds) or 'rate' (per second)");
        }
        if (meanValue != null) positive("mean", meanValue);
        if (rate != null) positive("rate", rate);
    }

    public static Exponential ofMean(double mean) {
        return new Exponential(mean, null);
    }

    @Override
    public double mean() {
        return meanValue != null ? meanValue : 1.0 / rate;
    }

    @Override
    public double cv() {
        return 1.0;
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        ZigguratSampler.Exponential s = ZigguratSampler.Exponential.of(rng, mean());
        return s::sample;
    }
}
