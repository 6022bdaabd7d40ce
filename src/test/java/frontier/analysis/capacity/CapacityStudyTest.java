package frontier.analysis.capacity;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cost.ApiTokenPrice;
import frontier.cost.PriceCatalogue;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmProfiles;
import frontier.scenario.ScenarioRunner;
import frontier.sim.BadInputException;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The study the CLI and the app share: what it refuses, and that it stops when cancelled. */
class CapacityStudyTest {
    private static final CapacityStudy STUDY = CapacityStudy.defaults();

    private static IterationProfile table() {
        return LlmProfiles.bundled().values().stream()
                .filter(p -> !CapacityStudy.runsInAPool(p))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aMeasuredTableProfileIsRefusedInWordsNotWithAnInternalFault() {
        IterationProfile t = table();
        BadInputException e = assertThrows(
                BadInputException.class, () -> STUDY.simulate(new ScenarioRunner(1), t, 1, 1, RunControl.NONE));
        assertTrue(e.getMessage().contains("measured table"), e.getMessage());
        BadInputException all = assertThrows(
                BadInputException.class,
                () -> STUDY.cheapest(
                        List.of(t),
                        t.model(),
                        1,
                        1 / 6.0,
                        0.1,
                        new ScenarioRunner(1),
                        PriceCatalogue.shipped(),
                        ApiTokenPrice.shipped(),
                        RunControl.NONE));
        assertTrue(all.getMessage().contains(t.name()), all.getMessage());
    }

    @Test
    void aCancelledStudyStopsBeforeItsFirstProbe() {
        IterationProfile linear = LlmProfiles.bundled().values().stream()
                .filter(CapacityStudy::runsInAPool)
                .findFirst()
                .orElseThrow();
        RunControl cancelled = new RunControl() {
            @Override
            public boolean isCancelled() {
                return true;
            }

            @Override
            public void progress(double fraction) {}
        };
        assertThrows(CancelledException.class, () -> STUDY.capacity(new ScenarioRunner(1), linear, 1, 0.1, cancelled));
    }
}
