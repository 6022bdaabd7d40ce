package frontier.sim.dist;

/** Draws values of one distribution from one random stream. */
@FunctionalInterface
public interface Sampler {
    double sample();
}
