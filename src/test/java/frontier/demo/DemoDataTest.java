package frontier.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.CsvParser;
import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import frontier.model.pool.Pools;
import frontier.scenario.Scenario;
import frontier.scenario.Summary;
import frontier.store.CostQuery;
import frontier.store.CostRow;
import frontier.store.Dimension;
import frontier.store.Grouping;
import frontier.store.ImportMonitor;
import frontier.store.ImportResult;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo data set: a bill that reconciles with the simulation, a request log that matches its counts,
 * FOCUS 1.2 that the workspace imports with the right totals, and the same bytes for the same seed. The
 * bill is read here with commons-csv and BigDecimal, independently of Frontier's reader. Tagged {@code slow} (out of
 * {@code -Pfast}): it generates the whole demo twice (the default seed and another), a 450,000-request simulation each.
 */
@Tag("slow")
class DemoDataTest {
    @TempDir
    static Path dir;

    static DemoData.Result demo;
    static List<CSVRecord> bill;
    static Scenario scenario;

    @BeforeAll
    static void generate() throws IOException {
        demo = DemoData.generate(dir.resolve("a"), DemoData.DEFAULT_SEED);
        scenario = DemoData.scenario(DemoData.DEFAULT_SEED);
        bill = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(Files.newBufferedReader(demo.billing()))
                .getRecords();
    }

    static Summary sim() {
        return demo.summary();
    }

    static BigDecimal sum(Predicate<CSVRecord> which) {
        return bill.stream()
                .filter(which)
                .map(r -> new BigDecimal(r.get("BilledCost")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The compute lines of a pool: its instances are named POOL-N, a serverless function POOL. */
    static Predicate<CSVRecord> pool(String name) {
        return r -> r.get("ResourceName").equals(name)
                || r.get("ResourceName").matches(java.util.regex.Pattern.quote(name) + "-\\d+");
    }

    /** The forgotten load-test instance of the chat endpoint: billed to chat, not part of the simulation. */
    static Predicate<CSVRecord> canary() {
        return r -> r.get("ResourceName").equals(DemoData.CANARY_NAME);
    }

    @Test
    void theForgottenCanaryIsBilledToChatForItsThirtyHours() {
        List<CSVRecord> canary = bill.stream().filter(canary()).toList();
        assertEquals(DemoData.CANARY_HOURS, canary.size(), "one line per hour");
        assertEquals("2026-10-14T10:00:00Z", canary.getFirst().get("ChargePeriodStart"));
        assertEquals("2026-10-15T16:00:00Z", canary.getLast().get("ChargePeriodEnd"));
        assertTrue(canary.stream()
                .allMatch(r -> r.get("Tags").contains("\"endpoint\":\"chat\"")
                        && r.get("PricingCategory").equals("Standard")));
        double price = ((frontier.model.pool.AlwaysOnPool) scenario.pools().stream()
                        .filter(p -> p.name().equals(DemoData.CANARY_POOL))
                        .findFirst()
                        .orElseThrow())
                .price()
                .usdPerHour();
        assertEquals(DemoData.CANARY_HOURS * price, sum(canary()).doubleValue(), 1e-9);
    }

    @Test
    void billedComputeOfEachPoolIsTheSimulatedCostOfThatPool() {
        for (Pools p : scenario.pools()) {
            long lines = bill.stream().filter(pool(p.name())).count();
            assertTrue(lines >= 700, p.name() + " is billed every hour of the month, or nearly: " + lines);
            double simulated = sim().metric("cost_usd.by_pool." + p.name() + ".total");
            // Each line is rounded to 1e-10 USD (at most 5e-11 off); the simulation sums in doubles (relative error
            // ~1e-15).
            double tolerance = 5e-11 * lines + 1e-12 * simulated;
            assertEquals(simulated, sum(pool(p.name())).doubleValue(), tolerance, p.name());
        }
    }

    @Test
    void spotHoursAreDynamicAtTheSpotPriceAndShowInterruptionsAsPartialOrMissingHours() {
        List<CSVRecord> spot = bill.stream().filter(pool("chat-spot")).toList();
        assertTrue(spot.stream().allMatch(r -> r.get("PricingCategory").equals("Dynamic")));
        assertTrue(
                spot.stream()
                        .allMatch(r -> new BigDecimal(r.get("ListUnitPrice"))
                                        .compareTo(new BigDecimal(r.get("ContractedUnitPrice")))
                                > 0),
                "spot is billed below its on-demand list price");
        long instances = spot.stream().map(r -> r.get("ResourceId")).distinct().count();
        long interruptions = (long) sim().metric("pools.chat-spot.interruptions");
        assertTrue(interruptions > 0, "the demo month has interruptions");
        assertEquals(2 + interruptions, instances, "every interruption brings a new instance");
        Map<String, BigDecimal> perHour = new TreeMap<>();
        for (CSVRecord r : spot)
            perHour.merge(r.get("ChargePeriodStart"), new BigDecimal(r.get("PricingQuantity")), BigDecimal::add);
        assertTrue(
                spot.stream().anyMatch(r -> new BigDecimal(r.get("PricingQuantity")).compareTo(BigDecimal.ONE) < 0),
                "partial hours");
        int hours = 31 * 24;
        long shortHours = perHour.values().stream()
                        .filter(q -> q.compareTo(BigDecimal.valueOf(2)) < 0)
                        .count()
                + (hours - perHour.size());
        assertTrue(
                shortHours >= interruptions,
                "every replacement gap leaves an hour with less than two spot instance-hours: " + shortHours);
        List<CSVRecord> onDemand = bill.stream().filter(pool("chat-on-demand")).toList();
        assertEquals(2 * hours, onDemand.size(), "two always-on instances, every hour");
        assertTrue(onDemand.stream()
                .allMatch(r -> r.get("PricingQuantity").equals("1")
                        && r.get("PricingCategory").equals("Standard")));
    }

    @Test
    void everyLineIsTaggedAndNonInferenceLinesHaveNoEndpoint() {
        for (CSVRecord r : bill) {
            String tags = r.get("Tags");
            boolean compute =
                    scenario.pools().stream().anyMatch(p -> pool(p.name()).test(r)) || canary().test(r);
            if (compute) {
                assertTrue(
                        tags.contains("\"endpoint\":")
                                && tags.contains("\"model\":")
                                && tags.contains("\"team\":\"ml\""),
                        tags);
            } else {
                assertFalse(tags.contains("endpoint"), "not inference: " + r.get("ServiceName") + " " + tags);
            }
        }
        Set<String> services = new java.util.TreeSet<>();
        bill.stream().filter(r -> !r.get("Tags").contains("endpoint")).forEach(r -> services.add(r.get("ServiceName")));
        assertEquals(
                Set.of("AWS Data Transfer", "Amazon Elastic Compute Cloud", "Amazon Simple Storage Service"), services);
    }

    /**
     * The same seed again: the build's demo fixture ({@link DemoFixture}: {@link DemoWorkspace#create} of the default
     * seed, once per build, often in another test JVM) recorded the SHA-256 of the bill and of the request log it
     * generated and imported; the files generated here hash the same. (A second generation in this class, 2.5 s of
     * CPU, checked the same within one JVM.)
     */
    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedOtherData() throws Exception {
        try (Workspace ws = Workspace.open(DemoFixture.copyTo(dir.resolve("fixture.sqlite")))) {
            assertEquals(ws.billing().imports().getFirst().sha256(), sha256(demo.billing()), "the bill");
            assertEquals(ws.requestLogs().imports().getFirst().sha256(), sha256(demo.requests()), "the request log");
        }
        DemoData.Result other = DemoData.generate(dir.resolve("c"), 7);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(demo.billing()), Files.readAllBytes(other.billing())));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(demo.requests()), Files.readAllBytes(other.requests())));
    }

    @Test
    void requestLogMatchesTheSimulationsCounts() throws IOException {
        Map<String, Long> status = new HashMap<>();
        Map<String, Long> completedByPool = new HashMap<>();
        Map<String, Long> completedByEndpoint = new HashMap<>();
        long inputTokens = 0;
        long rows = 0;
        Instant first = DemoData.START;
        Instant last = first.plusSeconds(31 * 86400);
        try (Reader in = new InputStreamReader(
                        new GZIPInputStream(Files.newInputStream(demo.requests())), StandardCharsets.UTF_8);
                CsvParser csv = new CsvParser(in, demo.requests().toString())) {
            assertTrue(csv.next());
            assertEquals(
                    List.of(
                            "timestamp",
                            "latency_ms",
                            "model",
                            "endpoint",
                            "status",
                            "input_tokens",
                            "output_tokens",
                            "pool",
                            "cold_start"),
                    List.of(csv.record()));
            while (csv.next()) {
                rows++;
                Instant t = Instant.parse(csv.field(0));
                assertTrue(!t.isBefore(first) && t.isBefore(last), csv.field(0));
                String code = csv.field(4);
                status.merge(code, 1L, Long::sum);
                String endpoint = csv.field(3);
                assertEquals(
                        endpoint.equals("embed"),
                        csv.isEmpty(6),
                        "only embeddings lack output tokens, line " + csv.line());
                assertEquals(endpoint.equals("embed") ? "bge-small-en" : "llama-3.1-8b-instruct", csv.field(2));
                if (code.equals("200")) {
                    completedByPool.merge(csv.field(7), 1L, Long::sum);
                    completedByEndpoint.merge(endpoint, 1L, Long::sum);
                    inputTokens += Long.parseLong(csv.field(5));
                }
            }
        }
        assertEquals(demo.requestRows(), rows);
        assertEquals((long) sim().metric("completed"), status.getOrDefault("200", 0L));
        assertEquals((long) sim().metric("rejected"), status.getOrDefault("429", 0L));
        assertEquals((long) sim().metric("timed_out"), status.getOrDefault("504", 0L));
        assertEquals((long) sim().metric("lost"), status.getOrDefault("503", 0L));
        for (Pools p : scenario.pools()) {
            assertEquals(
                    (long) sim().metric("pools." + p.name() + ".completed"),
                    completedByPool.getOrDefault(p.name(), 0L),
                    p.name());
        }
        for (String c : List.of("chat", "embed")) {
            assertEquals((long) sim().metric("classes." + c + ".completed"), completedByEndpoint.get(c), c);
        }
        assertEquals((long) sim().metric("tokens.input"), inputTokens);
        assertTrue(rows > 450_000 && rows < 620_000, "about half a million requests in the month: " + rows);
    }

    @Test
    void billIsFocus12WithEveryMandatoryValueAndAllowedValues() throws IOException {
        Path catalog = Samples.billing("focus_1.2_column_catalog.csv");
        List<CSVRecord> columns = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(Files.newBufferedReader(catalog))
                .getRecords();
        List<String> ids = columns.stream().map(c -> c.get("ColumnId")).toList();
        assertEquals(
                ids, bill.getFirst().getParser().getHeaderNames(), "every FOCUS 1.2 column, in the catalogue's order");
        for (CSVRecord c : columns) {
            String col = c.get("ColumnId");
            boolean required = c.get("AllowsNulls").equals("False");
            // The catalogue lists ServiceSubcategory's parent categories (with repeats), not the subcategories.
            boolean checkValues = !c.get("AllowedValues").isEmpty() && !col.equals("ServiceSubcategory");
            Set<String> allowed = checkValues
                    ? Set.copyOf(java.util.Arrays.asList(c.get("AllowedValues").split(";")))
                    : Set.of();
            for (CSVRecord r : bill) {
                String v = r.get(col);
                if (required) assertFalse(v.isEmpty(), col + " is mandatory, empty on line " + r.getRecordNumber());
                if (!v.isEmpty() && !allowed.isEmpty()) assertTrue(allowed.contains(v), col + " = " + v);
            }
        }
        for (CSVRecord r : bill) {
            BigDecimal cost = new BigDecimal(r.get("BilledCost"));
            BigDecimal expected =
                    new BigDecimal(r.get("PricingQuantity")).multiply(new BigDecimal(r.get("ContractedUnitPrice")));
            assertTrue(
                    expected.subtract(cost).abs().compareTo(new BigDecimal("5e-11")) <= 0,
                    "BilledCost = PricingQuantity × unit price, line " + r.getRecordNumber());
            assertTrue(r.get("ChargePeriodStart").compareTo(r.get("ChargePeriodEnd")) < 0);
        }
    }

    @Test
    void billImportsThroughTheWorkspaceWithTheRightTotals() {
        try (Workspace ws = Workspace.open(dir.resolve("demo.sqlite"))) {
            ImportResult r = ws.billing()
                    .importFile(demo.billing(), ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            assertEquals("FOCUS 1.2", r.record().format());
            assertEquals(bill.size(), r.record().rows());
            Map<String, BigDecimal> byModel = totals(ws.costs().totals(CostQuery.of(Dimension.PRICING_MODEL)));
            assertEquals(sum(pool("chat-spot")), byModel.get("spot"));
            assertEquals(sum(pool("embed-lambda")), byModel.get("serverless"));
            assertEquals(
                    sum(x -> !pool("chat-spot").test(x) && !pool("embed-lambda").test(x)), byModel.get("on_demand"));
            assertEquals(Set.of("spot", "serverless", "on_demand"), byModel.keySet());

            Map<String, BigDecimal> byEndpoint =
                    totals(ws.costs().totals(new CostQuery(List.of(Grouping.tag("endpoint")), null, null)));
            assertEquals(
                    sum(pool("chat-spot")).add(sum(pool("chat-on-demand"))).add(sum(canary())), byEndpoint.get("chat"));
            assertEquals(sum(pool("embed-lambda")), byEndpoint.get("embed"));
            assertEquals(
                    sum(x -> !x.get("Tags").contains("endpoint")), byEndpoint.get(null), "what attribution leaves out");
            BigDecimal compute = BigDecimal.ZERO;
            for (Pools p : scenario.pools())
                compute = compute.add(BigDecimal.valueOf(sim().metric("cost_usd.by_pool." + p.name() + ".total")));
            assertEquals(
                    compute.doubleValue(),
                    byEndpoint
                            .get("chat")
                            .add(byEndpoint.get("embed"))
                            .subtract(sum(canary()))
                            .doubleValue(),
                    1e-6,
                    "attributed cost is the simulation's cost and the canary's (lines rounded to 1e-10)");
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Map<String, BigDecimal> totals(List<CostRow> rows) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (CostRow r : rows) {
            assertEquals("USD", r.currency());
            m.put(r.keys().getFirst(), r.billed());
        }
        return m;
    }

    @Test
    void bothFilesAreReadByTheProjectsCsvParserToTheEnd() throws IOException {
        long n = 0;
        try (CsvParser csv = new CsvParser(new StringReader(Files.readString(demo.billing())), "bill")) {
            while (csv.next()) {
                assertEquals(FocusBill.COLUMNS.size(), csv.size(), "line " + csv.line());
                n++;
            }
        }
        assertEquals(bill.size() + 1, n);
        assertEquals(demo.billingLines(), bill.size());
        List<String> header = new ArrayList<>(FocusBill.COLUMNS);
        assertEquals(header, bill.getFirst().getParser().getHeaderNames());
    }
}
