package frontier.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The rates of one serverless platform in one region. Each dimension is zero where the platform does not
 * charge it: per request, per GB-second of memory, per vCPU-second, per GPU-second. Billed durations are
 * rounded up to a multiple of {@code billingIncrementS} seconds. The catalogue key is (platform, region).
 */
public record ServerlessRate(
        String platform,
        String region,
        BigDecimal usdPerRequest,
        BigDecimal usdPerGbSecond,
        BigDecimal usdPerVcpuSecond,
        BigDecimal usdPerGpuSecond,
        double billingIncrementS,
        String source,
        LocalDate asOf) {

    /** The cloud the platform belongs to: aws (aws-*, sagemaker-*), gcp (cloud-run*), azure (azure-*), else the name's first word. */
    public String provider() {
        return providerOfPlatform(platform);
    }

    /** Duration billed for a run of {@code seconds}: rounded up to the billing increment. */
    public double billedSeconds(double seconds) {
        if (seconds <= 0) return 0;
        return Math.ceil(seconds / billingIncrementS - 1e-9) * billingIncrementS;
    }

    static String providerOfPlatform(String platform) {
        String p = platform.toLowerCase(Locale.ROOT);
        if (p.startsWith("aws-") || p.startsWith("sagemaker") || p.equals("aws")) return "aws";
        if (p.startsWith("cloud-run") || p.startsWith("gcp-") || p.startsWith("cloud-functions")) return "gcp";
        if (p.startsWith("azure-")) return "azure";
        int dash = p.indexOf('-');
        return dash > 0 ? p.substring(0, dash) : p;
    }
}
