package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code frontier simulate FILE --request-log OUT [--replication K] [--start INSTANT]}. */
class RequestLogCliTest {
    @TempDir
    Path dir;

    private Path scenario(int replications) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(f, """
                {"name": "log-test",
                 "traffic": {"type": "poisson", "rate_per_s": 5},
                 "pool": {"servers": 2, "service": {"type": "exponential", "mean": 0.2}, "queue_capacity": 1},
                 "run": {"duration_s": 600, "replications": %d, "seed": 4}}
                """.formatted(replications));
        return f;
    }

    private static List<String> lines(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void writesOneRowPerFinishedRequestOfTheChosenReplication() throws IOException {
        Path out = dir.resolve("requests.csv.gz");
        CliRun r = CliRun.of(
                "simulate",
                scenario(3).toString(),
                "--request-log",
                out.toString(),
                "--replication",
                "2",
                "--start",
                "2026-10-01T00:00:00Z",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(1, j.at("/replications").asInt(), "the summary is that of the logged replication");
        List<String> lines = lines(out);
        assertEquals(
                "timestamp,latency_ms,model,endpoint,status,input_tokens,output_tokens,pool,cold_start",
                lines.getFirst());
        long completed = lines.stream().filter(l -> l.contains(",200,")).count();
        long rejected = lines.stream().filter(l -> l.contains(",429,")).count();
        assertEquals(j.at("/completed").asLong(), completed);
        assertEquals(j.at("/rejected").asLong(), rejected);
        assertTrue(rejected > 0, "a queue of one rejects at this load");
        assertTrue(lines.get(1).startsWith("2026-10-01T00:"), lines.get(1));
        assertTrue(
                lines.get(1).contains(",model,default,"), "simple pools serve 'model'; no classes: endpoint default");

        // Replication 2 is the same run whether logged or not, and differs from replication 1.
        CliRun plain = CliRun.of("simulate", scenario(3).toString(), "--replication", "2", "--json");
        assertEquals(r.out(), plain.out());
        CliRun first = CliRun.of("simulate", scenario(3).toString(), "--replication", "1", "--json");
        assertFalse(first.out().equals(plain.out()));
    }

    @Test
    void severalReplicationsNeedOneChosen() throws IOException {
        CliRun r = CliRun.of(
                "simulate",
                scenario(3).toString(),
                "--request-log",
                dir.resolve("x.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--replication K (1 to 3)"), r.err());
        assertFalse(Files.exists(dir.resolve("x.csv")), "nothing written");
        CliRun one = CliRun.of(
                "simulate",
                scenario(3).toString(),
                "--replications",
                "1",
                "--request-log",
                dir.resolve("x.csv").toString());
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("Request log: "), one.out());
        assertTrue(
                Files.readString(dir.resolve("x.csv")).startsWith("timestamp,"),
                "plain CSV without .gz; start defaults to 1970");
        assertTrue(Files.readAllLines(dir.resolve("x.csv")).get(1).startsWith("1970-01-01T00:"));
    }

    @Test
    void badOptionsAreBadInput() throws IOException {
        Path s = scenario(2);
        String log = dir.resolve("y.csv").toString();
        CliRun range = CliRun.of("simulate", s.toString(), "--replication", "3");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("--replication: expected an integer from 1 to 2"), range.err());
        CliRun start =
                CliRun.of("simulate", s.toString(), "--replication", "1", "--request-log", log, "--start", "yesterday");
        assertEquals(2, start.code());
        assertTrue(start.err().contains("--start: expected an ISO-8601 instant"), start.err());
        CliRun alone = CliRun.of("simulate", s.toString(), "--start", "2026-10-01T00:00:00Z");
        assertEquals(2, alone.code());
        CliRun dirAsFile = CliRun.of("simulate", s.toString(), "--replication", "1", "--request-log", dir.toString());
        assertEquals(2, dirAsFile.code(), "a directory cannot be written as a log: " + dirAsFile.err());
        assertTrue(dirAsFile.err().contains("cannot write the request log"), dirAsFile.err());
    }
}
