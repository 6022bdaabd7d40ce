package frontier.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic AWS CUR 2.0 (Data Exports) CSV for the import benchmark: 33 realistic columns
 * (ids, time interval, accounts, GPU instance usage on demand, under savings plans and on spot, S3,
 * tax, a quoted JSON tag map), rows ordered by hour over one month. Same seed, same bytes.
 */
final class CurGenerator {
    static final String HEADER =
            "identity_line_item_id,identity_time_interval,bill_invoice_id,bill_billing_entity,bill_bill_type,"
                    + "bill_payer_account_id,bill_billing_period_start_date,bill_billing_period_end_date,line_item_usage_account_id,"
                    + "line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_product_code,"
                    + "line_item_usage_type,line_item_operation,line_item_availability_zone,line_item_resource_id,line_item_usage_amount,"
                    + "line_item_currency_code,line_item_unblended_rate,line_item_unblended_cost,line_item_blended_rate,line_item_blended_cost,"
                    + "line_item_line_item_description,product_product_name,product_region_code,product_instance_type,product_sku,"
                    + "pricing_term,pricing_unit,reservation_effective_cost,savings_plan_savings_plan_effective_cost,resource_tags";

    private record Offer(
            String code,
            String product,
            String usageType,
            String instance,
            String sku,
            long rateE10,
            String unit,
            String desc) {}

    private static final Offer[] OFFERS = {
        new Offer(
                "AmazonEC2",
                "Amazon Elastic Compute Cloud",
                "USE1-BoxUsage:p4d.24xlarge",
                "p4d.24xlarge",
                "H7ZHWQ6N8GKGNQ7C",
                327_726_000_000L,
                "Hrs",
                "$32.7726 per On Demand Linux p4d.24xlarge Instance Hour"),
        new Offer(
                "AmazonEC2",
                "Amazon Elastic Compute Cloud",
                "USE1-BoxUsage:g5.12xlarge",
                "g5.12xlarge",
                "8XKMY5TQAN4PRGMY",
                56_720_000_000L,
                "Hrs",
                "$5.672 per On Demand Linux g5.12xlarge Instance Hour"),
        new Offer(
                "AmazonEC2",
                "Amazon Elastic Compute Cloud",
                "USE1-BoxUsage:inf2.48xlarge",
                "inf2.48xlarge",
                "DQ578CGN99KG6ECF",
                129_813_000_000L,
                "Hrs",
                "$12.9813 per On Demand Linux inf2.48xlarge Instance Hour"),
        new Offer(
                "AmazonSageMaker",
                "Amazon SageMaker",
                "USE1-Host:ml.g5.2xlarge",
                "ml.g5.2xlarge",
                "Q5T6ZUPK3TGE8G8T",
                15_150_000_000L,
                "Hrs",
                "$1.515 per Hosting ml.g5.2xlarge hour in US East (N. Virginia)"),
        new Offer(
                "AmazonS3",
                "Amazon Simple Storage Service",
                "USE1-TimedStorage-ByteHrs",
                "",
                "WP9ANXZGBYYSGJEA",
                230_000_000L,
                "GB-Mo",
                "$0.023 per GB - first 50 TB / month of storage used"),
    };

    private CurGenerator() {}

    /** Writes {@code rows} data rows (plus the header) to {@code file}; returns its size in bytes. */
    static long write(Path file, long rows, long seed) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        SplittableRandom rnd = new SplittableRandom(seed);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder b = new StringBuilder(700);
            String[] accounts = {"111122223333", "222233334444", "333344445555", "444455556666", "555566667777"};
            String[] teams = {"search", "ranking", "chat", "vision", "platform"};
            long monthStart = 1748736000L; // 2025-06-01T00:00:00Z
            for (long i = 0; i < rows; i++) {
                b.setLength(0);
                long hour = i * 720 / rows;
                String start = iso(monthStart + hour * 3600);
                String end = iso(monthStart + (hour + 1) * 3600);
                int kind = rnd.nextInt(100);
                Offer o = OFFERS[kind < 2 ? 4 : rnd.nextInt(4)];
                String type;
                String term;
                boolean spot = false;
                if (kind < 2) {
                    type = "Usage";
                    term = "OnDemand";
                } else if (kind < 4) {
                    type = "Tax";
                    term = "";
                } else if (kind < 19) {
                    type = "SavingsPlanCoveredUsage";
                    term = "OnDemand";
                } else if (kind < 29 && o.code().equals("AmazonEC2")) {
                    type = "Usage";
                    term = "";
                    spot = true;
                } else {
                    type = "Usage";
                    term = "OnDemand";
                }
                long amountE4 = kind < 2 ? rnd.nextLong(1, 50_000_000L) : 10_000;
                long rate = spot ? o.rateE10() * 3 / 10 : o.rateE10();
                long cost = type.equals("Tax") ? rnd.nextLong(1, 100_000_000_000L) : rate / 10_000 * amountE4;
                hex(b, rnd, 52);
                b.append(',').append(start).append('/').append(end);
                b.append(",EUINDE25-7304391,AWS,Anniversary,123456789012,2025-06-01T00:00:00Z,2025-07-01T00:00:00Z,");
                b.append(accounts[rnd.nextInt(accounts.length)])
                        .append(',')
                        .append(type)
                        .append(',')
                        .append(start)
                        .append(',')
                        .append(end)
                        .append(',')
                        .append(o.code())
                        .append(',')
                        .append(spot ? o.usageType().replace("BoxUsage", "SpotUsage") : o.usageType())
                        .append(",RunInstances,us-east-1")
                        .append((char) ('a' + rnd.nextInt(4)))
                        .append(',');
                if (!o.instance().isEmpty()) {
                    b.append("i-0");
                    hex(b, new SplittableRandom(rnd.nextInt(2000)), 16);
                } else {
                    b.append("model-artifacts-").append(rnd.nextInt(50));
                }
                b.append(',');
                decimal(b, amountE4, 4);
                b.append(",USD,");
                decimal(b, rate, 10);
                b.append(',');
                decimal(b, cost, 10);
                b.append(',');
                decimal(b, rate, 10);
                b.append(',');
                decimal(b, cost, 10);
                b.append(',').append(type.equals("Tax") ? "Tax for product code " + o.code() : o.desc());
                b.append(',')
                        .append(o.product())
                        .append(",us-east-1,")
                        .append(o.instance())
                        .append(',')
                        .append(o.sku());
                b.append(',').append(term).append(',').append(o.unit()).append(",,");
                if (type.equals("SavingsPlanCoveredUsage")) decimal(b, cost * 72 / 100, 10);
                b.append(",\"{\"\"user:team\"\":\"\"")
                        .append(teams[rnd.nextInt(teams.length)])
                        .append("\"\",\"\"user:env\"\":\"\"prod\"\"}\"");
                b.append('\n');
                w.append(b);
            }
        }
        return Files.size(file);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void hex(StringBuilder b, SplittableRandom r, int n) {
        for (int i = 0; i < n; i++) b.append(HEX[r.nextInt(16)]);
    }

    private static void decimal(StringBuilder b, long v, int scale) {
        if (v < 0) {
            b.append('-');
            v = -v;
        }
        String s = Long.toString(v);
        if (s.length() <= scale) s = "0".repeat(scale - s.length() + 1) + s;
        b.append(s, 0, s.length() - scale).append('.').append(s, s.length() - scale, s.length());
    }

    private static String iso(long epoch) {
        return java.time.Instant.ofEpochSecond(epoch).toString();
    }
}
