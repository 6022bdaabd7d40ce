package frontier.analysis.llm;

import org.junit.jupiter.api.Tag;
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
import org.junit.jupiter.api.Test;

/**
 * Fit at the lowest load level(s), predict the others: the validation of docs/validation.md
 * ("LLM engine at the iteration level"). The fitted levels are never among the predicted ones.
 */
@Tag("validation")
class LlmValidationTest {
    static final Path GUIDELLM = Path.of("src/test/resources/llm/vllm011_h100_codellama34b_guidellm_sweep_requests.csv");
    static final Path LMBENCH = Path.of(System.getProperty("frontier.samples", "../shared/samples"), "llm",
            "vllm_unknown-gpu_llama31_lmbench_qps_sweep_requests.csv");
    /** CodeLlama-34B: 48 layers, 8 KV heads of 128, bf16 → 192 KiB per token; the vLLM logs show 7.4–8.2 GiB of KV cache. */
    static final long CODELLAMA_KV_TOKENS = (long) (7.8 * Math.pow(1024, 3) / EngineConfig.kvBytesPerToken(48, 8, 128, 2));

    static EngineConfig guidellmConfig(String experiment) {
        boolean tiny = experiment.equals("jan20-codellama-prefill-1");
        // 1,024 shared prefix tokens per prompt, prefix caching on (SOURCES.md).
        return EngineConfig.of(tiny ? 32 : 256, tiny ? 64 : 4096, CODELLAMA_KV_TOKENS).withSharedPrefixTokens(1024);
    }

    static List<BenchmarkLevel> guidellm(String experiment) {
        return BenchmarkReader.read(GUIDELLM, Map.of("experiment", experiment));
    }

    static String table(String title, List<LevelComparison.Row> rows) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        sb.append("level      rate   n   TTFT mean      TTFT p99       TPOT mean      TPOT p99       E2E mean       E2E p99        achieved rps\n");
        for (LevelComparison.Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%-9s %6.2f %3d", r.label(), r.offeredRate(), r.requests()));
            for (int k = 0; k < 7; k++) {
                sb.append(String.format(Locale.ROOT, "  %7.3f %+5.0f%%", LevelComparison.value(r.measured(), k), 100 * r.error(k)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static List<LevelComparison.Row> fitSynchronousPredictRest(String experiment) {
        List<BenchmarkLevel> levels = guidellm(experiment);
        EngineConfig config = guidellmConfig(experiment);
        ProfileFit.Result r = ProfileFit.fit(List.of(level(levels, "0")), config, "h100-codellama34b-tp1", "test", "2026-01-20");
        IterationProfile p = r.profile();
        System.out.println(String.format(Locale.ROOT, "%s: a=%.3f ms b=%.5f ms/token c=%.4f ms/seq d=%.6f ms/ktoken overhead=%.1f ms",
                experiment, p.a() * 1e3, p.b() * 1e3, p.c() * 1e3, p.d() * 1e6, p.requestOverhead() * 1e3));
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
        ProfileFit.Result r = ProfileFit.fit(List.of(level(levels, "0")), guidellmConfig("jan20-prefill-llama7b-tp1-1"), "x", "test", "2026-01-20");
        assertTrue(r.fitted().getFirst().maxAbsMeanError() <= 0.10, "fitted level: " + r.fitted().getFirst().maxAbsMeanError());
    }

    static BenchmarkLevel level(List<BenchmarkLevel> levels, String label) {
        return levels.stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void llama70bShareGptFittedAtTheThreeLowestRatesPredictsTheRest() {
        assumeTrue(Files.isRegularFile(LMBENCH), "LLM sample " + LMBENCH.toAbsolutePath() + " not found: skipped (set -Dfrontier.samples)");
        List<BenchmarkLevel> levels = BenchmarkReader.read(LMBENCH, Map.of("model", "Llama-3.1-70B", "workload", "sharegpt"));
        levels = new ArrayList<>(levels);
        levels.sort((x, y) -> Double.compare(x.offeredRate(), y.offeredRate()));
        EngineConfig config = EngineConfig.of(256, 8192, 10_000_000);
        List<BenchmarkLevel> fitOn = levels.subList(0, 3);
        ProfileFit.Result r = ProfileFit.fit(fitOn, config, "lmbench-llama31-70b", "test", "2025-05-01");
        IterationProfile p = r.profile();
        System.out.println(String.format(Locale.ROOT, "fitted a=%.3f ms b=%.5f ms/token c=%.4f ms/seq d=%.6f ms/ktoken overhead=%.1f ms residual cv=%.3f rms log error %.3f (%d evaluations)",
                p.a() * 1e3, p.b() * 1e3, p.c() * 1e3, p.d() * 1e6, p.requestOverhead() * 1e3, r.residualCv(), r.rmsLogError(), r.evaluations()));
        System.out.println(table("fitted levels", r.fitted()));
        List<LevelComparison.Row> predicted = new ArrayList<>();
        for (BenchmarkLevel l : levels.subList(3, levels.size())) predicted.add(LevelComparison.compare(l, config, p, 1, 7));
        System.out.println(table("predicted levels", predicted));
        // Hardware and server flags of this sample are not documented (SOURCES.md: shape checks only); the
        // KV cache is taken as unlimited, so the KV-bound knee cannot be predicted. Figures in docs/validation.md.
        for (LevelComparison.Row row : predicted) assertTrue(Math.abs(row.error(6)) < 0.5, row.label() + ": completion rate " + row.error(6));
    }
}
