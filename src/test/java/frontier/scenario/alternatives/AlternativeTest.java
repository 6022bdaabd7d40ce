package frontier.scenario.alternatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.cost.PriceCatalogue;
import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.AutoscaledPool;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.scenario.ScenarioException;
import frontier.sim.BadInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alternatives are edits of the baseline's JSON tree, read back through the strict loader. */
class AlternativeTest {
    private static final PriceCatalogue CATALOGUE = PriceCatalogue.shipped();
    /** Two always-on g5.xlarge instances behind a cache; requests carry tokens. */
    static final String FLEET = """
            {"name": "chat", "traffic": {"type": "poisson", "rate_per_s": 3},
             "tokens": {"input": {"type": "deterministic", "value": 500}, "output": {"type": "deterministic", "value": 100}},
             "cache": {"hit_ratio": 0.1, "latency_ms": 3},
             "pools": [{"type": "always_on", "name": "gpu", "instances": 2, "concurrency": 4,
                        "model": {"name": "llama-8b", "service": {"type": "lognormal", "mean": 1.0, "cv": 0.5}},
                        "price": {"provider": "aws", "instance_type": "g5.xlarge"}}],
             "run": {"duration_s": 1800, "warmup_s": 120, "replications": 3, "seed": 5}}
            """;

    static Baseline fleet() {
        return Baseline.parse(FLEET, "chat.json", Path.of("."));
    }

    @Test
    void spotMakesASpotPoolOnSpotPricesThatOverflowsToOneOnDemandInstanceOfTheSameType() {
        Alternative.Built b =
                Alternative.of(new Change.PoolKind(null, Change.Kind.SPOT)).build(fleet(), CATALOGUE);
        var pools = b.scenario().fleet().pools();
        assertEquals(2, pools.size());
        SpotPool spot = assertInstanceOf(SpotPool.class, pools.get(0));
        AlwaysOnPool fallback = assertInstanceOf(AlwaysOnPool.class, pools.get(1));
        assertEquals("gpu", spot.name());
        assertEquals(2, spot.instances());
        assertEquals("gpu-on-demand", spot.overflowTo());
        assertEquals(1, fallback.instances());
        assertEquals(0.4125, spot.price().usdPerHour(), 1e-9, "the catalogue's spot price of g5.xlarge");
        assertEquals(1.006, fallback.price().usdPerHour(), 1e-9, "its on-demand price");
        assertEquals(">20%", spot.interruption().bucket(), "the Spot Advisor bucket of g5.xlarge in us-east-1");
        assertTrue(
                b.notes().stream().anyMatch(n -> n.contains("120 s cold start")),
                b.notes().toString());
    }

    @Test
    void theAlternativeKeepsTheBaselinesRunSoBothDrawTheSameRandomNumbers() {
        Alternative.Built b = Alternative.parse("kind=serverless").build(fleet(), CATALOGUE);
        assertEquals(fleet().scenario().run(), b.scenario().run());
    }

    @Test
    void serverlessOnAGpuTypeIsBilledAsCloudRunWithAGpuAndLosesItsQueue() {
        Alternative.Built b = Alternative.parse("kind=serverless; keep_alive_s=300; keep_warm=1")
                .build(fleet(), CATALOGUE);
        ServerlessPool p = assertInstanceOf(
                ServerlessPool.class, b.scenario().fleet().pools().getFirst());
        assertEquals(300, p.keepAliveS());
        assertEquals(1, p.provisioned());
        assertEquals(
                "cloud-run-gpu-l4", b.tree().at("/pools/0/billing/platform").asText());
        assertEquals(1, p.billing().gpus(), 1e-12);
    }

    @Test
    void autoscaledStartsAtTodaysCountAndMayDoubleIt() {
        Alternative.Built b =
                Alternative.parse("pool.kind=autoscaled; keep_warm=1").build(fleet(), CATALOGUE);
        AutoscaledPool p = assertInstanceOf(
                AutoscaledPool.class, b.scenario().fleet().pools().getFirst());
        assertEquals(4, p.maxInstances());
        assertEquals(2, p.initialInstances());
        assertEquals(1, p.keepWarm());
        assertEquals(120, p.coldStart().mean(), 1e-9);
    }

    @Test
    void changesAfterAKindChangeApplyToTheNewPoolWhateverTheOrderWritten() {
        Alternative.Built b = Alternative.parse("instances=5; instance_type=g4dn.xlarge; kind=spot")
                .build(fleet(), CATALOGUE);
        SpotPool spot =
                assertInstanceOf(SpotPool.class, b.scenario().fleet().pools().getFirst());
        assertEquals(5, spot.instances());
        assertEquals(0.1894, spot.price().usdPerHour(), 1e-9);
        assertEquals(
                0.526,
                b.scenario().fleet().pools().get(1).price().usdPerHour(),
                1e-9,
                "the fallback runs the same type on demand");
    }

    @Test
    void instanceTypeKeepsTheProviderAndTakesTheCataloguePrice() {
        Alternative.Built b = Alternative.parse("instance_type=g5.2xlarge").build(fleet(), CATALOGUE);
        assertEquals(1.212, b.scenario().fleet().pools().getFirst().price().usdPerHour(), 1e-9);
        assertEquals("aws", b.tree().at("/pools/0/price/provider").asText());
    }

    @Test
    void anInstanceTypeTheCatalogueDoesNotHaveIsReportedWithTheAlternativesName() {
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> Alternative.parse("name=bigger; instance_type=g9.huge")
                        .build(fleet(), CATALOGUE));
        assertTrue(e.getMessage().startsWith("chat.json (alternative \"bigger\"): "), e.getMessage());
        assertTrue(e.getMessage().contains("g9.huge"), e.getMessage());
    }

    @Test
    void keepWarmOnAnAlwaysOnPoolSaysWhyItCannotApply() {
        ScenarioException e = assertThrows(
                ScenarioException.class, () -> Alternative.parse("keep_warm=1").build(fleet(), CATALOGUE));
        assertTrue(e.getMessage().contains("keep-N-warm is for autoscaled and serverless pools"), e.getMessage());
    }

    @Test
    void aValueTheLoaderRefusesIsReportedWithItsJsonPathAndNoLineOfTheGeneratedFile() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Alternative.parse("$.pools[0].concurrency=0")
                .build(fleet(), CATALOGUE));
        assertTrue(e.getMessage().contains("$.pools[0].concurrency"), e.getMessage());
        assertFalse(e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void anInlinePriceHasNoSpotPriceSoSpotNeedsAnInstanceType() {
        Baseline inline = Baseline.parse(
                FLEET.replace("\"provider\": \"aws\", \"instance_type\": \"g5.xlarge\"", "\"usd_per_hour\": 2"),
                "inline.json",
                Path.of("."));
        ScenarioException e = assertThrows(
                ScenarioException.class, () -> Alternative.parse("kind=spot").build(inline, CATALOGUE));
        assertTrue(e.getMessage().contains("choose an instance type"), e.getMessage());
        Alternative.Built ok =
                Alternative.parse("kind=spot; instance_type=g5.xlarge").build(inline, CATALOGUE);
        assertEquals(0.4125, ok.scenario().fleet().pools().getFirst().price().usdPerHour(), 1e-9);
    }

    @Test
    void fromServerlessAnInstancePoolNeedsAnInstanceTypeForItsPrice() {
        Baseline serverless = Baseline.parse(
                Alternative.parse("kind=serverless").build(fleet(), CATALOGUE).json(), "s.json", Path.of("."));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Alternative.parse("kind=on_demand")
                .build(serverless, CATALOGUE));
        assertTrue(e.getMessage().contains("has no hourly price"), e.getMessage());
        var p = Alternative.parse("kind=on_demand; instances=3; instance_type=g5.xlarge")
                .build(serverless, CATALOGUE)
                .scenario()
                .fleet()
                .pools()
                .getFirst();
        assertEquals(3, assertInstanceOf(AlwaysOnPool.class, p).instances());
    }

    @Test
    void aQuantisedModelVariantScalesServiceTimesAndKeepsTheSpread() {
        Alternative.Built b = Alternative.parse("model=llama-8b-int8*0.6").build(fleet(), CATALOGUE);
        var model = b.scenario().fleet().pools().getFirst().model();
        assertEquals("llama-8b-int8", model.name());
        assertEquals(0.6, model.service().mean(), 1e-12);
        assertEquals(0.5, model.service().cv(), 1e-12);
    }

    @Test
    void batchingAPoolWithoutItTakesBatchTimesFromItsMeanServiceTime() {
        Alternative.Built b = Alternative.parse("batching=8/0.05").build(fleet(), CATALOGUE);
        var batching = b.scenario().fleet().pools().getFirst().batching();
        assertEquals(8, batching.maxBatch());
        assertEquals(1.0, batching.meanTime(1), 1e-12, "a batch of one takes the mean service time");
        assertEquals(0.75 + 0.25 * 8, batching.meanTime(8), 1e-12);
    }

    @Test
    void cacheHitRatioKeepsTheCachesLatencyAndZeroRemovesTheCache() {
        assertEquals(
                0.3,
                Alternative.parse("cache_hit_ratio=0.3")
                        .build(fleet(), CATALOGUE)
                        .scenario()
                        .cache()
                        .hitRatio(),
                1e-12);
        assertEquals(
                3,
                Alternative.parse("cache_hit_ratio=0.3")
                        .build(fleet(), CATALOGUE)
                        .scenario()
                        .cache()
                        .latencyMs(),
                1e-12);
        assertEquals(
                null,
                Alternative.parse("cache_hit_ratio=0")
                        .build(fleet(), CATALOGUE)
                        .scenario()
                        .cache());
    }

    @Test
    void theSimplePoolFormBecomesAnAlwaysOnPoolBeforeItIsChanged() {
        Baseline simple = Baseline.load(Path.of("simulations/llm-steady-poisson.json"));
        Alternative.Built b =
                Alternative.parse("kind=autoscaled; instance_type=g5.xlarge").build(simple, CATALOGUE);
        JsonNode pools = b.tree().get("pools");
        assertFalse(b.tree().has("pool"));
        assertEquals("gpu-llm", pools.get(0).get("name").asText());
        assertInstanceOf(AutoscaledPool.class, b.scenario().fleet().pools().getFirst());
    }

    @Test
    void changesApplyToThePoolNamedBeforeThem() {
        Baseline hybrid = Baseline.load(Path.of("simulations/fleet/hybrid-on-demand-plus-spot.json"));
        Alternative.Built b = Alternative.parse("pool=spot; instances=2; pool=on-demand; instances=3")
                .build(hybrid, CATALOGUE);
        assertEquals(
                List.of(3, 2),
                b.scenario().fleet().pools().stream()
                        .map(p -> p instanceof SpotPool s ? s.instances() : ((AlwaysOnPool) p).instances())
                        .toList());
        ScenarioException e = assertThrows(ScenarioException.class, () -> Alternative.parse("pool=gpu; instances=2")
                .build(hybrid, CATALOGUE));
        assertTrue(e.getMessage().contains("there is no pool 'gpu' (the pools are: on-demand, spot)"), e.getMessage());
    }

    @Test
    void badAltTextIsBadInputNamingWhatWasExpected() {
        assertTrue(assertThrows(BadInputException.class, () -> Alternative.parse("kind"))
                .getMessage()
                .contains("expected KEY=VALUE"));
        assertTrue(assertThrows(BadInputException.class, () -> Alternative.parse("colour=red"))
                .getMessage()
                .contains("unknown change"));
        assertTrue(assertThrows(BadInputException.class, () -> Alternative.parse("instances=two"))
                .getMessage()
                .contains("expected a number"));
        assertTrue(assertThrows(BadInputException.class, () -> Alternative.parse("kind=mainframe"))
                .getMessage()
                .contains("on_demand, autoscaled, spot or serverless"));
        assertTrue(assertThrows(BadInputException.class, () -> Alternative.parse("name=x"))
                .getMessage()
                .contains("at least one change"));
    }

    @Test
    void fieldLabelsNameThePoolKindAndUnits() {
        Baseline hybrid = Baseline.load(Path.of("simulations/fleet/hybrid-on-demand-plus-spot.json"));
        assertEquals("Spot instances", FieldLabels.label(hybrid.tree(), "pools[1].instances"));
        assertEquals("On-demand instances", FieldLabels.label(hybrid.tree(), "pools[0].instances"));
        assertEquals("Replacement delay (s)", FieldLabels.label(hybrid.tree(), "pools[1].replacement_delay_s"));
        // Both pools have slots per instance: each label names its pool's kind, so the sweep editor's rows differ.
        assertEquals("Slots per instance (On-demand)", FieldLabels.label(hybrid.tree(), "pools[0].concurrency"));
        assertEquals("Slots per instance (Spot)", FieldLabels.label(hybrid.tree(), "pools[1].concurrency"));
        assertEquals(
                "Keep-alive (s)",
                FieldLabels.label(null, "pools[0].keep_alive_s").replace(" (pool 1)", ""));
        assertEquals("Cache hit ratio", FieldLabels.label(null, "cache.hit_ratio"));
        assertEquals("Classes 2 share", FieldLabels.label(null, "classes[1].share"));
        assertTrue(FieldLabels.sweepable(hybrid.tree()).stream()
                .anyMatch(f -> f.path().equals("pools[1].instances") && f.integer() && f.value() == 6));
    }
}
