package frontier.ingest;

import frontier.domain.PricingModel;
import java.util.Set;

/**
 * FOCUS 1.0–1.3 (and 0.5's ChargeType) rows: the columns are already normalised, we only read them.
 * Columns FOCUS does not define ({@code x_…} and others) are ignored, except the few that name a
 * machine type (x_InstanceType, x_UsageType as AWS writes it).
 */
final class FocusMapper extends RowMapper {
    /** FOCUS ServiceName values of serverless compute (on-demand rows of these are {@link PricingModel#SERVERLESS}). */
    static final Set<String> SERVERLESS_SERVICES = Set.of(
            "AWS Lambda",
            "Azure Functions",
            "Functions",
            "Cloud Run",
            "Cloud Functions",
            "Cloud Run functions",
            "Cloud Run Functions");

    private final TimeColumn start;
    private final TimeColumn end;
    private final int billed;
    private final int effective;
    private final int list;
    private final int currency;
    private final int account;
    private final int sub;
    private final int provider;
    private final int service;
    private final int category;
    private final int region;
    private final int resource;
    private final int resourceName;
    private final int sku;
    private final int skuPriceDetails;
    private final int instanceType;
    private final int usageType;
    private final int description;
    private final int chargeCategory;
    private final int chargeClass;
    private final int pricing;
    private final int commitmentId;
    private final int commitmentStatus;
    private final int quantity;
    private final int unit;
    private final int pricingQuantity;
    private final int pricingUnit;
    private final int tags;
    private final Tags tagParser = new Tags();

    FocusMapper(Columns c) {
        start = new TimeColumn(c.find("chargeperiodstart"));
        end = new TimeColumn(c.find("chargeperiodend"));
        billed = c.find("billedcost");
        effective = c.find("effectivecost");
        list = c.find("listcost");
        currency = c.find("billingcurrency");
        account = c.find("billingaccountid");
        sub = c.find("subaccountid");
        provider = c.find("serviceprovidername", "providername", "provider");
        service = c.find("servicename");
        category = c.find("servicecategory");
        region = c.find("regionid", "region");
        resource = c.find("resourceid");
        resourceName = c.find("resourcename");
        sku = c.find("skuid");
        skuPriceDetails = c.find("skupricedetails");
        instanceType = c.find("xinstancetype", "xec2instancetype");
        usageType = c.find("xusagetype");
        description = c.find("chargedescription");
        chargeCategory = c.find("chargecategory", "chargetype");
        chargeClass = c.find("chargeclass");
        pricing = c.find("pricingcategory");
        commitmentId = c.find("commitmentdiscountid");
        commitmentStatus = c.find("commitmentdiscountstatus");
        quantity = c.find("consumedquantity", "pricingquantity");
        unit = c.find("consumedunit", "pricingunit");
        pricingQuantity = c.find("pricingquantity", "consumedquantity");
        pricingUnit = c.find("pricingunit", "consumedunit");
        tags = c.find("tags");
    }

    @Override
    Charge map(Row r) {
        Charge.Builder b = new Charge.Builder();
        b.line = r.line();
        b.start = start.read(r);
        b.end = end(r, end, b.start);
        b.billed = money(r, billed, true);
        b.currency = text(r, currency);
        if (b.currency == null) throw r.bad(currency, "a currency code like USD");
        // FOCUS makes EffectiveCost mandatory and not nullable (as BilledCost): an empty one is a broken export, not a
        // zero.
        b.effective = money(r, effective, true);
        b.list = money(r, list, false);
        b.provider = text(r, provider);
        b.billingAccount = text(r, account);
        b.subAccount = text(r, sub);
        b.service = text(r, service);
        b.serviceCategory = text(r, category);
        b.region = text(r, region);
        b.resourceId = text(r, resource);
        b.resourceName = text(r, resourceName);
        b.sku = text(r, sku);
        b.chargeCategory = chargeCategory(r);
        b.chargeClass = text(r, chargeClass);
        b.commitmentId = text(r, commitmentId);
        b.commitmentStatus = text(r, commitmentStatus);
        b.quantity = quantity(r, quantity);
        b.unit = text(r, unit);
        b.pricingQuantity = quantity(r, pricingQuantity);
        b.pricingUnit = text(r, pricingUnit);
        b.tags = tagParser.fromObject(r, tags);
        String details = text(r, skuPriceDetails);
        String type = text(r, instanceType);
        if (type == null) type = tagParser.field(details, "InstanceType");
        if (type == null) type = Machines.fromAwsUsageType(text(r, usageType));
        b.instanceType = type;
        String gpus = tagParser.field(details, "GpuCount");
        if (gpus != null && gpus.chars().allMatch(ch -> ch >= '0' && ch <= '9') && gpus.length() < 4)
            b.gpuCount = Integer.parseInt(gpus);
        b.pricingModel = pricingModel(r, b.service);
        return b.build();
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

    private PricingModel pricingModel(Row r, String serviceName) {
        String v = text(r, pricing);
        if (v == null || v.equalsIgnoreCase("NULL")) return PricingModel.UNSPECIFIED;
        return switch (v) {
            case "Standard", "standard" ->
                serverless(r, serviceName) ? PricingModel.SERVERLESS : PricingModel.ON_DEMAND;
            case "Committed", "committed" -> PricingModel.COMMITMENT;
            case "Dynamic", "dynamic" -> PricingModel.SPOT;
            case "Other", "other" -> PricingModel.OTHER;
            default -> throw r.bad(pricing, "one of Standard, Committed, Dynamic, Other or empty");
        };
    }

    /** Lambda, Functions, Cloud Run by service name; SageMaker only when the usage type or description says Serverless. */
    private boolean serverless(Row r, String serviceName) {
        if (serviceName == null) return false;
        if (SERVERLESS_SERVICES.contains(serviceName)) return true;
        if (!serviceName.contains("SageMaker")) return false;
        String ut = text(r, usageType);
        String d = text(r, description);
        return (ut != null && ut.contains("Serverless")) || (d != null && d.contains("Serverless"));
    }

    /** "1.0" … "1.3" from the columns that each version introduced. */
    static String version(Columns c) {
        if (c.has("serviceprovidername") || c.has("hostprovidername") || c.has("contractapplied")) return "1.3";
        if (c.has("invoiceid") || c.has("pricingcurrency") || c.has("pricingcurrencyeffectivecost")) return "1.2";
        if (c.has("skumeter")
                || c.has("skupricedetails")
                || c.has("servicesubcategory")
                || c.has("commitmentdiscountquantity")
                || c.has("capacityreservationid")) return "1.1";
        if (!c.has("chargecategory") && c.has("chargetype")) return "0.5";
        return "1.0";
    }
}
