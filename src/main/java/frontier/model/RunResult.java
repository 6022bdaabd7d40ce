package frontier.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one replication observed, as named metrics (dotted paths such as {@code latency_ms.p99}; the
 * documented field names of {@code simulate --json}), plus the latency distribution for charts. Every
 * path is one of the {@link Metric} catalogue (a pattern's for a pool or class), which says its unit.
 */
public record RunResult(
        Map<String, Double> metrics,
        LatencyHistogram latencyHistogram,
        TimeSeries timeSeries,
        long events,
        double wallSeconds) {
    public RunResult {
        for (String path : metrics.keySet()) {
            if (Metric.find(path).isEmpty())
                throw new IllegalArgumentException(
                        "metric " + path + " is not in the catalogue (frontier.model.Metric)");
        }
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public double metric(Metric m) {
        return metric(m.path());
    }

    public double metric(String path) {
        Double v = metrics.get(path);
        if (v == null) throw new IllegalArgumentException("no metric " + path);
        return v;
    }
}
