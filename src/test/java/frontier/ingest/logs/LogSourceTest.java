package frontier.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading request logs: layouts, timestamp kinds, mappings, presets on hand-written lines, and the errors. */
class LogSourceTest {
    /** Stored times are doubles of epoch seconds: about 0.24 µs apart near 2^31 s. */
    private static final double MICRO = 1e-6;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Read(List<LogRequest> requests, LogSource source) {
        LogRequest get(int i) {
            return requests.get(i);
        }
    }

    static Read read(Path f, LogReadOptions o) {
        List<LogRequest> out = new ArrayList<>();
        try (LogSource s = LogSource.open(f, o)) {
            LogRequest r;
            while ((r = s.next()) != null) out.add(r);
            return new Read(out, s);
        }
    }

    static LogReadOptions map(String... entries) {
        return new LogReadOptions(null, LogReadOptions.parseEntries(List.of(entries)), null, 0);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static double epoch(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    private static final String[] INSTANTS = {
        "2024-05-01T12:00:00.250Z", "2024-05-01T12:00:01.500Z", "2024-05-01T12:00:07Z"
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "iso;2024-05-01T12:00:00.250Z;2024-05-01T12:00:01.500Z;2024-05-01T12:00:07Z;",
                "iso;2024-05-01 12:00:00.2500000;2024-05-01 12:00:01.5000000;2024-05-01 12:00:07.0000000;",
                "iso;2024-05-01T14:00:00.25+02:00;2024-05-01T14:00:01.5+02:00;2024-05-01T14:00:07+02:00;",
                "epoch_s;1714564800.25;1714564801.5;1714564807;",
                "epoch_ms;1714564800250;1714564801500;1714564807000;",
                "epoch_us;1714564800250000;1714564801500000;1714564807000000;",
                "epoch_ns;1714564800250000000;1714564801500000000;1714564807000000000;",
                "since_start_s;0.25;1.5;7;2024-05-01T12:00:00Z",
                "since_start_ms;250;1500;7000;2024-05-01T12:00:00Z"
            })
    void everyTimestampKindGivesTheSameInstants(String kind, String a, String b, String c, String start)
            throws IOException {
        Path f = write("t.csv", "when,latency_ms\n" + a + ",10\n" + b + ",20\n" + c + ",30\n");
        LogReadOptions o = map("timestamp=when", "timestamp_kind=" + kind);
        if (start != null) o = o.withStart(Instant.parse(start));
        Read r = read(f, o);
        assertEquals(3, r.requests().size());
        for (int i = 0; i < 3; i++) assertEquals(epoch(INSTANTS[i]), r.get(i).start(), MICRO, kind + " row " + i);
        assertEquals(20.0, r.get(1).latencyMs());
        assertEquals(kind, r.source().mapping().timestampKind().code());
    }

    @Test
    void relativeTimesWithoutStartBeginIn1970WithANote() throws IOException {
        Read r =
                read(write("rel.csv", "offset_s\n0\n2.5\n"), map("timestamp=offset_s", "timestamp_kind=since_start_s"));
        assertEquals(2.5, r.get(1).start(), 0);
        assertTrue(
                r.source().notes().stream().anyMatch(n -> n.contains("1970-01-01T00:00:00Z") && n.contains("--start")),
                r.source().notes().toString());
    }

    @Test
    void anEndTimestampGivesTheStartAsEndMinusDuration() throws IOException {
        Path f = write("end.csv", "finished,took_s\n2024-05-01T12:00:10Z,2.5\n");
        Read r = read(
                f,
                map(
                        "timestamp=finished",
                        "timestamp_kind=iso",
                        "timestamp_is=end",
                        "latency=took_s",
                        "latency_unit=s"));
        assertEquals(epoch("2024-05-01T12:00:07.500Z"), r.get(0).start(), MICRO);
        assertEquals(2500.0, r.get(0).latencyMs(), 1e-9);
    }

    @Test
    void anEndColumnGivesTheLatency() throws IOException {
        Path f = write("span.csv", "begin,finish\n1714564800,1714564800.75\n");
        Read r = read(f, map("timestamp=begin", "timestamp_kind=epoch_s", "end=finish"));
        assertEquals(750.0, r.get(0).latencyMs(), 1e-3);
        Path back = write("back.csv", "begin,finish\n1714564800,1714564799\n");
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> read(back, map("timestamp=begin", "timestamp_kind=epoch_s", "end=finish")));
        assertTrue(
                e.getMessage().contains("line 2, column 2 (finish): expected an end time not before the start"),
                e.getMessage());
    }

    @Test
    void gzipBomAndQuotedMultiLineCellsAreRead() throws IOException {
        String text = "\uFEFFtimestamp,latency_ms,model,note\n"
                + "2024-05-01T12:00:00Z,12.5,llama,\"first line\nsecond line, with a comma and \"\"quotes\"\"\"\n"
                + "2024-05-01T12:00:01Z,7,llama,plain\n"
                + "2024-05-01T12:00:02Z,not-a-number,llama,x\n";
        Path f = dir.resolve("compressed-but-named.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        BadInputException e = assertThrows(BadInputException.class, () -> read(f, LogReadOptions.DETECT));
        assertTrue(
                e.getMessage()
                        .endsWith(
                                ": line 5, column 2 (latency_ms): expected a duration from 0 to 1 day in ms, got 'not-a-number'"),
                "the quoted line break counts as a line: " + e.getMessage());
        Read r = read(f, new LogReadOptions(null, Map.of(), null, 1));
        assertEquals(2, r.requests().size(), "the bad row skipped");
        assertEquals("llama", r.get(0).model());
        JsonNode attrs = JSON.readTree(r.get(0).attrs());
        assertEquals(
                "first line\nsecond line, with a comma and \"quotes\"",
                attrs.get("note").asText());
        assertTrue(
                r.source().notes().stream()
                        .anyMatch(n -> n.startsWith("skipped 1 bad row; the first: ") && n.contains("line 5")),
                r.source().notes().toString());
    }

    @Test
    void outOfOrderRowsAreKeptInFileOrder() throws IOException {
        Read r = read(
                write(
                        "ooo.csv",
                        "ts,latency_ms\n2024-05-01T12:00:05Z,1\n2024-05-01T12:00:01Z,1\n2024-05-01T12:00:03Z,1\n"),
                LogReadOptions.DETECT);
        assertEquals(
                List.of(5.0, 1.0, 3.0),
                r.requests().stream()
                        .map(x -> x.start() - epoch("2024-05-01T12:00:00Z"))
                        .toList());
    }

    @Test
    void mappingIsDetectedFromHeaderNamesAndTheRestGoesToAttrs() throws IOException {
        Path f = write(
                "gateway.csv",
                "Time,Latency_ms,Model,Endpoint,Status_Code,prompt_tokens,completion_tokens,region\n"
                        + "2024-05-01T12:00:00Z,120.5,gpt-4o,chat,200,812,95,eu-west-1\n"
                        + "2024-05-01T12:00:01Z,80,gpt-4o-mini,chat,503,10,NULL,\n");
        Read r = read(f, LogReadOptions.DETECT);
        LogMapping m = r.source().mapping();
        assertNull(r.source().preset());
        assertEquals(
                List.of("Time", "Latency_ms", "Model", "Endpoint", "Status_Code", "prompt_tokens", "completion_tokens"),
                List.of(
                        m.timestamp(),
                        m.latency(),
                        m.model(),
                        m.endpoint(),
                        m.status(),
                        m.inputTokens(),
                        m.outputTokens()));
        assertEquals(TimeKind.ISO, m.timestampKind());
        LogRequest a = r.get(0);
        LogRequest b = r.get(1);
        assertTrue(a.ok() && !b.ok(), "2xx is success by default; 503 is not");
        assertEquals("503", b.status());
        assertEquals(
                List.of("gpt-4o", "chat", 812L, 95L),
                List.of(a.model(), a.endpoint(), a.inputTokens(), a.outputTokens()));
        assertEquals(LogRequest.NO_TOKENS, b.outputTokens(), "an unquoted NULL is no value");
        assertEquals("{\"region\":\"eu-west-1\"}", a.attrs());
        assertNull(b.attrs(), "no unmapped values, no attrs");
        assertTrue(
                r.source()
                        .notes()
                        .getFirst()
                        .startsWith("no preset given; mapping detected from the column names: timestamp=Time"),
                r.source().notes().toString());
    }

    @Test
    void numericTimestampKindIsGuessedAndSaidSo() throws IOException {
        Read r = read(write("ms.csv", "created,duration\n1714564800250,3\n"), LogReadOptions.DETECT);
        assertEquals(TimeKind.EPOCH_MS, r.source().mapping().timestampKind());
        assertEquals(epoch("2024-05-01T12:00:00.250Z"), r.get(0).start(), MICRO);
        List<String> notes = r.source().notes();
        assertTrue(
                notes.stream()
                        .anyMatch(n -> n.contains("timestamp column 'created' read as milliseconds since 1970")
                                && n.contains("--map timestamp_kind=")),
                notes.toString());
        assertTrue(
                notes.stream().anyMatch(n -> n.contains("latency column 'duration' read as milliseconds")),
                notes.toString());
    }

    @Test
    void anUnknownShapeListsWhatWasLookedFor() throws IOException {
        Path f = write("mystery.csv", "a,b,c\n1,2,3\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(f, LogReadOptions.DETECT));
        assertTrue(e.getMessage().startsWith(f + ": line 1: no timestamp column found"), e.getMessage());
        assertTrue(
                e.getMessage().contains("timestamp, time, ts, starttime")
                        && e.getMessage().contains("the header has a, b, c")
                        && e.getMessage().contains("--map timestamp=COLUMN")
                        && e.getMessage().contains("--preset NAME"),
                e.getMessage());
    }

    @Test
    void mapEntriesOverrideAPresetAndTheMappingUsedSaysSo() throws IOException {
        Path f = write("azure.csv", "TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:17:03.9799600,4808,10\n");
        Read r = read(
                f,
                new LogReadOptions(
                        LogPreset.AZURE_LLM_2023, Map.of("endpoint_value", "chat", "output_tokens", ""), null, 0));
        LogMapping m = r.source().mapping();
        assertEquals("chat", r.get(0).endpoint());
        assertEquals("azure", r.get(0).model(), "the file name stands in for the model");
        assertEquals(LogRequest.NO_TOKENS, r.get(0).outputTokens(), "output_tokens unset by an empty value");
        assertEquals("{\"GeneratedTokens\":\"10\"}", r.get(0).attrs(), "an unmapped column becomes an attr");
        assertEquals(m, LogMapping.fromJson(m.toJson()), "the stored form reads back");
        assertTrue(r.source()
                .notes()
                .contains("timestamps without a UTC offset (e.g. '2023-11-16 18:17:03.9799600') were read as UTC"));

        BadInputException e = assertThrows(
                BadInputException.class,
                () -> read(f, new LogReadOptions(LogPreset.AZURE_LLM_2023, Map.of("latency", "Duration"), null, 0)));
        assertEquals(
                f
                        + ": line 1: no column 'Duration' for latency (--map); the columns are TIMESTAMP, ContextTokens, GeneratedTokens",
                e.getMessage());
        BadInputException unknown = assertThrows(BadInputException.class, () -> map("colour=red"));
        assertTrue(
                unknown.getMessage()
                        .startsWith("--map colour: unknown field; expected one of timestamp, timestamp_kind"),
                unknown.getMessage());
        BadInputException kind =
                assertThrows(BadInputException.class, () -> read(f, map("timestamp=TIMESTAMP", "timestamp_kind=unix")));
        assertTrue(
                kind.getMessage().contains("mapping 'timestamp_kind': expected one of iso, epoch_s, epoch_ms"),
                kind.getMessage());
    }

    @Test
    void statusMeansSuccessByOkValuesOrByTheAbsenceOfErrorValues() throws IOException {
        Path f = write(
                "s.csv",
                "ts,result\n2024-05-01T00:00:00Z,OK\n2024-05-01T00:00:01Z,Failed\n2024-05-01T00:00:02Z,\n2024-05-01T00:00:03Z,204\n");
        List<Boolean> byDefault = read(f, map("status=result")).requests().stream()
                .map(LogRequest::ok)
                .toList();
        assertEquals(
                List.of(true, false, false, true),
                byDefault,
                "default ok values: 2xx, ok, success…; empty is not a success");
        List<Boolean> byErrors = read(f, map("status=result", "error_values=failed,5xx")).requests().stream()
                .map(LogRequest::ok)
                .toList();
        assertEquals(
                List.of(true, false, true, true), byErrors, "with error values, anything else (empty too) succeeds");
        List<Boolean> none =
                read(f, map("status=")).requests().stream().map(LogRequest::ok).toList();
        assertEquals(List.of(true, true, true, true), none, "no status column: every request succeeded");
    }

    @Test
    void attrsCanBeDropped() throws IOException {
        Path f = write("a.csv", "ts,region\n2024-05-01T00:00:00Z,eu\n");
        assertEquals(
                "{\"region\":\"eu\"}", read(f, LogReadOptions.DETECT).get(0).attrs());
        assertNull(read(f, map("attrs=drop")).get(0).attrs());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = ';',
            value = {
                "ts,latency_ms,input_tokens|2024-05-01T00:00:00Z,1,2|yesterday,1,2;line 3, column 1 (ts): expected an ISO-8601 date-time such as"
                        + " 2024-05-01T12:00:00.250Z or 2024-05-01 12:00:00 (timestamp_kind iso) from 2000-01-01 to 2100-01-01, got 'yesterday'",
                "ts,latency_ms,input_tokens|2024-05-01T00:00:00Z,-5,2|2024-05-01T00:00:00Z,1,2;line 2, column 2 (latency_ms): expected a duration from 0 to 1 day in ms, got '-5'",
                "ts,latency_ms,input_tokens|2024-05-01T00:00:00Z,1,2.5|2024-05-01T00:00:00Z,1,2;line 2, column 3 (input_tokens): expected a whole number of tokens from 0 to 10^9, got '2.5'",
                "ts,latency_ms,input_tokens|2024-05-01T00:00:00Z,1,2|2024-05-01T00:00:00Z,1;line 3: expected 3 fields as in the header, found 2",
                "ts,latency_ms,input_tokens|2024-05-01T00:00:00Z,1,2|,1,2;line 3, column 1 (ts): expected an ISO-8601 date-time such as"
                        + " 2024-05-01T12:00:00.250Z or 2024-05-01 12:00:00 (timestamp_kind iso) from 2000-01-01 to 2100-01-01, got nothing",
                "ts,latency_ms,input_tokens|2024-05-01T00:00:00Z,1,\"2;line 2: a quoted field is never closed (expected a closing \" before the end of the file)"
            })
    void badValuesNameFileLineColumnValueAndExpectation(String rows, String message) throws IOException {
        Path f = write("bad.csv", rows.replace('|', '\n') + "\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(f, LogReadOptions.DETECT));
        assertEquals(f + ": " + message, e.getMessage());
    }

    @Test
    void jsonLinesAreFlattenedAndKeepTheirTypesInAttrs() throws IOException {
        Path f = write("j.jsonl", """
                {"ts": "2024-05-01T00:00:00Z", "usage": {"prompt_tokens": 12, "completion_tokens": 3}, "model": "m", "tags": ["a", "b"], "cached": true}

                {"ts": "2024-05-01T00:00:01Z", "usage": {"prompt_tokens": 7}, "model": "m"}
                """);
        Read r = read(f, LogReadOptions.DETECT);
        assertEquals(LogLayout.JSONL, r.source().layout());
        assertEquals("usage.prompt_tokens", r.source().mapping().inputTokens());
        assertEquals(12, r.get(0).inputTokens());
        assertEquals(3, r.get(0).outputTokens());
        assertEquals(LogRequest.NO_TOKENS, r.get(1).outputTokens(), "a key absent from a line is no value");
        assertEquals("{\"tags\":[\"a\",\"b\"],\"cached\":true}", r.get(0).attrs());
        Path array = write("array.json", "[{\"ts\": \"2024-05-01T00:00:00Z\"}]\n");
        BadInputException e =
                assertThrows(BadInputException.class, () -> read(array, map("timestamp=ts", "timestamp_kind=iso")));
        assertTrue(
                e.getMessage().contains("line 1, column 1: expected a JSON object (one per line), got an array"),
                e.getMessage());
        Path broken = write("broken.jsonl", "{\"ts\": \"2024-05-01T00:00:00Z\"}\n{\"ts\": \n");
        BadInputException b =
                assertThrows(BadInputException.class, () -> read(broken, map("timestamp=ts", "timestamp_kind=iso")));
        assertTrue(
                b.getMessage().startsWith(broken + ": line 3, column ")
                        && b.getMessage().contains("expected one JSON object per line"),
                b.getMessage());
    }

    @Test
    void aPresetThatDoesNotFitTheFileSaysWhatItReads() throws IOException {
        Path f = write("x.jsonl", "{\"timestamp\": 0}\n");
        BadInputException e =
                assertThrows(BadInputException.class, () -> read(f, LogReadOptions.preset(LogPreset.BURSTGPT)));
        assertTrue(
                e.getMessage().contains("preset burstgpt reads CSV with a header line, but the file holds JSON"),
                e.getMessage());
        Path csv = write("x.csv", "Timestamp,Model\n1,x\n");
        BadInputException missing =
                assertThrows(BadInputException.class, () -> read(csv, LogReadOptions.preset(LogPreset.BURSTGPT)));
        assertTrue(missing.getMessage().contains("no column 'Request tokens' for input_tokens"), missing.getMessage());
    }

    @Test
    void azureLlm2024WithOffsetsAndMixedPrecisionIsRecognised() throws IOException {
        // The documented shape of AzureLLMInferenceTrace_{code,conv}_1week.csv (not in the samples).
        Path f = write("AzureLLMInferenceTrace_code_1week.csv", """
                TIMESTAMP,ContextTokens,GeneratedTokens
                2024-05-10 00:00:00.009930+00:00,2162,5
                2024-05-10 00:00:00.014064+00:00,1260,5
                2024-05-10 00:00:01+00:00,3120,12
                2024-05-10 00:00:01.5+00:00,92,300
                """);
        Read r = read(f, LogReadOptions.DETECT);
        assertEquals(LogPreset.AZURE_LLM_2024, r.source().preset());
        assertEquals(epoch("2024-05-10T00:00:00.009930Z"), r.get(0).start(), MICRO);
        assertEquals(epoch("2024-05-10T00:00:01.500Z"), r.get(3).start(), MICRO);
        assertEquals(
                List.of(2162L, 1260L, 3120L, 92L),
                r.requests().stream().map(LogRequest::inputTokens).toList());
        assertTrue(Double.isNaN(r.get(0).latencyMs()), "the trace has no latency");
        assertFalse(
                r.source().notes().stream().anyMatch(n -> n.contains("were read as UTC")),
                "every timestamp has an offset");
    }

    @Test
    void aiperfPerRequestRecordsAreRecognisedAndTheCancelledOneIsAnError() throws IOException {
        // Written from AIPerf's documented profile_export.jsonl record (successful and failed examples).
        Path f = dir.resolve("profile_export.jsonl");
        Files.copy(Path.of("src/test/resources/llm/aiperf_profile_export_documented_schema.jsonl"), f);
        Read r = read(f, LogReadOptions.DETECT);
        assertEquals(LogPreset.AIPERF, r.source().preset());
        assertEquals(11, r.requests().size());
        assertEquals(1759813207.5329003, r.get(0).start(), MICRO);
        assertEquals(10, r.requests().stream().filter(LogRequest::ok).count());
        LogRequest cancelled =
                r.requests().stream().filter(q -> !q.ok()).findFirst().orElseThrow();
        assertEquals("499", cancelled.status());
        assertTrue(r.get(0).inputTokens() > 0
                && r.get(0).outputTokens() > 0
                && r.get(0).latencyMs() > 0);
        assertEquals(109.7, r.get(0).ttftMs(), 1e-9, "metrics.time_to_first_token.value, in ms");
    }

    @Test
    void aTimeToFirstTokenColumnIsReadInItsUnitAndMayNotExceedTheLatency() throws IOException {
        Path f = write("ttft.csv", """
                timestamp,latency_s,ttft_s
                2026-03-02T00:00:00Z,2.5,0.25
                2026-03-02T00:00:01Z,1.0,
                """);
        Read r = read(f, map("ttft=ttft_s", "ttft_unit=s"));
        assertEquals(250, r.get(0).ttftMs(), 1e-9);
        assertTrue(Double.isNaN(r.get(1).ttftMs()), "an empty cell: no time to first token");
        Path bad = write("ttft-bad.csv", """
                timestamp,latency_s,ttft_s
                2026-03-02T00:00:00Z,2.5,3.5
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> read(bad, map("ttft=ttft_s", "ttft_unit=s")));
        assertTrue(
                e.getMessage().contains("line 2") && e.getMessage().contains("not above the request's latency"),
                e.getMessage());
    }

    @Test
    void burstGptFromItsDocumentedColumns() throws IOException {
        // BurstGPT_1.csv's header and rows of its documented shape (the file is not in the samples).
        Path f = write("BurstGPT_1.csv", """
                Timestamp,Session ID,Elapsed time,Model,Request tokens,Response tokens,Total tokens,Log Type
                5,1001,2.81,ChatGPT,472,18,490,Conversation log
                45,1002,12.5,GPT-4,1087,0,1087,API log
                118,,1.25,ChatGPT,29,87,116,Conversation log
                """);
        Read r = read(f, LogReadOptions.DETECT.withStart(Instant.parse("2023-01-01T00:00:00Z")));
        assertEquals(LogPreset.BURSTGPT, r.source().preset());
        LogRequest b = r.get(1);
        assertEquals(epoch("2023-01-01T00:00:45Z"), b.start(), MICRO);
        assertEquals(
                List.of("GPT-4", 1087L, 0L, 12500.0),
                List.of(b.model(), b.inputTokens(), b.outputTokens(), b.latencyMs()));
        JsonNode attrs = JSON.readTree(b.attrs());
        assertEquals("API log", attrs.get("Log Type").asText());
        assertEquals("1002", attrs.get("Session ID").asText());
        assertEquals(
                "{\"Total tokens\":\"116\",\"Log Type\":\"Conversation log\"}",
                r.get(2).attrs(),
                "an empty cell is left out");
        Path older = write(
                "BurstGPT_without_elapsed.csv",
                "Timestamp,Model,Request tokens,Response tokens,Total tokens,Log Type\n5,ChatGPT,1,2,3,API log\n");
        Read o = read(older, LogReadOptions.preset(LogPreset.BURSTGPT));
        assertTrue(Double.isNaN(o.get(0).latencyMs()));
        assertTrue(
                o.source().notes().contains("no column 'Elapsed time': latency not mapped"),
                o.source().notes().toString());
    }

    @Test
    void azureFunctions2019CountsBecomeSortedArrivalsWithinTheirMinute() throws IOException {
        StringBuilder h = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
        for (int m = 1; m <= 1440; m++) h.append(',').append(m);
        StringBuilder rowA = new StringBuilder("o1,app1,fnA,http");
        StringBuilder rowB = new StringBuilder("o1,app1,fnB,timer");
        for (int m = 1; m <= 1440; m++) {
            rowA.append(',').append(m == 1 ? 3 : m == 1440 ? 1000 : 0);
            rowB.append(',').append(m == 2 ? 1 : 0);
        }
        // The day comes from the file name, as in invocations_per_function_md.anon.d05.csv.
        Path f = write("invocations_per_function_md.anon.d05.csv", h + "\n" + rowA + "\n" + rowB + "\n");
        LogReadOptions o = LogReadOptions.DETECT.withStart(Instant.parse("2019-07-15T00:00:00Z"));
        Read r = read(f, o);
        assertEquals(LogPreset.AZURE_FUNCTIONS_2019, r.source().preset());
        assertEquals(1004, r.requests().size());
        double day = epoch("2019-07-19T00:00:00Z");
        List<Double> minute1 =
                r.requests().subList(0, 3).stream().map(x -> x.start() - day).toList();
        for (int i = 0; i < 3; i++) assertTrue(minute1.get(i) >= 0 && minute1.get(i) < 60, minute1.toString());
        assertTrue(
                minute1.get(0) <= minute1.get(1) && minute1.get(1) <= minute1.get(2), "generated in order: " + minute1);
        List<Double> last =
                r.requests().subList(3, 1003).stream().map(x -> x.start() - day).toList();
        for (int i = 0; i < last.size(); i++) {
            assertTrue(last.get(i) >= 1439 * 60 && last.get(i) < 1440 * 60, "within the last minute: " + last.get(i));
            if (i > 0) assertTrue(last.get(i) >= last.get(i - 1));
        }
        // 1000 uniforms on the minute: the mean is 30 s ± 3σ (σ = 60/√12/√1000 ≈ 0.55 s).
        double mean = last.stream().mapToDouble(x -> x - 1439 * 60).average().orElseThrow();
        assertEquals(30, mean, 1.65);
        LogRequest b = r.get(1003);
        assertEquals(List.of("app1", "fnB"), List.of(b.endpoint(), b.model()));
        assertTrue(b.start() - day >= 60 && b.start() - day < 120);
        assertEquals("{\"HashOwner\":\"o1\",\"Trigger\":\"timer\"}", b.attrs());
        assertEquals(r.requests(), read(f, o).requests(), "the same file gives the same arrivals");
        assertTrue(
                r.source().notes().stream().anyMatch(n -> n.startsWith("day 5 of the trace (from the file name)")),
                r.source().notes().toString());

        Path bad = write("counts.csv", h + "\n" + rowA.toString().replaceFirst(",3,", ",three,") + "\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(bad, o));
        assertEquals(
                bad
                        + ": line 2, column 5 (1): expected a whole number of invocations in the minute (at most 10^9), got 'three'",
                e.getMessage());
    }

    @Test
    void torchServeAccessLogsInBothFormsGiveModelStatusAndStart() throws IOException {
        // access_log.log ("%d{ISO8601} - %m") and the console/ts_log form, as TorchServe's Session.toString writes
        // them.
        Path f = write("access_log.log", """
                2024-01-01T10:00:00,123 - /127.0.0.1:50000 "POST /predictions/resnet-18 HTTP/1.1" 200 118
                2024-01-01T10:00:01,000 - /127.0.0.1:50001 "GET /ping HTTP/1.1" 200 1
                2024-01-01T10:00:02,500 - /10.0.0.7:41234 "POST /predictions/bert/2.0 HTTP/1.1" 503 2500
                2024-01-01T10:00:03,000 - /10.0.0.7:41235 "POST /v1/models/sdxl:predict HTTP/1.1" 200 49376
                2024-01-01T10:00:04,000 - /10.0.0.7:41236 "POST /v2/models/llama/versions/3/infer?x=1 HTTP/1.1" 200 40
                2024-01-01T10:00:05,000 - /127.0.0.1:50002 "POST /models?url=squeezenet1_1.mar HTTP/1.1" 405 0
                """);
        Read r = read(f, LogReadOptions.DETECT);
        assertEquals(LogPreset.TORCHSERVE, r.source().preset());
        assertEquals(
                List.of("resnet-18", "bert", "sdxl", "llama"),
                r.requests().stream().map(LogRequest::model).toList());
        assertEquals(
                List.of(true, false, true, true),
                r.requests().stream().map(LogRequest::ok).toList());
        assertEquals(
                epoch("2024-01-01T10:00:00.005Z"), r.get(0).start(), MICRO, "logged at the end: start = end − 118 ms");
        assertEquals(118.0, r.get(0).latencyMs());
        assertEquals("access_log", r.get(0).endpoint());
        JsonNode attrs = JSON.readTree(r.get(1).attrs());
        assertEquals("2.0", attrs.get("version").asText());
        assertEquals("/10.0.0.7:41234", attrs.get("client").asText());
        assertTrue(
                r.source()
                        .notes()
                        .contains(
                                "skipped 2 access log lines that are not inference requests (health, management, metrics)"),
                r.source().notes().toString());

        Path mixed = write("ts_log.log", """
                2023-11-11T19:48:33,368 [INFO ] W-9000-sdxl_1.0-stdout MODEL_METRICS - PredictionTime.ms:44223.53|#ModelName:sdxl,Level:Model
                2023-11-11T19:48:37,462 [INFO ] W-9000-sdxl_1.0 ACCESS_LOG - /127.0.0.1:53046 "POST /v1/models/sdxl:predict HTTP/1.1" 200 86831
                Traceback (most recent call last):
                2023-11-11T19:48:37,462 [INFO ] W-9000-sdxl_1.0 TS_METRICS - Requests2XX.Count:1.0|#Level:Host
                2023-11-11T19:48:38,000 [INFO ] grpc-default-executor-0 ACCESS_LOG - /127.0.0.1:53050 "gRPC org.pytorch.serve.grpc.inference.InferenceAPIsService/Predictions HTTP/2.0" 0 12
                """);
        Read m = read(mixed, LogReadOptions.preset(LogPreset.TORCHSERVE));
        assertEquals(2, m.requests().size());
        assertEquals(epoch("2023-11-11T19:48:37.462Z") - 86.831, m.get(0).start(), MICRO);
        assertTrue(m.get(1).ok(), "gRPC status 0 is OK");
        assertEquals("ts_log", m.get(1).model(), "a gRPC request names no model in the log");
        assertTrue(
                m.source().notes().contains("skipped 3 lines of other loggers (a mixed log)"),
                m.source().notes().toString());

        Path junk = write(
                "junk_access_log.log",
                "2024-01-01T10:00:00,123 - /127.0.0.1:50000 \"POST /predictions/resnet HTTP/1.1\" 200 118\nnot a log line\n");
        BadInputException e = assertThrows(BadInputException.class, () -> read(junk, LogReadOptions.DETECT));
        assertTrue(
                e.getMessage().startsWith(junk + ": line 2: expected a TorchServe access log line such as"),
                e.getMessage());
    }

    @Test
    void openTelemetryGenAiSpansFromOtlpJsonAndFlattenedLines() throws IOException {
        // One OTLP/JSON export request (as the collector's file exporter writes), with a gen_ai span and an HTTP span.
        String otlp = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"chat-api"}}]},\
                "scopeSpans":[{"scope":{"name":"openai"},"spans":[\
                {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"chat gpt-4o","kind":3,\
                "startTimeUnixNano":"1714564800250000000","endTimeUnixNano":"1714564801750000000",\
                "attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}},\
                {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},\
                {"key":"gen_ai.usage.input_tokens","value":{"intValue":"812"}},\
                {"key":"gen_ai.usage.output_tokens","value":{"intValue":95}}],"status":{}},\
                {"traceId":"5b8efff798038103d269b633813fc60c","spanId":"aaa19b7ec3c1b174","name":"GET /health",\
                "startTimeUnixNano":"1714564800000000000","endTimeUnixNano":"1714564800001000000",\
                "attributes":[{"key":"http.request.method","value":{"stringValue":"GET"}}]}]}]}]}
                """;
        String flat = """
                {"name":"chat claude","startTimeUnixNano":1714564802000000000,"endTimeUnixNano":1714564802500000000,\
                "attributes":{"gen_ai.request.model":"claude-3","gen_ai.usage.input_tokens":5,"gen_ai.usage.output_tokens":7},"status":{"code":2}}
                """;
        Path f = write("spans.jsonl", otlp + flat);
        Read r = read(f, LogReadOptions.DETECT);
        assertEquals(LogPreset.OTEL_GENAI, r.source().preset());
        assertEquals(2, r.requests().size(), "the HTTP span is not a model call");
        LogRequest a = r.get(0);
        assertEquals(
                List.of("gpt-4o", "chat-api", 812L, 95L, true),
                List.of(a.model(), a.endpoint(), a.inputTokens(), a.outputTokens(), a.ok()));
        assertEquals(epoch("2024-05-01T12:00:00.250Z"), a.start(), MICRO);
        assertEquals(1500.0, a.latencyMs(), 1e-3);
        JsonNode attrs = JSON.readTree(a.attrs());
        assertEquals("chat", attrs.get("gen_ai.operation.name").asText());
        assertEquals("5b8efff798038103d269b633813fc60c", attrs.get("traceId").asText());
        LogRequest b = r.get(1);
        assertEquals(List.of("claude-3", "spans", false, "2"), List.of(b.model(), b.endpoint(), b.ok(), b.status()));
        assertTrue(
                r.source().notes().contains("skipped 1 spans without gen_ai attributes (not model calls)"),
                r.source().notes().toString());
    }

    @Test
    void aHeaderOnlyFileAndAnEmptyFileAreRefused() throws IOException {
        Path header = write("header.csv", "timestamp,latency_ms\n");
        assertEquals(
                header + ": no requests to import (the file has no data rows)",
                assertThrows(BadInputException.class, () -> read(header, LogReadOptions.DETECT))
                        .getMessage());
        Path empty = write("empty.csv", "");
        BadInputException e = assertThrows(BadInputException.class, () -> read(empty, LogReadOptions.DETECT));
        assertEquals(empty + ": the file is empty; expected a header line of column names", e.getMessage());
        Path zip = dir.resolve("log.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 0, 0});
        assertTrue(assertThrows(BadInputException.class, () -> read(zip, LogReadOptions.DETECT))
                .getMessage()
                .contains("is a zip archive"));
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("layout", "csv");
        assertThrows(
                BadInputException.class,
                () -> new LogReadOptions(null, entries, null, 0),
                "layout is not a --map field");
    }
}
