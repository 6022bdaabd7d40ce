package frontier.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    private static double[] draw(UniformRandomProvider rng, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rng.nextDouble();
        return v;
    }

    @Test
    void sameSeedReplicationAndNameGiveTheSameSequence() {
        assertArrayEquals(
                draw(new RandomStreams(7, 3).stream("service"), 1000),
                draw(new RandomStreams(7, 3).stream("service"), 1000));
    }

    @Test
    void aStreamDoesNotDependOnWhichOtherStreamsExist() {
        RandomStreams a = new RandomStreams(7, 0);
        double[] alone = draw(a.stream("arrivals"), 100);
        RandomStreams b = new RandomStreams(7, 0);
        draw(b.stream("cold-starts"), 5000);
        assertArrayEquals(alone, draw(b.stream("arrivals"), 100));
    }

    @Test
    void streamsOfOtherNamesReplicationsAndSeedsAreUncorrelated() {
        int n = 100_000;
        double[] base = draw(new RandomStreams(7, 0).stream("arrivals"), n);
        double[][] others = {
            draw(new RandomStreams(7, 0).stream("service"), n),
            draw(new RandomStreams(7, 1).stream("arrivals"), n),
            draw(new RandomStreams(8, 0).stream("arrivals"), n),
        };
        for (double[] o : others) {
            assertFalse(Arrays.equals(base, o));
            // Under independence the sample correlation is ≈ N(0, 1/n): 5/sqrt(n) is a 5-sigma bound.
            double r = correlation(base, o);
            assertTrue(Math.abs(r) < 5 / Math.sqrt(n), "correlation " + r);
        }
    }

    private static double correlation(double[] x, double[] y) {
        double mx = Arrays.stream(x).average().orElseThrow();
        double my = Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
