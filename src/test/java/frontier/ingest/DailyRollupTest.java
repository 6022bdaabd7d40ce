package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import frontier.domain.PricingModel;
import frontier.sim.BadInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frontier-rollup file: what the roll-up writes, the import reads back as the same groups. */
class DailyRollupTest {
    @TempDir
    Path tmp;

    private static Charge charge(long start, long end, String service, String region, String billed, String tags) {
        return new Charge(1, start, end, "AWS", "123", "456", service, "Compute", region, "i-1", null, "SKU", "p4d.24xlarge", 8,
                ChargeCategory.USAGE, null, PricingModel.SPOT, null, null, "USD", new BigDecimal(billed), new BigDecimal(billed),
                null, new BigDecimal("1.5"), "Hrs", null, null, tags);
    }

    @Test
    void aChargeCountsWholeOnTheUtcDayItsPeriodStarts() {
        DailyRollup r = new DailyRollup(List.of());
        long day = 20_000 * DailyRollup.DAY;
        r.add(charge(day + 23 * 3600, day + 25 * 3600, "EC2", "us-east-1", "10.00", null)); // spans midnight
        r.add(charge(day, day + 3600, "EC2", "us-east-1", "0.005", null));
        assertEquals(1, r.groups().size());
        var e = r.groups().entrySet().iterator().next();
        assertEquals(20_000, e.getKey().day());
        assertEquals(0, new BigDecimal("10.005").compareTo(e.getValue().billed()));
        assertNull(e.getValue().list(), "no charge carried a list cost");
        assertEquals(2, e.getValue().lines());
    }

    @Test
    void writtenGroupsReadBackAsTheSameCharges() throws IOException {
        DailyRollup r = new DailyRollup(List.of("team", "cost centre"));
        long day = 20_000 * DailyRollup.DAY;
        r.add(charge(day, day + 3600, "Odd, \"quoted\" service", "NULL", "1.10", "{\"cost centre\":\" 42 \",\"env\":\"prod\",\"team\":\"a,b\"}"));
        r.add(charge(day + 86_400, day + 90_000, "EC2", null, "-0.000001", null));
        StringWriter w = new StringWriter();
        w.write(DailyRollup.header(List.of("team", "cost centre")) + "\n");
        List<Map.Entry<DailyRollup.Key, DailyRollup.Sums>> groups = new ArrayList<>(r.groups().entrySet());
        groups.sort(Map.Entry.comparingByKey(DailyRollup.ORDER));
        for (var g : groups) DailyRollup.write(w, List.of("team", "cost centre"), g.getKey(), g.getValue());
        Path file = tmp.resolve("rollup.csv");
        Files.writeString(file, w.toString(), StandardCharsets.UTF_8);

        List<Charge> back = new ArrayList<>();
        try (BillingSource s = BillingSource.open(file, ReadOptions.DETECT)) {
            for (Charge c = s.next(); c != null; c = s.next()) back.add(c);
            assertEquals(BillingFormat.ROLLUP, s.format());
        }
        assertEquals(2, back.size());
        Charge a = back.get(0);
        assertEquals(day, a.periodStart());
        assertEquals(day + DailyRollup.DAY, a.periodEnd());
        assertEquals("Odd, \"quoted\" service", a.service());
        assertEquals("NULL", a.region(), "a value reading NULL stays a value");
        assertEquals("{\"cost centre\":\" 42 \",\"team\":\"a,b\"}", a.tags(), "only the chosen tags, spaces kept");
        assertEquals(PricingModel.SPOT, a.pricingModel());
        assertEquals(ChargeCategory.USAGE, a.chargeCategory());
        assertEquals(8, a.gpuCount());
        assertEquals("p4d.24xlarge", a.instanceType());
        assertEquals(new BigDecimal("1.1"), a.billedCost());
        assertEquals(new BigDecimal("1.5"), a.quantity());
        assertNull(a.listCost());
        Charge b = back.get(1);
        assertNull(b.region());
        assertNull(b.tags());
        assertEquals(new BigDecimal("-0.000001"), b.billedCost());
    }

    @Test
    void aBadDayNamesFileLineAndColumn() throws IOException {
        Path file = tmp.resolve("bad.csv");
        String header = DailyRollup.header(List.of());
        Files.writeString(file, header + "\n2025-06-01,AWS,1,,EC2,,,,,on_demand,usage,,USD,,1,1,1,,1\n2025-13-01,AWS,1,,EC2,,,,,on_demand,usage,,USD,,1,1,1,,1\n");
        BadInputException e = assertThrows(BadInputException.class, () -> {
            try (BillingSource s = BillingSource.open(file, ReadOptions.DETECT)) {
                while (s.next() != null) {
                    // reading is the point
                }
            }
        });
        assertEquals(file + ": line 3, column 1 (day): expected a UTC day like 2025-06-01, got '2025-13-01'", e.getMessage());
    }

    @Test
    void aTagKeyGivenTwiceIsBadInput() {
        assertThrows(BadInputException.class, () -> new DailyRollup(List.of("team", "team")));
    }
}
