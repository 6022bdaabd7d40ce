package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.Price;
import frontier.model.pool.TokenTime;
import frontier.model.traffic.PoissonTraffic;
import frontier.model.traffic.RenewalTraffic;
import frontier.model.traffic.ReplayTraffic;
import frontier.model.traffic.TimeUnit;
import frontier.model.traffic.Traffic;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Empirical;
import frontier.sim.dist.GammaDist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token-driven service times: exact on an idle server, Pollaczek–Khinchine under load, replayed token counts. */
class TokenTimeTest {
    private static final long SEED = 20261124L;

    @TempDir
    Path dir;

    private static AlwaysOnPool pool(int instances, TokenTime time, double usdPerHour) {
        return new AlwaysOnPool(
                "llm",
                instances,
                1,
                new ModelProfile("llm", null, time, null),
                null,
                null,
                null,
                null,
                null,
                Price.perHour(usdPerHour));
    }

    private static RunResult run(
            Traffic traffic, AlwaysOnPool pool, TokensSpec tokens, RunSpec run, Path base, int replication) {
        return ServingModel.run(
                new FleetSpec(traffic, List.of(pool), null, null, tokens, run),
                base,
                new RandomStreams(SEED, replication),
                RunControl.NONE);
    }

    @Test
    void fixedTokensAndOverheadGiveAnExactServiceTimeOnAnIdleServer() {
        // 0.05 s + 1000 / 4000 + 200 / 50 = 4.3 s; arrivals 100 s apart never wait.
        TokenTime time = new TokenTime(new Deterministic(0.05), 4000, 50, null);
        RunResult r = run(
                new RenewalTraffic(new Deterministic(100)),
                pool(1, time, 0),
                new TokensSpec(new Deterministic(1000), new Deterministic(200)),
                new RunSpec(null, 200L, null, null, 1, SEED),
                null,
                0);
        assertEquals(200, r.metric("completed"));
        assertEquals(0, r.metric("wait_ms.max"));
        assertEquals(4300, r.metric("service_ms.mean"), 1e-9);
        assertEquals(4300, r.metric("latency_ms.mean"), 1e-9);
        assertEquals(4300, r.metric("latency_ms.max"), 1e-9);
        assertEquals(200 * 1000, r.metric("tokens.input"));
        assertEquals(200 * 200, r.metric("tokens.output"));
    }

    @Test
    void cacheSavingsUseTheMeanOfTheTokenDrivenTimes() {
        // Every miss is served in exactly 4.3 s, so each hit saved 4.3 busy seconds.
        TokenTime time = new TokenTime(new Deterministic(0.05), 4000, 50, null);
        FleetSpec spec = new FleetSpec(
                new RenewalTraffic(new Deterministic(100)),
                List.of(pool(1, time, 3.6)),
                null,
                new CacheSpec(0.5, null, null, null, 5.0),
                new TokensSpec(new Deterministic(1000), new Deterministic(200)),
                new RunSpec(null, 400L, null, null, 1, SEED));
        RunResult r = ServingModel.run(spec, null, new RandomStreams(SEED, 0), RunControl.NONE);
        assertTrue(r.metric("cache.hits") > 100, "about half of 400 requests hit");
        assertEquals(
                4.3 * r.metric("cache.hits"), r.metric("cache.saved_busy_s"), 1e-9 * r.metric("cache.saved_busy_s"));
    }

    /**
     * M/G/1 with S = (O + In/p + Out/d)·N: overhead O gamma, token counts from empirical (integer-valued,
     * so rounding changes nothing) distributions on their own streams, noise N lognormal of mean 1, all
     * independent. Hence E[S] = E[O] + E[In]/p + E[Out]/d and E[S²] = E[(O + In/p + Out/d)²]·(1 + cv_N²),
     * exactly, and Pollaczek–Khinchine gives Wq = λE[S²] / (2(1 − ρ)). Ten seeded replications of 300,000
     * requests after a 15,000-request warm-up; tolerance 4.5 standard errors of the replication mean (a false
     * alarm with probability ≈ 0.15%, t with 9 df), and the standard error must be under 1% of the value so
     * that a 5% bias cannot hide in it (same rule as QueueingTheoryTest).
     */
    @Test
    void mg1WithTokenDrivenServiceMatchesPollaczekKhinchine() {
        Distribution overhead = new GammaDist(0.1, 0.5, null, null);
        Distribution in = new Empirical(List.of(200.0, 800.0, 1500.0, 4000.0));
        Distribution out = new Empirical(List.of(20.0, 100.0, 300.0));
        double prefill = 5000;
        double decode = 200;
        double noiseCv = 0.4;
        double eo = overhead.mean();
        double ea = in.mean() / prefill;
        double eb = out.mean() / decode;
        double mean = eo + ea + eb;
        double secondBeforeNoise = overhead.secondMoment()
                + in.secondMoment() / (prefill * prefill)
                + out.secondMoment() / (decode * decode)
                + 2 * (eo * ea + eo * eb + ea * eb);
        double second = secondBeforeNoise * (1 + noiseCv * noiseCv);
        assertEquals(1.125, mean, 1e-12, "E[S] worked by hand: 0.1 + 1625/5000 + 140/200");
        double lambda = 0.7 / mean;
        double wq = lambda * second / (2 * (1 - 0.7));

        List<RunResult> runs = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            runs.add(run(
                    new PoissonTraffic(lambda),
                    pool(1, new TokenTime(overhead, prefill, decode, noiseCv), 0),
                    new TokensSpec(in, out),
                    new RunSpec(null, 300_000L, null, 15_000L, 1, SEED),
                    null,
                    k));
        }
        Replicated r = new Replicated(runs);
        assertMatches(r, "service_ms.mean", 1000 * mean);
        assertMatches(r, "wait_ms.mean", 1000 * wq);
        assertMatches(r, "utilization", 0.7);
    }

    private static void assertMatches(Replicated r, String metric, double expected) {
        double mean = r.mean(metric);
        double se = r.standardError(metric);
        assertTrue(
                se < 0.01 * expected,
                metric + ": standard error " + se + " is too large for a meaningful test of " + expected);
        assertEquals(
                expected, mean, 4.5 * se, metric + ": simulated " + mean + " ± " + se + " (SE), theory " + expected);
    }

    @Test
    void replayedTokenCountsDriveServiceTimesAndTotals() throws IOException {
        // Requests 60 s apart on one instance: each is served alone in exactly in/100 + out/10 seconds.
        int[][] rows = {{0, 120, 7}, {60, 3000, 40}, {120, 0, 0}, {180, 45, 512}, {240, 1, 1}};
        StringBuilder csv = new StringBuilder("ts,prompt,completion\n");
        long sumIn = 0;
        long sumOut = 0;
        double sumService = 0;
        for (int[] row : rows) {
            csv.append(row[0])
                    .append(',')
                    .append(row[1])
                    .append(',')
                    .append(row[2])
                    .append('\n');
            sumIn += row[1];
            sumOut += row[2];
            sumService += row[1] / 100.0 + row[2] / 10.0;
        }
        Files.writeString(dir.resolve("trace.csv"), csv);
        ReplayTraffic replay =
                new ReplayTraffic("trace.csv", "ts", TimeUnit.S, null, null, null, null, "prompt", "completion");
        RunResult r = run(
                replay,
                pool(1, new TokenTime(new Deterministic(0), 100, 10, null), 36),
                null,
                new RunSpec(null, (long) rows.length, null, null, 1, SEED),
                dir,
                0);
        assertEquals(rows.length, r.metric("completed"));
        assertEquals(sumIn, r.metric("tokens.input"));
        assertEquals(sumOut, r.metric("tokens.output"));
        assertEquals(1000 * sumService / rows.length, r.metric("latency_ms.mean"), 1e-9);
        assertEquals(0, r.metric("wait_ms.max"));
        assertEquals(1e6 * r.metric("cost_usd.total") / (sumIn + sumOut), r.metric("cost_usd.per_1m_tokens"), 1e-9);
        assertTrue(r.metric("cost_usd.total") > 0);
    }

    @Test
    void traceColumnsTakePrecedenceAndDistributionsFillTheMissingOne() throws IOException {
        Files.writeString(dir.resolve("in-only.csv"), "ts,prompt\n0,10\n1,20\n2,30\n");
        ReplayTraffic replay =
                new ReplayTraffic("in-only.csv", "ts", TimeUnit.S, null, null, null, null, "prompt", null);
        RunResult r = run(
                replay,
                pool(4, new TokenTime(new Deterministic(0.01), 1000, 100, null), 0),
                new TokensSpec(new Deterministic(999), new Deterministic(7)),
                new RunSpec(null, 3L, null, null, 1, SEED),
                dir,
                0);
        assertEquals(60, r.metric("tokens.input"), "from the file, not 3 × 999");
        assertEquals(21, r.metric("tokens.output"), "3 × 7 from the distribution");
    }

    @Test
    void replayedTokensAreReportedWithoutATokensSpecEvenForServiceDistributionPools() throws IOException {
        Files.writeString(
                dir.resolve("t.jsonl"), "{\"t\": 0, \"in\": 5, \"out\": 6}\n{\"t\": 1, \"in\": 7, \"out\": 8}\n");
        ReplayTraffic replay = new ReplayTraffic("t.jsonl", "t", TimeUnit.S, null, null, null, null, "in", "out");
        AlwaysOnPool plain = new AlwaysOnPool(
                "p", 1, 1, ModelProfile.of(new Deterministic(0.1)), null, null, null, null, null, Price.perHour(1));
        RunResult r = ServingModel.run(
                new FleetSpec(replay, List.of(plain), null, null, null, new RunSpec(null, 2L, null, null, 1, SEED)),
                dir,
                new RandomStreams(SEED, 0),
                RunControl.NONE);
        assertEquals(12, r.metric("tokens.input"));
        assertEquals(14, r.metric("tokens.output"));
        assertTrue(r.metric("cost_usd.per_1m_tokens") > 0);
    }

    @Test
    void realAzureTraceTokenTotalsMatchTheFile() throws IOException {
        Path trace = frontier.ingest.Samples.trace("azure_llm_inference_2023_code.csv");
        long sumIn = 0;
        long sumOut = 0;
        List<String> lines = Files.readAllLines(trace);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            sumIn += Long.parseLong(f[1].strip());
            sumOut += Long.parseLong(f[2].strip());
        }
        ReplayTraffic replay = new ReplayTraffic(
                trace.toString(),
                "TIMESTAMP",
                TimeUnit.ISO8601,
                null,
                null,
                null,
                null,
                "ContextTokens",
                "GeneratedTokens");
        RunResult r = run(
                replay,
                pool(64, new TokenTime(new Deterministic(0.02), 20_000, 80, 0.2), 1),
                null,
                new RunSpec(null, (long) lines.size() - 1, null, null, 1, SEED),
                null,
                0);
        assertEquals(lines.size() - 1, r.metric("completed"));
        assertEquals(sumIn, r.metric("tokens.input"));
        assertEquals(sumOut, r.metric("tokens.output"));
    }
}
