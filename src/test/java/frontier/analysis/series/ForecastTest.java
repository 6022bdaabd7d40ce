package frontier.analysis.series;

import static frontier.analysis.series.AnomaliesTest.START;
import static frontier.analysis.series.AnomaliesTest.assertBad;
import static frontier.analysis.series.AnomaliesTest.days;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.series.Forecast.Point;
import frontier.analysis.series.Forecast.Result;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecastTest {
    private static final double[] WEEK = {0, 5, 8, 6, 3, -10, -12};

    /** 100 + 0.5·t + weekday effect: the series' mean on day t. */
    private static double truth(int t) {
        return 100 + 0.5 * t + WEEK[t % 7];
    }

    private static double[] noisy(int n, double sd, Random rnd) {
        double[] v = new double[n];
        for (int t = 0; t < n; t++) v[t] = truth(t) + sd * rnd.nextGaussian();
        return v;
    }

    @Test
    void aKnownTrendAndWeeklyPatternIsForecastWithinTolerance() {
        Result r = Forecast.of(days(84), noisy(84, 5, new Random(1)), 28, 0.9);
        assertTrue(r.weekly(), r.method());
        assertEquals(28, r.points().size());
        assertEquals(START.plusDays(84), r.points().getFirst().date());
        // With α = β = γ = 0 this is least squares on trend + weekday: at 1–28 days past the end the forecast's
        // sd is about 2 (slope se 0.02/day × up to 70 days from the centre, weekday effect se ≈ 1.5), so
        // every day must be within 8 (4 sd) and the mean absolute error (measured 1.6 over 200 seeds) below 3.
        double mae = 0;
        for (int h = 1; h <= 28; h++) {
            Point p = r.points().get(h - 1);
            assertEquals(truth(83 + h), p.point(), 8, "day " + h + ": " + r.method());
            mae += Math.abs(p.point() - truth(83 + h)) / 28;
        }
        assertTrue(mae < 3, "mean absolute error " + mae);
        assertEquals(5, r.sigma(), 1.0, "σ of the one-step errors is the noise's sd");
        assertTrue(r.method().startsWith("Additive Holt-Winters"), r.method());
    }

    @Test
    void intervalsCoverAboutTheirLevelOfHeldOutNoisyPoints() {
        // 120 seeded histories of 84 days, each forecast 28 days ahead: 3,360 held-out points. With exact
        // coverage 0.9 the binomial sd of the fraction is 0.005, but points of one history share its fitted
        // model, so the effective sample is smaller; measured 0.908 over 200 histories. Tolerance: 0.86 to 0.95.
        int covered = 0;
        int total = 0;
        for (int trial = 0; trial < 120; trial++) {
            Random rnd = new Random(1_000 + trial);
            double[] all = noisy(112, 5, rnd);
            Result r = Forecast.of(days(84), java.util.Arrays.copyOf(all, 84), 28, 0.9);
            for (int h = 1; h <= 28; h++) {
                Point p = r.points().get(h - 1);
                double y = all[83 + h];
                if (y >= p.lower() && y <= p.upper()) covered++;
                total++;
            }
        }
        double coverage = (double) covered / total;
        assertTrue(coverage > 0.86 && coverage < 0.95, "coverage " + coverage);
    }

    @Test
    void intervalsWidenWithTheHorizon() {
        Result r = Forecast.of(days(60), noisy(60, 5, new Random(2)), 90, 0.8);
        double previous = 0;
        for (Point p : r.points()) {
            double width = p.upper() - p.lower();
            assertTrue(width > previous, p + " is not wider than the day before's " + previous);
            previous = width;
        }
        double first = r.points().getFirst().upper() - r.points().getFirst().lower();
        assertTrue(
                previous > 1.2 * first, "the slope's uncertainty grows with the distance: " + first + " → " + previous);
        for (Point p : r.points()) assertTrue(p.lower() <= p.point() && p.point() <= p.upper(), p.toString());
        Result wider = Forecast.of(days(60), noisy(60, 5, new Random(2)), 90, 0.95);
        assertTrue(
                wider.points().getFirst().upper() > r.points().getFirst().upper(),
                "a higher level gives wider intervals");
    }

    @Test
    void aLevelShiftIsFollowedRatherThanAveragedAway() {
        // 70 days at 100, then 30 days at 150: a single trend line through all of it would forecast ~140
        // and rising; the smoothed level follows the shift.
        Random rnd = new Random(3);
        double[] v = new double[100];
        for (int t = 0; t < 100; t++) v[t] = (t < 70 ? 100 : 150) + 2 * rnd.nextGaussian();
        Result r = Forecast.of(days(100), v, 7, 0.9);
        for (Point p : r.points()) assertEquals(150, p.point(), 6, r.method());
        assertTrue(r.alpha() > 0.1, "the level adapts: " + r.method());
    }

    @Test
    void shortHistoriesGetATrendWithoutWeeklyPatternAndSaySo() {
        double[] v = new double[10];
        for (int t = 0; t < 10; t++) v[t] = 20 + t + (t % 2 == 0 ? 0.5 : -0.5);
        Result r = Forecast.of(days(10), v, 30, 0.9);
        assertFalse(r.weekly());
        assertEquals(0, r.gamma());
        assertTrue(r.method().contains("no weekly pattern"), r.method());
        assertEquals(20 + 10, r.points().getFirst().point(), 1.5, r.method());
        assertEquals(20 + 39, r.points().getLast().point(), 3, r.method());
        assertEquals(
                7,
                Forecast.of(days(7), new double[] {1, 2, 3, 4, 5, 6, 7}, 3, 0.9)
                                .points()
                                .size()
                        + 4);
    }

    @Test
    void missingDaysAndNaNsAreSkipped() {
        double[] full = noisy(70, 3, new Random(4));
        LocalDate[] d = java.util.stream.IntStream.range(0, 70)
                .filter(t -> t % 6 != 5)
                .mapToObj(START::plusDays)
                .toArray(LocalDate[]::new);
        double[] v = java.util.stream.IntStream.range(0, 70)
                .filter(t -> t % 6 != 5)
                .mapToDouble(t -> full[t])
                .toArray();
        v[3] = Double.NaN;
        Result r = Forecast.of(d, v, 14, 0.9);
        assertTrue(r.weekly(), r.method());
        assertEquals(START.plusDays(70), r.points().getFirst().date(), "the day after the last date given");
        for (int h = 1; h <= 14; h++)
            assertEquals(truth(69 + h), r.points().get(h - 1).point(), 4, "day " + h);
    }

    @Test
    void nonNegativeSeriesAreNeverForecastBelowZero() {
        double[] v = new double[30];
        for (int t = 0; t < 30; t++) v[t] = Math.max(0, 30 - t + (t % 3));
        Result r = Forecast.of(days(30), v, 60, 0.9);
        for (Point p : r.points()) assertTrue(p.lower() >= 0 && p.point() >= 0, p.toString());
        assertEquals(0, r.points().getLast().point(), 1e-12, "a falling cost stops at 0");
        assertTrue(r.method().contains("cut at 0"), r.method());
    }

    @Test
    void randomSeriesGiveAForecastOrBadInputNeverAnythingElse() {
        int accepted = AnomaliesTest.randomSeries(
                12,
                (d, v) -> {
                    Result r = Forecast.of(d, v, 30, 0.9);
                    assertEquals(30, r.points().size());
                    for (Point p : r.points())
                        assertTrue(p.lower() <= p.point() && p.point() <= p.upper(), p + " " + r.method());
                },
                "forecast:");
        assertTrue(accepted > 40, "many random series are long and valid enough: " + accepted);
    }

    @Test
    void badRequestsAreRejected() {
        double[] v = noisy(20, 1, new Random(5));
        assertBad(() -> Forecast.of(days(20), v, 0, 0.9), "horizon is 0 days");
        assertBad(() -> Forecast.of(days(20), v, 5000, 0.9), "expected 1 to 3660");
        assertBad(() -> Forecast.of(days(20), v, 30, 1.0), "level is 1.0");
        assertBad(() -> Forecast.of(days(20), v, 30, Double.NaN), "level is NaN");
        double[] sparse = new double[20];
        java.util.Arrays.fill(sparse, Double.NaN);
        for (int i = 0; i < 6; i++) sparse[3 * i] = i;
        assertBad(() -> Forecast.of(days(20), sparse, 30, 0.9), "6 days have values; at least 7");
        assertBad(() -> Forecast.of(days(20), new double[19], 30, 0.9), "20 dates but 19 values");
    }
}
