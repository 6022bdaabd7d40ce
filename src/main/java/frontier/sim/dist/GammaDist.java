package frontier.sim.dist;

import static frontier.sim.InvalidSpecException.positive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/**
 * Gamma with shape k and scale θ (mean kθ). Given by {@code mean} and {@code cv}
 * (k = 1/cv², θ = mean·cv²) or natively by {@code shape} and {@code scale} (seconds).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GammaDist(
        @JsonProperty("mean") Double meanValue,
        @JsonProperty("cv") Double cvValue,
        Double shape,
        Double scale) implements Distribution {
    public GammaDist {
        if (!TwoParameter.byMoments(meanValue, cvValue, "shape", shape, "scale", scale)) {
            positive("shape", shape);
            positive("scale", scale);
        }
    }

    double k() {
        return shape != null ? shape : 1.0 / (cvValue * cvValue);
    }

    double theta() {
        return scale != null ? scale : meanValue * cvValue * cvValue;
    }

    @Override
    public double mean() {
        return meanValue != null ? meanValue : shape * scale;
    }

    @Override
    public double cv() {
        return cvValue != null ? cvValue : 1.0 / Math.sqrt(shape);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        var s = AhrensDieterMarsagliaTsangGammaSampler.of(rng, k(), theta());
        return s::sample;
    }
}
