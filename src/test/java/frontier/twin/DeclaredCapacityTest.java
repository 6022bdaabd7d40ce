package frontier.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.domain.PoolKind;
import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import frontier.store.Workspace;
import frontier.testing.VllmH100Log;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capacity declared in the app for an endpoint the bill shows none for: priced from the catalogue, said so in the
 * twin's notes, and the GPU a log's names mention chosen first.
 */
class DeclaredCapacityTest {
    private static final PriceCatalogue CATALOGUE = PriceCatalogue.shipped();

    @TempDir
    Path dir;

    private static InstancePrice onDemand(String provider, String region, String type) {
        return CATALOGUE
                .instance(provider, region, type, PricingModel.ON_DEMAND)
                .orElseThrow();
    }

    @Test
    void onDemandCapacityIsPricedAtTheCataloguesRowAndSaysItsDate() {
        InstancePrice g5 = onDemand("aws", "us-east-1", "g5.2xlarge");
        DeclaredCapacity c =
                DeclaredCapacity.of(CATALOGUE, g5, PricingModel.ON_DEMAND, 3).orElseThrow();
        assertEquals(PoolKind.ALWAYS_ON, c.kind());
        assertEquals(3 * g5.usdPerHour().doubleValue(), c.usdPerHour(), 1e-9);
        PoolPlan plan = c.plan();
        assertEquals(3, plan.instances());
        assertEquals(g5.usdPerHour().doubleValue(), plan.usdPerHour(), 1e-12);
        assertEquals("g5.2xlarge", plan.instanceType());
        assertEquals("aws", plan.provider());
        assertEquals(0, plan.cost(), "nothing was billed");
        String note = c.note("chat");
        assertTrue(note.contains("price catalogue") && note.contains(g5.asOf().toString()), note);
        assertTrue(note.contains("3 × g5.2xlarge") && note.contains("on demand"), note);
    }

    @Test
    void spotCapacityTakesTheCataloguesSpotPriceAndInterruptionRate() {
        InstancePrice g5 = onDemand("aws", "us-east-1", "g5.2xlarge");
        DeclaredCapacity c =
                DeclaredCapacity.of(CATALOGUE, g5, PricingModel.SPOT, 2).orElseThrow();
        InstancePrice spot = CATALOGUE
                .instance("aws", "us-east-1", "g5.2xlarge", PricingModel.SPOT)
                .orElseThrow();
        assertEquals(PoolKind.SPOT, c.kind());
        assertEquals(spot.usdPerHour(), c.price().usdPerHour());
        assertTrue(spot.usdPerHour().compareTo(g5.usdPerHour()) < 0, "spot is cheaper than on demand");
        double hazard = CATALOGUE
                .interruption("aws", "us-east-1", "g5.2xlarge")
                .orElseThrow()
                .hazardPerHour();
        assertEquals(hazard, c.plan().hazardPerHour(), 1e-12);
        assertTrue(c.note("chat").contains("interruptions at the catalogue's rate"), c.note("chat"));
    }

    @Test
    void aTypeWithoutASpotPriceCannotBeDeclaredSpot() {
        PriceCatalogue onDemandOnly = PriceCatalogue.parse(
                "provider,region,instance_type,gpu_model,gpus,vcpus,memory_gib,pricing_model,usd_per_hour,source,as_of\n"
                        + "aws,us-east-1,g6.xlarge,L4,1,4,16,on_demand,0.8048,test,2025-06-01\n",
                "test catalogue");
        InstancePrice withoutSpot = onDemandOnly.instances().getFirst();
        assertTrue(DeclaredCapacity.of(onDemandOnly, withoutSpot, PricingModel.SPOT, 1)
                .isEmpty());
        assertTrue(DeclaredCapacity.of(onDemandOnly, withoutSpot, PricingModel.ON_DEMAND, 1)
                .isPresent());
        assertThrows(
                BadInputException.class,
                () -> new DeclaredCapacity(onDemand("aws", "us-east-1", "g5.2xlarge"), 0, null));
    }

    @Test
    void theGpuALogFileNamesIsSuggestedFewestGpusFirst() {
        List<InstancePrice> s =
                DeclaredCapacity.suggested(CATALOGUE, List.of("jan20-codellama-train-1", "vllm011_h100_otel.csv"));
        assertFalse(s.isEmpty());
        assertTrue(s.stream().allMatch(p -> p.gpuModel().startsWith("H100")), s + "");
        int fewest = s.stream().mapToInt(InstancePrice::gpus).min().orElseThrow();
        assertEquals(fewest, s.getFirst().gpus(), "fewest GPUs first");
        for (int i = 1; i < s.size(); i++) {
            InstancePrice a = s.get(i - 1), b = s.get(i);
            assertTrue(
                    a.gpus() < b.gpus()
                            || (a.gpus() == b.gpus() && a.usdPerHour().compareTo(b.usdPerHour()) <= 0),
                    a + " before " + b);
        }
        assertEquals(List.of(), DeclaredCapacity.suggested(CATALOGUE, List.of("chat", "small4all.csv")));
        assertTrue(DeclaredCapacity.suggested(CATALOGUE, List.of("bench-L4"))
                .getFirst()
                .gpuModel()
                .startsWith("L4"));
    }

    @Test
    void theModelALogsNamesSuggestIsTheOnlyModelOfTheFamilyTheyNameOrTheOneTheySpellOut() {
        assertEquals(
                java.util.Optional.of("codellama-34b"),
                DeclaredCapacity.suggestedModel(List.of("jan20-codellama-train-1", "vllm011_h100_otel.csv")));
        assertEquals(
                java.util.Optional.of("codellama-34b"),
                DeclaredCapacity.suggestedModel(List.of("vllm011_h100_codellama34b_guidellm_sweep_requests.csv")));
        assertEquals(
                java.util.Optional.of("llama2-70b"), DeclaredCapacity.suggestedModel(List.of("meta/Llama-2-70B-chat")));
        // Llama 2 at another size than the table's: not suggested as the 70B.
        assertEquals(java.util.Optional.empty(), DeclaredCapacity.suggestedModel(List.of("llama2-7b-chat")));
        assertEquals(java.util.Optional.empty(), DeclaredCapacity.suggestedModel(List.of("jan21-llama7b-train-1")));
        assertEquals(java.util.Optional.empty(), DeclaredCapacity.suggestedModel(List.of("chat", "small4all.csv")));
    }

    @Test
    void aGpuMemoryTheNamesStateDecidesBetweenTypesOfAsManyGpusButNeverAddsGpus() {
        // The catalogue's 80 GB H100 types have 4 and 8 GPUs; its one-GPU H100 is the NVL 94 GB: a name that says
        // 80GB still gets the one-GPU type, as four or eight GPUs would cost four or eight times as much.
        List<InstancePrice> s = DeclaredCapacity.suggested(CATALOGUE, List.of("bench_h100_80gb.csv"));
        assertEquals("Standard_NC40ads_H100_v5", s.getFirst().instanceType());
        // Among the one-GPU A100 types, "40GB" puts GCP's A100 40 GB first, though Azure's A100 80 GB is cheaper
        // (by 0.0004 USD/h); "80GB" puts Azure's first.
        List<InstancePrice> a40 = DeclaredCapacity.suggested(CATALOGUE, List.of("a100 40gb run"));
        List<InstancePrice> a80 = DeclaredCapacity.suggested(CATALOGUE, List.of("a100 80gb run"));
        assertEquals(1, a40.getFirst().gpus());
        assertEquals("A100-40GB", a40.getFirst().gpuModel());
        assertEquals("A100-80GB", a80.getFirst().gpuModel());
    }

    @Test
    void theWalkthroughsTwinWithItsModelDeclaredIsOfferedTheCheaperA100() throws Exception {
        Path ws = dir.resolve("ws.sqlite");
        InstancePrice h100 =
                DeclaredCapacity.suggested(CATALOGUE, List.of(VllmH100Log.FILE)).getFirst();
        DeclaredCapacity c = DeclaredCapacity.of(CATALOGUE, h100, PricingModel.ON_DEMAND, 1)
                .orElseThrow()
                .withModel("codellama-34b");
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            VllmH100Log.importInto(w);
            twin = Calibrator.calibrate(
                    w, new Calibrator.Options(VllmH100Log.ENDPOINT, false, 0, 1, null, c), dir.resolve("twin.json"));
        }
        assertEquals(
                "codellama-34b",
                twin.scenario().get("pools").get(0).get("model").get("name").asText());
        long peak = twin.loaded().observed().peakKvTokens();
        // Computed apart from the file in Python, the same way (prompt from the first token, output growing evenly to
        // the end): 42,199 tokens, 7.7 GiB of CodeLlama-34B's 192 KiB a token, within the 7.4–8.2 GiB of KV cache the
        // log's own vLLM reported on its 80 GB GPU (llm/SOURCES.md). One A100 80 GB leaves about 44,500.
        assertEquals(42_199, peak, 1, "peak KV tokens");
        var base = frontier.scenario.alternatives.Baseline.load(dir.resolve("twin.json"));
        var made = frontier.scenario.alternatives.QuickAlternatives.of(base, CATALOGUE, null);
        assertEquals(
                "Cheaper GPU, Standard_NC24ads_A100_v4",
                made.alternatives().getLast().name(),
                made.skipped().toString());
        assertTrue(made.prices().getLast().contains("chosen as it holds codellama-34b's 62.9 GiB"), made.prices() + "");
    }

    @Test
    void aTwinWithoutABillRunsOnTheDeclaredCapacityAtTheCataloguePrice() throws Exception {
        Path ws = dir.resolve("ws.sqlite");
        InstancePrice h100 =
                DeclaredCapacity.suggested(CATALOGUE, List.of(VllmH100Log.FILE)).getFirst();
        DeclaredCapacity c =
                DeclaredCapacity.of(CATALOGUE, h100, PricingModel.ON_DEMAND, 1).orElseThrow();
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            VllmH100Log.importInto(w);
            twin = Calibrator.calibrate(
                    w, new Calibrator.Options(VllmH100Log.ENDPOINT, false, 0, 1, null, c), dir.resolve("twin.json"));
        }
        JsonNode pool = twin.scenario().get("pools").get(0);
        assertEquals("always_on", pool.get("type").asText());
        assertEquals(1, pool.get("instances").asInt());
        assertEquals(
                h100.usdPerHour().doubleValue(),
                pool.get("price").get("usd_per_hour").asDouble(),
                1e-6);
        assertEquals(h100.instanceType(), pool.get("price").get("instance_type").asText());
        String description = twin.loaded().description();
        assertTrue(description.contains("priced from the price catalogue"), description);
        assertTrue(description.contains(h100.asOf().toString()), description);
        assertNull(twin.loaded().observed().costUsd(), "declared capacity was not billed: no observed cost");
    }
}
