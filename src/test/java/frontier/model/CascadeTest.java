package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.Pools;
import frontier.model.pool.Precision;
import frontier.model.traffic.PoissonTraffic;
import frontier.sim.InvalidSpecException;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Exponential;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a cascade routes requests, what it reports, and what model variants (speed, quality) change. */
class CascadeTest {
    private static ModelProfile model(String name, double serviceS, Double quality) {
        return new ModelProfile(name, new Deterministic(serviceS), null, null, null, quality, null, null, null);
    }

    private static AlwaysOnPool pool(String name, ModelProfile model) {
        return new AlwaysOnPool(name, 50, 1, model, null, null, null, null, null, null);
    }

    private static RunResult run(
            List<Pools> pools, List<RequestClass> classes, CascadeSpec cascade, long requests, RunListener listener) {
        FleetSpec spec = new FleetSpec(
                new PoissonTraffic(5),
                pools,
                classes,
                null,
                null,
                new RunSpec(null, requests, null, 0L, 1, 5L),
                cascade);
        return ServingModel.run(spec, null, new RandomStreams(5, 0), RunControl.NONE, listener);
    }

    @Test
    void classRoutesOverrideTheRuleAndSkipFirstGoesStraightToTheSecondPool() {
        List<RequestClass> classes = List.of(
                new RequestClass("hard", 0.2, null, "small"),
                new RequestClass("easy", 0.5, null, "small"),
                new RequestClass("vip", 0.1, null, "small"),
                new RequestClass("other", 0.2, null, "small"));
        CascadeSpec cascade = new CascadeSpec(
                "small",
                "full",
                0.5,
                null,
                null,
                Map.of(
                        "hard",
                        CascadeSpec.Route.ESCALATE,
                        "easy",
                        CascadeSpec.Route.FIRST_ONLY,
                        "vip",
                        CascadeSpec.Route.SKIP_FIRST));
        Map<String, Map<String, Integer>> poolByClass = new HashMap<>();
        RunResult r = run(
                List.of(pool("small", model("8b", 0.1, null)), pool("full", model("70b", 1.0, null))),
                classes,
                cascade,
                20_000,
                o -> poolByClass
                        .computeIfAbsent(o.requestClass(), k -> new HashMap<>())
                        .merge(o.pool(), 1, Integer::sum));
        // Every hard request ends at the full pool, every easy one at the small pool, vip ones never touch the small
        // pool.
        assertEquals(java.util.Set.of("full"), poolByClass.get("hard").keySet());
        assertEquals(Map.of("small", poolByClass.get("easy").get("small")), poolByClass.get("easy"));
        assertEquals(Map.of("full", poolByClass.get("vip").get("full")), poolByClass.get("vip"));
        assertEquals(
                2,
                poolByClass.get("other").size(),
                "the rule (p = 0.5) sends some 'other' requests on and keeps others");
        long vip = poolByClass.get("vip").get("full");
        assertEquals(vip, r.metric(Metric.CASCADE_SKIPPED_FIRST.path()));
        // Escalated: all hard ones and about half the others; the small pool finished everything but the vip requests.
        double hard = r.metric("classes.hard.completed");
        double other = r.metric("classes.other.completed");
        assertEquals(hard + other / 2, r.metric(Metric.CASCADE_ESCALATED.path()), 4 * Math.sqrt(other / 4));
        // Latency by path: a skipped request takes the full model's 1 s, an escalated one 0.1 + 1 s, a first-only one
        // 0.1 s.
        assertEquals(1000, r.metric("cascade.skipped_first_latency_ms.mean"), 1e-6);
        assertEquals(1100, r.metric("cascade.escalated_latency_ms.mean"), 1e-6);
        assertEquals(100, r.metric("cascade.first_only_latency_ms.mean"), 1e-6);
        assertEquals(1100, r.metric("cascade.escalated_latency_ms.max"), 1100 * 1e-3, "HdrHistogram's 0.1%");
        // An escalated request's wait and service add up to its latency: service is both stages' service.
        assertEquals(r.metric("latency_ms.mean"), r.metric("wait_ms.mean") + r.metric("service_ms.mean"), 1e-6);
    }

    @Test
    void aCascadeWithoutEscalationsIsTheFirstPoolAlone() {
        List<Pools> pools = List.of(pool("small", model("8b", 0.1, null)), pool("full", model("70b", 1.0, null)));
        RunResult with = run(pools, null, new CascadeSpec("small", "full", 0.0, null, null, null), 5_000, null);
        RunResult without = run(pools, null, null, 5_000, null);
        assertEquals(without.metric("latency_ms.p99"), with.metric("latency_ms.p99"));
        assertEquals(0, with.metric(Metric.CASCADE_ESCALATED.path()));
        assertEquals(0, with.metric("pools.full.completed"));
        assertFalse(
                without.metrics().containsKey(Metric.CASCADE_ESCALATED.path()), "cascade metrics only with a cascade");
    }

    @Test
    void qualityIsTheMixOfTheModelsByTheShareEachAnswered() {
        List<Pools> pools = List.of(pool("small", model("8b", 0.1, 0.70)), pool("full", model("70b", 1.0, 0.85)));
        RunResult r = run(pools, null, new CascadeSpec("small", "full", 0.2, null, null, null), 20_000, null);
        double e = r.metric(Metric.CASCADE_ESCALATED.path()) / r.metric(Metric.COMPLETED.path());
        // Every completion is credited with the quality of the model that answered it; the escalated share decides the
        // mix
        // (requests escalated but still in the second stage at the stop make the two shares differ by a few in 20,000).
        assertEquals((1 - e) * 0.70 + e * 0.85, r.metric(Metric.QUALITY.path()), 0.15 * 10 / 20_000.0);
        assertEquals(0.70 + 0.2 * 0.15, r.metric(Metric.QUALITY.path()), 0.15 * 4 * Math.sqrt(0.16 / 20_000));
        // No quality figure on a pool: no quality metric.
        RunResult none = run(
                List.of(pool("small", model("8b", 0.1, 0.70)), pool("full", model("70b", 1.0, null))),
                null,
                new CascadeSpec("small", "full", 0.2, null, null, null),
                1_000,
                null);
        assertFalse(none.metrics().containsKey(Metric.QUALITY.path()));
    }

    @Test
    void aSpeedFactorDividesTheServiceTime() {
        ModelProfile fp8 =
                new ModelProfile("70b-fp8", Exponential.ofMean(1.0), null, null, null, 0.84, Precision.FP8, null, 1.6);
        RunResult r = run(List.of(pool("gpu", fp8)), null, null, 20_000, null);
        // Exponential service, mean 1/1.6 s: 20,000 draws have a standard error of 0.625/√20,000; 4 of them.
        assertEquals(1000 / 1.6, r.metric("service_ms.mean"), 4 * 625 / Math.sqrt(20_000));
        assertEquals(0.84, r.metric(Metric.QUALITY.path()), 1e-12);
    }

    @Test
    void theWorkEstimateCountsTheSecondStageOfEscalatedRequests() {
        List<Pools> pools = List.of(pool("small", model("8b", 0.1, null)), pool("full", model("70b", 1.0, null)));
        FleetSpec spec = new FleetSpec(
                new PoissonTraffic(5),
                pools,
                null,
                null,
                null,
                new RunSpec(null, 10_000L, null, 0L, 1, 5L),
                new CascadeSpec("small", "full", 0.2, null, null, null));
        WorkEstimate.Term t = WorkEstimate.of(spec, 1, false).terms().stream()
                .filter(x -> x.field().equals("$.cascade"))
                .findFirst()
                .orElseThrow();
        assertEquals(10_000 * 0.2 * 2, t.events(), 1e-9);
        // The estimate bounds what a run executes: the engine's own count of events.
        RunResult r = ServingModel.run(spec, null, new RandomStreams(5, 0), RunControl.NONE);
        assertTrue(r.events() <= WorkEstimate.of(spec, 1, false).events() * 1.1, r.events() + " events");
    }

    @Test
    void specErrorsNameTheField() {
        List<Pools> pools = List.of(pool("small", model("8b", 0.1, null)), pool("full", model("70b", 1.0, null)));
        var e = assertThrows(
                InvalidSpecException.class, () -> new CascadeSpec("small", "small", 0.2, null, null, null));
        assertEquals("second", e.field());
        e = assertThrows(InvalidSpecException.class, () -> new CascadeSpec("small", "full", null, null, null, null));
        assertEquals("probability", e.field());
        e = assertThrows(
                InvalidSpecException.class,
                () -> new CascadeSpec("small", "full", null, Exponential.ofMean(1), null, null));
        assertEquals("threshold", e.field());
        e = assertThrows(
                InvalidSpecException.class,
                () -> new FleetSpec(
                        new PoissonTraffic(1),
                        pools,
                        null,
                        null,
                        null,
                        new RunSpec(null, 10L, null, 0L, 1, 1L),
                        new CascadeSpec("full", "small", 0.2, null, null, null)));
        assertEquals("cascade.first", e.field());
        assertTrue(e.getMessage().contains("list the cascade's first pool first"), e.getMessage());
        e = assertThrows(
                InvalidSpecException.class,
                () -> new ModelProfile(
                        "x",
                        null,
                        null,
                        new frontier.model.pool.LlmEngineSpec(
                                "h100-80gb-llama2-70b-tp2",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        null,
                        null,
                        null,
                        null,
                        2.0));
        assertEquals("speed_factor", e.field());
    }
}
