package frontier.model.llm;

import frontier.sim.InvalidSpecException;
import java.util.Arrays;

/**
 * Iteration time by table interpolation instead of a linear form, for measured tables such as
 * Splitwise's whose decode steps do not grow linearly with batch and context. Three piecewise-linear
 * tables, each a sorted key → seconds:
 * <ul>
 * <li>{@code prefill}: prompt tokens computed in the iteration → time of that prefill;</li>
 * <li>{@code decodeBatch}: sequences decoding → time of one decode step at the reference context
 * {@code refContext} tokens per sequence;</li>
 * <li>{@code decodeContext}: context tokens of one decoding sequence → time of a decode step of that
 * single sequence.</li>
 * </ul>
 * A decode step of {@code s} sequences with a mean context {@code c} takes
 * {@code D(s, c) = B(s) + s·(C(c) − C(refContext))}, never less than {@code C(c)}: the batch table gives
 * the step at the reference context and every sequence adds the difference its own context makes
 * (attention reads each sequence's KV). This separable form is what a table measured along a cross
 * (batch at one context, context at batch 1, as Splitwise's) supports. An iteration that carries both a
 * prefill chunk and decodes costs {@code P + D − min(P, D, B(1))}: the weights are read once, so one
 * single-sequence step is not paid twice. Between points the tables interpolate linearly; below the
 * first point they hold the first value (a fixed cost floor); above the last they extend the last
 * segment's slope (never decreasing).
 */
public record IterationTable(
        double[] prefillTokens,
        double[] prefillSeconds,
        double[] decodeSeqs,
        double[] decodeBatchSeconds,
        double refContext,
        double[] contextTokens,
        double[] decodeContextSeconds) {
    public IterationTable {
        check("prefill", prefillTokens, prefillSeconds);
        check("decode_batch", decodeSeqs, decodeBatchSeconds);
        check("decode_context", contextTokens, decodeContextSeconds);
        if (!(refContext > 0) || Double.isInfinite(refContext)) {
            throw new InvalidSpecException("ref_context", "expected a finite number > 0, got " + refContext);
        }
        prefillTokens = prefillTokens.clone();
        prefillSeconds = prefillSeconds.clone();
        decodeSeqs = decodeSeqs.clone();
        decodeBatchSeconds = decodeBatchSeconds.clone();
        contextTokens = contextTokens.clone();
        decodeContextSeconds = decodeContextSeconds.clone();
    }

    private static void check(String table, double[] keys, double[] seconds) {
        if (keys.length == 0 || keys.length != seconds.length) {
            throw new InvalidSpecException(table, "expected as many times as keys, at least one point");
        }
        for (int i = 0; i < keys.length; i++) {
            if (!(keys[i] > 0) || Double.isInfinite(keys[i]))
                throw new InvalidSpecException(table, "key " + keys[i] + ": expected a finite number > 0");
            if (!(seconds[i] > 0) || Double.isInfinite(seconds[i])) {
                throw new InvalidSpecException(
                        table, "time at " + keys[i] + ": expected a finite number > 0, got " + seconds[i]);
            }
            if (i > 0 && !(keys[i] > keys[i - 1]))
                throw new InvalidSpecException(
                        table, "keys must increase strictly (" + keys[i - 1] + ", " + keys[i] + ")");
        }
    }

    /** Mean time in seconds of an iteration with these prompt tokens, decoding sequences and their context tokens (all decoding sequences together). */
    public double seconds(long prefill, int decodeSeqs, long decodeContext) {
        double p = prefill > 0 ? interpolate(prefillTokens, prefillSeconds, prefill) : 0;
        double d = decodeSeqs > 0 ? decode(decodeSeqs, (double) decodeContext / decodeSeqs) : 0;
        if (p > 0 && d > 0)
            return p + d - Math.min(Math.min(p, d), interpolate(this.decodeSeqs, decodeBatchSeconds, 1));
        return p + d;
    }

    /** One decode step of {@code seqs} sequences of {@code contextPerSeq} tokens each. */
    public double decode(double seqs, double contextPerSeq) {
        double single = interpolate(contextTokens, decodeContextSeconds, contextPerSeq);
        double t = interpolate(decodeSeqs, decodeBatchSeconds, seqs)
                + seqs * (single - interpolate(contextTokens, decodeContextSeconds, refContext));
        return Math.max(t, single);
    }

    public double prefill(double tokens) {
        return interpolate(prefillTokens, prefillSeconds, tokens);
    }

    /** Piecewise-linear through the points; the first value below them; the last segment's slope (at least 0) above. */
    static double interpolate(double[] x, double[] y, double at) {
        int n = x.length;
        if (n == 1 || at <= x[0]) return y[0];
        if (at >= x[n - 1]) {
            double slope = Math.max(0, (y[n - 1] - y[n - 2]) / (x[n - 1] - x[n - 2]));
            return y[n - 1] + slope * (at - x[n - 1]);
        }
        int i = Arrays.binarySearch(x, at);
        if (i >= 0) return y[i];
        int hi = -i - 1;
        int lo = hi - 1;
        return y[lo] + (y[hi] - y[lo]) * (at - x[lo]) / (x[hi] - x[lo]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IterationTable t
                && Arrays.equals(prefillTokens, t.prefillTokens)
                && Arrays.equals(prefillSeconds, t.prefillSeconds)
                && Arrays.equals(decodeSeqs, t.decodeSeqs)
                && Arrays.equals(decodeBatchSeconds, t.decodeBatchSeconds)
                && refContext == t.refContext
                && Arrays.equals(contextTokens, t.contextTokens)
                && Arrays.equals(decodeContextSeconds, t.decodeContextSeconds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefillSeconds) * 31 + Arrays.hashCode(decodeBatchSeconds);
    }

    @Override
    public String toString() {
        return "IterationTable[" + prefillTokens.length + " prefill, " + decodeSeqs.length + " batch, "
                + contextTokens.length + " context points]";
    }
}
