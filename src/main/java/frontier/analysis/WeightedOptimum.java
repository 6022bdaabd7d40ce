package frontier.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The weighted optimum of two minimised objectives, cost c and latency l: the eligible point with the
 * smallest α·ĉ + β·l̂, β = 1 − α, where ĉ = (c − min c) / (max c − min c) and likewise l̂, minimum and
 * maximum taken over the eligible points (0 for all when they are all equal). Normalising makes α mean
 * "share of the weight on cost" whatever the units: α = 1 is the cheapest point, α = 0 the fastest.
 * Ties are broken by the objectives' values in order (cost, then latency, then any further objective),
 * then by the smaller index, so the optimum is always on the Pareto front.
 */
public final class WeightedOptimum {
    private static final double TIE = 1e-12;

    private final double[][] values; // n × k, minimised; [0] cost, [1] latency
    private final boolean[] eligible;
    private final double[] a; // score at α = 0 (normalised latency)
    private final double[] b; // slope in α (normalised cost − normalised latency)
    private final double[] min = new double[2];
    private final double[] max = new double[2];

    /** One stretch of weights: for α in [from, to] the optimum is {@code point}. */
    public record Interval(double from, double to, int point) {}

    public WeightedOptimum(double[][] values, boolean[] eligible) {
        int n = values.length;
        this.values = values;
        this.eligible = new boolean[n];
        for (int i = 0; i < n; i++)
            this.eligible[i] = eligible[i] && !Double.isNaN(values[i][0]) && !Double.isNaN(values[i][1]);
        for (int m = 0; m < 2; m++) {
            min[m] = Double.POSITIVE_INFINITY;
            max[m] = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!this.eligible[i]) continue;
                min[m] = Math.min(min[m], values[i][m]);
                max[m] = Math.max(max[m], values[i][m]);
            }
        }
        a = new double[n];
        b = new double[n];
        for (int i = 0; i < n; i++) {
            if (!this.eligible[i]) continue;
            double c = normalised(0, values[i][0]);
            double l = normalised(1, values[i][1]);
            a[i] = l;
            b[i] = c - l;
        }
    }

    /** Min–max normalised value of objective m (0 = cost, 1 = latency). */
    public double normalised(int m, double v) {
        return max[m] > min[m] ? (v - min[m]) / (max[m] - min[m]) : 0;
    }

    public double min(int m) {
        return min[m];
    }

    public double max(int m) {
        return max[m];
    }

    /** α·ĉ + (1 − α)·l̂ of point i. */
    public double score(int i, double alpha) {
        return a[i] + alpha * b[i];
    }

    /** The optimum for weight α on cost, or −1 when no point is eligible. */
    public int best(double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        return pick(alpha, false);
    }

    /**
     * Every distinct optimum as α goes from 0 to 1, with the exact weights where it changes (the lower
     * envelope of the lines score(α)); consecutive intervals share their boundary, where both are optimal.
     * Empty when no point is eligible.
     */
    public List<Interval> optima() {
        List<Interval> out = new ArrayList<>();
        int cur = pick(0, true);
        if (cur < 0) return out;
        double from = 0;
        while (true) {
            // The next piece of the lower envelope belongs to the line of smaller slope that crosses the
            // current one first; of several crossing there together, the one of smallest slope.
            int nextPoint = -1;
            double next = Double.POSITIVE_INFINITY;
            for (int j = 0; j < a.length; j++) {
                if (!eligible[j] || b[j] >= b[cur] - TIE) continue;
                double x = (a[j] - a[cur]) / (b[cur] - b[j]);
                if (nextPoint < 0 || x < next - TIE) {
                    next = x;
                    nextPoint = j;
                } else if (x <= next + TIE
                        && (b[j] < b[nextPoint] - TIE
                                || Math.abs(b[j] - b[nextPoint]) <= TIE && before(j, nextPoint))) {
                    next = Math.min(next, x);
                    nextPoint = j;
                }
            }
            if (nextPoint < 0 || next >= 1) {
                out.add(new Interval(from, 1, cur));
                return out;
            }
            next = Math.max(next, from);
            if (next > from) out.add(new Interval(from, next, cur));
            cur = nextPoint;
            from = next;
        }
    }

    /**
     * The point of smallest score at α; with {@code rightOfAlpha}, among those tied at α the one with the
     * smallest slope (the optimum just above α).
     */
    private int pick(double alpha, boolean rightOfAlpha) {
        int best = -1;
        for (int i = 0; i < a.length; i++) {
            if (!eligible[i]) continue;
            if (best < 0) {
                best = i;
                continue;
            }
            double d = score(i, alpha) - score(best, alpha);
            if (d < -TIE) best = i;
            else if (d <= TIE) {
                if (rightOfAlpha && b[i] < b[best] - TIE) best = i;
                else if ((!rightOfAlpha || Math.abs(b[i] - b[best]) <= TIE) && before(i, best)) best = i;
            }
        }
        return best;
    }

    /** Tie-break: the objectives in order, then the index. */
    private boolean before(int i, int j) {
        for (int m = 0; m < values[i].length; m++) {
            double x = Double.isNaN(values[i][m]) ? Double.POSITIVE_INFINITY : values[i][m];
            double y = Double.isNaN(values[j][m]) ? Double.POSITIVE_INFINITY : values[j][m];
            if (x != y) return x < y;
        }
        return i < j;
    }
}
