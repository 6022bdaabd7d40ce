package frontier.scenario.alternatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cost.PriceCatalogue;
import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "Try spot, serverless and a cheaper GPU" makes three ordinary alternatives, or says why one cannot be made. */
class QuickAlternativesTest {
    private static final PriceCatalogue CATALOGUE = PriceCatalogue.shipped();

    /**
     * A twin's shape: on-demand g5.2xlarge first, overflowing to spot g5.2xlarge, each at the billed hourly price
     * with the bill's instance type beside it.
     */
    static final String TWIN_LIKE = """
            {"name": "chat", "traffic": {"type": "poisson", "rate_per_s": 1},
             "pools": [{"type": "always_on", "name": "od", "instances": 2, "concurrency": 2, "overflow_to": "sp",
                        "model": {"name": "llama-8b", "service": {"type": "lognormal", "mean": 1.0, "cv": 0.5}},
                        "price": {"usd_per_hour": 1.1, "provider": "aws", "instance_type": "g5.2xlarge",
                                  "region": "us-east-1"}},
                       {"type": "spot", "name": "sp", "instances": 2, "concurrency": 2,
                        "model": {"name": "llama-8b", "service": {"type": "lognormal", "mean": 1.0, "cv": 0.5}},
                        "price": {"usd_per_hour": 0.45, "provider": "aws", "instance_type": "g5.2xlarge",
                                  "region": "us-east-1"},
                        "interruption": {"hazard_per_hour": 0.01}}],
             "run": {"duration_s": 600, "replications": 2, "seed": 3}}
            """;

    private static List<Alternative.Built> built(String json) {
        Baseline b = Baseline.parse(json, "twin.json", Path.of("."));
        return QuickAlternatives.of(b, CATALOGUE, null).alternatives().stream()
                .map(a -> a.build(b, CATALOGUE))
                .toList();
    }

    @Test
    void spotMovesTheOnDemandPoolToSpotOfTheSameTypeWithAnOnDemandFallback() {
        Alternative.Built spot = built(TWIN_LIKE).get(0);
        assertTrue(
                spot.alternative().name().equals("Spot + fallback, g5.2xlarge"),
                spot.alternative().name());
        var pools = spot.scenario().fleet().pools();
        assertEquals(
                List.of("od", "od-on-demand", "sp"),
                pools.stream().map(p -> p.name()).toList());
        SpotPool moved = assertInstanceOf(SpotPool.class, pools.get(0));
        assertEquals(0.509, moved.price().usdPerHour(), 1e-9, "the catalogue's spot price of g5.2xlarge");
        AlwaysOnPool fallback = assertInstanceOf(AlwaysOnPool.class, pools.get(1));
        assertEquals(1.212, fallback.price().usdPerHour(), 1e-9, "the fallback runs the same type on demand");
        assertEquals(
                "sp", fallback.overflowTo(), "what the fallback cannot take still goes where the baseline sent it");
    }

    @Test
    void serverlessPutsTheWholeEndpointOnOneServerlessPoolBilledWithAGpu() {
        Alternative.Built sl = built(TWIN_LIKE).get(1);
        assertTrue(
                sl.alternative().name().equals("Serverless, Cloud Run L4"),
                sl.alternative().name());
        var pools = sl.scenario().fleet().pools();
        assertEquals(1, pools.size(), "the spot pool is removed: only the serverless pool serves");
        ServerlessPool p = assertInstanceOf(ServerlessPool.class, pools.get(0));
        assertEquals(600, p.keepAliveS(), 0);
        assertTrue(
                sl.notes().stream().anyMatch(n -> n.contains("'sp' is removed")),
                sl.notes().toString());
    }

    @Test
    void cheaperGpuIsTheCheapestNvidiaTypeWithAsMuchGpuMemoryInEveryPoolOnTheSameType() {
        Alternative.Built gpu = built(TWIN_LIKE).get(2);
        // g5.2xlarge: 1× A10G, 24 GiB at 1.212 USD/h. g4dn (T4, 16 GiB) has too little memory, inf2 is no NVIDIA GPU;
        // of g5.xlarge (1.006), g6.xlarge (0.8048) and g6.2xlarge (0.9776), all 24 GiB, g6.xlarge is the cheapest.
        assertTrue(
                gpu.alternative().name().equals("Cheaper GPU, g6.xlarge"),
                gpu.alternative().name());
        var pools = gpu.scenario().fleet().pools();
        assertEquals(0.8048, pools.get(0).price().usdPerHour(), 1e-9);
        assertEquals(
                0.4104, pools.get(1).price().usdPerHour(), 1e-9, "the spot pool moves too, at g6.xlarge's spot price");
    }

    @Test
    void whatCannotBeMadeIsSaidWithTheReason() {
        String cheapest = TWIN_LIKE.replace("g5.2xlarge", "g4dn.xlarge");
        Baseline b = Baseline.parse(cheapest, "t4.json", Path.of("."));
        QuickAlternatives.Made made = QuickAlternatives.of(b, CATALOGUE, null);
        assertEquals(2, made.alternatives().size());
        assertEquals(
                List.of("Cheaper GPU: g4dn.xlarge is already the cheapest type with 16 GiB of GPU memory or more (the"
                        + " scenario does not say which model, or how much KV cache, it serves)"),
                made.skipped());

        // An inline price that does not name its machine (a scenario written by hand).
        String inline = TWIN_LIKE.replaceAll(
                ", \"provider\": \"aws\", \"instance_type\": \"g5.2xlarge\",\\s*\"region\": \"us-east-1\"", "");
        made = QuickAlternatives.of(Baseline.parse(inline, "inline.json", Path.of(".")), CATALOGUE, null);
        assertEquals(1, made.alternatives().size(), "serverless needs no instance type");
        assertTrue(
                made.skipped().get(0).startsWith("Spot: pool 'od' names no instance type"),
                made.skipped().toString());
        assertTrue(made.skipped().get(1).startsWith("Cheaper GPU: pool 'od' names no instance type"));
    }

    @Test
    void gpuMemoryCountsEveryGpuOfTheTypeAndOnlyNvidiaGpus() {
        var g5x12 = CATALOGUE
                .instance("aws", null, "g5.12xlarge", frontier.domain.PricingModel.ON_DEMAND)
                .orElseThrow();
        assertEquals(96, QuickAlternatives.gpuMemoryGiB(g5x12));
        var inf2 = CATALOGUE
                .instance("aws", null, "inf2.xlarge", frontier.domain.PricingModel.ON_DEMAND)
                .orElseThrow();
        assertEquals(0, QuickAlternatives.gpuMemoryGiB(inf2));
    }

    /**
     * The walkthrough's twin: one Azure H100 NVL 94 GB serving CodeLlama-34B (62.9 GiB of bf16 weights), whose log
     * held at most {@code peak} KV-cache tokens at once.
     */
    private static String codeLlamaTwin(String model, long peak, int instances) {
        return """
                {"name": "twin", "traffic": {"type": "poisson", "rate_per_s": 0.05},
                 "pools": [{"type": "always_on", "name": "fleet", "instances": %d, "concurrency": 6,
                            "model": {"name": "%s", "service": {"type": "lognormal", "mean": 20, "cv": 0.6}},
                            "price": {"usd_per_hour": 6.98, "provider": "azure",
                                      "instance_type": "Standard_NC40ads_H100_v5", "region": "eastus"}}],
                 "observed": {"source": "test", "p50_ms": 20000, "peak_kv_tokens": %d},
                 "run": {"duration_s": 3600, "replications": 2, "seed": 3}}
                """.formatted(instances, model, peak);
    }

    private static QuickAlternatives.Made made(String json) {
        return QuickAlternatives.of(Baseline.parse(json, "twin.json", Path.of(".")), CATALOGUE, null);
    }

    @Test
    void aKnownModelWhoseWeightsAndKvCacheFitAnA100IsOfferedItThoughItHasLessMemory() {
        // codellama-34b: 33.744e9 × 2 B = 62.85 GiB; KV 48 layers × 8 heads × 128 × 2 B × 2 = 192 KiB a token. On one
        // A100 80 GB: 80 × 0.9 − 1 − 62.85 = 8.15 GiB of KV cache, about 44,500 tokens, more than 30,000.
        QuickAlternatives.Made m = made(codeLlamaTwin("codellama-34b", 30_000, 1));
        assertEquals(List.of(), m.skipped());
        Alternative gpu = m.alternatives().get(2);
        assertEquals("Cheaper GPU, Standard_NC24ads_A100_v4", gpu.name());
        String price = m.prices().get(2);
        assertTrue(
                price.contains("chosen as it holds codellama-34b's 62.9 GiB of weights and 30,000 KV-cache tokens"),
                price);
        assertTrue(price.contains("its speed is not known: the model's service times are kept"), price);
        Alternative.Built b =
                gpu.build(Baseline.parse(codeLlamaTwin("codellama-34b", 30_000, 1), "t", Path.of(".")), CATALOGUE);
        assertEquals(3.673, b.scenario().fleet().pools().get(0).price().usdPerHour(), 1e-9);
    }

    @Test
    void aKvCacheTooLargeForTheCheaperGpuKeepsTodaysTypeAndSaysWhatTheModelNeeds() {
        // 60,000 tokens (11.0 GiB) do not fit beside the weights on one A100 80 GB; two A100s cost more than the H100.
        QuickAlternatives.Made m = made(codeLlamaTwin("codellama-34b", 60_000, 1));
        assertEquals(
                List.of("Cheaper GPU: Standard_NC40ads_H100_v5 is already the cheapest type that holds codellama-34b's"
                        + " 62.9 GiB of weights and 60,000 KV-cache tokens (11.0 GiB, the log's peak of 60,000"
                        + " tokens in flight)"),
                m.skipped());
        // The same peak over two instances is 30,000 tokens each: the A100 fits again.
        assertEquals(
                "Cheaper GPU, Standard_NC24ads_A100_v4",
                made(codeLlamaTwin("codellama-34b", 60_000, 2))
                        .alternatives()
                        .get(2)
                        .name());
    }

    @Test
    void withoutTheModelsGeometryTheCheaperGpuNeedsAtLeastTodaysGpuMemory() {
        // The twin's model named after its endpoint, as for a log without a model column: the memory rule.
        QuickAlternatives.Made m = made(codeLlamaTwin("jan20-codellama-train-1", 30_000, 1));
        assertEquals(2, m.alternatives().size());
        assertEquals(
                List.of("Cheaper GPU: Standard_NC40ads_H100_v5 is already the cheapest type with 94 GiB of GPU memory"
                        + " or more (the scenario does not say which model, or how much KV cache, it serves)"),
                m.skipped());
        // A known model with no KV figure (no peak in the log, no LLM engine): the memory rule too.
        String noPeak = codeLlamaTwin("codellama-34b", 30_000, 1).replace(", \"peak_kv_tokens\": 30000", "");
        assertEquals(
                2, made(noPeak).alternatives().size(), made(noPeak).skipped().toString());
    }

    /** Llama-2-70B (128.5 GiB of weights) on Azure's 8 × H100 80 GB, its LLM engine holding {@code kv} tokens. */
    private static String llama70bEngine(long kv) {
        return """
                {"name": "llm", "traffic": {"type": "poisson", "rate_per_s": 1},
                 "tokens": {"input": {"type": "deterministic", "value": 500},
                            "output": {"type": "deterministic", "value": 100}},
                 "pools": [{"type": "always_on", "name": "vllm", "instances": 1,
                            "model": {"name": "llama2-70b",
                                      "llm_engine": {"profile": "h100-80gb-llama2-70b-tp8", "kv_cache_tokens": %d}},
                            "price": {"provider": "azure", "instance_type": "Standard_ND96isr_H100_v5",
                                      "region": "eastus"}}],
                 "run": {"duration_s": 600, "replications": 2, "seed": 3}}
                """.formatted(kv);
    }

    @Test
    void theWeightsAreSplitOverTheTensorParallelGpusAndAShippedProfileOfTheNewGpuIsUsed() {
        // One A100 80 GB cannot hold 128.5 GiB of weights; two (tensor parallel 2) leave 2 × 71 − 128.5 = 13.5 GiB,
        // about 44,000 tokens of 320 KiB: 30,000 fit, and a100-80gb-llama2-70b-tp2 is shipped.
        Baseline b = Baseline.parse(llama70bEngine(30_000), "llm.json", Path.of("."));
        QuickAlternatives.Made m = QuickAlternatives.of(b, CATALOGUE, null);
        Alternative gpu = m.alternatives().stream()
                .filter(a -> a.name().startsWith("Cheaper GPU"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(m.skipped().toString()));
        assertEquals("Cheaper GPU, Standard_NC48ads_A100_v4", gpu.name());
        assertTrue(
                m.prices().getLast().contains("the LLM engine's KV cache of 30,000 tokens"),
                m.prices().toString());
        assertTrue(
                m.prices().getLast().contains("pool 'vllm' runs the shipped profile a100-80gb-llama2-70b-tp2"),
                m.prices().toString());
        Alternative.Built built = gpu.build(b, CATALOGUE);
        var engine = built.scenario().fleet().pools().get(0).model().llmEngine();
        assertEquals("a100-80gb-llama2-70b-tp2", engine.profile());
        assertEquals(2, engine.iteration().tensorParallel());
        assertEquals("a100-80gb", engine.iteration().gpu());
        assertTrue(
                built.notes().stream().anyMatch(n -> n.contains("shipped iteration profile a100-80gb-llama2-70b-tp2")),
                built.notes().toString());
        assertTrue(
                built.notes().stream().noneMatch(n -> n.contains("service times are kept")),
                "the profile gives the new GPU's speed: " + built.notes());

        // 60,000 tokens need four A100s (tensor parallel 4), and the tp4 profile.
        Baseline big = Baseline.parse(llama70bEngine(60_000), "llm.json", Path.of("."));
        Alternative four = QuickAlternatives.of(big, CATALOGUE, null).alternatives().stream()
                .filter(a -> a.name().startsWith("Cheaper GPU"))
                .findFirst()
                .orElseThrow();
        assertEquals("Cheaper GPU, Standard_NC96ads_A100_v4", four.name());
        assertEquals(
                "a100-80gb-llama2-70b-tp4",
                four.build(big, CATALOGUE)
                        .scenario()
                        .fleet()
                        .pools()
                        .get(0)
                        .model()
                        .llmEngine()
                        .profile());
    }

    private static final Path OVERNIGHT = Path.of("simulations/batch/overnight-embedding.json");

    @Test
    void aBatchJobIsTriedAllOnDemandWithHourlyCheckpointsAndWithAFallbackAtTheDeadlineOnly() {
        Baseline b = Baseline.load(OVERNIGHT);
        QuickAlternatives.Made made = QuickAlternatives.of(b, CATALOGUE, null);
        assertEquals(List.of(), made.skipped());
        List<Alternative.Built> built =
                made.alternatives().stream().map(a -> a.build(b, CATALOGUE)).toList();
        assertEquals(
                List.of("All on demand", "Hourly checkpoints", "Deadline fallback"),
                built.stream().map(x -> x.alternative().name()).toList());
        var onDemand = built.get(0).scenario().batch().fleet();
        assertEquals(0, onDemand.spotInstances(), "the baseline's six spot VMs all on demand");
        assertEquals(6, onDemand.instances());
        assertEquals(3600, built.get(1).scenario().batch().checkpoint().intervalS(), 0);
        assertEquals(900, b.scenario().batch().checkpoint().intervalS(), 0, "the baseline is untouched");
        var fallback = built.get(2).scenario().batch().fleet().fallback();
        assertEquals(null, fallback.afterInterruptions(), "no longer after the third preemption");
        assertTrue(fallback.whenDeadlineAtRisk());
        assertTrue(
                made.prices().getFirst().startsWith("on-demand g2-standard-4 $"),
                made.prices().toString());
        assertTrue(made.prices().getFirst().contains("(as of "), made.prices().toString());
    }

    @Test
    void aBatchJobsOneClickAlternativeThatWouldChangeNothingOrCannotApplyIsLeftOutWithTheReason()
            throws java.io.IOException {
        String job = java.nio.file.Files.readString(OVERNIGHT);
        // All on demand already, checkpoints every hour: nothing to move off spot, nothing to fall back from.
        String onDemand = job.replace("\"spot_share\": 1.0", "\"spot_share\": 0")
                .replace("\"interval_s\": 900", "\"interval_s\": 3600");
        QuickAlternatives.Made made =
                QuickAlternatives.of(Baseline.parse(onDemand, "od.json", Path.of(".")), CATALOGUE, null);
        assertEquals(List.of(), made.alternatives());
        assertEquals(
                List.of(
                        "All on demand: the job runs on demand already (no spot instances)",
                        "Hourly checkpoints: the job checkpoints every hour already",
                        "Deadline fallback: the job has no spot instances to fall back from"),
                made.skipped());

        // No deadline: a fallback at the deadline has nothing to keep.
        String noDeadline =
                job.replace(", \"when_deadline_at_risk\": true", "").replaceAll(",\\s*\"deadline_s\": 28800", "");
        made = QuickAlternatives.of(Baseline.parse(noDeadline, "nd.json", Path.of(".")), CATALOGUE, null);
        assertEquals(
                List.of("All on demand", "Hourly checkpoints"),
                made.alternatives().stream().map(Alternative::name).toList());
        assertEquals(List.of("Deadline fallback: the job has no deadline (deadline_s)"), made.skipped());

        // Falling back at the deadline only already.
        String deadlineOnly = job.replace("\"after_interruptions\": 3, ", "");
        made = QuickAlternatives.of(Baseline.parse(deadlineOnly, "d.json", Path.of(".")), CATALOGUE, null);
        assertEquals(List.of("Deadline fallback: the job falls back at the deadline only already"), made.skipped());
    }
}
