package frontier.ingest;

import java.math.BigDecimal;

/**
 * One normalised billing row, whatever the export it came from. Times are epoch seconds (UTC), the
 * charge period is [periodStart, periodEnd). Money is exact: {@code billedCost} is what the invoice
 * shows, {@code effectiveCost} the amortised cost (commitment purchases spread over the usage they
 * cover); either may be null when the export does not carry it (see {@link CostBasis}).
 *
 * @param line the 1-based line (or JSON line) of the source where the row starts
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
        String sku,
        ChargeCategory chargeCategory,
        PricingModel pricingModel,
        String currency,
        BigDecimal billedCost,
        BigDecimal effectiveCost,
        BigDecimal quantity,
        String unit) {
}
