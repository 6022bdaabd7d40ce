package frontier.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Non-dominated points, all objectives minimised. Point a dominates b when a is no worse in every
 * objective and strictly better in at least one; the front is the set of points no other point dominates
 * (so two points with identical values are both on it). Rows with a NaN value and rows not marked
 * {@code eligible} take no part: they are never on the front and dominate nothing. {@link #ranks} sorts
 * points into successive fronts, as NSGA-II needs.
 */
public final class ParetoFront {
    private ParetoFront() {}

    /** {@code true} exactly for the eligible rows of {@code values} (n × k) that no eligible row dominates. */
    public static boolean[] nonDominated(double[][] values, boolean[] eligible) {
        int n = values.length;
        boolean[] use = new boolean[n];
        for (int i = 0; i < n; i++)
            use[i] = eligible[i] && Arrays.stream(values[i]).noneMatch(Double::isNaN);
        if (n > 0 && values[0].length == 2) return twoObjectives(values, use);
        boolean[] front = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (!use[i]) continue;
            front[i] = true;
            for (int j = 0; j < n && front[i]; j++) {
                if (j != i && use[j] && dominates(values[j], values[i])) front[i] = false;
            }
        }
        return front;
    }

    /**
     * Whether a dominates b (minimising): no worse in every objective, strictly better in one. The one
     * definition of dominance: the front, its uncertainty and NSGA-II's ranks all use it.
     */
    public static boolean dominates(double[] a, double[] b) {
        boolean strictly = false;
        for (int m = 0; m < a.length; m++) {
            if (a[m] > b[m]) return false;
            if (a[m] < b[m]) strictly = true;
        }
        return strictly;
    }

    /**
     * Fast non-dominated sorting: rank 0 for the points no other point dominates, rank 1 for those only
     * rank-0 points dominate, and so on. Rows with a NaN all share the rank after the last defined one.
     */
    public static int[] ranks(double[][] f) {
        int n = f.length;
        int[] rank = new int[n];
        boolean[] valid = new boolean[n];
        for (int i = 0; i < n; i++) valid[i] = Arrays.stream(f[i]).noneMatch(Double::isNaN);
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) dominates.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            if (!valid[i]) continue;
            for (int j = i + 1; j < n; j++) {
                if (!valid[j]) continue;
                if (dominates(f[i], f[j])) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(f[j], f[i])) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) if (valid[i] && dominatedBy[i] == 0) current.add(i);
        int r = 0;
        while (!current.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                rank[i] = r;
                for (int j : dominates.get(i)) if (--dominatedBy[j] == 0) next.add(j);
            }
            current = next;
            r++;
        }
        for (int i = 0; i < n; i++) if (!valid[i]) rank[i] = r;
        return rank;
    }

    /**
     * O(n log n): sorted by (first, second), a point is dominated exactly when a point with the same first
     * value has a smaller second one, or a point with a smaller first value has a second one no larger.
     */
    private static boolean[] twoObjectives(double[][] v, boolean[] use) {
        Integer[] order = java.util.stream.IntStream.range(0, v.length)
                .filter(i -> use[i])
                .boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> v[i][0]).thenComparingDouble(i -> v[i][1]));
        boolean[] front = new boolean[v.length];
        double bestBefore = Double.POSITIVE_INFINITY; // smallest second value among strictly smaller first values
        int g = 0;
        while (g < order.length) {
            int end = g;
            while (end < order.length && v[order[end]][0] == v[order[g]][0]) end++;
            double groupMin = v[order[g]][1];
            if (groupMin < bestBefore) {
                for (int k = g; k < end && v[order[k]][1] == groupMin; k++) front[order[k]] = true;
            }
            bestBefore = Math.min(bestBefore, groupMin);
            g = end;
        }
        return front;
    }

    /**
     * The uncertainty rule. With 95% intervals [mean − h, mean + h] per objective, a front point p is
     * <em>uncertain</em> when some other eligible point q could dominate it within the intervals: for every
     * objective, q's lower bound is at most p's upper bound ({@code mean_q − h_q ≤ mean_p + h_p}). Then
     * none of p's advantages over q is established, and with other seeds q might beat or equal p in every
     * objective. Points off the front are never uncertain here. Returns null entries where a front point
     * has no interval (one replication): its uncertainty is unknown.
     */
    public static Boolean[] uncertain(double[][] mean, double[][] halfWidth, boolean[] front, boolean[] eligible) {
        int n = mean.length;
        Boolean[] out = new Boolean[n];
        for (int p = 0; p < n; p++) {
            if (!front[p]) {
                out[p] = false;
                continue;
            }
            if (Arrays.stream(halfWidth[p]).anyMatch(h -> !Double.isFinite(h))) {
                out[p] = null;
                continue;
            }
            boolean u = false;
            for (int q = 0; q < n && !u; q++) {
                if (q == p || !eligible[q] || Arrays.stream(mean[q]).anyMatch(Double::isNaN)) continue;
                boolean could = true;
                for (int m = 0; m < mean[p].length && could; m++) {
                    double hq = Double.isFinite(halfWidth[q][m]) ? halfWidth[q][m] : 0;
                    could = mean[q][m] - hq <= mean[p][m] + halfWidth[p][m];
                }
                u = could;
            }
            out[p] = u;
        }
        return out;
    }
}
