package frontier.app.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.TaskExecutor;
import frontier.scenario.sweep.SweepRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Explore view-model as plain Java: the sweep runs on the current thread. */
class ExploreViewModelTest {
    /** Four configurations (keep_warm 0–1 × max_instances 3, 6) of a short autoscaled run. */
    private static final String SWEEP = """
            {"name": "tiny sweep", "description": "test",
             "traffic": {"type": "poisson", "rate_per_s": 4},
             "pools": [{"type": "autoscaled", "name": "gpu", "concurrency": 2, "max_instances": 6, "keep_warm": 1,
                        "model": {"service": {"type": "exponential", "mean": 0.5}},
                        "policy": {"type": "target_rps", "per_instance": 2},
                        "cold_start": {"type": "deterministic", "value": 30},
                        "price": {"usd_per_hour": 1.2}}],
             "run": {"duration_s": 600, "warmup_s": 60, "replications": 2, "seed": 3},
             "sweep": {"method": "grid", "seed": 4,
                       "parameters": [{"path": "$.pools[0].keep_warm", "values": [0, 1]},
                                      {"path": "$.pools[0].max_instances", "values": [3, 6]}]}}
            """;

    @TempDir
    Path dir;

    @Test
    void aSweepRunGivesAnAnalysedFrontAndOpeningAnotherSweepClearsItAndTheSelection() throws IOException {
        Path file = Files.writeString(dir.resolve("tiny.json"), SWEEP);
        ExploreViewModel vm = new ExploreViewModel(dir, new SweepRunner(1), TaskExecutor.CURRENT_THREAD);
        assertEquals(1, vm.sweeps().size());
        assertEquals("tiny sweep", vm.sweeps().get(0).title());
        vm.open(file);
        assertTrue(vm.canRunProperty().get(), vm.statusProperty().get());
        vm.run();
        assertNotNull(vm.resultProperty().get(), vm.statusProperty().get());
        assertEquals(4, vm.resultProperty().get().points().size());
        assertNotNull(vm.analysisProperty().get());
        assertFalse(vm.errorProperty().get(), vm.statusProperty().get());
        vm.selectedProperty().set(1);

        vm.open(Files.writeString(dir.resolve("other.json"), SWEEP.replace("tiny sweep", "other sweep")));
        assertNull(vm.resultProperty().get(), "no points of the old sweep");
        assertNull(vm.analysisProperty().get());
        assertEquals(-1, vm.selectedProperty().get(), "no selection of the old sweep");
        assertEquals("other sweep", vm.titleProperty().get());
    }
}
