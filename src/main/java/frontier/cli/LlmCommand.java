package frontier.cli;

import frontier.analysis.llm.BenchmarkLevel;
import frontier.analysis.llm.BenchmarkReader;
import frontier.analysis.llm.LevelComparison;
import frontier.analysis.llm.ProfileFit;
import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import frontier.sim.BadInputException;
import frontier.sim.InvalidSpecException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code frontier llm ...}: the iteration-level LLM engine model. */
@Command(
        name = "llm",
        mixinStandardHelpOptions = true,
        description = "Iteration-level LLM engine: fit a profile from benchmark results.",
        subcommands = {LlmCommand.Fit.class})
final class LlmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required, e.g. 'llm fit'");
    }

    /** Engine settings shared by the LLM commands. */
    static final class EngineOptions {
        @Option(
                names = "--max-num-seqs",
                defaultValue = "256",
                description = "Sequences per batch (vLLM max_num_seqs; default ${DEFAULT-VALUE}).")
        int maxNumSeqs;

        @Option(
                names = "--max-num-batched-tokens",
                defaultValue = "8192",
                description = "Token budget per iteration (default ${DEFAULT-VALUE}).")
        int maxNumBatchedTokens;

        @Option(names = "--no-chunked-prefill", description = "Prefill each prompt in one iteration.")
        boolean noChunkedPrefill;

        @Option(
                names = "--kv-cache-tokens",
                description = "KV cache size in tokens (default: from --gpu-memory-gib and the model, else unlimited).")
        Long kvCacheTokens;

        @Option(names = "--gpu-memory-gib", description = "Memory per GPU, to size the KV cache.")
        Double gpuMemoryGib;

        @Option(
                names = "--gpu-memory-utilization",
                defaultValue = "0.9",
                description = "Share of GPU memory vLLM may use (default ${DEFAULT-VALUE}).")
        double gpuMemoryUtilization;

        @Option(
                names = "--tensor-parallel",
                defaultValue = "1",
                description = "GPUs per instance (default ${DEFAULT-VALUE}).")
        int tensorParallel;

        @Option(names = "--params-b", description = "Model parameters, billions.")
        Double paramsB;

        @Option(
                names = "--bytes-per-param",
                defaultValue = "2",
                description = "Bytes per weight (default ${DEFAULT-VALUE}).")
        double bytesPerParam;

        @Option(names = "--layers", description = "Transformer layers (for KV bytes per token).")
        Integer layers;

        @Option(names = "--kv-heads", description = "KV heads.")
        Integer kvHeads;

        @Option(names = "--head-dim", description = "Head dimension.")
        Integer headDim;

        @Option(
                names = "--prefix-hit-ratio",
                defaultValue = "0",
                description = "Share of each prompt served by the prefix cache (default ${DEFAULT-VALUE}).")
        double prefixHitRatio;

        @Option(
                names = "--shared-prefix-tokens",
                defaultValue = "0",
                description = "Prompt prefix every request shares, cached (default ${DEFAULT-VALUE}).")
        int sharedPrefixTokens;

        EngineConfig config() {
            try {
                long kv;
                if (kvCacheTokens != null) {
                    kv = kvCacheTokens;
                } else if (gpuMemoryGib != null) {
                    if (paramsB == null || layers == null || kvHeads == null || headDim == null) {
                        throw new BadInputException(
                                "--gpu-memory-gib needs --params-b, --layers, --kv-heads and --head-dim to size the KV cache");
                    }
                    kv = EngineConfig.kvTokensFromMemory(
                            gpuMemoryGib,
                            gpuMemoryUtilization,
                            tensorParallel,
                            paramsB * 1e9,
                            bytesPerParam,
                            0,
                            EngineConfig.kvBytesPerToken(layers, kvHeads, headDim, bytesPerParam));
                } else {
                    kv = 1L << 40;
                }
                return new EngineConfig(
                        maxNumSeqs,
                        maxNumBatchedTokens,
                        !noChunkedPrefill,
                        kv,
                        EngineConfig.DEFAULT_BLOCK_SIZE,
                        prefixHitRatio,
                        sharedPrefixTokens);
            } catch (InvalidSpecException e) {
                throw new BadInputException("--" + e.field().replace('_', '-') + ": " + e.getMessage());
            }
        }
    }

    @Command(
            name = "fit",
            mixinStandardHelpOptions = true,
            description = {
                "Fit an iteration-time profile (t = a + b·prefill_tokens + c·decode_seqs + d·context_tokens, plus a per-request overhead)"
                        + " to per-request benchmark results, at the lowest load level(s), and predict the other levels.",
                "Files: CSV (input/output tokens, TTFT, end-to-end latency, optional send time and level columns) or vLLM 'bench serve"
                        + " --save-result' JSON (one level per file). See docs/cli.md."
            })
    static final class Fit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Benchmark result files.")
        List<Path> files;

        @Option(
                names = "--where",
                paramLabel = "COLUMN=VALUE",
                description = "Keep only CSV rows with this value (repeatable).")
        Map<String, String> where = new LinkedHashMap<>();

        @Option(
                names = "--fit-levels",
                defaultValue = "1",
                description =
                        "How many of the lowest-load levels to fit on (default ${DEFAULT-VALUE}); the others are predicted.")
        int fitLevels;

        @Option(
                names = "--decode-prior",
                paramLabel = "PROFILE",
                description = "Tie c and d to a by the ratios c/a and d/a of this shipped"
                        + " linear profile (e.g. h100-80gb-llama2-70b-tp4), fitting only a, b and the overhead: for levels of one request at a time,"
                        + " which cannot tell per-iteration from per-sequence and context cost.")
        String decodePrior;

        @Option(
                names = "--separate-variances",
                description =
                        "Weigh the TTFT and the decode-time errors each by its own variance (a likelihood with two"
                                + " variances) instead of one sum of squares: for a TTFT with client or network noise the engine does"
                                + " not model (docs/validation.md).")
        boolean separateVariances;

        @Option(
                names = "--prefill-share",
                description =
                        "Also infer each fitted request's prefix-cache hit from its TTFT and give the profile their"
                                + " distribution (the share of the prompt computed, drawn per request when predicting): for TTFTs"
                                + " far below the prompt's cost on some requests (docs/validation.md). Needs send times.")
        boolean prefillShare;

        @Option(
                names = "--budget-candidates",
                split = ",",
                paramLabel = "TOKENS",
                description =
                        "Fit once per token budget (max_num_batched_tokens) in this comma-separated list and keep the"
                                + " one whose fit has the highest likelihood on the fitted levels (exact ties: the largest); the"
                                + " report lists every candidate's -2 log-likelihood. For benchmarks that do not record the"
                                + " server's budget; replaces --max-num-batched-tokens.")
        List<Integer> budgetCandidates;

        @Option(names = "--name", defaultValue = "fitted", description = "Profile name (default ${DEFAULT-VALUE}).")
        String name;

        @picocli.CommandLine.ArgGroup(exclusive = false, heading = "Engine settings of the benchmarked server:%n")
        EngineOptions engine = new EngineOptions();

        @Override
        public Integer call() {
            Numbers.atLeast("--fit-levels", fitLevels, 1);
            EngineConfig config = engine.config();
            List<BenchmarkLevel> levels = new ArrayList<>();
            for (Path f : files) levels.addAll(BenchmarkReader.read(f, where));
            levels.sort(Comparator.comparingDouble(Fit::loadKey));
            if (fitLevels > levels.size()) {
                throw new BadInputException(
                        "--fit-levels " + fitLevels + ": only " + levels.size() + " level(s) in the input");
            }
            List<BenchmarkLevel> fitOn = levels.subList(0, fitLevels);
            IterationProfile prior = null;
            if (decodePrior != null) {
                prior = frontier.model.llm.LlmProfiles.bundled().get(decodePrior);
                if (prior == null || prior.isTable()) {
                    throw new BadInputException("--decode-prior: no shipped linear profile '" + decodePrior
                            + "'; see pricing-data/llm-profiles.csv");
                }
            }
            String source = "frontier llm fit of "
                    + files.stream().map(p -> p.getFileName().toString()).toList()
                    + (prior == null ? "" : " with the decode shape of " + prior.name())
                    + (separateVariances ? " (separate variances)" : "")
                    + (prefillShare ? " (prefill share)" : "");
            ProfileFit.Weighting weighting =
                    separateVariances ? ProfileFit.Weighting.SEPARATE_VARIANCES : ProfileFit.Weighting.SUM_OF_SQUARES;
            List<ProfileFit.Input> inputs =
                    fitOn.stream().map(l -> new ProfileFit.Input(l, config)).toList();
            ProfileFit.BudgetChoice choice = null;
            ProfileFit.Result r;
            if (budgetCandidates != null && !budgetCandidates.isEmpty()) {
                for (int b : budgetCandidates) Numbers.atLeast("--budget-candidates", b, 1);
                choice = ProfileFit.fitBudget(
                        inputs,
                        budgetCandidates.stream().mapToInt(Integer::intValue).toArray(),
                        name,
                        source,
                        LocalDate.now().toString(),
                        prior,
                        weighting,
                        prefillShare);
                r = choice.best().result();
            } else {
                r = ProfileFit.fit(inputs, name, source, LocalDate.now().toString(), prior, weighting, prefillShare);
            }
            EngineConfig predictConfig = choice == null ? config : config.withMaxNumBatchedTokens(choice.chosen());
            PrintWriter out = spec.commandLine().getOut();
            IterationProfile p = r.profile();
            out.println(String.format(
                    Locale.ROOT,
                    "profile %s: a=%.4f ms  b=%.6f ms/prefill token  c=%.4f ms/decode seq  d=%.6f ms/1k context tokens"
                            + "  request overhead=%.2f ms",
                    p.name(),
                    p.a() * 1e3,
                    p.b() * 1e3,
                    p.c() * 1e3,
                    p.d() * 1e6,
                    p.requestOverhead() * 1e3));
            out.println(String.format(
                    Locale.ROOT,
                    "fit: rms log error %.3f over the fitted requests; residual cv of decode times %.3f%s",
                    r.rmsLogError(),
                    r.residualCv(),
                    separateVariances ? " (separate variances)" : ""));
            if (choice != null) {
                StringBuilder q = new StringBuilder();
                double[] d = choice.deltas();
                for (int i = 0; i < d.length; i++) {
                    ProfileFit.BudgetCandidate c = choice.candidates().get(i);
                    q.append(i == 0 ? "" : ", ")
                            .append(String.format(
                                    Locale.ROOT,
                                    "%d: %.2f (%+.2f)",
                                    c.maxNumBatchedTokens(),
                                    c.minusTwoLogLikelihood(),
                                    d[i]));
                }
                StringBuilder close = new StringBuilder();
                for (int i = 0; i < d.length; i++) {
                    int b = choice.candidates().get(i).maxNumBatchedTokens();
                    if (b != choice.chosen() && d[i] < CHI2_1DF_95)
                        close.append(close.isEmpty() ? "" : ", ").append(b);
                }
                out.println(String.format(
                        Locale.ROOT,
                        "token budget: %d chosen by the fitted levels' likelihood; -2 log L (minus the best's) per"
                                + " candidate: %s%s",
                        choice.chosen(),
                        q,
                        close.isEmpty() ? "" : "; not told apart from it at 95% (difference < 3.84): " + close));
            }
            if (p.prefillShare() != null) {
                StringBuilder q = new StringBuilder();
                for (double v : p.prefillShare().quantiles())
                    q.append(q.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.3f", v));
                out.println(String.format(
                        Locale.ROOT,
                        "prefill share: %s; mean %.3f; quantiles at 0, 5%%, ..., 100%%: %s",
                        p.prefillShare().method(),
                        p.prefillShare().mean(),
                        q));
            }
            // A row for a profiles CSV (gpu and model left for the user to fill in).
            out.println(String.format(
                    Locale.ROOT,
                    "csv: %s,,,%d,%.6f,%.8f,%.6f,%.8f,0,%.4f,%s,%s",
                    p.name(),
                    engine.tensorParallel,
                    p.a() * 1e3,
                    p.b() * 1e3,
                    p.c() * 1e3,
                    p.d() * 1e6,
                    p.requestOverhead() * 1e3,
                    "frontier llm fit",
                    p.date()));
            out.println();
            print(out, "Fitted levels", r.fitted());
            List<LevelComparison.Row> predicted = new ArrayList<>();
            for (BenchmarkLevel l : levels.subList(fitLevels, levels.size()))
                predicted.add(LevelComparison.compare(l, predictConfig, p, 1, 1));
            if (!predicted.isEmpty()) {
                out.println();
                print(out, "Predicted levels (not fitted on)", predicted);
            }
            return FrontierCli.OK;
        }

        /** The 95% point of chi-square with one degree of freedom: a likelihood-ratio difference below it decides nothing. */
        static final double CHI2_1DF_95 = 3.84;

        static double loadKey(BenchmarkLevel l) {
            if (Double.isFinite(l.offeredRate())) return l.offeredRate();
            if (l.hasSendTimes()) return l.achievedRate();
            return Double.POSITIVE_INFINITY;
        }

        static void print(PrintWriter out, String title, List<LevelComparison.Row> rows) {
            out.println(title + ": measured, and predicted error (predicted − measured) / measured");
            out.println(String.format(
                    Locale.ROOT,
                    "%-10s %7s %5s  %-16s %-16s %-16s %-16s %-16s %-16s %-16s",
                    "level",
                    "rate/s",
                    "n",
                    "TTFT mean s",
                    "TTFT p99 s",
                    "TPOT mean ms",
                    "TPOT p99 ms",
                    "E2E mean s",
                    "E2E p99 s",
                    "achieved req/s"));
            for (LevelComparison.Row r : rows) {
                StringBuilder sb = new StringBuilder(String.format(
                        Locale.ROOT,
                        "%-10s %7s %5d",
                        r.label(),
                        Double.isNaN(r.offeredRate()) ? "-" : String.format(Locale.ROOT, "%.2f", r.offeredRate()),
                        r.requests()));
                double[] m = {
                    r.measured().ttftMean(),
                    r.measured().ttftP99(),
                    r.measured().tpotMean() * 1e3,
                    r.measured().tpotP99() * 1e3,
                    r.measured().e2eMean(),
                    r.measured().e2eP99(),
                    r.measured().rate()
                };
                for (int k = 0; k < 7; k++) {
                    double e = r.error(k);
                    sb.append(String.format(
                            Locale.ROOT,
                            "  %-16s",
                            Double.isNaN(m[k]) ? "-" : String.format(Locale.ROOT, "%.3f %+.0f%%", m[k], 100 * e)));
                }
                out.println(sb.toString().stripTrailing());
            }
        }
    }
}
