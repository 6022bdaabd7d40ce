package frontier.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.analysis.fit.TokenTimeFit.Result;
import frontier.sim.BadInputException;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.LogNormal;
import frontier.sim.dist.Sampler;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenTimeFitTest {
    private static final double A = 0.25; // overhead, s
    private static final double PREFILL = 4_000; // input tokens / s
    private static final double DECODE = 40; // output tokens / s

    private record Data(double[] latency, long[] in, long[] out) {}

    /** Requests with uniform token counts and latency (a + in/prefill + out/decode) × lognormal(mean 1, cv). */
    private static Data synthetic(int n, double cv, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Sampler noise =
                new LogNormal(1.0, cv, null, null).sampler(new frontier.sim.RandomStreams(seed, 0).stream("noise"));
        double[] y = new double[n];
        long[] in = new long[n];
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            in[i] = rnd.nextLong(50, 8_000);
            out[i] = rnd.nextLong(5, 600);
            y[i] = (A + in[i] / PREFILL + out[i] / DECODE) * noise.sample();
        }
        return new Data(y, in, out);
    }

    @Test
    void overheadPrefillAndDecodeRatesAreRecoveredFromNoisyRequests() {
        // With n = 20,000 and 20% multiplicative noise the standard errors, measured over 50 seeds, are
        // 0.009 s on the overhead, 1.2% on the prefill rate, 0.21% on the decode rate and 0.001 on the
        // residual cv; tolerances are about 4 of those.
        Data d = synthetic(20_000, 0.2, 1);
        Result r = TokenTimeFit.fit(d.latency(), d.in(), d.out());
        assertEquals(A, r.overheadS(), 0.04, r.toString());
        assertEquals(PREFILL, r.prefillTokensPerS(), 0.05 * PREFILL, r.toString());
        assertEquals(DECODE, r.decodeTokensPerS(), 0.009 * DECODE, r.toString());
        assertEquals(0.2, r.residualCv(), 0.005, "the noise's cv is the residual cv: " + r);
        assertTrue(r.rSquared() > 0.8 && r.rSquared() < 1, r.toString());
        assertEquals(20_000, r.n());
        assertTrue(r.notes().isEmpty(), r.notes().toString());
        LogNormal noise = assertInstanceOf(LogNormal.class, r.noise());
        assertEquals(1.0, noise.mean(), 1e-12);
        assertEquals(r.residualCv(), noise.cv(), 1e-12);
        assertEquals(
                r.overheadS() + 1000 / r.prefillTokensPerS() + 100 / r.decodeTokensPerS(),
                r.meanServiceTimeS(1000, 100),
                1e-12);
    }

    @Test
    void noiseFreeDataAreFittedExactly() {
        Data d = synthetic(500, 1e-9, 2);
        for (int i = 0; i < d.latency().length; i++) d.latency()[i] = A + d.in()[i] / PREFILL + d.out()[i] / DECODE;
        Result r = TokenTimeFit.fit(d.latency(), d.in(), d.out());
        assertEquals(A, r.overheadS(), 1e-9);
        assertEquals(PREFILL, r.prefillTokensPerS(), 1e-6 * PREFILL);
        assertEquals(DECODE, r.decodeTokensPerS(), 1e-6 * DECODE);
        assertEquals(1.0, r.rSquared(), 1e-12);
        assertEquals(0.0, r.residualCv(), 1e-9);
    }

    @Test
    void aNegativeCoefficientIsDroppedAndTheRestRefitted() {
        // Latency falls slightly with input tokens here (as when long prompts hit a cache): physically no
        // prefill time can be negative, so the term goes and the others are refitted without it.
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 400;
        double[] y = new double[n];
        long[] in = new long[n];
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            in[i] = rnd.nextLong(0, 2_000);
            out[i] = rnd.nextLong(1, 300);
            y[i] = 0.5 + out[i] / DECODE - 2e-5 * in[i];
        }
        Result r = TokenTimeFit.fit(y, in, out);
        assertEquals(Double.POSITIVE_INFINITY, r.prefillTokensPerS());
        assertTrue(r.notes().getFirst().contains("prefill"), r.notes().toString());
        assertTrue(r.overheadS() > 0 && r.decodeTokensPerS() > 0, r.toString());
        assertEquals(DECODE, r.decodeTokensPerS(), 0.01 * DECODE, "decode is still explained by the output tokens");
        assertEquals(
                r.overheadS() + 100 / r.decodeTokensPerS(),
                r.meanServiceTimeS(1_000, 100),
                1e-12,
                "input tokens cost nothing");
    }

    @Test
    void aTokenCountThatNeverVariesCannotBeSeparatedFromTheOverhead() {
        Data d = synthetic(300, 0.1, 4);
        long[] fixedIn = new long[300];
        java.util.Arrays.fill(fixedIn, 512);
        Result r = TokenTimeFit.fit(d.latency(), fixedIn, d.out());
        assertEquals(Double.POSITIVE_INFINITY, r.prefillTokensPerS());
        assertTrue(r.notes().getFirst().contains("512 input tokens"), r.notes().toString());
        assertTrue(r.overheadS() > A, "the fixed prompt's time is absorbed in the overhead: " + r);
    }

    @Test
    void aPerfectConstantLatencyIsAllOverheadWithNoNoise() {
        double[] y = new double[20];
        java.util.Arrays.fill(y, 0.3);
        long[] in = new long[20];
        long[] out = new long[20];
        for (int i = 0; i < 20; i++) {
            in[i] = 10 * i;
            out[i] = 20 - i;
        }
        Result r = TokenTimeFit.fit(y, in, out);
        assertEquals(0.3, r.overheadS(), 1e-9, r.toString());
        assertEquals(0.3, r.meanServiceTimeS(10_000, 0), 1e-6, r.toString());
        assertInstanceOf(Deterministic.class, r.noise());
    }

    @Test
    void badInputsAreRejectedWithTheOffendingRequest() {
        Data d = synthetic(20, 0.1, 5);
        assertBad(() -> TokenTimeFit.fit(d.latency(), new long[19], d.out()), "20 latencies but 19 input");
        assertBad(() -> TokenTimeFit.fit(new double[5], new long[5], new long[5]), "at least 10");
        assertBad(() -> TokenTimeFit.fit(null, d.in(), d.out()), "required");
        for (double bad : new double[] {0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
            double[] y = d.latency().clone();
            y[7] = bad;
            assertBad(() -> TokenTimeFit.fit(y, d.in(), d.out()), "latency [7] is " + bad);
        }
        long[] in = d.in().clone();
        in[3] = -1;
        assertBad(() -> TokenTimeFit.fit(d.latency(), in, d.out()), "request [3] has -1 input");
    }

    @Test
    void randomRequestsGiveAPositiveModelOrBadInput() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int trial = 0; trial < 300; trial++) {
            int n = rnd.nextInt(30);
            double[] y = new double[n];
            long[] in = new long[n];
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                y[i] = rnd.nextInt(50) == 0 ? -1 : Math.exp(rnd.nextDouble(-5, 5));
                in[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(0, 100_000);
                out[i] = rnd.nextInt(3) == 0 ? 7 : rnd.nextLong(0, 1_000);
            }
            try {
                Result r = TokenTimeFit.fit(y, in, out);
                assertTrue(r.overheadS() >= 0 && r.prefillTokensPerS() > 0 && r.decodeTokensPerS() > 0, r.toString());
                assertTrue(r.residualCv() >= 0 && Double.isFinite(r.residualCv()), r.toString());
                assertTrue(r.meanServiceTimeS(100, 10) > 0, r.toString());
            } catch (BadInputException expected) {
                assertTrue(expected.getMessage().startsWith("token-time fit:"), expected.getMessage());
            }
        }
    }

    private static void assertBad(org.junit.jupiter.api.function.Executable call, String fragment) {
        BadInputException e = assertThrows(BadInputException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
