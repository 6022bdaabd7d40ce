package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.CsvParser;
import frontier.model.RequestOutcome.Status;
import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.Interruption;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.OnInterrupt;
import frontier.model.pool.Pools;
import frontier.model.pool.Price;
import frontier.model.pool.ServerlessBilling;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.model.traffic.PoissonTraffic;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Exponential;
import frontier.sim.dist.LogNormal;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-request log of one replication: the listener sees exactly the requests the results count,
 * each once, with its pool, class and tokens; instance lifetimes add up to the pools' cost; and
 * listening changes nothing in the run.
 */
class RunListenerTest {
    @TempDir
    Path dir;

    /** Every way to leave: a small queue that rejects and times out, spot instances that lose requests, a cache. */
    static FleetSpec busyFleet(RunSpec run) {
        AlwaysOnPool small = new AlwaysOnPool(
                "small",
                1,
                1,
                new ModelProfile("tiny, int8", Exponential.ofMean(0.2), null),
                3,
                0.3,
                null,
                null,
                null,
                Price.perHour(1.0));
        SpotPool spot = new SpotPool(
                "spot",
                3,
                1,
                new ModelProfile("big", Exponential.ofMean(2.0), null),
                null,
                null,
                null,
                null,
                null,
                Price.perHour(0.4),
                new Interruption(20.0, null, null, null),
                0.0,
                OnInterrupt.LOSE,
                30.0,
                new Deterministic(20),
                null);
        ServerlessPool fn = new ServerlessPool(
                "fn",
                1,
                new ModelProfile("emb", new LogNormal(0.1, 0.3, null, null), null),
                null,
                new Deterministic(1.5),
                60,
                null,
                1000,
                0,
                null,
                new ServerlessBilling(2e-7, 1.66667e-5, 2.0, null, null, null, null, 1.0, null, null, null),
                null,
                null);
        List<Pools> pools = List.of(small, spot, fn);
        List<RequestClass> classes = List.of(
                new RequestClass("a", 0.4, null, "small"),
                new RequestClass("b", 0.3, null, "spot"),
                new RequestClass("c", 0.3, null, "fn"));
        return new FleetSpec(
                new PoissonTraffic(6),
                pools,
                classes,
                new CacheSpec(0.1, null, null, null, 5.0),
                new TokensSpec(new LogNormal(500.0, 1.0, null, null), null),
                run);
    }

    static final class Recorder implements RunListener {
        final List<RequestOutcome> outcomes = new ArrayList<>();
        final List<InstanceSpan> spans = new ArrayList<>();

        @Override
        public void requestFinished(RequestOutcome o) {
            outcomes.add(o);
        }

        @Override
        public void instanceStopped(InstanceSpan s) {
            spans.add(s);
        }
    }

    @Test
    void theListenerSeesExactlyTheRequestsTheResultsCount() {
        FleetSpec spec = busyFleet(new RunSpec(4 * 3600.0, null, 600.0, null, 1, 3L));
        Recorder rec = new Recorder();
        RunResult r = ServingModel.run(spec, null, new RandomStreams(3, 0), RunControl.NONE, rec);
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        Map<String, Long> byPool = new HashMap<>();
        Map<String, Long> byClass = new HashMap<>();
        long tokens = 0;
        long cacheHits = 0;
        for (RequestOutcome o : rec.outcomes) {
            byStatus.merge(o.status(), 1L, Long::sum);
            assertTrue(o.arrivalS() >= 0 && o.latencyS() >= 0, o.toString());
            assertNull(o.outputTokens(), "no output-token distribution");
            if (o.status() == Status.COMPLETED) {
                byClass.merge(o.requestClass(), 1L, Long::sum);
                tokens += o.inputTokens();
                if (o.pool() == null) cacheHits++;
                else byPool.merge(o.pool(), 1L, Long::sum);
                assertTrue(o.serviceS() >= 0 && o.serviceS() <= o.latencyS() + 1e-9, o.toString());
            } else {
                assertTrue(Double.isNaN(o.serviceS()), o.toString());
            }
        }
        for (Status s : Status.values())
            assertTrue(byStatus.getOrDefault(s, 0L) > 0, "the fleet produces every outcome; none " + s);
        assertEquals((long) r.metric("completed"), count(byStatus, Status.COMPLETED));
        assertEquals((long) r.metric("rejected"), count(byStatus, Status.REJECTED));
        assertEquals((long) r.metric("timed_out"), count(byStatus, Status.TIMED_OUT));
        assertEquals((long) r.metric("lost"), count(byStatus, Status.LOST));
        assertEquals((long) r.metric("cache.hits"), cacheHits);
        for (String p : List.of("small", "spot", "fn"))
            assertEquals((long) r.metric("pools." + p + ".completed"), count(byPool, p), p);
        for (String c : List.of("a", "b", "c"))
            assertEquals((long) r.metric("classes." + c + ".completed"), count(byClass, c), c);
        assertEquals((long) r.metric("tokens.input"), tokens);
        assertTrue(
                rec.outcomes.stream().anyMatch(o -> o.coldStart() && "fn".equals(o.pool())),
                "serverless requests waited for starts");
        assertTrue(
                rec.outcomes.stream().allMatch(o -> o.arrivalS() + o.latencyS() >= 600 - 1e-9),
                "nothing from the warm-up");
    }

    @Test
    void instanceLifetimesTimesThePriceAreThePoolsCost() {
        FleetSpec spec = busyFleet(new RunSpec(6 * 3600.0, null, null, null, 1, 4L));
        Recorder rec = new Recorder();
        RunResult r = ServingModel.run(spec, null, new RandomStreams(4, 0), RunControl.NONE, rec);
        Map<String, Double> seconds = new HashMap<>();
        Map<String, Integer> instances = new HashMap<>();
        for (InstanceSpan s : rec.spans) {
            assertTrue(s.stoppedS() >= s.launchedS() && s.stoppedS() <= 6 * 3600.0, s.toString());
            seconds.merge(s.pool(), s.stoppedS() - s.launchedS(), Double::sum);
            instances.merge(s.pool(), 1, Integer::sum);
        }
        assertEquals(1.0 * seconds.get("small") / 3600, r.metric("cost_usd.by_pool.small.total"), 1e-9);
        assertEquals(0.4 * seconds.get("spot") / 3600, r.metric("cost_usd.by_pool.spot.total"), 1e-9);
        assertEquals(
                3 + (long) r.metric("pools.spot.interruptions"),
                (long) instances.get("spot"),
                "every interruption brought a replacement");
        assertEquals(1, (int) instances.get("small"));
        InstanceSpan replacement = rec.spans.stream()
                .filter(s -> s.pool().equals("spot") && s.serial() > 3)
                .findFirst()
                .orElseThrow();
        assertEquals(20.0, replacement.startingS(), 1e-9, "a replacement starts for its cold start");
    }

    @Test
    void listeningDoesNotChangeTheRun() {
        FleetSpec spec = busyFleet(new RunSpec(2 * 3600.0, null, 300.0, null, 1, 9L));
        RunResult plain = ServingModel.run(spec, null, new RandomStreams(9, 0), RunControl.NONE);
        RunResult heard = ServingModel.run(spec, null, new RandomStreams(9, 0), RunControl.NONE, new Recorder());
        assertEquals(plain.metrics(), heard.metrics());
        assertEquals(plain.events(), heard.events());
    }

    @Test
    void requestLogRowsAreParseableAndFollowTheHeader() throws IOException {
        FleetSpec spec = busyFleet(new RunSpec(1800.0, null, null, null, 1, 2L));
        Path file = dir.resolve("log.csv.gz");
        RunResult r;
        long rows;
        try (RequestLogCsv log = RequestLogCsv.create(file, Instant.parse("2026-10-01T00:00:00Z"))) {
            r = ServingModel.run(spec, null, new RandomStreams(2, 0), RunControl.NONE, log);
            rows = log.rows();
        }
        long finished =
                (long) (r.metric("completed") + r.metric("rejected") + r.metric("timed_out") + r.metric("lost"));
        assertEquals(finished, rows);
        long read = 0;
        Map<String, Long> status = new HashMap<>();
        try (Reader in =
                        new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8);
                CsvParser csv = new CsvParser(in, file.toString())) {
            assertTrue(csv.next());
            assertEquals(RequestLogCsv.HEADER, String.join(",", fields(csv)));
            while (csv.next()) {
                List<String> f = fields(csv);
                assertEquals(9, f.size(), f.toString());
                assertTrue(f.get(0).matches("2026-10-01T0[0-9]:[0-5]\\d:[0-5]\\d\\.\\d{3}Z"), f.get(0));
                assertTrue(f.get(1).matches("\\d+\\.\\d{3}"), f.get(1));
                assertTrue(f.get(6).isEmpty(), "no output tokens in this scenario");
                assertTrue(f.get(8).equals("true") || f.get(8).equals("false"));
                if (f.get(7).equals("small"))
                    assertEquals("tiny, int8", f.get(2), "a model name with a comma survives quoting");
                if (f.get(7).isEmpty()) assertEquals("200", f.get(4), "cache hits have no pool");
                status.merge(f.get(4), 1L, Long::sum);
                read++;
            }
        }
        assertEquals(rows, read);
        assertEquals((long) r.metric("rejected"), count(status, "429"));
        assertEquals((long) r.metric("timed_out"), count(status, "504"));
        assertEquals((long) r.metric("lost"), count(status, "503"));
    }

    @Test
    void timestampsAreStartPlusArrivalToTheMillisecondAndLatencyInMilliseconds() throws IOException {
        StringWriter w = new StringWriter();
        try (RequestLogCsv log = new RequestLogCsv(w, "test", Instant.parse("2026-10-31T23:59:59.500Z"))) {
            log.requestFinished(
                    new RequestOutcome(0.4999, 1.2345678, 1.0, null, "p", "m", Status.COMPLETED, true, 12, 0));
            log.requestFinished(
                    new RequestOutcome(0.5, 0.0, Double.NaN, "chat", "p", "m", Status.REJECTED, false, null, null));
            log.requestFinished(new RequestOutcome(
                    86400.25, 30.0, Double.NaN, "chat", "p", "m", Status.TIMED_OUT, false, null, null));
            log.requestFinished(new RequestOutcome(1, 2, Double.NaN, "chat", "p", "m", Status.LOST, false, null, null));
        }
        List<String> lines = w.toString().lines().toList();
        assertEquals(RequestLogCsv.HEADER, lines.get(0));
        assertEquals("2026-10-31T23:59:59.999Z,1234.568,m,default,200,12,0,p,true", lines.get(1));
        assertEquals("2026-11-01T00:00:00.000Z,0.000,m,chat,429,,,p,false", lines.get(2));
        assertEquals("2026-11-01T23:59:59.750Z,30000.000,m,chat,504,,,p,false", lines.get(3));
        assertTrue(lines.get(4).contains(",503,"));
        try (CsvParser csv = new CsvParser(new StringReader(w.toString()), "test")) {
            int n = 0;
            while (csv.next()) n++;
            assertEquals(5, n);
        }
        assertFalse(w.toString().contains("NaN"));
    }

    private static <K> long count(Map<K, Long> m, K key) {
        return m.getOrDefault(key, 0L);
    }

    private static List<String> fields(CsvParser csv) {
        return List.of(csv.record());
    }
}
