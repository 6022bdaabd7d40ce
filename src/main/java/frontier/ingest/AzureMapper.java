package frontier.ingest;

import frontier.domain.PricingModel;
import java.math.BigDecimal;

/**
 * Azure cost-details exports: EA and MCA, old and current column names (Cost / CostInBillingCurrency /
 * PreTaxCost, BillingCurrency / BillingCurrencyCode, Date / UsageDateTime). One row is one day's
 * charge; dates are ISO or US M/d/yyyy. An export is either actual or amortised cost
 * ({@link CostBasis}): its cost fills the billed or the effective figure accordingly. List cost is
 * PayGPrice × Quantity (the cost at pay-as-you-go prices), or the cost itself for purchases and rows
 * without a PayGPrice. The VM size comes from AdditionalInfo's ServiceType (or an ArmSkuName column)
 * when it names a size ("Standard_…"/"Basic_…"); meter names are not turned into sizes.
 */
final class AzureMapper extends RowMapper {
    private static final long DAY = 86400;

    private final CostBasis basis;
    private final TimeColumn date;
    private final int cost;
    private final int currency;
    private final int account;
    private final int subscription;
    private final int meterCategory;
    private final int meterName;
    private final int region;
    private final int resource;
    private final int sku;
    private final int chargeType;
    private final int pricing;
    private final int quantity;
    private final int unit;
    private final int payg;
    private final int additionalInfo;
    private final int armSku;
    private final int resourceName;
    private final int reservationId;
    private final int benefitId;
    private final int tags;
    private final Tags tagParser = new Tags();

    AzureMapper(Columns c, CostBasis basis) {
        this.basis = basis;
        date = new TimeColumn(c.find("date", "usagedatetime", "usagedate"));
        cost = c.find("costinbillingcurrency", "cost", "pretaxcost");
        currency = c.find("billingcurrencycode", "billingcurrency", "currency");
        account = c.find("billingaccountid", "enrollmentnumber");
        subscription = c.find("subscriptionid", "subscriptionguid");
        meterCategory = c.find("metercategory");
        meterName = c.find("metername");
        region = c.find("resourcelocation", "meterregion", "location");
        resource = c.find("resourceid", "instanceid");
        sku = c.find("meterid", "partnumber");
        chargeType = c.find("chargetype");
        pricing = c.find("pricingmodel");
        quantity = c.find("quantity", "usagequantity");
        unit = c.find("unitofmeasure");
        payg = c.find("paygprice");
        additionalInfo = c.find("additionalinfo");
        armSku = c.find("armskuname");
        resourceName = c.find("resourcename");
        reservationId = c.find("reservationid");
        benefitId = c.find("benefitid");
        tags = c.find("tags");
    }

    @Override
    Charge map(Row r) {
        long day = date.read(r);
        BigDecimal amount = money(r, cost, true);
        String cur = text(r, currency);
        if (cur == null) throw r.bad(currency, "a currency code like USD");
        String sub = text(r, subscription);
        String acct = text(r, account);
        ChargeCategory category = category(r);
        String meter = text(r, meterCategory);
        String chargeKind = text(r, chargeType);
        Charge.Builder b = new Charge.Builder();
        b.line = r.line();
        b.start = day;
        b.end = day + DAY;
        b.provider = "Microsoft";
        b.billingAccount = acct != null ? acct : sub;
        b.subAccount = sub;
        b.service = meter;
        b.serviceCategory = ServiceCategories.azure(meter);
        b.region = text(r, region);
        b.resourceId = text(r, resource);
        b.resourceName = text(r, resourceName);
        b.sku = text(r, sku);
        b.chargeCategory = category;
        b.chargeClass = "Refund".equals(chargeKind) ? "Correction" : null;
        b.pricingModel = pricingModel(r, category, meter);
        b.currency = cur;
        b.billed = basis == CostBasis.AMORTIZED ? null : amount;
        b.effective = basis == CostBasis.AMORTIZED ? amount : null;
        b.quantity = quantity(r, quantity);
        b.unit = text(r, unit);
        b.pricingQuantity = b.quantity;
        b.pricingUnit = b.unit;
        BigDecimal price = money(r, payg, false);
        b.list = price == null || b.quantity == null || category == ChargeCategory.PURCHASE
                ? amount
                : price.multiply(b.quantity).stripTrailingZeros();
        String size = text(r, armSku);
        if (size == null) size = tagParser.field(text(r, additionalInfo), "ServiceType");
        if (size == null) size = tagParser.field(text(r, additionalInfo), "VMSize");
        b.instanceType = size != null && (size.startsWith("Standard_") || size.startsWith("Basic_")) ? size : null;
        if (b.pricingModel == PricingModel.COMMITMENT) {
            String id = text(r, benefitId);
            b.commitmentId = id != null ? id : text(r, reservationId);
            b.commitmentStatus = chargeKind != null && chargeKind.startsWith("Unused")
                    ? "Unused"
                    : category == ChargeCategory.USAGE ? "Used" : null;
        }
        b.tags = tagParser.fromObject(r, tags);
        return b.build();
    }

    private ChargeCategory category(Row r) {
        String t = text(r, chargeType);
        if (t == null) return ChargeCategory.USAGE;
        return switch (t) {
            case "Usage", "UnusedReservation", "UnusedSavingsPlan" -> ChargeCategory.USAGE;
            case "Purchase" -> ChargeCategory.PURCHASE;
            case "Refund" -> ChargeCategory.CREDIT;
            case "Tax" -> ChargeCategory.TAX;
            default -> ChargeCategory.ADJUSTMENT;
        };
    }

    private PricingModel pricingModel(Row r, ChargeCategory category, String meter) {
        if (category == ChargeCategory.TAX || category == ChargeCategory.CREDIT) return PricingModel.UNSPECIFIED;
        PricingModel onDemand = "Functions".equals(meter) || "Azure Functions".equals(meter)
                ? PricingModel.SERVERLESS
                : PricingModel.ON_DEMAND;
        if (pricing < 0) {
            // Old EA layouts have no PricingModel: spot and low-priority meters say so in their name.
            String name = text(r, meterName);
            if (name != null && (name.endsWith(" Spot") || name.endsWith(" Low Priority"))) return PricingModel.SPOT;
            return onDemand;
        }
        String v = text(r, pricing);
        if (v == null) return PricingModel.UNSPECIFIED;
        return switch (v) {
            case "OnDemand", "On Demand" -> onDemand;
            case "Reservation", "SavingsPlan", "Savings Plan" -> PricingModel.COMMITMENT;
            case "Spot" -> PricingModel.SPOT;
            default -> PricingModel.OTHER;
        };
    }
}
