package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.LatencyHistogram;
import frontier.model.RunResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
    @Test
    void countsAreIntegersByTheirKindNotByTheirName() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("in_flight_at_end", 3.0);
        m.put("tokens.input", 1200.0);
        m.put("queue_length.max", 4.0);
        m.put("queue_length.mean", 4.0);
        m.put("cost_usd.by_pool.gpu.requests", 2.0);
        m.put("pools.gpu.cold_starts", 5.0);
        m.put("classes.chat.requests", 7.5);
        m.put("classes.chat.latency_ms.max", 10.0);
        String json = SummaryJson.write(
                Summary.of("t", 1, List.of(new RunResult(m, new LatencyHistogram(1, new long[] {1}), null, 0, 0))));
        for (String expected : List.of(
                "\"in_flight_at_end\":3,",
                "\"tokens\":{\"input\":1200}",
                "\"queue_length\":{\"max\":4,\"mean\":4.0}",
                "\"by_pool\":{\"gpu\":{\"requests\":2.0}}",
                "\"pools\":{\"gpu\":{\"cold_starts\":5}}",
                "\"chat\":{\"requests\":7.5,\"latency_ms\":{\"max\":10.0}}")) {
            assertTrue(json.contains(expected), expected + " in " + json);
        }
    }
}
