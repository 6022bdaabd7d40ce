package frontier.cost;

import frontier.domain.PricingModel;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The hourly price of one machine type in one region under one pricing model, with where the number comes
 * from and the date it held. {@code gpuModel} is null for CPU-only types (then {@code gpus} is 0). The
 * catalogue key is (provider, region, instanceType, pricingModel), compared case-insensitively.
 */
public record InstancePrice(
        String provider,
        String region,
        String instanceType,
        String gpuModel,
        int gpus,
        int vcpus,
        double memoryGib,
        PricingModel pricingModel,
        BigDecimal usdPerHour,
        String source,
        LocalDate asOf) {

    /** Price per GPU-hour, or the machine's hourly price when it has no GPU. */
    public BigDecimal usdPerGpuHour() {
        return gpus > 0 ? usdPerHour.divide(BigDecimal.valueOf(gpus), java.math.MathContext.DECIMAL64) : usdPerHour;
    }
}
