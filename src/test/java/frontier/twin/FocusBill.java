package frontier.twin;

import java.time.Instant;

/**
 * A FOCUS bill for the twin tests: EC2 charges of one clock hour each, tagged with the endpoint they serve (the
 * attribution the calibrator reads). One builder for the fixed, autoscaled, LLM and routing fleets the tests generate.
 */
final class FocusBill {
    private final StringBuilder csv;
    private final String tag;
    private final String region;

    /** A bill tagged {@code endpoint}; {@code region} null leaves out the RegionId column. */
    FocusBill(String endpoint, String region) {
        this.tag = "\"{\"\"endpoint\"\":\"\"" + endpoint + "\"\"}\"";
        this.region = region;
        this.csv = new StringBuilder(
                "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                        + "ChargeCategory,PricingCategory,ProviderName,ServiceName,ResourceId,x_InstanceType,"
                        + "ConsumedQuantity,ConsumedUnit," + (region == null ? "" : "RegionId,") + "Tags\n");
    }

    /**
     * The hour from {@code start} of resource {@code i-<id>}: {@code cost} billed and effective for {@code hours}
     * of {@code instanceType} at {@code pricingCategory} (Standard: on demand, Dynamic: spot).
     */
    FocusBill hour(Instant start, String cost, String pricingCategory, String id, String instanceType, String hours) {
        csv.append(cost)
                .append(',')
                .append(cost)
                .append(',')
                .append(start)
                .append(',')
                .append(start.plusSeconds(3600))
                .append(",USD,acct,Usage,")
                .append(pricingCategory)
                .append(",AWS,Amazon EC2,i-")
                .append(id)
                .append(',')
                .append(instanceType)
                .append(',')
                .append(hours)
                .append(",Hours,");
        if (region != null) csv.append(region).append(',');
        csv.append(tag).append('\n');
        return this;
    }

    String csv() {
        return csv.toString();
    }
}
