package frontier.model.llm;

import frontier.sim.InvalidSpecException;

/**
 * How long one engine iteration (one forward pass over the whole batch) takes on a GPU × model × tensor
 * parallelism: {@code t = a + b·prefill_tokens + c·decode_seqs + d·context_tokens}, in seconds, times a
 * lognormal noise factor of mean 1 and coefficient of variation {@code noiseCv} (0: deterministic).
 *
 * <p>{@code prefill_tokens} are the prompt tokens computed in the iteration (after prefix-cache hits and
 * chunking), {@code decode_seqs} the sequences generating one token, {@code context_tokens} the tokens of
 * every scheduled sequence already in the KV cache (what attention reads). {@code requestOverhead} is a
 * fixed time outside the iteration loop added once to every request's time to first token (HTTP,
 * tokenisation, detokenisation as seen by the client); it is 0 for profiles built from GPU timings.
 *
 * <p>A profile may instead carry an {@link IterationTable} (measured prefill times by tokens and decode
 * steps by batch × context, interpolated); the coefficients are then ignored by {@link #meanSeconds}.
 *
 * @param name     identifier, e.g. {@code h100-llama2-70b-tp4}
 * @param source   where the coefficients come from
 * @param date     when they were measured or fitted (ISO date)
 * @param table    the interpolated table that replaces the linear form, or null
 * @param prefillShare the share of each request's prompt computed, drawn per request (the rest prefix-cache
 *     hits; {@link PrefillShare}), or null: then only the engine's own prefix settings apply
 */
public record IterationProfile(
        String name,
        String gpu,
        String model,
        int tensorParallel,
        double a,
        double b,
        double c,
        double d,
        double noiseCv,
        double requestOverhead,
        String source,
        String date,
        IterationTable table,
        PrefillShare prefillShare) {
    /** A profile without a per-request prefill share. */
    public IterationProfile(
            String name,
            String gpu,
            String model,
            int tensorParallel,
            double a,
            double b,
            double c,
            double d,
            double noiseCv,
            double requestOverhead,
            String source,
            String date,
            IterationTable table) {
        this(name, gpu, model, tensorParallel, a, b, c, d, noiseCv, requestOverhead, source, date, table, null);
    }

    /** A linear profile (no table). */
    public IterationProfile(
            String name,
            String gpu,
            String model,
            int tensorParallel,
            double a,
            double b,
            double c,
            double d,
            double noiseCv,
            double requestOverhead,
            String source,
            String date) {
        this(name, gpu, model, tensorParallel, a, b, c, d, noiseCv, requestOverhead, source, date, null, null);
    }

    public IterationProfile {
        if (name == null || name.isBlank()) throw new InvalidSpecException("name", "a profile needs a name");
        if (tensorParallel < 1)
            throw new InvalidSpecException("tensor_parallel", "expected >= 1, got " + tensorParallel);
        check("a", a);
        check("b", b);
        check("c", c);
        check("d", d);
        check("noise_cv", noiseCv);
        check("request_overhead", requestOverhead);
        if (table == null && a + b + c + d <= 0)
            throw new InvalidSpecException("a", "at least one coefficient must be > 0");
    }

    private static void check(String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v))
            throw new InvalidSpecException(field, "expected a finite number >= 0, got " + v);
    }

    /** A profile with only the coefficients (for fits and tests). */
    public static IterationProfile of(double a, double b, double c, double d, double noiseCv) {
        return new IterationProfile("custom", "", "", 1, a, b, c, d, noiseCv, 0, "", "");
    }

    /** The mean iteration time in seconds of the linear form (a table profile: see the four-argument form). */
    public double meanSeconds(long prefillTokens, int decodeSeqs, long contextTokens) {
        return a + b * prefillTokens + c * decodeSeqs + d * contextTokens;
    }

    /**
     * The mean iteration time in seconds: the table's when there is one (it needs the context of the
     * decoding sequences alone), else the linear form over the context of every scheduled sequence.
     */
    public double meanSeconds(long prefillTokens, int decodeSeqs, long contextTokens, long decodeContextTokens) {
        if (table != null) return table.seconds(prefillTokens, decodeSeqs, decodeContextTokens);
        return a + b * prefillTokens + c * decodeSeqs + d * contextTokens;
    }

    public boolean isTable() {
        return table != null;
    }

    public IterationProfile withNoise(double cv) {
        return new IterationProfile(
                name, gpu, model, tensorParallel, a, b, c, d, cv, requestOverhead, source, date, table, prefillShare);
    }

    public IterationProfile withName(String newName, String newSource, String newDate) {
        return new IterationProfile(
                newName,
                gpu,
                model,
                tensorParallel,
                a,
                b,
                c,
                d,
                noiseCv,
                requestOverhead,
                newSource,
                newDate,
                table,
                prefillShare);
    }

    /** This profile's names with a table instead of the coefficients. */
    public IterationProfile withTable(IterationTable t) {
        return new IterationProfile(
                name, gpu, model, tensorParallel, a, b, c, d, noiseCv, requestOverhead, source, date, t, prefillShare);
    }

    /** This profile with a per-request prefill share (null: none). */
    public IterationProfile withPrefillShare(PrefillShare share) {
        return new IterationProfile(
                name, gpu, model, tensorParallel, a, b, c, d, noiseCv, requestOverhead, source, date, table, share);
    }
}
