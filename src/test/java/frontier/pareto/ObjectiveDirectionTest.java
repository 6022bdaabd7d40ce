package frontier.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every objective says which way is better: minimised by default, quality (a score) maximised, either overridden. */
class ObjectiveDirectionTest {
    @Test
    void qualityIsMaximisedUnlessWrittenMin() {
        Objective q = Objective.parse("quality");
        assertEquals(Metric.QUALITY.path(), q.path());
        assertEquals(Objective.Direction.MAXIMISE, q.direction());
        assertEquals(
                Objective.Direction.MINIMISE, Objective.parse("min:quality").direction());
        assertEquals(
                Objective.Direction.MAXIMISE,
                Objective.parse("max:quality.mean").direction());
    }

    @Test
    void otherMetricsAreMinimisedUnlessWrittenMax() {
        assertEquals(Objective.Direction.MINIMISE, Objective.parse("cost").direction());
        assertEquals(Objective.Direction.MINIMISE, Objective.parse("p99").direction());
        assertEquals(
                Objective.Direction.MAXIMISE, Objective.parse("max:goodput").direction());
        assertEquals(
                Objective.Direction.MINIMISE,
                Objective.parse("pools.gpu.utilization").direction());
    }

    @Test
    void theWrittenFormReadsBackToTheSameObjective() {
        for (String text :
                List.of("cost", "p95", "quality", "min:quality", "max:goodput", "max:classes.chat.slo_attainment")) {
            Objective o = Objective.parse(text);
            assertEquals(o, Objective.parse(o.toString()), text);
        }
        assertEquals("max:llm.goodput_per_s", Objective.parse("max:goodput").toString());
        assertEquals(
                "max:quality.mean",
                Objective.parse("quality").toString(),
                "a maximised objective is written with max:");
        assertEquals("min:quality.mean", Objective.parse("min:quality").toString());
    }

    @Test
    void aThreeWayFrontKeepsTheCheaperTheFasterAndTheBetter() {
        List<Objective> objectives =
                List.of(Objective.parse("cost"), Objective.parse("p95"), Objective.parse("quality"));
        // a: cheap, slow, low quality; b: dear, fast, high quality; c: dominated by a (dearer, slower, worse).
        double[] a = {1, 10, 0.70};
        double[] b = {3, 5, 0.85};
        double[] c = {2, 12, 0.69};
        assertTrue(dominates(objectives, a, c));
        assertTrue(!dominates(objectives, a, b) && !dominates(objectives, b, a), "a and b trade quality against cost");
    }

    /** The one dominance of the project, on the values each objective minimises. */
    private static boolean dominates(List<Objective> objectives, double[] x, double[] y) {
        double[] u = new double[x.length];
        double[] v = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            u[i] = objectives.get(i).minimised(x[i]);
            v[i] = objectives.get(i).minimised(y[i]);
        }
        return ParetoFront.dominates(u, v);
    }
}
