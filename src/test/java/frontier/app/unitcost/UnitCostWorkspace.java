package frontier.app.unitcost;

import frontier.ingest.ReadOptions;
import frontier.store.ImportMonitor;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;

/**
 * A workspace for the unit-cost tests, with answers known by construction. {@value #DAYS} days from
 * {@link #FIRST} (a Monday). Bill (FOCUS CSV, imported): endpoint "chat" 48.00 a day (48 on-demand
 * instance-hours, tag endpoint=chat), endpoint "embed" 2.00 a day (serverless, tag endpoint=embed),
 * 5.00 a day of untagged storage. Request logs (rows of {@code request_days}, as a log import writes
 * them): chat on model "llama", 20,000 requests on weekdays and 12,000 at weekends, embed on model
 * "bge", 4,000, each times 1 ± 3% seeded noise; on {@link #DROP} chat serves only {@value #DROP_REQUESTS}
 * requests, so its cost per 1,000 jumps about threefold: the injected anomaly.
 */
final class UnitCostWorkspace {
    static final LocalDate FIRST = LocalDate.of(2024, 9, 2);
    static final int DAYS = 42;
    static final LocalDate DROP = FIRST.plusDays(30);
    static final long DROP_REQUESTS = 6_000;

    private static final String HEADER =
            "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                    + "ChargeCategory,PricingCategory,ProviderName,ServiceName,ResourceId,x_InstanceType,ConsumedQuantity,ConsumedUnit,Tags\n";

    private UnitCostWorkspace() {}

    /** The bill of every day, imported into the workspace at {@code ws} (created if needed). */
    static void importBill(Path ws) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = FIRST.plusDays(i);
            String s = d + "T00:00:00Z", e = d.plusDays(1) + "T00:00:00Z";
            line(
                    b,
                    "48.00",
                    s,
                    e,
                    "Standard",
                    "Amazon EC2",
                    "i-chat",
                    "g5.2xlarge",
                    "48",
                    "Hours",
                    "{\"endpoint\":\"chat\"}");
            line(
                    b,
                    "2.00",
                    s,
                    e,
                    "Standard",
                    "AWS Lambda",
                    "fn-embed",
                    "",
                    "4000",
                    "Requests",
                    "{\"endpoint\":\"embed\"}");
            line(b, "5.00", s, e, "Standard", "Amazon S3", "bucket", "", "100", "GB-Mo", null);
        }
        importCsv(ws, b, "bill.csv");
    }

    /** The same bill without any tags: nothing says which endpoint a line belongs to. */
    static void importUntaggedBill(Path ws) {
        StringBuilder b = new StringBuilder(HEADER);
        for (int i = 0; i < DAYS; i++) {
            LocalDate d = FIRST.plusDays(i);
            String s = d + "T00:00:00Z", e = d.plusDays(1) + "T00:00:00Z";
            line(b, "48.00", s, e, "Standard", "Amazon EC2", "i-chat", "g5.2xlarge", "48", "Hours", null);
            line(b, "2.00", s, e, "Standard", "AWS Lambda", "fn-embed", "", "4000", "Requests", null);
            line(b, "5.00", s, e, "Standard", "Amazon S3", "bucket", "", "100", "GB-Mo", null);
        }
        importCsv(ws, b, "untagged.csv");
    }

    /** One extra day of chat cost before the logs start (not charted). */
    static void importCostBeforeTheLogs(Path ws) {
        StringBuilder b = new StringBuilder(HEADER);
        LocalDate d = FIRST.minusDays(1);
        line(
                b,
                "30.00",
                d + "T00:00:00Z",
                FIRST + "T00:00:00Z",
                "Standard",
                "Amazon EC2",
                "i-chat",
                "g5.2xlarge",
                "30",
                "Hours",
                "{\"endpoint\":\"chat\"}");
        importCsv(ws, b, "early.csv");
    }

    private static void importCsv(Path ws, StringBuilder csv, String name) {
        try {
            Path f = Files.writeString(ws.resolveSibling(ws.getFileName() + "-" + name), csv);
            try (Workspace w = Workspace.open(ws)) {
                w.billing().importFile(f, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(
            StringBuilder b,
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
        b.append(String.join(
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

    /** Noise factors 1 ± 3%, from one seeded stream: chat's of day i at 2i, embed's at 2i + 1. */
    private static final double[] NOISE = new Random(20240902)
            .doubles(2 * DAYS)
            .map(u -> 1 + 0.03 * (2 * u - 1))
            .toArray();

    static long chatRequests(int day) {
        LocalDate d = FIRST.plusDays(day);
        if (d.equals(DROP)) return DROP_REQUESTS;
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return Math.round((weekend ? 12_000 : 20_000) * NOISE[2 * day]);
    }

    static long embedRequests(int day) {
        return Math.round(4_000 * NOISE[2 * day + 1]);
    }

    /**
     * Writes the request logs' per-day aggregate with plain JDBC into the workspace's v4 tables, as a log import
     * would (the log importer is not in this build).
     */
    static void insertRequests(Path ws) {
        try (Workspace w = Workspace.open(ws)) {
            w.schemaVersion(); // creates and migrates the file
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO log_imports(id, source, mapping, sha256, bytes, imported_at) VALUES (1, 'requests.csv', '{}', 'x', 0, 'now')");
            s.executeUpdate(
                    "INSERT INTO log_dims(id, model, endpoint) VALUES (1, 'llama', 'chat'), (2, 'bge', 'embed')");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO request_days VALUES (1, ?, ?, ?, 0, ?, ?, ?)")) {
                for (int i = 0; i < DAYS; i++) {
                    String day = FIRST.plusDays(i).toString();
                    long chat = chatRequests(i);
                    long embed = embedRequests(i);
                    // 300 input and 200 output tokens per chat request, 50 input per embedding; 1.5 s of latency per
                    // chat request.
                    add(p, day, 1, chat, chat * 300, chat * 200, chat * 1.5);
                    add(p, day, 2, embed, embed * 50, 0, embed * 0.02);
                }
                p.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(PreparedStatement p, String day, int dim, long n, long in, long out, double busy)
            throws SQLException {
        p.setString(1, day);
        p.setInt(2, dim);
        p.setLong(3, n);
        p.setLong(4, in);
        p.setLong(5, out);
        p.setDouble(6, busy);
        p.addBatch();
    }

    /** A workspace with the bill and the logs. */
    static Path full(Path dir, String name) {
        Path ws = dir.resolve(name);
        importBill(ws);
        insertRequests(ws);
        return ws;
    }
}
