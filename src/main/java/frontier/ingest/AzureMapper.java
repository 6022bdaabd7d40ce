package frontier.ingest;

import java.math.BigDecimal;

/**
 * Azure cost-details exports: EA and MCA, old and current column names (Cost / CostInBillingCurrency /
 * PreTaxCost, BillingCurrency / BillingCurrencyCode, Date / UsageDateTime). One row is one day's
 * charge; dates are ISO or US M/d/yyyy. An export is either actual or amortised cost
 * ({@link CostBasis}): its cost fills the billed or the effective figure accordingly.
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
        return new Charge(r.line(), day, day + DAY, "Microsoft", acct != null ? acct : sub, sub, meter,
                ServiceCategories.azure(meter), text(r, region), text(r, resource), text(r, sku), category,
                pricingModel(r, category), cur, basis == CostBasis.AMORTIZED ? null : amount,
                basis == CostBasis.AMORTIZED ? amount : null, quantity(r, quantity), text(r, unit));
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

    private PricingModel pricingModel(Row r, ChargeCategory category) {
        if (category == ChargeCategory.TAX || category == ChargeCategory.CREDIT) return PricingModel.UNSPECIFIED;
        if (pricing < 0) {
            // Old EA layouts have no PricingModel: spot and low-priority meters say so in their name.
            String name = text(r, meterName);
            if (name != null && (name.endsWith(" Spot") || name.endsWith(" Low Priority"))) return PricingModel.SPOT;
            return PricingModel.ON_DEMAND;
        }
        String v = text(r, pricing);
        if (v == null) return PricingModel.UNSPECIFIED;
        return switch (v) {
            case "OnDemand", "On Demand" -> PricingModel.ON_DEMAND;
            case "Reservation", "SavingsPlan", "Savings Plan" -> PricingModel.COMMITMENT;
            case "Spot" -> PricingModel.SPOT;
            default -> PricingModel.OTHER;
        };
    }
}
