package frontier.app.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.TaskExecutor;
import frontier.scenario.ScenarioRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Simulate view-model as plain Java: runs on the current thread, no window, no FX toolkit. */
class SimulateViewModelTest {
    static final String SCENARIO = """
            {"name": "two servers", "traffic": {"type": "poisson", "rate_per_s": 1.0},
             "pools": [{"type": "always_on", "name": "gpu", "instances": 2, "concurrency": 1,
                        "model": {"service": {"type": "exponential", "mean": 1.0}}, "price": {"usd_per_hour": 1.0}}],
             "run": {"duration_s": 2000, "warmup_s": 100, "replications": 2, "seed": 1}}
            """;

    @TempDir
    Path dir;

    private SimulateViewModel vm() {
        return new SimulateViewModel(dir, new ScenarioRunner(1), TaskExecutor.CURRENT_THREAD);
    }

    @Test
    void aRunFillsTheSummaryAndItsRowsAndLeavesTheModelReadyForTheNext() throws IOException {
        Path file = Files.writeString(dir.resolve("two.json"), SCENARIO);
        SimulateViewModel vm = vm();
        vm.open(file);
        assertEquals("two servers", vm.scenarioNameProperty().get());
        assertTrue(vm.canRunProperty().get());
        vm.run();
        assertNotNull(vm.summaryProperty().get(), vm.statusProperty().get());
        assertEquals(
                StatusKind.DONE,
                vm.statusKindProperty().get(),
                vm.statusProperty().get());
        assertFalse(vm.keyFigures().isEmpty());
        assertFalse(vm.costRows().isEmpty());
        assertFalse(vm.runningProperty().get());
        assertEquals(1.0, vm.progressProperty().get(), 0.0);
        assertTrue(vm.canRunProperty().get(), "ready to run again");
    }

    @Test
    void openingAnotherScenarioDropsTheResultsOfTheOldOne() throws IOException {
        Path one = Files.writeString(dir.resolve("one.json"), SCENARIO);
        Path other = Files.writeString(dir.resolve("other.json"), SCENARIO.replace("two servers", "other fleet"));
        SimulateViewModel vm = vm();
        vm.open(one);
        vm.run();
        assertNotNull(vm.summaryProperty().get());
        vm.open(other);
        assertEquals("other fleet", vm.scenarioNameProperty().get());
        assertNull(vm.summaryProperty().get(), "no results of the old scenario");
        assertTrue(vm.keyFigures().isEmpty()
                && vm.percentiles().isEmpty()
                && vm.costRows().isEmpty());
        assertEquals(0.0, vm.progressProperty().get(), 0.0);
    }

    @Test
    void aScenarioThatCannotBeRunIsReportedInTheStatusNotThrown() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"name\": \"x\", \"traffic\": ");
        SimulateViewModel vm = vm();
        vm.open(bad);
        assertEquals(StatusKind.ERROR, vm.statusKindProperty().get());
        assertTrue(
                vm.statusProperty().get().contains("bad.json"),
                vm.statusProperty().get());
        assertFalse(vm.canRunProperty().get());
    }
}
