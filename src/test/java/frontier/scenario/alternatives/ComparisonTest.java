package frontier.scenario.alternatives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cost.PriceCatalogue;
import frontier.scenario.ScenarioRunner;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running a baseline and its alternatives on common random numbers, and what the table of deltas says. */
class ComparisonTest {
    private static final PriceCatalogue CATALOGUE = PriceCatalogue.shipped();

    private static Comparison compare(String... alts) {
        Baseline base = AlternativeTest.fleet();
        List<Alternative.Built> built = new ArrayList<>();
        for (String a : alts) built.add(Alternative.parse(a).build(base, CATALOGUE));
        return Comparison.run(base, built, new ScenarioRunner(2), RunControl.NONE);
    }

    @Test
    void doublingAlwaysOnInstancesAddsExactlyTheirPricePerMonthWithNoUncertainty() {
        Comparison c = compare("instances=4");
        // Two more g5.xlarge at $1.006/h for 730 h; every replication pays the same, so the paired interval is 0 wide.
        Comparison.Estimate d = c.delta(1, CompareMetric.COST_PER_MONTH);
        assertEquals(2 * 1.006 * 730, d.mean(), 1e-6);
        assertEquals(0, d.halfWidth(), 1e-9);
        assertEquals(2 * 1.006 * 730, c.value(0, CompareMetric.COST_PER_MONTH).mean(), 1e-6);
        assertEquals(100, c.deltaPercent(1, CompareMetric.COST_PER_MONTH), 1e-9);
    }

    @Test
    void alternativesSeeTheSameArrivalsAsTheBaseline() {
        // Common random numbers: the arrival stream does not depend on the pools, so every replication counts the
        // same requests in every alternative, and the paired delta of requests is exactly zero.
        Comparison c = compare("kind=spot", "model=llama-8b-int8*0.6");
        for (int i = 1; i < c.entries().size(); i++) {
            for (int k = 0; k < c.replications(); k++) {
                assertEquals(
                        c.entries().getFirst().summary().replications().get(k).metric("requests"),
                        c.entries().get(i).summary().replications().get(k).metric("requests"),
                        c.entries().get(i).name() + " replication " + k);
            }
        }
        assertTrue(c.delta(2, CompareMetric.P50).mean() < 0, "a model 40% faster lowers the median latency");
    }

    @Test
    void pairedDifferencesAreTighterThanTheTwoIntervalsApart() {
        // A faster model on the same arrivals: the p99's difference varies less than either p99 (positively
        // correlated replications), which is why deltas are paired.
        Comparison c = compare("model=fast*0.8");
        double hwDelta = c.delta(1, CompareMetric.P99).halfWidth();
        double hwApart = Math.hypot(
                c.value(0, CompareMetric.P99).halfWidth(),
                c.value(1, CompareMetric.P99).halfWidth());
        assertTrue(hwDelta < hwApart, "paired " + hwDelta + " vs independent " + hwApart);
    }

    @Test
    void anUndersizedAlternativeSaysItDropsRequestsNextToItsCost() {
        Comparison c = compare("instances=1; $.pools[0].queue_capacity=2");
        assertEquals("", c.dropWarning(0), "the baseline serves everything");
        assertTrue(c.notServed(1) > 0);
        assertTrue(c.dropWarning(1).startsWith("drops "), c.dropWarning(1));
        assertTrue(c.dropWarning(1).contains("% of requests"), c.dropWarning(1));
        assertTrue(c.value(1, CompareMetric.REJECTED).mean() > 0);
    }

    @Test
    void costPerMillionTokensIsMeasuredWhenRequestsCarryTokens() {
        Comparison c = compare("cache_hit_ratio=0.5");
        assertTrue(c.measured(CompareMetric.COST_PER_1M_TOKENS));
        assertFalse(Double.isNaN(c.value(1, CompareMetric.COST_PER_1M_TOKENS).mean()));
    }

    @Test
    void cancellingStopsTheComparison() {
        Baseline base = AlternativeTest.fleet();
        List<Alternative.Built> built = List.of(Alternative.parse("instances=3").build(base, CATALOGUE));
        assertThrows(
                CancelledException.class,
                () -> Comparison.run(base, built, new ScenarioRunner(1), new RunControl() {
                    @Override
                    public boolean isCancelled() {
                        return true;
                    }

                    @Override
                    public void progress(double fraction) {}
                }));
    }
}
