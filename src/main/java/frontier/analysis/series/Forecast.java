package frontier.analysis.series;

import frontier.sim.BadInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Forecasts a daily series with additive Holt–Winters, i.e. exponential smoothing of a level, a linear
 * trend and a weekly pattern (ETS(A,A,A) with period 7), and gives prediction intervals.
 *
 * <p>Why this method: it follows level shifts (a price change, a new model) instead of fitting one line
 * through them, and its own error model makes the intervals widen with the horizon. With smoothing
 * weights near 0 it becomes a fixed trend plus weekday effects, so it loses nothing on steady series.
 *
 * <p>Fitting: for given smoothing weights α (level), β (trend) and γ (weekly) the one-step errors are
 * linear in the initial states (level, slope and seven weekday effects summing to 0), so those are
 * found exactly by least squares; the weights (0 ≤ β ≤ α ≤ 1, 0 ≤ γ ≤ 1 − α) minimise the sum of
 * squared one-step errors, by a coarse grid then BOBYQA. Missing days and NaN values are skipped (the
 * states move on without a correction). With fewer than 14 known days, or a weekday seen fewer
 * than twice, there is no weekly pattern (Holt's linear trend, γ = 0), as the description says.
 *
 * <p>Intervals: σ² is the sum of squared one-step errors over (days − fitted parameters). The h-step
 * variance is the model's σ²(1 + Σⱼ₌₁ʰ⁻¹ (α + jβ + γ·[7 divides j])²) (Hyndman et al., <i>Forecasting
 * with Exponential Smoothing</i>, 2008, §6.3) plus σ²(1/n + (t − t̄)²/Σ(tᵢ − t̄)² + 7/n), the error of a
 * trend line and weekday effects (the 7/n term, only with a weekly pattern) estimated from the n known days, because the model formula ignores that
 * its states were estimated (without it 90% intervals covered 88% in tests); bounds use Student's
 * t with the same degrees of freedom. When every known value is ≥ 0 (costs), forecasts and bounds are
 * cut at 0.
 */
public final class Forecast {
    /** Known days needed for a forecast. */
    public static final int MIN_DAYS = 7;
    /** Known days needed to estimate a weekly pattern. */
    public static final int MIN_DAYS_WEEKLY = 14;
    /** Longest horizon accepted (days). */
    public static final int MAX_HORIZON = 3660;

    private static final int PERIOD = 7;
    private static final double[] GRID = {0, 0.15, 0.4, 0.7, 1};

    private Forecast() {}

    /** One future day: the point forecast and the prediction interval. */
    public record Point(LocalDate date, double point, double lower, double upper) {}

    /**
     * A forecast.
     *
     * @param points      one per future day, from the day after the last date
     * @param level       the intervals' coverage probability
     * @param weekly      whether a weekly pattern was fitted
     * @param alpha       level smoothing weight
     * @param beta        trend smoothing weight
     * @param gamma       weekly smoothing weight (0 without a weekly pattern)
     * @param sigma       standard deviation of the one-step errors
     * @param method      a sentence describing the method, for the user
     */
    public record Result(
            List<Point> points,
            double level,
            boolean weekly,
            double alpha,
            double beta,
            double gamma,
            double sigma,
            String method) {
        public Result {
            points = List.copyOf(points);
        }
    }

    /**
     * Forecasts {@code horizonDays} days after the last date.
     *
     * @param days        dates in strictly increasing order (gaps allowed)
     * @param values      one per date, NaN for unknown
     * @param horizonDays 1 … {@value #MAX_HORIZON}
     * @param level       interval coverage, strictly between 0 and 1 (e.g. 0.9)
     * @throws BadInputException for inconsistent dates or values (see {@link Anomalies#flag}), fewer than
     *                           {@value #MIN_DAYS} known values, or a horizon or level out of range
     */
    public static Result of(LocalDate[] days, double[] values, int horizonDays, double level) {
        if (horizonDays < 1 || horizonDays > MAX_HORIZON) {
            throw new BadInputException("forecast: horizon is " + horizonDays + " days; expected 1 to " + MAX_HORIZON);
        }
        if (!(level > 0 && level < 1))
            throw new BadInputException(
                    "forecast: level is " + level + "; expected a probability between 0 and 1, e.g. 0.9");
        Series s = Series.of("forecast", days, values);
        int known = s.observed();
        if (known < MIN_DAYS) {
            throw new BadInputException(
                    "forecast: " + known + " days have values; at least " + MIN_DAYS + " are needed");
        }
        // Fitted in units of the largest |value|, so sums of squares can neither overflow nor underflow.
        double unit = 0;
        for (double v : s.y()) if (!Double.isNaN(v)) unit = Math.max(unit, Math.abs(v));
        if (unit == 0) unit = 1;
        double[] y = s.y().clone();
        for (int i = 0; i < y.length; i++) y[i] /= unit;
        boolean weekly = known >= MIN_DAYS_WEEKLY && everyWeekdaySeenTwice(y);
        Model best = fit(y, weekly);

        int parameters = (weekly ? 3 + 2 + PERIOD - 1 : 2 + 2);
        int dof = known - parameters;
        double sigma2 = best.sse / dof;
        double tMean = 0;
        for (int i = 0; i < y.length; i++) if (!Double.isNaN(y[i])) tMean += i;
        tMean /= known;
        double sxx = 0;
        for (int i = 0; i < y.length; i++) if (!Double.isNaN(y[i])) sxx += (i - tMean) * (i - tMean);
        double z = TDistribution.of(dof).inverseSurvivalProbability((1 - level) / 2);
        boolean nonNegative = true;
        for (double v : y) if (v < 0) nonNegative = false;

        double[] state = best.finalState;
        List<Point> points = new ArrayList<>();
        double sumC2 = 0;
        LocalDate last = days[days.length - 1];
        for (int h = 1; h <= horizonDays; h++) {
            if (h > 1) {
                int j = h - 1;
                double c = best.alpha + j * best.beta + (j % PERIOD == 0 ? best.gamma : 0);
                sumC2 += c * c;
            }
            double point = state[0] + h * state[1] + (weekly ? state[2 + (y.length + h - 1) % PERIOD] : 0);
            double tH = y.length - 1 + h;
            double estimation =
                    1.0 / known + (tH - tMean) * (tH - tMean) / sxx + (weekly ? (double) PERIOD / known : 0);
            double sd = Math.sqrt(sigma2 * (1 + sumC2 + estimation));
            double lo = (point - z * sd) * unit;
            double hi = (point + z * sd) * unit;
            point *= unit;
            if (nonNegative) {
                point = Math.max(0, point);
                lo = Math.max(0, lo);
                hi = Math.max(0, hi);
            }
            points.add(new Point(last.plusDays(h), point, lo, hi));
        }
        String method = String.format(
                Locale.ROOT,
                "%s, α=%.3f β=%.3f%s, fitted by least squares on %d days; %.0f%% intervals "
                        + "from the model's h-step error variance plus the estimation error of trend and weekday effects (σ=%.4g)%s%s.",
                weekly ? "Additive Holt-Winters (level, trend, weekly pattern)" : "Holt's linear trend (level, trend)",
                best.alpha,
                best.beta,
                weekly ? String.format(Locale.ROOT, " γ=%.3f", best.gamma) : "",
                known,
                100 * level,
                Math.sqrt(sigma2) * unit,
                weekly
                        ? ""
                        : "; no weekly pattern: fewer than " + MIN_DAYS_WEEKLY
                                + " days of history or a weekday seen less than twice",
                nonNegative ? "; cut at 0" : "");
        return new Result(points, level, weekly, best.alpha, best.beta, best.gamma, Math.sqrt(sigma2) * unit, method);
    }

    private static boolean everyWeekdaySeenTwice(double[] y) {
        int[] seen = new int[PERIOD];
        for (int i = 0; i < y.length; i++) if (!Double.isNaN(y[i])) seen[i % PERIOD]++;
        for (int c : seen) if (c < 2) return false;
        return true;
    }

    /** Fitted weights, their sum of squared one-step errors, and the state after the last day. */
    private record Model(double alpha, double beta, double gamma, double sse, double[] finalState) {}

    private static Model fit(double[] y, boolean weekly) {
        // Weights as a box: α = a, β = a·u, γ = (1 − a)·v with a, u, v in [0, 1].
        MultivariateFunction sse = p -> solve(y, weekly, weights(p, weekly)).sse;
        int dim = weekly ? 3 : 2;
        double[] start = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a : GRID) {
            for (double u : GRID) {
                for (double v : weekly ? GRID : new double[] {0}) {
                    double[] p = weekly ? new double[] {a, u, v} : new double[] {a, u};
                    double e = sse.value(p);
                    if (e < bestSse) {
                        bestSse = e;
                        start = p;
                    }
                }
            }
        }
        double[] lower = new double[dim];
        double[] upper = new double[dim];
        java.util.Arrays.fill(upper, 1);
        PointValuePair opt = new BOBYQAOptimizer(2 * dim + 1, 0.05, 1e-4)
                .optimize(
                        new MaxEval(2000),
                        new ObjectiveFunction(sse),
                        GoalType.MINIMIZE,
                        new InitialGuess(start),
                        new SimpleBounds(lower, upper));
        double[] p = opt.getValue() < bestSse ? opt.getPoint() : start;
        return solve(y, weekly, weights(p, weekly));
    }

    private static double[] weights(double[] p, boolean weekly) {
        double a = clamp(p[0]);
        double u = clamp(p[1]);
        double v = weekly ? clamp(p[2]) : 0;
        return new double[] {a, a * u, (1 - a) * v};
    }

    private static double clamp(double x) {
        return Math.min(1, Math.max(0, x));
    }

    /**
     * For fixed weights, the initial states minimising the squared one-step errors. The filter is linear
     * in (initial state, data), so errors = r₀ − M·x₀, where r₀ are the errors from a zero initial state
     * and column k of M is the predictions made from unit initial state k with all data zero.
     */
    private static Model solve(double[] y, boolean weekly, double[] w) {
        int states = weekly ? 2 + PERIOD - 1 : 2;
        double[] zeros = new double[y.length];
        for (int i = 0; i < y.length; i++) zeros[i] = Double.isNaN(y[i]) ? Double.NaN : 0;
        int known = 0;
        for (double v : y) if (!Double.isNaN(v)) known++;
        double[] r0 = new double[known];
        double[] pred = run(y, w, initial(weekly, -1), null);
        for (int i = 0, row = 0; i < y.length; i++) if (!Double.isNaN(y[i])) r0[row++] = y[i] - pred[i];
        double[][] m = new double[known][states];
        for (int k = 0; k < states; k++) {
            double[] unit = run(zeros, w, initial(weekly, k), null);
            for (int i = 0, row = 0; i < y.length; i++) if (!Double.isNaN(y[i])) m[row++][k] = unit[i];
        }
        RealVector x0 = leastSquares(m, r0);
        double[] init = initial(weekly, -1);
        for (int k = 0; k < states; k++) {
            double c = x0.getEntry(k);
            double[] unit = initial(weekly, k);
            for (int q = 0; q < init.length; q++) init[q] += c * unit[q];
        }
        double[] finalState = new double[2 + PERIOD];
        double[] fitted = run(y, w, init, finalState);
        double sse = 0;
        for (int i = 0; i < y.length; i++) if (!Double.isNaN(y[i])) sse += (y[i] - fitted[i]) * (y[i] - fitted[i]);
        return new Model(w[0], w[1], w[2], sse, finalState);
    }

    /**
     * The x minimising |r − M·x|² by the normal equations, with columns scaled to unit root-mean-square so
     * they are well conditioned, solved by SVD so an unidentifiable state (never observed) gets 0.
     */
    private static RealVector leastSquares(double[][] m, double[] r) {
        int k = m[0].length;
        double[] scale = new double[k];
        for (double[] row : m) for (int a = 0; a < k; a++) scale[a] += row[a] * row[a];
        for (int a = 0; a < k; a++) scale[a] = scale[a] > 0 ? Math.sqrt(scale[a] / m.length) : 1;
        double[][] mtm = new double[k][k];
        double[] mtr = new double[k];
        for (int i = 0; i < m.length; i++) {
            for (int a = 0; a < k; a++) {
                double xa = m[i][a] / scale[a];
                mtr[a] += xa * r[i];
                for (int b = a; b < k; b++) mtm[a][b] += xa * m[i][b] / scale[b];
            }
        }
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) mtm[a][b] = mtm[b][a];
        RealVector x = new SingularValueDecomposition(new Array2DRowRealMatrix(mtm, false))
                .getSolver()
                .solve(new ArrayRealVector(mtr, false));
        for (int a = 0; a < k; a++) x.setEntry(a, x.getEntry(a) / scale[a]);
        return x;
    }

    /**
     * An initial state (level, slope, weekday effects 0…6): zero when {@code k} &lt; 0, else the k-th basis
     * vector of the free states, where weekday effect j &lt; 6 comes with −1 on effect 6 so effects sum to 0.
     */
    private static double[] initial(boolean weekly, int k) {
        double[] x = new double[2 + PERIOD];
        if (k < 0) return x;
        if (k < 2) {
            x[k] = 1;
        } else if (weekly) {
            x[k] = 1;
            x[2 + PERIOD - 1] = -1;
        }
        return x;
    }

    /**
     * Runs the error-correction recursions over the history; returns the one-step predictions and, when
     * {@code finalState} is given, leaves the state after the last day in it (level, slope, effects by day
     * index mod 7).
     */
    private static double[] run(double[] y, double[] w, double[] init, double[] finalState) {
        double level = init[0];
        double slope = init[1];
        double[] season = java.util.Arrays.copyOfRange(init, 2, 2 + PERIOD);
        double[] pred = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            int phase = i % PERIOD;
            double p = level + slope + season[phase];
            pred[i] = p;
            double e = Double.isNaN(y[i]) ? 0 : y[i] - p;
            level = level + slope + w[0] * e;
            slope = slope + w[1] * e;
            season[phase] += w[2] * e;
        }
        if (finalState != null) {
            finalState[0] = level;
            finalState[1] = slope;
            System.arraycopy(season, 0, finalState, 2, PERIOD);
        }
        return pred;
    }
}
