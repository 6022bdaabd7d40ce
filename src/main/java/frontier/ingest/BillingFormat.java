package frontier.ingest;

import frontier.domain.Coded;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The billing-export families Frontier reads, each recognised by the columns it must have. */
public enum BillingFormat implements Coded {
    FOCUS("focus", "FOCUS 1.0–1.3",
            req("BilledCost", "billedcost"), req("ChargePeriodStart", "chargeperiodstart"),
            req("ChargePeriodEnd", "chargeperiodend"), req("BillingCurrency", "billingcurrency"),
            req("BillingAccountId", "billingaccountid"), req("ChargeCategory", "chargecategory", "chargetype")),
    AWS_CUR("aws-cur", "AWS CUR (legacy or 2.0)",
            req("lineItem/UsageStartDate", "lineitemusagestartdate"), req("lineItem/UsageEndDate", "lineitemusageenddate"),
            req("lineItem/LineItemType", "lineitemlineitemtype"), req("lineItem/UnblendedCost", "lineitemunblendedcost"),
            req("lineItem/CurrencyCode", "lineitemcurrencycode")),
    AZURE("azure", "Azure cost details (EA/MCA, actual or amortized)",
            req("Date", "date", "usagedatetime", "usagedate"), req("CostInBillingCurrency or Cost", "costinbillingcurrency", "cost", "pretaxcost"),
            req("BillingCurrency", "billingcurrencycode", "billingcurrency", "currency"), req("SubscriptionId", "subscriptionid", "subscriptionguid")),
    GCP("gcp", "Google Cloud billing export (BigQuery CSV/JSONL)",
            req("billing_account_id", "billingaccountid"), req("usage_start_time", "usagestarttime"),
            req("usage_end_time", "usageendtime"), req("cost", "cost"), req("currency", "currency")),
    OCI("oci", "Oracle Cloud (OCI) cost report",
            req("lineItem/intervalUsageStart", "lineitemintervalusagestart"), req("lineItem/intervalUsageEnd", "lineitemintervalusageend"),
            req("cost/myCost", "costmycost"), req("cost/currencyCode", "costcurrencycode"), req("lineItem/tenantId", "lineitemtenantid")),
    /** The daily roll-up the Spark job writes ({@link DailyRollup}, docs/formats.md). */
    ROLLUP("frontier-rollup", "Frontier daily roll-up",
            req("day", "day"), req("billing_account", "billingaccount"), req("charge_category", "chargecategory"), req("currency", "currency"),
            req("billed_cost", "billedcost"),
            req("effective_cost", "effectivecost"), req("list_cost", "listcost"), req("lines", "lines"));

    /** A required column: its display name and the canonical names that satisfy it. */
    record Required(String display, String... canon) {
    }

    private final String code;
    private final String label;
    private final Required[] required;

    BillingFormat(String code, String label, Required... required) {
        this.code = code;
        this.label = label;
        this.required = required;
    }

    private static Required req(String display, String... canon) {
        return new Required(display, canon);
    }

    /** The name used on the command line ({@code --format}) and stored with an import. */
    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** Display names of the required columns that {@code c} lacks (empty if the header fits). */
    public List<String> missing(Columns c) {
        List<String> out = new ArrayList<>();
        for (Required r : required) if (c.find(r.canon()) < 0) out.add(r.display());
        return out;
    }

    /** The format named {@code code} (case-insensitive); BadInputException "--format: expected one of …" if none. */
    public static BillingFormat fromCode(String code) {
        return Coded.fromCode(BillingFormat.class, code, "--format");
    }

    /** The format named {@code code} (case-insensitive), if any. */
    public static Optional<BillingFormat> find(String code) {
        return Coded.find(BillingFormat.class, code);
    }
}
