package frontier.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.pareto.ParetoFront;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedOptimumTest {
    @Test
    void alphaOneIsTheCheapestAndAlphaZeroTheFastestWithTiesBrokenByTheOtherObjective() {
        double[][] v = {{1, 90}, {1, 80}, {5, 10}, {6, 10}};
        WeightedOptimum w = new WeightedOptimum(v, all(4));
        assertEquals(1, w.best(1.0), "cheapest, and of the two cheapest the faster");
        assertEquals(2, w.best(0.0), "fastest, and of the two fastest the cheaper");
    }

    @Test
    void normalisationIsMinMaxOverEligiblePointsSoUnitsDoNotMatter() {
        double[][] v = {{1, 1000}, {2, 500}, {3, 0}, {100, 0}};
        boolean[] eligible = {true, true, true, false};
        WeightedOptimum w = new WeightedOptimum(v, eligible);
        assertEquals(0.5, w.normalised(0, 2), 1e-12);
        assertEquals(0.5, w.normalised(1, 500), 1e-12);
        // Cost in cents instead of dollars: same optimum for every alpha.
        double[][] cents = {{100, 1000}, {200, 500}, {300, 0}, {10000, 0}};
        WeightedOptimum wc = new WeightedOptimum(cents, eligible);
        for (double a = 0; a <= 1; a += 0.05) assertEquals(w.best(a), wc.best(a));
    }

    @Test
    void aSinglePointOrIdenticalPointsGiveOneOptimumForAllWeights() {
        WeightedOptimum one = new WeightedOptimum(new double[][] {{3, 4}}, all(1));
        assertEquals(List.of(new WeightedOptimum.Interval(0, 1, 0)), one.optima());
        WeightedOptimum same = new WeightedOptimum(new double[][] {{3, 4}, {3, 4}, {3, 4}}, all(3));
        assertEquals(List.of(new WeightedOptimum.Interval(0, 1, 0)), same.optima(), "ties go to the smaller index");
        assertEquals(0, same.best(0.3));
    }

    @Test
    void noEligiblePointMeansNoOptimum() {
        WeightedOptimum w = new WeightedOptimum(new double[][] {{1, 2}, {Double.NaN, 1}}, new boolean[] {false, true});
        assertEquals(-1, w.best(0.5));
        assertTrue(w.optima().isEmpty());
    }

    @Test
    void optimaAreExactlyTheLowerEnvelope() {
        // Normalised: p0 (0, 1), p1 (0.25, 0.25), p2 (1, 0); the lines cross at alpha 0.25 and 0.75; p3 is dominated.
        double[][] v = {{0, 4}, {1, 1}, {4, 0}, {3, 3}};
        List<WeightedOptimum.Interval> optima = new WeightedOptimum(v, all(4)).optima();
        assertEquals(3, optima.size(), optima.toString());
        assertEquals(2, optima.get(0).point());
        assertEquals(0.25, optima.get(0).to(), 1e-12);
        assertEquals(1, optima.get(1).point());
        assertEquals(0.75, optima.get(1).to(), 1e-12);
        assertEquals(0, optima.get(2).point());
    }

    @Test
    void optimaAgreeWithBruteForceOverAlphaOnRandomSetsAndLieOnTheFront() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 2000; trial++) {
            int n = 1 + rnd.nextInt(30);
            int levels = 2 + rnd.nextInt(trial % 2 == 0 ? 4 : 500);
            double[][] v = new double[n][2];
            boolean[] eligible = new boolean[n];
            for (int i = 0; i < n; i++) {
                v[i][0] = rnd.nextInt(levels);
                v[i][1] = rnd.nextInt(levels) * 7.5;
                eligible[i] = rnd.nextInt(8) != 0;
            }
            WeightedOptimum w = new WeightedOptimum(v, eligible);
            List<WeightedOptimum.Interval> optima = w.optima();
            boolean any = false;
            for (boolean e : eligible) any |= e;
            if (!any) {
                assertTrue(optima.isEmpty());
                continue;
            }
            boolean[] front = ParetoFront.nonDominated(v, eligible);
            assertEquals(0.0, optima.getFirst().from());
            assertEquals(1.0, optima.getLast().to());
            for (int k = 0; k < optima.size(); k++) {
                WeightedOptimum.Interval iv = optima.get(k);
                int t = trial;
                assertTrue(front[iv.point()], () -> "trial " + t + ": optimum off the front");
                if (k > 0) {
                    assertEquals(optima.get(k - 1).to(), iv.from(), 0.0);
                    assertNotEquals(optima.get(k - 1).point(), iv.point());
                }
                double mid = (iv.from() + iv.to()) / 2;
                // Brute force: the smallest score at the middle of the interval.
                double bestScore = Double.POSITIVE_INFINITY;
                for (int i = 0; i < n; i++) if (eligible[i]) bestScore = Math.min(bestScore, w.score(i, mid));
                assertEquals(
                        bestScore,
                        w.score(iv.point(), mid),
                        1e-9,
                        () -> "trial " + t + " " + Arrays.deepToString(v) + " " + optima);
                assertEquals(w.best(mid), iv.point(), () -> "trial " + t + " " + optima);
            }
        }
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }
}
