package frontier.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.app.TaskExecutor;
import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.alternatives.Alternative;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Compare view-model as plain Java: the comparison runs on the current thread. */
class CompareViewModelTest {
    private static final String FLEET = """
            {"name": "small chat", "traffic": {"type": "poisson", "rate_per_s": 3.6},
             "pools": [{"type": "always_on", "name": "gpu", "instances": 3, "concurrency": 4, "queue_capacity": 4,
                        "model": {"name": "llama-8b", "service": {"type": "lognormal", "mean": 1.0, "cv": 0.5}},
                        "price": {"provider": "aws", "instance_type": "g5.xlarge"}}],
             "run": {"duration_s": 900, "warmup_s": 60, "replications": 2, "seed": 5}}
            """;

    @TempDir
    Path dir;

    @Test
    void alternativesAreComparedWithTheBaselineAndANewBaselineDropsThemAndTheirResults() throws IOException {
        Path file = Files.writeString(dir.resolve("small-chat.json"), FLEET);
        CompareViewModel vm =
                new CompareViewModel(new ScenarioRunner(1), PriceCatalogue.shipped(), TaskExecutor.CURRENT_THREAD);
        vm.setBaseline(file);
        assertEquals("small chat", vm.titleProperty().get());
        assertTrue(vm.add(Alternative.parse("instances=2")), vm.statusProperty().get());
        assertTrue(vm.add(Alternative.parse("kind=spot")), vm.statusProperty().get());
        vm.run();
        assertNotNull(vm.comparisonProperty().get(), vm.statusProperty().get());
        assertFalse(vm.errorProperty().get(), vm.statusProperty().get());
        assertFalse(vm.rows().isEmpty(), "one table of the baseline and its alternatives");
        assertFalse(vm.runningProperty().get());

        vm.setBaseline(Files.writeString(dir.resolve("other.json"), FLEET.replace("small chat", "other chat")));
        assertEquals("other chat", vm.titleProperty().get());
        assertTrue(vm.alternatives().isEmpty(), "alternatives belong to the old baseline");
        assertNull(vm.comparisonProperty().get());
        assertTrue(vm.rows().isEmpty());
        assertEquals(-1, vm.selectedProperty().get());
    }

    @Test
    void anAlternativeThatCannotBeMadeIsRefusedWithItsReason() throws IOException {
        Path file = Files.writeString(dir.resolve("small-chat.json"), FLEET);
        CompareViewModel vm =
                new CompareViewModel(new ScenarioRunner(1), PriceCatalogue.shipped(), TaskExecutor.CURRENT_THREAD);
        vm.setBaseline(file);
        assertFalse(vm.add(Alternative.parse("keep_alive=60")));
        assertTrue(vm.errorProperty().get());
        assertTrue(
                vm.statusProperty().get().contains("keep-alive is for serverless and autoscaled pools"),
                vm.statusProperty().get());
        assertTrue(vm.alternatives().isEmpty());
    }

    @Test
    void oneActionMakesSpotServerlessAndACheaperGpuAndRunsThemAgainstTheBaseline() throws IOException {
        Path file = Files.writeString(dir.resolve("small-chat.json"), FLEET);
        CompareViewModel vm =
                new CompareViewModel(new ScenarioRunner(1), PriceCatalogue.shipped(), TaskExecutor.CURRENT_THREAD);
        vm.setBaseline(file);
        vm.tryQuickAlternatives(null);
        assertEquals(3, vm.alternatives().size(), vm.statusProperty().get());
        assertTrue(vm.alternatives().get(0).alternative().name().equals("Spot + fallback, g5.xlarge"));
        assertTrue(vm.alternatives().get(1).alternative().name().equals("Serverless, Cloud Run L4"));
        assertTrue(
                vm.alternatives().get(2).alternative().name().equals("Cheaper GPU, g6.xlarge"),
                vm.alternatives().get(2).alternative().name());
        assertNotNull(
                vm.comparisonProperty().get(),
                "run at once: " + vm.statusProperty().get());
        assertEquals(4, vm.rows().size(), "the baseline and the three alternatives");
        assertTrue(
                vm.statusProperty().get().contains("Prices: spot g5.xlarge $0.4125/h (as of 2025-06-28)"),
                "the prices used and their dates: " + vm.statusProperty().get());
        assertFalse(vm.errorProperty().get(), vm.statusProperty().get());

        vm.tryQuickAlternatives(null);
        assertEquals(3, vm.alternatives().size(), "the same three are not added twice");
    }

    @Test
    void whatTheOneActionCannotMakeIsSaidAfterTheRun() throws IOException {
        Path file = Files.writeString(
                dir.resolve("inline.json"),
                FLEET.replace("{\"provider\": \"aws\", \"instance_type\": \"g5.xlarge\"}", "{\"usd_per_hour\": 1.0}"));
        CompareViewModel vm =
                new CompareViewModel(new ScenarioRunner(1), PriceCatalogue.shipped(), TaskExecutor.CURRENT_THREAD);
        vm.setBaseline(file);
        vm.tryQuickAlternatives(null);
        assertEquals(1, vm.alternatives().size(), "serverless only: the pool names no instance type");
        assertNotNull(vm.comparisonProperty().get(), vm.statusProperty().get());
        assertTrue(
                vm.statusProperty().get().contains("Not made: Spot: pool 'gpu' names no instance type"),
                vm.statusProperty().get());
    }
}
