package frontier.ingest;

import java.math.BigDecimal;

/** FOCUS 1.0–1.3 (and 0.5's ChargeType) rows: the columns are already normalised, we only read them. */
final class FocusMapper extends RowMapper {
    private final TimeColumn start;
    private final TimeColumn end;
    private final int billed;
    private final int effective;
    private final int currency;
    private final int account;
    private final int sub;
    private final int provider;
    private final int service;
    private final int category;
    private final int region;
    private final int resource;
    private final int sku;
    private final int chargeCategory;
    private final int pricing;
    private final int quantity;
    private final int unit;

    FocusMapper(Columns c) {
        start = new TimeColumn(c.find("chargeperiodstart"));
        end = new TimeColumn(c.find("chargeperiodend"));
        billed = c.find("billedcost");
        effective = c.find("effectivecost");
        currency = c.find("billingcurrency");
        account = c.find("billingaccountid");
        sub = c.find("subaccountid");
        provider = c.find("serviceprovidername", "providername", "provider");
        service = c.find("servicename");
        category = c.find("servicecategory");
        region = c.find("regionid", "region");
        resource = c.find("resourceid");
        sku = c.find("skuid");
        chargeCategory = c.find("chargecategory", "chargetype");
        pricing = c.find("pricingcategory");
        quantity = c.find("consumedquantity", "pricingquantity");
        unit = c.find("consumedunit", "pricingunit");
    }

    @Override
    Charge map(Row r) {
        long s = start.read(r);
        long e = end(r, end, s);
        BigDecimal b = money(r, billed, true);
        String cur = text(r, currency);
        if (cur == null) throw r.bad(currency, "a currency code like USD");
        return new Charge(r.line(), s, e, text(r, provider), text(r, account), text(r, sub), text(r, service),
                text(r, category), text(r, region), text(r, resource), text(r, sku), chargeCategory(r), pricingModel(r),
                cur, b, money(r, effective, false), quantity(r, quantity), text(r, unit));
    }

    private ChargeCategory chargeCategory(Row r) {
        String v = text(r, chargeCategory);
        if (v == null) throw r.bad(chargeCategory, "one of Usage, Purchase, Tax, Credit, Adjustment");
        return switch (v) {
            case "Usage", "usage" -> ChargeCategory.USAGE;
            case "Purchase", "purchase" -> ChargeCategory.PURCHASE;
            case "Tax", "tax" -> ChargeCategory.TAX;
            case "Credit", "credit" -> ChargeCategory.CREDIT;
            case "Adjustment", "adjustment" -> ChargeCategory.ADJUSTMENT;
            default -> throw r.bad(chargeCategory, "one of Usage, Purchase, Tax, Credit, Adjustment");
        };
    }

    private PricingModel pricingModel(Row r) {
        String v = text(r, pricing);
        if (v == null || v.equalsIgnoreCase("NULL")) return PricingModel.UNSPECIFIED;
        return switch (v) {
            case "Standard", "standard" -> PricingModel.ON_DEMAND;
            case "Committed", "committed" -> PricingModel.COMMITMENT;
            case "Dynamic", "dynamic" -> PricingModel.SPOT;
            case "Other", "other" -> PricingModel.OTHER;
            default -> throw r.bad(pricing, "one of Standard, Committed, Dynamic, Other or empty");
        };
    }

    /** "1.0" … "1.3" from the columns that each version introduced. */
    static String version(Columns c) {
        if (c.has("serviceprovidername") || c.has("hostprovidername") || c.has("contractapplied")) return "1.3";
        if (c.has("invoiceid") || c.has("pricingcurrency") || c.has("pricingcurrencyeffectivecost")) return "1.2";
        if (c.has("skumeter") || c.has("skupricedetails") || c.has("servicesubcategory")
                || c.has("commitmentdiscountquantity") || c.has("capacityreservationid")) return "1.1";
        if (!c.has("chargecategory") && c.has("chargetype")) return "0.5";
        return "1.0";
    }
}
