package frontier.analysis;

import frontier.pareto.Objective;
import frontier.sim.BadInputException;

/**
 * A limit a configuration must respect to be feasible: the metric's mean must be at most {@code max}
 * (a latency SLO such as {@code p99<=2000}, a budget such as {@code cost_usd.per_hour<=40}). An undefined
 * (null) metric does not meet any limit.
 */
public record Constraint(String path, double max) {
    /** {@code PATH<=VALUE} or {@code PATH=VALUE}, with the short names of {@link Objective}. */
    public static Constraint parse(String text) {
        String t = text.strip();
        int at = t.indexOf("<=");
        int len = 2;
        if (at < 0) {
            at = t.indexOf('=');
            len = 1;
        }
        if (at <= 0)
            throw new BadInputException(
                    "constraint '" + text + "': expected METRIC<=VALUE, e.g. p99<=2000 or cost_usd.per_hour<=40");
        String value = t.substring(at + len).strip();
        double max;
        try {
            max = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BadInputException("constraint '" + text + "': '" + value + "' is not a number");
        }
        if (!Double.isFinite(max)) throw new BadInputException("constraint '" + text + "': expected a finite limit");
        return new Constraint(Objective.metricPath(t.substring(0, at).strip()), max);
    }

    public boolean allows(double value) {
        return value <= max;
    }

    @Override
    public String toString() {
        return path + "<=" + max;
    }
}
