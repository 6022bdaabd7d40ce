package frontier.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogReadOptions;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.sim.RunControl;
import frontier.store.ImportMonitor;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet that sent 70% of its requests to spot and 30% to on-demand, its log saying which machine served each
 * (a {@code pricing} or an {@code instance} column): the twin splits traffic by the observed shares instead of
 * overflowing in bill order, so each pool gets the work it had. Generated with {@link FleetGenerator}: one FIFO fleet
 * per pool (4 slots × 2 instances each, lognormal service of mean 0.8 s), Poisson arrivals split at random. Tagged
 * {@code slow} (out of {@code -Pfast}): three twins made from generated fleets, 4 s of CPU.
 */
@Tag("slow")
class ObservedRoutingTest {
    @TempDir
    Path dir;

    static final long START = TwinPredictsTest.START;
    static final double RATE = 6, SPOT_SHARE = 0.7;
    static final int HOURS = 3;

    @Test
    void aLoggedPricingColumnSplitsTrafficAsTheFleetDid() throws IOException {
        Calibrator.Twin twin = calibrate("pricing");
        JsonNode classes = twin.scenario().get("classes");
        assertNotNull(classes, "the twin routes by class: " + twin.scenario());
        assertEquals(2, classes.size());
        for (JsonNode p : twin.scenario().get("pools")) assertNull(p.get("overflow_to"), "no overflow: " + p);
        double spot = 0;
        for (JsonNode c : classes)
            if (c.get("pool").asText().startsWith("spot")) spot = c.get("share").asDouble();
        // The log's share of spot requests is binomial around 0.7 over ~64,700 requests (sd 0.002).
        assertEquals(SPOT_SHARE, spot, 0.015, classes.toString());

        // Each pool serves the share the fleet gave it (bill order with overflow would put nearly all on on-demand).
        Summary s = ScenarioRunner.defaultRunner()
                .run(ScenarioLoader.parse(twin.scenario().toString(), "twin"), RunControl.NONE);
        double onSpot = s.metric("pools.spot-g5-xlarge.completed");
        double onDemand = s.metric("pools.on_demand-g5-xlarge.completed");
        assertEquals(SPOT_SHARE, onSpot / (onSpot + onDemand), 0.02, "spot " + onSpot + ", on-demand " + onDemand);
    }

    @Test
    void aLoggedInstanceIsMatchedToTheBillsResources() throws IOException {
        Calibrator.Twin twin = calibrate("instance");
        JsonNode r = twin.report().get("observed_routing");
        assertNotNull(r, twin.report().toString());
        double spot = 0;
        for (JsonNode c : r)
            if (c.get("pool").asText().startsWith("spot")) spot = c.get("share").asDouble();
        assertEquals(SPOT_SHARE, spot, 0.015, r.toString());
    }

    @Test
    void withoutTheColumnTheTwinOverflowsInBillOrderAsBefore() throws IOException {
        Calibrator.Twin twin = calibrate(null);
        assertNull(twin.scenario().get("classes"));
        assertNull(twin.report().get("observed_routing"));
        assertTrue(
                twin.scenario().get("pools").get(0).has("overflow_to"),
                twin.scenario().toString());
    }

    /** Two fleets, 2 on-demand and 2 spot g5.xlarge for 3 hours, each 4 slots per instance; {@code column}: pricing, instance or none. */
    private Calibrator.Twin calibrate(String column) throws IOException {
        int n = (int) (RATE * HOURS * 3600 * 0.999);
        FleetGenerator.Log spot = FleetGenerator.fixedFleet(41, RATE * SPOT_SHARE, 8, 0.8, 0.6, (int) (n * SPOT_SHARE));
        FleetGenerator.Log onDemand =
                FleetGenerator.fixedFleet(42, RATE * (1 - SPOT_SHARE), 8, 0.8, 0.6, (int) (n * (1 - SPOT_SHARE)));
        record Row(double arrival, double latency, boolean spot, int slot) {}
        Row[] rows = IntStream.range(0, spot.size() + onDemand.size())
                .mapToObj(i -> i < spot.size()
                        ? new Row(spot.arrival()[i], spot.latency()[i], true, i % 2)
                        : new Row(
                                onDemand.arrival()[i - spot.size()], onDemand.latency()[i - spot.size()], false, i % 2))
                .filter(r -> r.arrival() < HOURS * 3600 - 1)
                .sorted(Comparator.comparingDouble(Row::arrival))
                .toArray(Row[]::new);
        StringBuilder csv =
                new StringBuilder("timestamp,latency_ms,endpoint,status" + (column == null ? "" : "," + column) + "\n");
        for (Row r : rows) {
            csv.append(String.format(Locale.ROOT, "%.4f,%.3f,api,200", START + r.arrival(), 1000 * r.latency()));
            if ("pricing".equals(column)) csv.append(r.spot() ? ",spot" : ",on-demand");
            if ("instance".equals(column))
                csv.append(",i-").append(r.spot() ? "s" : "d").append(r.slot());
            csv.append('\n');
        }
        FocusBill bill = new FocusBill("api", null);
        for (int h = 0; h < HOURS; h++) {
            Instant a = Instant.ofEpochSecond(START + 3600L * h);
            for (String id : Arrays.asList("d0", "d1", "s0", "s1")) {
                boolean isSpot = id.startsWith("s");
                bill.hour(a, isSpot ? "0.4125" : "1.006", isSpot ? "Dynamic" : "Standard", id, "g5.xlarge", "1");
            }
        }
        Path logFile = Files.writeString(dir.resolve("requests.csv"), csv);
        Path billFile = Files.writeString(dir.resolve("bill.csv"), bill.csv());
        Path ws = dir.resolve("ws.sqlite");
        try (Workspace w = Workspace.open(ws)) {
            w.billing().importFile(billFile, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            w.requestLogs().importFile(logFile, LogReadOptions.DETECT, false, ImportMonitor.NONE);
            return Calibrator.calibrate(w, new Calibrator.Options(null, false, 2, 5), dir.resolve("twin.json"));
        }
    }
}
