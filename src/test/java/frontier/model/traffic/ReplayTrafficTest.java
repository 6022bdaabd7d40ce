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
        assertEquals(
                List.of(0.0, 0.5, 3.0), replay(new ReplayTraffic("t.csv", "ts", TimeUnit.S, null, null, null), dir));
    }

    @Test
    void millisecondsIsoTimestampsSpeedAndGzipAreSupported() throws IOException {
        write("ms.csv", "ts\n1000\n1500\n4000\n");
        assertEquals(
                List.of(0.0, 0.25, 1.5), replay(new ReplayTraffic("ms.csv", "ts", TimeUnit.MS, 2.0, null, null), dir));
        write(
                "iso.csv",
                "when\n2023-11-16 18:17:03.9799600\n2023-11-16T18:17:04.0319600Z\n2023-11-16T19:17:04.0319600+01:00\n");
        List<Double> iso = replay(new ReplayTraffic("iso.csv", "when", TimeUnit.ISO8601, null, null, null), dir);
        assertEquals(0.052, iso.get(1), 1e-9);
        assertEquals(0.052, iso.get(2), 1e-9, "an offset is honoured");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("t.jsonl.gz")))) {
            out.write("{\"t\": 5}\n\n{\"t\": 7.5}\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(
                List.of(0.0, 2.5), replay(new ReplayTraffic("t.jsonl.gz", "t", TimeUnit.S, null, null, null), dir));
    }

    @Test
    void slightDisorderIsAbsorbedByTheReorderWindowAndLargeDisorderIsReported() throws IOException {
        write("d.csv", "ts\n1\n3\n2\n4\n");
        assertEquals(
                List.of(0.0, 1.0, 2.0, 3.0), replay(new ReplayTraffic("d.csv", "ts", TimeUnit.S, null, 4, null), dir));
        write("far.csv", "ts\n1\n2\n3\n4\n5\n0.5\n");
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> replay(new ReplayTraffic("far.csv", "ts", TimeUnit.S, null, 2, null), dir));
        assertTrue(e.getMessage().contains("line 7"), e.getMessage());
        assertTrue(e.getMessage().contains("reorder_window"), e.getMessage());
    }

    @Test
    void badValuesNameFileLineAndColumn() throws IOException {
        write("bad.csv", "a,ts\nx,1\ny,two\n");
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> replay(new ReplayTraffic("bad.csv", "ts", TimeUnit.S, null, null, null), dir));
        assertTrue(
                e.getMessage().contains("bad.csv: line 3, column 'ts'")
                        && e.getMessage().contains("expected a number"),
                e.getMessage());

        e = assertThrows(
                BadInputException.class,
                () -> replay(new ReplayTraffic("bad.csv", "time", TimeUnit.S, null, null, null), dir));
        assertTrue(
                e.getMessage().contains("no column named 'time'")
                        && e.getMessage().contains("[a, ts]"),
                e.getMessage());

        write("bad.jsonl", "{\"t\": 1}\n{\"t\": 2\n");
        e = assertThrows(
                BadInputException.class,
                () -> replay(new ReplayTraffic("bad.jsonl", "t", TimeUnit.S, null, null, null), dir));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());

        write("iso-bad.csv", "ts\n2024-13-01T00:00:00Z\n");
        e = assertThrows(
                BadInputException.class,
                () -> replay(new ReplayTraffic("iso-bad.csv", "ts", TimeUnit.ISO8601, null, null, null), dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("ISO-8601"), e.getMessage());

        e = assertThrows(
                BadInputException.class,
                () -> replay(new ReplayTraffic("missing.csv", "ts", TimeUnit.S, null, null, null), dir));
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

    /** (time, input tokens, output tokens) of every replayed arrival. */
    private static List<List<Double>> replayTokens(ReplayTraffic t, Path base) {
        List<List<Double>> out = new ArrayList<>();
        try (ArrivalProcess p = t.open(new RandomStreams(1, 0).stream("arrivals"), base)) {
            double now = 0;
            while ((now = p.next(now)) < Double.POSITIVE_INFINITY)
                out.add(List.of(now, (double) p.inputTokens(), (double) p.outputTokens()));
        }
        return out;
    }

    private static ReplayTraffic tokens(String file, Integer window, Boolean loop) {
        return new ReplayTraffic(file, "ts", TimeUnit.S, null, window, loop, null, "in", "out");
    }

    @Test
    void tokenCountsStayWithTheirTimestampsThroughTheReorderWindowAndLoops() throws IOException {
        write("tok.csv", "ts,in,out,other\n1,10,1,x\n3,30,3,y\n2,20.0,2,z\n4,40,4,w\n");
        assertEquals(
                List.of(
                        List.of(0.0, 10.0, 1.0),
                        List.of(1.0, 20.0, 2.0),
                        List.of(2.0, 30.0, 3.0),
                        List.of(3.0, 40.0, 4.0)),
                replayTokens(tokens("tok.csv", 4, null), dir));
        write("tok.jsonl", "{\"ts\": 5, \"in\": 7, \"out\": \"8\"}\n{\"ts\": 6, \"in\": 0, \"out\": 2147483647}\n");
        List<List<Double>> looped = new ArrayList<>();
        try (ArrivalProcess p = tokens("tok.jsonl", null, true).open(new RandomStreams(1, 0).stream("arrivals"), dir)) {
            double now = 0;
            for (int i = 0; i < 4; i++) {
                now = p.next(now);
                looped.add(List.of(now, (double) p.inputTokens(), (double) p.outputTokens()));
            }
        }
        assertEquals(
                List.of(
                        List.of(0.0, 7.0, 8.0),
                        List.of(1.0, 0.0, 2147483647.0),
                        List.of(2.0, 7.0, 8.0),
                        List.of(3.0, 0.0, 2147483647.0)),
                looped,
                "the second pass of a loop carries the same counts");
        // Without token columns the process says it carries none.
        try (ArrivalProcess p = new ReplayTraffic("tok.csv", "ts", TimeUnit.S, null, 4, null)
                .open(new RandomStreams(1, 0).stream("arrivals"), dir)) {
            p.next(0);
            assertEquals(-1, p.inputTokens());
            assertEquals(-1, p.outputTokens());
        }
    }

    /** The first {@code n} arrivals (time, key, input and output tokens) of a looped replay read with the limit. */
    private static List<List<Double>> loopedArrivals(
            ReplayTraffic t, Path base, int memoryLimit, int n, Runnable after) {
        List<List<Double>> out = new ArrayList<>();
        try (ArrivalProcess p = t.open(base, memoryLimit)) {
            double now = 0;
            for (int i = 0; i < n; i++) {
                now = p.next(now);
                out.add(List.of(now, (double) p.key(), (double) p.inputTokens(), (double) p.outputTokens()));
                if (i == 0) after.run();
            }
        }
        return out;
    }

    @Test
    void aLoopedTraceWithinTheMemoryLimitIsReadOnceAndReplaysTheSameArrivals() throws IOException {
        // Out of order within the reorder window, with keys and token counts: every pass must be the first again.
        write("loop.csv", "ts,k,in,out\n1,a,10,1\n3,b,30,3\n2,c,20,2\n4,a,40,4\n4,d,41,5\n");
        ReplayTraffic t = new ReplayTraffic("loop.csv", "ts", TimeUnit.S, 2.0, 3, true, "k", "in", "out");
        int n = 5 * 3 + 2; // three passes and a bit
        List<List<Double>> streamed = loopedArrivals(t, dir, 0, n, () -> {});
        List<List<Double>> tooLong = loopedArrivals(t, dir, 4, n, () -> {}); // 5 records: read on every pass
        List<List<Double>> inMemory = loopedArrivals(t, dir, ReplayTraffic.LOOP_MEMORY_RECORDS, n, () -> {});
        assertEquals(streamed, inMemory);
        assertEquals(streamed, tooLong);
        assertEquals(
                List.of(0.0, 0.5, 1.0, 1.5, 1.5),
                streamed.subList(0, 5).stream().map(List::getFirst).toList());
        // The second pass starts one mean gap (0.75 s of trace, 0.375 s at speed 2) after the last arrival.
        assertEquals(1.875, streamed.get(5).getFirst(), 1e-12);
        assertEquals(
                streamed.subList(0, 5).stream().map(a -> a.subList(1, 4)).toList(),
                streamed.subList(10, 15).stream().map(a -> a.subList(1, 4)).toList());

        // Read once: the file may go once the first pass has been read (the reorder window holds all 5 records)...
        Path file = dir.resolve("loop.csv");
        Runnable delete = () -> {
            try {
                Files.copy(file, dir.resolve("loop.bak"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.delete(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        ReplayTraffic wide = new ReplayTraffic("loop.csv", "ts", TimeUnit.S, 2.0, 10, true, "k", "in", "out");
        assertEquals(streamed, loopedArrivals(wide, dir, ReplayTraffic.LOOP_MEMORY_RECORDS, n, delete));
        // ...while a trace longer than the limit is opened again for its second pass.
        Files.move(dir.resolve("loop.bak"), file);
        assertThrows(RuntimeException.class, () -> loopedArrivals(wide, dir, 4, n, delete));
    }

    @Test
    void badTokenCellsNameFileLineAndColumn() throws IOException {
        String[][] cases = {
            {"twelve", "in"},
            {"-3", "in"},
            {"12.5", "in"},
            {"", "in"},
            {"2147483648", "in"},
            {"1e3", "in"},
            {"0x10", "in"}
        };
        for (String[] c : cases) {
            write("cell.csv", "ts,in,out\n1,5,5\n2," + c[0] + ",5\n");
            BadInputException e = assertThrows(
                    BadInputException.class, () -> replayTokens(tokens("cell.csv", null, null), dir), c[0]);
            assertTrue(
                    e.getMessage().contains("cell.csv: line 3, column '" + c[1] + "'")
                            && e.getMessage().contains("whole number of tokens"),
                    e.getMessage());
        }
        write("short.csv", "ts,in,out\n1,5,5\n2,5\n");
        BadInputException e =
                assertThrows(BadInputException.class, () -> replayTokens(tokens("short.csv", null, null), dir));
        assertTrue(
                e.getMessage().contains("short.csv: line 3, column 'out'")
                        && e.getMessage().contains("too few"),
                e.getMessage());

        write("nocol.csv", "ts,in\n1,5\n");
        e = assertThrows(BadInputException.class, () -> replayTokens(tokens("nocol.csv", null, null), dir));
        assertTrue(e.getMessage().contains("no column named 'out'"), e.getMessage());

        write("cell.jsonl", "{\"ts\": 1, \"in\": 5, \"out\": 5}\n{\"ts\": 2, \"in\": [5], \"out\": 5}\n");
        e = assertThrows(BadInputException.class, () -> replayTokens(tokens("cell.jsonl", null, null), dir));
        assertTrue(
                e.getMessage().contains("cell.jsonl: line 2, column 'in'")
                        && e.getMessage().contains("got '[5]'"),
                e.getMessage());
        write("missing.jsonl", "{\"ts\": 1, \"in\": 5}\n");
        e = assertThrows(BadInputException.class, () -> replayTokens(tokens("missing.jsonl", null, null), dir));
        assertTrue(
                e.getMessage().contains("missing.jsonl: line 1, column 'out'")
                        && e.getMessage().contains("missing field 'out'"),
                e.getMessage());
        write("bool.jsonl", "{\"ts\": 1, \"in\": true, \"out\": 5}\n");
        e = assertThrows(BadInputException.class, () -> replayTokens(tokens("bool.jsonl", null, null), dir));
        assertTrue(e.getMessage().contains("bool.jsonl: line 1, column 'in'"), e.getMessage());
    }

    @Test
    void truncatedOrCorruptedTokenTracesFailOnlyWithBadInput() throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("ts,in,out\n");
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            int in = rnd.nextInt(5000);
            int out = rnd.nextInt(500);
            csv.append(i * 0.25).append(',').append(in).append(',').append(out).append('\n');
            jsonl.append("{\"ts\": ")
                    .append(i * 0.25)
                    .append(", \"in\": ")
                    .append(in)
                    .append(", \"out\": ")
                    .append(out)
                    .append("}\n");
        }
        for (String[] f : new String[][] {{"fz.csv", csv.toString()}, {"fz.jsonl", jsonl.toString()}}) {
            byte[] clean = f[1].getBytes(StandardCharsets.UTF_8);
            for (int trial = 0; trial < 300; trial++) {
                byte[] b =
                        java.util.Arrays.copyOf(clean, trial % 3 == 0 ? rnd.nextInt(clean.length + 1) : clean.length);
                for (int flips = trial % 3 == 0 ? 0 : 1 + rnd.nextInt(4); flips > 0 && b.length > 0; flips--) {
                    b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                }
                Files.write(dir.resolve(f[0]), b);
                try {
                    for (List<Double> a : replayTokens(tokens(f[0], 3, null), dir)) {
                        assertTrue(a.get(1) >= 0 && a.get(2) >= 0, "replayed counts are never negative: " + a);
                    }
                } catch (BadInputException expected) {
                    assertTrue(expected.getMessage().contains(f[0]), expected.getMessage());
                }
            }
        }
    }

    @Test
    void realAzureLlmTraceReplaysInOrderWithItsObservedRate() {
        Path trace = frontier.ingest.Samples.trace("azure_llm_inference_2023_code.csv");
        List<Double> t =
                replay(new ReplayTraffic(trace.toString(), "TIMESTAMP", TimeUnit.ISO8601, null, null, null), null);
        assertEquals(8819, t.size(), "every data row of the sample");
        for (int i = 1; i < t.size(); i++) assertTrue(t.get(i) >= t.get(i - 1));
        assertTrue(t.getLast() > 60, "the trace spans more than a minute");
    }

    @Test
    void realMooncakeJsonlTraceReplaysWithMillisecondTimestamps() {
        Path trace = frontier.ingest.Samples.trace("mooncake_fast25_conversation_trace.jsonl");
        List<Double> t = replay(new ReplayTraffic(trace.toString(), "timestamp", TimeUnit.MS, null, null, null), null);
        assertEquals(12031, t.size());
        assertEquals(0.0, t.getFirst());
    }

    @Test
    void realMooncakeTokenCountsAreReplayedLineByLine() throws IOException {
        Path trace = frontier.ingest.Samples.trace("mooncake_fast25_conversation_trace.jsonl");
        long in = 0;
        long out = 0;
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : Files.readAllLines(trace)) {
            if (line.isBlank()) continue;
            var node = json.readTree(line);
            in += node.get("input_length").asLong();
            out += node.get("output_length").asLong();
        }
        List<List<Double>> replayed = replayTokens(
                new ReplayTraffic(
                        trace.toString(),
                        "timestamp",
                        TimeUnit.MS,
                        null,
                        null,
                        null,
                        null,
                        "input_length",
                        "output_length"),
                null);
        assertEquals(12031, replayed.size());
        assertEquals(in, replayed.stream().mapToLong(a -> a.get(1).longValue()).sum());
        assertEquals(out, replayed.stream().mapToLong(a -> a.get(2).longValue()).sum());
    }
}
