package frontier.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Empirical;
import frontier.sim.dist.Exponential;
import frontier.sim.dist.GammaDist;
import frontier.sim.dist.LogNormal;
import frontier.sim.dist.Sampler;
import frontier.sim.dist.Weibull;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each family's sample mean and cv against its stated mean and cv. With n = 400,000 draws the standard
 * error of the mean is cv/sqrt(n) ≤ 0.0024 relative for cv ≤ 1.5; 1.5% is over 6 SE. The cv estimate
 * converges more slowly for heavy tails, hence its wider 4% tolerance.
 */
class DistributionTest {
    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of("exponential by mean", Exponential.ofMean(0.25), 0.25, 1.0),
                Arguments.of("exponential by rate", new Exponential(null, 4.0), 0.25, 1.0),
                Arguments.of("lognormal by mean/cv", new LogNormal(0.8, 0.6, null, null), 0.8, 0.6),
                Arguments.of(
                        "lognormal native",
                        new LogNormal(null, null, -0.5, 0.4),
                        Math.exp(-0.5 + 0.08),
                        Math.sqrt(Math.expm1(0.16))),
                Arguments.of("gamma by mean/cv", new GammaDist(1.2, 0.5, null, null), 1.2, 0.5),
                Arguments.of("gamma native", new GammaDist(null, null, 3.0, 0.5), 1.5, 1 / Math.sqrt(3)),
                Arguments.of("gamma cv>1", new GammaDist(2.0, 1.5, null, null), 2.0, 1.5),
                Arguments.of("weibull by mean/cv", new Weibull(0.5, 0.7, null, null), 0.5, 0.7),
                Arguments.of("weibull native k=1 is exponential", new Weibull(null, null, 1.0, 2.0), 2.0, 1.0),
                Arguments.of("weibull cv>1", new Weibull(1.0, 1.4, null, null), 1.0, 1.4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void sampleMomentsMatchTheParameters(String label, Distribution d, double mean, double cv) {
        assertEquals(mean, d.mean(), 1e-9 * mean, "declared mean");
        assertEquals(cv, d.cv(), 1e-6, "declared cv");
        Sampler s = d.sampler(new RandomStreams(11, 0).stream(label));
        int n = 400_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double x = s.sample();
            sum += x;
            sumSq += x * x;
        }
        double m = sum / n;
        double sd = Math.sqrt(sumSq / n - m * m);
        assertEquals(mean, m, 0.015 * mean, "sample mean");
        assertEquals(cv, sd / m, 0.04 * cv, "sample cv");
    }

    @Test
    void deterministicAndEmpiricalDrawWhatTheyAreGiven() {
        assertEquals(0.3, new Deterministic(0.3).sampler(null).sample());
        Empirical e = new Empirical(List.of(1.0, 2.0, 6.0));
        Sampler s = e.sampler(new RandomStreams(1, 0).stream("e"));
        int[] seen = new int[7];
        for (int i = 0; i < 30_000; i++) seen[(int) s.sample()]++;
        for (int v : new int[] {1, 2, 6}) assertEquals(10_000, seen[v], 500, "each sample equally likely");
        assertEquals(3.0, e.mean(), 1e-12);
        assertEquals((1 + 4 + 36) / 3.0, e.secondMoment(), 1e-12);
    }

    @Test
    void invalidParametersNameTheField() {
        assertEquals(
                "cv",
                assertThrows(InvalidSpecException.class, () -> new LogNormal(1.0, -1.0, null, null))
                        .field());
        assertEquals(
                "mean",
                assertThrows(InvalidSpecException.class, () -> new GammaDist(1.0, null, 2.0, null))
                        .field());
        assertEquals(
                "mean",
                assertThrows(InvalidSpecException.class, () -> new Exponential(1.0, 1.0))
                        .field());
        assertEquals(
                "cv",
                assertThrows(InvalidSpecException.class, () -> new Weibull(1.0, 0.001, null, null))
                        .field());
        assertEquals(
                "samples[1]",
                assertThrows(InvalidSpecException.class, () -> new Empirical(List.of(1.0, -2.0)))
                        .field());
        assertEquals(
                "value",
                assertThrows(InvalidSpecException.class, () -> new Deterministic(-1))
                        .field());
    }
}
