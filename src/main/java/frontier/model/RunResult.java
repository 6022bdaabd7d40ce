package frontier.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one replication observed, as named metrics (dotted paths such as {@code latency_ms.p99}; the
 * documented field names of {@code simulate --json}), plus the latency distribution for charts.
 * Times in metrics are in milliseconds where the name says {@code _ms}, otherwise seconds.
 */
public record RunResult(Map<String, Double> metrics, LatencyHistogram latencyHistogram, TimeSeries timeSeries, long events,
                        double wallSeconds) {
    public RunResult {
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public double metric(String path) {
        Double v = metrics.get(path);
        if (v == null) throw new IllegalArgumentException("no metric " + path);
        return v;
    }
}
