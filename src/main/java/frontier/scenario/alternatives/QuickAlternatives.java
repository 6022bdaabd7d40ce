package frontier.scenario.alternatives;

import com.fasterxml.jackson.databind.JsonNode;
import frontier.cost.GpuSpecs;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.cost.ServerlessRate;
import frontier.domain.PricingModel;
import frontier.model.batch.BatchJob;
import frontier.model.batch.Fallback;
import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmModels;
import frontier.model.llm.LlmProfiles;
import frontier.model.pool.LlmEngineSpec;
import frontier.model.pool.Pools;
import frontier.sim.InvalidSpecException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The three alternatives most asked of a fleet (a twin in particular), made in one action: the same instance type
 * on spot with on-demand fallback, the endpoint on serverless, and a cheaper GPU. Each is an ordinary
 * {@link Alternative} (validated when built); what cannot be made is said in {@link Made#skipped} with the reason.
 *
 * <ul>
 *   <li><b>Spot</b>: every on-demand or autoscaled pool becomes spot + a one-instance on-demand fallback of the
 *       same type ({@link Change.PoolKind}), at the catalogue's spot price with the type's Spot Advisor bucket.
 *   <li><b>Serverless</b>: the chosen pool becomes serverless and serves alone ({@link Change.OnlyPool}): keep-alive
 *       600 s, the pool's cold start or 120 s, billed as Cloud Run with an L4 GPU for a GPU type, else AWS Lambda.
 *   <li><b>Cheaper GPU</b>: {@link #CHEAPER_GPU_RULE}.
 * </ul>
 *
 * <p>A batch job has no pools: its three are all on demand, hourly checkpoints and a fallback at the deadline
 * ({@link #ofBatch}, {@link #BATCH_RULE}).
 */
public final class QuickAlternatives {
    private QuickAlternatives() {}

    /** How the cheaper GPU is chosen, in the words the app shows. */
    public static final String CHEAPER_GPU_RULE = "the cheapest on-demand NVIDIA GPU type in the price catalogue,"
            + " same provider and region, cheaper than today's, that holds what the model needs: when the scenario"
            + " knows the model (pricing-data/llm-models.csv) and the KV cache its requests used, the weights over"
            + " the type's GPUs and that cache must fit in 90% of GPU memory less 1 GiB per GPU, as vLLM sizes it;"
            + " otherwise at least today's GPU memory in all. The status says which rule applied. Service times are"
            + " kept (a cheaper GPU is usually slower) unless an LLM engine has a shipped profile of the new GPU";

    /**
     * The alternatives made (short names, for tables and charts), the prices they use with their as-of dates, and,
     * for each one that could not be made, why.
     */
    public record Made(List<Alternative> alternatives, List<String> prices, List<String> skipped) {}

    /**
     * GPU memory of one instance of {@code p} in GiB, from the one GPU table ({@link GpuSpecs}), or 0 when it has no
     * GPU of known memory: other accelerators (Inferentia, Trainium) need the model compiled for them and are never
     * proposed.
     */
    public static int gpuMemoryGiB(InstancePrice p) {
        double m = GpuSpecs.instanceMemoryGiB(p);
        return Double.isNaN(m) ? 0 : (int) Math.round(m);
    }

    /**
     * Spot, serverless and cheaper-GPU alternatives of {@code base}; {@code pool} (null: the first) is the pool that
     * serverless keeps and whose instance type the cheaper GPU replaces (in every pool on that type).
     */
    public static Made of(Baseline base, PriceCatalogue catalogue, String pool) {
        if (base.scenario().isBatch()) return ofBatch(base, catalogue);
        List<JsonNode> pools = pools(base);
        JsonNode chosen = pools.getFirst();
        for (JsonNode p : pools) if (p.path("name").asText().equals(pool)) chosen = p;
        List<Alternative> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        spot(pools, catalogue, out, prices, skipped);
        serverless(pools, chosen, catalogue, out, prices, skipped);
        cheaperGpu(base, pools, chosen, catalogue, out, prices, skipped);
        return new Made(List.copyOf(out), List.copyOf(prices), List.copyOf(skipped));
    }

    /** A batch job's one-click alternatives and when each is left out, in the words the app shows. */
    public static final String BATCH_RULE = "All on demand: spot share 0, every instance at the price catalogue's"
            + " on-demand price. Hourly checkpoints: a checkpoint every 3,600 s of work. Deadline fallback: a shard"
            + " moves to on demand only when a spot replacement could no longer finish it by the deadline. One that"
            + " would be the job as it is, or that the job cannot have (no spot instances, no deadline), is not"
            + " made, and the status says why";

    /** Seconds of work between checkpoints of the "Hourly checkpoints" alternative. */
    public static final double HOURLY = 3600;

    /**
     * All on demand ({@code spot_share=0}), hourly checkpoints ({@code checkpoint_interval_s=3600}) and a fallback at
     * the deadline only ({@code fallback=deadline}) of a batch job, each left out with the reason when the job is so
     * already or cannot have it.
     */
    public static Made ofBatch(Baseline base, PriceCatalogue catalogue) {
        BatchJob job = base.scenario().batch();
        if (job == null) throw new IllegalArgumentException("not a batch job: " + base.source());
        List<Alternative> out = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> prices = new ArrayList<>();
        boolean spot = job.fleet().spotInstances() > 0;
        if (!spot) {
            skipped.add("All on demand: the job runs on demand already (no spot instances)");
        } else {
            out.add(new Alternative("All on demand", List.of(new Change.SpotShare(0))));
            PoolType.of(base.tree().path("batch").path("fleet"))
                    .flatMap(t -> price(catalogue, t, PricingModel.ON_DEMAND))
                    .ifPresent(p -> prices.add(String.format(
                            Locale.US, "on-demand %s $%s/h (as of %s)", p.instanceType(), usd(p), p.asOf())));
        }
        if (job.checkpoint().intervalS() == HOURLY) {
            skipped.add("Hourly checkpoints: the job checkpoints every hour already");
        } else {
            out.add(new Alternative("Hourly checkpoints", List.of(new Change.CheckpointInterval(HOURLY))));
        }
        Fallback f = job.fleet().fallback();
        if (!spot) {
            skipped.add("Deadline fallback: the job has no spot instances to fall back from");
        } else if (job.deadlineS() == null) {
            skipped.add("Deadline fallback: the job has no deadline (deadline_s)");
        } else if (f != null && f.afterInterruptions() == null && f.whenDeadlineAtRisk()) {
            skipped.add("Deadline fallback: the job falls back at the deadline only already");
        } else {
            out.add(new Alternative("Deadline fallback", List.of(new Change.FallbackRule(null, true))));
        }
        return new Made(List.copyOf(out), List.copyOf(prices), List.copyOf(skipped));
    }

    private static void spot(
            List<JsonNode> pools,
            PriceCatalogue catalogue,
            List<Alternative> out,
            List<String> prices,
            List<String> skipped) {
        List<Change> changes = new ArrayList<>();
        String detail = null;
        String machine = null;
        for (JsonNode p : pools) {
            String type = p.path("type").asText();
            if (!type.equals("always_on") && !type.equals("autoscaled")) continue;
            String name = name(p);
            Optional<PoolType> t = PoolType.of(p);
            if (t.isEmpty()) {
                skipped.add("Spot: pool '" + name
                        + "' names no instance type of the price catalogue, so it has no spot price; make the"
                        + " alternative by hand with an instance type");
                return;
            }
            Optional<InstancePrice> spot = price(catalogue, t.get(), PricingModel.SPOT);
            if (spot.isEmpty()) {
                skipped.add("Spot: the price catalogue has no spot price of "
                        + t.get().instanceType() + " in " + t.get().regionOrDefault());
                return;
            }
            changes.add(new Change.PoolKind(name, Change.Kind.SPOT));
            if (detail == null) machine = t.get().instanceType();
            if (detail == null)
                detail = String.format(
                        Locale.US,
                        "spot %s $%s/h (as of %s)",
                        t.get().instanceType(),
                        usd(spot.get()),
                        spot.get().asOf());
        }
        if (changes.isEmpty()) {
            skipped.add("Spot: no on-demand or autoscaled pool to move to spot");
            return;
        }
        out.add(new Alternative("Spot + fallback, " + machine, changes));
        prices.add(detail);
    }

    private static void serverless(
            List<JsonNode> pools,
            JsonNode chosen,
            PriceCatalogue catalogue,
            List<Alternative> out,
            List<String> prices,
            List<String> skipped) {
        String name = name(chosen);
        List<Change> changes = new ArrayList<>();
        if (!chosen.path("type").asText().equals("serverless"))
            changes.add(new Change.PoolKind(name, Change.Kind.SERVERLESS));
        if (pools.size() > 1) changes.add(new Change.OnlyPool(name));
        if (changes.isEmpty()) {
            skipped.add("Serverless: the fleet is serverless already");
            return;
        }
        boolean gpu = PoolType.of(chosen)
                .flatMap(t -> price(catalogue, t, PricingModel.ON_DEMAND))
                .map(p -> p.gpus() > 0)
                .orElse(false);
        String platform = gpu ? "cloud-run-gpu-l4" : "aws-lambda";
        String asOf = catalogue
                .serverless(platform, null)
                .map(ServerlessRate::asOf)
                .map(d -> " (as of " + d + ")")
                .orElse("");
        out.add(new Alternative(gpu ? "Serverless, Cloud Run L4" : "Serverless, AWS Lambda", changes));
        prices.add((gpu ? "Cloud Run with an L4 GPU" : "AWS Lambda 3 GB") + ", keep-alive 600 s" + asOf);
    }

    /**
     * What a pool's model needs of a GPU type, when the scenario knows the model (its weights and KV geometry) and
     * the KV cache its requests used per instance.
     *
     * @param kvTokens KV-cache tokens one instance must hold
     * @param kvSource where {@code kvTokens} comes from, in the words the app shows
     */
    public record ModelNeed(LlmModels.Geometry model, long kvTokens, String kvSource) {
        private static final double GIB = 1024.0 * 1024 * 1024;

        /**
         * True when one instance of {@code gpus} GPUs of {@code memoryPerGpuGiB} each, the weights split over all
         * of them (tensor parallel), leaves a KV cache of at least {@link #kvTokens} at vLLM's default utilisation
         * (0.9) less the engine's reserve per GPU ({@link LlmModels#RESERVE_PER_GPU_GIB}) — the way the engine sizes
         * its cache ({@link EngineConfig#kvTokensFromMemory}).
         */
        public boolean fits(int gpus, double memoryPerGpuGiB) {
            if (gpus < 1 || !(memoryPerGpuGiB > 0)) return false;
            try {
                return model.kvTokens(memoryPerGpuGiB, LlmEngineSpec.DEFAULT_GPU_MEMORY_UTILIZATION, gpus) >= kvTokens;
            } catch (InvalidSpecException e) {
                return false; // the weights alone do not fit
            }
        }

        public double weightsGiB() {
            return model.parameters() * model.bytesPerParameter() / GIB;
        }

        public double kvGiB() {
            return kvTokens * (double) model.kvBytesPerToken() / GIB;
        }

        /** "codellama-34b's 62.9 GiB of weights and 36,000 KV tokens (6.6 GiB, the log's peak …)". */
        public String describe() {
            return String.format(
                    Locale.US,
                    "%s's %.1f GiB of weights and %,d KV-cache tokens (%.1f GiB, %s)",
                    model.model(),
                    weightsGiB(),
                    kvTokens,
                    kvGiB(),
                    kvSource);
        }
    }

    /**
     * What the model of {@code pool} needs, when the scenario knows it: the model's geometry by the LLM engine's
     * model or the pool's model name ({@code pricing-data/llm-models.csv}), and the KV cache per instance from the
     * twin's observed peak of tokens in flight ({@code observed.peak_kv_tokens}, spread over the instances of the
     * pools on the same type) or else the LLM engine's KV cache. Empty without both: the memory rule applies.
     */
    public static Optional<ModelNeed> need(Baseline base, List<JsonNode> pools, JsonNode pool) {
        String name = name(pool);
        Pools loaded = base.scenario().pools() == null
                ? null
                : base.scenario().pools().stream()
                        .filter(p -> name.equals(p.name()))
                        .findFirst()
                        .orElse(null);
        if (loaded == null || loaded.model() == null) return Optional.empty();
        LlmEngineSpec engine = loaded.model().llmEngine();
        LlmModels.Geometry g = null;
        if (engine != null && engine.iteration() != null)
            g = geometry(engine.iteration().model());
        if (g == null) g = geometry(loaded.model().name());
        if (g == null) return Optional.empty();
        JsonNode peak = base.tree().path("observed").path("peak_kv_tokens");
        if (peak.canConvertToLong() && peak.asLong() > 0) {
            Optional<PoolType> t = PoolType.of(pool);
            int instances = 0;
            for (JsonNode p : pools) {
                Optional<PoolType> pt = PoolType.of(p);
                if (t.isPresent()
                        && pt.isPresent()
                        && pt.get().instanceType().equalsIgnoreCase(t.get().instanceType()))
                    instances += Math.max(1, p.path("instances").asInt(1));
            }
            instances = Math.max(1, instances);
            long perInstance = (peak.asLong() + instances - 1) / instances;
            return Optional.of(new ModelNeed(
                    g,
                    perInstance,
                    String.format(
                            Locale.US,
                            "the log's peak of %,d tokens in flight%s",
                            peak.asLong(),
                            instances == 1 ? "" : " over " + instances + " instances")));
        }
        if (engine != null && engine.kvCacheTokens() != null && engine.kvCacheTokens() > 0)
            return Optional.of(new ModelNeed(
                    g,
                    engine.kvCacheTokens(),
                    String.format(Locale.US, "the LLM engine's KV cache of %,d tokens", engine.kvCacheTokens())));
        return Optional.empty();
    }

    /** The shipped geometry of a model name (any case, the part after a '/'), or null. */
    static LlmModels.Geometry geometry(String model) {
        if (model == null) return null;
        String m = model.toLowerCase(Locale.ROOT);
        return LlmModels.bundled().get(m.substring(m.lastIndexOf('/') + 1));
    }

    private static void cheaperGpu(
            Baseline base,
            List<JsonNode> pools,
            JsonNode chosen,
            PriceCatalogue catalogue,
            List<Alternative> out,
            List<String> prices,
            List<String> skipped) {
        Optional<PoolType> today = PoolType.of(chosen);
        if (today.isEmpty()) {
            skipped.add("Cheaper GPU: pool '" + name(chosen) + "' names no instance type of the price catalogue");
            return;
        }
        PoolType t = today.get();
        Optional<InstancePrice> current = price(catalogue, t, PricingModel.ON_DEMAND);
        if (current.isEmpty() || gpuMemoryGiB(current.get()) == 0) {
            skipped.add("Cheaper GPU: " + t.instanceType()
                    + (current.isEmpty()
                            ? " is not in the price catalogue"
                            : " has no NVIDIA GPU the catalogue knows the memory of"));
            return;
        }
        Optional<ModelNeed> need = need(base, pools, chosen);
        int memory = gpuMemoryGiB(current.get());
        Optional<InstancePrice> cheaper = catalogue.instances().stream()
                .filter(x -> x.provider().equalsIgnoreCase(t.provider())
                        && x.region().equalsIgnoreCase(t.regionOrDefault())
                        && x.pricingModel() == PricingModel.ON_DEMAND
                        && gpuMemoryGiB(x) > 0
                        && (need.isPresent()
                                ? need.get().fits(x.gpus(), GpuSpecs.memoryGiB(x.gpuModel()))
                                : gpuMemoryGiB(x) >= memory)
                        && x.usdPerHour().compareTo(current.get().usdPerHour()) < 0)
                .min(Comparator.comparing(InstancePrice::usdPerHour));
        if (cheaper.isEmpty()) {
            skipped.add("Cheaper GPU: " + t.instanceType()
                    + (need.isPresent()
                            ? " is already the cheapest type that holds "
                                    + need.get().describe()
                            : " is already the cheapest type with " + memory + " GiB of GPU memory or more"
                                    + " (the scenario does not say which model, or how much KV cache, it serves)"));
            return;
        }
        InstancePrice c = cheaper.get();
        List<Change> changes = new ArrayList<>();
        List<String> speed = new ArrayList<>();
        for (JsonNode p : pools) {
            Optional<PoolType> pt = PoolType.of(p);
            if (pt.isEmpty() || !pt.get().instanceType().equalsIgnoreCase(t.instanceType())) continue;
            changes.add(new Change.InstanceType(name(p), c.provider(), c.instanceType(), t.region()));
            Optional<IterationProfile> profile = profileFor(base, name(p), c);
            if (profile.isPresent()) {
                changes.add(new Change.EngineProfile(name(p), profile.get().name(), GpuSpecs.memoryGiB(c.gpuModel())));
                speed.add("pool '" + name(p) + "' runs the shipped profile "
                        + profile.get().name());
            }
        }
        out.add(new Alternative("Cheaper GPU, " + c.instanceType(), changes));
        prices.add(String.format(
                        Locale.US,
                        "%s %d× %s %d GiB $%s/h on demand (as of %s)",
                        c.instanceType(),
                        c.gpus(),
                        c.gpuModel(),
                        gpuMemoryGiB(c),
                        usd(c),
                        c.asOf())
                + (need.isPresent()
                        ? ", chosen as it holds " + need.get().describe()
                        : ", chosen by GPU memory (at least " + memory + " GiB: the scenario does not say which model,"
                                + " or how much KV cache, it serves)")
                + (speed.isEmpty()
                        ? "; its speed is not known: the model's service times are kept"
                        : "; " + String.join(", ", speed)));
    }

    /**
     * The shipped iteration profile of {@code type}'s GPU for the model of pool {@code pool}'s LLM engine, at the
     * type's GPUs as tensor parallelism (the kind of today's profile — linear or table — preferred), or empty when
     * the pool has no LLM engine or no such profile is shipped.
     */
    static Optional<IterationProfile> profileFor(Baseline base, String pool, InstancePrice type) {
        if (base.scenario().pools() == null) return Optional.empty();
        LlmEngineSpec engine = base.scenario().pools().stream()
                .filter(p -> pool.equals(p.name()))
                .findFirst()
                .map(p -> p.model().llmEngine())
                .orElse(null);
        if (engine == null || engine.iteration() == null || engine.iteration().model() == null) return Optional.empty();
        String model = engine.iteration().model();
        boolean table = engine.profile() != null && engine.profile().endsWith("-table");
        return LlmProfiles.bundled().values().stream()
                .filter(p -> p.gpu().equalsIgnoreCase(type.gpuModel())
                        && p.model().equalsIgnoreCase(model)
                        && p.tensorParallel() == type.gpus())
                .min(Comparator.comparing((IterationProfile p) -> p.isTable() != table)
                        .thenComparing(IterationProfile::name));
    }

    private static Optional<InstancePrice> price(PriceCatalogue catalogue, PoolType t, PricingModel model) {
        return catalogue.instance(t.provider(), t.region(), t.instanceType(), model);
    }

    private static String usd(InstancePrice p) {
        return p.usdPerHour().stripTrailingZeros().toPlainString();
    }

    private static String name(JsonNode pool) {
        return pool.path("name").asText();
    }

    /** The baseline's pools as written: {@code pools}, or the simple {@code pool} form as one. */
    private static List<JsonNode> pools(Baseline base) {
        JsonNode tree = base.tree();
        List<JsonNode> out = new ArrayList<>();
        if (tree.path("pools").isArray()) tree.get("pools").forEach(out::add);
        else out.add(tree.path("pool"));
        return out;
    }
}
