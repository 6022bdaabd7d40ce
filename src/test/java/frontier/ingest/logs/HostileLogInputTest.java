package frontier.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.InputLimits;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request logs that are valid in form but hostile or absurd in content (issue 13, items 1, 2, 7, 8, 9) are refused
 * with file, line and column; nothing absurd becomes a request.
 */
class HostileLogInputTest {
    static final InputLimits SMALL = new InputLimits(64 * 1024, 256 * 1024);
    static final String HEADER = "timestamp,latency_ms,model,input_tokens\n";
    static final String ROW = "2024-05-01T00:00:00Z,12,m,5\n";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static long drain(Path f, LogReadOptions o) {
        try (LogSource s = LogSource.open(f, o)) {
            long n = 0;
            while (s.next() != null) n++;
            return n;
        }
    }

    private static String refused(Path f, LogReadOptions o) {
        BadInputException e = assertThrows(BadInputException.class, () -> drain(f, o));
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    private Path gzip(String name, String head, String before, long chars, String after) throws IOException {
        return gzip(name, head, before, chars, after, 'a');
    }

    /** A gzip file whose middle is {@code chars} characters of {@code fill} (',' alternates with '1'), written as it is compressed. */
    private Path gzip(String name, String head, String before, long chars, String after, char fill) throws IOException {
        Path f = dir.resolve(name);
        try (Writer w = new java.io.OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(f), 1 << 16), StandardCharsets.UTF_8)) {
            w.write(head);
            w.write(before);
            char[] block = new char[1 << 16];
            java.util.Arrays.fill(block, fill);
            if (fill == ',') for (int i = 0; i < block.length; i += 2) block[i] = '1';
            for (long done = 0; done < chars; done += block.length)
                w.write(block, 0, (int) Math.min(block.length, chars - done));
            w.write(after);
        }
        return f;
    }

    @Test
    void aHugeGzippedCsvFieldIsRefusedWithLineColumnAndLimit() throws IOException {
        Path f = gzip("huge.csv.gz", HEADER + ROW, "2024-05-01T00:00:01Z,12,", 32L << 20, ",5\n");
        assertTrue(Files.size(f) < 100_000);
        assertEquals(
                f + ": line 3, column 3: a field longer than the limit of 65,536 characters (64 Ki); raise it with -D"
                        + InputLimits.FIELD_PROPERTY + "=… or " + InputLimits.FIELD_ENV + "=… if the file is genuine",
                refused(f, LogReadOptions.DETECT.withLimits(SMALL)));
        assertTrue(refused(f, LogReadOptions.DETECT).contains("a field longer than the limit of 1,048,576 characters"));
    }

    @Test
    void aHugeJsonLinesLineOrAccessLogLineIsRefusedWithLineAndLimit() throws IOException {
        Path json = gzip(
                "huge.jsonl.gz",
                "{\"timestamp\":\"2024-05-01T00:00:00Z\",\"latency_ms\":3}\n",
                "{\"note\":[",
                8L << 20,
                "1]}\n",
                ',');
        assertEquals(
                json + ": line 2: a line longer than the limit of 262,144 characters (256 Ki); raise it with -D"
                        + InputLimits.LINE_PROPERTY + "=… or " + InputLimits.LINE_ENV + "=… if the file is genuine",
                refused(json, LogReadOptions.DETECT.withLimits(SMALL)));
        assertTrue(
                refused(json, LogReadOptions.DETECT).contains(": line 2: a line longer than the limit of 4,194,304"));
        Path ts = gzip(
                "access.log.gz",
                "2024-01-01T10:00:00,123 - /127.0.0.1:50000 \"POST /predictions/resnet HTTP/1.1\" 200 118\n",
                "2024-01-01T10:00:01,123 - /127.0.0.1:50000 \"POST /predictions/",
                8L << 20,
                " HTTP/1.1\" 200 118\n");
        assertTrue(refused(ts, LogReadOptions.DETECT).contains(": line 2: a line longer than the limit of 4,194,304"));
    }

    @Test
    void jacksonLimitsAreLocatedBadInput() throws IOException {
        String ok = "{\"timestamp\":\"2024-05-01T00:00:00Z\",\"latency_ms\":3}\n";
        Path deep = write("deep.jsonl", ok + "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}\n");
        String m = refused(deep, LogReadOptions.DETECT);
        assertTrue(m.startsWith(deep + ": line 2, column "), m);
        assertTrue(m.contains("nesting at most 200 levels"), m);
        Path longString = write(
                "long.jsonl",
                ok + "{\"timestamp\":\"2024-05-01T00:00:00Z\",\"note\":\"" + "x".repeat(70_000) + "\"}\n");
        m = refused(longString, LogReadOptions.DETECT.withLimits(SMALL));
        assertTrue(m.startsWith(longString + ": line 2"), m);
        assertTrue(m.contains("strings at most 65,536 characters"), m);
    }

    @Test
    void timestampsOutsideTwoThousandToTwentyOneHundredAreRefused() throws IOException {
        Path y9999 = write("y9999.csv", HEADER + ROW + "9999-12-31T00:00:00Z,12,m,5\n");
        assertEquals(
                y9999
                        + ": line 3, column 1 (timestamp): expected an ISO-8601 date-time such as 2024-05-01T12:00:00.250Z or 2024-05-01 12:00:00"
                        + " (timestamp_kind iso) from 2000-01-01 to 2100-01-01, got '9999-12-31T00:00:00Z'",
                refused(y9999, LogReadOptions.DETECT));
        LogReadOptions epochS = new LogReadOptions(null, Map.of("timestamp_kind", "epoch_s"), null, 0);
        Path negative = write("negative.csv", HEADER + "1714521600,12,m,5\n-86400,12,m,5\n");
        assertTrue(refused(negative, epochS)
                .contains("line 3, column 1 (timestamp): expected a number: seconds since 1970-01-01T00:00Z"
                        + " (timestamp_kind epoch_s) from 2000-01-01 to 2100-01-01, got '-86400'"));
        Path millisAsSeconds = write("ms.csv", HEADER + "1714521600000,12,m,5\n");
        assertTrue(refused(millisAsSeconds, epochS).contains("line 2, column 1 (timestamp)"));
        LogReadOptions relative = new LogReadOptions(null, Map.of("timestamp_kind", "since_start_s"), null, 0);
        assertEquals(
                1,
                drain(write("relative.csv", HEADER + "12.5,12,m,5\n"), relative),
                "a trace counted from its start is dated by --start (1970 without)");
        assertTrue(refused(write("relative-negative.csv", HEADER + "-5,12,m,5\n"), relative)
                .contains("from 0 to 100 years, got '-5'"));
    }

    @Test
    void absurdLatenciesAndTokenCountsAreRefused() throws IOException {
        Path slow = write("slow.csv", HEADER + ROW + "2024-05-01T00:00:01Z,1e20,m,5\n");
        assertEquals(
                slow + ": line 3, column 2 (latency_ms): expected a duration from 0 to 1 day in ms, got '1e20'",
                refused(slow, LogReadOptions.DETECT));
        assertEquals(
                1,
                drain(write("day.csv", HEADER + "2024-05-01T00:00:01Z,86400000,m,5\n"), LogReadOptions.DETECT),
                "exactly one day is accepted");
        Path tokens = write("tokens.csv", HEADER + "2024-05-01T00:00:01Z,3,m,1000000000000\n");
        assertTrue(refused(tokens, LogReadOptions.DETECT)
                .contains("line 2, column 4 (input_tokens): expected a whole number of tokens from 0 to 10^9"));
        Path span = write("span.jsonl", "{\"timestamp\":\"2024-05-01T00:00:00Z\",\"end\":\"2024-05-03T00:00:00Z\"}\n");
        LogReadOptions withEnd = new LogReadOptions(null, Map.of("end", "end"), null, 0);
        assertTrue(refused(span, withEnd).contains("expected an end time at most 1 day after the start"));
    }

    @Test
    void tokenCountsOfTheWrongJsonTypeAreRefusedLikeAnyBadValue() throws IOException {
        String first = "{\"timestamp\":\"2024-05-01T00:00:00Z\",\"latency_ms\":3,\"input_tokens\":5}\n";
        for (String v : new String[] {"true", "\"many\"", "12.5", "[3]", "{\"n\":3}", "\"１２\""}) {
            Path f = write(
                    "tokens.jsonl",
                    first + "{\"timestamp\":\"2024-05-01T00:00:01Z\",\"latency_ms\":3,\"input_tokens\":" + v + "}\n");
            String m = refused(f, LogReadOptions.DETECT);
            assertTrue(
                    m.contains(": line 2, field input_tokens: expected a whole number of tokens from 0 to 10^9, got '"),
                    v + ": " + m);
        }
        // A number written as a string (as OpenTelemetry writes 64-bit integers) is a number; null and "" are absent.
        for (String v : new String[] {"\"12\"", "null", "\"\""}) {
            assertEquals(
                    2,
                    drain(
                            write(
                                    "ok.jsonl",
                                    first + "{\"timestamp\":\"2024-05-01T00:00:01Z\",\"latency_ms\":3,\"input_tokens\":"
                                            + v + "}\n"),
                            LogReadOptions.DETECT),
                    v);
        }
        // With --skip-bad-rows the wrong type is skipped and counted, as any bad value.
        try (LogSource s = LogSource.open(
                write(
                        "skip.jsonl",
                        first + "{\"timestamp\":\"2024-05-01T00:00:01Z\",\"latency_ms\":3,\"input_tokens\":true}\n"),
                new LogReadOptions(null, Map.of(), null, 1))) {
            while (s.next() != null) {
                // drain
            }
            assertTrue(
                    s.notes().stream().anyMatch(n -> n.startsWith("skipped 1 bad row; the first:")),
                    s.notes().toString());
        }
    }

    @Test
    void aMappedColumnThatAppearsTwiceIsRefused() throws IOException {
        Path f = write("twice.csv", "timestamp,latency_ms,latency_ms\n2024-05-01T00:00:00Z,3,3000\n");
        assertEquals(
                f
                        + ": line 1: column 'latency_ms' (latency) appears 2 times (columns 2, 3); which copy to read would be a guess:"
                        + " remove or rename the copies, or map another column with --map latency=COLUMN",
                refused(f, LogReadOptions.DETECT));
        assertEquals(
                1,
                drain(
                        write("unmapped-twice.csv", "timestamp,latency_ms,note,note\n2024-05-01T00:00:00Z,3,a,b\n"),
                        LogReadOptions.DETECT));
    }

    @Test
    void everyRowSkippedLeavesNoRequestsAndIsRefused() throws IOException {
        Path f = write("all-bad.csv", HEADER + "2024-05-01T00:00:00Z,soon,m,5\n");
        String m = refused(f, new LogReadOptions(null, Map.of(), null, 5));
        assertTrue(m.startsWith(f + ": no requests to import (skipped 1 bad row; the first: "), m);
    }
}
