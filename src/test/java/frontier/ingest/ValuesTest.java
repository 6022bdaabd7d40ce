package frontier.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static long t(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    @Test
    void timestampsOfEveryProviderAreReadAsUtc() {
        long expected = t("2024-09-18T22:00:00Z");
        assertEquals(expected, Values.epochSeconds("2024-09-18T22:00:00Z"), "AWS CUR");
        assertEquals(expected, Values.epochSeconds("2024-09-18 22:00:00"), "FOCUS sample");
        assertEquals(expected, Values.epochSeconds("2024-09-18T22:00:00.000Z"));
        assertEquals(expected, Values.epochSeconds("2024-09-18 22:00:00 UTC"), "BigQuery CSV");
        assertEquals(expected, Values.epochSeconds("2024-09-18T15:00:00-07:00"), "offset honoured");
        assertEquals(expected, Values.epochSeconds("2024-09-18T22:00Z"), "OCI, no seconds");
        assertEquals(t("2023-09-21T00:00:00Z"), Values.epochSeconds("09/21/2023"), "Azure US date");
        assertEquals(t("2023-09-02T00:00:00Z"), Values.epochSeconds("9/2/2023"));
        assertEquals(t("2023-09-02T00:00:00Z"), Values.epochSeconds("2023-09-02"));
    }

    @Test
    void impossibleTimestampsAreInvalid() {
        for (String s : new String[] {
            "",
            "2024-13-01",
            "2024-02-30",
            "2024-09-18T25:00:00Z",
            "yesterday",
            "13/40/2023",
            "2024-09-18T22:00:00+99:00",
            "2024-09-18T22:00:00 CEST",
            "2024-09-18T22"
        }) {
            assertEquals(Values.INVALID, Values.epochSeconds(s), s);
        }
    }

    @Test
    void decimalsAreExactAndAbsurdOnesAreRefused() {
        assertEquals(new BigDecimal("0.00000080000"), Values.decimal("0.00000080000"));
        assertEquals(new BigDecimal("-1.5E-7"), Values.decimal(" -1.5E-7 "));
        assertNull(Values.decimal("1,5"));
        assertNull(Values.decimal("NaN"));
        assertNull(Values.decimal("1E+999999999"), "would print a billion digits");
    }
}
