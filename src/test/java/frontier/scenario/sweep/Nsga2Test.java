package frontier.scenario.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.pareto.ParetoFront;
import frontier.sim.RandomStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The optimiser alone, on hand-computed cases and on ZDT1 (no simulation). */
class Nsga2Test {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void nonDominatedSortingRanksFrontsAsComputedByHand() {
        double[][] f = {
            {1, 5},
            {2, 3},
            {3, 2},
            {5, 1}, // the first front
            {4, 4}, // beaten by (2,3) and (3,2)
            {6, 6}, // beaten by (4,5), itself rank 2
            {2, 3}, // a copy: equal points do not dominate each other
            {Double.NaN, 1}, // undefined: after every defined rank
            {4, 5}, // beaten by (4,4) only among rank 1: rank 2
        };
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 3, 0, 4, 2}, ParetoFront.ranks(f));
        assertArrayEquals(new int[0], ParetoFront.ranks(new double[0][]));
        assertArrayEquals(new int[] {0, 0, 0}, ParetoFront.ranks(new double[][] {{1, 2, 3}, {3, 2, 1}, {2, 2, 2}}));
        assertArrayEquals(new int[] {1, 0}, ParetoFront.ranks(new double[][] {{1, 2, 3}, {1, 2, 2}}));
    }

    @Test
    void crowdingDistanceMatchesTheHandComputation() {
        double[][] f = {{1, 5}, {2, 3}, {3, 2}, {5, 1}, {4, 4}};
        // Spans 4 and 4. (2,3): neighbours in f1 are 1 and 3 -> 2/4; in f2 are 2 and 5 -> 3/4; 1.25.
        // (3,2): f1 neighbours 2 and 5 -> 3/4; f2 neighbours 1 and 3 -> 2/4; 1.25. The ends are infinite.
        double[] d = Nsga2.crowding(f, new int[] {0, 1, 2, 3});
        assertArrayEquals(new double[] {INF, 1.25, 1.25, INF}, d, 1e-12);
        // Order of members does not matter beyond ties.
        assertArrayEquals(new double[] {1.25, INF, INF, 1.25}, Nsga2.crowding(f, new int[] {2, 3, 0, 1}), 1e-12);
        // Uneven gaps: (0,10), (1,6), (4,5), (10,0): spans 10, 10; (1,6): (4-0)/10 + (10-5)/10 = 0.9; (4,5): (10-1)/10
        // + (6-0)/10 = 1.5.
        double[][] g = {{0, 10}, {1, 6}, {4, 5}, {10, 0}};
        assertArrayEquals(new double[] {INF, 0.9, 1.5, INF}, Nsga2.crowding(g, new int[] {0, 1, 2, 3}), 1e-12);
        // One or two members: all infinite.
        assertArrayEquals(new double[] {INF, INF}, Nsga2.crowding(g, new int[] {1, 2}));
        // An objective with no span adds nothing: only the other one counts.
        double[][] flat = {{1, 7}, {2, 7}, {4, 7}};
        assertArrayEquals(new double[] {INF, 0.0 + 3.0 / 3, INF}, Nsga2.crowding(flat, new int[] {0, 1, 2}), 1e-12);
    }

    @Test
    void environmentalSelectionKeepsWholeFrontsThenTheLeastCrowded() {
        Nsga2 s = new Nsga2(List.of(Nsga2.Variable.real(0, 1)), 4, rng(1));
        double[][] genomes = {{0.0}, {0.1}, {0.2}, {0.3}, {0.4}, {0.5}};
        // Rank 0: a, b, c, d (a line); b is more crowded than c; rank 1: e, f.
        double[][] values = {{0, 10}, {1, 9}, {5, 4}, {10, 0}, {6, 6}, {7, 7}};
        s.tell(genomes, values);
        assertEquals(
                List.of(0.0, 0.1, 0.2, 0.3),
                Arrays.stream(s.population()).map(x -> x[0]).toList());
        Nsga2 t = new Nsga2(List.of(Nsga2.Variable.real(0, 1)), 3, rng(1));
        t.tell(genomes, values);
        // Front of four cut to three: the ends (infinite) and c (0.5 + 0.9 = 1.4 > b's 0.5 + 0.6 = 1.1).
        assertEquals(
                List.of(0.0, 0.2, 0.3),
                Arrays.stream(t.population()).map(x -> x[0]).sorted().toList());
    }

    @Test
    void offspringStayWithinBoundsAndLevelsAndDependOnlyOnTheSeed() {
        List<Nsga2.Variable> vars =
                List.of(Nsga2.Variable.real(-2, 3), Nsga2.Variable.integer(0, 6), Nsga2.Variable.categorical(3));
        List<double[][]> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Nsga2 s = new Nsga2(vars, 10, rng(7));
            double[][] x = s.initial();
            for (int g = 0; g < 20; g++) {
                s.tell(
                        x,
                        Arrays.stream(x)
                                .map(v -> new double[] {v[0] + v[1], v[2] - v[0]})
                                .toArray(double[][]::new));
                x = s.ask();
                for (double[] v : x) {
                    assertTrue(v[0] >= -2 && v[0] <= 3, Arrays.toString(v));
                    assertTrue(v[1] >= -0.5 && v[1] <= 6.5, Arrays.toString(v));
                    assertTrue(v[2] == 0 || v[2] == 1 || v[2] == 2, Arrays.toString(v));
                    assertTrue(vars.get(1).decode(v[1]) >= 0 && vars.get(1).decode(v[1]) <= 6);
                }
            }
            runs.add(x);
        }
        assertTrue(Arrays.deepEquals(runs.get(0), runs.get(1)));
    }

    /** ZDT1 with three variables: f1 = x1, g = 1 + 9 (x2 + x3) / 2, f2 = g (1 − √(f1 / g)); front at x2 = x3 = 0. */
    static double[] zdt1(double[] x) {
        double g = 1 + 9 * (x[1] + x[2]) / 2;
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }

    /** Hypervolume (area) dominated by the points and bounded by the reference point, both minimised. */
    static double hypervolume(List<double[]> points, double[] ref) {
        List<double[]> in = new ArrayList<>(
                points.stream().filter(p -> p[0] < ref[0] && p[1] < ref[1]).toList());
        in.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0;
        double lastY = ref[1];
        for (double[] p : in) {
            if (p[1] >= lastY) continue;
            area += (ref[0] - p[0]) * (lastY - p[1]);
            lastY = p[1];
        }
        return area;
    }

    @Test
    void hypervolumeOfAHandCase() {
        // Staircase of (1,3), (2,2), (3,1) under (4,4): 3x1 + 2x1 + 1x1 = 6; a dominated point adds nothing.
        assertEquals(
                6.0,
                hypervolume(
                        List.of(new double[] {2, 2}, new double[] {1, 3}, new double[] {3, 1}, new double[] {3, 3}),
                        new double[] {4, 4}),
                1e-12);
    }

    /**
     * On ZDT1 (3 variables, population 20, 30 generations: 600 evaluations), for each of five seeds: the final
     * population's hypervolume (reference (1.1, 1.1); the true front's is 0.1 + 2/3 + 0.11 ≈ 0.8767) is larger
     * than the first generation's, larger by more than 0.2 than that of 600 uniformly random points (another
     * seeded stream), and within 0.08 of the true front's. Measured when written: final 0.821–0.840, first
     * generation 0–0.36, random 0.40–0.53: the tolerances leave room for a change of random stream.
     */
    @Test
    void onZdt1TheSearchImprovesOnItsFirstGenerationAndOnRandomSampling() {
        double[] ref = {1.1, 1.1};
        double best = 0.1 + 2.0 / 3 + 0.11;
        List<Nsga2.Variable> vars =
                List.of(Nsga2.Variable.real(0, 1), Nsga2.Variable.real(0, 1), Nsga2.Variable.real(0, 1));
        for (long seed = 1; seed <= 5; seed++) {
            Nsga2 s = new Nsga2(vars, 20, rng(seed));
            double[][] x = s.initial();
            double first = 0;
            int evaluations = 0;
            for (int g = 0; g < 30; g++) {
                if (g > 0) x = s.ask();
                double[][] f = Arrays.stream(x).map(Nsga2Test::zdt1).toArray(double[][]::new);
                evaluations += x.length;
                if (g == 0) first = hypervolume(List.of(f), ref);
                s.tell(x, f);
            }
            double last = hypervolume(List.of(s.populationObjectives()), ref);
            UniformRandomProvider r = rng(seed + 1000);
            List<double[]> random = new ArrayList<>();
            for (int i = 0; i < evaluations; i++)
                random.add(zdt1(new double[] {r.nextDouble(), r.nextDouble(), r.nextDouble()}));
            double rand = hypervolume(random, ref);
            String msg = "seed " + seed + ": first " + first + ", last " + last + ", random " + rand;
            assertEquals(600, evaluations);
            assertTrue(last > first, msg);
            assertTrue(last > rand + 0.2, msg);
            assertTrue(last > best - 0.08, msg);
        }
    }

    static UniformRandomProvider rng(long seed) {
        return new RandomStreams(seed, 0).stream("test");
    }
}
