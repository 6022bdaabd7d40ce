package frontier.model.traffic;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A non-homogeneous Poisson process whose rate is piecewise constant: {@code rates_per_s[i]} holds for
 * {@code interval_s} seconds each (e.g. 24 hourly values), and the profile repeats (e.g. daily) unless
 * {@code repeat} is false, in which case arrivals stop after the last interval.
 *
 * <p>Arrivals are generated exactly by inverting the cumulative rate: a unit-mean exponential amount of
 * "rate mass" is spent across intervals, so intervals with rate 0 simply produce no arrivals.
 */
public record ProfileTraffic(
        List<Double> ratesPerS,
        @JsonProperty(required = true) double intervalS,
        Boolean repeat) implements Traffic {
    public ProfileTraffic {
        if (ratesPerS == null || ratesPerS.isEmpty())
            throw new InvalidSpecException("rates_per_s", "expected a non-empty array of rates per second");
        boolean anyPositive = false;
        for (int i = 0; i < ratesPerS.size(); i++) {
            Double r = ratesPerS.get(i);
            if (r == null || !(r >= 0) || r.isInfinite()) {
                throw new InvalidSpecException("rates_per_s[" + i + "]", "expected a finite rate >= 0, got " + r);
            }
            anyPositive |= r > 0;
        }
        if (!anyPositive) throw new InvalidSpecException("rates_per_s", "at least one rate must be > 0");
        InvalidSpecException.positive("interval_s", intervalS);
        ratesPerS = List.copyOf(ratesPerS);
        if (repeat == null) repeat = true;
    }

    @Override
    public double meanRate() {
        return ratesPerS.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    @Override
    public ArrivalProcess open(UniformRandomProvider rng, Path baseDir) {
        double[] rates = ratesPerS.stream().mapToDouble(Double::doubleValue).toArray();
        double width = intervalS;
        boolean loop = repeat;
        double period = width * rates.length;
        ZigguratSampler.Exponential exp = ZigguratSampler.Exponential.of(rng);
        double mean = meanRate();
        return new ArrivalProcess() {
            @Override
            public double next(double now) {
                double mass = exp.sample();
                double t = now;
                while (true) {
                    long cycle = (long) Math.floor(t / period);
                    if (!loop && cycle > 0) return Double.POSITIVE_INFINITY;
                    double inCycle = t - cycle * period;
                    int i = Math.min(rates.length - 1, (int) (inCycle / width));
                    double end = cycle * period + (i + 1) * width;
                    double r = rates[i];
                    double available = r * (end - t);
                    if (r > 0 && available >= mass) return t + mass / r;
                    mass -= available;
                    t = end;
                }
            }

            @Override
            public double meanRate() {
                return mean;
            }
        };
    }
}
