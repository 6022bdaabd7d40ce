package frontier.app.editor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.model.CacheSpec;
import frontier.model.RequestClass;
import frontier.model.RunSpec;
import frontier.model.TokensSpec;
import frontier.model.pool.Batching;
import frontier.model.pool.Interruption;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.Price;
import frontier.scenario.ScenarioLoader;
import frontier.sim.dist.Distribution;
import java.util.Map;

/**
 * Starting values for what the editor adds (a pool, a class, a cache…) or switches to (another kind of
 * traffic or pool): sensible, valid where they can be, so a new part runs before it is tuned. Types without an
 * entry get their required fields with placeholder values, and the inline check says what to fill in.
 */
final class Templates {
    private static final Map<String, String> BY_KIND = Map.ofEntries(
            Map.entry("poisson", "{\"rate_per_s\": 5}"),
            Map.entry("renewal", "{\"interarrival\": {\"type\": \"gamma\", \"mean\": 0.2, \"cv\": 2}}"),
            Map.entry(
                    "profile",
                    "{\"rates_per_s\": [2, 2, 2, 2, 2, 3, 4, 6, 8, 9, 10, 10, 10, 10, 9, 9, 8, 7, 6, 5, 4, 3, 3, 2],"
                            + " \"interval_s\": 3600, \"repeat\": true}"),
            Map.entry(
                    "mmpp",
                    "{\"normal\": {\"rate_per_s\": 5, \"mean_duration_s\": 600}, \"burst\": {\"rate_per_s\": 20, \"mean_duration_s\": 60}}"),
            Map.entry("replay", "{\"file\": \"\", \"column\": \"t\", \"unit\": \"s\"}"),
            Map.entry("exponential", "{\"mean\": 1}"),
            Map.entry("deterministic", "{\"value\": 1}"),
            Map.entry("lognormal", "{\"mean\": 1, \"cv\": 0.5}"),
            Map.entry("gamma", "{\"mean\": 1, \"cv\": 0.5}"),
            Map.entry("weibull", "{\"mean\": 1, \"cv\": 0.5}"),
            Map.entry("empirical", "{\"samples\": [0.5, 0.8, 1, 1.3, 2]}"),
            Map.entry("always_on", "{\"instances\": 2, \"price\": {\"usd_per_hour\": 1}}"),
            Map.entry(
                    "autoscaled",
                    "{\"max_instances\": 10, \"min_instances\": 1, \"policy\": {\"type\": \"target_utilization\", \"target\": 0.7},"
                            + " \"cold_start\": {\"type\": \"deterministic\", \"value\": 60}, \"price\": {\"usd_per_hour\": 1}}"),
            Map.entry(
                    "serverless",
                    "{\"keep_alive_s\": 600, \"cold_start\": {\"type\": \"deterministic\", \"value\": 5},"
                            + " \"billing\": {\"usd_per_request\": 0.0000004, \"usd_per_gb_second\": 0.0000167, \"memory_gb\": 4}}"),
            Map.entry(
                    "spot",
                    "{\"instances\": 2, \"interruption\": {\"bucket\": \"5-10%\"}, \"price\": {\"usd_per_hour\": 0.4}}"),
            Map.entry("target_utilization", "{\"target\": 0.7}"),
            Map.entry("target_rps", "{\"per_instance\": 5}"),
            Map.entry("hpa", "{\"target\": 0.7}"),
            Map.entry("target_queue", "{\"per_instance\": 2}"));

    private static final Map<Class<?>, String> BY_TYPE = Map.of(
            Distribution.class, "{\"type\": \"exponential\", \"mean\": 1}",
            ModelProfile.class,
                    "{\"name\": \"model\", \"service\": {\"type\": \"lognormal\", \"mean\": 0.5, \"cv\": 0.5}}",
            Price.class, "{\"usd_per_hour\": 1}",
            Interruption.class, "{\"bucket\": \"5-10%\"}",
            Batching.class, "{\"max_batch\": 8, \"max_wait_s\": 0.02, \"base_s\": 0.2, \"per_item_s\": 0.02}",
            CacheSpec.class, "{\"hit_ratio\": 0.2, \"latency_ms\": 5}",
            TokensSpec.class,
                    "{\"input\": {\"type\": \"lognormal\", \"mean\": 500, \"cv\": 1}, \"output\": {\"type\": \"lognormal\", \"mean\": 200, \"cv\": 1}}",
            RunSpec.class, "{\"duration_s\": 3600, \"warmup_s\": 300, \"replications\": 3, \"seed\": 1}",
            RequestClass.class, "{\"share\": 1}");

    private Templates() {}

    /** A new value of {@code type} (of kind {@code kind} for a typed record, else null). */
    static ObjectNode of(Class<?> type, String kind) {
        ObjectNode n;
        if (kind != null) {
            n = read(BY_KIND.getOrDefault(kind, "{}"));
            ObjectNode typed = ScenarioLoader.mapper().createObjectNode().put(SpecSchema.typeProperty(type), kind);
            typed.setAll(n);
            n = typed;
            fillRequired(n, SpecSchema.kinds(type).get(kind));
        } else if (SpecSchema.polymorphic(type)) {
            String first = BY_TYPE.containsKey(type)
                    ? read(BY_TYPE.get(type)).get("type").asText()
                    : SpecSchema.kinds(type).keySet().iterator().next();
            return of(type, first);
        } else {
            n = read(BY_TYPE.getOrDefault(type, "{}"));
            if (type.isRecord()) fillRequired(n, type);
        }
        return n;
    }

    /** Adds placeholder values for the required fields {@code node} lacks. */
    private static void fillRequired(ObjectNode node, Class<?> record) {
        if (record == null || !record.isRecord()) return;
        for (SpecField f : SpecSchema.fields(record)) {
            if (!f.required() || node.has(f.json())) continue;
            switch (f.kind()) {
                case NUMBER, INTEGER -> node.put(f.json(), 1);
                case TEXT -> node.put(f.json(), f.json().equals("name") ? "name" : "");
                case BOOLEAN -> node.put(f.json(), false);
                case CHOICE -> node.put(f.json(), f.choices().getFirst());
                case OBJECT -> node.set(f.json(), of(f.type(), null));
                case OBJECT_LIST, NUMBER_LIST -> node.putArray(f.json());
                case JSON -> node.putNull(f.json());
            }
        }
    }

    private static ObjectNode read(String json) {
        try {
            JsonNode n = ScenarioLoader.mapper().readTree(json);
            return (ObjectNode) n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
