package frontier.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import frontier.domain.PricingModel;
import java.math.BigDecimal;

/**
 * Google Cloud billing export rows as they leave BigQuery: newline-delimited JSON (nested records) or
 * CSV of a query that flattened them ({@code service.description} or {@code service_description}).
 * Billed and effective cost are {@code cost} plus the sum of {@code credits[].amount} (credits are
 * negative); GCP bills commitments as they are used, so the two are equal. List cost is
 * {@code cost_at_list} where the export has it, else {@code cost} (before credits). Tags are the user
 * {@code labels}; the machine type is the {@code compute.googleapis.com/machine_spec} system label.
 */
final class GcpMapper extends RowMapper {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TimeColumn start;
    private final TimeColumn end;
    private final int cost;
    private final int currency;
    private final int account;
    private final int project;
    private final int service;
    private final int sku;
    private final int skuDescription;
    private final int region;
    private final int resource;
    private final int costType;
    private final int credits;
    private final int creditsTotal;
    private final int quantity;
    private final int unit;
    private final int pricingQuantity;
    private final int pricingUnit;
    private final int costAtList;
    private final int resourceName;
    private final int labels;
    private final int systemLabels;
    private final Tags tagParser = new Tags();

    GcpMapper(Columns c) {
        start = new TimeColumn(c.find("usagestarttime"));
        end = new TimeColumn(c.find("usageendtime"));
        cost = c.find("cost");
        currency = c.find("currency");
        account = c.find("billingaccountid");
        project = c.find("projectid");
        service = c.find("servicedescription");
        sku = c.find("skuid");
        skuDescription = c.find("skudescription");
        region = c.find("locationregion", "locationlocation");
        resource = c.find("resourceglobalname", "resourcename");
        resourceName = c.find("resourcename");
        costAtList = c.find("costatlist");
        labels = c.find("labels");
        systemLabels = c.find("systemlabels");
        costType = c.find("costtype");
        credits = c.find("credits");
        creditsTotal = c.find("creditsamount", "totalcredits", "creditstotal");
        quantity = c.find("usageamount", "usageamountinpricingunits");
        unit = c.find("usageunit", "usagepricingunit");
        pricingQuantity = c.find("usageamountinpricingunits", "usageamount");
        pricingUnit = c.find("usagepricingunit", "usageunit");
    }

    @Override
    Charge map(Row r) {
        long s = start.read(r);
        long e = end(r, end, s);
        BigDecimal amount = money(r, cost, true);
        String cur = text(r, currency);
        if (cur == null) throw r.bad(currency, "a currency code like USD");
        boolean[] cud = new boolean[1];
        BigDecimal net = amount.add(credits(r, cud));
        String type = text(r, costType);
        ChargeCategory category = type == null
                ? ChargeCategory.USAGE
                : switch (type) {
                    case "regular" -> ChargeCategory.USAGE;
                    case "tax" -> ChargeCategory.TAX;
                    default -> ChargeCategory.ADJUSTMENT;
                };
        String svc = text(r, service);
        Charge.Builder b = new Charge.Builder();
        b.line = r.line();
        b.start = s;
        b.end = e;
        b.provider = "Google Cloud";
        b.billingAccount = text(r, account);
        b.subAccount = text(r, project);
        b.service = svc;
        b.serviceCategory = ServiceCategories.gcp(svc);
        b.region = text(r, region);
        b.resourceId = text(r, resource);
        b.resourceName = text(r, resourceName);
        b.sku = text(r, sku);
        b.chargeCategory = category;
        b.chargeClass = "adjustment".equals(type) ? "Correction" : null;
        b.pricingModel = pricingModel(r, category, cud[0], svc);
        if (cud[0] && category == ChargeCategory.USAGE) b.commitmentStatus = "Used";
        b.currency = cur;
        b.billed = net;
        b.effective = net;
        BigDecimal atList = money(r, costAtList, false);
        b.list = atList != null ? atList : amount;
        b.quantity = quantity(r, quantity);
        b.unit = text(r, unit);
        b.pricingQuantity = quantity(r, pricingQuantity);
        b.pricingUnit = text(r, pricingUnit);
        b.tags = tagParser.fromKeyValueArray(r, labels);
        if (systemLabels >= 0)
            b.instanceType = tagParser.field(
                    tagParser.fromKeyValueArray(r, systemLabels), "compute.googleapis.com/machine_spec");
        return b.build();
    }

    private BigDecimal credits(Row r, boolean[] cud) {
        if (creditsTotal >= 0 && text(r, creditsTotal) != null) return money(r, creditsTotal, false);
        String v = text(r, credits);
        if (v == null || v.equals("[]")) return BigDecimal.ZERO;
        JsonNode list;
        try {
            list = JSON.readTree(v);
        } catch (JsonProcessingException ex) {
            throw r.bad(credits, "a JSON array of credits like [{\"name\":…,\"amount\":-1.5,\"type\":…}]");
        }
        if (list == null || !list.isArray()) throw r.bad(credits, "a JSON array of credits");
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode c : list) {
            JsonNode a = c.get("amount");
            BigDecimal d = a == null ? null : Values.decimal(a.asText());
            if (d == null) throw r.bad(credits, "credits whose 'amount' is a number");
            sum = sum.add(d);
            JsonNode t = c.get("type");
            if (t != null && t.asText().startsWith("COMMITTED_USAGE_DISCOUNT")) cud[0] = true;
        }
        return sum;
    }

    private PricingModel pricingModel(Row r, ChargeCategory category, boolean cud, String svc) {
        if (category == ChargeCategory.TAX) return PricingModel.UNSPECIFIED;
        String d = text(r, skuDescription);
        if (d != null) {
            if (d.startsWith("Commitment") || d.contains(" Commitment ")) return PricingModel.COMMITMENT;
            if (d.contains("Spot") || d.contains("Preemptible")) return PricingModel.SPOT;
        }
        if (cud) return PricingModel.COMMITMENT;
        boolean serverless =
                "Cloud Run".equals(svc) || "Cloud Functions".equals(svc) || "Cloud Run functions".equals(svc);
        return serverless ? PricingModel.SERVERLESS : PricingModel.ON_DEMAND;
    }
}
