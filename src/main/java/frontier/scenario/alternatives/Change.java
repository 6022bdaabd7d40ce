package frontier.scenario.alternatives;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.SpotInterruption;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.SweepPath;
import frontier.sim.BadInputException;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Empirical;
import frontier.sim.dist.Exponential;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One thing an alternative changes in the baseline scenario, as an edit of its JSON tree. Pool changes name
 * their pool ({@code null}: the first pool). What a change cannot do to a pool of that kind is an
 * {@link IllegalArgumentException} with a sentence for the user; what it assumes (a cold start, a policy) is
 * written as a note of the alternative. The edited tree is then read by the strict loader, so whatever a
 * change produces is validated exactly like a file ({@link Alternative#build}).
 */
public sealed interface Change {
    /** Applies the change to the alternative being made. */
    void apply(Edit edit);

    /** What the change does, in words ("Spot + on-demand fallback", "Keep-alive 300 s"). */
    String describe();

    /** Kind changes first, so "instances" or "instance type" apply to the new pool whatever the order written. */
    default int order() {
        return 1;
    }

    /** How a pool serves: the choices of {@link PoolKind}. */
    enum Kind {
        ON_DEMAND("on_demand", "On-demand"),
        AUTOSCALED("autoscaled", "Autoscaled"),
        SPOT("spot", "Spot + on-demand fallback"),
        SERVERLESS("serverless", "Serverless");

        public final String key;
        public final String label;

        Kind(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public static Kind parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            if (t.equals("always_on") || t.equals("ondemand")) return ON_DEMAND;
            for (Kind k : values()) if (k.key.equals(t)) return k;
            throw new IllegalArgumentException(
                    "unknown pool kind '" + text + "'; expected on_demand, autoscaled, spot or serverless");
        }
    }

    /** Cold start assumed for a pool that launches instances when the baseline pool never did. */
    String DEFAULT_COLD_START = "{\"type\": \"lognormal\", \"mean\": 120, \"cv\": 0.3}";

    /**
     * The pool becomes another kind, keeping its name, model, slots and price. On-demand: a fixed count
     * (an autoscaled pool's {@code max_instances}); autoscaled: min 1, max twice today's count, target
     * utilization 60%; spot: the same count on spot prices, with the Spot Advisor bucket of the instance type
     * and a one-instance on-demand pool it overflows to; serverless: keep-alive 600 s, billed by a catalogue
     * platform (Cloud Run GPU for a GPU instance type, else AWS Lambda).
     */
    record PoolKind(String pool, Kind kind) implements Change {
        public PoolKind {
            if (kind == null)
                throw new IllegalArgumentException("pool kind: expected on_demand, autoscaled, spot or serverless");
        }

        @Override
        public int order() {
            return 0;
        }

        @Override
        public String describe() {
            return kind.label + on(pool);
        }

        @Override
        public void apply(Edit e) {
            ObjectNode p = e.pool(pool);
            String type = p.path("type").asText();
            String name = p.path("name").asText();
            if (type.equals(typeOf(kind)))
                throw new IllegalArgumentException(
                        "pool '" + name + "' is already " + kind.label.toLowerCase(Locale.ROOT));
            ObjectNode q = Edit.F.objectNode();
            q.put("type", typeOf(kind));
            q.put("name", name);
            copy(p, q, "concurrency", "model");
            int count = count(p, e);
            JsonNode coldStart = p.has("cold_start") ? p.get("cold_start") : null;
            JsonNode price = p.get("price");
            if (kind != Kind.SERVERLESS) {
                copy(p, q, "queue_capacity", "timeout_s", "batching", "overflow_to", "overflow_queue");
                if (price == null || price.isNull()) {
                    e.needPrice.put(
                            name,
                            "pool '" + name + "' has no hourly price"
                                    + (type.equals("serverless") ? " (a serverless pool is billed per request)" : "")
                                    + ": choose an instance type in the same alternative");
                } else {
                    q.set("price", withoutPricingModel(price));
                }
            }
            switch (kind) {
                case ON_DEMAND -> q.put("instances", count);
                case AUTOSCALED -> {
                    q.put("min_instances", 1);
                    q.put("max_instances", Math.max(2, 2 * count));
                    q.put("initial_instances", count);
                    q.set("policy", json("{\"type\": \"target_utilization\", \"target\": 0.6}"));
                    q.set("cold_start", coldStart != null ? coldStart : json(DEFAULT_COLD_START));
                    e.note("autoscaled '" + name + "': 1 to " + Math.max(2, 2 * count)
                            + " instances at 60% target utilization"
                            + (coldStart != null ? "" : ", 120 s cold start assumed"));
                }
                case SPOT -> spot(e, p, q, name, count, coldStart);
                case SERVERLESS -> serverless(e, p, q, name, coldStart);
            }
            e.pools().set(e.indexOf(p), q);
        }

        private static void spot(Edit e, ObjectNode p, ObjectNode q, String name, int count, JsonNode coldStart) {
            JsonNode price = q.get("price");
            Optional<PoolType> billed = PoolType.of(p);
            if (price != null && price.has("usd_per_hour") && billed.isPresent()) {
                // A twin's pool: the billed hourly price beside the bill's instance type, which has a spot price.
                price = billed.get().asPrice();
                e.note("spot '" + name + "' and its fallback: " + billed.get().instanceType()
                        + " at the price catalogue's spot and on-demand prices (the billed "
                        + q.get("price").path("usd_per_hour").asText() + " USD/h is not used)");
            } else if (price != null && price.has("usd_per_hour")) {
                e.needPrice.put(
                        name,
                        "pool '" + name
                                + "' has an inline price (usd_per_hour), which has no spot price: choose an instance type"
                                + " from the price catalogue in the same alternative");
                price = null;
            }
            // Keyed fields in the order the docs write them.
            ObjectNode spot = Edit.F.objectNode();
            spot.put("type", "spot");
            spot.put("name", name);
            spot.put("instances", count);
            copy(q, spot, "concurrency", "model", "queue_capacity", "timeout_s", "batching");
            String fallback = name + "-on-demand";
            for (int i = 2; e.hasPool(fallback); i++) fallback = name + "-on-demand-" + i;
            spot.put("overflow_to", fallback);
            if (p.has("overflow_queue")) spot.set("overflow_queue", p.get("overflow_queue"));
            String bucket = price == null
                    ? null
                    : e.catalogue
                            .interruption(
                                    price.path("provider").asText(null),
                                    price.path("region").asText(null),
                                    price.path("instance_type").asText(null))
                            .map(SpotInterruption::bucket)
                            .orElse(null);
            ObjectNode interruption = Edit.F.objectNode();
            interruption.put("bucket", bucket != null ? bucket : ">20%");
            spot.set("interruption", interruption);
            spot.set("cold_start", coldStart != null ? coldStart : json(DEFAULT_COLD_START));
            if (price != null) spot.set("price", price);
            e.fallbackOf.put(name, fallback);
            q.removeAll();
            q.setAll(spot);
            e.note("spot '" + name + "': interruptions of the Spot Advisor bucket "
                    + (bucket != null ? bucket : ">20% (the type has no bucket in the catalogue; the most pessimistic)")
                    + (coldStart != null ? "" : ", 120 s cold start of a replacement assumed")
                    + "; what it cannot start goes to '" + fallback + "'");
            ObjectNode od = Edit.F.objectNode();
            od.put("type", "always_on");
            od.put("name", fallback);
            od.put("instances", 1);
            copy(spot, od, "concurrency", "model", "batching");
            copy(p, od, "overflow_to");
            if (price != null) od.set("price", price);
            else
                e.needPrice.put(
                        fallback,
                        e.needPrice.getOrDefault(
                                name,
                                "pool '" + fallback
                                        + "' has no hourly price: choose an instance type in the same alternative"));
            e.pools().insert(e.indexOf(p) + 1, od);
            e.note("'" + fallback + "': 1 on-demand instance of the same type as the spot pool's fallback");
        }

        private static void serverless(Edit e, ObjectNode p, ObjectNode q, String name, JsonNode coldStart) {
            q.set("cold_start", coldStart != null ? coldStart : json(DEFAULT_COLD_START));
            q.put("keep_alive_s", 600);
            q.put("max_concurrency", 1000);
            copy(p, q, "overflow_to");
            boolean gpu =
                    gpus(e, PoolType.of(p).<JsonNode>map(PoolType::asPrice).orElse(p.get("price"))) > 0;
            q.set(
                    "billing",
                    json(
                            gpu
                                    ? "{\"platform\": \"cloud-run-gpu-l4\", \"gpus\": 1, \"vcpus\": 4, \"memory_gb\": 16, \"bill_startup\": true, \"bill_idle\": true}"
                                    : "{\"platform\": \"aws-lambda\", \"memory_gb\": 3}"));
            e.note("serverless '" + name + "': keep-alive 600 s, at most 1,000 instances"
                    + (coldStart != null ? "" : ", 120 s cold start assumed") + ", billed as "
                    + (gpu
                            ? "Cloud Run with an L4 GPU (instance-based: start-up and idle time billed)"
                            : "AWS Lambda with 3 GB"));
            for (String dropped : new String[] {"queue_capacity", "timeout_s", "batching"}) {
                if (p.has(dropped)) e.note("serverless '" + name + "' has no queue: its " + dropped + " is dropped");
            }
        }

        private static String typeOf(Kind k) {
            return k == Kind.ON_DEMAND ? "always_on" : k.key;
        }

        /** Today's instance count of a pool: what a fixed pool of the new kind starts from. */
        private static int count(ObjectNode p, Edit e) {
            return switch (p.path("type").asText()) {
                case "always_on", "spot" -> p.path("instances").asInt(1);
                case "autoscaled" -> p.path("max_instances").asInt(1);
                default -> {
                    int provisioned = p.path("provisioned").asInt(0);
                    e.note("'" + p.path("name").asText() + "' was serverless: " + Math.max(1, provisioned)
                            + " instance(s) assumed; set the count in the alternative");
                    yield Math.max(1, provisioned);
                }
            };
        }

        private static JsonNode withoutPricingModel(JsonNode price) {
            if (!price.isObject() || !price.has("pricing_model")) return price;
            ObjectNode c = ((ObjectNode) price).deepCopy();
            c.remove("pricing_model");
            return c;
        }

        private static int gpus(Edit e, JsonNode price) {
            if (price == null || !price.has("instance_type")) return 0;
            String provider = price.path("provider").asText();
            String region = price.has("region")
                    ? price.get("region").asText()
                    : frontier.cost.PriceCatalogue.defaultRegion(provider).orElse(null);
            return e.catalogue.instances().stream()
                    .filter(r -> r.provider().equals(provider)
                            && r.instanceType()
                                    .equals(price.get("instance_type").asText())
                            && (region == null || r.region().equals(region)))
                    .mapToInt(r -> r.gpus())
                    .findFirst()
                    .orElse(0);
        }
    }

    /** The pool runs on another instance type of the price catalogue (provider, type, optional region). */
    record InstanceType(String pool, String provider, String instanceType, String region) implements Change {
        public InstanceType {
            if (instanceType == null || instanceType.isBlank())
                throw new IllegalArgumentException("instance type: expected a type such as g5.2xlarge");
        }

        @Override
        public String describe() {
            return "Instance type " + instanceType + (region != null ? " in " + region : "") + on(pool);
        }

        @Override
        public void apply(Edit e) {
            if (e.batch() != null) {
                applyToBatch(e);
                return;
            }
            ObjectNode p = e.pool(pool);
            if (p.path("type").asText().equals("serverless")) {
                throw new IllegalArgumentException("pool '" + p.path("name").asText()
                        + "' is serverless: it has no instance type (billing is per request)");
            }
            JsonNode old = p.get("price");
            ObjectNode price = priceReplacing(old);
            p.set("price", price);
            String name = p.path("name").asText();
            e.needPrice.remove(name);
            e.note("instance type " + instanceType
                    + ": the model's service times are kept (the simulation does not know how fast a GPU is);"
                    + " add a model variant with a time factor for a faster or slower machine");
            // The fallback this alternative made for a spot pool runs the same machines.
            String fallback = e.fallbackOf.get(name);
            if (fallback != null) {
                e.pool(fallback).set("price", price.deepCopy());
                e.needPrice.remove(fallback);
            }
        }

        /**
         * The catalogue price of this instance type, in place of {@code old}: the provider given, else the old
         * price's (else aws); the region given, else the old one when the provider stays.
         */
        private ObjectNode priceReplacing(JsonNode old) {
            String prov = provider != null
                    ? provider
                    : old != null && old.has("provider") ? old.get("provider").asText() : "aws";
            ObjectNode price = Edit.F.objectNode();
            price.put("provider", prov);
            price.put("instance_type", instanceType);
            String reg = region != null
                    ? region
                    : old != null
                                    && old.has("region")
                                    && prov.equals(old.path("provider").asText())
                            ? old.get("region").asText()
                            : null;
            if (reg != null) price.put("region", reg);
            return price;
        }

        /** A batch job's instances become this type: its on-demand and spot prices from the catalogue. */
        private void applyToBatch(Edit e) {
            ObjectNode f = e.batchFleet("instance type");
            JsonNode old = f.get("price");
            ObjectNode price = priceReplacing(old);
            f.set("price", price);
            if (f.remove("spot_price") != null)
                e.note("instance type " + instanceType
                        + ": its spot price is the catalogue's, not the baseline's spot_price");
            e.note("instance type " + instanceType
                    + ": the work per item is kept (the simulation does not know how fast a machine is); change"
                    + " $.batch.items_per_s or the LLM engine's profile for a faster or slower one");
        }
    }

    /**
     * The pool's LLM engine runs the shipped iteration profile {@code profile} (a GPU × model × tensor parallelism of
     * {@code pricing-data/llm-profiles.csv}) and sizes its KV cache from {@code gpuMemoryGib} per GPU: the speed and
     * the cache of another GPU, where a profile of it exists. Applied after the instance type.
     */
    record EngineProfile(String pool, String profile, double gpuMemoryGib) implements Change {
        public EngineProfile {
            if (profile == null || profile.isBlank())
                throw new IllegalArgumentException("engine profile: expected a profile name");
            if (!(gpuMemoryGib > 0))
                throw new IllegalArgumentException("engine profile: expected GPU memory > 0, got " + gpuMemoryGib);
        }

        @Override
        public int order() {
            return 2;
        }

        @Override
        public String describe() {
            return "LLM profile " + profile + on(pool);
        }

        @Override
        public void apply(Edit e) {
            ObjectNode p = e.pool(pool);
            JsonNode engine = p.path("model").path("llm_engine");
            if (!engine.isObject())
                throw new IllegalArgumentException("pool '" + p.path("name").asText() + "' has no LLM engine");
            ObjectNode en = (ObjectNode) engine;
            en.put("profile", profile);
            en.remove(List.of("iteration", "profiles_file", "kv_cache_tokens"));
            en.put("gpu_memory_gib", gpuMemoryGib);
            String name = p.path("name").asText();
            e.notes.removeIf(n -> n.startsWith("instance type ") && n.contains("service times are kept"));
            e.note("pool '" + name + "': the LLM engine runs the shipped iteration profile " + profile
                    + " of the new GPU, and its KV cache is sized from " + number(gpuMemoryGib)
                    + " GiB per GPU");
        }
    }

    /**
     * Only this pool serves: every other pool of the fleet is removed and nothing overflows from it (the whole
     * endpoint on one pool, e.g. on serverless). Applied after every other change.
     */
    record OnlyPool(String pool) implements Change {
        @Override
        public int order() {
            return 2;
        }

        @Override
        public String describe() {
            return "Only this pool" + on(pool);
        }

        @Override
        public void apply(Edit e) {
            ObjectNode keep = e.pool(pool);
            ArrayNode pools = e.pools();
            if (pools.size() == 1) return;
            java.util.List<String> removed = new java.util.ArrayList<>();
            for (JsonNode p : pools)
                if (p != keep) removed.add("'" + p.path("name").asText() + "'");
            keep.remove("overflow_to");
            keep.remove("overflow_queue");
            pools.removeAll();
            pools.add(keep);
            e.needPrice.keySet().retainAll(java.util.Set.of(keep.path("name").asText()));
            e.note("only '" + keep.path("name").asText() + "' serves: " + String.join(", ", removed)
                    + (removed.size() == 1 ? " is" : " are") + " removed");
        }
    }

    /**
     * The pool's instance count: {@code instances} of an on-demand or spot pool, {@code max_instances} of an
     * autoscaled one, {@code max_concurrency} (most instances at once) of a serverless one.
     */
    record Instances(String pool, int count) implements Change {
        public Instances {
            if (count < 1) throw new IllegalArgumentException("instances: expected a whole number >= 1, got " + count);
        }

        @Override
        public String describe() {
            return count + " instance" + (count == 1 ? "" : "s") + on(pool);
        }

        @Override
        public void apply(Edit e) {
            if (e.batch() != null) {
                e.batchFleet("instances").put("instances", count);
                return;
            }
            ObjectNode p = e.pool(pool);
            switch (p.path("type").asText()) {
                case "autoscaled" -> {
                    p.put("max_instances", count);
                    if (p.path("initial_instances").asInt(0) > count) p.put("initial_instances", count);
                    if (p.path("min_instances").asInt(0) > count) p.put("min_instances", count);
                }
                case "serverless" -> p.put("max_concurrency", count);
                default -> p.put("instances", count);
            }
        }
    }

    /** How long an idle instance stays: a serverless pool's {@code keep_alive_s}, an autoscaled pool's {@code scale_in_delay_s}. */
    record KeepAlive(String pool, double seconds) implements Change {
        public KeepAlive {
            if (!(seconds >= 0) || Double.isInfinite(seconds))
                throw new IllegalArgumentException("keep-alive: expected seconds >= 0, got " + seconds);
        }

        @Override
        public String describe() {
            return "Keep-alive " + number(seconds) + " s" + on(pool);
        }

        @Override
        public void apply(Edit e) {
            ObjectNode p = e.pool(pool);
            switch (p.path("type").asText()) {
                case "serverless" -> p.put("keep_alive_s", seconds);
                case "autoscaled" -> p.put("scale_in_delay_s", seconds);
                default ->
                    throw new IllegalArgumentException(
                            "pool '" + p.path("name").asText() + "' keeps its instances all the time: keep-alive is for"
                                    + " serverless and autoscaled pools");
            }
        }
    }

    /** Instances kept warm: an autoscaled pool's {@code keep_warm}, a serverless pool's {@code provisioned}. */
    record KeepWarm(String pool, int count) implements Change {
        public KeepWarm {
            if (count < 0) throw new IllegalArgumentException("keep-warm: expected a whole number >= 0, got " + count);
        }

        @Override
        public String describe() {
            return "Keep " + count + " warm" + on(pool);
        }

        @Override
        public void apply(Edit e) {
            ObjectNode p = e.pool(pool);
            switch (p.path("type").asText()) {
                case "serverless" -> p.put("provisioned", count);
                case "autoscaled" -> {
                    p.put("keep_warm", count);
                    if (p.has("scale_to_zero_after_s") && count > 0) p.remove("scale_to_zero_after_s");
                    if (p.has("initial_instances") && p.get("initial_instances").asInt() < count)
                        p.put("initial_instances", count);
                    if (p.path("max_instances").asInt() < count) p.put("max_instances", count);
                }
                default ->
                    throw new IllegalArgumentException("pool '" + p.path("name").asText()
                            + "' keeps all its instances warm already: keep-N-warm is"
                            + " for autoscaled and serverless pools");
            }
        }
    }

    /**
     * Dynamic batching of up to {@code maxBatch} requests, waiting at most {@code maxWaitS} for a batch to
     * fill; 0 turns batching off. A pool without batching gets batch times from its mean service time S: a
     * batch of n takes S × ((1 − f) + f × n), with f = {@code perItemShare}, so a batch of one takes S.
     */
    record Batching(String pool, int maxBatch, double maxWaitS, double perItemShare) implements Change {
        /** Share of a request's time that each request of a batch adds, when the pool had no batching. */
        public static final double DEFAULT_PER_ITEM_SHARE = 0.25;

        public Batching {
            if (maxBatch < 0)
                throw new IllegalArgumentException(
                        "batching: expected a batch size >= 1 (0: no batching), got " + maxBatch);
            if (!(maxWaitS >= 0) || Double.isInfinite(maxWaitS))
                throw new IllegalArgumentException("batching: expected a wait >= 0 s, got " + maxWaitS);
            if (!(perItemShare > 0 && perItemShare <= 1))
                throw new IllegalArgumentException(
                        "batching: expected a per-request share in (0, 1], got " + perItemShare);
        }

        @Override
        public String describe() {
            return (maxBatch == 0
                            ? "No batching"
                            : "Batches of up to " + maxBatch + ", wait ≤ " + number(maxWaitS) + " s")
                    + on(pool);
        }

        @Override
        public void apply(Edit e) {
            ObjectNode p = e.pool(pool);
            String name = p.path("name").asText();
            if (p.path("type").asText().equals("serverless"))
                throw new IllegalArgumentException("pool '" + name + "' is serverless: it has no queue to batch from");
            if (maxBatch == 0) {
                p.remove("batching");
                return;
            }
            if (p.has("batching")) {
                ObjectNode b = (ObjectNode) p.get("batching");
                if (b.has("table_s") && b.get("table_s").size() != maxBatch) {
                    throw new IllegalArgumentException(
                            "pool '" + name + "' has measured batch times for batches of 1 to "
                                    + b.get("table_s").size() + " (table_s): keep that size or edit the table");
                }
                b.put("max_batch", maxBatch);
                b.put("max_wait_s", maxWaitS);
                return;
            }
            JsonNode service = p.path("model").get("service");
            if (service == null)
                throw new IllegalArgumentException(
                        "pool '" + name + "' times requests by their tokens (token_time), which batching cannot use");
            double mean = read(service, Distribution.class).mean();
            ObjectNode b = Edit.F.objectNode();
            b.put("max_batch", maxBatch);
            b.put("max_wait_s", maxWaitS);
            b.put("base_s", mean * (1 - perItemShare) > 0 ? mean * (1 - perItemShare) : mean * 1e-3);
            b.put("per_item_s", mean * perItemShare);
            b.put("cv", read(service, Distribution.class).cv());
            p.set("batching", b);
            e.note(String.format(
                    Locale.US,
                    "batching '%s': a batch of n takes %s s + %s s × n (a batch of one takes the mean service time)",
                    name,
                    number(b.get("base_s").asDouble()),
                    number(b.get("per_item_s").asDouble())));
        }
    }

    /** A response cache answering this share of requests (0: no cache); keeps the baseline cache's latency, else 5 ms. */
    record CacheHitRatio(double ratio) implements Change {
        public CacheHitRatio {
            if (!(ratio >= 0 && ratio < 1))
                throw new IllegalArgumentException("cache hit ratio: expected a share from 0 to below 1, got " + ratio);
        }

        @Override
        public String describe() {
            return ratio == 0 ? "No cache" : "Cache hit ratio " + number(ratio * 100) + "%";
        }

        @Override
        public void apply(Edit e) {
            if (ratio == 0) {
                e.tree.remove("cache");
                return;
            }
            JsonNode old = e.tree.get("cache");
            ObjectNode c = Edit.F.objectNode();
            c.put("hit_ratio", ratio);
            if (old != null && old.has("latency_ms")) c.set("latency_ms", old.get("latency_ms"));
            else {
                c.put("latency_ms", 5);
                e.note("cache: hits answered in 5 ms");
            }
            e.tree.set("cache", c);
        }
    }

    /**
     * Another model variant on the pool: its name, its accuracy label, its service times multiplied by
     * {@code timeFactor} (0.6: a quantised model 40% faster), batch times included, and its quality figure
     * ({@code model.quality}; null keeps the pool's).
     */
    record ModelVariant(String pool, String name, double timeFactor, String accuracy, Double quality)
            implements Change {
        public ModelVariant {
            if (!(timeFactor > 0) || Double.isInfinite(timeFactor))
                throw new IllegalArgumentException("model variant: expected a time factor > 0, got " + timeFactor);
            if (quality != null && !Double.isFinite(quality))
                throw new IllegalArgumentException("model variant: expected a finite quality, got " + quality);
            if ((name == null || name.isBlank()) && timeFactor == 1 && accuracy == null && quality == null) {
                throw new IllegalArgumentException(
                        "model variant: give a name, a time factor, an accuracy or a quality");
            }
        }

        public ModelVariant(String pool, String name, double timeFactor, String accuracy) {
            this(pool, name, timeFactor, accuracy, null);
        }

        @Override
        public String describe() {
            String what = name != null && !name.isBlank() ? "Model " + name : "Model";
            return what
                    + (timeFactor != 1 ? " (service time ×" + number(timeFactor) + ")" : "")
                    + (quality != null ? " (quality " + number(quality) + ")" : "")
                    + on(pool);
        }

        @Override
        public void apply(Edit e) {
            ObjectNode p = e.pool(pool);
            ObjectNode model = (ObjectNode) p.get("model");
            if (name != null && !name.isBlank()) model.put("name", name);
            if (accuracy != null) model.put("accuracy", accuracy);
            if (quality != null) model.put("quality", quality);
            if (timeFactor == 1) return;
            if (model.has("service")) model.set("service", scaled(model.get("service"), timeFactor));
            if (model.has("token_time")) {
                ObjectNode t = (ObjectNode) model.get("token_time");
                t.set("overhead", scaled(t.get("overhead"), timeFactor));
                t.put("prefill_tokens_per_s", t.get("prefill_tokens_per_s").asDouble() / timeFactor);
                t.put("decode_tokens_per_s", t.get("decode_tokens_per_s").asDouble() / timeFactor);
            }
            if (p.has("batching")) {
                ObjectNode b = (ObjectNode) p.get("batching");
                for (String f : new String[] {"base_s", "per_item_s"})
                    if (b.has(f)) b.put(f, b.get(f).asDouble() * timeFactor);
                if (b.has("table_s")) {
                    ArrayNode t = Edit.F.arrayNode();
                    b.get("table_s").forEach(v -> t.add(v.asDouble() * timeFactor));
                    b.set("table_s", t);
                }
            }
            if (p.has("cold_service")) p.set("cold_service", scaled(p.get("cold_service"), timeFactor));
        }

        /** The same family with every time multiplied by {@code f} (mean × f, same cv). */
        static JsonNode scaled(JsonNode dist, double f) {
            Distribution d = read(dist, Distribution.class);
            String type = dist.path("type").asText();
            ObjectNode out = Edit.F.objectNode();
            out.put("type", type);
            switch (d) {
                case Deterministic det -> out.put("value", det.value() * f);
                case Exponential ex -> out.put("mean", ex.mean() * f);
                case Empirical emp -> {
                    ArrayNode s = out.putArray("samples");
                    emp.samples().forEach(v -> s.add(v * f));
                }
                default -> {
                    out.put("mean", d.mean() * f);
                    out.put("cv", d.cv());
                }
            }
            return out;
        }
    }

    /** Any field of the scenario by JSON path (as a sweep names them), for what the named changes do not cover. */
    record SetField(String path, JsonNode value) implements Change {
        public SetField {
            SweepPath.parse(path);
            if (value == null) throw new IllegalArgumentException(path + ": expected a JSON value");
        }

        @Override
        public String describe() {
            return FieldLabels.label(null, SweepPath.parse(path).toString()) + " = "
                    + (value.isTextual() ? value.asText() : value.toString());
        }

        @Override
        public void apply(Edit e) {
            SweepPath p = SweepPath.parse(path);
            if (p.root().equals("pools")) e.pools();
            String canonical = p.toString();
            int dot = canonical.lastIndexOf('.');
            if (dot > 0 && canonical.lastIndexOf(']') < dot) {
                // A field the baseline leaves out (its default applies) can be written, if its object exists.
                JsonNode parent = SweepPath.parse(canonical.substring(0, dot)).get(e.tree);
                if (!parent.isObject())
                    throw new IllegalArgumentException(canonical.substring(0, dot) + " is not an object");
                ((ObjectNode) parent).set(canonical.substring(dot + 1), value);
            } else {
                p.set(e.tree, value);
            }
        }
    }

    /** A batch job's share of instances on spot (0: all on demand, 1: all on spot). */
    record SpotShare(double share) implements Change {
        public SpotShare {
            if (!(share >= 0 && share <= 1))
                throw new IllegalArgumentException("spot share: expected a share from 0 to 1, got " + share);
        }

        @Override
        public String describe() {
            return share == 0 ? "All on demand" : share == 1 ? "All on spot" : "Spot share " + number(share);
        }

        @Override
        public void apply(Edit e) {
            ObjectNode f = e.batchFleet("spot share");
            f.put("spot_share", share);
            if (share > 0 && !f.has("interruption")) {
                f.set("interruption", json("{\"hazard_per_hour\": 0.05}"));
                e.note("spot share: the baseline has no spot instances; interruptions assumed at 5% per instance-hour");
            }
        }
    }

    /** A batch job's checkpoint interval, seconds of work between checkpoints. */
    record CheckpointInterval(double seconds) implements Change {
        public CheckpointInterval {
            if (!(seconds > 0) || Double.isInfinite(seconds))
                throw new IllegalArgumentException("checkpoint interval: expected seconds > 0, got " + seconds);
        }

        @Override
        public String describe() {
            return "Checkpoint every " + number(seconds) + " s";
        }

        @Override
        public void apply(Edit e) {
            e.batchFleet("checkpoint interval");
            ((ObjectNode) e.batch().get("checkpoint")).put("interval_s", seconds);
        }
    }

    /**
     * A batch job's fallback to on demand: after {@code afterInterruptions} interruptions of a shard (null: not on a
     * count), and/or when the deadline is at risk; neither: no fallback.
     */
    record FallbackRule(Integer afterInterruptions, boolean whenDeadlineAtRisk) implements Change {
        public FallbackRule {
            if (afterInterruptions != null && afterInterruptions < 1)
                throw new IllegalArgumentException("fallback: expected a count >= 1, got " + afterInterruptions);
        }

        @Override
        public String describe() {
            if (afterInterruptions == null && !whenDeadlineAtRisk) return "No fallback";
            return "Fallback "
                    + (afterInterruptions != null ? "after " + afterInterruptions + " interruptions" : "")
                    + (afterInterruptions != null && whenDeadlineAtRisk ? " or " : "")
                    + (whenDeadlineAtRisk ? "when the deadline is at risk" : "");
        }

        @Override
        public void apply(Edit e) {
            ObjectNode f = e.batchFleet("fallback");
            if (afterInterruptions == null && !whenDeadlineAtRisk) {
                f.remove("fallback");
                return;
            }
            if (whenDeadlineAtRisk && !e.batch().has("deadline_s"))
                throw new IllegalArgumentException("fallback when the deadline is at risk needs the job's deadline_s");
            ObjectNode rule = Edit.F.objectNode();
            if (afterInterruptions != null) rule.put("after_interruptions", afterInterruptions);
            if (whenDeadlineAtRisk) rule.put("when_deadline_at_risk", true);
            f.set("fallback", rule);
        }

        /** {@code off}, {@code N}, {@code deadline} or {@code N+deadline}. */
        static FallbackRule parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            if (t.equals("off") || t.equals("none")) return new FallbackRule(null, false);
            Integer n = null;
            boolean deadline = false;
            for (String part : t.split("\\+")) {
                String p = part.strip();
                if (p.equals("deadline")) deadline = true;
                else n = integer(p);
            }
            return new FallbackRule(n, deadline);
        }
    }

    /**
     * Reads one change written {@code key=value} (the CLI's {@code --alt}): {@code kind=spot},
     * {@code instance_type=[provider/]TYPE[@region]}, {@code instances=N}, {@code keep_alive_s=S},
     * {@code keep_warm=N}, {@code batching=N[/WAIT_S]} or {@code batching=off}, {@code cache_hit_ratio=R},
     * {@code model=NAME[*FACTOR]}, or {@code $.json.path=JSON}. {@code pool.} before a key is allowed; pool
     * keys apply to {@code pool} (null: the first pool).
     */
    static Change parse(String text, String pool) {
        int eq = text.indexOf('=');
        if (eq <= 0) throw new BadInputException("'" + text + "': expected KEY=VALUE, e.g. kind=spot or instances=4");
        String key = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        if (key.startsWith("$"))
            return new SetField(key, Optional.of(value).map(Change::jsonValue).get());
        String k = key.toLowerCase(Locale.ROOT);
        if (k.startsWith("pool.")) k = k.substring(5);
        try {
            return switch (k) {
                case "kind", "type" -> new PoolKind(pool, Kind.parse(value));
                case "instance_type" -> {
                    String provider = null;
                    String region = null;
                    String type = value;
                    int slash = type.indexOf('/');
                    if (slash >= 0) {
                        provider = type.substring(0, slash);
                        type = type.substring(slash + 1);
                    }
                    int at = type.indexOf('@');
                    if (at >= 0) {
                        region = type.substring(at + 1);
                        type = type.substring(0, at);
                    }
                    yield new InstanceType(pool, provider, type, region);
                }
                case "instances" -> new Instances(pool, integer(value));
                case "keep_alive_s", "keep_alive" -> new KeepAlive(pool, Double.parseDouble(value));
                case "keep_warm" -> new KeepWarm(pool, integer(value));
                case "batching" -> {
                    if (value.equalsIgnoreCase("off")) yield new Batching(pool, 0, 0, Batching.DEFAULT_PER_ITEM_SHARE);
                    String[] parts = value.split("/", 2);
                    yield new Batching(
                            pool,
                            integer(parts[0]),
                            parts.length > 1 ? Double.parseDouble(parts[1]) : 0.05,
                            Batching.DEFAULT_PER_ITEM_SHARE);
                }
                case "cache_hit_ratio", "cache.hit_ratio" -> new CacheHitRatio(Double.parseDouble(value));
                case "model" -> {
                    int star = value.indexOf('*');
                    String name = star >= 0 ? value.substring(0, star) : value;
                    double f = star >= 0 ? Double.parseDouble(value.substring(star + 1)) : 1;
                    yield new ModelVariant(pool, name.isBlank() ? null : name, f, null);
                }
                case "quality" -> new ModelVariant(pool, null, 1, null, Double.parseDouble(value));
                case "spot_share" -> new SpotShare(Double.parseDouble(value));
                case "checkpoint_interval_s", "checkpoint_interval", "checkpoint" ->
                    new CheckpointInterval(Double.parseDouble(value));
                case "fallback" -> FallbackRule.parse(value);
                default ->
                    throw new BadInputException("'" + key
                            + "': unknown change; expected kind, instance_type, instances, keep_alive_s, keep_warm,"
                            + " batching, cache_hit_ratio, model, quality, pool (which pool the next changes apply to),"
                            + " for a batch job spot_share, checkpoint_interval_s, fallback (off, N, deadline, N+deadline),"
                            + " or a JSON path such as $.pools[0].concurrency");
            };
        } catch (NumberFormatException ex) {
            throw new BadInputException("'" + text + "': expected a number after '='");
        } catch (IllegalArgumentException ex) {
            throw new BadInputException("'" + text + "': " + ex.getMessage());
        }
    }

    private static int integer(String s) {
        double d = Double.parseDouble(s);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE)
            throw new IllegalArgumentException("expected a whole number, got " + s);
        return (int) d;
    }

    private static JsonNode jsonValue(String text) {
        try {
            return ScenarioLoader.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            // A bare word is a string: $.pools[0].model.name=llama-8b.
            return Edit.F.textNode(text);
        }
    }

    private static String on(String pool) {
        return pool == null ? "" : " (" + pool + ")";
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) if (from.has(f)) to.set(f, from.get(f).deepCopy());
    }

    private static JsonNode json(String text) {
        try {
            return ScenarioLoader.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(JsonNode node, Class<T> type) {
        try {
            return ScenarioLoader.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + node + ": " + e.getOriginalMessage());
        }
    }

    /** A number as people write it: 300, 0.5, 1.25. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.format(Locale.US, "%,d", (long) v);
        return new java.math.BigDecimal(v)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }
}
