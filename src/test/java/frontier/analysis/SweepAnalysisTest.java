package frontier.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.pareto.Objective;
import frontier.scenario.sweep.PointResult;
import frontier.scenario.sweep.SweepResult;
import frontier.sim.BadInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepAnalysisTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Points (cost per 1k, p99 ms, SLO attainment), one replication each unless half-widths are given. */
    private static SweepResult result(double[][] rows) {
        List<PointResult> points = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            ObjectNode m = JSON.createObjectNode();
            m.putObject("cost_usd").put("per_1k_requests", rows[i][0]).put("per_hour", rows[i][0] * 10);
            m.putObject("latency_ms").put("p99", rows[i][1]);
            m.put("slo_attainment", rows[i][2]);
            points.add(new PointResult(i, JSON.createObjectNode().put("x", i), 100 + i, m));
        }
        return new SweepResult("t", List.of("x"), "grid", 1, 1, points);
    }

    @Test
    void constraintsRemovePointsFromTheFrontAndTheOptimum() {
        SweepResult r = result(new double[][] {{1, 900, 0.9}, {2, 500, 0.95}, {3, 100, 0.99}});
        SweepAnalysis a =
                SweepAnalysis.of(r, SweepAnalysis.DEFAULT_OBJECTIVES, List.of(Constraint.parse("p99<=600")), 1.0);
        assertArrayEquals(new boolean[] {false, true, true}, a.feasible());
        assertArrayEquals(new boolean[] {false, true, true}, a.pareto());
        assertEquals(1, a.optimum(), "the cheapest feasible point");
        SweepAnalysis budget = SweepAnalysis.of(
                r,
                SweepAnalysis.DEFAULT_OBJECTIVES,
                List.of(Constraint.parse("cost_per_hour=15"), Constraint.parse("p99<=100")),
                0.5);
        assertEquals(-1, budget.optimum(), "nothing meets both");
        assertTrue(budget.optima().isEmpty());
    }

    @Test
    void aMaximisedThirdObjectiveKeepsOtherwiseDominatedPointsOnTheFront() {
        SweepResult r = result(new double[][] {{1, 100, 0.9}, {2, 200, 0.99}});
        SweepAnalysis two = SweepAnalysis.of(r, SweepAnalysis.DEFAULT_OBJECTIVES, List.of(), 0.5);
        assertArrayEquals(new boolean[] {true, false}, two.pareto());
        SweepAnalysis three = SweepAnalysis.of(
                r,
                List.of(Objective.parse("cost"), Objective.parse("p99"), Objective.parse("max:slo_attainment")),
                List.of(),
                0.5);
        assertArrayEquals(new boolean[] {true, true}, three.pareto());
        assertEquals(null, three.uncertain()[0], "one replication: no intervals, uncertainty unknown");
    }

    @Test
    void unknownMetricsAndBadWeightsAreBadInput() {
        SweepResult r = result(new double[][] {{1, 100, 0.9}});
        var e = assertThrows(
                BadInputException.class,
                () -> SweepAnalysis.of(r, List.of(Objective.parse("cost"), Objective.parse("p98")), List.of(), 0.5));
        assertTrue(e.getMessage().contains("'latency_ms.p98'") || e.getMessage().contains("'p98'"), e.getMessage());
        assertThrows(
                BadInputException.class, () -> SweepAnalysis.of(r, SweepAnalysis.DEFAULT_OBJECTIVES, List.of(), 1.5));
        assertThrows(
                BadInputException.class, () -> SweepAnalysis.of(r, List.of(Objective.parse("cost")), List.of(), 0.5));
        assertThrows(BadInputException.class, () -> Constraint.parse("p99<=fast"));
    }
}
