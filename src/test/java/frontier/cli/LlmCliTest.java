package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frontier llm fit} on each reader's format and on each kind of bad input (exit 2, located), and a
 * smoke run of {@code frontier bench llm}. The GuideLLM and AIPerf fixtures in src/test/resources/llm were
 * written from those tools' documented schemas (GuideLLM 0.6 report, AIPerf profile_export.jsonl), not
 * measured.
 */
class LlmCliTest {
    static final String CSV = "src/test/resources/llm/vllm011_h100_codellama34b_guidellm_sweep_requests.csv";
    static final String GUIDELLM = "src/test/resources/llm/guidellm_report_documented_schema.json";
    static final String AIPERF = "src/test/resources/llm/aiperf_profile_export_documented_schema.jsonl";

    /** `llm fit` of the GuideLLM CSV's synchronous prefill experiment with its server's settings. */
    private static final String[] CODELLAMA_PREFILL_FIT = {
        "llm",
        "fit",
        CSV,
        "--where",
        "experiment=jan20-codellama-prefill-1",
        "--max-num-seqs",
        "32",
        "--max-num-batched-tokens",
        "64",
        "--shared-prefix-tokens",
        "1024",
        "--kv-cache-tokens",
        "42598"
    };

    private static String[] withArgs(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @TempDir
    Path dir;

    @Test
    void fitsTheGuideLlmCsvAtItsSynchronousLevelAndPredictsTheOthers() {
        CliRun r = CliRun.of(CODELLAMA_PREFILL_FIT);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("profile fitted: a="), r.out());
        assertTrue(r.out().contains("Fitted levels") && r.out().contains("Predicted levels (not fitted on)"), r.out());
    }

    @Test
    void aDecodePriorTiesCAndDToA() {
        CliRun r = CliRun.of("llm", "fit", AIPERF, "--decode-prior", "h100-80gb-llama2-70b-tp4");
        assertEquals(0, r.code(), r.err());
        // The prior's c/a = 0.180062 / 27.794273 holds in the fitted profile (printed to 4 decimals).
        String line = r.out().lines().findFirst().orElseThrow();
        double a = Double.parseDouble(line.replaceAll(".* a=([0-9.]+) ms.*", "$1"));
        double c = Double.parseDouble(line.replaceAll(".* c=([0-9.]+) ms.*", "$1"));
        assertEquals(0.180062 / 27.794273, c / a, 0.01 * 0.180062 / 27.794273, line);
        CliRun bad = CliRun.of("llm", "fit", AIPERF, "--decode-prior", "h100-80gb-llama2-70b-tp4-table");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--decode-prior: no shipped linear profile"), bad.err());
    }

    @Test
    void separateVariancesChangesTheFitAndSaysSoInTheSource() {
        String[] args = {
            "llm",
            "fit",
            CSV,
            "--where",
            "experiment=jan20-prefill-llama7b-tp1-1",
            "--max-num-batched-tokens",
            "4096",
            "--shared-prefix-tokens",
            "1024",
            "--kv-cache-tokens",
            "42598"
        };
        CliRun plain = CliRun.of(args);
        CliRun weighed = CliRun.of(withArgs(args, "--separate-variances"));
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, weighed.code(), weighed.err());
        // The synchronous level of the 4096-budget sweep: one sum of squares puts 12.8 ms on c, the two-variance
        // likelihood about 1.1 ms (docs/validation.md); the profile's source names the weighting.
        String first = weighed.out().lines().findFirst().orElseThrow();
        assertTrue(!first.equals(plain.out().lines().findFirst().orElseThrow()), first);
        assertTrue(weighed.out().contains("(separate variances)"), weighed.out());
        assertTrue(!plain.out().contains("separate variances"), plain.out());
    }

    @Test
    void prefillShareAddsTheInferredHitDistributionAndNeedsSendTimes() throws Exception {
        CliRun r = CliRun.of(withArgs(CODELLAMA_PREFILL_FIT, "--separate-variances", "--prefill-share"));
        assertEquals(0, r.code(), r.err());
        String share = r.out()
                .lines()
                .filter(l ->
                        l.startsWith("prefill share: prefix-cache hits inferred from the TTFT of 40 fitted requests"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        // 21 quantiles, at 0, 5%, ..., 100%, the last 1 (most requests compute their whole prompt).
        String[] q = share.substring(share.indexOf("100%: ") + 6).split(" ");
        assertEquals(21, q.length, share);
        assertEquals("1.000", q[20], share);
        // Without send times a request's hit cannot be replayed on it.
        Path f = Files.writeString(
                dir.resolve("n.csv"), "input_tokens,output_tokens,ttft_s,e2e_s\n100,10,0.1,0.5\n200,10,0.2,0.7\n");
        CliRun bad = CliRun.of("llm", "fit", f.toString(), "--prefill-share");
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.err().contains("inferring prefix-cache hits needs each request's send time"), bad.err());
    }

    @Test
    void budgetCandidatesFitOncePerBudgetAndReportEachLikelihood() {
        // The 64-token-budget sweep's synchronous level, its documented budget among the candidates: a 2,000-token
        // prompt (1,024 of them cached) takes 16 iterations at 64 tokens and one at 4,096, so the candidates' fits
        // differ.
        CliRun r = CliRun.of(withArgs(CODELLAMA_PREFILL_FIT, "--budget-candidates", "64,4096"));
        assertEquals(0, r.code(), r.err());
        String line = r.out()
                .lines()
                .filter(l -> l.startsWith("token budget: "))
                .findFirst()
                .orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(line.matches("token budget: (64|4096) chosen by the fitted levels' likelihood; .*"), line);
        assertTrue(line.contains("64: ") && line.contains(", 4096: ") && line.contains("(+0.00)"), line);
        // Two budgets no fitted iteration reaches (prompts of at most a few thousand tokens, one at a time) give one
        // and the same fit: the tie goes to the larger, and the other is named as not told apart.
        CliRun tie = CliRun.of(withArgs(CODELLAMA_PREFILL_FIT, "--budget-candidates", "16384,8192"));
        assertEquals(0, tie.code(), tie.err());
        assertTrue(
                tie.out().contains("token budget: 16384 chosen")
                        && tie.out().contains("8192: ")
                        && tie.out().contains("(difference < 3.84): 8192"),
                tie.out());
        CliRun bad = CliRun.of(withArgs(CODELLAMA_PREFILL_FIT, "--budget-candidates", "64,0"));
        assertEquals(2, bad.code(), bad.out());
        assertTrue(bad.err().contains("--budget-candidates"), bad.err());
    }

    @Test
    void readsAGuideLlmJsonReportOneLevelPerBenchmark() {
        CliRun r = CliRun.of("llm", "fit", GUIDELLM, "--fit-levels", "2");
        assertEquals(0, r.code(), r.err());
        // Three benchmarks: synchronous (0), constant 2 rps (1), throughput (2, all at once, predicted).
        String predicted = r.out().substring(r.out().indexOf("Predicted levels"));
        assertTrue(predicted.lines().anyMatch(l -> l.startsWith("2 ")), r.out());
    }

    @Test
    void readsAiperfPerRequestRecordsSkippingTheFailedOne() {
        CliRun r = CliRun.of("llm", "fit", AIPERF);
        assertEquals(0, r.code(), r.err());
        // 11 lines, one cancelled with an error: 10 requests in the level.
        assertTrue(
                r.out()
                        .lines()
                        .anyMatch(l ->
                                l.startsWith("aiperf_profile_export_documented_schema.jsonl") && l.contains(" 10 ")),
                r.out());
    }

    private CliRun fitOn(String name, String content) throws Exception {
        Path f = Files.writeString(dir.resolve(name), content);
        return CliRun.of("llm", "fit", f.toString());
    }

    @Test
    void aBadCsvCellIsExit2WithFileLineAndColumn() throws Exception {
        CliRun r = fitOn("b.csv", "input_tokens,output_tokens,ttft_s,e2e_s\n100,10,0.1,0.5\n100,ten,0.1,0.5\n");
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains("b.csv:3:2: column 'output_tokens': expected a whole number >= 1, got 'ten'"),
                r.err());
    }

    @Test
    void aMissingCsvColumnIsExit2NamingWhatWasExpected() throws Exception {
        CliRun r = fitOn("m.csv", "input_tokens,output_tokens,e2e_s\n100,10,0.5\n");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("m.csv:1: no TTFT column; expected one of ttft_s, ttft, ttft_ms"), r.err());
    }

    @Test
    void brokenJsonIsExit2WithLineAndColumn() throws Exception {
        CliRun r = fitOn("j.json", "{\"benchmarks\": [\n  {\"requests\": }\n]}");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("j.json:2:"), r.err());
        assertTrue(r.err().contains("not valid JSON"), r.err());
    }

    @Test
    void aBadGuideLlmValueIsExit2WithItsJsonPath() throws Exception {
        String report =
                Files.readString(Path.of(GUIDELLM)).replaceFirst("\"output_tokens\": \\d+", "\"output_tokens\": -3");
        CliRun r = fitOn("g.json", report);
        assertEquals(2, r.code());
        assertTrue(
                r.err()
                        .contains(
                                "$.benchmarks[0].requests.successful[0].output_tokens: expected a whole number >= 1, got -3"),
                r.err());
    }

    @Test
    void aBadAiperfRecordIsExit2WithItsLineAndJsonPath() throws Exception {
        String[] lines = Files.readString(Path.of(AIPERF)).split("\n");
        lines[2] = lines[2].replaceFirst("\"unit\": \"ms\"", "\"unit\": \"fortnights\"");
        CliRun r = fitOn("a.jsonl", String.join("\n", lines));
        assertEquals(2, r.code());
        assertTrue(
                r.err()
                        .contains(
                                "a.jsonl:3: $.metrics.time_to_first_token.unit: expected ns, us, ms or s, got 'fortnights'"),
                r.err());
    }

    @Test
    void anAiperfAggregateFileIsRefusedWithTheReason() throws Exception {
        CliRun r = fitOn("profile_export_aiperf.json", "{\"time_to_first_token\": {\"unit\": \"ms\", \"avg\": 12.5}}");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no per-request values; give its profile_export.jsonl"), r.err());
    }

    @Test
    void aYamlReportIsRefusedWithTheReason() throws Exception {
        CliRun r = fitOn("report.yaml", "benchmarks:\n  - type_: generative_benchmark\n");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a YAML report"), r.err());
    }

    @Test
    void tooManyFitLevelsIsExit2() {
        CliRun r = CliRun.of("llm", "fit", AIPERF, "--fit-levels", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--fit-levels 2: only 1 level(s) in the input"), r.err());
    }

    @Test
    void aMissingFileIsExit2() {
        CliRun r = CliRun.of("llm", "fit", dir.resolve("nope.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope.csv: no such file"), r.err());
    }

    @Test
    void benchLlmRunsASaturatedInstanceAndReportsItsSpeed() {
        CliRun r = CliRun.of("bench", "llm", "--hours", "0.02", "--rate", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out().startsWith("RESULT profile=h100-80gb-llama2-70b-tp4 requests=360 completed=360 iterations="),
                r.out());
        CliRun t = CliRun.of("bench", "llm", "--hours", "0.02", "--profile", "h100-80gb-llama2-70b-tp4-table");
        assertEquals(0, t.code(), t.err());
        CliRun bad = CliRun.of("bench", "llm", "--profile", "no-such-gpu");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--profile: no shipped profile 'no-such-gpu'"), bad.err());
    }
}
