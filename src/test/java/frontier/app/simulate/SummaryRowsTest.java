package frontier.app.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import frontier.model.LatencyHistogram;
import frontier.model.RunResult;
import frontier.scenario.Summary;
import java.util.HashMap;
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
        assertEquals("1,000", SummaryRows.percentiles(s).getFirst().latencyMs());
    }

    @Test
    void severalReplicationsShowTheConfidenceHalfWidth() {
        Summary s = Summary.of("t", 1, List.of(run(5.9, 1000), run(6.1, 1100)));
        // mean 6.0; half-width t(0.975, 1) · s / √2 = 12.706 · 0.1414 / 1.414 = 1.271
        assertEquals("6.000 ± 1.271", row(s, "Throughput").value());
        assertEquals("1,050 ± 635", SummaryRows.percentiles(s).getFirst().latencyMs());
        assertFalse(row(s, "Requests").value().contains("NaN"));
    }

    @Test
    void histogramBarsHaveDistinctLabelsAndATailBin() {
        var bins = LatencyChart.bins(new LatencyHistogram(0.25, new long[] {1, 2, 3, 4}));
        assertEquals(List.of("0.0", "0.3", "0.5", "0.8+"), bins.stream().map(LatencyChart.Bin::label).toList());
        assertEquals("≥ 0.8 ms\n4 requests (40.00 %)", LatencyChart.tooltip(bins.getLast(), 10).replace("\r", ""));
    }

    private static SummaryRow row(Summary s, String metric) {
        return SummaryRows.keyFigures(s).stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }

    private static RunResult run(double throughput, double latencyMs) {
        Map<String, Double> m = new HashMap<>();
        for (String k : List.of("requests", "completed", "dropped", "queue_length.mean", "queue_length.max")) m.put(k, 10.0);
        m.put("throughput_per_s", throughput);
        m.put("utilization", 0.75);
        m.put("p_wait", 0.357);
        for (String t : List.of("latency_ms", "wait_ms", "service_ms")) {
            for (String q : List.of("mean", "p50", "p90", "p95", "p99", "p999", "max")) m.put(t + "." + q, latencyMs);
        }
        return new RunResult(m, new LatencyHistogram(1, new long[] {1}), null, 0, 0);
    }
}
