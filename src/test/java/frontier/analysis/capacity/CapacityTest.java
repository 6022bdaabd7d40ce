package frontier.analysis.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cost.ApiTokenPrice;
import frontier.cost.InstancePrice;
import frontier.cost.PriceCatalogue;
import frontier.cost.SpotInterruption;
import frontier.domain.PricingModel;
import frontier.model.Metric;
import frontier.model.llm.IterationProfile;
import frontier.scenario.Summary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapacityTest {
    /** A deployment whose p99 TTFT is 100 ms / (1 − rate / 5) (± 2 ms) and TPOT 50 ms: its 1-second TTFT SLO holds up to 4.5 req/s. */
    private static Summary fake(double rate) {
        Map<String, Double> mean = new HashMap<>();
        Map<String, Double> hw = new HashMap<>();
        String ttft = Metric.TTFT.get(Metric.Stat.P99.ordinal()).path();
        String tpot = Metric.TPOT.get(Metric.Stat.P99.ordinal()).path();
        mean.put(ttft, rate < 5 ? 100 / (1 - rate / 5) : 1e9);
        hw.put(ttft, 20.0);
        mean.put(tpot, 50.0);
        hw.put(tpot, 1.0);
        mean.put(Metric.THROUGHPUT.path(), rate);
        mean.put(Metric.ARRIVAL_RATE.path(), rate);
        return new Summary("fake", 1, List.of(), mean, hw, Map.of());
    }

    @Test
    void theSearchFindsTheRateWhereThePercentileCrossesTheSloWithinTolerance() {
        var slo = new CapacitySearch.Slo(1.0, 0.1, Metric.Stat.P99);
        CapacitySearch.Result r = CapacitySearch.search(CapacityTest::fake, slo, 0.3, 0.01);
        assertEquals(4.5, r.rate(), 4.5 * 0.011, "100 / (1 - r/5) = 1000 at r = 4.5");
        assertTrue(r.rate() <= 4.5);
        // The interval runs from the highest probe certainly within (930 ± 20 ms at 4.4625) to the lowest certainly
        // beyond (4.8).
        assertTrue(r.low() <= r.rate() && r.rate() < r.high(), r.toString());
        assertTrue(r.low() > 4.3 && r.high() <= 4.8, r.toString());
    }

    @Test
    void aDeploymentThatCannotKeepUpMissesWhateverItsPercentiles() {
        var slo = new CapacitySearch.Slo(1.0, 0.1, Metric.Stat.P99);
        CapacitySearch.Probe p = CapacitySearch.probeAt(
                rate -> {
                    Summary s = fake(1);
                    Map<String, Double> mean = new HashMap<>(s.mean());
                    mean.put(Metric.ARRIVAL_RATE.path(), 2.0);
                    return new Summary("fake", 1, List.of(), mean, s.halfWidth95(), Map.of());
                },
                slo,
                2);
        assertFalse(p.meets());
        assertTrue(p.certainlyMisses());
    }

    private static InstancePrice machine(String type, String gpu, int gpus, PricingModel model, double usd) {
        return new InstancePrice(
                "aws",
                "us-east-1",
                type,
                gpu,
                gpus,
                8,
                64,
                model,
                BigDecimal.valueOf(usd),
                "test",
                LocalDate.of(2025, 1, 1));
    }

    @Test
    void fleetsArePricedAsGpuSharesWithSpotFallbackAndBreakEvenAgainstTheApi() {
        IterationProfile tp4 =
                new IterationProfile("h100-tp4", "h100-80gb", "m", 4, 0.02, 1e-4, 1e-4, 1e-7, 0, 0, "", "");
        PriceCatalogue cat = PriceCatalogue.of(
                List.of(
                        machine("p5", "H100-80GB", 8, PricingModel.ON_DEMAND, 80),
                        machine("p5", "H100-80GB", 8, PricingModel.SPOT, 40),
                        machine("small", "H100-80GB", 2, PricingModel.ON_DEMAND, 10)),
                List.of(SpotInterruption.ofBucket("aws", "us-east-1", "p5", "<5%", "test", LocalDate.of(2025, 1, 1))),
                List.of());
        ApiTokenPrice api = new ApiTokenPrice("x", "p", "m", 1.0, 2.0, Double.NaN, "t", LocalDate.of(2025, 1, 1));
        List<CheapestFleet.Candidate> c = CheapestFleet.candidates(
                List.of(tp4), Map.of("h100-tp4", 2.0), cat, 5.0, 1000, 200, 1.0, (p, n) -> n >= 3, api);
        assertEquals(2, c.size(), "the 2-GPU machine cannot hold a TP4 instance");
        CheapestFleet.Candidate spot = c.get(0);
        CheapestFleet.Candidate onDemand = c.get(1);
        assertEquals(3, onDemand.instances(), "ceil(5 / 2) = 3 instances, which the check accepts");
        assertEquals(3 * 80.0 / 8 * 4, onDemand.usdPerHour(), 1e-9);
        double u = SpotInterruption.hazardPerHourForBucket("<5%") * 1.0;
        assertEquals(3 * ((1 - u) * 20 + u * 40), spot.usdPerHour(), 1e-9);
        assertEquals("spot+fallback", spot.pricing());
        assertEquals(1e6 * onDemand.usdPerHour() / (5.0 * 200 * 3600), onDemand.usdPer1mOutputTokens(), 1e-9);
        assertEquals(1000 * onDemand.usdPerHour() / (5.0 * 3600), onDemand.usdPer1kRequests(), 1e-9);
        // API: (1000 x 1 + 200 x 2) / 1e6 = 0.0014 USD per request; one 40 USD/h instance breaks even at 40 / (3600 x
        // 0.0014) = 7.9 req/s,
        // above its 2 req/s capacity: never.
        assertTrue(Double.isInfinite(onDemand.breakEvenRate()));
        List<CheapestFleet.Candidate> cheapApi = CheapestFleet.candidates(
                List.of(tp4),
                Map.of("h100-tp4", 2.0),
                cat,
                5.0,
                1000,
                200,
                1.0,
                null,
                new ApiTokenPrice("y", "p", "m", 5.0, 10.0, Double.NaN, "t", LocalDate.of(2025, 1, 1)));
        assertEquals(40 / (3600 * 0.007), cheapApi.get(1).breakEvenRate(), 1e-9);
    }

    @Test
    void theShippedApiCatalogueIsDatedAndGroupsLlama2Offers() {
        List<ApiTokenPrice> all = ApiTokenPrice.shipped();
        assertTrue(
                all.stream().filter(a -> a.modelFamily().equals("llama2-70b")).count() >= 5);
        assertTrue(all.stream()
                .allMatch(a -> a.asOf().equals(LocalDate.of(2025, 9, 1))
                        && a.source().contains("tokencost")
                        && a.inputUsdPerMillion() + a.outputUsdPerMillion() > 0));
        List<CheapestFleet.Api> api = CheapestFleet.api(all, "llama2-70b", 1.0, 1000, 200);
        assertEquals(
                1000 * api.getFirst().price().usdPerRequest(1000, 200),
                api.getFirst().usdPer1kRequests(),
                1e-12);
        for (int i = 1; i < api.size(); i++)
            assertTrue(api.get(i).usdPerHour() >= api.get(i - 1).usdPerHour());
    }
}
