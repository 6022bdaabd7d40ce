package frontier.analysis.fit;

import frontier.sim.BadInputException;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.LogNormal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Explains request latency by token counts: latency ≈ a + b·in + c·out, i.e. an overhead a (seconds),
 * a prefill rate 1/b and a decode rate 1/c (tokens per second). The service-time model it feeds is
 * (a + in/prefill + out/decode) × ε, with ε lognormal of mean 1 and cv = {@link Result#residualCv()}.
 *
 * <p>Because that noise is multiplicative (constant cv), the coefficients are fitted by iteratively
 * reweighted least squares with weights 1/ŷ², which minimises relative rather than absolute errors so
 * a few long requests do not dominate; the first pass is ordinary least squares. Every coefficient must
 * be positive to mean anything: a term whose coefficient comes out ≤ 0 is dropped (its rate becomes
 * infinite, i.e. those tokens cost no time), the model is refitted without it, and a note says so. A
 * token column that never varies cannot be told apart from the overhead and is dropped the same way.
 * The normal equations are accumulated in one pass over scaled columns and solved by QR, so memory does
 * not grow with the number of requests.
 */
public final class TokenTimeFit {
    /** Requests needed for a fit. */
    public static final int MIN_SAMPLES = 10;

    private static final int REWEIGHTINGS = 6;
    private static final String[] TERMS = {"overhead", "prefill (input tokens)", "decode (output tokens)"};

    private TokenTimeFit() {}

    /**
     * The fitted token-time model.
     *
     * @param overheadS          a, seconds per request (0 when the intercept was dropped)
     * @param prefillTokensPerS  1/b, input tokens per second ({@code +Infinity} when the term was dropped)
     * @param decodeTokensPerS   1/c, output tokens per second ({@code +Infinity} when the term was dropped)
     * @param rSquared           1 − Σ(y − ŷ)² / Σ(y − ȳ)², on the latencies as given; NaN if they are all equal
     * @param residualCv         coefficient of variation of latency / ŷ, the multiplicative noise
     * @param n                  requests used (all of them)
     * @param notes              sentences for the user: dropped terms and why
     */
    public record Result(
            double overheadS,
            double prefillTokensPerS,
            double decodeTokensPerS,
            double rSquared,
            double residualCv,
            int n,
            List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }

        /** The model's mean service time (seconds) for a request with these token counts. */
        public double meanServiceTimeS(long inputTokens, long outputTokens) {
            return overheadS + inputTokens / prefillTokensPerS + outputTokens / decodeTokensPerS;
        }

        /** The noise factor ε: lognormal with mean 1 and the residual cv, or exactly 1 when the fit is exact up to rounding. */
        public Distribution noise() {
            return residualCv > 1e-9 ? new LogNormal(1.0, residualCv, null, null) : new Deterministic(1.0);
        }
    }

    /**
     * Fits latency = a + b·in + c·out.
     *
     * @throws BadInputException if the arrays differ in length, hold fewer than {@value #MIN_SAMPLES}
     *                           requests, a latency is not a finite number of seconds &gt; 0, or a token
     *                           count is negative; the message gives the first offending index
     */
    public static Result fit(double[] latencySeconds, long[] inputTokens, long[] outputTokens) {
        int n = validate(latencySeconds, inputTokens, outputTokens);
        double[][] columns = new double[3][n];
        for (int i = 0; i < n; i++) {
            columns[0][i] = 1;
            columns[1][i] = inputTokens[i];
            columns[2][i] = outputTokens[i];
        }
        List<String> notes = new ArrayList<>();
        boolean[] active = {true, true, true};
        for (int j = 1; j < 3; j++) {
            if (constant(columns[j])) {
                active[j] = false;
                notes.add("Every request has " + (long) columns[j][0] + (j == 1 ? " input" : " output")
                        + " tokens, so their time cannot be told apart from the overhead: the " + TERMS[j]
                        + " term is left out (its rate is infinite) and absorbed in the overhead.");
            }
        }
        // Keeps 1/ŷ² finite where the model predicts (almost) nothing, e.g. zero tokens without an overhead.
        double floor = 1e-3 * median(latencySeconds);
        double[] coef = null;
        double[] fitted;
        boolean converged = false;
        while (!converged) {
            // Ordinary least squares first, then reweight by 1/ŷ² while all coefficients stay positive.
            coef = solve(columns, latencySeconds, active, null);
            int dropped = mostNegative(coef, active, columns);
            for (int it = 0; dropped < 0 && it < REWEIGHTINGS; it++) {
                fitted = predict(columns, coef, active);
                double[] w = new double[n];
                for (int i = 0; i < n; i++) w[i] = 1 / Math.pow(Math.max(fitted[i], floor), 2);
                coef = solve(columns, latencySeconds, active, w);
                dropped = mostNegative(coef, active, columns);
            }
            if (dropped >= 0) {
                active[dropped] = false;
                notes.add(String.format(
                        Locale.ROOT,
                        "The %s coefficient came out %.3g s%s (≤ 0), which has no physical meaning: "
                                + "the term is dropped and the model refitted without it.",
                        TERMS[dropped],
                        coef[dropped],
                        dropped == 0 ? "" : " per token"));
            } else {
                converged = true;
            }
        }
        fitted = predict(columns, coef, active);
        double mean = 0;
        for (double y : latencySeconds) mean += y;
        mean /= n;
        double ssRes = 0;
        double ssTot = 0;
        double[] ratio = new double[n];
        double rMean = 0;
        for (int i = 0; i < n; i++) {
            double y = latencySeconds[i];
            ssRes += (y - fitted[i]) * (y - fitted[i]);
            ssTot += (y - mean) * (y - mean);
            ratio[i] = y / Math.max(fitted[i], floor);
            rMean += ratio[i];
        }
        rMean /= n;
        double rVar = 0;
        for (double r : ratio) rVar += (r - rMean) * (r - rMean);
        rVar /= n - 1;
        return new Result(
                active[0] ? coef[0] : 0,
                rate(coef, active, 1),
                rate(coef, active, 2),
                ssTot > 0 ? 1 - ssRes / ssTot : Double.NaN,
                Math.sqrt(rVar) / rMean,
                n,
                notes);
    }

    private static int validate(double[] latency, long[] in, long[] out) {
        if (latency == null || in == null || out == null)
            throw new BadInputException("token-time fit: latencies and token counts are required");
        if (latency.length != in.length || latency.length != out.length) {
            throw new BadInputException("token-time fit: " + latency.length + " latencies but " + in.length
                    + " input and " + out.length + " output token counts; expected one of each per request");
        }
        if (latency.length < MIN_SAMPLES) {
            throw new BadInputException(
                    "token-time fit: need at least " + MIN_SAMPLES + " requests, got " + latency.length);
        }
        for (int i = 0; i < latency.length; i++) {
            if (!(latency[i] > 0) || Double.isInfinite(latency[i])) {
                throw new BadInputException("token-time fit: latency [" + i + "] is " + latency[i]
                        + "; expected a finite number of seconds > 0 (remove failed requests first)");
            }
            if (in[i] < 0 || out[i] < 0) {
                throw new BadInputException("token-time fit: request [" + i + "] has " + in[i] + " input and " + out[i]
                        + " output tokens; expected counts >= 0");
            }
        }
        return latency.length;
    }

    private static boolean constant(double[] v) {
        for (double x : v) if (x != v[0]) return false;
        return true;
    }

    /**
     * Weighted least squares on the active columns, each scaled by its root-mean-square so the normal
     * equations are well conditioned; returns coefficients in the original units (0 for inactive ones).
     */
    private static double[] solve(double[][] columns, double[] y, boolean[] active, double[] w) {
        int[] idx =
                java.util.stream.IntStream.range(0, 3).filter(j -> active[j]).toArray();
        int k = idx.length;
        int n = y.length;
        double[] scale = new double[k];
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (double v : columns[idx[a]]) s += v * v;
            scale[a] = s > 0 ? Math.sqrt(s / n) : 1;
        }
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (int i = 0; i < n; i++) {
            double wi = w == null ? 1 : w[i];
            for (int a = 0; a < k; a++) {
                double xa = columns[idx[a]][i] / scale[a];
                xty[a] += wi * xa * y[i];
                for (int b = a; b < k; b++) xtx[a][b] += wi * xa * columns[idx[b]][i] / scale[b];
            }
        }
        for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) xtx[a][b] = xtx[b][a];
        RealVector beta = new QRDecomposition(new Array2DRowRealMatrix(xtx, false))
                .getSolver()
                .solve(new ArrayRealVector(xty, false));
        double[] coef = new double[3];
        for (int a = 0; a < k; a++) coef[idx[a]] = beta.getEntry(a) / scale[a];
        return coef;
    }

    /** The active term with the most negative contribution at the mean request, or −1 if all are positive. */
    private static int mostNegative(double[] coef, boolean[] active, double[][] columns) {
        int worst = -1;
        double worstEffect = 0;
        for (int j = 0; j < 3; j++) {
            if (!active[j] || coef[j] > 0) continue;
            double colMean = java.util.Arrays.stream(columns[j]).average().orElse(0);
            double effect = coef[j] * colMean;
            if (worst < 0 || effect < worstEffect) {
                worst = j;
                worstEffect = effect;
            }
        }
        return worst;
    }

    private static double[] predict(double[][] columns, double[] coef, boolean[] active) {
        int n = columns[0].length;
        double[] p = new double[n];
        for (int j = 0; j < 3; j++) {
            if (!active[j]) continue;
            for (int i = 0; i < n; i++) p[i] += coef[j] * columns[j][i];
        }
        return p;
    }

    private static double rate(double[] coef, boolean[] active, int j) {
        return active[j] ? 1 / coef[j] : Double.POSITIVE_INFINITY;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return ServiceTimeFit.quantile(s, 0.5);
    }
}
