package frontier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import frontier.ingest.BillingFormat;
import frontier.ingest.ChargeCategory;
import frontier.ingest.CostBasis;
import frontier.model.pool.Pools;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import frontier.sim.BadInputException;
import frontier.store.AttributionRule;
import frontier.store.Dimension;
import frontier.store.UnitCostQuery;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shared words: their stored spellings, the catalogue's, and the one lookup convention. */
class VocabularyTest {

    @Test
    void storedPricingModelCodesAreThoseOfExistingWorkspaces() {
        // These strings are in the pricing_model column of every workspace written since schema version 1.
        assertEquals(
                List.of("on_demand", "commitment", "spot", "serverless", "other", "unspecified"),
                Coded.codes(PricingModel.class));
        for (PricingModel m : PricingModel.values()) assertEquals(m, PricingModel.stored(m.code()));
        assertEquals(
                PricingModel.UNSPECIFIED,
                PricingModel.stored("no such code"),
                "an unknown stored code reads as not specified");
        assertEquals(PricingModel.UNSPECIFIED, PricingModel.stored(null));
    }

    @Test
    void catalogueSpellsCommitmentAsCommittedAndNamesOnlyItsFourModels() {
        assertEquals(Optional.of(PricingModel.COMMITMENT), PricingModel.fromCatalogue("committed"));
        assertEquals(
                Optional.of(PricingModel.ON_DEMAND),
                PricingModel.fromCatalogue(" On-Demand "),
                "case, blanks and '-' for '_' ignored");
        assertEquals(Optional.of(PricingModel.SPOT), PricingModel.fromCatalogue("SPOT"));
        assertEquals(Optional.of(PricingModel.SERVERLESS), PricingModel.fromCatalogue("serverless"));
        assertEquals(
                Optional.empty(),
                PricingModel.fromCatalogue("commitment"),
                "the stored code is not the catalogue's spelling");
        assertEquals(Optional.empty(), PricingModel.fromCatalogue("other"));
        assertEquals(Optional.empty(), PricingModel.fromCatalogue(null));
        assertEquals("committed", PricingModel.COMMITMENT.catalogueCode());
        assertEquals(null, PricingModel.UNSPECIFIED.catalogueCode());
    }

    @Test
    void fromCodeRefusesAnUnknownCodeNamingTheAllowedOnes() {
        BadInputException e = assertThrows(BadInputException.class, () -> PoolKind.fromCode("reserved"));
        assertEquals(
                "pool kind: expected one of always_on, autoscaled, serverless, spot, got 'reserved'", e.getMessage());
        e = assertThrows(BadInputException.class, () -> PricingModel.fromCode("committed"));
        assertTrue(
                e.getMessage().contains("on_demand, commitment, spot, serverless, other, unspecified"), e.getMessage());
        assertEquals(PoolKind.ALWAYS_ON, PoolKind.fromCode("Always-On"), "case and '-' for '_' ignored");
        assertFalse(PoolKind.find(null).isPresent());
    }

    /** Every enum read from text by code: the one convention holds for each. */
    private static final List<Class<? extends Enum<?>>> CODED = List.of(
            PricingModel.class,
            PoolKind.class,
            ChargeCategory.class,
            CostBasis.class,
            BillingFormat.class,
            Dimension.class,
            UnitCostQuery.Key.class,
            UnitCostQuery.Figure.class,
            AttributionRule.Match.class);

    @Test
    void everyCodedEnumFindsEachConstantByItsCodeAndRefusesAnUnknownOne() throws Exception {
        for (Class<? extends Enum<?>> type : CODED) {
            Set<String> normalised = new java.util.HashSet<>();
            for (Enum<?> e : type.getEnumConstants()) {
                String code = ((Coded) e).code();
                assertTrue(
                        normalised.add(code.toLowerCase(java.util.Locale.ROOT).replace('-', '_')),
                        type + ": codes differ by more than case and '-'");
                assertEquals(e, type.getMethod("fromCode", String.class).invoke(null, code), type + " " + code);
                assertEquals(
                        Optional.of(e),
                        type.getMethod("find", String.class).invoke(null, code.toUpperCase(java.util.Locale.ROOT)));
            }
            assertEquals(Optional.empty(), type.getMethod("find", String.class).invoke(null, "no-such-code"));
            var e = assertThrows(
                    java.lang.reflect.InvocationTargetException.class,
                    () -> type.getMethod("fromCode", String.class).invoke(null, "no-such-code"));
            assertTrue(e.getCause() instanceof BadInputException, type + ": " + e.getCause());
            assertTrue(
                    e.getCause().getMessage().contains("'no-such-code'"),
                    e.getCause().getMessage());
        }
    }

    @Test
    void poolKindCodesAreTheScenarioJsonTypesOfThePoolSpecs() {
        Map<Class<?>, String> jsonTypes = Stream.of(
                        Pools.class.getAnnotation(JsonSubTypes.class).value())
                .collect(Collectors.toMap(JsonSubTypes.Type::value, JsonSubTypes.Type::name));
        assertEquals(Set.copyOf(Coded.codes(PoolKind.class)), Set.copyOf(jsonTypes.values()), "one JSON type per kind");
        Set<PoolKind> seen = EnumSet.noneOf(PoolKind.class);
        for (String file : List.of(
                "simulations/demo/demo-fleet.json",
                "simulations/sweeps/serving-sweep.json",
                "simulations/fleet/autoscaled-cold-starts.json")) {
            Scenario s = ScenarioLoader.load(Path.of(file));
            for (Pools p : s.pools()) {
                assertEquals(jsonTypes.get(p.getClass()), p.kind().code(), p.name());
                seen.add(p.kind());
            }
            assertFalse(
                    ScenarioLoader.toJson(s)
                            .matches("(?s).*\"kind\"\\s*:\\s*\"(always_on|autoscaled|serverless|spot)\".*"),
                    "a spec's kind() is not written as a field of its own");
        }
        assertEquals(EnumSet.allOf(PoolKind.class), seen);
    }
}
