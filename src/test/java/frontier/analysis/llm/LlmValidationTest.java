package frontier.analysis.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Fit at the lowest load level(s), predict the others: the validation of docs/validation.md
 * ("LLM engine at the iteration level"). The fitted levels are never among the predicted ones.
 */
@Tag("validation")
@Tag("c2") // hot loops of tens of seconds: run in the test JVM that keeps C2 (pom.xml)
// The longest validation class: its tests run at once (two at a time in the C2 execution's JVM), sharing the fits they
// have in common (LMBENCH_FITS); each test's own work is independent.
@Execution(ExecutionMode.CONCURRENT)
class LlmValidationTest {
    static final Path GUIDELLM =
            Path.of("src/test/resources/llm/vllm011_h100_codellama34b_guidellm_sweep_requests.csv");
    static final Path LMBENCH = Path.of(
            System.getProperty("frontier.samples", "../shared/samples"),
            "llm",
            "vllm_unknown-gpu_llama31_lmbench_qps_sweep_requests.csv");
    /** CodeLlama-34B: 48 layers, 8 KV heads of 128, bf16 → 192 KiB per token; the vLLM logs show 7.4–8.2 GiB of KV cache. */
    static final long CODELLAMA_KV_TOKENS =
            (long) (7.8 * Math.pow(1024, 3) / EngineConfig.kvBytesPerToken(48, 8, 128, 2));

    static EngineConfig guidellmConfig(String experiment) {
        boolean tiny = experiment.equals("jan20-codellama-prefill-1");
        // 1,024 shared prefix tokens per prompt, prefix caching on (SOURCES.md).
        return EngineConfig.of(tiny ? 32 : 256, tiny ? 64 : 4096, CODELLAMA_KV_TOKENS)
                .withSharedPrefixTokens(1024);
    }

    static List<BenchmarkLevel> guidellm(String experiment) {
        return BenchmarkReader.read(GUIDELLM, Map.of("experiment", experiment));
    }

    /** The LMBenchmark ShareGPT levels of Llama-3.1-70B, lowest offered rate first. */
    private static List<BenchmarkLevel> lmbenchLevels() {
        List<BenchmarkLevel> levels = new ArrayList<>(
                BenchmarkReader.read(LMBENCH, Map.of("model", "Llama-3.1-70B", "workload", "sharegpt")));
        levels.sort((x, y) -> Double.compare(x.offeredRate(), y.offeredRate()));
        return levels;
    }

    /** A fitted profile's coefficients as the reports print them. */
    private static String coefficients(IterationProfile p) {
        return String.format(
                Locale.ROOT,
                "a=%.3f ms b=%.5f ms/token c=%.4f ms/seq d=%.6f ms/ktoken overhead=%.1f ms",
                p.a() * 1e3,
                p.b() * 1e3,
                p.c() * 1e3,
                p.d() * 1e6,
                p.requestOverhead() * 1e3);
    }

    static String table(String title, List<LevelComparison.Row> rows) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        sb.append(
                "level      rate   n   TTFT mean      TTFT p99       TPOT mean      TPOT p99       E2E mean       E2E p99        achieved rps\n");
        for (LevelComparison.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-9s %6.2f %3d", r.label(), r.offeredRate(), r.requests()));
            for (int k = 0; k < 7; k++) {
                sb.append(String.format(
                        Locale.ROOT, "  %7.3f %+5.0f%%", LevelComparison.value(r.measured(), k), 100 * r.error(k)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static List<LevelComparison.Row> fitSynchronousPredictRest(String experiment) {
        List<BenchmarkLevel> levels = guidellm(experiment);
        EngineConfig config = guidellmConfig(experiment);
        ProfileFit.Result r =
                ProfileFit.fit(List.of(level(levels, "0")), config, "h100-codellama34b-tp1", "test", "2026-01-20");
        IterationProfile p = r.profile();
        System.out.println(String.format(Locale.ROOT, "%s: %s", experiment, coefficients(p)));
        System.out.println(table("fitted (synchronous)", r.fitted()));
        List<LevelComparison.Row> predicted = new ArrayList<>();
        for (BenchmarkLevel l : levels) {
            if (!l.label().equals("0")) predicted.add(LevelComparison.compare(l, config, p, 1, 7));
        }
        System.out.println(table("predicted (level 1 = all at once)", predicted));
        return predicted;
    }

    @Test
    void codeLlamaWithA64TokenBudgetFittedOnTheSynchronousLevelPredictsEveryOtherLevel() {
        // Target of issue 12: means within 10%, p99 within 15%, saturation within 15%. 40 requests per level.
        for (LevelComparison.Row r : fitSynchronousPredictRest("jan20-codellama-prefill-1")) {
            assertTrue(r.maxAbsMeanError() <= 0.10, r.label() + ": mean error " + r.maxAbsMeanError());
            assertTrue(r.maxAbsP99Error() <= 0.15, r.label() + ": p99 error " + r.maxAbsP99Error());
            assertTrue(Math.abs(r.error(6)) <= 0.15, r.label() + ": completion rate error " + r.error(6));
        }
    }

    @Test
    void codeLlamaWithA4096TokenBudgetIsReportedNotPassed() {
        // The targets are missed here, by up to 8.6x on a mean (docs/validation.md): the test prints the
        // figures and holds only the fit itself (the synchronous level) to 10% on its means.
        fitSynchronousPredictRest("jan20-prefill-llama7b-tp1-1");
        List<BenchmarkLevel> levels = guidellm("jan20-prefill-llama7b-tp1-1");
        ProfileFit.Result r = ProfileFit.fit(
                List.of(level(levels, "0")), guidellmConfig("jan20-prefill-llama7b-tp1-1"), "x", "test", "2026-01-20");
        assertTrue(
                r.fitted().getFirst().maxAbsMeanError() <= 0.10,
                "fitted level: " + r.fitted().getFirst().maxAbsMeanError());
    }

    /** One way of fitting the 4096-budget sweep: the levels fitted on and an optional decode-shape prior. */
    record Variant(String name, List<String> fitOn, IterationProfile prior) {}

    /**
     * Fits {@code v} and predicts every level it did not fit on; prints both tables. Returns the predicted rows.
     */
    static List<LevelComparison.Row> runVariant(String experiment, Variant v) {
        List<BenchmarkLevel> levels = guidellm(experiment);
        EngineConfig config = guidellmConfig(experiment);
        List<ProfileFit.Input> in = v.fitOn().stream()
                .map(l -> new ProfileFit.Input(level(levels, l), config))
                .toList();
        ProfileFit.Result r = ProfileFit.fit(in, "h100-codellama34b-tp1", "test", "2026-01-20", v.prior());
        IterationProfile p = r.profile();
        System.out.println(String.format(Locale.ROOT, "%s / %s: %s", experiment, v.name(), coefficients(p)));
        System.out.println(table("fitted " + v.fitOn(), r.fitted()));
        List<LevelComparison.Row> predicted = new ArrayList<>();
        for (BenchmarkLevel l : levels) {
            if (!v.fitOn().contains(l.label())) predicted.add(LevelComparison.compare(l, config, p, 1, 7));
        }
        System.out.println(table("predicted", predicted));
        return predicted;
    }

    @Test
    void codeLlamaWithA4096TokenBudgetVariantsAreReported() {
        // docs/validation.md: each way of fitting the 4096-budget sweep, fitted levels kept apart from
        // predicted ones. Level 0 is synchronous (one request at a time); 2 and 3 are the two lowest
        // levels where requests overlap (1.95 and 2.90 rps, evenly spaced); 4 (3.84 rps) and 1 (all at
        // once) are predicted by every variant.
        String exp = "jan20-prefill-llama7b-tp1-1";
        IterationProfile splitwise = frontier.model.llm.LlmProfiles.bundled().get("h100-80gb-llama2-70b-tp4");
        List<Variant> variants = List.of(
                new Variant("sync + 1.95 rps", List.of("0", "2"), null),
                new Variant("1.95 + 2.90 rps", List.of("2", "3"), null),
                new Variant("sync, Splitwise decode shape", List.of("0"), splitwise),
                new Variant("sync + 1.95 rps, Splitwise decode shape", List.of("0", "2"), splitwise));
        for (Variant v : variants) {
            List<LevelComparison.Row> rows = runVariant(exp, v);
            // Fitted on one sequence at a time alone, a mean is missed 8.6-fold; every variant here brings
            // every predicted mean within 30%.
            for (LevelComparison.Row r : rows)
                assertTrue(r.maxAbsMeanError() <= 0.30, v.name() + ", level " + r.label() + ": " + r.maxAbsMeanError());
            if (v.fitOn().equals(List.of("2", "3"))) {
                // Fitted on the two lowest overlapping levels, the next level up (3.84 rps) meets the issue's
                // targets: means within 10%, p99 within 15%, completion rate within 15%.
                LevelComparison.Row l4 = row(rows, "4");
                assertTrue(
                        l4.maxAbsMeanError() <= 0.10 && l4.maxAbsP99Error() <= 0.15 && Math.abs(l4.error(6)) <= 0.15,
                        "level 4: " + l4);
            }
        }
    }

    /**
     * Both GuideLLM sweeps fitted as the default variants are (64-budget: the synchronous level; 4096-budget: levels 2
     * and 3) with separate variances and the inferred prefill share, every other level predicted: a report for
     * docs/validation.md. Their prompts share a 1,024-token prefix the engine already serves from the cache, and
     * their TTFT noise is small: the inference must find no hit there.
     */
    @Test
    void codeLlamaSweepsWithInferredPrefixHitsAreReported() {
        record Case(String experiment, List<String> fitOn) {}
        for (Case c : List.of(
                new Case("jan20-codellama-prefill-1", List.of("0")),
                new Case("jan20-prefill-llama7b-tp1-1", List.of("2", "3")))) {
            List<BenchmarkLevel> levels = guidellm(c.experiment());
            EngineConfig config = guidellmConfig(c.experiment());
            List<ProfileFit.Input> in = c.fitOn().stream()
                    .map(l -> new ProfileFit.Input(level(levels, l), config))
                    .toList();
            ProfileFit.Result r = ProfileFit.fit(
                    in,
                    "h100-codellama34b-tp1",
                    "test",
                    "2026-01-20",
                    null,
                    ProfileFit.Weighting.SEPARATE_VARIANCES,
                    true);
            IterationProfile p = r.profile();
            System.out.println(String.format(
                    Locale.ROOT,
                    "%s, separate variances + prefill share: %s%n  share quantiles %s%n  %s",
                    c.experiment(),
                    coefficients(p),
                    java.util.Arrays.toString(p.prefillShare().quantiles()),
                    p.prefillShare().method()));
            System.out.println(table("fitted " + c.fitOn(), r.fitted()));
            List<LevelComparison.Row> predicted = new ArrayList<>();
            for (BenchmarkLevel l : levels) {
                if (!c.fitOn().contains(l.label())) predicted.add(LevelComparison.compare(l, config, p, 5, 7));
            }
            System.out.println(table("predicted (5 draws of the hits)", predicted));
            // Their TTFT noise is small beside a hit's gap (log errors of a few %; the shared prefix is already served
            // from the cache): no request is a hit, so the profile is the separate-variance fit's, unchanged.
            assertEquals(1.0, p.prefillShare().quantiles()[0], c.experiment() + ": " + p.prefillShare());
        }
    }

    static LevelComparison.Row row(List<LevelComparison.Row> rows, String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    static BenchmarkLevel level(List<BenchmarkLevel> levels, String label) {
        return levels.stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void llama70bShareGptFittedAtTheThreeLowestRatesPredictsTheRest() {
        assumeTrue(
                Files.isRegularFile(LMBENCH),
                "LLM sample " + LMBENCH.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        List<BenchmarkLevel> levels = lmbenchLevels();
        EngineConfig config = EngineConfig.of(256, 8192, 10_000_000);
        ProfileFit.Result r = lmbenchDefaultFit(levels);
        IterationProfile p = r.profile();
        System.out.println(String.format(
                Locale.ROOT,
                "fitted %s residual cv=%.3f rms log error %.3f (%d evaluations)",
                coefficients(p),
                r.residualCv(),
                r.rmsLogError(),
                r.evaluations()));
        System.out.println(table("fitted levels", r.fitted()));
        List<LevelComparison.Row> predicted = new ArrayList<>();
        for (BenchmarkLevel l : levels.subList(3, levels.size()))
            predicted.add(LevelComparison.compare(l, config, p, 1, 7));
        System.out.println(table("predicted levels", predicted));
        // Hardware and server flags of this sample are not documented (SOURCES.md: shape checks only); the
        // KV cache is taken as unlimited, so the KV-bound knee cannot be predicted. Figures in docs/validation.md.
        for (LevelComparison.Row row : predicted)
            assertTrue(Math.abs(row.error(6)) < 0.5, row.label() + ": completion rate " + row.error(6));
    }

    /**
     * The LMBenchmark fits on its three lowest rates, each computed once per class: several tests ask for the same fit
     * (deterministic: the same levels, settings and start give the same result; the default fit was two fifths of this
     * class's CPU when each test fitted it). The tests of this class run at once ({@link Execution}): a second test
     * asking for a fit being computed waits for it.
     */
    private static final java.util.concurrent.ConcurrentMap<String, ProfileFit.Result> LMBENCH_FITS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The server settings the LMBenchmark levels are fitted and predicted with. */
    private static final EngineConfig LMBENCH_CONFIG = EngineConfig.of(256, 8192, 10_000_000);

    /**
     * The LMBenchmark profile fitted on its three lowest rates ({@code levels} sorted by rate) with {@code weighting},
     * the inferred prefix-cache hits when {@code prefillShare}, and a token budget of {@code budget}.
     */
    private static ProfileFit.Result lmbenchFit(
            List<BenchmarkLevel> levels, ProfileFit.Weighting weighting, boolean prefillShare, int budget) {
        return LMBENCH_FITS.computeIfAbsent(weighting + "/" + prefillShare + "/" + budget, k -> {
            EngineConfig config = LMBENCH_CONFIG.withMaxNumBatchedTokens(budget);
            List<ProfileFit.Input> in = levels.subList(0, 3).stream()
                    .map(l -> new ProfileFit.Input(l, config))
                    .toList();
            return ProfileFit.fit(in, "lmbench-llama31-70b", "test", "2025-05-01", null, weighting, prefillShare);
        });
    }

    /** The LMBenchmark profile fitted on its three lowest rates with the default weighting. */
    private static ProfileFit.Result lmbenchDefaultFit(List<BenchmarkLevel> levels) {
        return lmbenchFit(levels, ProfileFit.Weighting.SUM_OF_SQUARES, false, LMBENCH_CONFIG.maxNumBatchedTokens());
    }

    /**
     * The LMBenchmark profile fitted on its three lowest rates ({@code levels} sorted by rate) with one variance per error kind, with the inferred
     * prefix-cache hits when {@code prefillShare}.
     */
    private static ProfileFit.Result lmbenchSeparateVariancesFit(List<BenchmarkLevel> levels, boolean prefillShare) {
        return lmbenchFit(
                levels, ProfileFit.Weighting.SEPARATE_VARIANCES, prefillShare, LMBENCH_CONFIG.maxNumBatchedTokens());
    }

    /**
     * {@link ProfileFit#fitBudget} over {@code budgets} for the LMBenchmark fit, with the fits other tests also use
     * taken from {@link #LMBENCH_FITS} instead of fitted again (the same inputs give the same fit).
     */
    private static ProfileFit.BudgetChoice lmbenchBudgetChoice(
            List<BenchmarkLevel> levels, ProfileFit.Weighting weighting, int... budgets) {
        List<ProfileFit.BudgetCandidate> candidates = new ArrayList<>();
        for (int b : budgets) {
            candidates.add(new ProfileFit.BudgetCandidate(b, lmbenchFit(levels, weighting, false, b)));
        }
        return ProfileFit.choose(candidates);
    }

    /** {@code p} predicting every level of {@code levels} above the three fitted ones, {@code draws} runs each. */
    private static List<LevelComparison.Row> lmbenchPredicted(
            List<BenchmarkLevel> levels, IterationProfile p, int draws) {
        List<LevelComparison.Row> predicted = new ArrayList<>();
        for (BenchmarkLevel l : levels.subList(3, levels.size()))
            predicted.add(LevelComparison.compare(l, LMBENCH_CONFIG, p, draws, 7));
        return predicted;
    }

    /**
     * The same three fitted rates with {@link ProfileFit.Weighting#SEPARATE_VARIANCES}: the TTFT here carries
     * per-request noise the engine does not model (log errors 30-40%, against 5-8% for the decode time), which
     * the default sum of squares lets outweigh the decode errors (it puts 1.2 ms on each decoding sequence and
     * over-predicts TPOT under load by up to 94%). Weighed by their own variances, the decode errors set c.
     */
    @Test
    void llama70bShareGptFittedWithOneVariancePerErrorKindPredictsTpotGrowthBelowTheKnee() {
        assumeTrue(
                Files.isRegularFile(LMBENCH),
                "LLM sample " + LMBENCH.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        List<BenchmarkLevel> levels = lmbenchLevels();
        ProfileFit.Result r = lmbenchSeparateVariancesFit(levels, false);
        IterationProfile p = r.profile();
        System.out.println(
                String.format(Locale.ROOT, "separate variances: %s residual cv=%.3f", coefficients(p), r.residualCv()));
        System.out.println(table("fitted levels (separate variances)", r.fitted()));
        List<LevelComparison.Row> predicted = lmbenchPredicted(levels, p, 1);
        System.out.println(table("predicted levels (separate variances)", predicted));
        // Below the measured knee (0.67-1.34 rps): TPOT and end-to-end means within the 10%,
        // completion rates within 15% (the default fit: TPOT +19% ... +94%, end-to-end +17% ... +85%). The
        // TTFT means are not held (-18% ... -43%: the measured TTFT's noise does not repeat across levels and
        // a deterministic engine fitted on log errors predicts its geometric mean; docs/validation.md). Above
        // the knee the KV cache is unknown, so those levels are only printed.
        for (LevelComparison.Row row : predicted) {
            if (row.offeredRate() > 1.34) continue;
            assertTrue(Math.abs(row.error(2)) <= 0.10, row.label() + ": TPOT mean " + row.error(2));
            assertTrue(Math.abs(row.error(4)) <= 0.10, row.label() + ": end-to-end mean " + row.error(4));
            assertTrue(Math.abs(row.error(6)) <= 0.15, row.label() + ": completion rate " + row.error(6));
        }
    }

    /**
     * The same fit (separate variances, three lowest rates) with each fitted request's prefix-cache hit inferred
     * from its TTFT ({@code ProfileFit}'s prefill share): the measured TTFT at 0.1-0.5 rps is bimodal in the
     * share of the prompt it pays for (about two thirds on the line of a full prefill, a third at 10-60% of it,
     * whatever the prompt's length; docs/validation.md), which an additive overhead cannot produce. The
     * predicted levels draw each request's share from the fitted levels' distribution.
     */
    @Test
    void llama70bShareGptWithInferredPrefixHitsPredictsTtftBelowTheKnee() {
        assumeTrue(
                Files.isRegularFile(LMBENCH),
                "LLM sample " + LMBENCH.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        List<BenchmarkLevel> levels = lmbenchLevels();
        ProfileFit.Result r = lmbenchSeparateVariancesFit(levels, true);
        IterationProfile p = r.profile();
        System.out.println(String.format(
                Locale.ROOT,
                "separate variances + prefill share: %s residual cv=%.3f%n  share quantiles %s%n  %s",
                coefficients(p),
                r.residualCv(),
                java.util.Arrays.toString(p.prefillShare().quantiles()),
                p.prefillShare().method()));
        System.out.println(table("fitted levels (prefill share)", r.fitted()));
        List<LevelComparison.Row> predicted = lmbenchPredicted(levels, p, 5);
        System.out.println(table("predicted levels (prefill share, 5 draws of the hits)", predicted));
        // Where it is fitted, the TTFT distribution is reproduced: means within 10% and p99 within 15% (separate
        // variances alone: means -7 ... -15%, p99 -30 ... -33%; measured 2026-12-07: -4 ... +4% and -5 ... -10%).
        for (LevelComparison.Row row : r.fitted()) {
            assertTrue(Math.abs(row.error(0)) <= 0.10, row.label() + " (fitted): TTFT mean " + row.error(0));
            assertTrue(Math.abs(row.error(1)) <= 0.15, row.label() + " (fitted): TTFT p99 " + row.error(1));
        }
        // Predicted, on the regular stretch below the knee (0.7-1.17 rps; 0.67 and 1.34 rps are irregular in
        // themselves, docs/validation.md): TTFT means within 20% and p99 within 30% (separate variances alone: -18 ...
        // -24% and -30 ... -48%; measured: -10 ... -17% and -3 ... -29%). The price is TPOT: b rises to the slope of
        // the full prefills, so the prefill stalls of others grow, and TPOT and end-to-end means are held to 25% below
        // the knee, not 10% (measured: +2 ... +23%). Not the 10%: an option, not the default.
        for (LevelComparison.Row row : predicted) {
            if (row.offeredRate() > 1.34) continue;
            if (row.offeredRate() >= 0.7 && row.offeredRate() <= 1.17) {
                assertTrue(Math.abs(row.error(0)) <= 0.20, row.label() + ": TTFT mean " + row.error(0));
                assertTrue(Math.abs(row.error(1)) <= 0.30, row.label() + ": TTFT p99 " + row.error(1));
            }
            assertTrue(Math.abs(row.error(2)) <= 0.25, row.label() + ": TPOT mean " + row.error(2));
            assertTrue(Math.abs(row.error(4)) <= 0.25, row.label() + ": end-to-end mean " + row.error(4));
            assertTrue(Math.abs(row.error(6)) <= 0.15, row.label() + ": completion rate " + row.error(6));
        }
    }

    /**
     * The knee of the Llama-3.1-70B sweep under documented assumptions about the hardware the source does
     * not record: the same fit (three lowest rates; the KV cache never fills there, so the fitted levels
     * say nothing about its size), predicted with the KV cache vLLM would size on 2, 4 or 8 H100-80GB
     * (TP2/4/8): bf16 weights of 70.6 B parameters, 0.9 memory utilisation, 2 GiB per GPU for activations
     * and CUDA graphs, 320 KiB of KV per token (80 layers, 8 KV heads of 128).
     */
    @Test
    void llama70bKneeUnderDocumentedKvAssumptionsIsReported() {
        assumeTrue(
                Files.isRegularFile(LMBENCH),
                "LLM sample " + LMBENCH.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        List<BenchmarkLevel> levels = lmbenchLevels();
        ProfileFit.Result r = lmbenchDefaultFit(levels);
        long perToken = EngineConfig.kvBytesPerToken(80, 8, 128, 2);
        for (int tp : new int[] {2, 4, 8}) {
            long kv = EngineConfig.kvTokensFromMemory(80, 0.9, tp, 70.6e9, 2, 2, perToken);
            EngineConfig config = EngineConfig.of(256, 8192, kv);
            List<LevelComparison.Row> predicted = new ArrayList<>();
            for (BenchmarkLevel l : levels.subList(3, levels.size()))
                predicted.add(LevelComparison.compare(l, config, r.profile(), 1, 7));
            System.out.println(table(
                    String.format(Locale.ROOT, "assumed TP%d on H100-80GB: KV cache %,d tokens", tp, kv), predicted));
            for (LevelComparison.Row row : predicted) assertTrue(Double.isFinite(row.error(6)), "every level served");
        }
    }

    /**
     * The token budget the source does not record, chosen on the three fitted rates by the likelihood of the fit
     * ({@link ProfileFit#fitBudget}): the hypothesis that a small budget (chunked prefill at 512 or 1,024 tokens) makes
     * the full prefills' TTFT slope exceed the decode stalls' by {@code a/B} is rejected by the separate-variance
     * likelihood, which keeps the largest budget; the one-variance (default) likelihood, itself far less likely, prefers
     * 1,024 by a small margin, and with it the default fit's TPOT over-prediction below the knee goes (docs/validation.md).
     */
    @Test
    void llama70bTokenBudgetChosenOnTheFittedLevelsIsReported() {
        assumeTrue(
                Files.isRegularFile(LMBENCH),
                "LLM sample " + LMBENCH.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        List<BenchmarkLevel> levels = lmbenchLevels();
        ProfileFit.BudgetChoice sv =
                lmbenchBudgetChoice(levels, ProfileFit.Weighting.SEPARATE_VARIANCES, 512, 1024, 8192);
        System.out.println("separate variances, -2 log L minus the best's at 512, 1024, 8192: "
                + java.util.Arrays.toString(sv.deltas()));
        // Measured 2026-12-08: +21.5 at 512 and +21.4 at 1,024 (b 0.118 and 0.174 ms/token); 2,048 to 8,192 give one
        // fit
        // (no fitted prompt exceeds 2,019 tokens). A difference of 10 is a likelihood ratio of e^5.
        assertEquals(8192, sv.chosen(), java.util.Arrays.toString(sv.deltas()));
        assertTrue(sv.deltas()[0] >= 10 && sv.deltas()[1] >= 10, java.util.Arrays.toString(sv.deltas()));
        ProfileFit.BudgetChoice ss = lmbenchBudgetChoice(levels, ProfileFit.Weighting.SUM_OF_SQUARES, 1024, 8192);
        IterationProfile p = ss.best().result().profile();
        System.out.println("one variance, -2 log L minus the best's at 1024, 8192: "
                + java.util.Arrays.toString(ss.deltas()) + "; chosen " + ss.chosen() + ": " + coefficients(p));
        // Measured: 1,024 by 4.2 (a = 49.4 ms, b = 0.166 ms/token, c = 0.66 ms/seq; at 8,192 c = 1.23 ms/seq).
        assertEquals(1024, ss.chosen(), java.util.Arrays.toString(ss.deltas()));
        EngineConfig chosen = LMBENCH_CONFIG.withMaxNumBatchedTokens(ss.chosen());
        List<LevelComparison.Row> predicted = new ArrayList<>();
        for (BenchmarkLevel l : levels.subList(3, levels.size()))
            predicted.add(LevelComparison.compare(l, chosen, p, 1, 7));
        System.out.println(table("predicted levels (one variance, budget 1024)", predicted));
        // Below the knee, TPOT means -0 ... +11% and end-to-end means -2 ... +10% (at 8,192: +19 ... +94% and +17 ...
        // +85%);
        // held to 12%, completion rates to 15%.
        for (LevelComparison.Row row : predicted) {
            if (row.offeredRate() > 1.34) continue;
            assertTrue(Math.abs(row.error(2)) <= 0.12, row.label() + ": TPOT mean " + row.error(2));
            assertTrue(Math.abs(row.error(4)) <= 0.12, row.label() + ": end-to-end mean " + row.error(4));
            assertTrue(Math.abs(row.error(6)) <= 0.15, row.label() + ": completion rate " + row.error(6));
        }
    }
}
