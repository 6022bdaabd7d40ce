package frontier.model.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.RandomStreams;
import frontier.sim.dist.GammaDist;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficTest {
    private static ArrivalProcess open(Traffic t) {
        return t.open(new RandomStreams(99, 0).stream("arrivals"), null);
    }

    /** Counts arrivals per bin of width {@code bin} over [0, horizon). */
    private static long[] counts(Traffic t, double horizon, double bin) {
        long[] c = new long[(int) Math.ceil(horizon / bin)];
        ArrivalProcess p = open(t);
        double now = 0;
        while ((now = p.next(now)) < horizon) c[(int) (now / bin)]++;
        return c;
    }

    @Test
    void poissonCountsHaveMeanAndVarianceEqualToRateTimesInterval() {
        long[] c = counts(new PoissonTraffic(5), 200_000, 10);
        double mean = java.util.Arrays.stream(c).average().orElseThrow();
        double var = java.util.Arrays.stream(c)
                        .mapToDouble(x -> (x - mean) * (x - mean))
                        .sum()
                / (c.length - 1);
        // 20,000 bins: SE of the mean is sqrt(50/20000) = 0.05; of the variance about 50*sqrt(2/20000) = 0.5.
        assertEquals(50, mean, 0.25);
        assertEquals(50, var, 2.5);
    }

    @Test
    void dailyProfileFollowsItsHourlyRatesAndRepeats() {
        List<Double> rates = new ArrayList<>(Collections.nCopies(24, 2.0));
        rates.set(3, 0.0);
        rates.set(12, 10.0);
        ProfileTraffic t = new ProfileTraffic(rates, 3600, true);
        long[] perHour = counts(t, 3 * 86_400, 3600);
        for (int h = 0; h < perHour.length; h++) {
            double expected = rates.get(h % 24) * 3600;
            // Poisson count: 5 standard deviations.
            assertEquals(expected, perHour[h], 5 * Math.sqrt(expected) + 1e-9, "hour " + h);
        }
        assertEquals(0, perHour[3]);
        assertEquals(0, perHour[27]);
        assertEquals((22 * 2 + 10) / 24.0, t.meanRate(), 1e-12);
    }

    @Test
    void profileWithoutRepeatStopsAfterItsLastInterval() {
        ProfileTraffic t = new ProfileTraffic(List.of(1.0, 3.0), 100, false);
        ArrivalProcess p = open(t);
        double now = 0;
        int n = 0;
        while ((now = p.next(now)) < Double.POSITIVE_INFINITY) {
            assertTrue(now < 200);
            n++;
        }
        assertEquals(400, n, 5 * Math.sqrt(400));
    }

    @Test
    void mmppHasItsLongRunRateAndIsBurstierThanPoisson() {
        MmppTraffic t = new MmppTraffic(new MmppTraffic.State(2, 300), new MmppTraffic.State(20, 60));
        double rate = (300 * 2 + 60 * 20) / 360.0;
        assertEquals(rate, t.meanRate(), 1e-12);
        long[] c = counts(t, 2_000_000, 60);
        double mean = java.util.Arrays.stream(c).average().orElseThrow();
        double var = java.util.Arrays.stream(c)
                        .mapToDouble(x -> (x - mean) * (x - mean))
                        .sum()
                / (c.length - 1);
        // ~5,500 sojourns in 2e6 s: the share of burst time has SE ≈ 1.2%, so 5% is > 4 SE.
        assertEquals(rate * 60, mean, 0.05 * rate * 60);
        assertTrue(var / mean > 5, "index of dispersion " + var / mean + " should show bursts (Poisson: 1)");
    }

    @Test
    void renewalTrafficUsesItsInterarrivalDistribution() {
        RenewalTraffic t = new RenewalTraffic(new GammaDist(0.5, 0.3, null, null));
        long[] c = counts(t, 100_000, 100_000);
        assertEquals(200_000, c[0], 0.01 * 200_000);
    }
}
