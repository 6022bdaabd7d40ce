package frontier.analysis;

import frontier.pareto.Objective;
import frontier.pareto.ParetoFront;
import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.SweepResult;
import frontier.sim.BadInputException;
import java.util.List;

/**
 * The trade-off of a finished sweep: which points meet the constraints ({@code feasible}), which feasible
 * points are on the Pareto front of the objectives ({@code pareto}), which of those hold their place only
 * within confidence intervals ({@code uncertain}, rule in {@link ParetoFront#uncertain}), and the weighted
 * optimum of the first two objectives for weight α on the first ({@link WeightedOptimum}), with every
 * distinct optimum as α goes from 0 to 1. Objectives and constraints use the means over replications.
 */
public record SweepAnalysis(
        SweepResult result,
        List<Objective> objectives,
        List<Constraint> constraints,
        double alpha,
        boolean[] feasible,
        boolean[] pareto,
        Boolean[] uncertain,
        WeightedOptimum weighted,
        int optimum,
        List<WeightedOptimum.Interval> optima) {

    /** The default: cost per 1,000 requests against p99 latency. */
    public static final List<Objective> DEFAULT_OBJECTIVES = List.of(Objective.parse("cost"), Objective.parse("p99"));

    public static SweepAnalysis of(
            SweepResult result, List<Objective> objectives, List<Constraint> constraints, double alpha) {
        if (objectives.size() < 2)
            throw new BadInputException("--objectives: expected at least two objectives, e.g. cost,p99");
        if (!(alpha >= 0 && alpha <= 1))
            throw new BadInputException("--alpha: expected a weight from 0 to 1, got " + alpha);
        List<PointResult> points = result.points();
        if (!points.isEmpty()) {
            PointResult first = points.getFirst();
            for (Objective o : objectives) requireMetric(first, o.path(), "objective");
            for (Constraint c : constraints) requireMetric(first, c.path(), "constraint");
        }
        int n = points.size();
        int k = objectives.size();
        double[][] mean = new double[n][k];
        double[][] hw = new double[n][k];
        boolean[] feasible = new boolean[n];
        for (int i = 0; i < n; i++) {
            PointResult p = points.get(i);
            for (int m = 0; m < k; m++) {
                Objective o = objectives.get(m);
                mean[i][m] = o.minimised(p.metric(o.path()));
                hw[i][m] = p.halfWidth(o.path());
            }
            feasible[i] = true;
            for (Constraint c : constraints) feasible[i] &= c.allows(p.metric(c.path()));
        }
        boolean[] front = ParetoFront.nonDominated(mean, feasible);
        Boolean[] uncertain = ParetoFront.uncertain(mean, hw, front, feasible);
        WeightedOptimum w = new WeightedOptimum(mean, feasible);
        int best = n == 0 ? -1 : w.best(alpha);
        return new SweepAnalysis(
                result,
                List.copyOf(objectives),
                List.copyOf(constraints),
                alpha,
                feasible,
                front,
                uncertain,
                w,
                best,
                w.optima());
    }

    private static void requireMetric(PointResult p, String path, String what) {
        if (!p.hasMetric(path)) {
            throw new BadInputException(
                    what + " '" + path + "': no such metric in the results; use a field of simulate --json such as"
                            + " cost_usd.per_1k_requests, cost_usd.total, latency_ms.p99, latency_ms.p95, dropped or lost (docs/cli.md)");
        }
    }
}
