package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario carrying observed figures reports simulated against observed. M/M/1 with λ = 0.5/s and
 * μ = 1/s has exponential response times of rate μ − λ: p50 = ln 2 / 0.5 s = 1,386 ms and p95 = ln 20 / 0.5 s
 * = 5,991 ms; one always-on instance at $3.60/h for 100,000 s costs exactly $100.
 */
class TwinCheckCliTest {
    @TempDir
    Path dir;

    private Path scenario(double p50, double p95, double cost) throws Exception {
        String json = """
                {
                  "name": "mm1-twin",
                  "traffic": { "type": "poisson", "rate_per_s": 0.5 },
                  "pools": [ { "type": "always_on", "name": "one", "instances": 1,
                               "model": { "service": { "type": "exponential", "mean": 1.0 } },
                               "price": { "usd_per_hour": 3.6 } } ],
                  "run": { "duration_s": 100000, "replications": 2, "seed": 5 },
                  "observed": { "source": "test", "p50_ms": %s, "p95_ms": %s, "p99_ms": 9210, "requests": 50000, "cost_usd": %s, "fixed_cost_usd": 1.5 }
                }
                """.formatted(p50, p95, cost);
        return Files.writeString(dir.resolve("twin.json"), json);
    }

    @Test
    void latencyAndCostAreComparedWithTheirTargets() throws Exception {
        // 50,000 requests per replication: the sample p50/p95 are within about 2% (binomial SE of a quantile), well
        // inside 10%.
        CliRun r = CliRun.of("simulate", scenario(1386.3, 5991.5, 101.5).toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(r.out()).get("observed");
        assertTrue(o.get("latency_p50").get("within_target").asBoolean(), o.toString());
        assertTrue(o.get("latency_p95").get("within_target").asBoolean(), o.toString());
        assertEquals(
                101.5,
                o.get("cost").get("simulated").asDouble(),
                1e-6,
                "exactly $100 simulated plus the $1.5 fixed cost");
        assertTrue(o.get("cost").get("within_target").asBoolean());
        assertTrue(o.get("latency_p99").get("within_target").isNull(), "p99 has no target");

        CliRun off = CliRun.of("simulate", scenario(2772.6, 5991.5, 120).toString());
        assertEquals(0, off.code(), off.err());
        assertTrue(off.out().contains("Twin check"), off.out());
        assertTrue(off.out().lines().anyMatch(l -> l.contains("latency p50") && l.contains("MISSED")), off.out());
        assertTrue(off.out().lines().anyMatch(l -> l.contains("cost") && l.contains("MISSED")), off.out());
        assertTrue(off.out().lines().anyMatch(l -> l.contains("latency p95") && l.contains("met")), off.out());
    }
}
