package frontier.store;

import frontier.domain.PricingModel;
import frontier.ingest.ChargeCategory;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One normalised cost line as stored in the workspace (see {@link CostQueries#lines(LineQuery)}).
 *
 * @param periodStart    charge period start, epoch seconds UTC
 * @param periodEnd      charge period end (exclusive), epoch seconds UTC
 * @param pricingModel   how the line is priced
 * @param chargeCategory what kind of charge it is
 * @param tags           its tags, in stored order (empty when it has none)
 * @param billed         exact billed cost, null when the export has none (likewise effective and list)
 */
public record CostLine(
        long periodStart,
        long periodEnd,
        String provider,
        String billingAccount,
        String subAccount,
        String service,
        String serviceCategory,
        String region,
        String sku,
        String instanceType,
        Integer gpuCount,
        PricingModel pricingModel,
        ChargeCategory chargeCategory,
        String chargeClass,
        String resourceId,
        String resourceName,
        Map<String, String> tags,
        String currency,
        BigDecimal billed,
        BigDecimal effective,
        BigDecimal list) {
    public CostLine {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    }
}
