package frontier.sim.dist;

import com.fasterxml.jackson.annotation.JsonIgnore;
import frontier.sim.InvalidSpecException;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The empirical distribution of observed values (seconds): each draw is one of the samples chosen
 * uniformly at random, i.e. a bootstrap of the observations.
 */
public record Empirical(List<Double> samples) implements Distribution {
    public Empirical {
        if (samples == null || samples.isEmpty())
            throw new InvalidSpecException("samples", "expected a non-empty array of numbers");
        for (int i = 0; i < samples.size(); i++) {
            Double v = samples.get(i);
            if (v == null || !(v >= 0) || v.isInfinite()) {
                throw new InvalidSpecException("samples[" + i + "]", "expected a finite number >= 0, got " + v);
            }
        }
        samples = List.copyOf(samples);
    }

    @JsonIgnore
    private double[] values() {
        return samples.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double mean() {
        double s = 0;
        for (double v : samples) s += v;
        return s / samples.size();
    }

    @Override
    public double cv() {
        return Math.sqrt(Math.max(0, secondMoment() / (mean() * mean()) - 1));
    }

    @Override
    public double secondMoment() {
        double s = 0;
        for (double v : samples) s += v * v;
        return s / samples.size();
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
        double[] v = values();
        return () -> v[rng.nextInt(v.length)];
    }
}
