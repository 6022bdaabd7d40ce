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
    }
}
