package frontier.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.TaskExecutor;
import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.alternatives.Alternative;
import frontier.scenario.alternatives.CompareMetric;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Compare view-model with a batch job as the baseline: its own figures, alternatives of its fleet. */
class CompareBatchViewModelTest {
    @Test
    void aBatchJobIsComparedOnCompletionDeadlineCostAndWorkLost() {
        CompareViewModel vm =
                new CompareViewModel(new ScenarioRunner(1), PriceCatalogue.shipped(), TaskExecutor.CURRENT_THREAD);
        vm.setBaseline(Path.of("simulations/batch/overnight-embedding.json"));
        assertFalse(vm.errorProperty().get(), vm.statusProperty().get());
        assertTrue(vm.metrics().contains(CompareMetric.COMPLETION));
        assertFalse(vm.metrics().contains(CompareMetric.P99), "no latency for a batch job");
        assertTrue(
                vm.add(Alternative.parse("spot_share=0.5")), vm.statusProperty().get());
        assertTrue(
                vm.add(Alternative.parse("checkpoint_interval_s=3600")),
                vm.statusProperty().get());
        assertFalse(vm.add(Alternative.parse("kind=spot")), "a batch job has no pool to change");
        assertTrue(
                vm.statusProperty().get().contains("spot_share"),
                vm.statusProperty().get());
        vm.run();
        assertNotNull(vm.comparisonProperty().get(), vm.statusProperty().get());
        assertEquals(3, vm.rows().size());
        assertEquals(
                java.util.List.of(
                        CompareMetric.INTERRUPTIONS,
                        CompareMetric.COMPLETION,
                        CompareMetric.DONE_BY_DEADLINE,
                        CompareMetric.JOB_COST,
                        CompareMetric.COST_PER_1M_ITEMS,
                        CompareMetric.WORK_LOST,
                        CompareMetric.FALLBACKS),
                vm.metrics());
        String cost = vm.rows().get(1).cells().get(CompareMetric.JOB_COST);
        assertTrue(cost.startsWith("$") && cost.contains("\n+$"), "half on demand costs more: " + cost);

        // The chart and the report judge a job by its cost and its deadline, not by figures per month it lacks.
        frontier.scenario.alternatives.Comparison c = vm.comparisonProperty().get();
        assertEquals(CompareLens.BATCH, CompareLens.of(c));
        int rec = CompareReport.recommended(c);
        double done0 = c.value(0, CompareMetric.DONE_BY_DEADLINE).mean();
        for (int i = 1; i < c.entries().size(); i++) {
            double done = c.value(i, CompareMetric.DONE_BY_DEADLINE).mean();
            assertEquals(done < done0 - 1e-9, !CompareLens.BATCH.warning(c, i).isEmpty(), "entry " + i);
        }
        if (rec > 0) {
            assertTrue(c.value(rec, CompareMetric.JOB_COST).mean()
                    < c.value(0, CompareMetric.JOB_COST).mean());
            assertTrue(c.value(rec, CompareMetric.DONE_BY_DEADLINE).mean() >= done0 - 1e-9);
        }
    }

    @Test
    void aJobThatMissesTheDeadlineMoreOftenIsMarkedAndNeverRecommended() {
        CompareViewModel vm =
                new CompareViewModel(new ScenarioRunner(1), PriceCatalogue.shipped(), TaskExecutor.CURRENT_THREAD);
        vm.setBaseline(Path.of("simulations/batch/overnight-embedding.json"));
        // One instance instead of six: the same work on one VM cannot be done by 6 am.
        assertTrue(vm.add(Alternative.parse("instances=1")), vm.statusProperty().get());
        vm.run();
        frontier.scenario.alternatives.Comparison c = vm.comparisonProperty().get();
        assertNotNull(c, vm.statusProperty().get());
        double done0 = c.value(0, CompareMetric.DONE_BY_DEADLINE).mean();
        double done1 = c.value(1, CompareMetric.DONE_BY_DEADLINE).mean();
        assertTrue(done1 < done0, "one instance is done by the deadline less often: " + done1 + " vs " + done0);
        assertTrue(
                CompareLens.BATCH.warning(c, 1).startsWith("done by the deadline in "),
                CompareLens.BATCH.warning(c, 1));
        assertEquals(0, CompareReport.recommended(c), "never recommend a job that misses its deadline more often");
    }
}
