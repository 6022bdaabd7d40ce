package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SMALL = """
            {"name": "small", "description": "test",
             "traffic": {"type": "poisson", "rate_per_s": 4},
             "pools": [{"type": "autoscaled", "name": "gpu", "concurrency": 2, "max_instances": 6, "keep_warm": 1,
                        "model": {"service": {"type": "exponential", "mean": 0.5}},
                        "policy": {"type": "target_rps", "per_instance": 2},
                        "cold_start": {"type": "deterministic", "value": 30},
                        "price": {"usd_per_hour": 1.2}}],
             "run": {"duration_s": 1800, "warmup_s": 60, "replications": 2, "seed": 3},
             "sweep": {"method": "latin_hypercube", "samples": 6, "seed": 4,
                       "parameters": [{"path": "$.pools[0].keep_warm", "sample": {"low": 0, "high": 3, "integer": true}},
                                      {"path": "$.pools[0].policy.type", "values": ["target_rps", "target_utilization"]},
                                      {"path": "$.pools[0].policy", "values": [{"type": "target_rps", "per_instance": 2}, {"type": "hpa", "target": 0.6}]}]}}
            """;

    private static Path small(Path dir) throws IOException {
        Path f = dir.resolve("small-sweep.json");
        Files.writeString(f, SMALL.replace("""
                                      {"path": "$.pools[0].policy.type", "values": ["target_rps", "target_utilization"]},
                """, ""));
        return f;
    }

    /**
     * Tagged {@code slow} (out of {@code -Pfast}): the shipped example's 36 points, each a whole simulation (2.3–3 s of
     * CPU); the sweep command's output stays in the inner loop through the smaller sweeps below.
     */
    @Test
    @Tag("slow")
    void exampleSweepPrintsObjectivesAndEveryPointWithConfigMetricsAndPareto() throws IOException {
        CliRun r = CliRun.of("sweep", "simulations/sweeps/serving-sweep.json", "--json", "--threads", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(
                List.of("cost_usd.per_1k_requests", "latency_ms.p99"),
                List.of(
                        root.get("objectives").get(0).asText(),
                        root.get("objectives").get(1).asText()));
        JsonNode points = root.get("points");
        assertEquals(36, points.size());
        for (JsonNode p : points) {
            assertEquals(
                    List.of("pools[0].instances", "pools[1].keep_alive_s", "pools[1].provisioned"),
                    fieldNames(p.get("config")));
            JsonNode m = p.get("metrics");
            for (String field : List.of(
                    "requests",
                    "completed",
                    "dropped",
                    "lost",
                    "latency_ms",
                    "cost_usd",
                    "pools",
                    "cold_starts",
                    "ci95",
                    "events")) {
                assertTrue(m.has(field), () -> "metrics lack " + field + ": " + m);
            }
            assertFalse(m.has("timeseries"));
            assertTrue(p.get("pareto").isBoolean());
        }
        // pareto is true exactly for the points no other point beats on both cost and p99.
        for (JsonNode p : points) {
            boolean dominated = false;
            for (JsonNode q : points) {
                double pc = cost(p), pl = p99(p), qc = cost(q), ql = p99(q);
                dominated |= qc <= pc && ql <= pl && (qc < pc || ql < pl);
            }
            assertEquals(
                    !dominated, p.get("pareto").asBoolean(), p.get("config").toString());
        }
        assertTrue(root.get("weighted").get("optimum").isInt());
        assertEquals(
                0.0, root.get("weighted").get("optima").get(0).get("alpha_from").asDouble());
    }

    @Test
    void jsonIsByteIdenticalWhateverTheThreadCount(@TempDir Path dir) throws IOException {
        Path f = small(dir);
        CliRun one = CliRun.of("sweep", f.toString(), "--json", "--threads", "1");
        CliRun two = CliRun.of("sweep", f.toString(), "--json", "--threads", "2");
        assertEquals(0, one.code(), one.err());
        assertEquals(one.out(), two.out());
        assertEquals(6, JSON.readTree(one.out()).get("points").size());
    }

    @Test
    void aResultsFileReopensWithoutSimulatingAndCanBeAnalysedAgain(@TempDir Path dir) throws IOException {
        Path f = small(dir);
        Path results = dir.resolve("out/results.json");
        CliRun run = CliRun.of("sweep", f.toString(), "--json", "--out", results.toString(), "--max", "p99=5000");
        assertEquals(0, run.code(), run.err());
        CliRun reopened = CliRun.of("sweep", results.toString(), "--json", "--max", "p99=5000");
        assertEquals(0, reopened.code(), reopened.err());
        assertEquals(run.out(), reopened.out());
        CliRun other = CliRun.of(
                "sweep", results.toString(), "--json", "--objectives", "cost_total,p95,dropped", "--alpha", "1");
        assertEquals(0, other.code(), other.err());
        assertEquals(
                "cost_usd.total",
                JSON.readTree(other.out()).get("objectives").get(0).asText());
        assertEquals(3, JSON.readTree(other.out()).get("objectives").size());
        CliRun table = CliRun.of("sweep", results.toString());
        assertTrue(table.out().contains("Pareto front of cost_usd.per_1k_requests vs latency_ms.p99"), table.out());
        assertTrue(table.out().contains("Optimum as the weight on cost"), table.out());
    }

    @Test
    void csvHasAHeaderAndOneRowPerPoint(@TempDir Path dir) throws IOException {
        Path f = small(dir);
        Path csv = dir.resolve("points.csv");
        CliRun r = CliRun.of("sweep", f.toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(7, lines.size());
        assertTrue(
                lines.getFirst()
                        .startsWith(
                                "index,seed,pools[0].keep_warm,pools[0].policy,feasible,pareto,uncertain,replications,requests,"),
                lines.getFirst());
        assertTrue(
                lines.getFirst().contains(",latency_ms.p99,")
                        && lines.getFirst().contains(",ci95.latency_ms.p99,"),
                lines.getFirst());
        assertTrue(lines.get(1).contains("\"{\"\"type\"\":"), "object values are quoted JSON: " + lines.get(1));
    }

    @Test
    void badInputIsExitCodeTwoWithAMessage(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, SMALL.replace("$.pools[0].keep_warm", "$.pools[0].keep_wram"));
        CliRun path = CliRun.of("sweep", f.toString());
        assertEquals(2, path.code());
        assertTrue(path.err().contains("$.sweep.parameters[0].path: pools[0].keep_wram does not exist"), path.err());
        CliRun objective = CliRun.of("sweep", small(dir).toString(), "--objectives", "cost,p98");
        assertEquals(2, objective.code());
        assertTrue(objective.err().contains("objective 'p98': no such metric"), objective.err());
        CliRun noSweep = CliRun.of("sweep", "simulations/validation/mm1.json");
        assertEquals(2, noSweep.code());
        assertTrue(noSweep.err().contains("the scenario has no 'sweep'"), noSweep.err());
    }

    /** Tagged {@code slow} (out of {@code -Pfast}): the benchmark runs every point on one and two threads. */
    @Test
    @Tag("slow")
    void benchSweepRunsTheSameConfigurationsOnOneAndTwoThreadsWithIdenticalResults() {
        CliRun r = CliRun.of("bench", "sweep", "--hours", "0.01", "--rate", "20", "--jit-warmup", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out()
                        .matches(
                                "(?s)RESULT points=200 requests=\\d+ events=\\d+ expand_s=\\S+ wall_1_s=\\S+ wall_2_s=\\S+ speedup=\\S+ identical=true cores=\\d+\\s*"),
                r.out());
    }

    private static double cost(JsonNode p) {
        return p.get("metrics").get("cost_usd").get("per_1k_requests").asDouble();
    }

    private static double p99(JsonNode p) {
        return p.get("metrics").get("latency_ms").get("p99").asDouble();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
