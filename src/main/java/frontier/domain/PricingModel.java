package frontier.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;

/**
 * How capacity or a charge is bought, one vocabulary for the price catalogue and billing lines. Billing
 * exports are normalised to it across providers (FOCUS PricingCategory, CUR term and usage type, Azure
 * PricingModel, GCP SKU…); precedence when several apply: spot, then commitment, then serverless, then
 * on-demand (Lambda covered by a savings plan is a commitment charge).
 *
 * <p>{@link #code()} is what the workspace stores and JSON reports print ({@code commitment}); price
 * catalogue files and scenarios keep their own spelling, {@link #catalogueCode()} ({@code committed}).
 * Only {@link #CATALOGUE} models have catalogue prices of their own.
 */
public enum PricingModel implements Coded {
    /** List/standard rates: FOCUS Standard, CUR OnDemand, Azure OnDemand. */
    ON_DEMAND("on_demand", "on_demand", "On-demand"),
    /** Reserved instances, savings plans, committed-use discounts and their fees. */
    COMMITMENT("commitment", "committed", "Commitment"),
    /** Spot / preemptible / low priority / FOCUS Dynamic. */
    SPOT("spot", "spot", "Spot"),
    /**
     * Pay-per-request services billed at on-demand rates: AWS Lambda, SageMaker Serverless Inference,
     * Azure Functions, Google Cloud Run and Cloud Functions (see docs/formats.md).
     */
    SERVERLESS("serverless", "serverless", "Serverless"),
    /** The provider says "other". */
    OTHER("other", null, "Other"),
    /** The export does not say (taxes, credits, rows with an empty pricing column). */
    UNSPECIFIED("unspecified", null, "Not specified");

    private final String code;
    private final String catalogueCode;
    private final String label;

    PricingModel(String code, String catalogueCode, String label) {
        this.code = code;
        this.catalogueCode = catalogueCode;
        this.label = label;
    }

    /** The stored and JSON value: {@code on_demand}, {@code commitment}, {@code spot}, … */
    @JsonValue
    @Override
    public String code() {
        return code;
    }

    /**
     * The spelling of price catalogue CSVs, {@code prices list} and scenario prices: {@code on_demand},
     * {@code committed}, {@code spot}, {@code serverless}; null for the models a catalogue cannot name.
     */
    public String catalogueCode() {
        return catalogueCode;
    }

    /** The name shown to people. */
    public String label() {
        return label;
    }

    /** The model with this stored code; BadInputException naming the codes if there is none. */
    public static PricingModel fromCode(String code) {
        return Coded.fromCode(PricingModel.class, code, "pricing model");
    }

    /** The model with this stored code, if any. */
    public static Optional<PricingModel> find(String code) {
        return Coded.find(PricingModel.class, code);
    }

    /**
     * A stored code as read back from a workspace: unknown or missing codes (none are written, but a
     * workspace is a file users can edit) read as {@link #UNSPECIFIED}.
     */
    public static PricingModel stored(String code) {
        return find(code).orElse(UNSPECIFIED);
    }

    /**
     * The model with this catalogue spelling ({@code on_demand}, {@code spot}, {@code committed},
     * {@code serverless}; case and '-' for '_' ignored), if any.
     */
    public static Optional<PricingModel> fromCatalogue(String text) {
        for (PricingModel m : values()) {
            if (m.catalogueCode != null && Coded.matches(m.catalogueCode, text)) return Optional.of(m);
        }
        return Optional.empty();
    }
}
