package frontier.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.cost.PriceCatalogue;
import frontier.domain.PoolKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "What served this endpoint?" form without a window: suggestion, price text, and a choice it cannot price. */
class DeclareCapacityViewModelTest {
    /** Two GPU types; only the L4 has a spot price. */
    private static final PriceCatalogue CATALOGUE = PriceCatalogue.parse("""
        provider,region,instance_type,gpu_model,gpus,vcpus,memory_gib,pricing_model,usd_per_hour,source,as_of
        aws,us-east-1,g6.xlarge,L4,1,4,16,on_demand,0.8048,test,2025-06-01
        aws,us-east-1,g6.xlarge,L4,1,4,16,spot,0.3,test,2025-06-28
        aws,us-east-1,p5.48xlarge,H100-80GB,8,192,2048,on_demand,55.04,test,2025-06-01
        """, "test catalogue");

    @Test
    void theGpuTheNamesMentionIsChosenAndPricedWithItsDate() {
        DeclareCapacityViewModel m = new DeclareCapacityViewModel(CATALOGUE, List.of("bench", "run-h100.csv"));
        assertTrue(m.suggested());
        assertEquals("p5.48xlarge", m.typeProperty().get().instanceType());
        assertEquals(2, m.types().size(), "every GPU type can be chosen");
        m.instancesProperty().set(2);
        assertEquals(
                "55.04 USD per instance-hour on demand (price catalogue, as of 2025-06-01): 110.08 USD per hour,"
                        + " 80,358 USD per month for 2",
                m.priceProperty().get());
        assertEquals(PoolKind.ALWAYS_ON, m.capacity().orElseThrow().kind());
        assertEquals(2, m.capacity().orElseThrow().instances());
    }

    @Test
    void spotWithoutASpotPriceCannotBeChosenAndSaysWhy() {
        DeclareCapacityViewModel m = new DeclareCapacityViewModel(CATALOGUE, List.of("h100"));
        m.spotProperty().set(true);
        assertFalse(m.validProperty().get());
        assertEquals(
                "The price catalogue has no spot price for p5.48xlarge in us-east-1: choose on demand or another type.",
                m.problemProperty().get());
        m.typeProperty()
                .set(m.types().stream()
                        .filter(p -> p.instanceType().equals("g6.xlarge"))
                        .findFirst()
                        .orElseThrow());
        assertTrue(m.validProperty().get());
        assertEquals(PoolKind.SPOT, m.capacity().orElseThrow().kind());
        assertTrue(
                m.priceProperty()
                        .get()
                        .startsWith("0.3 USD per instance-hour on spot (price catalogue, as of 2025-06-28)"),
                m.priceProperty().get());
    }

    @Test
    void namesThatMentionNoGpuSuggestNothing() {
        DeclareCapacityViewModel m = new DeclareCapacityViewModel(CATALOGUE, List.of("chat", "requests.csv"));
        assertFalse(m.suggested());
        assertEquals("g6.xlarge", m.typeProperty().get().instanceType(), "the catalogue's first GPU type");
    }

    @Test
    void theModelTheNamesSuggestIsChosenAndNotKnownLeavesTheCapacityWithoutOne() {
        DeclareCapacityViewModel m =
                new DeclareCapacityViewModel(CATALOGUE, List.of("jan20-codellama-train-1", "run-h100.csv"));
        assertTrue(m.modelSuggested());
        assertEquals("codellama-34b", m.modelProperty().get());
        assertEquals("codellama-34b", m.capacity().orElseThrow().model());
        assertEquals(DeclareCapacityViewModel.NOT_KNOWN, m.models().getFirst(), "not known can be chosen");
        assertEquals(
                "codellama-34b, 33.7 B parameters, 62.9 GiB of weights",
                DeclareCapacityViewModel.modelLabel("codellama-34b"));
        m.modelProperty().set(DeclareCapacityViewModel.NOT_KNOWN);
        assertEquals(null, m.capacity().orElseThrow().model());

        DeclareCapacityViewModel none = new DeclareCapacityViewModel(CATALOGUE, List.of("chat", "run-h100.csv"));
        assertFalse(none.modelSuggested());
        assertEquals(DeclareCapacityViewModel.NOT_KNOWN, none.modelProperty().get());
        assertEquals(null, none.capacity().orElseThrow().model());
    }
}
