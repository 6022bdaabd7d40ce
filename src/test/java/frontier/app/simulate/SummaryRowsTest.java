package frontier.app.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.LatencyHistogram;
import frontier.model.Metric;
import frontier.model.RunResult;
import frontier.model.TimeSeries;
import frontier.scenario.Summary;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryRowsTest {
    @Test
    void oneReplicationShowsPlainValues() {
        Summary s = Summary.of("t", 1, List.of(run(6.0, 1000)));
        SummaryRow throughput = row(s, "Throughput");
        assertEquals("6.000", throughput.value());
        assertEquals("req/s", throughput.unit());
        assertEquals("75.00", row(s, "Utilization").value());
        assertEquals("1.00 s", SummaryRows.percentiles(s).getFirst().latencyMs(), "one second and more in seconds");
    }

    @Test
    void severalReplicationsShowTheConfidenceHalfWidth() {
        Summary s = Summary.of("t", 1, List.of(run(5.9, 1000), run(6.1, 1100)));
        // mean 6.0; half-width t(0.975, 1) · s / √2 = 12.706 · 0.1414 / 1.414 = 1.271
        assertEquals("6.000 ± 1.271", row(s, "Throughput").value());
        assertEquals("1.05 ± 0.64 s", SummaryRows.percentiles(s).getFirst().latencyMs());
        assertFalse(row(s, "Requests").value().contains("NaN"));
    }

    @Test
    void aBatchJobShowsItsCompletionTimeAndCostsByPricingModelAndNoLatencies() throws Exception {
        Path file = Path.of("simulations/batch/overnight-embedding.json");
        var scenario = frontier.scenario.ScenarioLoader.load(file);
        scenario = scenario.withRun(scenario.run().withReplications(3));
        Summary s = new frontier.scenario.ScenarioRunner(1).run(scenario, frontier.sim.RunControl.NONE);
        SummaryRow completion = row(s, "Completion time");
        assertEquals("s", completion.unit());
        assertTrue(completion.value().contains("±"), completion.value());
        assertEquals("%", row(s, "Done by the deadline").unit());
        assertTrue(SummaryRows.keyFigures(s).stream().noneMatch(r -> r.metric().equals("Requests")));
        assertTrue(SummaryRows.percentiles(s).isEmpty(), "a batch job has no requests, so no latency percentiles");
        List<CostRow> cost = SummaryRows.costRows(s);
        assertEquals(Metric.COST_TOTAL.label(), cost.getFirst().item());
        assertTrue(cost.stream().anyMatch(r -> r.item().strip().equals("Cost on spot")), cost.toString());
    }

    @Test
    void histogramBarsHaveDistinctLabelsAndATailBin() {
        var bins = LatencyChart.bins(new LatencyHistogram(0.25, new long[] {1, 2, 3, 4}));
        assertEquals(
                List.of("0.0", "0.3", "0.5", "0.8+"),
                bins.stream().map(LatencyChart.Bin::label).toList());
        assertEquals(
                "≥ 0.8 ms\n4 requests (40.00 %)",
                LatencyChart.tooltip(bins.getLast(), 10).replace("\r", ""));
    }

    @Test
    void latenciesReadInMillisecondsBelowOneSecondAndInSecondsAbove() {
        assertEquals("850 ms", Formats.duration(850.2, Double.NaN));
        assertEquals("999 ± 3 ms", Formats.duration(999, 3));
        assertEquals("12.5 ms", Formats.duration(12.5, Double.NaN));
        assertEquals("1.18 ± 0.03 s", Formats.duration(1178.6, 31.2));
        assertEquals("12.3 s", Formats.duration(12_345, Double.NaN));
        // Below a millisecond in microseconds, so the cell stays as short as the others (it clipped at 1280 px).
        assertEquals("672 ± 41 µs", Formats.duration(0.6724, 0.0412));
        assertEquals("4.2 µs", Formats.duration(0.0042, Double.NaN));
        assertEquals("0 ms", Formats.duration(0, 0));
        assertEquals("0.0 ± 3.0 µs", Formats.duration(0, 0.003));
        var bins = LatencyChart.bins(new LatencyHistogram(500, new long[] {1, 2, 3, 4}));
        assertEquals(
                List.of("0.0", "0.5", "1.0", "1.5+"),
                bins.stream().map(LatencyChart.Bin::label).toList(),
                "bins past 1 s in seconds");
        assertEquals(
                "0.5 – 1.0 s\n2 requests (20.00 %)",
                LatencyChart.tooltip(bins.get(1), 10).replace("\r", ""));
    }

    @Test
    void fleetFiguresAppearOnlyWhenTheRunReportsThem() {
        Summary plain = Summary.of("t", 1, List.of(run(6.0, 1000)));
        List<String> labels =
                SummaryRows.keyFigures(plain).stream().map(SummaryRow::metric).toList();
        assertEquals(8, labels.size(), labels.toString());
        assertTrue(SummaryRows.costRows(plain).isEmpty());

        Summary fleet = Summary.of("t", 1, List.of(fleetRun(3, 100.0), fleetRun(4, 110.0)));
        assertEquals("3.5 ± 6.4", row(fleet, "Cold starts").value(), "a mean count keeps one decimal");
        assertEquals("105.00 ± 63.53", row(fleet, "Cost (total)").value());
        assertEquals(
                "1.00 ± 0.00",
                row(fleet, "Waited for a cold start").value(),
                "a ratio in percent, two decimals fewer than its scale");
        assertEquals("97.50 ± 0.00", row(fleet, "Class chat: within SLO").value());
        assertEquals("2.50 ± 0.00", row(fleet, "Class chat: p99 latency").value());
        assertEquals("s", row(fleet, "Class chat: p99 latency").unit(), "a latency past one second in seconds");
        assertEquals(2.5, row(fleet, "Class chat: p99 latency").mean(), "the mean in the unit shown");
        // 4 USD per hour of the window: 2,920 USD in a 730-hour month, beside the total of the simulated span.
        assertEquals("2,920.00 ± 0.00", row(fleet, "Cost per month").value());
        assertEquals("USD", row(fleet, "Cost per month").unit());
        assertEquals("–", row(fleet, "Class batch: within SLO").value(), "no SLO: shown as a dash, not NaN");
        assertEquals(
                List.of(
                        "Class chat: requests",
                        "Class chat: p99 latency",
                        "Class chat: within SLO",
                        "Class batch: requests",
                        "Class batch: p99 latency",
                        "Class batch: within SLO"),
                SummaryRows.keyFigures(fleet).stream()
                        .map(SummaryRow::metric)
                        .filter(m -> m.startsWith("Class"))
                        .toList());
    }

    @Test
    void costTableSplitsEachPoolByStateWithShares() {
        Summary s = Summary.of("t", 1, List.of(fleetRun(3, 100.0)));
        List<CostRow> rows = SummaryRows.costRows(s);
        List<String> items = rows.stream().map(r -> r.item().strip()).toList();
        assertEquals(
                List.of(
                        "Cost (total)",
                        "Cost per month",
                        "Cost per 1,000 requests",
                        "Cost per hour",
                        "Idle share of cost",
                        "Pool od",
                        "busy",
                        "idle",
                        "instances (mean)",
                        "utilization",
                        "completed",
                        "Pool fn",
                        "starting",
                        "per-request",
                        "instances (mean)",
                        "utilization",
                        "completed",
                        "cold starts"),
                items);
        assertEquals("100.00", rows.getFirst().value());
        assertEquals("100 %", rows.getFirst().share());
        CostRow od = rows.get(items.indexOf("Pool od"));
        assertTrue(od.heading());
        assertEquals("60.0 %", od.share(), "of the total");
        assertEquals("75.0 %", rows.get(items.indexOf("busy")).share(), "of the pool");
        assertEquals("75.0", rows.get(items.lastIndexOf("utilization")).value(), "utilization in percent");
        assertEquals("%", rows.get(items.lastIndexOf("utilization")).unit());
        assertEquals(List.of("od", "fn"), s.names(Metric.POOL_COST_TOTAL));
    }

    @Test
    void instanceMarkersCountEventsOnThePoolLine() {
        TimeSeries ts = new TimeSeries(
                1800,
                new double[] {0, 1800, 3600, 5400},
                new LinkedHashMap<>(Map.of(
                        "gpu",
                        new TimeSeries.PoolSeries(
                                new int[] {1, 3, 4, 2},
                                new int[] {1, 1, 4, 2},
                                new int[] {0, 1, 3, 1},
                                new int[] {0, 2, 1, 0},
                                new int[] {0, 0, 0, 1}))));
        List<InstancesChart.Marker> cold = InstancesChart.markers(ts, InstancesChart.Kind.COLD_START);
        assertEquals(
                List.of(
                        new InstancesChart.Marker("gpu", InstancesChart.Kind.COLD_START, 0.5, 2, 3),
                        new InstancesChart.Marker("gpu", InstancesChart.Kind.COLD_START, 1.0, 1, 4)),
                cold);
        assertEquals("gpu: 2 cold starts at 0:30", InstancesChart.tooltip(cold.getFirst(), false));
        assertEquals("gpu: 1 cold start at 1:00", InstancesChart.tooltip(cold.getLast(), false));
        var interruption =
                InstancesChart.markers(ts, InstancesChart.Kind.INTERRUPTION).getFirst();
        assertEquals("gpu: 1 interruption at 1:30:00", InstancesChart.tooltip(interruption, true));
        assertEquals("At 0:30: gpu 3 instances (1 ready, 1 busy), 2 cold starts", InstancesChart.readoutAt(ts, 1));
        assertEquals(2, InstancesChart.nearest(ts.timeS(), 3000));
        assertEquals(3, InstancesChart.nearest(ts.timeS(), 9999));
        assertEquals(0, InstancesChart.nearest(ts.timeS(), -5));
        assertEquals("2 d 5:12", InstancesChart.clock(53.2, false), "days before the clock past 24 h");
        assertEquals("0:00:05", InstancesChart.clock(5 / 3600.0, true));
        assertEquals(0.5, InstancesChart.timeStep(4.9), "ten ticks of 30 min over 4.9 h");
        assertEquals(24.0, InstancesChart.timeStep(200), "a day per tick over 8 days");
        assertEquals(5 / 60.0, InstancesChart.timeStep(0.5), 1e-12, "5 min over 30 min");
        assertEquals(5.0, InstancesChart.niceStep(4.9));
        assertEquals(0.2, InstancesChart.niceStep(0.2), 1e-12);
        assertEquals(10.0, InstancesChart.niceStep(5.1));
    }

    /** Two pools, an instance-billed "od" (60 USD of 100) and a serverless "fn"; two classes, one with an SLO. */
    private static RunResult fleetRun(double coldStarts, double total) {
        RunResult base = run(6.0, 1000);
        Map<String, Double> m = new LinkedHashMap<>(base.metrics());
        m.put("lost", 0.0);
        m.put("retried", 2.0);
        m.put("cost_usd.total", total);
        m.put("cost_usd.per_1k_requests", 0.5);
        m.put("cost_usd.per_hour", 4.0);
        m.put("cost_usd.idle_share", 0.2);
        putPool(m, "od", total * 0.6, new double[] {0.75, 0.25, 0, 0, 0});
        putPool(m, "fn", total * 0.4, new double[] {0, 0, 0.1, 0, 0.9});
        m.put("cold_starts.count", coldStarts);
        m.put("cold_starts.share_of_requests", 0.01);
        m.put("interruptions", 0.0);
        m.put("pools.fn.cold_starts", coldStarts);
        for (String c : List.of("chat", "batch")) {
            m.put("classes." + c + ".requests", 5.0);
            m.put("classes." + c + ".completed", 5.0);
            m.put("classes." + c + ".latency_ms.p99", 2500.0);
            m.put("classes." + c + ".slo_attainment", c.equals("chat") ? 0.975 : Double.NaN);
        }
        return new RunResult(m, base.latencyHistogram(), null, 0, 0);
    }

    private static void putPool(Map<String, Double> m, String pool, double total, double[] split) {
        String k = "cost_usd.by_pool." + pool + ".";
        m.put(k + "total", total);
        String[] states = {"busy", "idle", "starting", "draining", "requests"};
        for (int i = 0; i < states.length; i++) m.put(k + states[i], total * split[i]);
        m.put("pools." + pool + ".instances.mean", 2.0);
        m.put("pools." + pool + ".utilization", 0.75);
        m.put("pools." + pool + ".completed", 10.0);
    }

    private static SummaryRow row(Summary s, String metric) {
        return SummaryRows.keyFigures(s).stream()
                .filter(r -> r.metric().equals(metric))
                .findFirst()
                .orElseThrow();
    }

    private static RunResult run(double throughput, double latencyMs) {
        Map<String, Double> m = new HashMap<>();
        for (String k : List.of("requests", "completed", "dropped", "queue_length.mean", "queue_length.max"))
            m.put(k, 10.0);
        m.put("throughput_per_s", throughput);
        m.put("utilization", 0.75);
        m.put("p_wait", 0.357);
        for (String t : List.of("latency_ms", "wait_ms", "service_ms")) {
            for (String q : List.of("mean", "p50", "p90", "p95", "p99", "p999", "max")) m.put(t + "." + q, latencyMs);
        }
        return new RunResult(m, new LatencyHistogram(1, new long[] {1}), null, 0, 0);
    }
}
