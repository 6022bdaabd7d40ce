package frontier.ingest.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
    /** Doubles near 2^31 s hold about 0.24 µs; 1 µs is the precision promised for stored times. */
    private static final double MICRO = 1e-6;

    private static double epoch(String isoInstant) {
        Instant t = Instant.parse(isoInstant);
        return t.getEpochSecond() + t.getNano() / 1e9;
    }

    @Test
    void isoWithSpaceOrTAnyPrecisionAndOffsetAgreesWithJavaTime() {
        assertEquals(epoch("2023-11-16T18:17:03.979960Z"), Times.iso("2023-11-16 18:17:03.9799600"), MICRO);
        assertEquals(epoch("2024-05-10T00:00:00.009930Z"), Times.iso("2024-05-10 00:00:00.009930+00:00"), MICRO);
        assertEquals(epoch("2024-05-10T00:00:01Z"), Times.iso("2024-05-10 00:00:01+00:00"), MICRO);
        assertEquals(
                epoch("2018-10-15T13:56:18.976Z"),
                Times.iso("2018-10-15T13:56:18,976"),
                MICRO,
                "log4j's ISO8601 uses a comma");
        assertEquals(epoch("2024-01-01T08:00:00Z"), Times.iso("2024-01-01T10:00:00+02:00"), MICRO);
        assertEquals(epoch("2024-01-01T11:30:00Z"), Times.iso("2024-01-01T10:00:00-0130"), MICRO);
        assertEquals(epoch("2024-01-01T10:00:00Z"), Times.iso("2024-01-01 10:00:00 UTC"), MICRO);
        assertEquals(epoch("2024-01-01T10:00:00Z"), Times.iso("2024-01-01T10:00"), MICRO, "seconds are optional");
        assertEquals(epoch("2024-02-29T00:00:00Z"), Times.iso("2024-02-29"), MICRO, "a bare date is midnight");
        assertEquals(epoch("1969-12-31T23:59:59.5Z"), Times.iso("1969-12-31T23:59:59.5Z"), MICRO);
        assertTrue(Times.hasOffset("2024-05-10 00:00:00.009930+00:00") && Times.hasOffset("2024-01-01T10:00:00Z"));
        assertFalse(Times.hasOffset("2023-11-16 18:17:03.9799600") || Times.hasOffset("2024-01-01"));
    }

    @Test
    void randomInstantsRoundTripThroughSeveralSpellings() {
        SplittableRandom r = new SplittableRandom(7);
        DateTimeFormatter[] formats = {
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS")
        };
        for (int i = 0; i < 5000; i++) {
            long sec = r.nextLong(-2_000_000_000L, 4_000_000_000L);
            int nanos = r.nextInt(1_000_000_000);
            LocalDateTime t = LocalDateTime.ofEpochSecond(sec, nanos, ZoneOffset.UTC);
            DateTimeFormatter f = formats[i % formats.length];
            String s = t.format(f);
            Instant parsed = LocalDateTime.parse(s, f).toInstant(ZoneOffset.UTC);
            double expected = parsed.getEpochSecond() + parsed.getNano() / 1e9;
            assertEquals(expected, Times.iso(s), MICRO * 4, s);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-02-30 00:00:00",
                "2023-02-29",
                "2024-13-01T00:00:00",
                "2024-01-01T24:00:00",
                "2024-01-01T10:60:00",
                "2024-01-01 10:00:00.",
                "2024-01-01 10:00:00.1234567890",
                "2024-01-01T10:00:00+19:00",
                "2024-01-01T10:00:00 +",
                "2024/01/01 10:00:00",
                "20240101T100000",
                "yesterday",
                "",
                "2024-01-01T10:00:00Zulu",
                "0000-01-01"
            })
    void invalidIsoIsNaN(String s) {
        assertTrue(Double.isNaN(Times.iso(s)), s);
    }

    @Test
    void numbersAreStrict() {
        assertEquals(1662859290.0, Times.number("1662859290.0"));
        assertEquals(-1.5e-3, Times.number("-1.5E-3"));
        assertEquals(123456789012345678.0, Times.number("123456789012345678"));
        for (String s : new String[] {"NaN", "Infinity", "1.5d", "0x10", "1e", "--1", "1 ", "", ".", "1e999"}) {
            assertTrue(Double.isNaN(Times.number(s)), s);
        }
        assertEquals(12, Times.count("12.0"));
        assertEquals(-1, Times.count("12.5"));
        assertEquals(-1, Times.count("-3"));
        assertEquals(1700000000.123456789, Times.nanos("1700000000123456789"), MICRO);
        assertEquals(-0.5, Times.nanos("-500000000"), 1e-12);
    }
}
