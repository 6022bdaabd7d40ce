package frontier.scenario.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one configuration of a sweep gave: its index, the swept values ({@code config}), the master seed
 * of its replications, and {@code metrics}: the fields of {@code simulate --json} (means over the
 * replications, {@code ci95} half-widths when there are several) without {@code scenario} and
 * {@code timeseries}.
 */
public record PointResult(int index, ObjectNode config, long seed, ObjectNode metrics) {
    /** The metric at a dotted path such as {@code latency_ms.p99}; NaN when absent or null. */
    public double metric(String path) {
        return at(metrics, path);
    }

    /** The 95% confidence half-width of the metric; NaN with one replication. */
    public double halfWidth(String path) {
        JsonNode ci = metrics.get("ci95");
        return ci == null ? Double.NaN : at(ci, path);
    }

    /** Whether {@code metrics} has the path at all (a null value counts: it is defined as undefined). */
    public boolean hasMetric(String path) {
        JsonNode n = metrics;
        for (String part : path.split("\\.")) {
            n = n.get(part);
            if (n == null) return false;
        }
        return n.isNumber() || n.isNull();
    }

    private static double at(JsonNode root, String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.get(part);
            if (n == null) return Double.NaN;
        }
        return n.isNumber() ? n.doubleValue() : Double.NaN;
    }
}
