package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.ReadOptions;
import frontier.ingest.Samples;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
    @TempDir
    Path dir;

    private static final String FOCUS_HEADER =
            "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                    + "ChargeCategory,PricingCategory,ProviderName,ServiceName\n";

    /** A FOCUS file with one row per day of [fromDay, toDay] in September 2024, each costing {@code cost}. */
    private Path focusDays(String name, String account, int fromDay, int toDay, String cost) throws IOException {
        StringBuilder b = new StringBuilder(FOCUS_HEADER);
        for (int d = fromDay; d <= toDay; d++) {
            java.time.LocalDate day = java.time.LocalDate.of(2024, 9, d);
            b.append(String.format(
                    "%s,%s,%sT00:00:00Z,%sT00:00:00Z,USD,%s,Usage,Standard,AWS,Amazon EC2%n",
                    cost, cost, day, day.plusDays(1), account));
        }
        return Files.writeString(dir.resolve(name), b);
    }

    private Workspace open() {
        return Workspace.open(dir.resolve("ws.sqlite"));
    }

    private static ImportResult imp(Workspace ws, Path f, OverlapPolicy p) {
        return ws.billing().importFile(f, ReadOptions.DETECT, p, ImportMonitor.NONE);
    }

    private static BigDecimal totalBilled(Workspace ws) {
        return ws.costs().totals(CostQuery.of()).stream().map(CostRow::billed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void anEmptyWorkspacePathIsRefusedAsEmptyNotAsADirectory() {
        // `frontier costs -w ""` said ": is a directory, expected a workspace file" (the empty path is the current
        // directory); the message now names what is wrong.
        BadInputException e = assertThrows(BadInputException.class, () -> Workspace.open(Path.of("")));
        assertEquals("workspace path is empty, expected a workspace file", e.getMessage());
    }

    @Test
    void focusSampleTotalsByPricingModelAreExact() throws IOException {
        Path f = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        try (Workspace ws = open()) {
            ImportResult r = imp(ws, f, OverlapPolicy.REFUSE);
            assertEquals(1000, r.record().rows());
            assertEquals("FOCUS 1.0", r.record().format());
            assertEquals(3, r.accounts().size());
            List<CostRow> rows = ws.costs().totals(CostQuery.of(Dimension.PRICING_MODEL));
            Map<String, Long> counts = rows.stream()
                    .collect(Collectors.toMap(x -> String.valueOf(x.keys().getFirst()), CostRow::rows));
            assertEquals(
                    Map.of("on_demand", 979L, "serverless", 9L, "commitment", 4L, "other", 1L, "unspecified", 7L),
                    counts);
            assertEquals(0, Samples.columnSum(f, "BilledCost").compareTo(totalBilled(ws)), "exact, not double, sums");
            BigDecimal effective = rows.stream().map(CostRow::effective).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, Samples.columnSum(f, "EffectiveCost").compareTo(effective));
        }
        try (Workspace ws = open()) {
            assertEquals(1, ws.billing().imports().size(), "committed and reopened");
            assertEquals(1000, ws.chargeCount());
        }
    }

    @Test
    void sumsOfManyTinyAmountsStayExact() throws IOException {
        StringBuilder b = new StringBuilder(FOCUS_HEADER);
        for (int i = 0; i < 10_000; i++)
            b.append("0.1,0.00000000001,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage,Standard,AWS,S\n");
        Path f = Files.writeString(dir.resolve("tiny.csv"), b);
        try (Workspace ws = open()) {
            imp(ws, f, OverlapPolicy.REFUSE);
            CostRow r = ws.costs().totals(CostQuery.of()).getFirst();
            assertEquals(new BigDecimal("1000"), r.billed(), "0.1 × 10,000 in doubles is 1000.0000000001588");
            assertEquals(new BigDecimal("1E-7"), r.effective());
        }
    }

    @Test
    void sameContentTwiceIsRefusedUnlessReplacing() throws IOException {
        Path a = focusDays("a.csv", "acct", 1, 10, "2.5");
        Path copy = Files.copy(a, dir.resolve("copy-of-a.csv"));
        try (Workspace ws = open()) {
            imp(ws, a, OverlapPolicy.REFUSE);
            DuplicateImportException e =
                    assertThrows(DuplicateImportException.class, () -> imp(ws, copy, OverlapPolicy.KEEP_BOTH));
            assertTrue(e.getMessage().contains("already imported as import #1"), e.getMessage());
            assertEquals(1, ws.billing().imports().size());
            assertEquals(10, ws.chargeCount(), "rolled back");
            ImportResult r = imp(ws, copy, OverlapPolicy.REPLACE);
            assertEquals(10, r.replacedRows());
            assertEquals(
                    List.of(r.record().id()),
                    ws.billing().imports().stream().map(ImportRecord::id).toList());
            assertEquals(new BigDecimal("25"), totalBilled(ws));
        }
    }

    @Test
    void overlappingPeriodOfTheSameAccountIsRefusedReplacedOrKept() throws IOException {
        Path sept1to20 = focusDays("early.csv", "acct", 1, 20, "1");
        Path sept11to30 = focusDays("late.csv", "acct", 11, 30, "2");
        Path otherAccount = focusDays("other.csv", "other", 1, 30, "3");
        try (Workspace ws = open()) {
            imp(ws, sept1to20, OverlapPolicy.REFUSE);
            imp(ws, otherAccount, OverlapPolicy.REFUSE);
            OverlapException e = assertThrows(OverlapException.class, () -> imp(ws, sept11to30, OverlapPolicy.REFUSE));
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "AWS account acct: 2024-09-11 – 2024-10-01 overlaps import #1 (early.csv, 2024-09-01 – 2024-09-21)"),
                    e.getMessage());
            assertEquals(1, e.overlaps().size(), "the other account does not overlap");
            assertEquals(50, ws.chargeCount());

            ImportResult r = imp(ws, sept11to30, OverlapPolicy.REPLACE);
            assertEquals(10, r.replacedRows(), "Sept 11–20 of the early file");
            assertEquals(new BigDecimal("10").add(new BigDecimal("40")).add(new BigDecimal("90")), totalBilled(ws));
            ImportRecord early = ws.billing().find(1);
            assertEquals(10, early.rows());
            assertEquals(java.time.Instant.parse("2024-09-11T00:00:00Z").getEpochSecond(), early.periodEnd());
        }
    }

    @Test
    void keepBothKeepsBothAndAzureActualDoesNotOverlapAmortized() throws IOException {
        Path a = focusDays("a.csv", "acct", 1, 5, "1");
        Path b = focusDays("b.csv", "acct", 3, 7, "1.5");
        try (Workspace ws = open()) {
            imp(ws, a, OverlapPolicy.REFUSE);
            imp(ws, b, OverlapPolicy.KEEP_BOTH);
            assertEquals(new BigDecimal("12.5"), totalBilled(ws));
        }
        Path actual = Samples.billing("azure_ea_actualcost_small.csv");
        Path amortized = Samples.billing("azure_ea_amortizedcost_small.csv");
        try (Workspace ws = Workspace.open(dir.resolve("azure.sqlite"))) {
            imp(ws, actual, OverlapPolicy.REFUSE);
            imp(ws, amortized, OverlapPolicy.REFUSE);
            CostRow total = ws.costs().totals(CostQuery.of()).getFirst();
            assertEquals(0, Samples.columnSum(actual, "Cost").compareTo(total.billed()));
            assertEquals(0, Samples.columnSum(amortized, "Cost").compareTo(total.effective()));
            assertEquals(
                    2,
                    ws.billing().imports().size(),
                    "actual and amortized views of one account and month do not overlap");
        }
    }

    @Test
    void badRowHalfwayRollsTheWholeImportBack() throws IOException {
        StringBuilder b = new StringBuilder(FOCUS_HEADER);
        for (int i = 0; i < 20_000; i++)
            b.append("1,1,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage,Standard,AWS,S\n");
        b.append("1,1,2024-09-01T00:00:00Z,not a time,USD,a,Usage,Standard,AWS,S\n");
        Path f = Files.writeString(dir.resolve("bad.csv"), b);
        try (Workspace ws = open()) {
            BadInputException e = assertThrows(BadInputException.class, () -> imp(ws, f, OverlapPolicy.REFUSE));
            assertTrue(e.getMessage().contains("line 20002, column 4 (ChargePeriodEnd)"), e.getMessage());
            assertEquals(0, ws.chargeCount());
            assertTrue(ws.billing().imports().isEmpty());
        }
    }

    @Test
    void cancellingRollsBackAndReportsProgressOnTheWay() throws IOException {
        StringBuilder b = new StringBuilder(FOCUS_HEADER);
        for (int i = 0; i < 50_000; i++)
            b.append("1,1,2024-09-01T00:00:00Z,2024-09-01T01:00:00Z,USD,a,Usage,Standard,AWS,S\n");
        Path f = Files.writeString(dir.resolve("big.csv"), b);
        AtomicLong seenRows = new AtomicLong();
        AtomicLong seenBytes = new AtomicLong();
        try (Workspace ws = open()) {
            assertThrows(ImportCancelledException.class, () -> ws.billing()
                    .importFile(f, ReadOptions.DETECT, OverlapPolicy.REFUSE, new ImportMonitor() {
                        @Override
                        public boolean isCancelled() {
                            return seenRows.get() >= 10_000;
                        }

                        @Override
                        public void progress(long rows, long bytes, long total) {
                            seenRows.set(rows);
                            seenBytes.set(bytes);
                            assertEquals(Files.exists(f) ? total : 0, total);
                        }
                    }));
            assertTrue(seenRows.get() >= 10_000 && seenBytes.get() > 0);
            assertEquals(0, ws.chargeCount());
            assertTrue(ws.billing().imports().isEmpty());
            imp(ws, f, OverlapPolicy.REFUSE);
            assertEquals(50_000, ws.chargeCount(), "the workspace is usable after a cancel");
        }
    }

    @Test
    void deletingAnImportRemovesItsRowsOnly() throws IOException {
        try (Workspace ws = open()) {
            long a = imp(ws, focusDays("a.csv", "a", 1, 3, "1"), OverlapPolicy.REFUSE)
                    .record()
                    .id();
            imp(ws, focusDays("b.csv", "b", 1, 3, "2"), OverlapPolicy.REFUSE);
            assertTrue(ws.billing().deleteImport(a));
            assertFalse(ws.billing().deleteImport(a));
            assertEquals(new BigDecimal("6"), totalBilled(ws));
        }
    }

    @Test
    void notAWorkspaceIsBadInput() throws IOException {
        Path junk = Files.writeString(
                dir.resolve("junk.sqlite"),
                "this is not a database, just text that is long enough to matter".repeat(100));
        BadInputException e = assertThrows(BadInputException.class, () -> Workspace.open(junk));
        assertTrue(e.getMessage().contains("not a usable Frontier workspace"), e.getMessage());
    }

    @Test
    void groupingByMonthAndServiceFiltersByPeriod() throws IOException {
        try (Workspace ws = open()) {
            imp(ws, focusDays("a.csv", "a", 1, 30, "1"), OverlapPolicy.REFUSE);
            long from = java.time.Instant.parse("2024-09-10T00:00:00Z").getEpochSecond();
            long to = java.time.Instant.parse("2024-09-20T00:00:00Z").getEpochSecond();
            List<CostRow> rows = ws.costs()
                    .totals(new CostQuery(
                            List.of(Grouping.of(Dimension.MONTH), Grouping.of(Dimension.SERVICE)), from, to));
            assertEquals(1, rows.size());
            assertEquals(List.of("2024-09", "Amazon EC2"), rows.getFirst().keys());
            assertEquals(new BigDecimal("10"), rows.getFirst().billed());
        }
    }

    @Test
    void aVersion1WorkspaceOpensMigratedWithItsRowsIntact() throws Exception {
        Path file = dir.resolve("v1.sqlite");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement s = c.createStatement()) {
            for (String sql : Schema.MIGRATIONS.getFirst().split(";\\s*\\n")) if (!sql.isBlank()) s.execute(sql);
            s.execute("PRAGMA user_version = 1");
            s.execute(
                    "INSERT INTO imports VALUES (1, '/old/focus.csv', 'FOCUS 1.0', 'both', 'abc', 10, 2, 1725148800, 1725235200,"
                            + " '2024-09-02T00:00:00Z', 0.1, 1, 2)");
            s.execute("INSERT INTO import_accounts VALUES (1, 'AWS', 'acct', 1725148800, 1725235200, 2)");
            s.execute(
                    "INSERT INTO dims VALUES (1, 'AWS', 'acct', NULL, 'AWS Lambda', 'Compute', NULL, NULL, 'usage', 'on_demand', 'USD', NULL)");
            s.execute("INSERT INTO charges VALUES (1, 1, 1725148800, 1725152400, NULL, '1.25', '1.25', NULL)");
            s.execute("INSERT INTO charges VALUES (1, 1, 1725152400, 1725156000, NULL, '0.75', '0.75', NULL)");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Schema.MIGRATIONS.size(), ws.schemaVersion());
            assertEquals(1, ws.billing().imports().size());
            CostRow old =
                    ws.costs().totals(CostQuery.of(Dimension.INSTANCE_TYPE)).getFirst();
            assertEquals(new BigDecimal("2"), old.billed());
            assertEquals(null, old.list(), "v1 rows carry no list cost");
            assertEquals(java.util.Arrays.asList((String) null), old.keys());
            imp(ws, focusDays("new.csv", "other", 1, 2, "3"), OverlapPolicy.REFUSE);
            assertEquals(new BigDecimal("8"), totalBilled(ws));
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(4, ws.chargeCount(), "reopening a migrated workspace changes nothing");
        }
    }

    @Test
    void groupingByTagInstanceTypeAndDayOnTheFocusSample() throws IOException {
        Path f = Samples.billing("focus_1.0_sample_official_1000rows.csv");
        try (Workspace ws = open()) {
            imp(ws, f, OverlapPolicy.REFUSE);
            List<CostRow> byEnv = ws.costs().totals(new CostQuery(List.of(Grouping.tag("environment")), null, null));
            Map<String, Long> counts = byEnv.stream()
                    .collect(Collectors.toMap(r -> String.valueOf(r.keys().getFirst()), CostRow::rows));
            assertEquals(
                    Map.of("dev", 426L, "prod", 234L, "null", 340L),
                    counts,
                    "counted independently from the Tags column");
            BigDecimal list = byEnv.stream().map(CostRow::list).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, Samples.columnSum(f, "ListCost").compareTo(list));

            List<CostRow> byDay = ws.costs()
                    .totals(new CostQuery(
                            List.of(Grouping.of(Dimension.DAY), Grouping.tag("environment")), null, null));
            assertTrue(byDay.stream().allMatch(r -> r.keys().getFirst().matches("\\d{4}-\\d{2}-\\d{2}")));
            assertEquals(1000L, byDay.stream().mapToLong(CostRow::rows).sum());
            assertEquals(
                    1,
                    ws.costs().totals(CostQuery.of(Dimension.INSTANCE_TYPE)).size(),
                    "FOCUS 1.0 names no instance types");
        }
    }

    @Test
    void instanceTypeAndGpusAreStoredAndGroupable() throws IOException {
        Path f = Files.writeString(dir.resolve("cur.csv"), """
                line_item_line_item_type,line_item_usage_start_date,line_item_usage_end_date,line_item_unblended_cost,line_item_currency_code,line_item_product_code,line_item_usage_type,resource_tags
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,32.7726,USD,AmazonEC2,USE1-BoxUsage:p4d.24xlarge,"{""user:team"":""chat""}"
                Usage,2025-06-01T01:00:00Z,2025-06-01T02:00:00Z,32.7726,USD,AmazonEC2,USE1-BoxUsage:p4d.24xlarge,"{""user:team"":""search""}"
                Usage,2025-06-01T00:00:00Z,2025-06-01T01:00:00Z,1.7,USD,AmazonEC2,USE1-SpotUsage:g5.12xlarge,
                """);
        try (Workspace ws = open()) {
            imp(ws, f, OverlapPolicy.REFUSE);
            List<CostRow> rows = ws.costs()
                    .totals(CostQuery.of(Dimension.INSTANCE_TYPE, Dimension.GPU_COUNT, Dimension.PRICING_MODEL));
            assertEquals(
                    List.of(List.of("g5.12xlarge", "4", "spot"), List.of("p4d.24xlarge", "8", "on_demand")),
                    rows.stream().map(CostRow::keys).toList());
            assertEquals(new BigDecimal("65.5452"), rows.get(1).billed());
            List<CostRow> byTeam = ws.costs().totals(new CostQuery(List.of(Grouping.tag("user:team")), null, null));
            assertEquals(
                    java.util.Arrays.asList(null, "chat", "search"),
                    byTeam.stream().map(r -> r.keys().getFirst()).toList());
        }
    }

    @Test
    void ociReportImportsInOneTransactionWithExactTotalsByServiceAndTag() throws IOException {
        Path f = Samples.billing("oci_cost_report_focus_converters.csv");
        try (Workspace ws = open()) {
            ImportResult r = imp(ws, f, OverlapPolicy.REFUSE);
            assertEquals("OCI cost report", r.record().format());
            assertEquals(506, r.record().rows());
            assertEquals(
                    List.of("Oracle"),
                    r.accounts().stream().map(AccountPeriod::provider).toList(),
                    "one tenancy");
            assertEquals(0, Samples.columnSum(f, "cost/myCost").compareTo(totalBilled(ws)));
            Map<String, BigDecimal> byService = ws.costs().totals(CostQuery.of(Dimension.SERVICE)).stream()
                    .collect(Collectors.toMap(x -> x.keys().getFirst(), CostRow::billed));
            assertEquals(
                    0,
                    new BigDecimal("1.340275542575400059").compareTo(byService.get("MYSQL")),
                    "python/Decimal sum of the MYSQL rows");
            List<CostRow> byCat = ws.costs().totals(new CostQuery(List.of(Grouping.tag("Valtest.Cat")), null, null));
            CostRow boots = byCat.stream()
                    .filter(x -> "boots".equals(x.keys().getFirst()))
                    .findFirst()
                    .orElseThrow();
            assertEquals(74, boots.rows());
            assertEquals(0, new BigDecimal("1.088888220304052466").compareTo(boots.billed()));
        }
        List<String> lines = Files.readAllLines(f);
        String last = lines.getLast();
        lines.add(last.replace(",USD,", ",,"));
        Path bad = Files.write(dir.resolve("oci-bad-last-row.csv"), lines);
        try (Workspace ws = Workspace.open(dir.resolve("oci-bad.sqlite"))) {
            BadInputException e = assertThrows(BadInputException.class, () -> imp(ws, bad, OverlapPolicy.REFUSE));
            assertTrue(e.getMessage().contains("line 508, column 20 (cost/currencyCode)"), e.getMessage());
            assertEquals(0, ws.chargeCount(), "the 506 good rows are rolled back with the bad one");
            assertTrue(ws.billing().imports().isEmpty());
        }
    }
}
