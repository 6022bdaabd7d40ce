package frontier.model.traffic;

import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Sampler;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;

/** Independent, identically distributed inter-arrival times from any {@link Distribution}. */
public record RenewalTraffic(Distribution interarrival) implements Traffic {
    public RenewalTraffic {
        InvalidSpecException.required("interarrival", interarrival);
        if (!(interarrival.mean() > 0))
            throw new InvalidSpecException("interarrival", "mean inter-arrival time must be > 0");
    }

    @Override
    public ArrivalProcess open(UniformRandomProvider rng, Path baseDir) {
        Sampler s = interarrival.sampler(rng);
        double rate = meanRate();
        return new ArrivalProcess() {
            @Override
            public double next(double now) {
                return now + s.sample();
            }

            @Override
            public double meanRate() {
                return rate;
            }
        };
    }

    @Override
    public double meanRate() {
        return 1.0 / interarrival.mean();
    }
}
