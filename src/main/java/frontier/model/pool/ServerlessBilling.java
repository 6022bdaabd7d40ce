package frontier.model.pool;

import frontier.sim.InvalidSpecException;

/**
 * How a serverless platform bills: per request, plus per second of execution by memory (GB), vCPU and
 * GPU, with each execution rounded up to {@code increment_ms}. Start-up (cold start) and idle instance
 * time are billed only if {@code bill_startup} / {@code bill_idle}. Provisioned (always-warm) instances
 * are billed for all their time at {@code provisioned_usd_per_gb_second} × memory. Instead of the rates,
 * {@code platform} (and optionally {@code region}) names a row of the price catalogue (e.g.
 * {@code aws-lambda}); the scenario loader then fills in the rates and the billing increment.
 */
public record ServerlessBilling(
        String platform,
        String region,
        Double usdPerRequest,
        Double usdPerGbSecond,
        Double memoryGb,
        Double usdPerVcpuSecond,
        Double vcpus,
        Double usdPerGpuSecond,
        Double gpus,
        Double incrementMs,
        Boolean billStartup,
        Boolean billIdle,
        Double provisionedUsdPerGbSecond) {
    /** Rates given inline. */
    public ServerlessBilling(
            Double usdPerRequest,
            Double usdPerGbSecond,
            Double memoryGb,
            Double usdPerVcpuSecond,
            Double vcpus,
            Double usdPerGpuSecond,
            Double gpus,
            Double incrementMs,
            Boolean billStartup,
            Boolean billIdle,
            Double provisionedUsdPerGbSecond) {
        this(
                null,
                null,
                usdPerRequest,
                usdPerGbSecond,
                memoryGb,
                usdPerVcpuSecond,
                vcpus,
                usdPerGpuSecond,
                gpus,
                incrementMs,
                billStartup,
                billIdle,
                provisionedUsdPerGbSecond);
    }

    public ServerlessBilling {
        if (platform != null) {
            if (platform.isBlank())
                throw new InvalidSpecException(
                        "platform", "expected a platform of the price catalogue, e.g. aws-lambda");
            if (usdPerRequest != null
                    || usdPerGbSecond != null
                    || usdPerVcpuSecond != null
                    || usdPerGpuSecond != null
                    || incrementMs != null) {
                throw new InvalidSpecException(
                        "platform",
                        "give either 'platform' (rates from the price catalogue) or the rates and increment_ms, not both");
            }
        } else if (region != null) {
            throw new InvalidSpecException("region", "belongs to a catalogue 'platform'");
        }
        usdPerRequest = nn("usd_per_request", usdPerRequest);
        usdPerGbSecond = nn("usd_per_gb_second", usdPerGbSecond);
        memoryGb = nn("memory_gb", memoryGb);
        usdPerVcpuSecond = nn("usd_per_vcpu_second", usdPerVcpuSecond);
        vcpus = nn("vcpus", vcpus);
        usdPerGpuSecond = nn("usd_per_gpu_second", usdPerGpuSecond);
        gpus = nn("gpus", gpus);
        if (incrementMs == null) incrementMs = 1.0;
        InvalidSpecException.positive("increment_ms", incrementMs);
        if (billStartup == null) billStartup = false;
        if (billIdle == null) billIdle = false;
        provisionedUsdPerGbSecond = nn("provisioned_usd_per_gb_second", provisionedUsdPerGbSecond);
    }

    private static double nn(String field, Double v) {
        return v == null ? 0.0 : InvalidSpecException.nonNegative(field, v);
    }

    public static ServerlessBilling none() {
        return new ServerlessBilling(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** True when the rates are known (inline, or filled in from the catalogue). */
    public boolean resolved() {
        return platform == null;
    }

    /** These sizes and flags with the catalogue's rates and increment. */
    public ServerlessBilling withRates(
            double perRequest, double perGbSecond, double perVcpuSecond, double perGpuSecond, double incrementS) {
        return new ServerlessBilling(
                null,
                null,
                perRequest,
                perGbSecond,
                memoryGb,
                perVcpuSecond,
                vcpus,
                perGpuSecond,
                gpus,
                incrementS * 1000,
                billStartup,
                billIdle,
                provisionedUsdPerGbSecond);
    }

    /** The same billing for instances of {@code n} GPUs. */
    public ServerlessBilling withGpus(double n) {
        return new ServerlessBilling(
                platform,
                region,
                platform == null ? usdPerRequest : null,
                platform == null ? usdPerGbSecond : null,
                memoryGb,
                platform == null ? usdPerVcpuSecond : null,
                vcpus,
                platform == null ? usdPerGpuSecond : null,
                n,
                platform == null ? incrementMs : null,
                billStartup,
                billIdle,
                provisionedUsdPerGbSecond);
    }

    /** Dollars per second of billed execution time. */
    public double usdPerSecond() {
        return usdPerGbSecond * memoryGb + usdPerVcpuSecond * vcpus + usdPerGpuSecond * gpus;
    }

    /** Execution time rounded up to the billing increment. */
    public double billed(double seconds) {
        double inc = incrementMs / 1000.0;
        return Math.ceil(seconds / inc - 1e-9) * inc;
    }
}
