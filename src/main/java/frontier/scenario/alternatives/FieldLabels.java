package frontier.scenario.alternatives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.scenario.SweepPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people call the fields of a scenario: "Spot instances", "Keep-alive (s)", "Cache hit ratio" for
 * {@code pools[1].instances}, {@code pools[0].keep_alive_s}, {@code cache.hit_ratio}. Labels of pool fields
 * name the pool's kind (from the scenario's tree) and, when several pools share that kind, the pool. Fields
 * without a label of their own get their name in words with the unit its suffix gives ({@code _s}: seconds).
 * Also lists the numeric fields a sweep can vary ({@link #sweepable}), for the sweep editor.
 */
public final class FieldLabels {
    private static final Pattern POOL = Pattern.compile("pools\\[(\\d+)]\\.(.+)");
    private static final Map<String, String> POOL_FIELDS = Map.ofEntries(
            Map.entry("instances", "instances"),
            Map.entry("max_instances", "Max instances"),
            Map.entry("min_instances", "Min instances"),
            Map.entry("initial_instances", "Initial instances"),
            Map.entry("keep_warm", "Keep-warm instances"),
            Map.entry("provisioned", "Provisioned instances"),
            Map.entry("max_concurrency", "Max instances"),
            Map.entry("keep_alive_s", "Keep-alive (s)"),
            Map.entry("scale_in_delay_s", "Scale-in delay (s)"),
            Map.entry("scale_out_delay_s", "Scale-out delay (s)"),
            Map.entry("scale_to_zero_after_s", "Scale to zero after (s)"),
            Map.entry("interval_s", "Autoscaler interval (s)"),
            Map.entry("concurrency", "Slots per instance"),
            Map.entry("queue_capacity", "Queue capacity"),
            Map.entry("timeout_s", "Queue timeout (s)"),
            Map.entry("overflow_queue", "Overflow after queue of"),
            Map.entry("notice_s", "Interruption notice (s)"),
            Map.entry("replacement_delay_s", "Replacement delay (s)"),
            Map.entry("batching.max_batch", "Max batch"),
            Map.entry("batching.max_wait_s", "Batch wait (s)"),
            Map.entry("policy.target", "Target utilization"),
            Map.entry("policy.per_instance", "Target per instance"),
            Map.entry("price.instance_type", "Instance type"),
            Map.entry("price.usd_per_hour", "Price (USD/h)"),
            Map.entry("model.name", "Model"),
            Map.entry("model.quality", "Model quality"),
            Map.entry("model.speed_factor", "Model speed factor"),
            Map.entry("interruption.hazard_per_hour", "Interruptions per hour"),
            Map.entry("interruption.bucket", "Interruption bucket"));
    private static final Map<String, String> FIELDS = Map.of(
            "cascade.probability", "Escalation probability",
            "cascade.threshold", "Escalation threshold",
            "cache.hit_ratio", "Cache hit ratio",
            "cache.lru_capacity", "Cache entries",
            "cache.latency_ms", "Cache latency (ms)",
            "traffic.rate_per_s", "Arrival rate (req/s)",
            "traffic.speed", "Replay speed",
            "pool.servers", "Servers",
            "pool.queue_capacity", "Queue capacity",
            "pool.timeout_s", "Queue timeout (s)");
    private static final Map<String, String> KINDS =
            Map.of("always_on", "On-demand", "autoscaled", "Autoscaled", "spot", "Spot", "serverless", "Serverless");

    private FieldLabels() {}

    /**
     * The label of a field, by its canonical path ({@code pools[1].instances}, as sweep results name it);
     * {@code tree} (the scenario, or null when unknown) gives pool kinds and names.
     */
    public static String label(ObjectNode tree, String path) {
        String p = path.startsWith("$.") ? path.substring(2) : path;
        Matcher m = POOL.matcher(p);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            String field = m.group(2);
            JsonNode pool = tree == null ? null : tree.path("pools").path(i);
            String kind = pool == null || pool.isMissingNode()
                    ? null
                    : KINDS.get(pool.path("type").asText());
            String name = pool == null || pool.isMissingNode()
                    ? null
                    : pool.path("name").asText();
            String base = POOL_FIELDS.get(field);
            String text;
            if ("instances".equals(field)) text = (kind != null ? kind : "Pool " + (i + 1)) + " instances";
            else text = base != null ? base : words(field);
            boolean shared = tree != null
                    && kind != null
                    && sameKind(tree, pool.path("type").asText()) > 1;
            if (kind == null) return "instances".equals(field) ? text : text + " (pool " + (i + 1) + ")";
            if (shared) return text + " (" + name + ")";
            // A field several pools have ("Slots per instance" of the on-demand and of the spot pool) names the kind.
            return !"instances".equals(field) && poolsWith(tree, field) > 1 ? text + " (" + kind + ")" : text;
        }
        String known = FIELDS.get(p);
        return known != null ? known : words(p);
    }

    private static int poolsWith(ObjectNode tree, String field) {
        String pointer = "/" + field.replace('.', '/');
        int n = 0;
        for (JsonNode q : tree.path("pools")) if (!q.at(pointer).isMissingNode()) n++;
        return n;
    }

    private static int sameKind(ObjectNode tree, String type) {
        int n = 0;
        for (JsonNode q : tree.path("pools")) if (type.equals(q.path("type").asText())) n++;
        return n;
    }

    /** {@code classes[0].share} → "Classes 1 share"; {@code max_wait_s} → "Max wait (s)". */
    static String words(String path) {
        String last = path;
        String unit = "";
        if (last.endsWith("_s")) {
            last = last.substring(0, last.length() - 2);
            unit = " (s)";
        } else if (last.endsWith("_ms")) {
            last = last.substring(0, last.length() - 3);
            unit = " (ms)";
        }
        Matcher idx = Pattern.compile("\\[(\\d+)]").matcher(last);
        StringBuilder sb = new StringBuilder();
        while (idx.find()) idx.appendReplacement(sb, " " + (Integer.parseInt(idx.group(1)) + 1));
        idx.appendTail(sb);
        String w = sb.toString().replace('.', ' ').replace('_', ' ').strip();
        return w.isEmpty() ? path : Character.toUpperCase(w.charAt(0)) + w.substring(1) + unit;
    }

    /** A numeric field a sweep can vary, with its label, its value in the scenario and whether it is a whole number. */
    public record Field(String path, String label, double value, boolean integer) {}

    /**
     * The numeric fields of the scenario a sweep editor offers: counts, times and shares of the pools, a model
     * variant's speed factor and quality, the cache, a constant traffic rate and a cascade's escalation probability or
     * threshold (distributions and token counts are left to the JSON).
     */
    public static List<Field> sweepable(ObjectNode tree) {
        List<Field> out = new ArrayList<>();
        JsonNode pools = tree.path("pools");
        for (int i = 0; i < pools.size(); i++) {
            for (String f : List.of(
                    "instances",
                    "max_instances",
                    "min_instances",
                    "keep_warm",
                    "provisioned",
                    "max_concurrency",
                    "concurrency",
                    "keep_alive_s",
                    "scale_in_delay_s",
                    "scale_to_zero_after_s",
                    "queue_capacity",
                    "timeout_s",
                    "overflow_queue",
                    "batching.max_batch",
                    "batching.max_wait_s",
                    "policy.target",
                    "policy.per_instance",
                    "interruption.hazard_per_hour",
                    "price.usd_per_hour",
                    "model.speed_factor",
                    "model.quality")) {
                add(out, tree, "pools[" + i + "]." + f);
            }
        }
        for (String f : List.of(
                "pool.servers",
                "pool.queue_capacity",
                "pool.timeout_s",
                "cache.hit_ratio",
                "cache.lru_capacity",
                "traffic.rate_per_s",
                "cascade.probability",
                "cascade.threshold")) {
            add(out, tree, f);
        }
        return out;
    }

    private static void add(List<Field> out, ObjectNode tree, String path) {
        JsonNode n;
        try {
            n = SweepPath.parse(path).get(tree);
        } catch (IllegalArgumentException missing) {
            return;
        }
        if (!n.isNumber()) return;
        boolean integer =
                n.isIntegralNumber() && !path.endsWith("_s") && !path.contains("ratio") && !path.contains("target");
        out.add(new Field(path, label(tree, path), n.asDouble(), integer));
    }

    /** The kind of pool {@code i} in words ("Spot"), or null. */
    public static String kindOf(ObjectNode tree, int i) {
        return KINDS.get(tree.path("pools").path(i).path("type").asText().toLowerCase(Locale.ROOT));
    }
}
