package frontier.model.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import frontier.sim.InvalidSpecException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class IterationTableTest {
    // prefill 100 tokens 10 ms, 200 → 30 ms; batch 1 → 20 ms, 4 → 26 ms at context 500; context 500 → 20 ms, 1500 → 22
    // ms.
    static final IterationTable T = new IterationTable(
            new double[] {100, 200},
            new double[] {0.010, 0.030},
            new double[] {1, 4},
            new double[] {0.020, 0.026},
            500,
            new double[] {500, 1500},
            new double[] {0.020, 0.022});

    @Test
    void prefillInterpolatesBetweenPointsHoldsTheFloorBelowAndExtendsTheSlopeAbove() {
        assertEquals(0.020, T.prefill(150), 1e-12);
        assertEquals(0.010, T.prefill(16), 1e-12);
        assertEquals(0.050, T.prefill(300), 1e-12);
    }

    @Test
    void decodeStepAddsEachSequencesContextDifferenceToTheBatchStep() {
        // 2 sequences at the reference context: the batch table alone, 20 + 6·(1/3) = 22 ms.
        assertEquals(0.022, T.decode(2, 500), 1e-12);
        // 2 sequences of 1,000 tokens: 22 ms + 2 × (21 − 20) ms.
        assertEquals(0.024, T.decode(2, 1000), 1e-12);
        assertEquals(0.024, T.seconds(0, 2, 2000), 1e-12);
    }

    @Test
    void aMixedIterationReadsTheWeightsOnce() {
        // 150 prefill tokens (20 ms) and 2 decodes at 1,000 tokens (24 ms), less one single-sequence step (20 ms).
        assertEquals(0.020 + 0.024 - 0.020, T.seconds(150, 2, 2000), 1e-12);
        IterationProfile p = IterationProfile.of(1, 1, 1, 1, 0).withTable(T);
        assertEquals(T.seconds(150, 2, 2000), p.meanSeconds(150, 2, 999_999, 2000), 1e-15);
    }

    @Test
    void keysMustIncreaseAndTimesBePositive() {
        assertThrows(
                InvalidSpecException.class,
                () -> new IterationTable(
                        new double[] {2, 1},
                        new double[] {1, 1},
                        new double[] {1},
                        new double[] {1},
                        1,
                        new double[] {1},
                        new double[] {1}));
        assertThrows(
                InvalidSpecException.class,
                () -> new IterationTable(
                        new double[] {1},
                        new double[] {0},
                        new double[] {1},
                        new double[] {1},
                        1,
                        new double[] {1},
                        new double[] {1}));
    }

    @Test
    void tableCsvErrorsNameTheLine() {
        String head = "name,gpu,model,tensor_parallel,table,key,ms,source,date\n";
        BadInputException e = assertThrows(
                BadInputException.class,
                () -> LlmProfiles.readTables(
                        "t.csv", new StringReader(head + "x,g,m,1,prefill,100,10,s,d\nx,g,m,1,decoding,1,20,s,d\n")));
        assertTrue(e.getMessage().startsWith("t.csv:3: column 'table'"), e.getMessage());
        e = assertThrows(
                BadInputException.class,
                () -> LlmProfiles.readTables(
                        "t.csv",
                        new StringReader(head + "x,g,m,1,prefill,100,10,s,d\nx,g,m,1,decode_batch,1,20,s,d\n")));
        assertTrue(e.getMessage().startsWith("t.csv:2: profile 'x'"), e.getMessage());
    }

    @Test
    void shippedTableProfilesRunInTheEngine() {
        IterationProfile p = LlmProfiles.bundled().get("h100-80gb-llama2-70b-tp4-table");
        assertTrue(p != null && p.isTable());
        LlmResult r = new LlmServing(EngineConfig.of(64, 2048, 200_000), p, 1, LlmServing.Routing.ROUND_ROBIN)
                .run(LlmWorkload.poisson(2, 200, new int[] {512}, new int[] {128}), LlmServing.Options.defaults(3));
        assertEquals(200, r.completed());
        // A lone 128-token decode at context ~576 takes the table's ~29 ms; batching slows it a little.
        assertTrue(
                r.tpot().mean() > 0.028 && r.tpot().mean() < 0.06,
                "tpot " + r.tpot().mean());
    }
}
