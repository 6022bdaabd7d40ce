package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 35 days of a chat endpoint: $48 a day (two instances at $1/h), 24,000 requests a day on weekdays and
 * 12,000 at weekends, except one weekday with 4,000 (so its cost per 1,000 jumps from $2 to $12).
 */
class ForecastCliTest {
    @TempDir
    Path dir;

    static final LocalDate START = LocalDate.of(2026, 9, 1);
    static final LocalDate SPIKE = START.plusDays(22);

    private String workspace() throws Exception {
        StringBuilder bill = new StringBuilder(
                "BilledCost,EffectiveCost,ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BillingAccountId,"
                        + "ChargeCategory,PricingCategory,ProviderName,ServiceName,ResourceId,ConsumedQuantity,ConsumedUnit,Tags\n");
        for (int d = 0; d < 35; d++) {
            LocalDate day = START.plusDays(d);
            for (String id : new String[] {"i-1", "i-2"}) {
                bill.append(String.format(
                        "24,24,%sT00:00:00Z,%sT00:00:00Z,USD,a,Usage,Standard,AWS,Amazon EC2,%s,24,Hours,\"{\"\"endpoint\"\":\"\"chat\"\"}\"%n",
                        day, day.plusDays(1), id));
            }
        }
        Path f = Files.writeString(dir.resolve("bill.csv"), bill);
        String ws = dir.resolve("ws.sqlite").toString();
        assertEquals(0, CliRun.of("import", "-w", ws, f.toString()).code());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ws);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO log_imports(id, source, mapping, sha256, bytes, imported_at) VALUES (1,'t','{}','x',0,'now')");
            s.executeUpdate("INSERT INTO log_dims(id, model, endpoint) VALUES (1, 'llama', 'chat')");
            for (int d = 0; d < 35; d++) {
                LocalDate day = START.plusDays(d);
                boolean weekend = day.getDayOfWeek().getValue() >= 6;
                long n = day.equals(SPIKE) ? 4_000 : weekend ? 12_000 : 24_000;
                s.executeUpdate("INSERT INTO request_days VALUES (1, '" + day + "', 1, " + n + ", 0, 0, 0, 0)");
            }
        }
        return ws;
    }

    @Test
    void flagsTheSpikeAndForecastsTheNextMonth() throws Exception {
        assertTrue(SPIKE.getDayOfWeek().getValue() < 6, "the spike is on a weekday");
        String ws = workspace();
        CliRun r = CliRun.of("forecast", "-w", ws, "--days", "30", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(35, j.get("history").get("days").asInt());
        JsonNode anomalies = j.get("anomalies");
        assertEquals(1, anomalies.size(), anomalies.toString());
        assertEquals(SPIKE.toString(), anomalies.get(0).get("date").asText());
        assertEquals("up", anomalies.get(0).get("direction").asText());
        // Cost is flat at $48/day: the 30-day total is $1,440 and the interval holds it.
        JsonNode cost = j.get("forecast").get("cost").get("total");
        assertEquals(1440, cost.get("point").asDouble(), 1440 * 0.02);
        // A flat history fits exactly: the interval may shrink to the point, but must hold it.
        assertTrue(
                cost.get("lower").asDouble() <= 1440 + 1e-6 && cost.get("upper").asDouble() >= 1440 - 1e-6,
                cost.toString());
        JsonNode pts = j.get("forecast").get("requests").get("points");
        assertEquals(30, pts.size());
        assertEquals(START.plusDays(35).toString(), pts.get(0).get("date").asText());
        // The weekly pattern carries into the forecast: a forecast Saturday gets fewer requests than a Wednesday.
        double sat = 0, wed = 0;
        for (JsonNode p : pts) {
            int dow = LocalDate.parse(p.get("date").asText()).getDayOfWeek().getValue();
            if (dow == 6) sat = p.get("point").asDouble();
            if (dow == 3) wed = p.get("point").asDouble();
        }
        assertTrue(sat < 0.75 * wed, "saturday " + sat + " vs wednesday " + wed);
        // The spike is fitted at its expected value: the spike's weekday in the forecast costs what other
        // weekdays do ($48 / 24,000 requests = $2.00 per 1,000), not a share of the spike ($12 that day).
        for (JsonNode p : j.get("forecast").get("cost_per_1k_requests").get("points")) {
            if (LocalDate.parse(p.get("date").asText()).getDayOfWeek() == SPIKE.getDayOfWeek()) {
                assertEquals(2.0, p.get("point").asDouble(), 0.02, p.toString());
            }
        }

        CliRun table = CliRun.of("forecast", "-w", ws, "--days", "90");
        assertEquals(0, table.code(), table.err());
        assertTrue(table.out().contains("Next 90 days"), table.out());
        assertTrue(table.out().contains(SPIKE.toString()), table.out());
        assertEquals(2, CliRun.of("forecast", "-w", ws, "--endpoint", "nope").code());
        assertEquals(2, CliRun.of("forecast", "-w", ws, "--days", "0").code());
    }
}
