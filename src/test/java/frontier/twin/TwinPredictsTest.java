package frontier.twin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogReadOptions;
import frontier.scenario.Scenario;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twins asked about traffic they were not calibrated on, against an independent generator's truth
 * ({@link FleetGenerator}, not Frontier's engine): calibrated at one load, asked about −10%, +10% and +25%.
 * Targets (issue 12): p50 and p95 within 15% of the generator's, cost within 5%. The generator's truth at
 * each load comes from 400,000 requests (its p95's sampling error is under 1%); the twin runs 4 replications
 * of the calibrated period, about 300,000 requests. Every row is printed, for docs/twin.md.
 */
@Tag("validation")
class TwinPredictsTest {
    @TempDir
    Path dir;

    static final long START = Instant.parse("2026-03-02T00:00:00Z").getEpochSecond();
    static final double[] FACTORS = {1.0, 0.9, 1.1, 1.25};
    static final double P_TOLERANCE = 0.15;
    static final double COST_TOLERANCE = 0.05;

    /**
     * A busy fixed fleet: 4 instances × 2 slots, lognormal service of mean 0.8 s (cv 0.6), 7 requests/s
     * (70% busy, a third of the requests wait), billed $2/h per instance for 3 hours. Peak requests in
     * flight far exceed the 8 slots, so sizing slots from the peak would never queue.
     */
    @Test
    void busyFixedFleetTwinPredictsLatencyUnderMoreAndLessTraffic() throws IOException {
        int instances = 4, slots = 2;
        double rate = 7, meanS = 0.8, cv = 0.6, usdPerHour = 2;
        int hours = 3;
        FleetGenerator.Log log =
                FleetGenerator.fixedFleet(12, rate, instances * slots, meanS, cv, (int) (rate * hours * 3600 * 0.999));
        Path ws = workspace(log, instances, hours, usdPerHour);
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            twin = Calibrator.calibrate(w, new Calibrator.Options(null, false, 4, 5), dir.resolve("twin.json"));
            TwinGolden.assertSame("busy-fixed-fleet", twin, dir.resolve("twin.json"));
        }
        JsonNode sep = twin.report().get("wait_separation");
        assertTrue(sep != null, "the log queued: waiting is separated from service " + twin.report());
        assertEquals(slots, sep.get("slots_per_instance").asInt(), sep.toString());
        assertTrue(
                sep.get("peak_slots_per_instance").asInt() > slots,
                "the peak in flight includes queued requests: " + sep);
        JsonNode pool = twin.scenario().get("pools").get(0);
        assertEquals(instances, pool.get("instances").asInt());
        assertEquals(slots, pool.get("concurrency").asInt());

        double billed = twin.scenario().get("observed").get("cost_usd").asDouble();
        List<String> failures = new ArrayList<>();
        for (double f : FACTORS) {
            FleetGenerator.Log truth = FleetGenerator.fixedFleet(
                    100 + Math.round(100 * f), rate * f, instances * slots, meanS, cv, 405_000);
            Summary s = ScenarioRunner.defaultRunner().run(scaled(twin.scenario(), f), RunControl.NONE);
            // A fixed fleet costs the same at every load: the bill's cost over the period.
            check(
                    "busy fixed fleet",
                    f,
                    truth.latencyQuantileMs(0.5, 5000),
                    truth.latencyQuantileMs(0.95, 5000),
                    billed,
                    s,
                    failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * An autoscaled fleet over 26 hours: a daily profile from 0.5 to 3 requests/s, 2 slots per instance,
     * lognormal service of mean 2 s (cv 0.5), an HPA at 60% utilization (30 s ticks, 5-minute scale-in window,
     * 60 s cold start) between 1 and 12 instances at $1.50/h, billed per clock hour with the part of the hour
     * each instance lived (as AWS bills). The twin must read an autoscaled pool from the bill, not an average.
     */
    @Test
    void autoscaledFleetTwinFitsThePolicyAndPredictsLatencyAndCost() throws IOException {
        // 26 hours, the first two again at the end: a log of a day or more gets an hourly profile.
        double[] rates = {
            0.6, 0.5, 0.5, 0.5, 0.6, 0.8, 1.2, 1.7, 2.2, 2.6, 2.9, 3.0, 3.0, 2.9, 2.8, 2.6, 2.4, 2.2, 1.9, 1.6, 1.3,
            1.0, 0.8, 0.7, 0.6, 0.5
        };
        int slots = 2;
        double meanS = 2, cv = 0.5, target = 0.6, usdPerHour = 1.5;
        FleetGenerator.Autoscaled day =
                FleetGenerator.autoscaledFleet(21, rates, 1, slots, meanS, cv, target, 1, 12, 30, 300, 60);
        Path ws = autoscaledWorkspace(day, usdPerHour);
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            twin = Calibrator.calibrate(w, new Calibrator.Options(null, false, 2, 5), dir.resolve("twin.json"));
            TwinGolden.assertSame("autoscaled-fleet", twin, dir.resolve("twin.json"));
        }
        JsonNode pool = twin.scenario().get("pools").get(0);
        assertEquals("autoscaled", pool.get("type").asText(), twin.scenario().toString());
        System.out.println("autoscaled twin pool: " + ((ObjectNode) pool.deepCopy()).without("model"));
        double billed = twin.scenario().get("observed").get("cost_usd").asDouble();
        assertEquals(
                day.instanceSeconds() / 3600 * usdPerHour,
                billed,
                0.01 * billed,
                "the bill is the generator's instance time");
        List<String> failures = new ArrayList<>();
        for (double f : FACTORS) {
            FleetGenerator.Autoscaled truth = f == 1
                    ? day
                    : FleetGenerator.autoscaledFleet(
                            200 + Math.round(100 * f), rates, f, slots, meanS, cv, target, 1, 12, 30, 300, 60);
            Summary s = ScenarioRunner.defaultRunner().run(scaled(twin.scenario(), f), RunControl.NONE);
            check(
                    "autoscaled fleet",
                    f,
                    truth.log().latencyQuantileMs(0.5, 0),
                    truth.log().latencyQuantileMs(0.95, 0),
                    truth.instanceSeconds() / 3600 * usdPerHour,
                    s,
                    failures);
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The autoscaled fleet's log and its bill: one line per instance and clock hour, for the part of the hour it lived. */
    Path autoscaledWorkspace(FleetGenerator.Autoscaled day, double usdPerHour) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,latency_ms,endpoint,status\n");
        FleetGenerator.Log log = day.log();
        for (int i = 0; i < log.size(); i++) {
            csv.append(String.format(
                    Locale.ROOT, "%.4f,%.3f,api,200%n", START + log.arrival()[i], 1000 * log.latency()[i]));
        }
        FocusBill bill = new FocusBill("api", null);
        int id = 0;
        for (double[] span : day.instances()) {
            id++;
            for (long h = (long) Math.floor(span[0] / 3600); h * 3600 < span[1]; h++) {
                double part = (Math.min(span[1], (h + 1) * 3600.0) - Math.max(span[0], h * 3600.0)) / 3600;
                if (part <= 0) continue;
                Instant a = Instant.ofEpochSecond(START + 3600 * h);
                bill.hour(
                        a,
                        String.format(Locale.ROOT, "%.8f", part * usdPerHour),
                        "Standard",
                        String.valueOf(id),
                        "g5.xlarge",
                        String.format(Locale.ROOT, "%.8f", part));
            }
        }
        return importBoth(csv, bill.csv());
    }

    /**
     * The same busy fleet, its log with a queue_ms column: waiting comes from the log, not from inference, the slots
     * from the peak of requests in service, and the twin's p50/p95 at +25% traffic are within the targets.
     */
    @Test
    void aLoggedQueueTimeSeparatesWaitingDirectly() throws IOException {
        int instances = 4, slots = 2;
        double rate = 7, meanS = 0.8, cv = 0.6;
        FleetGenerator.Log log =
                FleetGenerator.fixedFleet(12, rate, instances * slots, meanS, cv, (int) (rate * 3 * 3600 * 0.999));
        Path ws = workspace(log, instances, 3, 2, true);
        Calibrator.Twin twin;
        try (Workspace w = Workspace.open(ws)) {
            twin = Calibrator.calibrate(w, new Calibrator.Options(null, false, 4, 5), dir.resolve("twin.json"));
            TwinGolden.assertSame("queue-time-column", twin, dir.resolve("twin.json"));
        }
        JsonNode sep = twin.report().get("wait_separation");
        assertEquals("queue_time_column", sep.get("source").asText(), sep.toString());
        assertEquals(
                slots, twin.scenario().get("pools").get(0).get("concurrency").asInt());
        FleetGenerator.Log truth = FleetGenerator.fixedFleet(225, rate * 1.25, instances * slots, meanS, cv, 405_000);
        List<String> failures = new ArrayList<>();
        check(
                "busy fixed fleet, queue_ms logged",
                1.25,
                truth.latencyQuantileMs(0.5, 5000),
                truth.latencyQuantileMs(0.95, 5000),
                twin.scenario().get("observed").get("cost_usd").asDouble(),
                ScenarioRunner.defaultRunner().run(scaled(twin.scenario(), 1.25), RunControl.NONE),
                failures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    static void check(String fleet, double f, double p50, double p95, double cost, Summary s, List<String> failures) {
        double sp50 = s.metric("latency_ms.p50"), sp95 = s.metric("latency_ms.p95"), sc = s.metric("cost_usd.total");
        double e50 = sp50 / p50 - 1, e95 = sp95 / p95 - 1, ec = sc / cost - 1;
        System.out.printf(
                Locale.ROOT,
                "| %s | %+.0f%% | %,.0f → %,.0f ms (%+.1f%%) | %,.0f → %,.0f ms (%+.1f%%) | $%,.2f → $%,.2f (%+.1f%%) |%n",
                fleet,
                100 * (f - 1),
                p50,
                sp50,
                100 * e50,
                p95,
                sp95,
                100 * e95,
                cost,
                sc,
                100 * ec);
        if (Math.abs(e50) > P_TOLERANCE || Math.abs(e95) > P_TOLERANCE || Math.abs(ec) > COST_TOLERANCE) {
            failures.add(String.format(
                    Locale.ROOT,
                    "%s at %+.0f%% traffic: p50 %+.1f%%, p95 %+.1f%%, cost %+.1f%%",
                    fleet,
                    100 * (f - 1),
                    100 * e50,
                    100 * e95,
                    100 * ec));
        }
    }

    /** The twin with its arrival rate times {@code f}. */
    static Scenario scaled(ObjectNode scenario, double f) {
        ObjectNode s = scenario.deepCopy();
        ObjectNode t = (ObjectNode) s.get("traffic");
        switch (t.get("type").asText()) {
            case "poisson" -> t.put("rate_per_s", t.get("rate_per_s").asDouble() * f);
            case "profile" -> {
                ArrayNode r = (ArrayNode) t.get("rates_per_s");
                for (int i = 0; i < r.size(); i++) r.set(i, r.get(i).asDouble() * f);
            }
            default -> throw new AssertionError("a fitted twin has Poisson or profile traffic here, got " + t);
        }
        return ScenarioLoader.parse(s.toString(), "scaled twin");
    }

    /** Imports the generated log (starting at {@link #START}) and a FOCUS bill of {@code instances} on-demand instances. */
    Path workspace(FleetGenerator.Log log, int instances, int hours, double usdPerHour) throws IOException {
        return workspace(log, instances, hours, usdPerHour, false);
    }

    /** As above; with {@code queueColumn} the log also has each request's queue time (queue_ms). */
    Path workspace(FleetGenerator.Log log, int instances, int hours, double usdPerHour, boolean queueColumn)
            throws IOException {
        StringBuilder csv = new StringBuilder(
                queueColumn
                        ? "timestamp,latency_ms,endpoint,status,queue_ms\n"
                        : "timestamp,latency_ms,endpoint,status\n");
        for (int i = 0; i < log.size(); i++) {
            csv.append(
                    String.format(Locale.ROOT, "%.4f,%.3f,api,200", START + log.arrival()[i], 1000 * log.latency()[i]));
            if (queueColumn)
                csv.append(String.format(Locale.ROOT, ",%.3f", 1000 * (log.latency()[i] - log.service()[i])));
            csv.append('\n');
        }
        FocusBill bill = new FocusBill("api", null);
        for (int h = 0; h < hours; h++) {
            Instant a = Instant.ofEpochSecond(START + 3600L * h);
            for (int i = 1; i <= instances; i++)
                bill.hour(a, String.valueOf(usdPerHour), "Standard", String.valueOf(i), "c5.xlarge", "1");
        }
        return importBoth(csv, bill.csv());
    }

    private Path importBoth(CharSequence csv, CharSequence bill) throws IOException {
        Path logFile = Files.writeString(dir.resolve("requests.csv"), csv);
        Path billFile = Files.writeString(dir.resolve("bill.csv"), bill);
        Path ws = dir.resolve("ws.sqlite");
        try (Workspace w = Workspace.open(ws)) {
            w.billing().importFile(billFile, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            w.requestLogs().importFile(logFile, LogReadOptions.DETECT, false, ImportMonitor.NONE);
        }
        return ws;
    }
}
