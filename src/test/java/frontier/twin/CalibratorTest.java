package frontier.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogReadOptions;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.scenario.TwinComparison;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.store.ImportMonitor;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic fleet whose truth is known: 8 days of Poisson requests at 0.05/s to endpoint "chat",
 * latency = 0.2 s + input / 5,000 tok/s + output / 50 tok/s times lognormal noise (cv 0.2) — no
 * queueing —, billed as two on-demand instances at $1.20/h all along and one spot slot at $0.40/h whose
 * instance was interrupted once (a 2-hour gap, then a replacement). Plus one untagged S3 line.
 */
class CalibratorTest {
    @TempDir
    Path dir;

    Path ws;

    static final LocalDate START = LocalDate.of(2026, 3, 2);
    static final int DAYS = 8;

    @BeforeEach
    void workspace() throws IOException {
        Random rnd = new Random(11);
        StringBuilder log =
                new StringBuilder("timestamp,latency_ms,model,endpoint,status,input_tokens,output_tokens\n");
        double t = START.toEpochDay() * 86_400.0;
        double end = t + DAYS * 86_400.0;
        double sigma = Math.sqrt(Math.log(1 + 0.04));
        while (true) {
            t += -Math.log(1 - rnd.nextDouble()) / 0.05;
            if (t >= end) break;
            int in = 100 + rnd.nextInt(1900);
            int out = 10 + rnd.nextInt(490);
            double noise = Math.exp(sigma * rnd.nextGaussian() - sigma * sigma / 2);
            double lat = (0.2 + in / 5000.0 + out / 50.0) * noise;
            log.append(Instant.ofEpochMilli((long) (t * 1000)))
                    .append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", lat * 1000))
                    .append(",llama-8b,chat,200,")
                    .append(in)
                    .append(',')
                    .append(out)
                    .append('\n');
        }
        Path logFile = Files.writeString(dir.resolve("requests.csv"), log);
        StringBuilder bill = new StringBuilder(
                "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                        + "ChargeCategory,PricingCategory,ProviderName,RegionId,ServiceName,ResourceId,x_InstanceType,ConsumedQuantity,ConsumedUnit,Tags\n");
        String tag = "\"{\"\"endpoint\"\":\"\"chat\"\"}\"";
        for (int h = 0; h < DAYS * 24; h++) {
            Instant a = START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600L * h);
            Instant b = a.plusSeconds(3600);
            for (String id : new String[] {"i-1", "i-2"}) {
                bill.append("1.2,1.2,")
                        .append(a)
                        .append(',')
                        .append(b)
                        .append(",USD,acct,Usage,Standard,AWS,us-east-1,Amazon EC2,")
                        .append(id)
                        .append(",g5.xlarge,1,Hours,")
                        .append(tag)
                        .append('\n');
            }
            boolean gap = h >= 96 && h < 98;
            if (!gap) {
                bill.append("0.4,0.4,")
                        .append(a)
                        .append(',')
                        .append(b)
                        .append(",USD,acct,Usage,Dynamic,AWS,us-east-1,Amazon EC2,")
                        .append(h < 96 ? "i-spot-1" : "i-spot-2")
                        .append(",g5.xlarge,1,Hours,")
                        .append(tag)
                        .append('\n');
            }
        }
        bill.append("10,10,")
                .append(START)
                .append("T00:00:00Z,")
                .append(START.plusDays(1))
                .append("T00:00:00Z,USD,acct,Usage,Standard,AWS,us-east-1,Amazon S3,b,,5,GB-Mo,\n");
        Path billFile = Files.writeString(dir.resolve("bill.csv"), bill);
        ws = dir.resolve("ws.sqlite");
        try (Workspace w = Workspace.open(ws)) {
            w.billing().importFile(billFile, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            w.requestLogs().importFile(logFile, LogReadOptions.DETECT, false, ImportMonitor.NONE);
        }
    }

    @Test
    void recoversPoolsPricesAndTokenRatesAndTheTwinMeetsItsTargets() throws Exception {
        Path out = dir.resolve("twin.json");
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            twin = Calibrator.calibrate(w, new Calibrator.Options(null, false, 2, 3), out);
        }
        assertTrue(Files.exists(out));
        JsonNode pools = twin.scenario().get("pools");
        assertEquals(2, pools.size(), pools.toString());
        JsonNode od = pools.get(0);
        assertEquals("always_on", od.get("type").asText());
        assertEquals(2, od.get("instances").asInt());
        assertEquals(1.2, od.get("price").get("usd_per_hour").asDouble(), 1e-9);
        assertEquals(od.get("overflow_to").asText(), pools.get(1).get("name").asText());
        JsonNode spot = pools.get(1);
        assertEquals("spot", spot.get("type").asText());
        assertEquals(1, spot.get("instances").asInt());
        // One interruption in 190 billed spot hours; the slot stayed empty for 2 hours.
        assertEquals(1.0 / 190, spot.get("interruption").get("hazard_per_hour").asDouble(), 1e-6);
        assertEquals(7200, spot.get("replacement_delay_s").asDouble(), 1);
        JsonNode tt = od.get("model").get("token_time");
        assertNotNull(tt, "token counts drive service time");
        // Rates within 10% of the truth (about 9,000 requests; the fit's SE is a few per cent).
        assertEquals(5000, tt.get("prefill_tokens_per_s").asDouble(), 500);
        assertEquals(50, tt.get("decode_tokens_per_s").asDouble(), 5);
        JsonNode observed = twin.scenario().get("observed");
        assertEquals(
                2 * 1.2 * 192 + 0.4 * 190,
                observed.get("cost_usd").asDouble(),
                1e-6,
                "the S3 line is not attributed to chat");

        Summary s = ScenarioRunner.defaultRunner().run(twin.loaded(), RunControl.NONE);
        List<TwinComparison.Row> rows = TwinComparison.compare(twin.loaded().observed(), s);
        for (TwinComparison.Row r : rows) {
            if (!Double.isNaN(r.target())) assertTrue(r.withinTarget(), r.metric() + ": " + r);
        }
        assertEquals(5, rows.size());
    }

    @Test
    void twinPoolsCarryTheBillsInstanceTypeBesideTheBilledPrice() throws Exception {
        Path out = dir.resolve("twin.json");
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            twin = Calibrator.calibrate(w, new Calibrator.Options(null, false, 1, 3), out);
        }
        for (JsonNode pool : twin.scenario().get("pools")) {
            JsonNode price = pool.get("price");
            assertEquals("aws", price.get("provider").asText(), "the bill's 'AWS' as the catalogue writes it");
            assertEquals("g5.xlarge", price.get("instance_type").asText());
            assertEquals("us-east-1", price.get("region").asText());
        }
        // The billed price is what the twin is billed, not the catalogue's.
        var loaded = twin.loaded().pools();
        assertEquals(1.2, loaded.get(0).price().usdPerHour(), 1e-9);
        assertEquals(0.4, loaded.get(1).price().usdPerHour(), 1e-9);
        // An alternative can ask the catalogue for the same machine's spot price.
        var p = loaded.get(0).price();
        var spot = frontier.cost.PriceCatalogue.shipped()
                .instance(p.provider(), p.region(), p.instanceType(), frontier.domain.PricingModel.SPOT);
        assertTrue(spot.isPresent(), "the catalogue knows the billed machine's spot price");
    }

    @Test
    void replayWritesTheTraceAndTheScenarioReadsIt() throws Exception {
        Path out = dir.resolve("replay.json");
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            twin = Calibrator.calibrate(w, new Calibrator.Options("chat", true, 1, 3), out);
        }
        assertEquals("replay", twin.scenario().get("traffic").get("type").asText());
        assertTrue(Files.size(twin.traceFile()) > 1000);
        assertTrue(twin.scenario().get("tokens") == null, "replayed requests carry the logged token counts");
        Summary s = ScenarioRunner.defaultRunner().run(twin.loaded(), RunControl.NONE);
        assertEquals(
                twin.loaded().observed().requests(),
                s.metric("requests"),
                0.5,
                "every logged request is replayed once");
    }

    @Test
    void unknownEndpointAndMissingLatencyAreExplained() throws Exception {
        try (Workspace w = Workspace.open(ws)) {
            BadInputException e = assertThrows(
                    BadInputException.class,
                    () -> Calibrator.calibrate(w, new Calibrator.Options("nope", false, 1, 1), dir.resolve("x.json")));
            assertTrue(e.getMessage().contains("chat"), e.getMessage());
        }
        Path noLatency = Files.writeString(
                dir.resolve("nolat.csv"), "timestamp,endpoint\n2026-03-01T00:00:00Z,e\n2026-03-01T00:00:01Z,e\n");
        Path ws2 = dir.resolve("ws2.sqlite");
        try (Workspace w = Workspace.open(ws2)) {
            w.requestLogs().importFile(noLatency, LogReadOptions.DETECT, false, ImportMonitor.NONE);
            BadInputException e = assertThrows(
                    BadInputException.class,
                    () -> Calibrator.calibrate(w, new Calibrator.Options(null, false, 1, 1), dir.resolve("y.json")));
            assertTrue(e.getMessage().contains("latenc"), e.getMessage());
        }
    }
}
