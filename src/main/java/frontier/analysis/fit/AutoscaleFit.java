package frontier.analysis.fit;

import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits an autoscaling policy to the instance count a bill shows over time, against the work the logs show
 * in the same intervals. A utilization-target autoscaler (Kubernetes' HPA, a target-tracking policy) keeps
 * about busy slots ÷ (target × slots per instance) instances, rounded up: so where the count is between its
 * floor and its ceiling, count − ½ ≈ busy / (target × slots), a line through the origin whose slope gives the
 * target (least squares). The floor is the smallest count held, the ceiling the largest; a ceiling held for
 * one interval only is not a limit the fleet hit, so the maximum is left open (twice the largest count).
 *
 * <p>Limits: a bill resolves the count by the hour, so the delays (scale-out, the scale-in window, the
 * cold start) cannot be seen; they keep their defaults and the notes say so. Target and slots per
 * instance enter only as their product: the target is fitted for the given slots.
 */
public final class AutoscaleFit {
    /** Intervals needed for a fit. */
    public static final int MIN_INTERVALS = 3;

    private AutoscaleFit() {}

    /**
     * The fitted policy.
     *
     * @param target       utilization target (0.05 to 1)
     * @param minInstances the smallest count held (at least 1)
     * @param maxInstances the largest count held, or twice it when it was reached in one interval only
     * @param maxReached   whether the fleet stayed at its largest count for two intervals or more
     * @param initial      the count in the first interval
     * @param rmse         root-mean-square error of the fitted count over the intervals, instances
     * @param notes        sentences for the user
     */
    public record Result(
            double target,
            int minInstances,
            int maxInstances,
            boolean maxReached,
            int initial,
            double rmse,
            List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Fits the policy.
     *
     * @param instances mean instances billed in each interval
     * @param busy      mean busy slots in each interval (summed service time ÷ interval length)
     * @param slots     slots per instance
     */
    public static Result fit(double[] instances, double[] busy, int slots) {
        int n = instances.length;
        if (busy.length != n)
            throw new BadInputException(
                    "autoscale fit: " + n + " intervals of instances but " + busy.length + " of busy slots");
        if (n < MIN_INTERVALS)
            throw new BadInputException("autoscale fit: needs " + MIN_INTERVALS + " intervals or more, got " + n);
        if (slots < 1) throw new BadInputException("autoscale fit: slots per instance must be >= 1, got " + slots);
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (double c : instances) {
            lo = Math.min(lo, c);
            hi = Math.max(hi, c);
        }
        int min = Math.max(1, (int) Math.round(lo));
        int top = Math.max(min, (int) Math.ceil(hi - 0.05));
        int atTop = 0;
        for (double c : instances) if (c >= top - 0.25) atTop++;
        boolean maxReached = atTop >= 2 && top > min;
        int max = maxReached ? top : Math.max(top + 1, 2 * top);
        // Slope through the origin over the intervals where the count was neither at its floor nor at its ceiling.
        double sxy = 0, sxx = 0;
        int used = 0;
        for (int i = 0; i < n; i++) {
            double c = instances[i];
            if (c <= min + 0.25 || (maxReached && c >= top - 0.25)) continue;
            double x = busy[i] / slots;
            sxy += x * (c - 0.5);
            sxx += x * x;
            used++;
        }
        List<String> notes = new ArrayList<>();
        double target;
        if (used == 0 || sxy <= 0) {
            // Never off its floor: any target above the busiest interval's utilization at the floor explains it.
            double peak = 0;
            for (int i = 0; i < n; i++) peak = Math.max(peak, busy[i] / (slots * Math.max(1, instances[i])));
            target = Math.min(1, Math.max(0.05, peak));
            notes.add("the instance count never left its floor: target set to the busiest interval's utilization");
        } else {
            target = Math.min(1, Math.max(0.05, sxx / sxy));
        }
        double se = 0;
        for (int i = 0; i < n; i++) {
            double fitted = Math.max(min, Math.min(max, busy[i] / (slots * target) + 0.5));
            se += (fitted - instances[i]) * (fitted - instances[i]);
        }
        double rmse = Math.sqrt(se / n);
        notes.add(String.format(
                Locale.ROOT,
                "autoscaling fitted to the billed instance count per hour: target utilization %.2f with %d slot(s) per instance, "
                        + "%d to %d instances%s (count rmse %.2f); delays and cold start are not visible in an hourly bill: defaults kept",
                target,
                slots,
                min,
                max,
                maxReached ? "" : " (the largest count, " + top + ", was not held: maximum left open at " + max + ")",
                rmse));
        return new Result(
                target,
                min,
                max,
                maxReached,
                Math.max(min, Math.min(max, (int) Math.round(instances[0]))),
                rmse,
                notes);
    }
}
