package frontier.ingest;

import frontier.domain.Coded;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The billing-export families Frontier reads, each recognised by the columns it must have, and each building
 * its own {@link RowMapper} and label ({@link #reader}: abstract, so a new family that forgets it does not
 * compile).
 */
public enum BillingFormat implements Coded {
    FOCUS(
            "focus",
            "FOCUS 1.0–1.3",
            req("BilledCost", "billedcost"),
            req("ChargePeriodStart", "chargeperiodstart"),
            req("ChargePeriodEnd", "chargeperiodend"),
            req("BillingCurrency", "billingcurrency"),
            req("BillingAccountId", "billingaccountid"),
            req("ChargeCategory", "chargecategory", "chargetype")) {
        @Override
        Reader reader(Columns c, Context context) {
            return new Reader(new FocusMapper(c), "FOCUS " + FocusMapper.version(c), CostBasis.BOTH);
        }
    },
    AWS_CUR(
            "aws-cur",
            "AWS CUR (legacy or 2.0)",
            req("lineItem/UsageStartDate", "lineitemusagestartdate"),
            req("lineItem/UsageEndDate", "lineitemusageenddate"),
            req("lineItem/LineItemType", "lineitemlineitemtype"),
            req("lineItem/UnblendedCost", "lineitemunblendedcost"),
            req("lineItem/CurrencyCode", "lineitemcurrencycode")) {
        @Override
        Reader reader(Columns c, Context context) {
            boolean legacy = c.names().stream().anyMatch(n -> n.contains("/"));
            return new Reader(new AwsCurMapper(c), legacy ? "AWS CUR legacy" : "AWS CUR 2.0", CostBasis.BOTH);
        }
    },
    AZURE(
            "azure",
            "Azure cost details (EA/MCA, actual or amortized)",
            req("Date", "date", "usagedatetime", "usagedate"),
            req("CostInBillingCurrency or Cost", "costinbillingcurrency", "cost", "pretaxcost"),
            req("BillingCurrency", "billingcurrencycode", "billingcurrency", "currency"),
            req("SubscriptionId", "subscriptionid", "subscriptionguid")) {
        @Override
        Reader reader(Columns c, Context context) {
            CostBasis b = basis(context);
            return new Reader(new AzureMapper(c, b), "Azure cost details (" + b.code() + ")", b);
        }

        /** Actual or amortized: as asked, else as the file name says, else actual (with a note). */
        private static CostBasis basis(Context context) {
            if (context.options().azureBasis() != null) return context.options().azureBasis();
            String n = context.origin().getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.contains("amortized") || n.contains("amortised")) return CostBasis.AMORTIZED;
            if (!n.contains("actual")) {
                context.notes()
                        .accept(
                                "Azure export assumed to hold actual cost (the file name says neither 'actual' nor 'amortized'); "
                                        + "use --azure-cost amortized if it is the amortized view.");
            }
            return CostBasis.ACTUAL;
        }
    },
    GCP(
            "gcp",
            "Google Cloud billing export (BigQuery CSV/JSONL)",
            req("billing_account_id", "billingaccountid"),
            req("usage_start_time", "usagestarttime"),
            req("usage_end_time", "usageendtime"),
            req("cost", "cost"),
            req("currency", "currency")) {
        @Override
        Reader reader(Columns c, Context context) {
            return new Reader(
                    new GcpMapper(c),
                    context.jsonLines() ? "GCP BigQuery export (JSONL)" : "GCP BigQuery export (CSV)",
                    CostBasis.BOTH);
        }
    },
    OCI(
            "oci",
            "Oracle Cloud (OCI) cost report",
            req("lineItem/intervalUsageStart", "lineitemintervalusagestart"),
            req("lineItem/intervalUsageEnd", "lineitemintervalusageend"),
            req("cost/myCost", "costmycost"),
            req("cost/currencyCode", "costcurrencycode"),
            req("lineItem/tenantId", "lineitemtenantid")) {
        @Override
        Reader reader(Columns c, Context context) {
            return new Reader(new OciMapper(c), "OCI cost report", CostBasis.BOTH);
        }
    },
    /** The daily roll-up the Spark job writes ({@link DailyRollup}, docs/formats.md). */
    ROLLUP(
            "frontier-rollup",
            "Frontier daily roll-up",
            req("day", "day"),
            req("billing_account", "billingaccount"),
            req("charge_category", "chargecategory"),
            req("currency", "currency"),
            req("billed_cost", "billedcost"),
            req("effective_cost", "effectivecost"),
            req("list_cost", "listcost"),
            req("lines", "lines")) {
        @Override
        Reader reader(Columns c, Context context) {
            return new Reader(new RollupMapper(c), "Frontier daily roll-up", CostBasis.BOTH);
        }
    };

    /** A required column: its display name and the canonical names that satisfy it. */
    record Required(String display, String... canon) {}

    /**
     * What reading a header of this format needs beyond its columns: the options, the file given (its name may
     * tell a variant), where notes go, and whether the rows are JSON lines.
     */
    record Context(ReadOptions options, Path origin, Consumer<String> notes, boolean jsonLines) {}

    /** What a format makes of a header: the mapper of its rows, the label with version or variant, the cost basis. */
    record Reader(RowMapper mapper, String label, CostBasis basis) {}

    /** The mapper, label and cost basis for a header of this format (its required columns are present). */
    abstract Reader reader(Columns c, Context context);

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
