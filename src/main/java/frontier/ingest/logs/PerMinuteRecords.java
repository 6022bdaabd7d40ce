package frontier.ingest.logs;

import frontier.sim.BadInputException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invocation counts per function and minute of a day (Azure Functions 2019: HashOwner, HashApp,
 * HashFunction, Trigger, then columns 1 … 1440), turned back into one record per invocation. The n
 * invocations of a minute are placed uniformly at random within it, generated already sorted (the
 * order statistics of n uniforms, one at a time, so a huge count needs no memory), from a random
 * stream seeded by the row's descriptive fields: the same file gives the same arrivals, whatever the
 * row order. The synthetic field {@code timestamp} holds seconds since the start of the day plus
 * {@code dayOffset}; the other non-minute columns are fields as in a CSV.
 */
final class PerMinuteRecords extends Records {
    private static final String TIME = "timestamp";
    /** Far above any real function (16 million a second); a larger count is a corrupt cell, not a day to spend generating it. */
    private static final long MAX_PER_MINUTE = 1_000_000_000L;

    private final CsvRecords csv;
    private final int[] minuteColumn;
    private final int[] minuteOf;
    private final List<String> names = new ArrayList<>();
    private final int[] fieldColumn;
    private final double dayOffset;
    private SplittableRandom random;
    private int minute = -1;
    private long remaining;
    private double u;
    private double time;
    private boolean haveRow;

    PerMinuteRecords(Reader in, String file, double dayOffset, frontier.ingest.InputLimits limits) {
        super(file);
        this.csv = new CsvRecords(in, file, limits);
        this.dayOffset = dayOffset;
        List<String> header = csv.names();
        List<Integer> cols = new ArrayList<>();
        List<Integer> minutes = new ArrayList<>();
        List<Integer> fields = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            int m = h.matches("\\d{1,4}") ? Integer.parseInt(h) : -1;
            if (m >= 1 && m <= 1440) {
                cols.add(i);
                minutes.add(m);
                csv.exclude(i);
            } else {
                fields.add(i);
                names.add(h);
            }
        }
        if (cols.isEmpty()) {
            throw new BadInputException(
                    file
                            + ": line 1: expected per-minute count columns named 1 … 1440 (Azure Functions 2019 layout), found none");
        }
        names.add(TIME);
        minuteColumn = cols.stream().mapToInt(Integer::intValue).toArray();
        minuteOf = minutes.stream().mapToInt(Integer::intValue).toArray();
        fieldColumn = fields.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    List<String> names() {
        return names;
    }

    @Override
    Field field(String spec) {
        for (String name : spec.split("\\|")) {
            if (name.strip().equals(TIME)) return new Field(TIME, -1, List.of(TIME));
            Field f = csv.field(name);
            if (f != null && indexOf(f.index()) >= 0) return f;
        }
        return null;
    }

    private int indexOf(int column) {
        for (int c : fieldColumn) if (c == column) return c;
        return -1;
    }

    @Override
    List<Integer> copies(Field f) {
        return csv.copies(f);
    }

    @Override
    boolean next() {
        while (remaining == 0) {
            if (!haveRow || ++minute >= minuteColumn.length) {
                if (!csv.next()) return false;
                haveRow = true;
                minute = 0;
                random = new SplittableRandom(seed());
            }
            int col = minuteColumn[minute];
            String v = csv.text(col);
            if (v == null) continue;
            long n = Times.count(v.strip());
            if (n < 0 || n > MAX_PER_MINUTE) {
                throw new BadInputException(file + ": line " + csv.line() + ", " + csv.describe(col)
                        + ": expected a whole number of invocations in the minute (at most 10^9), got '"
                        + (v.length() > 60 ? v.substring(0, 60) + "…" : v) + "'");
            }
            remaining = n;
            u = 0;
        }
        // The next order statistic of `remaining` uniforms above u: 1 − (1 − u)·V^(1/remaining).
        u = 1 - (1 - u) * Math.pow(random.nextDouble(), 1.0 / remaining);
        remaining--;
        time = dayOffset + (minuteOf[minute] - 1) * 60.0 + Math.min(u, Math.nextDown(1.0)) * 60.0;
        return true;
    }

    private long seed() {
        long h = 0x9E3779B97F4A7C15L;
        for (int c : fieldColumn) {
            String v = csv.text(c);
            h = (h ^ (v == null ? 0 : v.hashCode())) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h ^ Double.doubleToLongBits(dayOffset);
    }

    @Override
    String text(Field f) {
        return f.index() < 0 ? Double.toString(time) : csv.text(f);
    }

    @Override
    long line() {
        return csv.line();
    }

    @Override
    String describe(Field f) {
        return f.index() < 0 ? "the arrivals spread from " + csv.describe(minuteColumn[minute]) : csv.describe(f);
    }

    @Override
    void exclude(Field f) {
        if (f.index() >= 0) csv.exclude(f);
    }

    @Override
    String attrs() {
        return csv.attrs();
    }

    @Override
    public void close() {
        csv.close();
    }
}
