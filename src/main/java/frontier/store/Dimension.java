package frontier.store;

import frontier.domain.Coded;
import java.util.Optional;

/**
 * What cost totals can be grouped by (besides tags, see {@link Grouping}). Month and day are those of
 * the charge period's start, in UTC.
 */
public enum Dimension implements Coded {
    PRICING_MODEL("pricing-model", "Pricing model", "d.pricing_model"),
    CHARGE_CATEGORY("charge-category", "Charge category", "d.charge_category"),
    PROVIDER("provider", "Provider", "d.provider"),
    ACCOUNT("account", "Billing account", "d.billing_account"),
    SUB_ACCOUNT("sub-account", "Sub-account", "d.sub_account"),
    SERVICE("service", "Service", "d.service"),
    SERVICE_CATEGORY("service-category", "Service category", "d.service_category"),
    REGION("region", "Region", "d.region"),
    INSTANCE_TYPE("instance-type", "Instance type", "d.instance_type"),
    GPU_COUNT("gpu-count", "GPUs", "d.gpu_count"),
    CHARGE_CLASS("charge-class", "Charge class", "d.charge_class"),
    COMMITMENT("commitment", "Commitment", "d.commitment_id"),
    COMMITMENT_STATUS("commitment-status", "Commitment status", "d.commitment_status"),
    MONTH("month", "Month", "strftime('%Y-%m', c.period_start, 'unixepoch')"),
    DAY("day", "Day", "strftime('%Y-%m-%d', c.period_start, 'unixepoch')"),
    IMPORT("import", "Import", "c.import_id");

    private final String code;
    private final String label;
    final String sql;

    Dimension(String code, String label, String sql) {
        this.code = code;
        this.label = label;
        this.sql = sql;
    }

    /** The command line's spelling: {@code pricing-model}, {@code instance-type}, … */
    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The dimension with this code ('_' accepted for '-'); BadInputException naming the codes if there is none. */
    public static Dimension fromCode(String code) {
        return Coded.fromCode(Dimension.class, code, "dimension");
    }

    /** The dimension with this code, if any. */
    public static Optional<Dimension> find(String code) {
        return Coded.find(Dimension.class, code);
    }
}
