package frontier.model.llm;

import frontier.sim.BundledCsv;
import java.util.Map;

/**
 * What the KV cache of a model needs, from the shipped {@code pricing-data/llm-models.csv}: weights
 * (parameters × bytes) and KV geometry (layers × KV heads × head dimension × bytes per element, keys and
 * values), by the model names the profiles use. With a GPU's memory and the tensor parallelism it sizes
 * the cache as vLLM does ({@link EngineConfig#kvTokensFromMemory}).
 */
public final class LlmModels {
    public static final String BUNDLED = "/pricing-data/llm-models.csv";
    /** Memory each GPU keeps for activations and CUDA graphs beyond the weights and the KV cache. */
    public static final double RESERVE_PER_GPU_GIB = 1.0;

    /** One model's weights and KV geometry. */
    public record Geometry(
            String model,
            double parameters,
            int layers,
            int kvHeads,
            int headDim,
            double bytesPerParameter,
            double kvBytesPerElement,
            String source) {
        public long kvBytesPerToken() {
            return EngineConfig.kvBytesPerToken(layers, kvHeads, headDim, kvBytesPerElement);
        }

        /** KV cache tokens of one instance of {@code tensorParallel} GPUs of {@code gpuMemoryGiB} each. */
        public long kvTokens(double gpuMemoryGiB, double utilization, int tensorParallel) {
            return EngineConfig.kvTokensFromMemory(
                    gpuMemoryGiB,
                    utilization,
                    tensorParallel,
                    parameters,
                    bytesPerParameter,
                    RESERVE_PER_GPU_GIB,
                    kvBytesPerToken());
        }
    }

    private static Map<String, Geometry> cache;

    private LlmModels() {}

    /** The shipped geometries by model name. */
    public static synchronized Map<String, Geometry> bundled() {
        if (cache == null)
            cache = BundledCsv.read(
                    BUNDLED,
                    r -> r.get("model"),
                    r -> new Geometry(
                            r.get("model"),
                            Double.parseDouble(r.get("parameters_b")) * 1e9,
                            Integer.parseInt(r.get("layers")),
                            Integer.parseInt(r.get("kv_heads")),
                            Integer.parseInt(r.get("head_dim")),
                            Double.parseDouble(r.get("bytes_per_parameter")),
                            Double.parseDouble(r.get("kv_bytes_per_element")),
                            r.get("source")));
        return cache;
    }
}
