package frontier.sim.dist;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A non-negative continuous distribution of times in seconds (inter-arrival or service times). Each
 * family accepts its native parameters or, for the two-parameter families, a mean and a coefficient of
 * variation (cv = standard deviation / mean), which is how measured latencies are usually summarised.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Exponential.class, name = "exponential"),
    @JsonSubTypes.Type(value = Deterministic.class, name = "deterministic"),
    @JsonSubTypes.Type(value = LogNormal.class, name = "lognormal"),
    @JsonSubTypes.Type(value = GammaDist.class, name = "gamma"),
    @JsonSubTypes.Type(value = Weibull.class, name = "weibull"),
    @JsonSubTypes.Type(value = Empirical.class, name = "empirical"),
})
public sealed interface Distribution permits Exponential, Deterministic, LogNormal, GammaDist, Weibull, Empirical {
    /** A sampler drawing from {@code rng}; each call returns an independent sampler. */
    Sampler sampler(UniformRandomProvider rng);

    double mean();

    /** Coefficient of variation, standard deviation / mean. */
    double cv();

    /** Second moment E[X²], used by queueing formulas such as Pollaczek–Khinchine. */
    default double secondMoment() {
        double m = mean();
        double c = cv();
        return m * m * (1 + c * c);
    }
}
