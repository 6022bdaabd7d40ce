package frontier.scenario;

import frontier.model.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulated against observed, for a scenario that carries {@link Observed} figures: latency p50, p95 and
 * p99, requests and cost (simulated cost plus the observed fixed cost the simulation does not model).
 * The targets are the ones the twin is held to: p50 and p95 within 10%, cost within 5%; p99 and the
 * request count are reported without a target.
 */
public final class TwinComparison {
    /** Relative error allowed on p50 and p95 latency. */
    public static final double LATENCY_TARGET = 0.10;
    /** Relative error allowed on cost. */
    public static final double COST_TARGET = 0.05;

    private TwinComparison() {}

    /**
     * One compared figure.
     *
     * @param metric  the figure's name, also its key in {@code simulate --json}'s {@code observed} ("latency p95")
     * @param simulatedBy the catalogue metric it is compared with, which gives the unit
     * @param target the allowed relative error, or NaN when the figure has none
     */
    public record Row(
            String metric, Metric simulatedBy, double observed, double simulated, double halfWidth95, double target) {
        public String unit() {
            return simulatedBy.unit().symbol();
        }

        /** (simulated − observed) / observed; NaN when nothing was observed. */
        public double relativeError() {
            return observed == 0 ? Double.NaN : (simulated - observed) / observed;
        }

        /** Whether the figure has a target and meets it. */
        public boolean withinTarget() {
            return !Double.isNaN(target) && Math.abs(relativeError()) <= target;
        }
    }

    /** The rows for which both an observed and a simulated figure exist. */
    public static List<Row> compare(Observed o, Summary s) {
        List<Row> rows = new ArrayList<>();
        if (o == null) return rows;
        add(rows, "latency p50", o.p50Ms(), s, Metric.LATENCY_P50, 0, LATENCY_TARGET);
        add(rows, "latency p95", o.p95Ms(), s, Metric.LATENCY_P95, 0, LATENCY_TARGET);
        add(rows, "latency p99", o.p99Ms(), s, Metric.LATENCY_P99, 0, Double.NaN);
        add(
                rows,
                "requests",
                o.requests() == null ? null : o.requests().doubleValue(),
                s,
                Metric.REQUESTS,
                0,
                Double.NaN);
        double fixed = o.fixedCostUsd() == null ? 0 : o.fixedCostUsd();
        add(rows, "cost", o.costUsd(), s, Metric.COST_TOTAL, fixed, COST_TARGET);
        return rows;
    }

    private static void add(
            List<Row> rows, String name, Double observed, Summary s, Metric metric, double plus, double target) {
        if (observed == null || !s.has(metric)) return;
        double sim = s.metric(metric);
        if (Double.isNaN(sim)) return;
        rows.add(new Row(name, metric, observed, sim + plus, s.halfWidth(metric), target));
    }
}
