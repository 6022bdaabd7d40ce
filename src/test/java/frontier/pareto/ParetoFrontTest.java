package frontier.pareto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
    /** The definition, literally: no eligible point is ≤ in every objective and < in one. */
    private static boolean[] bruteForce(double[][] v, boolean[] eligible) {
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!eligible[i] || Arrays.stream(v[i]).anyMatch(Double::isNaN)) continue;
            boolean dominated = false;
            for (int j = 0; j < v.length; j++) {
                if (!eligible[j] || Arrays.stream(v[j]).anyMatch(Double::isNaN)) continue;
                boolean allLeq = true;
                boolean oneLess = false;
                for (int m = 0; m < v[i].length; m++) {
                    allLeq &= v[j][m] <= v[i][m];
                    oneLess |= v[j][m] < v[i][m];
                }
                dominated |= allLeq && oneLess;
            }
            out[i] = !dominated;
        }
        return out;
    }

    @Test
    void frontMatchesTheDefinitionOnRandomPointSetsWithTiesGapsAndExclusions() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int trial = 0; trial < 3000; trial++) {
            int k = 2 + rnd.nextInt(2);
            int n = rnd.nextInt(40);
            int levels = 1 + rnd.nextInt(trial % 2 == 0 ? 5 : 1000); // few levels: many exact ties
            double[][] v = new double[n][k];
            boolean[] eligible = new boolean[n];
            for (int i = 0; i < n; i++) {
                for (int m = 0; m < k; m++) v[i][m] = rnd.nextInt(levels) * 0.1;
                if (rnd.nextInt(20) == 0) v[i][rnd.nextInt(k)] = Double.NaN;
                eligible[i] = rnd.nextInt(10) != 0;
            }
            int t = trial;
            assertArrayEquals(
                    bruteForce(v, eligible),
                    ParetoFront.nonDominated(v, eligible),
                    () -> "trial " + t + ": " + Arrays.deepToString(v));
        }
    }

    @Test
    void identicalPointsAreBothOnTheFrontAndADominatedPointIsNot() {
        double[][] v = {{1, 5}, {1, 5}, {2, 5}, {3, 1}, {1, 6}};
        assertArrayEquals(new boolean[] {true, true, false, true, false}, ParetoFront.nonDominated(v, all(5)));
    }

    @Test
    void aFrontPointIsUncertainWhenAnotherCouldDominateItWithinTheIntervals() {
        // p0 is cheaper than p1 only by 0.01 with intervals of ±0.05, and p1 is much faster: p0's place is not
        // established.
        double[][] mean = {{1.00, 100}, {1.01, 50}, {3.0, 10}};
        double[][] hw = {{0.05, 5}, {0.05, 5}, {0.05, 1}};
        boolean[] front = ParetoFront.nonDominated(mean, all(3));
        assertArrayEquals(new boolean[] {true, true, true}, front);
        Boolean[] u = ParetoFront.uncertain(mean, hw, front, all(3));
        assertEquals(Boolean.TRUE, u[0]);
        assertEquals(Boolean.FALSE, u[1], "p1 is significantly faster than p0 and significantly cheaper than p2");
        assertEquals(Boolean.FALSE, u[2]);
    }

    @Test
    void uncertaintyUsesBothIntervalsAndTouchingBoundsCount() {
        double[][] mean = {{1.0, 100}, {1.2, 50}};
        // p0's upper cost bound 1.1 equals p1's lower bound 1.1: p1 could be as cheap, so p0 is uncertain.
        assertEquals(
                Boolean.TRUE,
                ParetoFront.uncertain(mean, new double[][] {{0.1, 1}, {0.1, 1}}, new boolean[] {true, true}, all(2))[
                        0]);
        // Narrower intervals: p0 is surely cheaper.
        assertEquals(
                Boolean.FALSE,
                ParetoFront.uncertain(mean, new double[][] {{0.09, 1}, {0.1, 1}}, new boolean[] {true, true}, all(2))[
                        0]);
    }

    @Test
    void uncertaintyIsUnknownWithoutIntervalsAndFalseOffTheFront() {
        double[][] mean = {{1, 2}, {2, 3}};
        double[][] hw = {{Double.NaN, Double.NaN}, {Double.NaN, Double.NaN}};
        boolean[] front = ParetoFront.nonDominated(mean, all(2));
        Boolean[] u = ParetoFront.uncertain(mean, hw, front, all(2));
        assertNull(u[0]);
        assertFalse(u[1]);
    }

    @Test
    void ineligiblePointsNeitherJoinTheFrontNorDominate() {
        double[][] v = {{1, 1}, {2, 2}};
        boolean[] front = ParetoFront.nonDominated(v, new boolean[] {false, true});
        assertFalse(front[0]);
        assertTrue(front[1]);
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }
}
