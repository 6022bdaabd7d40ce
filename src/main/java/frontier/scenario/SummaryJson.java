package frontier.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.model.Metric;
import java.util.Map;

/**
 * The JSON form of a {@link Summary}, as documented in docs/cli.md: metric paths such as
 * {@code latency_ms.p99} become nested objects; undefined values (NaN) become null; counts (by their
 * {@link Metric.Kind}) are integers when whole. With more than one
 * replication, {@code ci95} mirrors the metrics with the 95% confidence half-widths.
 */
public final class SummaryJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {}

    public static ObjectNode toNode(Summary s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", s.scenario());
        root.put("seed", s.seed());
        root.put("replications", s.replications().size());
        nest(root, s.mean());
        for (var e : s.labels().entrySet()) parent(root, e.getKey()).put(leaf(e.getKey()), e.getValue());
        if (s.replications().size() > 1) nest(root.putObject("ci95"), s.halfWidth95());
        root.put("events", s.events());
        timeSeries(root, s.replications().getFirst().timeSeries());
        return root;
    }

    /**
     * {@code observed}: one object per compared figure (docs/twin.md) — observed, simulated, ci95,
     * relative_error, target (null when none) and within_target.
     */
    public static ObjectNode comparison(java.util.List<TwinComparison.Row> rows) {
        ObjectNode o = MAPPER.createObjectNode();
        for (TwinComparison.Row r : rows) {
            ObjectNode m = o.putObject(r.metric().replace(' ', '_'));
            m.put("unit", r.unit());
            m.put("observed", r.observed());
            number(m, "simulated", r.simulated());
            number(m, "ci95", r.halfWidth95());
            number(m, "relative_error", r.relativeError());
            number(m, "target", r.target());
            if (Double.isNaN(r.target())) m.putNull("within_target");
            else m.put("within_target", r.withinTarget());
        }
        return o;
    }

    private static void number(ObjectNode o, String key, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) o.putNull(key);
        else o.put(key, v);
    }

    /** The summary, with the comparison to {@code observed} when there is one. */
    public static String write(Summary s, Observed observed) {
        ObjectNode root = toNode(s);
        java.util.List<TwinComparison.Row> rows = TwinComparison.compare(observed, s);
        if (!rows.isEmpty()) root.set("observed", comparison(rows));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String write(Summary s) {
        try {
            return MAPPER.writeValueAsString(toNode(s));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void nest(ObjectNode root, Map<String, Double> metrics) {
        for (var e : metrics.entrySet()) {
            ObjectNode node = parent(root, e.getKey());
            double v = e.getValue();
            String leaf = leaf(e.getKey());
            if (!Double.isFinite(v)) node.putNull(leaf);
            else if (isCount(e.getKey()) && v == Math.rint(v)) node.put(leaf, (long) v);
            else node.put(leaf, v);
        }
    }

    /** The object that holds the last segment of a dotted path, created as needed. */
    private static ObjectNode parent(ObjectNode root, String path) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        return node;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** A count ({@link Metric.Kind#COUNT} in the catalogue) is written as an integer when its mean is whole. */
    private static boolean isCount(String path) {
        return Metric.find(path).map(m -> m.kind() == Metric.Kind.COUNT).orElse(false);
    }

    /** Instances over time of the first replication, for charts. */
    private static void timeSeries(ObjectNode root, frontier.model.TimeSeries ts) {
        if (ts == null) return;
        ObjectNode node = root.putObject("timeseries");
        node.put("step_s", ts.stepS());
        var t = node.putArray("t_s");
        for (double v : ts.timeS()) t.add(v);
        ObjectNode pools = node.putObject("pools");
        ts.pools().forEach((name, p) -> {
            ObjectNode pn = pools.putObject(name);
            series(pn, "instances", p.instances());
            series(pn, "ready", p.ready());
            series(pn, "busy", p.busy());
            series(pn, "cold_starts", p.coldStarts());
            series(pn, "interruptions", p.interruptions());
            if (p.runningSeqs() != null) {
                var run = pn.putArray("llm_running_seqs");
                for (double v : p.runningSeqs()) run.add(v);
                var kv = pn.putArray("llm_kv_use");
                for (double v : p.kvUse()) kv.add(Math.round(v * 1e4) / 1e4);
            }
        });
    }

    private static void series(ObjectNode node, String name, int[] values) {
        var a = node.putArray(name);
        for (int v : values) a.add(v);
    }
}
