package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        return new Charge(
                1,
                start,
                end,
                "AWS",
                "123",
                "456",
                service,
                "Compute",
                region,
                "i-1",
                null,
                "SKU",
                "p4d.24xlarge",
                8,
                ChargeCategory.USAGE,
                null,
                PricingModel.SPOT,
                null,
                null,
                "USD",
                new BigDecimal(billed),
                new BigDecimal(billed),
                null,
                new BigDecimal("1.5"),
                "Hrs",
                null,
                null,
                tags);
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
        r.add(charge(
                day,
                day + 3600,
                "Odd, \"quoted\" service",
                "NULL",
                "1.10",
                "{\"cost centre\":\" 42 \",\"env\":\"prod\",\"team\":\"a,b\"}"));
        r.add(charge(day + 86_400, day + 90_000, "=HYPERLINK(\"http://x\")", null, "-0.000001", null));
        StringWriter w = new StringWriter();
        w.write(DailyRollup.header(List.of("team", "cost centre")) + "\n");
        List<Map.Entry<DailyRollup.Key, DailyRollup.Sums>> groups =
                new ArrayList<>(r.groups().entrySet());
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
        assertEquals(
                "=HYPERLINK(\"http://x\")",
                b.service(),
                "a formula-like value is neutralised in the file and read back as it was");
        assertTrue(w.toString().contains("\"'=HYPERLINK("), w.toString());
        assertNull(b.region());
        assertNull(b.tags());
        assertEquals(new BigDecimal("-0.000001"), b.billedCost());
    }

    @Test
    void aBadDayNamesFileLineAndColumn() throws IOException {
        Path file = tmp.resolve("bad.csv");
        String header = DailyRollup.header(List.of());
        Files.writeString(
                file,
                header
                        + "\n2025-06-01,AWS,1,,EC2,,,,,on_demand,usage,,USD,,1,1,1,,1\n2025-13-01,AWS,1,,EC2,,,,,on_demand,usage,,USD,,1,1,1,,1\n");
        BadInputException e = assertThrows(BadInputException.class, () -> {
            try (BillingSource s = BillingSource.open(file, ReadOptions.DETECT)) {
                while (s.next() != null) {
                    // reading is the point
                }
            }
        });
        assertEquals(
                file + ": line 3, column 1 (day): expected a UTC day like 2025-06-01, got '2025-13-01'",
                e.getMessage());
    }

    @Test
    void aTagKeyGivenTwiceIsBadInput() {
        assertThrows(BadInputException.class, () -> new DailyRollup(List.of("team", "team")));
    }

    @Test
    void aMangledRollupFileIsBadInputNeverACrash() throws IOException {
        // 300 mutations (characters replaced, removed, inserted; lines cut) of a valid file: each reads or fails as bad
        // input.
        String header = DailyRollup.header(List.of("team"));
        String valid = header
                + "\n2025-06-01,AWS,123,456,EC2,Compute,us-east-1,p4d.24xlarge,8,spot,usage,,USD,Hrs,1.5,1.25,3,2,2,search\n"
                + "2025-06-02,AWS,123,,\"a,b\",,,,,on_demand,tax,Correction,USD,,-0.01,,,,1,\n";
        Path ok = tmp.resolve("valid.csv");
        Files.writeString(ok, valid, StandardCharsets.UTF_8);
        int read = 0;
        try (BillingSource s = BillingSource.open(ok, ReadOptions.DETECT)) {
            while (s.next() != null) read++;
        }
        assertEquals(2, read, "the unmangled file reads");
        String alphabet = ",\"\n0123456789-.:eE+NULnul x\u00e9'=";
        for (int seed = 0; seed < 300; seed++) {
            java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
            StringBuilder b = new StringBuilder(valid);
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = header.length() + 1 + rnd.nextInt(b.length() - header.length() - 1);
                char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
                switch (rnd.nextInt(3)) {
                    case 0 -> b.setCharAt(at, c);
                    case 1 -> b.deleteCharAt(at);
                    default -> b.insert(at, c);
                }
            }
            Path f = tmp.resolve("fuzz-" + seed + ".csv");
            Files.writeString(f, b, StandardCharsets.UTF_8);
            try (BillingSource s = BillingSource.open(f, new ReadOptions(BillingFormat.ROLLUP, null))) {
                while (s.next() != null) {
                    // reading is the point
                }
            } catch (BadInputException expected) {
                assertTrue(expected.getMessage().startsWith(f.toString()), expected.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " threw " + e + " on:\n" + b, e);
            }
        }
    }
}
