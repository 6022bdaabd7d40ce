package frontier.ingest;

/**
 * How a charge was priced, normalised across providers (FOCUS PricingCategory, CUR term and usage
 * type, Azure PricingModel, GCP SKU…). Precedence when several apply: spot, then commitment, then
 * serverless, then on-demand (Lambda covered by a savings plan is a commitment charge).
 */
public enum PricingModel {
    /** List/standard rates: FOCUS Standard, CUR OnDemand, Azure OnDemand. */
    ON_DEMAND("on_demand", "On-demand"),
    /** Reserved instances, savings plans, committed-use discounts and their fees. */
    COMMITMENT("commitment", "Commitment"),
    /** Spot / preemptible / low priority / FOCUS Dynamic. */
    SPOT("spot", "Spot"),
    /**
     * Pay-per-request services billed at on-demand rates: AWS Lambda, SageMaker Serverless Inference,
     * Azure Functions, Google Cloud Run and Cloud Functions (see docs/formats.md).
     */
    SERVERLESS("serverless", "Serverless"),
    /** The provider says "other". */
    OTHER("other", "Other"),
    /** The export does not say (taxes, credits, rows with an empty pricing column). */
    UNSPECIFIED("unspecified", "Not specified");

    private final String code;
    private final String label;

    PricingModel(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The stored and JSON value. */
    public String code() {
        return code;
    }

    /** The name shown to people. */
    public String label() {
        return label;
    }

    public static PricingModel fromCode(String code) {
        for (PricingModel m : values()) if (m.code.equals(code)) return m;
        return UNSPECIFIED;
    }
}
