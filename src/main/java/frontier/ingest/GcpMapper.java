package frontier.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;

/**
 * Google Cloud billing export rows as they leave BigQuery: newline-delimited JSON (nested records) or
 * CSV of a query that flattened them ({@code service.description} or {@code service_description}).
 * Billed and effective cost are {@code cost} plus the sum of {@code credits[].amount} (credits are
 * negative); GCP bills commitments as they are used, so the two are equal.
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
        costType = c.find("costtype");
        credits = c.find("credits");
        creditsTotal = c.find("creditsamount", "totalcredits", "creditstotal");
        quantity = c.find("usageamountinpricingunits", "usageamount");
        unit = c.find("usagepricingunit", "usageunit");
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
        ChargeCategory category = type == null ? ChargeCategory.USAGE : switch (type) {
            case "regular" -> ChargeCategory.USAGE;
            case "tax" -> ChargeCategory.TAX;
            default -> ChargeCategory.ADJUSTMENT;
        };
        String svc = text(r, service);
        return new Charge(r.line(), s, e, "Google Cloud", text(r, account), text(r, project), svc,
                ServiceCategories.gcp(svc), text(r, region), text(r, resource), text(r, sku), category,
                pricingModel(r, category, cud[0]), cur, net, net, quantity(r, quantity), text(r, unit));
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

    private PricingModel pricingModel(Row r, ChargeCategory category, boolean cud) {
        if (category == ChargeCategory.TAX) return PricingModel.UNSPECIFIED;
        String d = text(r, skuDescription);
        if (d != null) {
            if (d.startsWith("Commitment") || d.contains(" Commitment ")) return PricingModel.COMMITMENT;
            if (d.contains("Spot") || d.contains("Preemptible")) return PricingModel.SPOT;
        }
        return cud ? PricingModel.COMMITMENT : PricingModel.ON_DEMAND;
    }
}
