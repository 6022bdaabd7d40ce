package frontier.scenario.sweep;

import frontier.pareto.ParetoFront;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * NSGA-II (Deb, Pratap, Agarwal and Meyarivan, 2002), all objectives minimised, as an ask/tell loop so the
 * caller evaluates each generation as one batch (in parallel, in any order). {@link #initial()} proposes the
 * first population (a Latin hypercube over the variables); {@link #tell} merges evaluated candidates into the
 * population, keeping the best {@code populationSize} by non-dominated rank, then crowding distance;
 * {@link #ask()} proposes the next generation's offspring: parents by binary tournament (lower rank, then
 * larger crowding distance), simulated binary crossover (SBX) and polynomial mutation for numeric variables,
 * uniform crossover and a uniformly drawn level for categorical ones.
 *
 * <p>Everything random comes from the one generator given, drawn in a fixed order, and ties are broken by
 * position: the proposals depend only on the seed and on the objective values told, never on timing.
 * A candidate with an undefined (NaN) objective ranks after every defined one. Ranks and dominance are
 * {@link ParetoFront}'s, the same as the front a sweep reports.
 */
public final class Nsga2 {
    /** Crossover probability per pair of parents. */
    public static final double CROSSOVER_PROBABILITY = 0.9;
    /** Distribution index of SBX (larger: children closer to their parents). */
    public static final double ETA_CROSSOVER = 15;
    /** Distribution index of polynomial mutation. */
    public static final double ETA_MUTATION = 20;

    /** How a variable varies. */
    public enum Kind {
        /** A real number in [low, high]. */
        REAL,
        /** A whole number from low to high: searched as a real in [low − ½, high + ½], decoded by rounding. */
        INTEGER,
        /** One of {@code high + 1} unordered levels 0 … high (low is 0). */
        CATEGORICAL
    }

    /** One decision variable. */
    public record Variable(Kind kind, double low, double high) {
        public Variable {
            if (!Double.isFinite(low) || !Double.isFinite(high) || high < low)
                throw new IllegalArgumentException("bounds " + low + ", " + high);
        }

        public static Variable real(double low, double high) {
            return new Variable(Kind.REAL, low, high);
        }

        public static Variable integer(long low, long high) {
            return new Variable(Kind.INTEGER, low, high);
        }

        public static Variable categorical(int levels) {
            if (levels < 1) throw new IllegalArgumentException("levels " + levels);
            return new Variable(Kind.CATEGORICAL, 0, levels - 1);
        }

        /** The bounds of the searched real interval. */
        double lower() {
            return kind == Kind.INTEGER ? low - 0.5 : low;
        }

        double upper() {
            return kind == Kind.INTEGER ? high + 0.5 : high;
        }

        /** The value a gene stands for: itself (real), or a whole number / level index. */
        public double decode(double gene) {
            return switch (kind) {
                case REAL -> Math.min(high, Math.max(low, gene));
                case INTEGER, CATEGORICAL -> Math.min(high, Math.max(low, Math.rint(gene)));
            };
        }
    }

    private final List<Variable> variables;
    private final int populationSize;
    private final UniformRandomProvider rng;
    private final double mutationProbability;
    private double[][] population = new double[0][];
    private double[][] objectives = new double[0][];
    private int[] rank = new int[0];
    private double[] crowding = new double[0];

    public Nsga2(List<Variable> variables, int populationSize, UniformRandomProvider rng) {
        if (variables.isEmpty()) throw new IllegalArgumentException("no variables");
        if (populationSize < 2) throw new IllegalArgumentException("population " + populationSize);
        this.variables = List.copyOf(variables);
        this.populationSize = populationSize;
        this.rng = rng;
        this.mutationProbability = 1.0 / variables.size();
    }

    public int populationSize() {
        return populationSize;
    }

    /** The first population: a Latin hypercube, each variable's span cut into {@code populationSize} strata. */
    public double[][] initial() {
        int n = populationSize;
        double[][] out = new double[n][variables.size()];
        for (int j = 0; j < variables.size(); j++) {
            Variable v = variables.get(j);
            int[] perm = permutation(n);
            for (int i = 0; i < n; i++) {
                double u = (perm[i] + rng.nextDouble()) / n;
                out[i][j] = v.kind == Kind.CATEGORICAL
                        ? Math.min(v.high, Math.floor(u * (v.high + 1)))
                        : v.lower() + u * (v.upper() - v.lower());
            }
        }
        return out;
    }

    /**
     * Merges evaluated candidates (genomes and their objective vectors, minimised) into the population and
     * keeps the best {@code populationSize}: whole fronts by rank, the last one cut by crowding distance
     * (larger first; ties by position, the current population before the new candidates, in order).
     */
    public void tell(double[][] genomes, double[][] values) {
        if (genomes.length != values.length) throw new IllegalArgumentException("genomes and values differ in length");
        int n = population.length + genomes.length;
        double[][] g = new double[n][];
        double[][] f = new double[n][];
        for (int i = 0; i < population.length; i++) {
            g[i] = population[i];
            f[i] = objectives[i];
        }
        for (int i = 0; i < genomes.length; i++) {
            g[population.length + i] = genomes[i].clone();
            f[population.length + i] = values[i].clone();
        }
        int[] r = ParetoFront.ranks(f);
        List<Integer> keep = new ArrayList<>();
        int maxRank = Arrays.stream(r).max().orElse(-1);
        for (int front = 0; front <= maxRank && keep.size() < populationSize; front++) {
            int fr = front;
            int[] members = java.util.stream.IntStream.range(0, n)
                    .filter(i -> r[i] == fr)
                    .toArray();
            if (keep.size() + members.length <= populationSize) {
                for (int m : members) keep.add(m);
            } else {
                double[] d = crowding(f, members);
                Integer[] order = java.util.stream.IntStream.range(0, members.length)
                        .boxed()
                        .toArray(Integer[]::new);
                Arrays.sort(
                        order, Comparator.<Integer>comparingDouble(k -> -d[k]).thenComparingInt(k -> k));
                for (int k = 0; keep.size() < populationSize; k++) keep.add(members[order[k]]);
            }
        }
        population = keep.stream().map(i -> g[i]).toArray(double[][]::new);
        objectives = keep.stream().map(i -> f[i]).toArray(double[][]::new);
        rank = ParetoFront.ranks(objectives);
        crowding = new double[population.length];
        int top = Arrays.stream(rank).max().orElse(-1);
        for (int front = 0; front <= top; front++) {
            int fr = front;
            int[] members = java.util.stream.IntStream.range(0, population.length)
                    .filter(i -> rank[i] == fr)
                    .toArray();
            double[] d = crowding(objectives, members);
            for (int k = 0; k < members.length; k++) crowding[members[k]] = d[k];
        }
    }

    /** The current population's genomes (after the last {@link #tell}). */
    public double[][] population() {
        return Arrays.stream(population).map(double[]::clone).toArray(double[][]::new);
    }

    /** The current population's objective vectors. */
    public double[][] populationObjectives() {
        return Arrays.stream(objectives).map(double[]::clone).toArray(double[][]::new);
    }

    /** {@code populationSize} offspring of the current population. */
    public double[][] ask() {
        if (population.length == 0) throw new IllegalStateException("tell the initial population first");
        double[][] out = new double[populationSize][];
        for (int c = 0; c < populationSize; c += 2) {
            double[] a = population[tournament()].clone();
            double[] b = population[tournament()].clone();
            if (rng.nextDouble() < CROSSOVER_PROBABILITY) crossover(a, b);
            mutate(a);
            mutate(b);
            out[c] = a;
            if (c + 1 < populationSize) out[c + 1] = b;
        }
        return out;
    }

    private int tournament() {
        int a = rng.nextInt(population.length);
        int b = rng.nextInt(population.length);
        if (rank[a] != rank[b]) return rank[a] < rank[b] ? a : b;
        if (crowding[a] != crowding[b]) return crowding[a] > crowding[b] ? a : b;
        return rng.nextBoolean() ? a : b;
    }

    /** SBX (bounded, as in Deb's NSGA-II code) on numeric genes; uniform crossover on categorical ones. */
    private void crossover(double[] a, double[] b) {
        for (int j = 0; j < variables.size(); j++) {
            Variable v = variables.get(j);
            if (v.kind == Kind.CATEGORICAL) {
                if (rng.nextBoolean()) swap(a, b, j);
                continue;
            }
            if (rng.nextDouble() > 0.5 || Math.abs(a[j] - b[j]) <= 1e-14) continue;
            double y1 = Math.min(a[j], b[j]);
            double y2 = Math.max(a[j], b[j]);
            double lo = v.lower();
            double hi = v.upper();
            double u = rng.nextDouble();
            double c1 = 0.5 * ((y1 + y2) - betaq(1 + 2 * (y1 - lo) / (y2 - y1), u) * (y2 - y1));
            double c2 = 0.5 * ((y1 + y2) + betaq(1 + 2 * (hi - y2) / (y2 - y1), u) * (y2 - y1));
            c1 = Math.min(hi, Math.max(lo, c1));
            c2 = Math.min(hi, Math.max(lo, c2));
            if (rng.nextBoolean()) {
                a[j] = c2;
                b[j] = c1;
            } else {
                a[j] = c1;
                b[j] = c2;
            }
        }
    }

    private static double betaq(double beta, double u) {
        double alpha = 2 - Math.pow(beta, -(ETA_CROSSOVER + 1));
        return u <= 1 / alpha
                ? Math.pow(u * alpha, 1 / (ETA_CROSSOVER + 1))
                : Math.pow(1 / (2 - u * alpha), 1 / (ETA_CROSSOVER + 1));
    }

    /** Polynomial mutation (with Deb's boundary-aware deltas) on numeric genes; a uniform level on categorical ones. */
    private void mutate(double[] x) {
        for (int j = 0; j < variables.size(); j++) {
            if (rng.nextDouble() >= mutationProbability) continue;
            Variable v = variables.get(j);
            if (v.kind == Kind.CATEGORICAL) {
                x[j] = rng.nextInt((int) v.high + 1);
                continue;
            }
            double lo = v.lower();
            double hi = v.upper();
            if (hi <= lo) continue;
            double d1 = (x[j] - lo) / (hi - lo);
            double d2 = (hi - x[j]) / (hi - lo);
            double u = rng.nextDouble();
            double pow = 1 / (ETA_MUTATION + 1);
            double dq;
            if (u <= 0.5) {
                double val = 2 * u + (1 - 2 * u) * Math.pow(1 - d1, ETA_MUTATION + 1);
                dq = Math.pow(val, pow) - 1;
            } else {
                double val = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(1 - d2, ETA_MUTATION + 1);
                dq = 1 - Math.pow(val, pow);
            }
            x[j] = Math.min(hi, Math.max(lo, x[j] + dq * (hi - lo)));
        }
    }

    private static void swap(double[] a, double[] b, int j) {
        double t = a[j];
        a[j] = b[j];
        b[j] = t;
    }

    private int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int r = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[r];
            p[r] = t;
        }
        return p;
    }

    /**
     * Crowding distance of the given members of one front (indices into f), in the order given: per
     * objective, the members sorted by value (ties by their order in {@code members}), the two ends
     * infinite, each other one adding the gap between its neighbours divided by the front's span of that
     * objective (an objective with no span adds nothing, not even to the ends). Undefined (NaN) rows get 0.
     */
    public static double[] crowding(double[][] f, int[] members) {
        int n = members.length;
        double[] d = new double[n];
        if (n == 0) return d;
        if (Arrays.stream(f[members[0]]).anyMatch(Double::isNaN)) return d;
        if (n <= 2) {
            Arrays.fill(d, Double.POSITIVE_INFINITY);
            return d;
        }
        for (int m = 0; m < f[members[0]].length; m++) {
            int om = m;
            Integer[] order = java.util.stream.IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(
                    order,
                    Comparator.<Integer>comparingDouble(k -> f[members[k]][om]).thenComparingInt(k -> k));
            double lo = f[members[order[0]]][m];
            double hi = f[members[order[n - 1]]][m];
            if (!(hi > lo)) continue;
            d[order[0]] = Double.POSITIVE_INFINITY;
            d[order[n - 1]] = Double.POSITIVE_INFINITY;
            for (int k = 1; k < n - 1; k++) {
                d[order[k]] += (f[members[order[k + 1]]][m] - f[members[order[k - 1]]][m]) / (hi - lo);
            }
        }
        return d;
    }
}
