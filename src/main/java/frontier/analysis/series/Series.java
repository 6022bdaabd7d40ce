package frontier.analysis.series;

import frontier.sim.BadInputException;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A daily series laid out on consecutive days from its first date to its last: {@code y[i]} is the value
 * of day first + i, NaN where the day is missing or its value unknown.
 */
record Series(long firstEpochDay, double[] y, long[] epochDays) {
    /** Longest span of days accepted (100 years); longer usually means a wrong date. */
    static final int MAX_SPAN_DAYS = 36_600;

    static Series of(String what, LocalDate[] days, double[] values) {
        if (days == null || values == null) throw new BadInputException(what + ": dates and values are required");
        if (days.length != values.length) {
            throw new BadInputException(
                    what + ": " + days.length + " dates but " + values.length + " values; expected one value per date");
        }
        long[] epoch = new long[days.length];
        for (int j = 0; j < days.length; j++) {
            if (days[j] == null) throw new BadInputException(what + ": date [" + j + "] is missing");
            epoch[j] = days[j].toEpochDay();
            if (j > 0 && epoch[j] <= epoch[j - 1]) {
                throw new BadInputException(what + ": date [" + j + "] " + days[j] + " is not after date [" + (j - 1)
                        + "] " + days[j - 1] + "; expected dates in increasing order without repeats");
            }
            if (Double.isInfinite(values[j])) {
                throw new BadInputException(what + ": value [" + j + "] (" + days[j] + ") is " + values[j]
                        + "; expected a finite number, or NaN for unknown");
            }
        }
        if (days.length == 0) return new Series(0, new double[0], epoch);
        long span = epoch[epoch.length - 1] - epoch[0] + 1;
        if (span > MAX_SPAN_DAYS) {
            throw new BadInputException(what + ": dates run from " + days[0] + " to " + days[days.length - 1]
                    + ", more than 100 years; check the dates");
        }
        double[] y = new double[(int) span];
        Arrays.fill(y, Double.NaN);
        for (int j = 0; j < days.length; j++) y[(int) (epoch[j] - epoch[0])] = values[j];
        return new Series(epoch[0], y, epoch);
    }

    /** Position in {@link #y()} of the j-th input date. */
    int index(int j) {
        return (int) (epochDays[j] - firstEpochDay);
    }

    int observed() {
        int n = 0;
        for (double v : y) if (!Double.isNaN(v)) n++;
        return n;
    }
}
