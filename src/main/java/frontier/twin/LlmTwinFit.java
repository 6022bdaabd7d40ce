package frontier.twin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.analysis.llm.BenchmarkLevel;
import frontier.analysis.llm.LevelComparison;
import frontier.analysis.llm.ProfileFit;
import frontier.cost.GpuSpecs;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.domain.PricingModel;
import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmModels;
import frontier.model.pool.LlmEngineSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The iteration-level model of an LLM endpoint whose log carries tokens and time to first token (docs/twin.md): an
 * iteration profile fitted by {@link ProfileFit} — the same code as {@code frontier llm fit} — to two windows of the
 * log (its least and its most busy stretch of {@value #WINDOW} requests), replayed on the bill's instances, and the
 * engine settings the twin's pools get. What a log cannot show (the batch cap, the token budget) are stated defaults;
 * the KV cache comes from the bill's GPU memory when the catalogue knows the instance type and
 * {@code pricing-data/llm-models.csv} the model.
 */
final class LlmTwinFit {
    /** Requests of one fitted window: enough overlapping requests to tell the per-iteration from the per-sequence cost. */
    static final int WINDOW = 240;
    /** Windows fitted on: the least and the most busy. */
    static final int WINDOWS = 2;
    /** Fewest requests with tokens and TTFT for a fit. */
    static final int MIN_REQUESTS = 2 * WINDOW;

    private LlmTwinFit() {}

    /** The fitted engine, what to write in the report, and the notes. */
    record Result(LlmEngineSpec engine, IterationProfile profile, List<String> notes) {}

    /**
     * Fits the iteration profile and builds the engine spec.
     *
     * @param obs       the endpoint's requests (tokens and TTFT on at least {@link Calibrator#TOKEN_SHARE} of them)
     * @param instances the engines the requests were spread over (the bill's instances; 1 without a bill)
     * @param plan      the bill's first instance pool (its machine sizes the KV cache), or null
     * @param modelName the log's model
     */
    static Result fit(Observations obs, int instances, PoolPlan plan, String modelName, ObjectNode report) {
        List<String> notes = new ArrayList<>();
        int[] idx = usable(obs);
        long maxTokens = 0;
        for (int i : idx) maxTokens = Math.max(maxTokens, obs.inputTokens[i] + obs.outputTokens[i]);

        // What the log cannot show: the batch cap and the token budget (vLLM's defaults), and the KV cache unless the
        // bill's machine and the model's geometry are known.
        int maxNumSeqs = LlmEngineSpec.DEFAULT_MAX_NUM_SEQS;
        int budget = LlmEngineSpec.DEFAULT_MAX_NUM_BATCHED_TOKENS;
        Machine machine = machine(plan);
        LlmModels.Geometry geometry = geometry(modelName);
        long kvTokens;
        String kvNote;
        boolean fromMemory = machine != null && geometry != null;
        if (fromMemory) {
            kvTokens = geometry.kvTokens(
                    machine.memoryPerGpuGiB, LlmEngineSpec.DEFAULT_GPU_MEMORY_UTILIZATION, machine.gpus);
            kvNote = String.format(
                    Locale.ROOT,
                    "KV cache from the bill's %s (%d × %s, %.0f GiB each) and %s's weights and KV geometry: %,d tokens",
                    plan.instanceType(),
                    machine.gpus,
                    machine.gpuModel,
                    machine.memoryPerGpuGiB,
                    geometry.model(),
                    kvTokens);
        } else {
            long blocks = (maxTokens + EngineConfig.DEFAULT_BLOCK_SIZE) / EngineConfig.DEFAULT_BLOCK_SIZE;
            kvTokens = (long) maxNumSeqs * blocks * EngineConfig.DEFAULT_BLOCK_SIZE;
            kvNote = "KV cache not known ("
                    + (machine == null
                            ? "the catalogue does not know the bill's GPU"
                            : "pricing-data/llm-models.csv has no geometry for model '" + modelName + "'")
                    + "): " + String.format(Locale.ROOT, "%,d", kvTokens) + " tokens, enough for " + maxNumSeqs
                    + " sequences of the longest logged request, so that it never binds";
        }
        EngineConfig config = EngineConfig.of(maxNumSeqs, budget, kvTokens);

        List<ProfileFit.Input> inputs = windows(obs, idx, instances, config);
        ProfileFit.Result r = ProfileFit.fit(inputs, "twin-" + modelName, "calibrated from the request log", "");
        IterationProfile p = r.profile();
        LlmEngineSpec.Iteration it = LlmEngineSpec.Iteration.of(p);
        it = new LlmEngineSpec.Iteration(
                round6(it.aMs()),
                round6(it.bMsPerToken()),
                round6(it.cMsPerSeq()),
                round6(it.dMsPerKtoken()),
                0.0,
                round6(it.requestOverheadMs()),
                fromMemory ? machine.gpus : 1,
                fromMemory ? machine.gpuModel : null,
                fromMemory ? geometry.model() : null,
                "fitted by the calibrator to " + inputs.size() + " windows of the request log",
                null,
                null);
        LlmEngineSpec engine = new LlmEngineSpec(
                "twin-" + modelName.replaceAll("[^A-Za-z0-9_.-]+", "-"),
                null,
                it,
                maxNumSeqs,
                budget,
                null,
                null,
                fromMemory ? null : kvTokens,
                fromMemory ? machine.memoryPerGpuGiB : null,
                null,
                null,
                null,
                null,
                null);

        ObjectNode lr = report.putObject("llm_fit");
        lr.put("instances", instances);
        lr.put("a_ms", it.aMs());
        lr.put("b_ms_per_token", it.bMsPerToken());
        lr.put("c_ms_per_seq", it.cMsPerSeq());
        lr.put("d_ms_per_ktoken", it.dMsPerKtoken());
        lr.put("request_overhead_ms", it.requestOverheadMs());
        lr.put("rms_log_error", r.rmsLogError());
        lr.put("residual_cv", r.residualCv());
        lr.put("evaluations", r.evaluations());
        lr.put("max_num_seqs", maxNumSeqs);
        lr.put("max_num_batched_tokens", budget);
        lr.put("kv_cache_tokens", kvTokens);
        ArrayNode ws = lr.putArray("windows");
        for (int w = 0; w < inputs.size(); w++) {
            LevelComparison.Row row = r.fitted().get(w);
            ObjectNode wn = ws.addObject();
            wn.put("label", row.label());
            wn.put("requests", row.requests());
            wn.put("ttft_mean_s_measured", row.measured().ttftMean());
            wn.put("ttft_mean_s_fitted", row.predicted().ttftMean());
            wn.put("e2e_mean_s_measured", row.measured().e2eMean());
            wn.put("e2e_mean_s_fitted", row.predicted().e2eMean());
        }
        notes.add(String.format(
                Locale.ROOT,
                "%d of %d requests carry tokens and time to first token: the pools run the iteration-level LLM engine,"
                        + " its iteration time fitted by simulation to %d windows of %d requests (the least and the"
                        + " most busy) spread over %d instance%s: %.2f ms + %.4f ms × prefill tokens + %.3f ms ×"
                        + " decoding sequences + %.4f ms × context ktokens, request overhead %.1f ms (rms log error"
                        + " %.3f, %d evaluations)",
                obs.withTokensAndTtft,
                obs.latencyS.length,
                inputs.size(),
                WINDOW,
                instances,
                instances == 1 ? "" : "s",
                it.aMs(),
                it.bMsPerToken(),
                it.cMsPerSeq(),
                it.dMsPerKtoken(),
                it.requestOverheadMs(),
                r.rmsLogError(),
                r.evaluations()));
        notes.add("batch cap " + maxNumSeqs + " sequences and token budget " + budget
                + " per iteration assumed (vLLM's defaults; a log shows a cap only when it was reached)");
        notes.add(kvNote);
        return new Result(engine, p, notes);
    }

    /** Indices of the served requests with both token counts and a TTFT, in arrival order. */
    static int[] usable(Observations obs) {
        int[] out = new int[obs.latencyS.length];
        int k = 0;
        for (int i = 0; i < out.length; i++) {
            if (obs.inputTokens[i] > 0 && obs.outputTokens[i] > 0 && !Double.isNaN(obs.ttftS[i])) out[k++] = i;
        }
        return Arrays.copyOf(out, k);
    }

    /**
     * The least and the most busy windows of {@value #WINDOW} consecutive usable requests (by their arrival rate),
     * each led by the requests of the {@code 2 × p95 latency} before it, replayed so that the window starts with the
     * engines as loaded as they were, but not fitted on.
     */
    static List<ProfileFit.Input> windows(Observations obs, int[] idx, int instances, EngineConfig config) {
        int n = idx.length;
        int count = n / WINDOW;
        int slowest = 0, busiest = 0;
        double minRate = Double.POSITIVE_INFINITY, maxRate = 0;
        for (int w = 0; w < count; w++) {
            double span = obs.servedArrivals[idx[(w + 1) * WINDOW - 1]] - obs.servedArrivals[idx[w * WINDOW]];
            double rate = (WINDOW - 1) / Math.max(span, 1e-9);
            if (rate < minRate) {
                minRate = rate;
                slowest = w;
            }
            if (rate > maxRate) {
                maxRate = rate;
                busiest = w;
            }
        }
        double[] lat = obs.latencyS.clone();
        Arrays.sort(lat);
        double lead = 2 * lat[(int) Math.min(lat.length - 1, Math.ceil(0.95 * lat.length) - 1)];
        List<ProfileFit.Input> out = new ArrayList<>();
        for (int w : slowest == busiest ? new int[] {slowest} : new int[] {slowest, busiest}) {
            int first = w * WINDOW;
            double start = obs.servedArrivals[idx[first]];
            int from = first;
            while (from > 0 && obs.servedArrivals[idx[from - 1]] >= start - lead) from--;
            List<BenchmarkLevel.Request> rs = new ArrayList<>();
            for (int j = from; j < first + WINDOW; j++) {
                int i = idx[j];
                rs.add(new BenchmarkLevel.Request(
                        obs.servedArrivals[i] - obs.servedArrivals[idx[from]],
                        (int) obs.inputTokens[i],
                        (int) obs.outputTokens[i],
                        obs.ttftS[i],
                        obs.latencyS[i]));
            }
            String label = String.format(
                    Locale.ROOT,
                    "%s window, %.2f req/s",
                    w == slowest ? "least busy" : "busiest",
                    w == slowest ? minRate : maxRate);
            out.add(new ProfileFit.Input(new BenchmarkLevel(label, Double.NaN, rs), config, instances, first - from));
        }
        return out;
    }

    /** The GPUs of one instance of the plan's machine, when the catalogue and the GPU table know them. */
    private record Machine(String gpuModel, int gpus, double memoryPerGpuGiB) {}

    private static Machine machine(PoolPlan plan) {
        if (plan == null || plan.instanceType() == null || plan.provider() == null) return null;
        PriceCatalogue c = PriceCatalogue.shipped();
        InstancePrice p = c.instance(plan.provider(), plan.region(), plan.instanceType(), PricingModel.ON_DEMAND)
                .or(() -> c.instance(plan.provider(), plan.region(), plan.instanceType(), PricingModel.SPOT))
                .orElse(null);
        if (p == null || p.gpus() <= 0) return null;
        double m = GpuSpecs.memoryGiB(p.gpuModel());
        return Double.isNaN(m) ? null : new Machine(p.gpuModel(), p.gpus(), m);
    }

    /** The model's geometry by its logged name (any case, or the part after a '/'), or null. */
    private static LlmModels.Geometry geometry(String modelName) {
        if (modelName == null) return null;
        String m = modelName.toLowerCase(Locale.ROOT);
        m = m.substring(m.lastIndexOf('/') + 1);
        return LlmModels.bundled().get(m);
    }

    private static double round6(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
    }
}
