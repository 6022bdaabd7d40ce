package frontier.model.llm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.InvalidSpecException;
import org.junit.jupiter.api.Test;

class PrefillShareTest {
    private static final IterationProfile PROFILE = IterationProfile.of(0.010, 2e-5, 0.001, 1e-6, 0);

    @Test
    void quantilesOfASampleAreItsEmpiricalInverseDistribution() {
        // 4 shares: 0.2, 0.4, 1, 1 → at probabilities 0, 1/2, 1 the interpolated order statistics.
        PrefillShare s = PrefillShare.fromSample(new double[] {1, 0.4, 1, 0.2}, 3, "t", "2026-12-07", "test");
        assertArrayEquals(new double[] {0.2, 0.7, 1.0}, s.quantiles(), 1e-12);
        assertEquals(0.2, s.share(0), 1e-12);
        assertEquals(0.45, s.share(0.25), 1e-12);
        assertEquals(1.0, s.share(0.999999), 1e-5);
        assertEquals((0.45 + 0.85) / 2, s.mean(), 1e-12);
    }

    @Test
    void cachedTokensAreWholeBlocksAndLeaveOneTokenToCompute() {
        assertEquals(0, PrefillShare.cachedTokens(1000, 1.0, 16));
        assertEquals(496, PrefillShare.cachedTokens(1000, 0.5, 16)); // 500 → 31 blocks
        assertEquals(992, PrefillShare.cachedTokens(1000, 0.0, 16)); // at least one token computed
        assertEquals(0, PrefillShare.cachedTokens(10, 0.0, 16));
    }

    @Test
    void sharesOutsideZeroToOneOrDecreasingAreRefusedByField() {
        InvalidSpecException e =
                assertThrows(InvalidSpecException.class, () -> new PrefillShare(new double[] {0.5, 1.2}, "", "", ""));
        assertEquals("prefill_share", e.field());
        assertThrows(InvalidSpecException.class, () -> new PrefillShare(new double[] {0.6, 0.5}, "", "", ""));
        assertThrows(InvalidSpecException.class, () -> new PrefillShare(new double[] {0.5}, "", "", ""));
    }

    @Test
    void aProfileWithAShareDrawsEachRequestsHitAndAReplayedHitIsUsedAsGiven() {
        int n = 2000;
        double[] t = new double[n];
        int[] in = new int[n];
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 10.0; // one at a time
            in[i] = 2048;
            out[i] = 2;
        }
        LlmWorkload w = LlmWorkload.replay(t, in, out);
        EngineConfig config = EngineConfig.of(8, 4096, 100_000);
        // Half the requests compute a quarter of the prompt, half all of it.
        PrefillShare half = new PrefillShare(new double[] {0.25, 0.25, 1, 1}, "t", "", "");
        IterationProfile p = PROFILE.withPrefillShare(half);
        LlmResult r =
                new LlmServing(config, p, 1, LlmServing.Routing.ROUND_ROBIN).run(w, LlmServing.Options.defaults(3));
        double full = PROFILE.a() + PROFILE.b() * 2048 + PROFILE.d() * 2048;
        double hit = PROFILE.a() + PROFILE.b() * 512 + PROFILE.d() * 2048;
        int hits = 0;
        for (double x : r.requestTtft()) {
            if (Math.abs(x - hit) < 1e-12) hits++;
            else assertTrue(x > hit && x <= full + 1e-12, "a share between the quantiles: " + x);
        }
        // P(share = 0.25) = 1/3 exactly (the first third of [0, 1) maps onto the flat first segment); binomial sd of
        // the count over 2,000 requests is 21, so ±5 sd is 105.
        assertEquals(n / 3.0, hits, 105);
        // Given per request, the hits are replayed as they are and nothing is drawn.
        int[] cached = new int[n];
        cached[0] = 1536;
        LlmResult replay = new LlmServing(config, p, 1, LlmServing.Routing.ROUND_ROBIN)
                .run(w.withCachedTokens(cached), LlmServing.Options.defaults(3));
        assertEquals(hit, replay.requestTtft()[0], 1e-12);
        assertEquals(full, replay.requestTtft()[1], 1e-12);
    }
}
