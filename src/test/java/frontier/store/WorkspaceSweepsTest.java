package frontier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.ReadOptions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceSweepsTest {
    @TempDir
    Path dir;

    private static NewSweep sweep(String name) {
        return new NewSweep(
                name,
                "/s/sweep.json",
                "grid",
                7,
                3,
                List.of("cost_usd.per_1k_requests", "latency_ms.p99"),
                "{\"format\":\"frontier-sweep-results/1\",\"points\":[]}",
                List.of(
                        new SweepPointRecord(0, "{\"a\":1}", 11, 0.5, 20.0, 100, 200, 300, true, true),
                        new SweepPointRecord(1, "{\"a\":2}", 12, Double.NaN, 21.0, 110, 210, 310, false, false),
                        new SweepPointRecord(2, "{\"a\":3}", 13, 0.4, 19.0, 120, 220, 330, true, true)));
    }

    @Test
    void aSavedSweepIsListedAndReadBackWithItsPoints() {
        Path file = dir.resolve("ws.sqlite");
        long id;
        try (Workspace ws = Workspace.open(file)) {
            id = ws.sweeps().save(sweep("first"));
            assertEquals(2, ws.sweeps().save(sweep("second")));
        }
        try (Workspace ws = Workspace.open(file)) {
            List<SweepRecord> all = ws.sweeps().list();
            assertEquals(
                    List.of("first", "second"),
                    all.stream().map(SweepRecord::name).toList());
            SweepRecord s = ws.sweeps().find(id);
            assertEquals(3, s.points());
            assertEquals(2, s.frontSize());
            assertEquals(List.of("cost_usd.per_1k_requests", "latency_ms.p99"), s.objectives());
            assertEquals("grid", s.method());
            assertEquals(7, s.seed());
            assertEquals(3, s.replicationsPerPoint());
            assertEquals("/s/sweep.json", s.source());
            assertEquals(
                    "{\"format\":\"frontier-sweep-results/1\",\"points\":[]}",
                    ws.sweeps().results(id));
            List<SweepPointRecord> pts = ws.sweeps().points(id);
            assertEquals(sweep("x").points(), pts, "NaN (no metric) comes back as NaN");
            assertNull(ws.sweeps().find(99));
            assertNull(ws.sweeps().results(99));
            assertTrue(ws.sweeps().delete(id));
            assertFalse(ws.sweeps().delete(id));
            assertTrue(ws.sweeps().points(id).isEmpty(), "points go with their sweep");
            assertEquals(1, ws.sweeps().list().size());
        }
    }

    @Test
    void aVersion2WorkspaceOpensMigratedToVersion3WithItsBillingDataIntact() throws Exception {
        Path file = dir.resolve("v2.sqlite");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement s = c.createStatement()) {
            for (String m : Schema.MIGRATIONS.subList(0, 2))
                for (String sql : m.split(";\\s*\\n")) if (!sql.isBlank()) s.execute(sql);
            s.execute("PRAGMA user_version = 2");
            s.execute(
                    "INSERT INTO imports VALUES (1, '/old/focus.csv', 'FOCUS 1.0', 'both', 'abc', 10, 2, 1725148800, 1725235200,"
                            + " '2024-09-02T00:00:00Z', 0.1, 1, 2)");
            s.execute("INSERT INTO import_accounts VALUES (1, 'AWS', 'acct', 1725148800, 1725235200, 2)");
            s.execute(
                    "INSERT INTO dims(id, provider, billing_account, service, charge_category, pricing_model, currency, instance_type,"
                            + " gpu_count) VALUES (1, 'AWS', 'acct', 'Amazon EC2', 'usage', 'on_demand', 'USD', 'p4d.24xlarge', 8)");
            s.execute(
                    "INSERT INTO charges(import_id, dim_id, period_start, period_end, billed_cost, effective_cost, list_cost)"
                            + " VALUES (1, 1, 1725148800, 1725152400, '32.7726', '30.5', '40')");
            s.execute(
                    "INSERT INTO charges(import_id, dim_id, period_start, period_end, billed_cost, effective_cost, list_cost)"
                            + " VALUES (1, 1, 1725152400, 1725156000, '32.7726', '30.5', '40')");
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(Schema.MIGRATIONS.size(), ws.schemaVersion(), "migrated to the latest version");
            assertEquals(1, ws.billing().imports().size());
            assertEquals(2, ws.chargeCount());
            CostRow row = ws.costs()
                    .totals(CostQuery.of(Dimension.INSTANCE_TYPE, Dimension.GPU_COUNT))
                    .getFirst();
            assertEquals(List.of("p4d.24xlarge", "8"), row.keys());
            assertEquals(
                    0,
                    new BigDecimal("65.5452").compareTo(row.billed()),
                    row.billed().toString());
            assertEquals(
                    0,
                    new BigDecimal("61").compareTo(row.effective()),
                    row.effective().toString());
            assertEquals(
                    0, new BigDecimal("80").compareTo(row.list()), row.list().toString());
            assertTrue(ws.sweeps().list().isEmpty());
            assertEquals(1, ws.sweeps().save(sweep("after migration")));
            Path f = Files.writeString(
                    dir.resolve("new.csv"),
                    "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,"
                            + "BillingAccountId,ChargeCategory,PricingCategory,ProviderName,ServiceName\n"
                            + "3,3,2024-10-01T00:00:00Z,2024-10-02T00:00:00Z,USD,other,Usage,Standard,AWS,Amazon EC2\n");
            ws.billing().importFile(f, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            assertEquals(3, ws.chargeCount());
        }
        try (Workspace ws = Workspace.open(file)) {
            assertEquals(
                    Schema.MIGRATIONS.size(), ws.schemaVersion(), "reopening a migrated workspace changes nothing");
            assertEquals(1, ws.sweeps().list().size());
            assertEquals(3, ws.chargeCount());
        }
    }
}
