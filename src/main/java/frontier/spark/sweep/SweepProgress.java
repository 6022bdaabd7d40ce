package frontier.spark.sweep;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Configurations done out of the planned total, with an estimate of the time left (time so far × points left /
 * points done), as lines on a terminal: one each time another 5% is done, and at most one a second otherwise.
 * For {@code nsga2} the total is population × generations, an upper bound (a configuration proposed twice runs once).
 */
public final class SweepProgress {
    private final PrintWriter err;
    private final int total;
    private final LongSupplier clock;
    private final long start;
    private int done;
    private int shownStep = -1;
    private long shownAt = Long.MIN_VALUE;

    public SweepProgress(PrintWriter err, int total, LongSupplier nanoClock) {
        this.err = err;
        this.total = total;
        this.clock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    public SweepProgress(PrintWriter err, int total) {
        this(err, total, System::nanoTime);
    }

    /** {@code k} more configurations finished. */
    public synchronized void add(int k) {
        done += k;
        long now = clock.getAsLong();
        int step = (int) (20L * done / Math.max(1, total));
        if (step > shownStep || now - shownAt >= 1_000_000_000L || done >= total) {
            shownStep = step;
            shownAt = now;
            err.println(line(done, total, (now - start) / 1e9));
            err.flush();
        }
    }

    public synchronized int done() {
        return done;
    }

    /** "sweep: 40/200 configurations (20%), 8 s elapsed, about 32 s left". */
    static String line(int done, int total, double elapsed) {
        String eta = done == 0
                ? ""
                : String.format(Locale.ROOT, ", about %s left", seconds(elapsed * Math.max(0, total - done) / done));
        return String.format(
                Locale.ROOT,
                "sweep: %d/%d configurations (%d%%), %s elapsed%s",
                done,
                total,
                (int) (100L * done / Math.max(1, total)),
                seconds(elapsed),
                eta);
    }

    private static String seconds(double s) {
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", s);
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", (long) s / 60, (long) s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", (long) s / 3600, ((long) s % 3600) / 60);
    }
}
