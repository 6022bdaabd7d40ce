package frontier.model.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import frontier.sim.RandomStreams;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTrafficTest {
    @TempDir
    Path dir;

    static final Path SAMPLES = Path.of(System.getProperty("frontier.samples", "../shared/samples"));

    private static List<Double> replay(ReplayTraffic t, Path base) {
        List<Double> times = new ArrayList<>();
        try (ArrivalProcess p = t.open(new RandomStreams(1, 0).stream("arrivals"), base)) {
            double now = 0;
            while ((now = p.next(now)) < Double.POSITIVE_INFINITY) times.add(now);
        }
        return times;
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void csvSecondsAreReplayedRelativeToTheFirstTimestamp() throws IOException {
        write("t.csv", "id,ts\na,100.5\nb,101.0\nc,103.5\n");
        assertEquals(List.of(0.0, 0.5, 3.0), replay(new ReplayTraffic("t.csv", "ts", TimeUnit.S, null, null, null), dir));
    }

    @Test
    void millisecondsIsoTimestampsSpeedAndGzipAreSupported() throws IOException {
        write("ms.csv", "ts\n1000\n1500\n4000\n");
        assertEquals(List.of(0.0, 0.25, 1.5), replay(new ReplayTraffic("ms.csv", "ts", TimeUnit.MS, 2.0, null, null), dir));
        write("iso.csv", "when\n2023-11-16 18:17:03.9799600\n2023-11-16T18:17:04.0319600Z\n2023-11-16T19:17:04.0319600+01:00\n");
        List<Double> iso = replay(new ReplayTraffic("iso.csv", "when", TimeUnit.ISO8601, null, null, null), dir);
        assertEquals(0.052, iso.get(1), 1e-9);
        assertEquals(0.052, iso.get(2), 1e-9, "an offset is honoured");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("t.jsonl.gz")))) {
            out.write("{\"t\": 5}\n\n{\"t\": 7.5}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(0.0, 2.5), replay(new ReplayTraffic("t.jsonl.gz", "t", TimeUnit.S, null, null, null), dir));
    }

    @Test
    void slightDisorderIsAbsorbedByTheReorderWindowAndLargeDisorderIsReported() throws IOException {
        write("d.csv", "ts\n1\n3\n2\n4\n");
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0), replay(new ReplayTraffic("d.csv", "ts", TimeUnit.S, null, 4, null), dir));
        write("far.csv", "ts\n1\n2\n3\n4\n5\n0.5\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> replay(new ReplayTraffic("far.csv", "ts", TimeUnit.S, null, 2, null), dir));
        assertTrue(e.getMessage().contains("line 7"), e.getMessage());
        assertTrue(e.getMessage().contains("reorder_window"), e.getMessage());
    }

    @Test
    void badValuesNameFileLineAndColumn() throws IOException {
        write("bad.csv", "a,ts\nx,1\ny,two\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> replay(new ReplayTraffic("bad.csv", "ts", TimeUnit.S, null, null, null), dir));
        assertTrue(e.getMessage().contains("bad.csv: line 3, column 'ts'") && e.getMessage().contains("expected a number"), e.getMessage());

        e = assertThrows(BadInputException.class, () -> replay(new ReplayTraffic("bad.csv", "time", TimeUnit.S, null, null, null), dir));
        assertTrue(e.getMessage().contains("no column named 'time'") && e.getMessage().contains("[a, ts]"), e.getMessage());

        write("bad.jsonl", "{\"t\": 1}\n{\"t\": 2\n");
        e = assertThrows(BadInputException.class, () -> replay(new ReplayTraffic("bad.jsonl", "t", TimeUnit.S, null, null, null), dir));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());

        write("iso-bad.csv", "ts\n2024-13-01T00:00:00Z\n");
        e = assertThrows(BadInputException.class, () -> replay(new ReplayTraffic("iso-bad.csv", "ts", TimeUnit.ISO8601, null, null, null), dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("ISO-8601"), e.getMessage());

        e = assertThrows(BadInputException.class, () -> replay(new ReplayTraffic("missing.csv", "ts", TimeUnit.S, null, null, null), dir));
        assertTrue(e.getMessage().contains("missing.csv"), e.getMessage());
    }

    @Test
    void randomGarbageNeverCrashesWithAnythingButBadInput() throws IOException {
        SplittableRandom rnd = new SplittableRandom(42);
        String alphabet = "0123456789.,\"\n\r:-TZ+ {}[]ts\u00e9\u0000";
        for (int trial = 0; trial < 300; trial++) {
            StringBuilder b = new StringBuilder(trial % 2 == 0 ? "ts\n" : "");
            int len = rnd.nextInt(200);
            for (int i = 0; i < len; i++) b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            String ext = trial % 3 == 0 ? ".jsonl" : ".csv";
            write("fuzz" + ext, b.toString());
            for (TimeUnit u : TimeUnit.values()) {
                try {
                    replay(new ReplayTraffic("fuzz" + ext, "ts", u, null, 3, null), dir);
                } catch (BadInputException expected) {
                    assertTrue(expected.getMessage().contains("fuzz" + ext), expected.getMessage());
                }
            }
        }
    }

    /** The shared samples live beside the checkout (../shared/samples); without them these tests are skipped, loudly. */
    private static void assumeSamples() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(SAMPLES.resolve("traces")),
                "shared samples not found at " + SAMPLES.toAbsolutePath() + " (set -Dfrontier.samples)");
    }

    @Test
    void realAzureLlmTraceReplaysInOrderWithItsObservedRate() {
        assumeSamples();
        Path trace = SAMPLES.resolve("traces/azure_llm_inference_2023_code.csv");
        List<Double> t = replay(new ReplayTraffic(trace.toString(), "TIMESTAMP", TimeUnit.ISO8601, null, null, null), null);
        assertEquals(8819, t.size(), "every data row of the sample");
        for (int i = 1; i < t.size(); i++) assertTrue(t.get(i) >= t.get(i - 1));
        assertTrue(t.getLast() > 60, "the trace spans more than a minute");
    }

    @Test
    void realMooncakeJsonlTraceReplaysWithMillisecondTimestamps() {
        assumeSamples();
        Path trace = SAMPLES.resolve("traces/mooncake_fast25_conversation_trace.jsonl");
        List<Double> t = replay(new ReplayTraffic(trace.toString(), "timestamp", TimeUnit.MS, null, null, null), null);
        assertEquals(12031, t.size());
        assertEquals(0.0, t.getFirst());
    }
}
