package frontier.scenario.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.scenario.ScenarioException;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SweepTest {
    /** A small fleet: an autoscaled pool whose policy type, size and cold start are swept. */
    static final String FLEET = """
            {"name": "small", "description": "test",
             "traffic": {"type": "poisson", "rate_per_s": 4},
             "pools": [{"type": "autoscaled", "name": "gpu", "concurrency": 2, "max_instances": 6, "keep_warm": 1,
                        "model": {"service": {"type": "exponential", "mean": 0.5}},
                        "policy": {"type": "target_rps", "per_instance": 2},
                        "cold_start": {"type": "deterministic", "value": 30},
                        "price": {"usd_per_hour": 1.2}}],
             "run": {"duration_s": 1800, "warmup_s": 60, "replications": 2, "seed": 3},
             "sweep": SWEEP}
            """;

    static Sweep sweep(String sweepJson) {
        return Sweep.parse(FLEET.replace("SWEEP", sweepJson), "test.json", Path.of("."));
    }

    @Test
    void gridRunsEveryCombinationInNestedLoopOrderWithStringValues() {
        Sweep s = sweep("""
                {"parameters": [{"path": "$.pools[0].keep_warm", "values": [1, 2]},
                                {"path": "pools[0].policy", "values": [{"type": "target_rps", "per_instance": 2}, {"type": "hpa", "target": 0.6}]},
                                {"path": "$.pools[0].cold_start.type", "values": ["deterministic"]}]}""");
        assertEquals(List.of("pools[0].keep_warm", "pools[0].policy", "pools[0].cold_start.type"), s.paths());
        assertEquals(4, s.points().size());
        assertEquals(1, s.points().get(1).config().get("pools[0].keep_warm").intValue());
        assertEquals(
                "hpa",
                s.points().get(1).config().get("pools[0].policy").get("type").asText());
        assertEquals(2, s.points().get(2).config().get("pools[0].keep_warm").intValue());
        assertTrue(
                s.points().get(3).scenario().pools().getFirst().toString().contains("Hpa"),
                s.points().get(3).scenario().pools().toString());
        assertEquals(2, s.replicationsPerPoint(), "defaults to run.replications");
        assertEquals(3, s.seed(), "defaults to run.seed");
    }

    @Test
    void rangesAreDecimalAndWholeWhenFromAndStepAre() {
        Sweep s = sweep(
                "{\"parameters\": [{\"path\": \"$.traffic.rate_per_s\", \"range\": {\"from\": 0.1, \"to\": 0.5, \"step\": 0.1}}]}");
        List<String> values = s.points().stream()
                .map(p -> p.config().get("traffic.rate_per_s").toString())
                .toList();
        assertEquals(List.of("0.1", "0.2", "0.3", "0.4", "0.5"), values);
        Sweep w = sweep(
                "{\"parameters\": [{\"path\": \"$.pools[0].max_instances\", \"range\": {\"from\": 2, \"to\": 6, \"step\": 2}}]}");
        assertEquals(
                List.of("2", "4", "6"),
                w.points().stream()
                        .map(p -> p.config().get("pools[0].max_instances").toString())
                        .toList());
    }

    @Test
    void latinHypercubePutsOnePointInEveryStratumAndIntegersStayIntegers() {
        Sweep s = sweep("""
                {"method": "latin_hypercube", "samples": 10, "seed": 9,
                 "parameters": [{"path": "$.traffic.rate_per_s", "sample": {"low": 1, "high": 5}},
                                {"path": "$.pools[0].max_instances", "sample": {"low": 1, "high": 10, "integer": true}}]}""");
        Set<Integer> strata = new HashSet<>();
        Set<Integer> instances = new HashSet<>();
        for (SweepPoint p : s.points()) {
            double rate = p.config().get("traffic.rate_per_s").doubleValue();
            assertTrue(rate >= 1 && rate < 5);
            strata.add((int) ((rate - 1) / 0.4));
            assertTrue(p.config().get("pools[0].max_instances").isIntegralNumber());
            instances.add(p.config().get("pools[0].max_instances").intValue());
        }
        assertEquals(10, strata.size(), "one point per tenth of [1, 5)");
        assertEquals(10, instances.size(), "ten whole numbers 1..10, one per stratum");
        // The design depends on the seed only.
        Sweep again = sweep("""
                {"method": "latin_hypercube", "samples": 10, "seed": 9,
                 "parameters": [{"path": "$.traffic.rate_per_s", "sample": {"low": 1, "high": 5}},
                                {"path": "$.pools[0].max_instances", "sample": {"low": 1, "high": 10, "integer": true}}]}""");
        assertEquals(
                s.points().stream().map(SweepPoint::config).toList(),
                again.points().stream().map(SweepPoint::config).toList());
    }

    @Test
    void aPathThatDoesNotExistIsAnErrorNamingThePath() {
        var e = assertThrows(
                ScenarioException.class,
                () -> sweep("{\"parameters\": [{\"path\": \"$.pools[0].keep_alive_s\", \"values\": [1]}]}"));
        assertTrue(
                e.getMessage()
                        .contains(
                                "$.sweep.parameters[0].path: pools[0].keep_alive_s does not exist: $.pools[0] has no field 'keep_alive_s'"),
                e.getMessage());
        var index = assertThrows(
                ScenarioException.class,
                () -> sweep("{\"parameters\": [{\"path\": \"$.pools[3].name\", \"values\": [\"x\"]}]}"));
        assertTrue(
                index.getMessage().contains("pools[3].name does not exist: $.pools has 1 element(s), no [3]"),
                index.getMessage());
        var bad = assertThrows(
                ScenarioException.class,
                () -> sweep("{\"parameters\": [{\"path\": \"$.pools[x]\", \"values\": [1]}]}"));
        assertTrue(bad.getMessage().contains("$.sweep.parameters[0].path: "), bad.getMessage());
        var self = assertThrows(
                ScenarioException.class,
                () -> sweep("{\"parameters\": [{\"path\": \"$.sweep.seed\", \"values\": [1]}]}"));
        assertTrue(self.getMessage().contains("a sweep cannot vary itself"), self.getMessage());
    }

    @Test
    void aValueTheScenarioRefusesIsReportedWithThePointAndTheFieldsPath() {
        var e = assertThrows(
                ScenarioException.class,
                () -> sweep("{\"parameters\": [{\"path\": \"$.pools[0].max_instances\", \"values\": [6, 0]}]}"));
        assertTrue(e.getMessage().contains("sweep point 1: pools[0].max_instances = 0"), e.getMessage());
        assertTrue(e.getMessage().contains("$.pools[0].max_instances: expected"), e.getMessage());
        assertFalse(
                e.getMessage().contains("(line "), "no line numbers of the generated configuration: " + e.getMessage());
        var type = assertThrows(
                ScenarioException.class,
                () -> sweep("{\"parameters\": [{\"path\": \"$.pools[0].policy.type\", \"values\": [\"hpa_typo\"]}]}"));
        assertTrue(type.getMessage().contains("$.pools[0].policy.type"), type.getMessage());
    }

    @Test
    void specErrorsCarryTheirJsonPath() {
        var e = assertThrows(
                ScenarioException.class,
                () -> sweep(
                        "{\"parameters\": [{\"path\": \"$.traffic.rate_per_s\", \"sample\": {\"low\": 1, \"high\": 2}}]}"));
        assertTrue(e.getMessage().contains("$.sweep.parameters[0].sample: "), e.getMessage());
        var missing = assertThrows(
                ScenarioException.class,
                () -> sweep(
                        "{\"method\": \"random\", \"parameters\": [{\"path\": \"$.traffic.rate_per_s\", \"values\": [1]}]}"));
        assertTrue(missing.getMessage().contains("$.sweep.samples: "), missing.getMessage());
        var unknown = assertThrows(
                ScenarioException.class,
                () -> sweep("{\"parameters\": [{\"path\": \"$.traffic.rate_per_s\", \"value\": [1]}]}"));
        assertTrue(
                unknown.getMessage().contains("$.sweep.parameters[0].value: unknown field 'value'"),
                unknown.getMessage());
    }

    @Test
    void resultsDoNotDependOnTheThreadCountAndEachPointHasItsOwnSeed() {
        Sweep s = sweep(
                "{\"replications_per_point\": 2, \"parameters\": [{\"path\": \"$.pools[0].max_instances\", \"values\": [3, 4, 5, 6]}]}");
        SweepResult one = new SweepRunner(1).run(s, RunControl.NONE);
        SweepResult two = new SweepRunner(2).run(s, RunControl.NONE);
        SweepResult three = new SweepRunner(3).run(s, RunControl.NONE);
        assertEquals(one, two);
        assertEquals(one, three);
        Set<Long> seeds = new HashSet<>();
        for (PointResult p : one.points()) {
            seeds.add(p.seed());
            assertEquals(Sweep.pointSeed(3, p.index()), p.seed());
            assertEquals(2, p.metrics().get("replications").intValue());
            assertTrue(p.metrics().has("ci95"));
            assertTrue(p.metric("cost_usd.per_1k_requests") > 0);
        }
        assertEquals(4, seeds.size());
        // A point alone gives what it gave among the others.
        PointResult alone = SweepRunner.runPoint(s.points().get(2), RunControl.NONE);
        assertEquals(one.points().get(2), alone);
    }

    @Test
    void withCommonRandomNumbersEveryPointSeesTheSameArrivals() {
        Sweep s = sweep(
                "{\"common_random_numbers\": true, \"parameters\": [{\"path\": \"$.pools[0].max_instances\", \"values\": [3, 6]},"
                        + " {\"path\": \"$.pools[0].cold_start.value\", \"values\": [5, 60]}]}");
        SweepResult r = new SweepRunner(2).run(s, RunControl.NONE);
        Set<Long> seeds = new HashSet<>();
        Set<Double> arrivals = new HashSet<>();
        for (PointResult p : r.points()) {
            seeds.add(p.seed());
            arrivals.add(p.metric("requests"));
        }
        assertEquals(Set.of(3L), seeds, "the sweep seed (run.seed) for every point");
        assertEquals(1, arrivals.size(), "Poisson arrivals do not depend on the configuration: " + arrivals);
    }

    @Test
    void progressReachesOneAndCancelStopsTheSweep() {
        Sweep s = sweep("{\"parameters\": [{\"path\": \"$.pools[0].max_instances\", \"values\": [3, 4, 5, 6]}]}");
        List<Double> seen = new ArrayList<>();
        new SweepRunner(2).run(s, new RunControl() {
            @Override
            public boolean isCancelled() {
                return false;
            }

            @Override
            public synchronized void progress(double f) {
                seen.add(f);
            }
        });
        assertEquals(1.0, seen.getLast(), 1e-9);
        assertTrue(seen.stream().allMatch(f -> f >= 0 && f <= 1 + 1e-9));
        AtomicInteger calls = new AtomicInteger();
        assertThrows(CancelledException.class, () -> new SweepRunner(2).run(s, new RunControl() {
            @Override
            public boolean isCancelled() {
                return calls.incrementAndGet() > 3;
            }

            @Override
            public void progress(double f) {}
        }));
    }
}
