package frontier.ingest;

import frontier.domain.PricingModel;
import java.math.BigDecimal;

/**
 * AWS Cost and Usage Report rows, legacy ({@code lineItem/UnblendedCost}) and CUR 2.0 / Data Exports
 * ({@code line_item_unblended_cost}) alike. Billed cost is the unblended cost; the effective cost
 * follows the FOCUS converters' rules: covered usage carries its reservation or savings-plan effective
 * cost, commitment fees only their unused part, negations and upfront fees nothing. List cost is
 * {@code pricing/publicOnDemandCost} where the report has it, else the unblended cost. Tags come from
 * the legacy {@code resourceTags/KEY} columns, CUR 2.0's {@code resource_tags} map or Athena's
 * {@code resource_tags_KEY} columns.
 */
final class AwsCurMapper extends RowMapper {
    private final TimeColumn start;
    private final TimeColumn end;
    private final int type;
    private final int unblended;
    private final int currency;
    private final int payer;
    private final int usageAccount;
    private final int productName;
    private final int productCode;
    private final int region;
    private final int resource;
    private final int sku;
    private final int usageType;
    private final int term;
    private final int marketOption;
    private final int quantity;
    private final int unit;
    private final int riEffective;
    private final int spEffective;
    private final int riUnusedUpfront;
    private final int riUnusedRecurring;
    private final int spTotal;
    private final int spUsed;
    private final int riArn;
    private final int spArn;
    private final int publicOnDemand;
    private final int instanceType;
    private final int productMap;
    private final int tagMap;
    private final int[] tagColumns;
    private final String[] tagKeys;
    private final Tags tagParser = new Tags();

    AwsCurMapper(Columns c) {
        start = new TimeColumn(c.find("lineitemusagestartdate"));
        end = new TimeColumn(c.find("lineitemusageenddate"));
        type = c.find("lineitemlineitemtype");
        unblended = c.find("lineitemunblendedcost");
        currency = c.find("lineitemcurrencycode");
        payer = c.find("billpayeraccountid");
        usageAccount = c.find("lineitemusageaccountid");
        productName = c.find("productproductname", "productservicename");
        productCode = c.find("lineitemproductcode");
        region = c.find("productregioncode", "productregion");
        resource = c.find("lineitemresourceid");
        sku = c.find("productsku");
        usageType = c.find("lineitemusagetype");
        term = c.find("pricingterm");
        marketOption = c.find("productmarketoption");
        quantity = c.find("lineitemusageamount");
        unit = c.find("pricingunit");
        riEffective = c.find("reservationeffectivecost");
        spEffective = c.find("savingsplansavingsplaneffectivecost");
        riUnusedUpfront = c.find("reservationunusedamortizedupfrontfeeforbillingperiod");
        riUnusedRecurring = c.find("reservationunusedrecurringfee");
        spTotal = c.find("savingsplantotalcommitmenttodate");
        spUsed = c.find("savingsplanusedcommitment");
        riArn = c.find("reservationreservationarn");
        spArn = c.find("savingsplansavingsplanarn");
        publicOnDemand = c.find("pricingpublicondemandcost");
        instanceType = c.find("productinstancetype");
        productMap = c.find("product");
        tagMap = c.find("resourcetags");
        Tags.TagColumns tags = Tags.columnsWithPrefix(c, "resourceTags/", "resource_tags_");
        tagColumns = tags.columns();
        tagKeys = tags.keys();
    }

    @Override
    Charge map(Row r) {
        long s = start.read(r);
        long e = end(r, end, s);
        String t = text(r, type);
        if (t == null) throw r.bad(type, "a line item type like Usage, Tax, DiscountedUsage");
        BigDecimal billed = money(r, unblended, true);
        String cur = text(r, currency);
        if (cur == null) throw r.bad(currency, "a currency code like USD");
        boolean reservationFee = t.equals("Fee") && text(r, riArn) != null;
        ChargeCategory category = category(t);
        String code = text(r, productCode);
        String service = text(r, productName);
        String payerAccount = text(r, payer);
        String usage = text(r, usageAccount);
        String ut = text(r, usageType);
        Charge.Builder b = new Charge.Builder();
        b.line = r.line();
        b.start = s;
        b.end = e;
        b.provider = "AWS";
        b.billingAccount = payerAccount != null ? payerAccount : usage;
        b.subAccount = usage;
        b.service = service != null ? service : code;
        b.serviceCategory = ServiceCategories.aws(code);
        b.region = text(r, region);
        b.resourceId = text(r, resource);
        b.sku = text(r, sku);
        b.chargeCategory = category;
        b.chargeClass = t.equals("Refund") ? "Correction" : null;
        b.pricingModel = pricingModel(r, t, category, reservationFee, code, ut);
        b.currency = cur;
        b.billed = billed;
        b.effective = effective(r, t, billed, reservationFee);
        BigDecimal list = money(r, publicOnDemand, false);
        b.list = list != null ? list : billed;
        b.quantity = quantity(r, quantity);
        b.unit = text(r, unit);
        b.pricingQuantity = b.quantity;
        b.pricingUnit = b.unit;
        String type = text(r, instanceType);
        if (type == null && productMap >= 0) type = tagParser.field(text(r, productMap), "instance_type");
        if (type == null) type = Machines.fromAwsUsageType(ut);
        b.instanceType = type;
        switch (t) {
            case "DiscountedUsage", "SavingsPlanCoveredUsage" -> b.commitmentStatus = "Used";
            case "RIFee", "SavingsPlanRecurringFee" -> b.commitmentStatus = "Unused";
            default -> {}
        }
        String arn = text(r, spArn);
        b.commitmentId = arn != null ? arn : text(r, riArn);
        b.tags = tags(r);
        return b.build();
    }

    private String tags(Row r) {
        if (tagMap >= 0 && tagColumns.length == 0) return tagParser.fromObject(r, tagMap);
        return tagParser.fromColumns(r, tagColumns, tagKeys);
    }

    private BigDecimal effective(Row r, String t, BigDecimal billed, boolean reservationFee) {
        return switch (t) {
            case "SavingsPlanCoveredUsage" -> spEffective < 0 ? billed : orZero(money(r, spEffective, false));
            case "DiscountedUsage" -> riEffective < 0 ? billed : orZero(money(r, riEffective, false));
            case "SavingsPlanRecurringFee" ->
                spTotal < 0 || spUsed < 0
                        ? BigDecimal.ZERO
                        : orZero(money(r, spTotal, false)).subtract(orZero(money(r, spUsed, false)));
            case "SavingsPlanNegation", "SavingsPlanUpfrontFee" -> BigDecimal.ZERO;
            case "RIFee" -> orZero(money(r, riUnusedUpfront, false)).add(orZero(money(r, riUnusedRecurring, false)));
            default -> reservationFee ? BigDecimal.ZERO : billed;
        };
    }

    private static BigDecimal orZero(BigDecimal d) {
        return d == null ? BigDecimal.ZERO : d;
    }

    private static ChargeCategory category(String t) {
        return switch (t) {
            case "Usage", "DiscountedUsage", "SavingsPlanCoveredUsage", "SavingsPlanNegation" -> ChargeCategory.USAGE;
            case "Fee", "RIFee", "SavingsPlanUpfrontFee", "SavingsPlanRecurringFee" -> ChargeCategory.PURCHASE;
            case "Tax" -> ChargeCategory.TAX;
            case "Credit", "Refund" -> ChargeCategory.CREDIT;
            default -> t.endsWith("Discount") ? ChargeCategory.CREDIT : ChargeCategory.ADJUSTMENT;
        };
    }

    private PricingModel pricingModel(
            Row r, String t, ChargeCategory category, boolean reservationFee, String code, String ut) {
        if (category == ChargeCategory.TAX || category == ChargeCategory.CREDIT) return PricingModel.UNSPECIFIED;
        if ((ut != null && ut.contains("SpotUsage")) || is(r, term, "Spot") || is(r, marketOption, "Spot"))
            return PricingModel.SPOT;
        switch (t) {
            case "DiscountedUsage",
                    "SavingsPlanCoveredUsage",
                    "SavingsPlanNegation",
                    "RIFee",
                    "SavingsPlanUpfrontFee",
                    "SavingsPlanRecurringFee" -> {
                return PricingModel.COMMITMENT;
            }
            default -> {}
        }
        if (reservationFee || is(r, term, "Reserved")) return PricingModel.COMMITMENT;
        if (is(r, term, "OnDemand") || t.equals("Usage")) {
            boolean serverless = "AWSLambda".equals(code)
                    || ("AmazonSageMaker".equals(code) && ut != null && ut.contains("Serverless"));
            return serverless ? PricingModel.SERVERLESS : PricingModel.ON_DEMAND;
        }
        return PricingModel.UNSPECIFIED;
    }
}
