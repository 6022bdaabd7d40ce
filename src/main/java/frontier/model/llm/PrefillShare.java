package frontier.model.llm;

import frontier.sim.InvalidSpecException;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The share of each request's prompt that the engine computes, the rest being served by prefix-cache hits, as
 * an empirical distribution drawn once per request: {@code quantiles} are its values at the equally spaced
 * probabilities {@code 0, 1/(n−1), …, 1} (non-decreasing, each in (0, 1]; 1 = the whole prompt computed). A
 * request's cached tokens are the whole blocks of {@code (1 − share) × prompt}, at least one token left to
 * compute. It models what a fit on per-request TTFT finds in logs whose prompts sometimes repeat an earlier
 * conversation's prefix (multi-turn chats, served by whichever replica holds it): a few requests whose first
 * token comes far sooner than their prompt length says, with the rest near the line (docs/validation.md,
 * LMBenchmark). It is data, with where it comes from, when and how it was fitted.
 *
 * @param quantiles the computed share at probabilities 0 … 1, equally spaced, at least two
 * @param source    where it was fitted (file, levels)
 * @param date      when it was fitted (ISO date)
 * @param method    how it was fitted
 */
public record PrefillShare(double[] quantiles, String source, String date, String method) {
    public PrefillShare {
        if (quantiles == null || quantiles.length < 2)
            throw new InvalidSpecException("prefill_share", "expected at least two quantiles");
        quantiles = quantiles.clone();
        for (int i = 0; i < quantiles.length; i++) {
            double q = quantiles[i];
            if (!(q > 0 && q <= 1))
                throw new InvalidSpecException(
                        "prefill_share", "quantile " + i + ": expected a share in (0, 1], got " + q);
            if (i > 0 && q < quantiles[i - 1])
                throw new InvalidSpecException("prefill_share", "quantile " + i + ": expected non-decreasing values");
        }
        source = source == null ? "" : source;
        date = date == null ? "" : date;
        method = method == null ? "" : method;
    }

    /** The empirical distribution of {@code shares} (each clamped to (0, 1]) summarised by {@code points} quantiles. */
    public static PrefillShare fromSample(double[] shares, int points, String source, String date, String method) {
        if (shares.length == 0) throw new IllegalArgumentException("no share to summarise");
        if (points < 2) throw new IllegalArgumentException("points must be >= 2");
        double[] s = Arrays.stream(shares)
                .map(x -> Math.min(1, Math.max(1e-3, x)))
                .sorted()
                .toArray();
        double[] q = new double[points];
        for (int i = 0; i < points; i++) {
            double pos = (double) i / (points - 1) * (s.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(s.length - 1, lo + 1);
            q[i] = s[lo] + (pos - lo) * (s[hi] - s[lo]);
        }
        return new PrefillShare(q, source, date, method);
    }

    /** The share at probability {@code u} in [0, 1): the quantiles interpolated linearly. */
    public double share(double u) {
        double pos = u * (quantiles.length - 1);
        int lo = Math.min(quantiles.length - 2, (int) Math.floor(pos));
        double f = pos - lo;
        return quantiles[lo] + f * (quantiles[lo + 1] - quantiles[lo]);
    }

    /** One draw. */
    public double sample(UniformRandomProvider rng) {
        return share(rng.nextDouble());
    }

    /** Prompt tokens served by the cache for a prompt of {@code inputTokens} computed at {@code share}: whole blocks. */
    public static int cachedTokens(int inputTokens, double share, int blockSize) {
        int blocks = (int) Math.floor((1 - share) * inputTokens / blockSize);
        return Math.max(0, Math.min(blocks * blockSize, ((inputTokens - 1) / blockSize) * blockSize));
    }

    /** Mean computed share (the trapezoid rule over the quantiles). */
    public double mean() {
        double s = 0;
        for (int i = 1; i < quantiles.length; i++) s += (quantiles[i] + quantiles[i - 1]) / 2;
        return s / (quantiles.length - 1);
    }

    @Override
    public double[] quantiles() {
        return quantiles.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrefillShare p
                && Arrays.equals(quantiles, p.quantiles)
                && source.equals(p.source)
                && date.equals(p.date)
                && method.equals(p.method);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(quantiles) * 31 + source.hashCode();
    }

    @Override
    public String toString() {
        return "PrefillShare" + Arrays.toString(quantiles) + " (" + method + ")";
    }
}
