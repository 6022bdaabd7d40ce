package frontier.cost;

import frontier.sim.BundledCsv;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of GPU specifications (shipped {@code pricing-data/gpus.csv}): memory per GPU by GPU model, in the
 * names the price catalogue's {@code gpu_model} column uses ({@code A10G}, {@code H100-80GB}…). Read by the cheaper-GPU
 * alternative (memory of a machine), by the scenario loader (an LLM engine's KV cache from its profile's GPU, e.g.
 * {@code h100-80gb}) and by the twin (the KV cache of the bill's instance type). Names match without regard to case.
 */
public final class GpuSpecs {
    public static final String BUNDLED = "/pricing-data/gpus.csv";
    private static final Pattern STATED = Pattern.compile("(\\d+)gb");
    private static Map<String, Double> cache;

    private GpuSpecs() {}

    /** Memory per GPU (GiB) by upper-case GPU model. */
    public static synchronized Map<String, Double> memoryByModel() {
        if (cache == null)
            cache = BundledCsv.read(
                    BUNDLED,
                    r -> r.get("gpu_model").toUpperCase(Locale.ROOT),
                    r -> Double.parseDouble(r.get("memory_gib")));
        return cache;
    }

    /** Memory per GPU (GiB) of a GPU model of the table, or NaN when the table does not know it. */
    public static double memoryGiB(String gpuModel) {
        if (gpuModel == null) return Double.NaN;
        Double m = memoryByModel().get(gpuModel.toUpperCase(Locale.ROOT));
        return m == null ? Double.NaN : m;
    }

    /**
     * Memory per GPU (GiB) of a GPU named in an LLM profile: the table's figure when it knows the name
     * ({@code a100-80gb} is {@code A100-80GB}), else the memory the name states ({@code "l40-48gb"} → 48), else NaN.
     */
    public static double memoryGiBOfProfileGpu(String gpu) {
        double m = memoryGiB(gpu);
        if (!Double.isNaN(m) || gpu == null) return m;
        Matcher s = STATED.matcher(gpu.toLowerCase(Locale.ROOT));
        return s.find() ? Double.parseDouble(s.group(1)) : Double.NaN;
    }

    /** Memory of all the GPUs of one instance of {@code p} (GiB), or NaN when it has none or of unknown memory. */
    public static double instanceMemoryGiB(InstancePrice p) {
        if (p.gpus() <= 0 || p.gpuModel() == null) return Double.NaN;
        return memoryGiB(p.gpuModel()) * p.gpus();
    }
}
