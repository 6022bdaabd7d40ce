package frontier.ingest;

import java.math.BigDecimal;

/** Turns the rows of one export format into {@link Charge}s; built once per file part from its header. */
abstract class RowMapper {
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
            last = v;
            lastValue = t;
            return t;
        }
    }

    static long end(Row r, TimeColumn endColumn, long start) {
        long end = endColumn.read(r);
        if (end < start) throw r.bad(endColumn.index, "a time not before the start of the charge period");
        return end;
    }
}
