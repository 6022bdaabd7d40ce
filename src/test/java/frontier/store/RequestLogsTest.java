package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import frontier.ingest.logs.LogMapping;
import frontier.ingest.logs.LogPreset;
import frontier.ingest.logs.LogReadOptions;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Request logs in the workspace: one transaction per file, duplicates, cancel, the queries and the v4 migration. */
class RequestLogsTest {
    @TempDir
    Path dir;

    private Workspace open() {
        return Workspace.open(dir.resolve("ws.sqlite"));
    }

    private static LogImportResult imp(Workspace ws, Path f) {
        return ws.requestLogs().importFile(f, LogReadOptions.DETECT, false, ImportMonitor.NONE);
    }

    private static double epoch(String iso) {
        Instant t = Instant.parse(iso);
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    /** Two endpoints, three models, two days, out of order, with errors and a request without latency. */
    private Path gateway() throws IOException {
        return Files.writeString(dir.resolve("gateway.csv"), """
                timestamp,endpoint,model,latency_ms,status,input_tokens,output_tokens
                2024-05-02T09:00:00Z,chat,llama-70b,1500,200,100,50
                2024-05-01T23:59:59.5Z,chat,llama-70b,500,200,10,5
                2024-05-01T10:00:00Z,chat,llama-8b,250,500,20,
                2024-05-02T11:00:00Z,embed,e5,,200,7,0
                2024-05-01T12:00:00Z,chat,llama-70b,1000,429,30,0
                """);
    }

    @Test
    void aMappedTimeToFirstTokenIsStoredAndReadBackWithEachRequest() throws IOException {
        Path f = Files.writeString(dir.resolve("llm.csv"), """
                timestamp,endpoint,latency_ms,ttft_ms,input_tokens,output_tokens
                2024-05-01T10:00:00Z,chat,1500,120.5,100,50
                2024-05-01T10:00:01Z,chat,900,,20,30
                """);
        try (Workspace ws = open()) {
            ws.requestLogs()
                    .importFile(
                            f, new LogReadOptions(null, Map.of("ttft", "ttft_ms"), null, 0), false, ImportMonitor.NONE);
            List<Double> ttft = new java.util.ArrayList<>();
            try (RequestCursor c = ws.requestLogs().requests(RequestFilter.of("chat", null))) {
                while (c.next()) ttft.add(c.ttftMs());
            }
            assertEquals(2, ttft.size());
            assertEquals(120.5, ttft.get(0), 1e-9, "ttft_unit defaults to ms");
            assertTrue(Double.isNaN(ttft.get(1)), "an empty cell is no time to first token");
        }
    }

    @Test
    void importStoresRequestsDayTotalsAndTheMappingUsed() throws IOException {
        Path f = gateway();
        try (Workspace ws = open()) {
            LogImportResult r = imp(ws, f);
            LogImportRecord rec = r.record();
            assertEquals(5, rec.rows());
            assertEquals(
                    epoch("2024-05-01T10:00:00Z"),
                    rec.firstTs(),
                    1e-6,
                    "first = min, though the rows are out of order");
            assertEquals(epoch("2024-05-02T11:00:00Z"), rec.lastTs(), 1e-6, "last = max");
            assertNull(rec.preset());
            assertEquals(r.mapping(), LogMapping.fromJson(rec.mapping()));
            assertEquals(64, rec.sha256().length());
            assertEquals(Files.size(f), rec.bytes());

            LogSummary s = ws.requestLogs().summary();
            assertEquals(
                    List.of(1L, 5L, 2L, 167L, 55L),
                    List.of(s.imports(), s.requests(), s.errors(), s.inputTokens(), s.outputTokens()));
            assertEquals(3.25, s.busySeconds(), 1e-9);
            assertEquals(rec.firstTs(), s.first());
            assertEquals(
                    List.of("chat/llama-70b", "chat/llama-8b", "embed/e5"),
                    s.groups().stream().map(g -> g.endpoint() + "/" + g.model()).toList());
            LogGroup big = s.groups().getFirst();
            assertEquals(
                    List.of(3L, 1L, "2024-05-01", "2024-05-02"),
                    List.of(big.requests(), big.errors(), big.firstDay(), big.lastDay()));

            assertEquals(List.of("chat", "embed"), ws.requestLogs().endpoints());
            assertEquals(
                    List.of("e5", "llama-70b", "llama-8b"), ws.requestLogs().models());
            List<RequestDay> days = ws.requestLogs().days("chat", "llama-70b");
            assertEquals(2, days.size());
            assertEquals(
                    new RequestDay("2024-05-01", "chat", "llama-70b", 2, 1, 40, 5, 1.5),
                    days.get(0),
                    "23:59:59.5 is still May 1st");
            assertEquals(new RequestDay("2024-05-02", "chat", "llama-70b", 1, 0, 100, 50, 1.5), days.get(1));
            assertEquals(4, ws.requestLogs().days(null, null).size());
        }
    }

    @Test
    void theCursorStreamsRequestsInStartOrderAcrossImports() throws IOException {
        Path later = Files.writeString(
                dir.resolve("later.csv"),
                "timestamp,endpoint,model,latency_ms\n2024-05-01T11:00:00Z,chat,llama-70b,7\n");
        try (Workspace ws = open()) {
            imp(ws, gateway());
            imp(ws, later);
            List<Double> starts = new ArrayList<>();
            List<Double> latencies = new ArrayList<>();
            try (RequestCursor c = ws.requestLogs().requests(RequestFilter.of("chat", "llama-70b"))) {
                while (c.next()) {
                    starts.add(c.ts() - epoch("2024-05-01T00:00:00Z"));
                    latencies.add(c.latencyMs());
                }
            }
            assertEquals(List.of(11 * 3600.0, 12 * 3600.0, 86399.5, 86400 + 9 * 3600.0), starts);
            assertEquals(List.of(7.0, 1000.0, 500.0, 1500.0), latencies);
            try (RequestCursor c = ws.requestLogs().requests(RequestFilter.of("embed", null))) {
                assertTrue(c.next());
                assertTrue(Double.isNaN(c.latencyMs()) && c.ok() && c.inputTokens() == 7 && c.outputTokens() == 0);
                assertFalse(c.next());
            }
            try (RequestCursor c = ws.requestLogs()
                    .requests(new RequestFilter(
                            null, null, epoch("2024-05-01T10:00:00Z"), epoch("2024-05-01T12:00:00Z")))) {
                assertTrue(c.next());
                assertEquals(-1, c.outputTokens(), "llama-8b's empty output tokens");
                assertFalse(c.ok());
                assertTrue(c.next());
                assertEquals(epoch("2024-05-01T11:00:00Z"), c.ts(), 1e-6);
                assertFalse(c.next(), "to is exclusive");
            }
        }
    }

    @Test
    void aBadRowLateInTheFileLeavesTheWorkspaceUnchanged() throws IOException {
        StringBuilder b = new StringBuilder("timestamp,latency_ms\n");
        for (int i = 0; i < 20_000; i++)
            b.append("2024-05-01T00:00:00Z,").append(i % 100).append('\n');
        b.append("2024-05-01T00:00:00Z,soon\n");
        Path f = Files.writeString(dir.resolve("bad.csv"), b);
        try (Workspace ws = open()) {
            imp(ws, gateway());
            LogSummary before = ws.requestLogs().summary();
            BadInputException e = assertThrows(BadInputException.class, () -> imp(ws, f));
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "line 20002, column 2 (latency_ms): expected a duration from 0 to 1 day in ms, got 'soon'"),
                    e.getMessage());
            assertEquals(5, ws.requestLogs().requestCount());
            assertEquals(1, ws.requestLogs().imports().size());
            assertEquals(before, ws.requestLogs().summary(), "no day totals of the failed import");
        }
    }

    @Test
    void theSameContentIsRefusedUnlessReplacing() throws IOException {
        Path a = gateway();
        Path copy = Files.copy(a, dir.resolve("copy.csv"));
        try (Workspace ws = open()) {
            long first = imp(ws, a).record().id();
            DuplicateImportException e = assertThrows(DuplicateImportException.class, () -> imp(ws, copy));
            assertTrue(
                    e.getMessage().contains("already imported as log import #" + first)
                            && e.getMessage().contains("--replace"),
                    e.getMessage());
            assertEquals(first, e.earlierLog().id());
            assertNull(e.earlier());
            assertEquals(5, ws.requestLogs().requestCount());

            LogImportResult r = ws.requestLogs()
                    .importFile(
                            copy, new LogReadOptions(null, Map.of("attrs", "drop"), null, 0), true, ImportMonitor.NONE);
            assertEquals(5, r.replacedRows());
            assertEquals(
                    List.of(r.record().id()),
                    ws.requestLogs().imports().stream().map(LogImportRecord::id).toList());
            assertEquals(5, ws.requestLogs().requestCount());
            assertEquals(5, ws.requestLogs().summary().requests(), "the earlier day totals went with it");
        }
    }

    @Test
    void cancellingRollsBackAndTheWorkspaceStaysUsable() throws IOException {
        StringBuilder b = new StringBuilder("timestamp,latency_ms\n");
        for (int i = 0; i < 50_000; i++) b.append("2024-05-01T00:00:00Z,1\n");
        Path f = Files.writeString(dir.resolve("big.csv"), b);
        AtomicLong seen = new AtomicLong();
        try (Workspace ws = open()) {
            assertThrows(ImportCancelledException.class, () -> ws.requestLogs()
                    .importFile(f, LogReadOptions.DETECT, false, new ImportMonitor() {
                        @Override
                        public boolean isCancelled() {
                            return seen.get() >= 10_000;
                        }

                        @Override
                        public void progress(long rows, long bytes, long total) {
                            seen.set(rows);
                        }
                    }));
            assertTrue(seen.get() >= 10_000);
            assertEquals(0, ws.requestLogs().requestCount());
            assertTrue(ws.requestLogs().imports().isEmpty());
            assertEquals(50_000, imp(ws, f).record().rows());
        }
    }

    @Test
    void deletingAnImportRemovesItsRequestsAndDayTotalsOnly() throws IOException {
        Path other = Files.writeString(dir.resolve("other.csv"), "timestamp,endpoint\n2024-05-03T00:00:00Z,x\n");
        try (Workspace ws = open()) {
            long a = imp(ws, gateway()).record().id();
            imp(ws, other);
            assertTrue(ws.requestLogs().deleteImport(a));
            assertFalse(ws.requestLogs().deleteImport(a));
            assertEquals(1, ws.requestLogs().requestCount());
            assertEquals(List.of("x"), ws.requestLogs().endpoints());
            assertEquals(1, ws.requestLogs().summary().requests());
        }
    }

    @Test
    void tooManyDistinctModelsMeansAWrongColumn() throws IOException {
        StringBuilder b = new StringBuilder("timestamp,model\n");
        for (int i = 0; i <= RequestLogs.MAX_DIMS; i++)
            b.append("2024-05-01T00:00:00Z,req-").append(i).append('\n');
        Path f = Files.writeString(dir.resolve("ids.csv"), b);
        try (Workspace ws = open()) {
            BadInputException e = assertThrows(BadInputException.class, () -> imp(ws, f));
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "more than 200,000 distinct model/endpoint pairs; is the column mapped to model (model)"),
                    e.getMessage());
            assertEquals(0, ws.requestLogs().requestCount());
        }
    }

    @Test
    void realSamplesSumUpInTheSummary() {
        Path code = Samples.trace("azure_llm_inference_2023_code.csv");
        Path mooncake = Samples.trace("mooncake_fast25_conversation_trace.jsonl");
        try (Workspace ws = open()) {
            imp(ws, code);
            LogImportResult m = ws.requestLogs()
                    .importFile(
                            mooncake,
                            LogReadOptions.preset(LogPreset.MOONCAKE).withStart(Instant.parse("2024-06-01T00:00:00Z")),
                            false,
                            ImportMonitor.NONE);
            assertEquals("mooncake", m.record().preset());
            LogSummary s = ws.requestLogs().summary();
            assertEquals(8_819 + 12_031, s.requests());
            assertEquals(
                    18_059_974L + 144_793_823L,
                    s.inputTokens(),
                    "sums of ContextTokens and input_length, computed independently");
            assertEquals(epoch("2024-06-01T00:00:00Z") + 3536.999, s.last(), 1e-6);
        }
    }

    @Test
    void aVersion3WorkspaceOpensMigratedAndTakesLogs() throws Exception {
        Path file = dir.resolve("v3.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            for (String m : Schema.MIGRATIONS.subList(0, 3)) for (String sql : Schema.statements(m)) s.execute(sql);
            s.execute("PRAGMA user_version = 3");
            s.execute(
                    "INSERT INTO imports VALUES (1, '/old/focus.csv', 'FOCUS 1.0', 'both', 'abc', 10, 1, 1725148800, 1725235200,"
                            + " '2024-09-02T00:00:00Z', 0.1, 1, 1)");
            s.execute("INSERT INTO import_accounts VALUES (1, 'AWS', 'acct', 1725148800, 1725235200, 1)");
            s.execute(
                    "INSERT INTO dims(id, provider, billing_account, charge_category, pricing_model, currency) VALUES (1, 'AWS', 'acct', 'usage', 'on_demand', 'USD')");
            s.execute(
                    "INSERT INTO charges(import_id, dim_id, period_start, period_end, billed_cost, effective_cost) VALUES (1, 1, 1725148800, 1725152400, '1.25', '1.25')");
            s.execute(
                    "INSERT INTO sweeps VALUES (1, 'old', NULL, '2024-09-02T00:00:00Z', 'grid', 1, 1, 0, 0, '', '{}')");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Schema.MIGRATIONS.size(), ws.schemaVersion());
            assertEquals(
                    new BigDecimal("1.25"),
                    ws.costs().totals(CostQuery.of()).getFirst().billed(),
                    "billing rows intact");
            assertEquals(1, ws.sweeps().list().size());
            assertEquals(0, ws.requestLogs().summary().imports());
            imp(ws, gateway());
            assertEquals(5, ws.requestLogs().summary().requests());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute(
                    "INSERT INTO attribution_rules(position, match, tag_key, pattern, endpoint, model) VALUES (1, 'tag', 'team', 'chat*', 'chat', NULL)");
            try (var rs = s.executeQuery("SELECT COUNT(*) FROM request_days")) {
                assertEquals(
                        4, rs.getInt(1), "request_days was created by the split of a statement followed by a comment");
            }
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(5, ws.requestLogs().requestCount(), "reopening changes nothing");
            ws.billing()
                    .importFile(
                            Samples.billing("aws_cur2_mock_keboola.csv"),
                            ReadOptions.DETECT,
                            OverlapPolicy.REFUSE,
                            ImportMonitor.NONE);
        }
    }
}
