package frontier.scenario;

import frontier.cost.GpuSpecs;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmModels;
import frontier.model.llm.LlmProfiles;
import frontier.model.pool.LlmEngineSpec;
import frontier.model.pool.Pools;
import frontier.sim.BadInputException;
import frontier.sim.InvalidSpecException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills in what an {@code llm_engine} model names: the profile's coefficients (from the shipped
 * {@code pricing-data/llm-profiles.csv} or the pool's {@code profiles_file}) and the KV cache size
 * ({@code kv_cache_tokens}, or derived from {@code gpu_memory_gib} — by default the memory the profile's
 * GPU name states — × tensor parallelism and the model's weights and KV geometry). Errors carry the JSON
 * path of the field.
 */
final class LlmResolver {
    private LlmResolver() {}

    static Scenario resolve(Scenario s, String source) {
        if (s.batch() != null) {
            LlmEngineSpec e = s.batch().llmEngine();
            if (e == null || e.resolved()) return s;
            return s.withBatch(s.batch().withLlmEngine(resolved(e, s.baseDir(), source + ": $.batch.llm_engine.")));
        }
        if (s.pools() == null
                || s.pools().stream()
                        .noneMatch(p -> p.model().llmEngine() != null
                                && !p.model().llmEngine().resolved())) return s;
        List<Pools> out = new ArrayList<>();
        for (int i = 0; i < s.pools().size(); i++) {
            Pools pool = s.pools().get(i);
            LlmEngineSpec e = pool.model().llmEngine();
            if (e == null || e.resolved()) {
                out.add(pool);
                continue;
            }
            String at = source + ": $.pools[" + i + "].model.llm_engine.";
            out.add(pool.withModel(pool.model().withLlmEngine(resolved(e, s.baseDir(), at))));
        }
        return s.withPools(out);
    }

    /** The spec with its profile's coefficients and its KV cache size filled in; {@code at} prefixes errors. */
    private static LlmEngineSpec resolved(LlmEngineSpec e, Path baseDir, String at) {
        LlmEngineSpec.Iteration it = e.iteration();
        if (it == null) it = LlmEngineSpec.Iteration.of(profile(e, baseDir, at));
        long kv = e.kvCacheTokens() != null ? e.kvCacheTokens() : kvTokens(e, it, at);
        LlmEngineSpec resolved = e.resolvedWith(it, kv);
        try {
            resolved.engineConfig();
        } catch (InvalidSpecException x) {
            throw new ScenarioException(at + x.field() + ": " + x.getMessage(), x);
        }
        return resolved;
    }

    private static IterationProfile profile(LlmEngineSpec e, Path baseDir, String at) {
        Map<String, IterationProfile> known;
        String where;
        if (e.profilesFile() != null) {
            Path p = Path.of(e.profilesFile());
            if (!p.isAbsolute() && baseDir != null) p = baseDir.resolve(p);
            try {
                known = LlmProfiles.read(p);
            } catch (BadInputException x) {
                throw new ScenarioException(at + "profiles_file: " + x.getMessage(), x);
            }
            where = e.profilesFile();
        } else {
            known = LlmProfiles.bundled();
            where = "pricing-data/llm-profiles.csv";
        }
        IterationProfile p = known.get(e.profile());
        if (p == null) {
            throw new ScenarioException(
                    at + "profile: no profile '" + e.profile() + "' in " + where + "; known: "
                            + String.join(", ", known.keySet()) + " ('frontier llm profiles' lists them)",
                    null);
        }
        return p;
    }

    private static long kvTokens(LlmEngineSpec e, LlmEngineSpec.Iteration it, String at) {
        double memory = e.gpuMemoryGib() != null ? e.gpuMemoryGib() : GpuSpecs.memoryGiBOfProfileGpu(it.gpu());
        if (Double.isNaN(memory)) {
            throw new ScenarioException(
                    at + "kv_cache_tokens: the KV cache size is unknown: give 'kv_cache_tokens', or 'gpu_memory_gib'"
                            + " (GiB per GPU) for a model of pricing-data/llm-models.csv",
                    null);
        }
        LlmModels.Geometry g = it.model() == null ? null : LlmModels.bundled().get(it.model());
        if (g == null) {
            throw new ScenarioException(
                    at + "kv_cache_tokens: pricing-data/llm-models.csv has no weights and KV geometry for model '"
                            + it.model() + "' (known: "
                            + String.join(", ", LlmModels.bundled().keySet()) + "); give 'kv_cache_tokens'",
                    null);
        }
        try {
            return g.kvTokens(memory, e.gpuMemoryUtilization(), it.tensorParallel());
        } catch (InvalidSpecException x) {
            throw new ScenarioException(at + "gpu_memory_gib: " + x.getMessage(), x);
        }
    }
}
