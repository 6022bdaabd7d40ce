package frontier.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.ingest.CostBasis;
import frontier.ingest.logs.LogMapping;
import frontier.store.ImportRecord;
import frontier.store.LogImportRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the import history shows of billing and request-log imports. */
class ImportEntryTest {
    private static final String MAPPING = LogMapping.fromMap(
                    Map.of("layout", "csv", "timestamp", "ts", "timestamp_kind", "iso"))
            .toJson();

    private static LogImportRecord log(String preset, Double first, Double last) {
        return new LogImportRecord(4, "/data/gw.csv", preset, MAPPING, "ab", 10, 2, first, last, Instant.EPOCH, 0.5);
    }

    @Test
    void logPeriodRunsToTheMinuteAndRepeatsTheDateOnlyWhenItChanges() {
        double day = 1_700_000_000 - 1_700_000_000 % 86400; // 2023-11-14T00:00Z
        assertEquals(
                "2023-11-14 23:59 – 2023-11-15 00:00",
                ImportEntry.of(log(null, day + 86399.9, day + 86400.2)).period());
        assertEquals(
                "2023-11-14 00:00 – 13:20",
                ImportEntry.of(log(null, day, day + 48000.0)).period());
        assertEquals("", ImportEntry.of(log(null, null, null)).period(), "an import without requests has no period");
    }

    @Test
    void logsShowTheirKindPresetAndMapping() {
        ImportEntry detected = ImportEntry.of(log(null, 0.0, 1.0));
        assertEquals("requests", detected.kind());
        assertEquals("detected mapping", detected.format());
        assertEquals(
                "preset burstgpt", ImportEntry.of(log("burstgpt", 0.0, 1.0)).format());
        assertEquals("request-log import #4 (gw.csv)", detected.describe());
        assertTrue(detected.details().startsWith("/data/gw.csv\nSHA-256 ab\n"), detected.details());
        assertTrue(
                detected.details().contains("\nMapping: timestamp=ts (iso)"),
                "the mapping used is shown: " + detected.details());
        assertEquals("", detected.basis());
    }

    @Test
    void billingImportsKeepTheirChargePeriod() {
        ImportRecord r = new ImportRecord(
                7,
                "/x/focus.csv",
                "FOCUS 1.2",
                CostBasis.BOTH,
                "cd",
                5,
                3,
                1_727_740_800L,
                1_730_419_200L,
                Instant.EPOCH,
                0.1,
                "AWS 123");
        ImportEntry e = ImportEntry.of(r);
        assertEquals("billing", e.kind());
        assertEquals("2024-10-01 – 2024-11-01", e.period());
        assertEquals("billing import #7 (focus.csv)", e.describe());
    }

    @Test
    void exactlyOneRecord() {
        assertThrows(IllegalArgumentException.class, () -> new ImportEntry(null, null));
    }
}
