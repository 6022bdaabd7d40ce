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

    private static String error(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(json, "f.json")).getMessage();
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
        assertEquals("f.json: $.run.duraton_s: unknown field 'duraton_s'; expected one of: duration_s, replications, requests, seed, warmup_requests, warmup_s",
                error(VALID.replace("\"duration_s\"", "\"duraton_s\"")));
        assertTrue(error(VALID.replace("\"cv\": 1.2", "\"cv\": -1")).contains("$.pool.service.cv: (line"), error(VALID.replace("\"cv\": 1.2", "\"cv\": -1")));
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
        assertTrue(m.contains("$.pool.service: expected an object with a 'type' field, got the string \"exponential\""), m);
        m = error(VALID.replace("\"servers\": 2", "\"servers\": 3000000000"));
        assertTrue(m.contains("$.pool.servers") && m.contains("expected an integer"), m);
        m = error(VALID.replace("\"rates_per_s\": [1, 2, 0.5]", "\"rates_per_s\": [1, \"2\", 0.5]"));
        assertTrue(m.contains("$.traffic.rates_per_s[1]") && m.contains("expected a number"), m);
    }

    @Test
    void mutatedFilesAreEitherLoadedOrRefusedWithABadInputMessageNeverAnotherException() {
        SplittableRandom rnd = new SplittableRandom(2026);
        String[] tokens = {"{", "}", "[", "]", ",", ":", "\"", "-1", "0", "1e309", "null", "true", "\"type\"", "\"x\"", "NaN", " "};
        int loaded = 0;
        for (int trial = 0; trial < 3000; trial++) {
            StringBuilder b = new StringBuilder(VALID);
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
