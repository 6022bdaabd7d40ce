package frontier.ingest;

import java.math.BigDecimal;

/**
 * AWS Cost and Usage Report rows, legacy ({@code lineItem/UnblendedCost}) and CUR 2.0 / Data Exports
 * ({@code line_item_unblended_cost}) alike. Billed cost is the unblended cost; the effective cost
 * follows the FOCUS converters' rules: covered usage carries its reservation or savings-plan effective
 * cost, commitment fees only their unused part, negations and upfront fees nothing.
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
        return new Charge(r.line(), s, e, "AWS", payerAccount != null ? payerAccount : usage, usage,
                service != null ? service : code, ServiceCategories.aws(code), text(r, region), text(r, resource),
                text(r, sku), category, pricingModel(r, t, category, reservationFee), cur, billed,
                effective(r, t, billed, reservationFee), quantity(r, quantity), text(r, unit));
    }

    private BigDecimal effective(Row r, String t, BigDecimal billed, boolean reservationFee) {
        return switch (t) {
            case "SavingsPlanCoveredUsage" -> spEffective < 0 ? billed : orZero(money(r, spEffective, false));
            case "DiscountedUsage" -> riEffective < 0 ? billed : orZero(money(r, riEffective, false));
            case "SavingsPlanRecurringFee" -> spTotal < 0 || spUsed < 0 ? BigDecimal.ZERO
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

    private PricingModel pricingModel(Row r, String t, ChargeCategory category, boolean reservationFee) {
        if (category == ChargeCategory.TAX || category == ChargeCategory.CREDIT) return PricingModel.UNSPECIFIED;
        String ut = text(r, usageType);
        if ((ut != null && ut.contains("SpotUsage")) || is(r, term, "Spot") || is(r, marketOption, "Spot")) return PricingModel.SPOT;
        switch (t) {
            case "DiscountedUsage", "SavingsPlanCoveredUsage", "SavingsPlanNegation", "RIFee", "SavingsPlanUpfrontFee",
                    "SavingsPlanRecurringFee" -> {
                return PricingModel.COMMITMENT;
            }
            default -> {
            }
        }
        if (reservationFee || is(r, term, "Reserved")) return PricingModel.COMMITMENT;
        if (is(r, term, "OnDemand") || t.equals("Usage")) return PricingModel.ON_DEMAND;
        return PricingModel.UNSPECIFIED;
    }
}
