package frontier.model.traffic;

import static frontier.sim.InvalidSpecException.positive;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Poisson arrivals at a constant rate (requests per second). */
public record PoissonTraffic(@JsonProperty(required = true) double ratePerS) implements Traffic {
    public PoissonTraffic {
        positive("rate_per_s", ratePerS);
    }

    @Override
    public ArrivalProcess open(UniformRandomProvider rng, Path baseDir) {
        ZigguratSampler.Exponential exp = ZigguratSampler.Exponential.of(rng, 1.0 / ratePerS);
        double rate = ratePerS;
        return new ArrivalProcess() {
            @Override
            public double next(double now) {
                return now + exp.sample();
            }

            @Override
            public double meanRate() {
                return rate;
            }
        };
    }

    @Override
    public double meanRate() {
        return ratePerS;
    }
}
