package frontier.ingest;

import frontier.domain.PricingModel;
import frontier.text.Csv;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Rows of a {@code frontier-rollup} file ({@link DailyRollup}): each group becomes one charge over its whole UTC day,
 * carrying the group's sums and dimensions, so the workspace's totals by those dimensions equal the roll-up's.
 */
final class RollupMapper extends RowMapper {
    private final int day;
    private final int provider;
    private final int account;
    private final int subAccount;
    private final int service;
    private final int serviceCategory;
    private final int region;
    private final int instanceType;
    private final int gpus;
    private final int pricingModel;
    private final int category;
    private final int chargeClass;
    private final int currency;
    private final int unit;
    private final int billed;
    private final int effective;
    private final int list;
    private final int quantity;
    private final int lines;
    private final Tags.TagColumns tagColumns;
    private final Tags tagParser = new Tags();
    private String lastDay;
    private long lastEpochDay;

    RollupMapper(Columns c) {
        day = c.find("day");
        provider = c.find("provider");
        account = c.find("billingaccount");
        subAccount = c.find("subaccount");
        service = c.find("service");
        serviceCategory = c.find("servicecategory");
        region = c.find("region");
        instanceType = c.find("instancetype");
        gpus = c.find("gpucount");
        pricingModel = c.find("pricingmodel");
        category = c.find("chargecategory");
        chargeClass = c.find("chargeclass");
        currency = c.find("currency");
        unit = c.find("unit");
        billed = c.find("billedcost");
        effective = c.find("effectivecost");
        list = c.find("listcost");
        quantity = c.find("usagequantity");
        lines = c.find("lines");
        tagColumns = Tags.columnsWithPrefix(c, DailyRollup.TAG_PREFIX);
    }

    @Override
    Charge map(Row cells) {
        Row r = new Unneutralised(cells);
        Charge.Builder b = new Charge.Builder();
        b.line = r.line();
        b.start = day(r) * DailyRollup.DAY;
        b.end = b.start + DailyRollup.DAY;
        b.provider = text(r, provider);
        b.billingAccount = text(r, account);
        if (b.billingAccount == null) throw r.bad(account, "a billing account id");
        b.subAccount = text(r, subAccount);
        b.service = text(r, service);
        b.serviceCategory = text(r, serviceCategory);
        b.region = text(r, region);
        b.instanceType = text(r, instanceType);
        String g = text(r, gpus);
        if (g != null) {
            try {
                b.gpuCount = Integer.valueOf(g);
            } catch (NumberFormatException e) {
                throw r.bad(gpus, "a whole number of GPUs");
            }
        }
        String pm = text(r, pricingModel);
        b.pricingModel = pm == null
                ? PricingModel.UNSPECIFIED
                : PricingModel.find(pm)
                        .orElseThrow(() -> r.bad(
                                pricingModel,
                                "a pricing model code (on_demand, commitment, spot, serverless, other, unspecified)"));
        String cat = text(r, category);
        if (cat == null) throw r.bad(category, "a charge category (usage, purchase, tax, credit, adjustment)");
        b.chargeCategory = ChargeCategory.find(cat)
                .orElseThrow(() -> r.bad(category, "a charge category (usage, purchase, tax, credit, adjustment)"));
        b.chargeClass = text(r, chargeClass);
        b.currency = text(r, currency);
        if (b.currency == null) throw r.bad(currency, "a currency code like USD");
        b.unit = text(r, unit);
        b.billed = money(r, billed, false);
        b.effective = money(r, effective, false);
        b.list = money(r, list, false);
        b.quantity = quantity(r, quantity);
        b.pricingQuantity = b.quantity;
        b.pricingUnit = b.unit;
        String n = text(r, lines);
        if (n == null
                || !n.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || n.length() > 18
                || Long.parseLong(n) < 1) {
            throw r.bad(lines, "the number of billing lines of the group (a whole number, at least 1)");
        }
        b.tags = tagParser.fromColumns(r, tagColumns.columns(), tagColumns.keys());
        return b.build();
    }

    private long day(Row r) {
        String v = text(r, day);
        if (v == null) throw r.bad(day, "a UTC day like 2025-06-01");
        if (v.equals(lastDay)) return lastEpochDay;
        long d;
        try {
            d = LocalDate.parse(v).toEpochDay();
        } catch (DateTimeException e) {
            throw r.bad(day, "a UTC day like 2025-06-01");
        }
        if (d * DailyRollup.DAY < EARLIEST || d * DailyRollup.DAY >= LATEST)
            throw r.bad(day, "a day from 2000-01-01 to 2099-12-31");
        lastDay = v;
        lastEpochDay = d;
        return d;
    }

    /** The file's text cells as written: the roll-up writes them through frontier.text.Csv, which neutralises formula-like text. */
    private record Unneutralised(Row row) implements Row {
        @Override
        public String get(int i) {
            return Csv.unneutralise(row.get(i));
        }

        @Override
        public long line() {
            return row.line();
        }

        @Override
        public String file() {
            return row.file();
        }

        @Override
        public String columnName(int i) {
            return row.columnName(i);
        }

        @Override
        public String describeColumn(int i) {
            return row.describeColumn(i);
        }
    }
}
