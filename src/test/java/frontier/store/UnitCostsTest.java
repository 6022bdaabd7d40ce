package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.domain.PricingModel;
import frontier.ingest.ReadOptions;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unit costs on a hand-made bill and request counts whose answers are worked out by hand in each test. */
class UnitCostsTest {
    @TempDir
    Path dir;

    private static final String HEADER =
            "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                    + "ChargeCategory,PricingCategory,ProviderName,ServiceName,ResourceId,x_InstanceType,ConsumedQuantity,ConsumedUnit,Tags\n";

    private final StringBuilder bill = new StringBuilder(HEADER);

    private void line(
            String cost,
            String start,
            String end,
            String pricing,
            String service,
            String resource,
            String type,
            String qty,
            String unit,
            String tags) {
        bill.append(String.join(
                        ",",
                        cost,
                        cost,
                        start,
                        end,
                        "USD",
                        "acct",
                        "Usage",
                        pricing,
                        "AWS",
                        service,
                        resource,
                        type,
                        qty,
                        unit,
                        tags == null ? "" : "\"" + tags.replace("\"", "\"\"") + "\""))
                .append('\n');
    }

    /** 2024-09-01: chat = 24 on-demand hours at $1 + 24 spot hours at $0.30; embed = $2 serverless; $5 untagged storage. */
    private void standardDay() {
        for (int h = 0; h < 24; h++) {
            String s = String.format("2024-09-01T%02d:00:00Z", h);
            String e = h == 23 ? "2024-09-02T00:00:00Z" : String.format("2024-09-01T%02d:00:00Z", h + 1);
            line("1.00", s, e, "Standard", "Amazon EC2", "i-od", "g5.2xlarge", "1", "Hours", "{\"endpoint\":\"chat\"}");
            line(
                    "0.30",
                    s,
                    e,
                    "Dynamic",
                    "Amazon EC2",
                    "i-spot",
                    "g5.2xlarge",
                    "1",
                    "Hours",
                    "{\"endpoint\":\"chat\"}");
        }
        line(
                "2.00",
                "2024-09-01T00:00:00Z",
                "2024-09-02T00:00:00Z",
                "Standard",
                "AWS Lambda",
                "fn-embed",
                "",
                "4000",
                "Requests",
                "{\"endpoint\":\"embed\"}");
        line(
                "5.00",
                "2024-09-01T00:00:00Z",
                "2024-09-02T00:00:00Z",
                "Standard",
                "Amazon S3",
                "bucket",
                "",
                "100",
                "GB-Mo",
                null);
    }

    private Workspace workspace() throws IOException {
        Path f = Files.writeString(dir.resolve("bill.csv"), bill);
        Workspace ws = Workspace.open(dir.resolve("ws.sqlite"));
        ws.billing().importFile(f, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
        return ws;
    }

    /** Stores per-day request counts as a log import would (request_days). */
    private void requests(
            String day, String endpoint, String model, long n, long errors, long in, long out, double busy)
            throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ws.sqlite"));
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT OR IGNORE INTO log_imports(id, source, mapping, sha256, bytes, imported_at) VALUES (1,'t','{}','x',0,'now')");
            s.executeUpdate(
                    "INSERT OR IGNORE INTO log_dims(model, endpoint) VALUES (" + q(model) + "," + q(endpoint) + ")");
            s.executeUpdate("INSERT INTO request_days SELECT 1, '" + day + "', id, " + n + "," + errors + "," + in + ","
                    + out + "," + busy + " FROM log_dims WHERE model IS " + q(model) + " AND endpoint IS "
                    + q(endpoint));
        }
    }

    private static String q(String s) {
        return s == null ? "NULL" : "'" + s + "'";
    }

    private static UnitCostQuery by(UnitCostQuery.Key... keys) {
        return new UnitCostQuery(List.of(keys), null, null, null);
    }

    private static UnitCostRow find(UnitCostReport r, Map<String, String> keys) {
        return r.groups().stream()
                .filter(g -> g.keys().equals(keys))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no group " + keys + " in " + r.groups()));
    }

    private static void money(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void defaultRulesAttributeByEndpointTagAndDivideByRequests() throws Exception {
        standardDay();
        try (Workspace ws = workspace()) {
            requests("2024-09-01", "chat", "llama", 12_000, 30, 1_000_000, 500_000, 36_000);
            requests("2024-09-01", "embed", "bge", 4_000, 0, 200_000, 0, 400);
            UnitCostReport r = ws.unitCosts().compute(by(UnitCostQuery.Key.ENDPOINT));
            assertTrue(r.defaultRules());
            UnitCostRow chat = find(r, Map.of("endpoint", "chat"));
            money("31.2", chat.cost());
            assertEquals(12_000, chat.requests());
            assertEquals(30, chat.errors());
            money("2.6", chat.per1kRequests());
            money("20.8", chat.per1mTokens()); // 31.2 / 1.5 M tokens
            // 48 instance-hours, 10 busy hours: 38/48 of the hour-billed cost is idle.
            money("24.7", chat.idleCost());
            assertEquals(48, chat.instanceHours(), 1e-9);
            UnitCostRow embed = find(r, Map.of("endpoint", "embed"));
            money("0.5", embed.per1kRequests());
            money("0", embed.idleCost());
            money("5", r.unattributed().getFirst().cost());
            UnitCostReport byDay = ws.unitCosts().compute(by(UnitCostQuery.Key.DAY));
            money(
                    "33.2",
                    find(byDay, Map.of("day", "2024-09-01")).cost()); // the untagged $5 is reported apart, not mixed in
            money("5", byDay.unattributed().getFirst().cost());
            UnitCostRow total = r.totals().getFirst();
            money("33.2", total.cost());
            assertEquals(16_000, total.requests());
        }
    }

    @Test
    void pricingModelSharesOfAnEndpointAddUpToItsUnitCost() throws Exception {
        standardDay();
        try (Workspace ws = workspace()) {
            requests("2024-09-01", "chat", "llama", 12_000, 0, 0, 0, 0);
            UnitCostReport r = ws.unitCosts().compute(by(UnitCostQuery.Key.ENDPOINT, UnitCostQuery.Key.PRICING_MODEL));
            money(
                    "2",
                    find(r, Map.of("endpoint", "chat", "pricing_model", "on_demand"))
                            .per1kRequests());
            money(
                    "0.6",
                    find(r, Map.of("endpoint", "chat", "pricing_model", "spot")).per1kRequests());
            UnitCostRow embed = find(r, Map.of("endpoint", "embed", "pricing_model", "serverless"));
            assertNull(embed.per1kRequests(), "embed served no request in the logs");
        }
    }

    @Test
    void aLineOverSeveralDaysIsSpreadInProportionToTime() throws Exception {
        line(
                "48.00",
                "2024-09-01T12:00:00Z",
                "2024-09-03T12:00:00Z",
                "Standard",
                "Amazon EC2",
                "i-1",
                "g5.xlarge",
                "48",
                "Hours",
                "{\"endpoint\":\"chat\"}");
        try (Workspace ws = workspace()) {
            requests("2024-09-01", "chat", "m", 1000, 0, 0, 0, 0);
            requests("2024-09-02", "chat", "m", 2000, 0, 0, 0, 0);
            UnitCostReport r = ws.unitCosts().compute(by(UnitCostQuery.Key.DAY));
            money("12", find(r, Map.of("day", "2024-09-01")).cost());
            money("24", find(r, Map.of("day", "2024-09-02")).cost());
            money("12", find(r, Map.of("day", "2024-09-03")).cost());
            money("12", find(r, Map.of("day", "2024-09-02")).per1kRequests());
            assertTrue(r.unattributed().isEmpty());
            long from = LocalDate.of(2024, 9, 2).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            UnitCostReport only2 = ws.unitCosts()
                    .compute(new UnitCostQuery(List.of(UnitCostQuery.Key.DAY), from, from + 86_400, null));
            assertEquals(1, only2.groups().size());
            money("24", only2.totals().getFirst().cost());
            assertEquals(2000, only2.totals().getFirst().requests());
        }
    }

    @Test
    void storedRulesReplaceTheDefaultsAndTheFirstMatchWins() throws Exception {
        standardDay();
        try (Workspace ws = workspace()) {
            requests("2024-09-01", "chat", "llama", 10_000, 0, 0, 0, 0);
            requests("2024-09-01", "chat-canary", "llama", 2_000, 0, 0, 0, 0);
            AttributionRules rules = ws.attribution();
            rules.add(
                    new AttributionRule(0, 0, AttributionRule.Match.INSTANCE_TYPE, null, "g5.*", null, "llama"), null);
            // Resource ids come before the instance type: the spot instance is the canary's.
            rules.add(
                    new AttributionRule(0, 0, AttributionRule.Match.RESOURCE_ID, null, "i-spot", "chat-canary", null),
                    1);
            rules.add(
                    new AttributionRule(0, 0, AttributionRule.Match.SERVICE, null, "aws lambda", "embed", null), null);
            assertEquals(
                    List.of("resource_id", "instance_type", "service"),
                    rules.list().stream().map(AttributionRule::field).toList());
            UnitCostReport r = ws.unitCosts().compute(by(UnitCostQuery.Key.ENDPOINT, UnitCostQuery.Key.MODEL));
            // The model rule covers both endpoints serving llama (12,000 requests) with the on-demand $24.
            UnitCostRow llama = find(r, Map.of("endpoint", "chat+chat-canary", "model", "llama"));
            money("24", llama.cost());
            assertEquals(12_000, llama.requests());
            UnitCostRow canary = find(r, Map.of("endpoint", "chat-canary", "model", "llama"));
            money("7.2", canary.cost());
            assertEquals(2_000, canary.requests());
            money("5", r.unattributed().getFirst().cost());
            assertTrue(rules.remove(1));
            assertEquals(
                    List.of("instance_type", "service"),
                    rules.list().stream().map(AttributionRule::field).toList());
            rules.replaceAll(List.of());
            assertTrue(ws.unitCosts().compute(by()).defaultRules());
        }
    }

    @Test
    void requestsWithoutAttributedCostShowWithZeroCost() throws Exception {
        standardDay();
        try (Workspace ws = workspace()) {
            requests("2024-09-01", "rerank", "mini", 500, 0, 0, 0, 0);
            UnitCostRow rerank =
                    find(ws.unitCosts().compute(by(UnitCostQuery.Key.ENDPOINT)), Map.of("endpoint", "rerank"));
            money("0", rerank.cost());
            assertEquals(500, rerank.requests());
        }
    }

    @Test
    void withNoAttributedCostTheTotalStillCountsEveryRequest() throws Exception {
        // Only the untagged $5 storage line: nothing is attributed, so the total has no cost and no
        // currency, but it must count the requests of every endpoint and day (it once kept only the first).
        line(
                "5.00",
                "2024-09-01T00:00:00Z",
                "2024-09-02T00:00:00Z",
                "Standard",
                "Amazon S3",
                "bucket",
                "",
                "100",
                "GB-Mo",
                null);
        try (Workspace ws = workspace()) {
            requests("2024-09-01", "chat", "llama", 120, 1, 0, 0, 10);
            requests("2024-09-02", "chat", "llama", 80, 0, 0, 0, 5);
            requests("2024-09-02", "embed", "bge", 15, 0, 0, 0, 1);
            UnitCostReport r = ws.unitCosts().compute(by(UnitCostQuery.Key.ENDPOINT));
            assertEquals(200, find(r, Map.of("endpoint", "chat")).requests());
            assertEquals(1, r.totals().size());
            UnitCostRow total = r.totals().getFirst();
            assertEquals(215, total.requests());
            assertEquals(1, total.errors());
            money("0", total.cost());
            money("5", r.unattributed().getFirst().cost());
        }
    }

    @Test
    void billedResourcesOfAnEndpointAreWhatItsRulesAttribute() throws Exception {
        standardDay();
        try (Workspace ws = workspace()) {
            requests("2024-09-01", "chat", "llama", 10, 0, 0, 0, 0);
            List<BilledResource> chat = ws.unitCosts().billedResources("chat", null, null, null);
            assertEquals(
                    List.of("i-od", "i-spot"),
                    chat.stream().map(BilledResource::resourceId).sorted().toList());
            BilledResource spot = chat.stream()
                    .filter(b -> b.pricingModel() == PricingModel.SPOT)
                    .findFirst()
                    .orElseThrow();
            assertTrue(spot.hourly());
            assertEquals(24, spot.hours(), 1e-9);
            money("7.2", spot.cost());
            assertEquals(LocalDate.of(2024, 9, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC), spot.first());
            assertEquals(spot.first() + 86_400, spot.last());
            assertEquals("g5.2xlarge", spot.instanceType());
            List<BilledResource> embed = ws.unitCosts().billedResources("embed", null, null, null);
            assertEquals(1, embed.size());
            assertEquals(PricingModel.SERVERLESS, embed.getFirst().pricingModel());
            assertTrue(!embed.getFirst().hourly());
            assertTrue(
                    ws.unitCosts().billedResources("nobody", null, null, null).isEmpty());
        }
    }

    @Test
    void badRulesAreRefusedWithTheReason() {
        assertThrows(
                BadInputException.class,
                () -> new AttributionRule(0, 0, AttributionRule.Match.TAG, null, "*", "e", null));
        assertThrows(
                BadInputException.class,
                () -> new AttributionRule(0, 0, AttributionRule.Match.SERVICE, null, "*", null, null));
        assertThrows(
                BadInputException.class,
                () -> new AttributionRule(0, 0, AttributionRule.Match.SERVICE, null, " ", "e", null));
        assertThrows(BadInputException.class, () -> AttributionRule.Match.fromCode("colour"));
        AttributionRule r = new AttributionRule(0, 0, AttributionRule.Match.TAG, "team", "ml-*", "{value}", null);
        assertTrue(r.matches("ML-serving"));
        assertEquals("ml-serving", r.endpointFor("ml-serving"));
    }
}
