package frontier.sim.dist;

import static frontier.sim.InvalidSpecException.positive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Weibull with shape k and scale λ (seconds), drawn by inversion. Given natively or by {@code mean} and
 * {@code cv}; k is then found by bisection of cv² = Γ(1+2/k)/Γ(1+1/k)² − 1, which is monotone in k.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Weibull(
        @JsonProperty("mean") Double meanValue,
        @JsonProperty("cv") Double cvValue,
        Double shape,
        Double scale) implements Distribution {
    private static final double MIN_SHAPE = 0.05;
    private static final double MAX_SHAPE = 200;

    public Weibull {
        if (TwoParameter.byMoments(meanValue, cvValue, "shape", shape, "scale", scale)) {
            if (cvValue > cvOfShape(MIN_SHAPE) || cvValue < cvOfShape(MAX_SHAPE)) {
                throw new InvalidSpecException(
                        "cv",
                        "a Weibull cv must lie between " + cvOfShape(MAX_SHAPE) + " and " + cvOfShape(MIN_SHAPE)
                                + ", got " + cvValue);
            }
        } else {
            positive("shape", shape);
            positive("scale", scale);
        }
    }

    static double cvOfShape(double k) {
        double g1 = Gamma.logGamma(1 + 1 / k);
        double g2 = Gamma.logGamma(1 + 2 / k);
        return Math.sqrt(Math.expm1(g2 - 2 * g1));
    }

    double k() {
        if (shape != null) return shape;
        double lo = Math.log(MIN_SHAPE);
        double hi = Math.log(MAX_SHAPE);
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (cvOfShape(Math.exp(mid)) > cvValue) lo = mid;
            else hi = mid;
        }
        return Math.exp(0.5 * (lo + hi));
    }

    double lambda() {
        if (scale != null) return scale;
        return meanValue / Math.exp(Gamma.logGamma(1 + 1 / k()));
    }

    @Override
    public double mean() {
        return meanValue != null ? meanValue : scale * Math.exp(Gamma.logGamma(1 + 1 / shape));
    }

    @Override
    public double cv() {
        return cvValue != null ? cvValue : cvOfShape(shape);
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        double invK = 1.0 / k();
        double lam = lambda();
        return () -> lam * Math.pow(-Math.log1p(-rng.nextDouble()), invK);
    }
}
