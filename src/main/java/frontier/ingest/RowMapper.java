package frontier.ingest;

import java.math.BigDecimal;

/** Turns the rows of one export format into {@link Charge}s; built once per file part from its header. */
abstract class RowMapper {
    /**
     * The window a charge period must lie in, 2000-01-01 to 2100-01-01 UTC: outside it a date is a corrupt or
     * placeholder value (9999-12-31, 1970-01-01), and storing it would make every later import of the account
     * an overlap and spread one line over millions of days.
     */
    static final long EARLIEST = 946_684_800L;

    static final long LATEST = 4_102_444_800L;
    /**
     * Longest charge period of one line: a billing month (31 days) plus 4 days of slack for time zones and
     * periods cut at a provider's own boundaries. Monthly fees, taxes and commitment purchases (one line per
     * month, FOCUS and CUR alike) stay within it; no real export line covers more than a billing period.
     */
    static final long MAX_PERIOD = 35 * 86_400L;

    private static final String WINDOW =
            "a date-time from 2000-01-01 to 2100-01-01 (a date outside that window is a corrupt line)";

    /** The charge of this row; throws BadInputException naming file, line and column when a value is unusable. */
    abstract Charge map(Row row);

    static String text(Row r, int i) {
        return i < 0 ? null : r.get(i);
    }

    static boolean is(Row r, int i, String value) {
        String v = text(r, i);
        return v != null && v.equalsIgnoreCase(value);
    }

    static BigDecimal money(Row r, int i, boolean required) {
        if (i < 0) return null;
        String v = r.get(i);
        if (v == null) {
            if (required) throw r.bad(i, "a decimal number");
            return null;
        }
        BigDecimal d = Values.decimal(v);
        if (d == null) {
            if (v.equalsIgnoreCase("NULL") && !required) return null;
            throw r.bad(i, "a decimal number (like 12.50 or -0.0003)");
        }
        return d;
    }

    static BigDecimal quantity(Row r, int i) {
        if (i < 0) return null;
        String v = r.get(i);
        if (v == null || v.equalsIgnoreCase("NULL")) return null;
        BigDecimal d = Values.decimal(v);
        if (d == null) throw r.bad(i, "a decimal number");
        return d;
    }

    /** A timestamp column with a one-entry cache: exports repeat the same hour on thousands of rows. */
    static final class TimeColumn {
        final int index;
        private String last;
        private long lastValue;

        TimeColumn(int index) {
            this.index = index;
        }

        long read(Row r) {
            String v = r.get(index);
            if (v == null) throw r.bad(index, "a date-time like 2024-09-01T00:00:00Z");
            if (v.equals(last)) return lastValue;
            long t = Values.epochSeconds(v);
            if (t == Values.INVALID) throw r.bad(index, "a date-time like 2024-09-01T00:00:00Z or 2024-09-01 00:00:00");
            if (t < EARLIEST || t > LATEST) throw r.bad(index, WINDOW);
            last = v;
            lastValue = t;
            return t;
        }
    }

    static long end(Row r, TimeColumn endColumn, long start) {
        long end = endColumn.read(r);
        if (end < start) throw r.bad(endColumn.index, "a time not before the start of the charge period");
        if (end - start > MAX_PERIOD) {
            throw r.bad(
                    endColumn.index,
                    "a charge period of at most 35 days (a billing month and some slack); this line's covers "
                            + String.format(java.util.Locale.ROOT, "%,.1f", (end - start) / 86400.0) + " days from "
                            + java.time.Instant.ofEpochSecond(start));
        }
        return end;
    }
}
