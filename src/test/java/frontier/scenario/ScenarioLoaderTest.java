package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import frontier.model.traffic.ProfileTraffic;
import frontier.sim.dist.LogNormal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    static final String VALID = """
            {
              "name": "t",
              "traffic": {"type": "profile", "rates_per_s": [1, 2, 0.5], "interval_s": 3600},
              "pool": {"servers": 2, "service": {"type": "lognormal", "mean": 0.4, "cv": 1.2},
                       "queue_capacity": 10, "timeout_s": 30},
              "run": {"duration_s": 7200, "warmup_s": 600, "replications": 3, "seed": 9}
            }
            """;

    static final String VALID_FLEET = """
            {
              "name": "f",
              "traffic": {"type": "mmpp", "normal": {"rate_per_s": 2, "mean_duration_s": 600},
                          "burst": {"rate_per_s": 9, "mean_duration_s": 60}},
              "classes": [{"name": "interactive", "share": 0.8, "slo_ms": 2000, "pool": "od"},
                          {"name": "batch", "share": 0.2, "pool": "spot"}],
              "cache": {"hit_ratio": 0.1, "latency_ms": 3},
              "pools": [
                {"type": "autoscaled", "name": "od", "concurrency": 2, "model": {"service": {"type": "gamma", "mean": 0.8, "cv": 0.5}},
                 "min_instances": 1, "max_instances": 6, "policy": {"type": "hpa", "target": 0.6},
                 "cold_start": {"type": "deterministic", "value": 45}, "price": {"provider": "aws", "instance_type": "g5.xlarge"}},
                {"type": "spot", "name": "spot", "instances": 2, "model": {"service": {"type": "exponential", "mean": 0.8}},
                 "interruption": {"bucket": "5-10%"}, "overflow_to": "od", "price": {"usd_per_hour": 0.4},
                 "batching": {"max_batch": 4, "max_wait_s": 0.05, "base_s": 0.5, "per_item_s": 0.1}},
                {"type": "serverless", "name": "fn", "model": {"service": {"type": "lognormal", "mean": 0.3, "cv": 1}},
                 "cold_start": {"type": "deterministic", "value": 2}, "keep_alive_s": 600,
                 "billing": {"usd_per_request": 2e-7, "usd_per_gb_second": 1.66667e-5, "memory_gb": 2, "increment_ms": 1}}
              ],
              "run": {"duration_s": 3600, "seed": 3}
            }
            """;

    @Test
    void aFleetScenarioLoadsRunsAndRejectsBrokenReferences() {
        Scenario s = ScenarioLoader.parse(VALID_FLEET, "f.json");
        assertEquals(3, s.pools().size());
        assertEquals(
                1.006, s.pools().get(0).price().usdPerHour(), 1e-9, "g5.xlarge on-demand from the shipped catalogue");
        assertEquals(3, s.fleet().pools().size());
        var lambda = (frontier.model.pool.ServerlessPool) ScenarioLoader.parse(
                        VALID_FLEET.replace(
                                "\"usd_per_request\": 2e-7, \"usd_per_gb_second\": 1.66667e-5, \"memory_gb\": 2, \"increment_ms\": 1",
                                "\"platform\": \"aws-lambda\", \"memory_gb\": 2"),
                        "f.json")
                .pools()
                .get(2);
        assertEquals(
                0.0000166667, lambda.billing().usdPerGbSecond(), 1e-12, "Lambda's GB-second rate from the catalogue");
        assertEquals(1.0, lambda.billing().incrementMs(), 1e-9, "Lambda bills per millisecond");
        String m = error(VALID_FLEET.replace(
                "\"usd_per_request\": 2e-7, \"usd_per_gb_second\": 1.66667e-5, \"memory_gb\": 2, \"increment_ms\": 1",
                "\"platform\": \"aws-lambada\", \"memory_gb\": 2"));
        assertTrue(m.contains("$.pools[2].billing.platform") && m.contains("aws-lambada"), m);
        m = error(VALID_FLEET.replace("\"g5.xlarge\"", "\"g5.mega\""));
        assertTrue(m.contains("$.pools[0].price") && m.contains("no on_demand price for aws g5.mega"), m);
        m = error(VALID_FLEET.replace("\"overflow_to\": \"od\"", "\"overflow_to\": \"nope\""));
        assertTrue(m.contains("$.pools[1].overflow_to") && m.contains("no pool named 'nope'"), m);
        m = error(VALID_FLEET.replace("\"share\": 0.2", "\"share\": 0.3"));
        assertTrue(m.contains("$.classes") && m.contains("add up to 1"), m);
        m = error(VALID_FLEET.replace("\"type\": \"spot\"", "\"type\": \"spotty\""));
        assertTrue(m.contains("$.pools[1].type") && m.contains("always_on, autoscaled, serverless, spot"), m);
        m = error(VALID_FLEET.replace("\"keep_alive_s\": 600", "\"keep_alive_s\": 600, \"keepalive\": 1"));
        assertTrue(m.contains("$.pools[2].keepalive: unknown field"), m);
        m = error(VALID_FLEET.replace(
                "\"pools\": [",
                "\"pool\": {\"servers\": 1, \"service\": {\"type\": \"deterministic\", \"value\": 1}}, \"pools\": ["));
        assertTrue(m.contains("$.pool") && m.contains("either 'pool'"), m);
    }

    @Test
    void mutatedFleetFilesAreEitherLoadedOrRefusedWithABadInputMessage() {
        fuzz(VALID_FLEET, 2000, 7);
    }

    private static String error(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(json, "f.json"))
                .getMessage();
    }

    @Test
    void aValidFileLoadsAndRoundTrips() {
        Scenario s = ScenarioLoader.parse(VALID, "f.json");
        assertEquals(3, ((ProfileTraffic) s.traffic()).ratesPerS().size());
        assertEquals(0.4, ((LogNormal) s.pool().service()).mean());
        assertEquals(10, s.pool().queueCapacity());
        assertEquals(3, s.run().replications());
        Scenario again = ScenarioLoader.parse(ScenarioLoader.toJson(s), "again");
        assertEquals(s.traffic(), again.traffic());
        assertEquals(s.pool(), again.pool());
        assertEquals(s.run(), again.run());
    }

    @Test
    void errorsNameTheJsonPathAndWhatWasExpected() {
        assertEquals(
                "f.json: $.run.duraton_s: unknown field 'duraton_s'; expected one of: duration_s, replications, requests, seed, warmup_requests, warmup_s",
                error(VALID.replace("\"duration_s\"", "\"duraton_s\"")));
        assertTrue(
                error(VALID.replace("\"cv\": 1.2", "\"cv\": -1")).contains("$.pool.service.cv: (line"),
                error(VALID.replace("\"cv\": 1.2", "\"cv\": -1")));
        String m = error(VALID.replace("\"servers\": 2", "\"servers\": \"two\""));
        assertTrue(m.contains("$.pool.servers") && m.contains("expected an integer"), m);
        m = error(VALID.replace("\"lognormal\"", "\"lognormale\""));
        assertTrue(m.contains("$.pool.service.type") && m.contains("lognormale") && m.contains("weibull"), m);
        m = error(VALID.replace("\"servers\": 2,", ""));
        assertTrue(m.contains("$.pool") && m.contains("servers"), m);
        m = error(VALID.replace("[1, 2, 0.5]", "[1, -2, 0.5]"));
        assertTrue(m.contains("$.traffic.rates_per_s[1]"), m);
        m = error(VALID.replace("\"warmup_s\": 600", "\"warmup_s\": 600, \"requests\": 5"));
        assertTrue(m.contains("$.run.duration_s") && m.contains("exactly one stop rule"), m);
        m = error("{\"name\": \"x\",");
        assertTrue(m.startsWith("f.json: $") && m.contains("(line 1") && m.contains("not valid JSON"), m);
        m = error("[]");
        assertTrue(m.contains("expected a JSON object"), m);
        m = error("");
        assertTrue(m.contains("empty"), m);
        m = error(VALID.replace("\"servers\": 2,", "\"servers\": 2, \"servers\": 3,"));
        assertTrue(m.contains("$.pool") && m.contains("Duplicate field 'servers'"), m);
        m = error(VALID.replace("\"servers\": 2", "\"servers\": 2.5"));
        assertTrue(m.contains("$.pool.servers") && m.contains("expected an integer, got 2.5"), m);
        m = error(VALID.replace("\"name\": \"t\"", "\"name\": 5"));
        assertTrue(m.contains("$.name") && m.contains("expected a string, got 5"), m);
        m = error(VALID.replace("\"name\": \"t\"", "\"base_dir\": \"/x\""));
        assertTrue(m.contains("$.base_dir: unknown field"), m);
        m = error(VALID.replace("{\"type\": \"lognormal\", \"mean\": 0.4, \"cv\": 1.2}", "\"exponential\""));
        assertTrue(
                m.contains("$.pool.service: expected an object with a 'type' field, got the string \"exponential\""),
                m);
        m = error(VALID.replace("\"servers\": 2", "\"servers\": 3000000000"));
        assertTrue(m.contains("$.pool.servers") && m.contains("expected an integer"), m);
        m = error(VALID.replace("\"rates_per_s\": [1, 2, 0.5]", "\"rates_per_s\": [1, \"2\", 0.5]"));
        assertTrue(m.contains("$.traffic.rates_per_s[1]") && m.contains("expected a number"), m);
    }

    @Test
    void mutatedFilesAreEitherLoadedOrRefusedWithABadInputMessageNeverAnotherException() {
        fuzz(VALID, 3000, 2026);
    }

    private static void fuzz(String valid, int trials, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] tokens = {
            "{", "}", "[", "]", ",", ":", "\"", "-1", "0", "1e309", "null", "true", "\"type\"", "\"x\"", "NaN", " "
        };
        int loaded = 0;
        for (int trial = 0; trial < trials; trial++) {
            StringBuilder b = new StringBuilder(valid);
            int edits = 1 + rnd.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = rnd.nextInt(b.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, tokens[rnd.nextInt(tokens.length)]);
                    default -> b.setCharAt(at, (char) (32 + rnd.nextInt(95)));
                }
            }
            try {
                ScenarioLoader.parse(b.toString(), "fuzz.json");
                loaded++;
            } catch (ScenarioException expected) {
                assertTrue(expected.getMessage().startsWith("fuzz.json: "), expected.getMessage());
                assertTrue(expected.getMessage().lines().count() == 1, "one line: " + expected.getMessage());
            } catch (RuntimeException other) {
                fail("input " + b + " raised " + other, other);
            }
        }
        assertTrue(loaded > 0, "some mutations (e.g. inside the name) keep the file valid");
    }
}
