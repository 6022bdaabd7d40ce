package frontier.model.traffic;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Bursty traffic: a two-state Markov-modulated Poisson process. In each state arrivals are Poisson at
 * that state's rate; the time spent in a state is exponential with the state's mean duration, after
 * which the process switches to the other state. The initial state is drawn from the stationary
 * distribution so that statistics are not biased by the start.
 */
public record MmppTraffic(State normal, State burst) implements Traffic {
    /** One modulating state: Poisson rate (per second) and mean sojourn time (seconds). */
    public record State(
            @JsonProperty(required = true) double ratePerS,
            @JsonProperty(required = true) double meanDurationS) {
        public State {
            InvalidSpecException.nonNegative("rate_per_s", ratePerS);
            InvalidSpecException.positive("mean_duration_s", meanDurationS);
        }
    }

    public MmppTraffic {
        InvalidSpecException.required("normal", normal);
        InvalidSpecException.required("burst", burst);
        if (normal.ratePerS() == 0 && burst.ratePerS() == 0)
            throw new InvalidSpecException("normal", "at least one state needs a rate > 0");
    }

    @Override
    public double meanRate() {
        double pn = normal.meanDurationS() / (normal.meanDurationS() + burst.meanDurationS());
        return pn * normal.ratePerS() + (1 - pn) * burst.ratePerS();
    }

    @Override
    public ArrivalProcess open(UniformRandomProvider rng, Path baseDir) {
        ZigguratSampler.Exponential exp = ZigguratSampler.Exponential.of(rng);
        State[] states = {normal, burst};
        double pNormal = normal.meanDurationS() / (normal.meanDurationS() + burst.meanDurationS());
        double mean = meanRate();
        return new ArrivalProcess() {
            int state = rng.nextDouble() < pNormal ? 0 : 1;
            double switchAt = exp.sample() * states[state].meanDurationS();

            @Override
            public double next(double now) {
                double t = now;
                while (true) {
                    double r = states[state].ratePerS();
                    // Memorylessness: the arrival clock can be redrawn at each switch.
                    double candidate = r > 0 ? t + exp.sample() / r : Double.POSITIVE_INFINITY;
                    if (candidate <= switchAt) return candidate;
                    t = switchAt;
                    state ^= 1;
                    switchAt = t + exp.sample() * states[state].meanDurationS();
                }
            }

            @Override
            public double meanRate() {
                return mean;
            }
        };
    }
}
