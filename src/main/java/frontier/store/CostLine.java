package frontier.store;

import java.math.BigDecimal;

/**
 * One normalised cost line as stored in the workspace (see {@link Workspace#lines(LineQuery)}).
 *
 * @param periodStart    charge period start, epoch seconds UTC
 * @param periodEnd      charge period end (exclusive), epoch seconds UTC
 * @param pricingModel   the stored code ({@code frontier.domain.PricingModel#code()})
 * @param chargeCategory the stored code ({@code frontier.ingest.ChargeCategory#code()})
 * @param tags           the tags as a JSON object, or null
 * @param billed         exact billed cost, null when the export has none (likewise effective and list)
 */
public record CostLine(long periodStart, long periodEnd, String provider, String billingAccount, String subAccount,
        String service, String serviceCategory, String region, String sku, String instanceType, Integer gpuCount,
        String pricingModel, String chargeCategory, String chargeClass, String resourceId, String resourceName, String tags,
        String currency, BigDecimal billed, BigDecimal effective, BigDecimal list) {
}
