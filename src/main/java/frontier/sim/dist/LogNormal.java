package frontier.sim.dist;

import static frontier.sim.InvalidSpecException.positive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Lognormal: ln X ~ Normal(mu, sigma²). Given by {@code mean} and {@code cv} (then
 * sigma² = ln(1 + cv²), mu = ln(mean) − sigma²/2) or natively by {@code mu} and {@code sigma}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogNormal(
        @JsonProperty("mean") Double meanValue,
        @JsonProperty("cv") Double cvValue,
        Double mu,
        Double sigma) implements Distribution {
    public LogNormal {
        if (!TwoParameter.byMoments(meanValue, cvValue, "mu", mu, "sigma", sigma)) {
            if (!Double.isFinite(mu)) throw new InvalidSpecException("mu", "expected a finite number, got " + mu);
            positive("sigma", sigma);
        }
    }

    private double logMu() {
        if (mu != null) return mu;
        return Math.log(meanValue) - 0.5 * logSigma() * logSigma();
    }

    private double logSigma() {
        if (sigma != null) return sigma;
        return Math.sqrt(Math.log1p(cvValue * cvValue));
    }

    @Override
    public double mean() {
        return meanValue != null ? meanValue : Math.exp(mu + 0.5 * sigma * sigma);
    }

    @Override
    public double cv() {
        return cvValue != null ? cvValue : Math.sqrt(Math.expm1(sigma * sigma));
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        var s = LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), logMu(), logSigma());
        return s::sample;
    }
}
