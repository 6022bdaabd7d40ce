package frontier.ingest;

import frontier.domain.PricingModel;
import java.math.BigDecimal;

/**
 * One normalised billing row (after FOCUS), whatever the export it came from. Times are epoch
 * seconds (UTC), the charge period is [periodStart, periodEnd). Money is exact: {@code billedCost}
 * is what the invoice shows, {@code effectiveCost} the amortised cost (commitment purchases spread
 * over the usage they cover), {@code listCost} the cost at public on-demand prices; any of them may
 * be null when the export does not carry it (see {@link CostBasis} and docs/formats.md).
 *
 * <p>Fields an export does not carry are null: {@code instanceType} and {@code gpuCount} are known
 * only for recognised machine types, {@code tags} is a canonical JSON object (keys sorted, values
 * strings) or null when the row has none.
 *
 * @param line             the 1-based line (or JSON line) of the source where the row starts
 * @param chargeClass      FOCUS ChargeClass: "Correction" for corrections of earlier periods, else null
 * @param commitmentStatus FOCUS CommitmentDiscountStatus: "Used" or "Unused" (null when no commitment)
 * @param quantity         consumed quantity, in {@code unit}
 * @param pricingQuantity  quantity as priced, in {@code pricingUnit}
 */
public record Charge(
        long line,
        long periodStart,
        long periodEnd,
        String provider,
        String billingAccount,
        String subAccount,
        String service,
        String serviceCategory,
        String region,
        String resourceId,
        String resourceName,
        String sku,
        String instanceType,
        Integer gpuCount,
        ChargeCategory chargeCategory,
        String chargeClass,
        PricingModel pricingModel,
        String commitmentId,
        String commitmentStatus,
        String currency,
        BigDecimal billedCost,
        BigDecimal effectiveCost,
        BigDecimal listCost,
        BigDecimal quantity,
        String unit,
        BigDecimal pricingQuantity,
        String pricingUnit,
        String tags) {

    /** Collects a charge's fields by name; the mappers fill what their format carries. */
    static final class Builder {
        long line;
        long start;
        long end;
        String provider;
        String billingAccount;
        String subAccount;
        String service;
        String serviceCategory;
        String region;
        String resourceId;
        String resourceName;
        String sku;
        String instanceType;
        Integer gpuCount;
        ChargeCategory chargeCategory;
        String chargeClass;
        PricingModel pricingModel;
        String commitmentId;
        String commitmentStatus;
        String currency;
        BigDecimal billed;
        BigDecimal effective;
        BigDecimal list;
        BigDecimal quantity;
        String unit;
        BigDecimal pricingQuantity;
        String pricingUnit;
        String tags;

        Charge build() {
            Integer gpus = gpuCount != null ? gpuCount : Machines.gpuCount(instanceType);
            return new Charge(
                    line,
                    start,
                    end,
                    provider,
                    billingAccount,
                    subAccount,
                    service,
                    serviceCategory,
                    region,
                    resourceId,
                    resourceName,
                    sku,
                    instanceType,
                    gpus,
                    chargeCategory,
                    chargeClass,
                    pricingModel,
                    commitmentId,
                    commitmentStatus,
                    currency,
                    billed,
                    effective,
                    list,
                    quantity,
                    unit,
                    pricingQuantity,
                    pricingUnit,
                    tags);
        }
    }
}
