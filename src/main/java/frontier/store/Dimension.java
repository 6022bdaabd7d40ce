package frontier.store;

import java.util.Locale;

/**
 * What cost totals can be grouped by (besides tags, see {@link Grouping}). Month and day are those of
 * the charge period's start, in UTC.
 */
public enum Dimension {
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

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Dimension fromCode(String code) {
        String c = code.toLowerCase(Locale.ROOT).replace('_', '-');
        for (Dimension d : values()) if (d.code.equals(c)) return d;
        return null;
    }
}
