package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frontier sweep --workspace}: save, list and reopen sweeps kept in the workspace. */
class SweepWorkspaceTest {
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
                                      {"path": "$.pools[0].policy", "values": [{"type": "target_rps", "per_instance": 2}, {"type": "hpa", "target": 0.6}]}]}}
            """;

    private static Path small(Path dir) throws IOException {
        return Files.writeString(dir.resolve("small-sweep.json"), SMALL);
    }

    @Test
    void saveListOpenGivesTheSameJsonAsTheOriginalRun(@TempDir Path dir) throws IOException {
        Path f = small(dir);
        String ws = dir.resolve("ws.sqlite").toString();
        CliRun run = CliRun.of("sweep", f.toString(), "--json", "--max", "p99=5000", "--workspace", ws);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("Saved as sweep #1 in " + ws), run.err());
        CliRun plain = CliRun.of("sweep", f.toString(), "--json", "--max", "p99=5000");
        assertEquals(plain.out(), run.out(), "saving does not change what is printed");

        CliRun list = CliRun.of("sweep", "--workspace", ws, "--list");
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\n");
        assertEquals(2, lines.length, list.out());
        assertTrue(lines[0].matches("\\s*#\\s+saved \\(UTC\\)\\s+points\\s+front\\s+name\\s+front of"), lines[0]);
        int front = 0;
        for (JsonNode p : JSON.readTree(run.out()).get("points"))
            if (p.get("pareto").asBoolean()) front++;
        assertTrue(
                lines[1].matches("\\s*1\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+6\\s+" + front
                        + "\\s+small\\s+cost_usd.per_1k_requests vs latency_ms.p99"),
                lines[1]);

        CliRun listJson = CliRun.of("sweep", "-w", ws, "--list", "--json");
        JsonNode s = JSON.readTree(listJson.out()).get("sweeps").get(0);
        assertEquals(1, s.get("id").asInt());
        assertEquals("small", s.get("name").asText());
        assertEquals(6, s.get("points").asInt());
        assertEquals(front, s.get("front_size").asInt());
        assertEquals(f.toAbsolutePath().normalize().toString(), s.get("source").asText());

        CliRun open = CliRun.of("sweep", "--workspace", ws, "--open", "1", "--json", "--max", "p99=5000");
        assertEquals(0, open.code(), open.err());
        assertEquals(run.out(), open.out(), "byte-identical to the original run");
        assertFalse(open.err().contains("Saved"), "reopening does not save again");

        // Other analysis options apply exactly as when reopening a results file.
        Path results = dir.resolve("results.json");
        assertEquals(
                0,
                CliRun.of("sweep", f.toString(), "--out", results.toString(), "--json")
                        .code());
        CliRun fromFile = CliRun.of("sweep", results.toString(), "--objectives", "cost_total,p95", "--alpha", "0.2");
        CliRun fromWs = CliRun.of("sweep", "-w", ws, "--open", "1", "--objectives", "cost_total,p95", "--alpha", "0.2");
        assertEquals(0, fromWs.code(), fromWs.err());
        assertEquals(fromFile.out(), fromWs.out());
        Path csvFile = dir.resolve("a.csv");
        Path csvWs = dir.resolve("b.csv");
        assertEquals(
                0,
                CliRun.of("sweep", results.toString(), "--csv", csvFile.toString())
                        .code());
        assertEquals(
                0,
                CliRun.of("sweep", "-w", ws, "--open", "1", "--csv", csvWs.toString())
                        .code());
        assertEquals(Files.readString(csvFile), Files.readString(csvWs));
    }

    @Test
    void aResultsFileCanBeMovedIntoTheWorkspaceWithAName(@TempDir Path dir) throws IOException {
        Path results = dir.resolve("results.json");
        CliRun run = CliRun.of("sweep", small(dir).toString(), "--out", results.toString(), "--json");
        assertEquals(0, run.code(), run.err());
        String ws = dir.resolve("ws.sqlite").toString();
        CliRun save = CliRun.of("sweep", results.toString(), "-w", ws, "--name", "from the file");
        assertEquals(0, save.code(), save.err());
        assertTrue(save.out().contains("Pareto front of"), save.out());
        assertTrue(
                save.out()
                        .endsWith("Saved as sweep #1 in " + ws + "; reopen with: frontier sweep --workspace " + ws
                                + " --open 1\n"),
                save.out());
        assertTrue(CliRun.of("sweep", "-w", ws, "--list").out().contains("from the file"));
        assertEquals(
                run.out(), CliRun.of("sweep", "-w", ws, "--open", "1", "--json").out());
    }

    @Test
    void badIdOrMissingWorkspaceIsExitCodeTwoWithAMessage(@TempDir Path dir) throws IOException {
        String ws = dir.resolve("ws.sqlite").toString();
        assertEquals(
                0,
                CliRun.of(
                                "sweep",
                                small(dir).toString(),
                                "-w",
                                ws,
                                "--csv",
                                dir.resolve("x.csv").toString())
                        .code());
        CliRun bad = CliRun.of("sweep", "-w", ws, "--open", "7");
        assertEquals(2, bad.code());
        assertEquals(
                "frontier: --open: no sweep #7 in " + ws + " (frontier sweep --workspace " + ws
                        + " --list shows the saved sweeps)\n",
                bad.err());
        assertEquals("", bad.out());
        CliRun notNumber = CliRun.of("sweep", "-w", ws, "--open", "seven");
        assertEquals(2, notNumber.code());
        assertTrue(notNumber.err().contains("'seven' is not a long"), notNumber.err());
        CliRun noWs = CliRun.of("sweep", "--open", "1");
        assertEquals(2, noWs.code());
        assertTrue(noWs.err().contains("--open: needs --workspace W"), noWs.err());
        Path missing = dir.resolve("none.sqlite");
        CliRun absent = CliRun.of("sweep", "-w", missing.toString(), "--list");
        assertEquals(2, absent.code());
        assertTrue(absent.err().contains(missing + ": no such workspace"), absent.err());
        assertFalse(Files.exists(missing), "listing does not create a workspace");
        CliRun withFile = CliRun.of("sweep", small(dir).toString(), "-w", ws, "--list");
        assertEquals(2, withFile.code());
        assertTrue(withFile.err().contains("--list takes no FILE"), withFile.err());
        CliRun nameAlone = CliRun.of("sweep", small(dir).toString(), "--name", "x");
        assertEquals(2, nameAlone.code());
        assertTrue(nameAlone.err().contains("--name: only with --workspace"), nameAlone.err());
        CliRun noFile = CliRun.of("sweep");
        assertEquals(2, noFile.code());
        assertTrue(noFile.err().startsWith("frontier: Missing required parameter: 'FILE'"), noFile.err());
    }

    @Test
    void anEmptyListSaysSo(@TempDir Path dir) {
        Path ws = dir.resolve("ws.sqlite");
        frontier.store.Workspace.open(ws).close();
        CliRun list = CliRun.of("sweep", "-w", ws.toString(), "--list");
        assertEquals(0, list.code(), list.err());
        assertEquals("No sweeps saved in " + ws + ".\n", list.out());
    }
}
