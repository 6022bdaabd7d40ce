package frontier.scenario.alternatives;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.PriceCatalogue;
import java.util.ArrayList;
import java.util.List;

/**
 * One alternative being made: a copy of the baseline's tree that {@link Change}s edit, the notes they leave
 * (assumptions a reader must see, such as a cold start the baseline did not have) and the pools that still
 * need a price. Changes throw {@link IllegalArgumentException} with a sentence for the user; {@link Alternative}
 * adds which alternative it was.
 */
final class Edit {
    static final JsonNodeFactory F = JsonNodeFactory.instance;

    final Baseline baseline;
    final ObjectNode tree;
    final PriceCatalogue catalogue;
    final List<String> notes = new ArrayList<>();
    /** Pools without an hourly price yet, with why: an instance type in the same alternative gives them one. */
    final java.util.Map<String, String> needPrice = new java.util.LinkedHashMap<>();
    /** The on-demand fallback made for a spot pool by this alternative, by spot pool name: it runs the same type. */
    final java.util.Map<String, String> fallbackOf = new java.util.HashMap<>();

    Edit(Baseline baseline, PriceCatalogue catalogue) {
        this.baseline = baseline;
        this.tree = baseline.copy();
        this.catalogue = catalogue;
    }

    /**
     * The pools array, turning the simple {@code pool} form into the fleet form first (an {@code always_on}
     * pool of {@code servers} one-slot instances, as the loader itself reads it).
     */
    ArrayNode pools() {
        if (batch() != null) {
            throw new IllegalArgumentException(
                    "a batch job has no pools; its changes are instances, instance_type, spot_share,"
                            + " checkpoint_interval_s, fallback or a JSON path such as $.batch.startup_s");
        }
        if (tree.has("pool")) {
            ObjectNode simple = (ObjectNode) tree.remove("pool");
            ObjectNode p = F.objectNode();
            p.put("type", "always_on");
            p.put(
                    "name",
                    simple.path("name").asText("pool").isBlank()
                            ? "pool"
                            : simple.path("name").asText("pool"));
            p.set("instances", simple.get("servers"));
            p.put("concurrency", 1);
            ObjectNode model = F.objectNode();
            model.set("service", simple.get("service"));
            p.set("model", model);
            if (simple.has("queue_capacity")) p.set("queue_capacity", simple.get("queue_capacity"));
            if (simple.has("timeout_s")) p.set("timeout_s", simple.get("timeout_s"));
            ArrayNode arr = F.arrayNode();
            arr.add(p);
            // Keep the field order readable: pools where pool was.
            ObjectNode copy = F.objectNode();
            tree.fields().forEachRemaining(e -> copy.set(e.getKey(), e.getValue()));
            tree.removeAll();
            boolean placed = false;
            for (var it = copy.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!placed
                        && (e.getKey().equals("run")
                                || e.getKey().equals("classes")
                                || e.getKey().equals("cache"))) {
                    tree.set("pools", arr);
                    placed = true;
                }
                tree.set(e.getKey(), e.getValue());
            }
            if (!placed) tree.set("pools", arr);
        }
        return (ArrayNode) tree.get("pools");
    }

    /** The scenario's batch job, or null for a serving fleet. */
    ObjectNode batch() {
        return tree.get("batch") instanceof ObjectNode b ? b : null;
    }

    /** The batch job's fleet; a change that needs one on a serving fleet is an error. */
    ObjectNode batchFleet(String change) {
        ObjectNode b = batch();
        if (b == null) throw new IllegalArgumentException(change + " applies to a batch job ('batch'), not to pools");
        return (ObjectNode) b.get("fleet");
    }

    /** The pool named {@code name} (null: the first pool). */
    ObjectNode pool(String name) {
        ArrayNode pools = pools();
        if (name == null) return (ObjectNode) pools.get(0);
        List<String> names = new ArrayList<>();
        for (JsonNode p : pools) {
            if (name.equals(p.path("name").asText())) return (ObjectNode) p;
            names.add(p.path("name").asText());
        }
        throw new IllegalArgumentException(
                "there is no pool '" + name + "' (the pools are: " + String.join(", ", names) + ")");
    }

    int indexOf(ObjectNode pool) {
        ArrayNode pools = pools();
        for (int i = 0; i < pools.size(); i++) if (pools.get(i) == pool) return i;
        throw new IllegalStateException("pool not in the tree");
    }

    boolean hasPool(String name) {
        for (JsonNode p : pools()) if (name.equals(p.path("name").asText())) return true;
        return false;
    }

    void note(String text) {
        if (!notes.contains(text)) notes.add(text);
    }
}
