package frontier.sim;

/**
 * The time average of a piecewise-constant quantity (busy servers, queue length) over an observation
 * window that starts at {@link #reset(double)}.
 */
public final class TimeWeighted {
    private double value;
    private double lastTime;
    private double start;
    private double integral;
    private double max;

    public TimeWeighted(double startTime) {
        reset(startTime);
    }

    /** The quantity changes to {@code newValue} at time {@code now}. */
    public void update(double now, double newValue) {
        integral += value * (now - lastTime);
        lastTime = now;
        value = newValue;
        if (newValue > max) max = newValue;
    }

    /** Starts a new observation window at {@code now}, keeping the current value. */
    public void reset(double now) {
        integral = 0;
        lastTime = now;
        start = now;
        max = value;
    }

    /** Start of the current observation window. */
    public double start() {
        return start;
    }

    public double value() {
        return value;
    }

    public double max() {
        return max;
    }

    /** The integral of the quantity over [window start, now] (e.g. instance-seconds). */
    public double integral(double now) {
        return integral + value * (now - lastTime);
    }

    /** Time average over [window start, now]. */
    public double average(double now) {
        double span = now - start;
        if (span <= 0) return value;
        return (integral + value * (now - lastTime)) / span;
    }
}
