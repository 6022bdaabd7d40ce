package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.demo.DemoFixture;
import frontier.ingest.ReadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit-cost roll-up ({@code unit_days} and {@code charge_spans}, schema v6) gives the report of every charge:
 * the same groups, costs to the last digit, lines and requests; instance-hours and the idle estimate (doubles)
 * agree to 1e-9 relative, the rounding of adding the same hours in another order. Checked for every grouping,
 * figure and range on the demo workspace and on a generated bill with many tags, days, lines over midnight, empty
 * periods and missing figures. Tag slow: 288 pairs of reports compared, 192 of them on the generated bill, whose 6,000 lines
 * carry about as many distinct tag tuples (6 s of CPU with each period and figure read once for its eight groupings,
 * 28 s before), too long for the fast profile.
 */
@Tag("slow")
class UnitCostRollupTest {
    @TempDir
    Path dir;

    private static final List<List<UnitCostQuery.Key>> GROUPINGS = List.of(
            List.of(),
            List.of(UnitCostQuery.Key.DAY),
            List.of(UnitCostQuery.Key.ENDPOINT),
            List.of(UnitCostQuery.Key.DAY, UnitCostQuery.Key.ENDPOINT),
            List.of(UnitCostQuery.Key.DAY, UnitCostQuery.Key.ENDPOINT, UnitCostQuery.Key.MODEL),
            List.of(UnitCostQuery.Key.DAY, UnitCostQuery.Key.ENDPOINT, UnitCostQuery.Key.PRICING_MODEL),
            List.of(UnitCostQuery.Key.ENDPOINT, UnitCostQuery.Key.MODEL),
            List.of(UnitCostQuery.Key.MODEL, UnitCostQuery.Key.PRICING_MODEL));

    private static long day(String d) {
        return LocalDate.parse(d).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    /** Compares the roll-up's report with the one read from every charge, for every grouping, figure and range. */
    private static int sameReports(Workspace ws, List<Long[]> ranges) {
        int compared = 0;
        for (Long[] range : ranges) {
            for (UnitCostQuery.Figure f : UnitCostQuery.Figure.values()) {
                // Every grouping of one period and figure in one call of each path: each path reads and spreads the
                // lines once and groups them eight ways (the grouping is what differs; the single-query methods are
                // these with one query).
                List<UnitCostQuery> qs = GROUPINGS.stream()
                        .map(by -> new UnitCostQuery(by, range[0], range[1], f))
                        .toList();
                List<UnitCostReport> fromRollUp = ws.unitCosts().compute(qs);
                List<UnitCostReport> fromCharges = ws.unitCosts().computeFromCharges(qs);
                for (int i = 0; i < qs.size(); i++) {
                    UnitCostQuery q = qs.get(i);
                    UnitCostReport fast = fromRollUp.get(i);
                    UnitCostReport slow = fromCharges.get(i);
                    String what = q.by() + " " + f + " " + range[0] + ".." + range[1];
                    sameRows(slow.groups(), fast.groups(), what + " groups");
                    sameRows(slow.totals(), fast.totals(), what + " totals");
                    sameRows(slow.unattributed(), fast.unattributed(), what + " unattributed");
                    compared += slow.groups().size();
                }
            }
        }
        return compared;
    }

    private static void sameRows(List<UnitCostRow> expected, List<UnitCostRow> actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": rows");
        for (int i = 0; i < expected.size(); i++) {
            UnitCostRow e = expected.get(i);
            UnitCostRow a = actual.get(i);
            String row = what + " row " + e.keys();
            assertEquals(e.keys(), a.keys(), row);
            assertEquals(e.currency(), a.currency(), row);
            assertEquals(0, e.cost().compareTo(a.cost()), row + ": cost " + e.cost() + " vs " + a.cost());
            assertEquals(e.lines(), a.lines(), row + ": lines");
            assertEquals(e.requests(), a.requests(), row + ": requests");
            assertEquals(e.busySeconds(), a.busySeconds(), row + ": busy");
            close(e.instanceHours(), a.instanceHours(), row + ": hours");
            close(e.idleCost().doubleValue(), a.idleCost().doubleValue(), row + ": idle");
        }
    }

    private static void close(double e, double a, String what) {
        assertTrue(Math.abs(e - a) <= 1e-9 * Math.max(1, Math.abs(e)), what + ": " + e + " vs " + a);
    }

    private static long count(Path ws, String table) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws);
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.getLong(1);
        }
    }

    @Test
    void demoWorkspaceReportsFromTheRollUpEqualThoseOfEveryCharge() throws Exception {
        Path file = dir.resolve("demo.sqlite");
        DemoFixture.copyTo(file);
        try (Workspace ws = Workspace.open(file)) {
            List<Long[]> ranges = new ArrayList<>();
            ranges.add(new Long[] {null, null});
            String first = ws.costs()
                    .totals(CostQuery.of(Dimension.DAY))
                    .getFirst()
                    .keys()
                    .getFirst();
            long d0 = day(first);
            ranges.add(new Long[] {d0 + 3 * 86_400L, d0 + 10 * 86_400L});
            ranges.add(new Long[] {d0 + 86_400L, null});
            assertTrue(sameReports(ws, ranges) > 100, "the demo gives many groups to compare");
            // The reports of several queries at once are those of each query alone (the comparison above reads them
            // so), from the roll-up and from every charge.
            for (boolean rollUp : new boolean[] {true, false}) {
                List<UnitCostQuery> qs = GROUPINGS.stream()
                        .map(by ->
                                new UnitCostQuery(by, ranges.get(1)[0], ranges.get(1)[1], UnitCostQuery.Figure.BILLED))
                        .toList();
                List<UnitCostReport> together =
                        rollUp ? ws.unitCosts().compute(qs) : ws.unitCosts().computeFromCharges(qs);
                for (int i = 0; i < qs.size(); i++) {
                    UnitCostReport alone = rollUp
                            ? ws.unitCosts().compute(qs.get(i))
                            : ws.unitCosts().computeFromCharges(qs.get(i));
                    assertEquals(alone, together.get(i), qs.get(i) + (rollUp ? " from the roll-up" : " from charges"));
                }
            }
        }
    }

    /** A FOCUS bill of {@code n} lines over 40 days with many tags, hourly, daily, monthly, midnight-crossing and empty periods. */
    static String generatedBill(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder(
                "BilledCost,EffectiveCost,ListCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                        + "ChargeCategory,PricingCategory,ProviderName,ServiceName,ResourceId,x_InstanceType,ConsumedQuantity,ConsumedUnit,Tags\n");
        String[] endpoints = {"chat", "embed", "search", "rank", "vision", "code", "summarise"};
        String[] models = {"llama", "bge", "mistral", "qwen", "phi"};
        String[] pricing = {"Standard", "Dynamic", "Committed"};
        String[] services = {"Amazon EC2", "AWS Lambda", "Amazon S3", "Amazon SageMaker"};
        String[] currencies = {"USD", "USD", "USD", "EUR"};
        long base = day("2025-03-01");
        for (int i = 0; i < n; i++) {
            long start;
            long end;
            int kind = r.nextInt(20);
            if (kind < 14) { // hourly
                start = base + r.nextLong(40 * 24) * 3600;
                end = start + 3600;
            } else if (kind < 16) { // a whole day
                start = base + r.nextLong(40) * 86_400;
                end = start + 86_400;
            } else if (kind < 17) { // a month
                start = base + r.nextLong(2) * 30 * 86_400;
                end = start + 30 * 86_400;
            } else if (kind < 19) { // over midnight, odd seconds
                start = base + r.nextLong(40) * 86_400 + 86_400 - 1 - r.nextLong(5000);
                end = start + 1 + r.nextLong(20_000);
            } else { // empty period
                start = base + r.nextLong(40 * 24) * 3600;
                end = start;
            }
            String billed = money(r);
            String effective = money(r);
            String list = r.nextInt(3) == 0 ? "" : money(r);
            boolean hourly = r.nextBoolean();
            StringBuilder tags = new StringBuilder("{");
            if (r.nextInt(6) > 0)
                tags.append("\"endpoint\":\"")
                        .append(endpoints[r.nextInt(endpoints.length)])
                        .append('"');
            if (r.nextInt(3) > 0) {
                if (tags.length() > 1) tags.append(',');
                tags.append("\"model\":\"")
                        .append(models[r.nextInt(models.length)])
                        .append('"');
            }
            if (r.nextBoolean()) {
                if (tags.length() > 1) tags.append(',');
                tags.append("\"team\":\"t").append(r.nextInt(40)).append('"');
            }
            tags.append('}');
            b.append(String.join(
                            ",",
                            billed,
                            effective,
                            list,
                            Instant.ofEpochSecond(start).toString(),
                            Instant.ofEpochSecond(end).toString(),
                            currencies[r.nextInt(currencies.length)],
                            "acct" + r.nextInt(3),
                            "Usage",
                            pricing[r.nextInt(pricing.length)],
                            "AWS",
                            services[r.nextInt(services.length)],
                            "res-" + r.nextInt(200),
                            hourly ? "g5.xlarge" : "",
                            r.nextInt(10) == 0 ? "" : Double.toString(r.nextInt(1, 10_000) / 100.0),
                            hourly ? "Hours" : "GB-Mo",
                            "\"" + tags.toString().replace("\"", "\"\"") + "\""))
                    .append('\n');
        }
        return b.toString();
    }

    private static String money(SplittableRandom r) {
        return java.math.BigDecimal.valueOf(r.nextLong(-200, 1_000_000_000L), r.nextInt(2, 11))
                .toPlainString();
    }

    private void requests(Path ws, long seed) throws Exception {
        SplittableRandom r = new SplittableRandom(seed);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO log_imports(id, source, mapping, sha256, bytes, imported_at) VALUES (1,'t','{}','x',0,'now')");
            for (String e : List.of("chat", "embed", "search", "vision")) {
                for (String m : List.of("llama", "bge", "qwen")) {
                    s.executeUpdate("INSERT INTO log_dims(model, endpoint) VALUES ('" + m + "','" + e + "')");
                }
            }
            for (int d = 0; d < 40; d++) {
                String day = LocalDate.of(2025, 3, 1).plusDays(d).toString();
                s.executeUpdate("INSERT INTO request_days SELECT 1, '" + day + "', id, " + r.nextInt(1, 5000) + ", "
                        + r.nextInt(10) + ", 1000, 500, " + r.nextInt(1, 200_000) + " FROM log_dims");
            }
        }
    }

    @Test
    void generatedBillWithManyTagsAndDaysGivesTheSameReportFromTheRollUp() throws Exception {
        Path bill = Files.writeString(dir.resolve("bill.csv"), generatedBill(6_000, 42));
        Path file = dir.resolve("gen.sqlite");
        try (Workspace ws = Workspace.open(file)) {
            ws.billing().importFile(bill, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        }
        requests(file, 7);
        List<Long[]> ranges = List.of(
                new Long[] {null, null},
                new Long[] {day("2025-03-05"), day("2025-03-12")},
                new Long[] {null, day("2025-03-20")},
                new Long[] {day("2025-03-31"), null});
        try (Workspace ws = Workspace.open(file)) {
            long spans = count(file, "charge_spans");
            assertTrue(
                    spans > 500 && spans < 2_000,
                    "lines over midnight, days, months and empty ones are listed: " + spans);
            assertTrue(sameReports(ws, ranges) > 1000, "many groups compared");
            // A rule on resource ids needs every line: the roll-up is not used, and the reports still agree.
            ws.attribution()
                    .add(
                            new AttributionRule(0, 0, AttributionRule.Match.RESOURCE_ID, null, "res-1*", "batch", null),
                            1);
            sameReports(ws, ranges);
        }
    }

    @Test
    void aVersion5WorkspaceGetsItsUnitRollUpOnOpeningAndItFollowsDeletion() throws Exception {
        Path bill = Files.writeString(dir.resolve("bill.csv"), generatedBill(2_000, 3));
        Path file = dir.resolve("v5.sqlite");
        long id;
        try (Workspace ws = Workspace.open(file)) {
            id = ws.billing()
                    .importFile(bill, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE)
                    .record()
                    .id();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE unit_days");
            s.execute("DROP TABLE charge_spans");
            s.execute("ALTER TABLE requests DROP COLUMN ttft_ms"); // v7's time to first token
            s.execute("DROP TABLE charge_resources"); // v8's search dictionary
            s.execute("DROP TABLE resources");
            s.execute("ALTER TABLE dims DROP COLUMN search_text"); // and v9's search text of the tuples
            s.execute("PRAGMA user_version = 5");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Schema.MIGRATIONS.size(), ws.schemaVersion());
            assertTrue(count(file, "unit_days") > 0, "built on opening");
            sameReports(ws, List.<Long[]>of(new Long[] {null, null}));
            ws.billing().deleteImport(id);
            assertEquals(0, count(file, "unit_days"));
            assertEquals(0, count(file, "charge_spans"));
        }
    }
}
