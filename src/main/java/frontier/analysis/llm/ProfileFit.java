package frontier.analysis.llm;

import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmResult;
import frontier.model.llm.LlmServing;
import frontier.model.llm.LlmWorkload;
import frontier.model.llm.PrefillShare;
import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Fits an {@link IterationProfile} to measured requests by simulation: every fitted level is replayed
 * through the engine (its send times, or its documented generator, and its token counts) with candidate
 * coefficients, and Nelder–Mead minimises, by default, the sum over requests of the squared log errors of TTFT
 * and of decode time (end-to-end − TTFT). {@link Weighting#SEPARATE_VARIANCES} instead maximises the likelihood
 * with one unknown variance per kind of error ({@code n_t·ln(SS_t/n_t) + n_d·ln(SS_d/n_d)}, the variances
 * profiled out), so that TTFT noise the engine does not model cannot buy TTFT with decode error: on
 * LMBenchmark's Llama-3.1-70B sweep it brings the predicted TPOT below the knee from +19…+94% to −1…+9%,
 * but on the twin's generator it trades decode accuracy for TTFT 24% short at p95 (docs/validation.md), so
 * it is not the default. The five unknowns — {@code a, b, c, d} and the client-side request
 * overhead — are searched on a log scale (so they stay positive; a coefficient the data cannot see
 * drifts towards 0). {@code a} and {@code c} are told apart only by batches of several sequences, i.e. by
 * levels where requests overlap; {@code a} and the overhead by chunked prompts (several prefill
 * iterations per request).
 *
 * <p>Optionally (the {@code prefillShare} flag) each fitted request's prefix-cache hit is inferred from its TTFT and
 * the profile carries their distribution ({@link PrefillShare}), drawn per request when predicting: for logs whose
 * TTFT is bimodal in the share of the prompt paid for (LMBenchmark's multi-turn ShareGPT), which no additive
 * overhead reproduces. It is not the default either (docs/validation.md: better TTFT, worse TPOT there).
 *
 * <p>The fitted profile is deterministic (noise cv 0): per-request times cannot tell iteration noise
 * from what the model leaves out (the benchmarks here carry no per-token gaps), so the spread of the
 * per-request residuals is reported ({@link Result#residualCv}) rather than put into the profile.
 */
public final class ProfileFit {
    /** The fitted profile and its error on each fitted level. */
    public record Result(
            IterationProfile profile,
            List<LevelComparison.Row> fitted,
            double rmsLogError,
            int evaluations,
            double residualCv,
            double minusTwoLogLikelihood) {}

    private static final int MAX_EVALUATIONS = 1500;

    /** How the two kinds of per-request log error (TTFT, decode time) are weighed against each other. */
    public enum Weighting {
        /** One sum of squares over both kinds (the default). */
        SUM_OF_SQUARES,
        /** Gaussian likelihood with one unknown variance per kind, the variances profiled out. */
        SEPARATE_VARIANCES
    }

    /**
     * A level to fit on and the engine settings it was measured with: its requests were spread over {@code instances}
     * engines (the ready one holding the fewest sequences takes each, as LLM routers do; one engine for a benchmark);
     * the first {@code warmup} requests are replayed but not fitted on (a window cut out of a longer log starts with
     * the engines as busy as they were, not empty).
     */
    public record Input(BenchmarkLevel level, EngineConfig config, int instances, int warmup) {
        public Input {
            if (instances < 1) throw new BadInputException("instances: expected >= 1, got " + instances);
            if (warmup < 0 || warmup >= level.requests().size())
                throw new BadInputException(
                        "warmup: expected 0 to " + (level.requests().size() - 1) + " requests, got " + warmup);
        }

        /** A benchmark level: one engine, every request fitted. */
        public Input(BenchmarkLevel level, EngineConfig config) {
            this(level, config, 1, 0);
        }
    }

    private ProfileFit() {}

    public static Result fit(
            List<BenchmarkLevel> levels, EngineConfig config, String name, String source, String date) {
        return fit(levels.stream().map(l -> new Input(l, config)).toList(), name, source, date);
    }

    /** Fits one profile to levels measured with different engine settings (same GPU, model and parallelism). */
    public static Result fit(List<Input> inputs, String name, String source, String date) {
        return fit(inputs, name, source, date, null);
    }

    /**
     * Fits with an optional prior on the decode shape: when {@code decodeShape} is given (e.g. a shipped
     * Splitwise profile), {@code c = a·c₀/a₀} and {@code d = a·d₀/a₀} are tied to {@code a} by the
     * reference profile's ratios, so only {@code a}, {@code b} and the overhead are searched. That is what
     * a fit on one sequence at a time cannot find by itself: how the decode step grows with the batch
     * and its context.
     */
    public static Result fit(
            List<Input> inputs, String name, String source, String date, IterationProfile decodeShape) {
        return fit(inputs, name, source, date, decodeShape, Weighting.SUM_OF_SQUARES);
    }

    /** Fits with an optional decode-shape prior and a choice of {@link Weighting}. */
    public static Result fit(
            List<Input> inputs,
            String name,
            String source,
            String date,
            IterationProfile decodeShape,
            Weighting weighting) {
        return fit(inputs, name, source, date, decodeShape, weighting, false);
    }

    /**
     * As above; with {@code prefillShare}, the fit also infers each fitted request's prefix-cache hit and gives the
     * profile their distribution ({@link PrefillShare}), drawn per request when it predicts. Each round (of
     * {@value #SHARE_ROUNDS}) replays the fitted levels with the hits found so far, reads off each request's computed
     * share of its prompt — its own prompt cost {@code b × computed tokens} corrected by the TTFT error, {@code (measured
     * − predicted) / b} tokens — and calls a request a hit when that share lies more than {@value #SHARE_SIGMAS} standard
     * deviations below the full prefills' centre (the upper quartile of the shares; the spread from the shares above
     * it, which hits cannot reach); then it refits
     * the coefficients with those hits replayed. A request that is not a hit computes its whole prompt (share 1). Needs
     * the levels' send times (a hit is replayed on its own request).
     */
    public static Result fit(
            List<Input> inputs,
            String name,
            String source,
            String date,
            IterationProfile decodeShape,
            Weighting weighting,
            boolean prefillShare) {
        if (inputs.isEmpty()) throw new BadInputException("no level to fit on");
        if (prefillShare) {
            for (Input in : inputs) {
                if (!in.level().hasSendTimes())
                    throw new BadInputException("level " + in.level().label()
                            + ": inferring prefix-cache hits needs each request's send time");
            }
        }
        if (decodeShape != null && !(decodeShape.a() > 0)) {
            throw new BadInputException(
                    "decode prior " + decodeShape.name() + ": needs a > 0 to give the ratios c/a and d/a");
        }
        Shape shape = new Shape(decodeShape);
        int[][] cached = new int[inputs.size()][];
        Objective obj = new Objective(inputs, shape, weighting, cached);
        double[] start = shape.reduce(initial(inputs.stream().map(Input::level).toList()));
        double[] x = new double[start.length];
        for (int i = 0; i < start.length; i++) x[i] = Math.log(start[i]);
        int[] evals = {0};
        PointValuePair best = optimise(obj, x, evals);
        double[] v = shape.expand(exp(best.getPoint()));
        IterationProfile det = new IterationProfile(name, "", "", 1, v[0], v[1], v[2], v[3], 0, v[4], source, date);
        PrefillShare share = null;
        if (prefillShare) {
            double[] shares = null;
            for (int round = 0; round < SHARE_ROUNDS; round++) {
                shares = inferHits(inputs, det, cached);
                best = optimise(obj, best.getPoint(), evals);
                v = shape.expand(exp(best.getPoint()));
                det = new IterationProfile(name, "", "", 1, v[0], v[1], v[2], v[3], 0, v[4], source, date);
            }
            shares = inferHits(inputs, det, cached);
            long hits = java.util.Arrays.stream(shares).filter(x1 -> x1 < 1).count();
            share = PrefillShare.fromSample(
                    shares,
                    SHARE_POINTS,
                    source,
                    date,
                    String.format(
                            java.util.Locale.ROOT,
                            "prefix-cache hits inferred from the TTFT of %d fitted requests (%d hits, %.0f%%; %d rounds)",
                            shares.length,
                            hits,
                            100.0 * hits / shares.length,
                            SHARE_ROUNDS));
        }
        double cv = residualCv(inputs, det, cached);
        double[] ss = obj.squares(det);
        double sum = ss[4];
        IterationProfile profile = share == null ? det : det.withPrefillShare(share);
        List<LevelComparison.Row> rows = new ArrayList<>();
        for (Input in : inputs) rows.add(LevelComparison.compare(in, profile, 1, 1));
        double m2ll = weighting == Weighting.SUM_OF_SQUARES
                ? obj.count() * Math.log(sum / Math.max(1, obj.count()))
                : ss[1] * Math.log(ss[0] / ss[1]) + (ss[3] > 0 ? ss[3] * Math.log(ss[2] / ss[3]) : 0);
        return new Result(profile, rows, Math.sqrt(sum / Math.max(1, obj.count())), evals[0], cv, m2ll);
    }

    /** One candidate token budget of {@link #fitBudget}: the fit with it. */
    public record BudgetCandidate(int maxNumBatchedTokens, Result result) {
        /** The fit's profiled −2·log-likelihood ({@link Result#minusTwoLogLikelihood}). */
        public double minusTwoLogLikelihood() {
            return result.minusTwoLogLikelihood();
        }
    }

    /**
     * The token budget chosen among candidates by the fitted levels' likelihood, and every candidate's fit. The chosen
     * one has the smallest −2·log-likelihood (exact ties: the largest budget); {@link #deltas} gives each candidate's
     * distance from it.
     */
    public record BudgetChoice(int chosen, List<BudgetCandidate> candidates) {
        public BudgetCandidate best() {
            return candidates.stream()
                    .filter(c -> c.maxNumBatchedTokens() == chosen)
                    .findFirst()
                    .orElseThrow();
        }

        /** −2·Δlog-likelihood of each candidate against the chosen one (0 for it), in candidate order. */
        public double[] deltas() {
            double min = best().minusTwoLogLikelihood();
            return candidates.stream()
                    .mapToDouble(c -> c.minusTwoLogLikelihood() - min)
                    .toArray();
        }
    }

    /**
     * Fits once per candidate token budget ({@code max_num_batched_tokens}, which a client-side benchmark seldom
     * records) and chooses the budget whose fit has the highest likelihood on the fitted levels: Gaussian log errors,
     * the variance(s) profiled out as {@code weighting} defines them (one for both error kinds, or one per kind), so
     * {@code −2·log L = Σ n_k·ln(SS_k/n_k)} up to a constant shared by every candidate (same requests, same number of
     * fitted coefficients). The budget matters through chunking: a prompt of {@code p} tokens takes {@code ceil(p/B)}
     * iterations to its first token, each paying the fixed cost {@code a}, while a decoding neighbour's stall grows with
     * the prompt tokens alone. Every other engine setting is the input's.
     */
    public static BudgetChoice fitBudget(
            List<Input> inputs,
            int[] budgets,
            String name,
            String source,
            String date,
            IterationProfile decodeShape,
            Weighting weighting,
            boolean prefillShare) {
        if (budgets.length == 0) throw new BadInputException("no candidate token budget");
        List<BudgetCandidate> out = new ArrayList<>();
        for (int b : budgets) {
            if (b < 1) throw new BadInputException("max_num_batched_tokens: expected >= 1, got " + b);
            List<Input> in = inputs.stream()
                    .map(i -> new Input(i.level(), i.config().withMaxNumBatchedTokens(b), i.instances(), i.warmup()))
                    .toList();
            out.add(new BudgetCandidate(b, fit(in, name, source, date, decodeShape, weighting, prefillShare)));
        }
        return choose(out);
    }

    /**
     * The choice among fits of the same levels with the same weighting, one per candidate budget ({@link #fitBudget}
     * fits them; a caller that already holds some of the fits passes them all here): the smallest −2·log L, exact ties
     * going to the largest budget.
     */
    public static BudgetChoice choose(List<BudgetCandidate> out) {
        if (out.isEmpty()) throw new BadInputException("no candidate token budget");
        BudgetCandidate best = null;
        // Smallest −2·log L; exact ties (budgets that no fitted iteration reached give the same fit) go to the largest
        // budget, the one that assumes the least.
        for (BudgetCandidate c : out) {
            if (best == null) {
                best = c;
                continue;
            }
            double gap = c.minusTwoLogLikelihood() - best.minusTwoLogLikelihood();
            boolean tie = Math.abs(gap) <= 1e-9 * Math.abs(best.minusTwoLogLikelihood());
            if ((!tie && gap < 0) || (tie && c.maxNumBatchedTokens() > best.maxNumBatchedTokens())) best = c;
        }
        return new BudgetChoice(best.maxNumBatchedTokens(), List.copyOf(out));
    }

    /** Rounds of hit inference and refitting (the hits found change little after the second). */
    static final int SHARE_ROUNDS = 2;
    /** A request is a hit when its computed share is this many standard deviations of the full prefills below 1. */
    static final double SHARE_SIGMAS = 2.5;
    /** Quantiles kept of the prefill-share distribution. */
    static final int SHARE_POINTS = 21;

    /** Nelder–Mead from {@code x}, restarted from its optimum once (it stalls on a flat direction otherwise). */
    private static PointValuePair optimise(Objective obj, double[] x, int[] evals) {
        SimplexOptimizer opt = new SimplexOptimizer(1e-7, 1e-10);
        PointValuePair best = null;
        for (int round = 0; round < 2; round++) {
            // The best point evaluated, kept for a search that runs out of evaluations before it converges (a flat
            // valley, e.g. a token budget that makes two coefficients trade off): it ends there, not in an exception.
            double[][] bestX = {x.clone()};
            double[] bestV = {Double.POSITIVE_INFINITY};
            PointValuePair p;
            try {
                p = opt.optimize(
                        new MaxEval(MAX_EVALUATIONS),
                        new ObjectiveFunction(point -> {
                            double v = obj.value(point);
                            if (v < bestV[0]) {
                                bestV[0] = v;
                                bestX[0] = point.clone();
                            }
                            return v;
                        }),
                        GoalType.MINIMIZE,
                        new InitialGuess(x),
                        new NelderMeadSimplex(steps(x.length)));
            } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
                evals[0] += MAX_EVALUATIONS;
                p = new PointValuePair(bestX[0], bestV[0]);
                if (best == null || p.getValue() < best.getValue()) best = p;
                break;
            }
            evals[0] += opt.getEvaluations();
            if (best != null && best.getValue() - p.getValue() < 1e-6 * Math.abs(best.getValue())) {
                if (p.getValue() < best.getValue()) best = p;
                break;
            }
            best = p;
            x = p.getPoint();
        }
        return best;
    }

    /**
     * Replays the fitted levels with profile {@code p} and the hits in {@code cached}, and infers each fitted request's
     * computed share of its prompt from its TTFT error; updates {@code cached} (hits only) and returns the shares of the
     * fitted requests (1 for a request that is not a hit).
     */
    static double[] inferHits(List<Input> inputs, IterationProfile p, int[][] cached) {
        List<double[]> raw = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Input in = inputs.get(k);
            List<BenchmarkLevel.Request> rs = in.level().requests();
            LlmResult r = simulate(in, p, 1, cached[k]);
            double[] sh = new double[rs.size()];
            for (int i = 0; i < rs.size(); i++) {
                BenchmarkLevel.Request q = rs.get(i);
                int before = cached[k] == null ? 0 : cached[k][i];
                double computed = q.inputTokens() - before;
                double t = r.requestTtft()[i];
                sh[i] = Double.isNaN(t) || !(p.b() > 0) ? 1 : (computed - (t - q.ttft()) / p.b()) / q.inputTokens();
            }
            raw.add(sh);
        }
        // The full prefills are most of the requests and the top of the distribution: their centre is taken at the
        // upper quartile of the shares (before the refit the line is pulled down by the hits, so it is not 1), and
        // their own spread from the requests above that centre (a hit only ever lowers the share).
        double[] all = new double[0];
        for (int k = 0; k < inputs.size(); k++) {
            double[] sh = raw.get(k);
            all = java.util.stream.DoubleStream.concat(
                            java.util.Arrays.stream(all),
                            java.util.Arrays.stream(sh, inputs.get(k).warmup(), sh.length))
                    .toArray();
        }
        java.util.Arrays.sort(all);
        double centre = all.length == 0 ? 1 : all[(int) Math.min(all.length - 1, Math.floor(0.75 * all.length))];
        double ss = 0;
        int n = 0;
        for (double x1 : all) {
            if (x1 > centre) {
                ss += (x1 - centre) * (x1 - centre);
                n++;
            }
        }
        double sigma = n > 0 ? Math.sqrt(ss / n) : 0;
        double threshold = centre - SHARE_SIGMAS * sigma;
        List<Double> out = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Input in = inputs.get(k);
            double[] sh = raw.get(k);
            int[] c = new int[sh.length];
            for (int i = 0; i < sh.length; i++) {
                boolean hit = sh[i] < threshold;
                int tokens = in.level().requests().get(i).inputTokens();
                c[i] = hit
                        ? PrefillShare.cachedTokens(
                                tokens, Math.max(0, sh[i]), in.config().blockSize())
                        : 0;
                if (i >= in.warmup()) out.add(hit ? Math.max(0, sh[i]) : 1.0);
            }
            cached[k] = c;
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] steps(int n) {
        double[] s = new double[n];
        Arrays.fill(s, 0.7);
        return s;
    }

    private static double[] exp(double[] x) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) v[i] = Math.exp(x[i]);
        return v;
    }

    /** A start from the lone-request timeline: decode gap ≈ a + c + d·context, TTFT ≈ overhead + a + b·prompt. */
    private static double[] initial(List<BenchmarkLevel> levels) {
        double gap = 0;
        double ttftPerToken = 0;
        double ctx = 0;
        int n = 0;
        int m = 0;
        double minTtft = Double.POSITIVE_INFINITY;
        for (BenchmarkLevel l : levels) {
            for (BenchmarkLevel.Request r : l.requests()) {
                if (r.outputTokens() > 1) {
                    gap += r.tpot();
                    ctx += r.inputTokens() + r.outputTokens() / 2.0;
                    n++;
                }
                ttftPerToken += r.ttft() / r.inputTokens();
                minTtft = Math.min(minTtft, r.ttft());
                m++;
            }
        }
        gap = n > 0 ? gap / n : 0.02;
        ctx = n > 0 ? ctx / n : 1000;
        double a = Math.max(1e-4, 0.6 * gap);
        double c = Math.max(1e-6, 0.1 * gap);
        double d = Math.max(1e-10, 0.3 * gap / ctx);
        double b = Math.max(1e-8, 0.7 * ttftPerToken / m);
        double o = Math.max(1e-4, 0.1 * minTtft);
        return new double[] {a, b, c, d, o};
    }

    /** Standard deviation of log(measured / predicted) decode time per request. */
    private static double residualCv(List<Input> inputs, IterationProfile det, int[][] cached) {
        List<double[]> pairs = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            Input in = inputs.get(k);
            BenchmarkLevel l = in.level();
            LlmResult r = simulate(in, det, 1, cached[k]);
            for (int i = in.warmup(); i < l.requests().size(); i++) {
                BenchmarkLevel.Request q = l.requests().get(i);
                double pred = r.requestE2e()[i] - r.requestTtft()[i];
                double obs = q.e2e() - q.ttft();
                if (q.outputTokens() > 2 && pred > 0 && obs > 0)
                    pairs.add(new double[] {Math.log(obs / pred), q.outputTokens() - 1});
            }
        }
        if (pairs.size() < 3) return 0;
        double mean = pairs.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double s = 0;
        for (double[] p : pairs) s += (p[0] - mean) * (p[0] - mean);
        return Math.sqrt(s / pairs.size());
    }

    static LlmResult simulate(BenchmarkLevel level, EngineConfig config, IterationProfile profile, long seed) {
        return simulate(new Input(level, config), profile, seed);
    }

    /** The input's level replayed on its engines (one: round robin, as before; several: least loaded). */
    static LlmResult simulate(Input in, IterationProfile profile, long seed) {
        return simulate(in, profile, seed, null);
    }

    /** As above, each request's prompt tokens served by the prefix cache given ({@code cached}, or null: none given). */
    static LlmResult simulate(Input in, IterationProfile profile, long seed, int[] cached) {
        LlmWorkload w = in.level().workload();
        if (cached != null) w = w.withCachedTokens(cached);
        return new LlmServing(
                        in.config(),
                        profile,
                        in.instances(),
                        in.instances() == 1 ? LlmServing.Routing.ROUND_ROBIN : LlmServing.Routing.LEAST_LOADED)
                .run(w, LlmServing.Options.defaults(seed));
    }

    /** The searched unknowns: all five (a, b, c, d, overhead), or (a, b, overhead) with c and d tied to a by a prior. */
    private record Shape(IterationProfile prior) {
        double[] reduce(double[] full) {
            return prior == null ? full : new double[] {full[0], full[1], full[4]};
        }

        double[] expand(double[] v) {
            if (prior == null) return v;
            return new double[] {v[0], v[1], v[0] * prior.c() / prior.a(), v[0] * prior.d() / prior.a(), v[2]};
        }
    }

    private static final class Objective {
        final List<Input> inputs;
        final Shape shape;
        final Weighting weighting;
        /** Per input, each request's prompt tokens served by the prefix cache (null entries: none). */
        final int[][] cached;

        Objective(List<Input> inputs, Shape shape, Weighting weighting, int[][] cached) {
            this.inputs = inputs;
            this.shape = shape;
            this.weighting = weighting;
            this.cached = cached;
        }

        double value(double[] x) {
            for (double v : x) {
                if (v > 5 || v < -40) return 1e12; // outside any physical range: seconds, not hours
            }
            double[] v = shape.expand(exp(x));
            double[] ss = squares(new IterationProfile("fit", "", "", 1, v[0], v[1], v[2], v[3], 0, v[4], "", ""));
            if (weighting == Weighting.SUM_OF_SQUARES) return ss[4];
            // Gaussian log errors with one unknown variance per kind, the variances profiled out:
            // n_t·ln(SS_t/n_t) + n_d·ln(SS_d/n_d). Neither kind's noise drowns the other's signal.
            double sum = 0;
            if (ss[1] > 0) sum += ss[1] * Math.log(ss[0] / ss[1] + 1e-300);
            if (ss[3] > 0) sum += ss[3] * Math.log(ss[2] / ss[3] + 1e-300);
            return sum;
        }

        /** {SS of TTFT log errors, their count, SS of decode-time log errors, their count, SS of both}. */
        double[] squares(IterationProfile p) {
            double all = 0; // summed in request order, both kinds interleaved (as the plain fit always did)
            double st = 0;
            double sd = 0;
            int nt = 0;
            int nd = 0;
            for (int k = 0; k < inputs.size(); k++) {
                Input in = inputs.get(k);
                BenchmarkLevel l = in.level();
                LlmResult r = simulate(in, p, 1, cached[k]);
                for (int i = in.warmup(); i < l.requests().size(); i++) {
                    BenchmarkLevel.Request q = l.requests().get(i);
                    double t = r.requestTtft()[i];
                    nt++;
                    if (Double.isNaN(t)) {
                        st += 100;
                        all += 100;
                        continue;
                    }
                    double e = Math.log(t / Math.max(q.ttft(), 1e-6));
                    st += e * e;
                    all += e * e;
                    double obs = q.e2e() - q.ttft();
                    if (q.outputTokens() > 1 && obs > 0) {
                        double pred = r.requestE2e()[i] - t;
                        double g = Math.log(Math.max(pred, 1e-9) / obs);
                        sd += g * g;
                        all += g * g;
                        nd++;
                    }
                }
            }
            return new double[] {st, nt, sd, nd, all};
        }

        int count() {
            int n = 0;
            for (Input in : inputs) {
                List<BenchmarkLevel.Request> rs = in.level().requests();
                for (BenchmarkLevel.Request q : rs.subList(in.warmup(), rs.size()))
                    n += q.outputTokens() > 1 && q.e2e() > q.ttft() ? 2 : 1;
            }
            return n;
        }
    }
}
