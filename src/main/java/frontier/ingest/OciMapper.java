package frontier.ingest;

import frontier.domain.PricingModel;
import java.math.BigDecimal;

/**
 * Oracle Cloud Infrastructure cost reports (the OCI-format CSV, not OCI's FOCUS report): one row per
 * resource, SKU and hour. Billed and effective cost are both {@code cost/myCost}, which Oracle documents
 * as inclusive of overage ({@code cost/myCostOverage} is the part of it beyond the commitment, not an
 * addition); OCI prices usage at the contract's unit price as it is used, so there is nothing to
 * amortise. The report has no public list price ({@code cost/unitPrice} is the price charged, after any
 * negotiated discount), so the list cost is left empty. The billing account is the tenancy, the
 * sub-account the compartment (OCID); tags are the {@code tags/KEY} columns, keyed by what follows
 * {@code tags/}. Rows with {@code lineItem/isCorrection} true are corrections of earlier lines.
 */
final class OciMapper extends RowMapper {
    private static final String TAG_PREFIX = "tags/";

    private final TimeColumn start;
    private final TimeColumn end;
    private final int cost;
    private final int currency;
    private final int tenant;
    private final int compartment;
    private final int service;
    private final int region;
    private final int resource;
    private final int sku;
    private final int description;
    private final int quantity;
    private final int unit;
    private final int correction;
    private final int[] tagColumns;
    private final String[] tagKeys;
    private final Tags tagParser = new Tags();

    OciMapper(Columns c) {
        start = new TimeColumn(c.find("lineitemintervalusagestart"));
        end = new TimeColumn(c.find("lineitemintervalusageend"));
        cost = c.find("costmycost");
        currency = c.find("costcurrencycode");
        tenant = c.find("lineitemtenantid");
        compartment = c.find("productcompartmentid");
        service = c.find("productservice");
        region = c.find("productregion");
        resource = c.find("productresourceid");
        sku = c.find("costproductsku");
        description = c.find("productdescription");
        quantity = c.find("usagebilledquantity");
        unit = c.find("costskuunitdescription", "costbillingunitreadable");
        correction = c.find("lineitemiscorrection");
        Tags.TagColumns tags = Tags.columnsWithPrefix(c, TAG_PREFIX);
        tagColumns = tags.columns();
        tagKeys = tags.keys();
    }

    @Override
    Charge map(Row r) {
        long s = start.read(r);
        long e = end(r, end, s);
        BigDecimal amount = money(r, cost, true);
        String cur = text(r, currency);
        if (cur == null) throw r.bad(currency, "a currency code like USD");
        String tenancy = text(r, tenant);
        if (tenancy == null) throw r.bad(tenant, "the tenancy's OCID (ocid1.tenancy…)");
        String svc = text(r, service);
        Charge.Builder b = new Charge.Builder();
        b.line = r.line();
        b.start = s;
        b.end = e;
        b.provider = "Oracle";
        b.billingAccount = tenancy;
        b.subAccount = text(r, compartment);
        b.service = svc;
        b.serviceCategory = ServiceCategories.oci(svc);
        b.region = text(r, region);
        b.resourceId = text(r, resource);
        b.sku = text(r, sku);
        b.chargeCategory = ChargeCategory.USAGE;
        b.chargeClass = correction(r) ? "Correction" : null;
        String d = text(r, description);
        b.pricingModel = d != null && d.contains("Preemptible") ? PricingModel.SPOT : PricingModel.ON_DEMAND;
        b.currency = cur;
        b.billed = amount;
        b.effective = amount;
        b.quantity = quantity(r, quantity);
        b.unit = text(r, unit);
        b.pricingQuantity = b.quantity;
        b.pricingUnit = b.unit;
        b.tags = tagParser.fromColumns(r, tagColumns, tagKeys);
        return b.build();
    }

    private boolean correction(Row r) {
        String v = text(r, correction);
        if (v == null || v.equalsIgnoreCase("false")) return false;
        if (v.equalsIgnoreCase("true")) return true;
        throw r.bad(correction, "true, false or nothing");
    }
}
