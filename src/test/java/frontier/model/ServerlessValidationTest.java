package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.pool.IdlePolicy;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.ServerlessPool;
import frontier.model.traffic.PoissonTraffic;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.GammaDist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The serverless pool against renewal theory and against real AWS Lambda measurements (the SimFaaS
 * validation table: 20 experiments with Poisson arrivals and a 10-minute keep-alive).
 */
@Tag("validation")
@Tag("c2") // hot loops of tens of seconds: run in the test JVM that keeps C2 (pom.xml)
class ServerlessValidationTest {
    /**
     * Requests simulated per experiment in steady state: 1,000,000, so the simulation's own standard error (under 3%
     * relative even at P(cold) = 0.0013) is well below the measurements' (5–17%). Fewer move the steady-state
     * instance-count error across its 3% bar (250,000 gave 3.1%), so these runs are not trimmed.
     */
    static final double STEADY_STATE_REQUESTS = 1e6;

    /**
     * Requests per experiment of the runs simulated as the experiments were run (many 28-hour runs from no instance,
     * the longest test here): 250,000 by default — the errors were 10.2% and 2.4% against 10.5% and 2.4% with
     * 1,000,000, both well inside the 12% and 3% bars — and 1,000,000 with {@code -Dfrontier.validation.full=true},
     * the run the figures in docs/validation.md come from.
     */
    static final double AS_RUN_REQUESTS = Boolean.getBoolean("frontier.validation.full") ? 1e6 : 2.5e5;

    /**
     * The fewest 28-hour runs averaged per experiment in those runs: 10 by default, 50 with {@code
     * -Dfrontier.validation.full=true}. The minimum binds only from 0.25 req/s up (0.05 with 50), where one run
     * already holds 25,000 to 100,000 requests; with 50, the eleven experiments from 0.1 req/s simulated 29 of the
     * test's 31 million requests (12 s of its CPU), far beyond the 250,000 the others get. With 10 (8 million
     * requests, 4 s), the simulation's own spread of the two mean errors, measured over seeds 17 and 1–6, is a
     * standard deviation of 0.23 points on the cold-start share (10.6–11.3%, mean 10.9%) and 0.07 on the instance
     * count (2.41–2.58%): the 12% and 3% bars are 4.7 and 7 of those above the mean, so a pass is not luck, and a
     * model change that moves either error by half a point still shows. The errors read about 0.7 points higher
     * than with 50 runs (10.2% at seed 17) because a noisier estimate can only add to a mean of absolute errors;
     * docs/validation.md's figures come from the full run.
     */
    static final int AS_RUN_MIN_RUNS = Boolean.getBoolean("frontier.validation.full") ? 50 : 10;

    /**
     * A Lambda function as measured: the per-request logs behind experiments 13 and 18
     * (traces/aws_lambda_per_request_pacslab_*.csv) show warm times with cv 0.02 and cold times with cv
     * 0.08–0.10, so gamma service times with those cvs, not exponential ones.
     */
    static ServerlessPool lambda(double warmS, double coldS, double keepAliveS) {
        return new ServerlessPool(
                "fn",
                1,
                ModelProfile.of(new GammaDist(warmS, 0.02, null, null)),
                null,
                new GammaDist(coldS, 0.09, null, null),
                keepAliveS,
                null,
                1000,
                0,
                IdlePolicy.NEWEST_FIRST,
                null,
                null,
                null);
    }

    static RunResult run(ServerlessPool pool, double lambda, long requests, long seed) {
        FleetSpec spec = new FleetSpec(
                new PoissonTraffic(lambda),
                List.of(pool),
                null,
                null,
                new RunSpec(null, requests, null, requests / 20, 1, seed));
        return ServingModel.run(spec, null, new RandomStreams(seed, 0), RunControl.NONE);
    }

    @Test
    void coldStartProbabilityMatchesRenewalTheory() {
        // One instance at a time (service 0.1 ms at 0.5 req/s): after each request the instance idles an
        // Exp(λ) time until the next arrival, which is cold iff that gap exceeds the keep-alive T:
        // P(cold) = exp(−λT). Binomial SE over 200,000 requests is ≤ 0.0011; 0.006 is over 5 SE, and the
        // error from requests overlapping a 0.1 ms service is below λS = 5e-5.
        for (double t : new double[] {0.5, 2.0, 5.0}) {
            ServerlessPool pool = new ServerlessPool(
                    "fn",
                    1,
                    ModelProfile.of(new Deterministic(1e-4)),
                    null,
                    new Deterministic(1e-4),
                    t,
                    null,
                    1000,
                    0,
                    IdlePolicy.NEWEST_FIRST,
                    null,
                    null,
                    null);
            RunResult r = run(pool, 0.5, 200_000, 3);
            assertEquals(Math.exp(-0.5 * t), r.metric("cold_starts.share_of_requests"), 0.006, "keep-alive " + t);
            assertEquals(
                    r.metric("cold_starts.count"),
                    r.metric("cold_starts.share_of_requests") * r.metric("completed"),
                    1.5,
                    "every cold start is one request's");
        }
    }

    record Experiment(
            String id,
            double rate,
            double warmMs,
            double coldMs,
            double idleMin,
            double instances,
            double utilization,
            double coldProb,
            double coldProbSe) {}

    static List<Experiment> experiments() throws IOException {
        Path f = frontier.ingest.Samples.trace("simfaas_aws_lambda_experiments_exp.csv");
        List<Experiment> list = new ArrayList<>();
        for (String line :
                Files.readAllLines(f).subList(1, Files.readAllLines(f).size())) {
            String[] c = line.split(",");
            list.add(new Experiment(
                    c[0],
                    Double.parseDouble(c[1]),
                    Double.parseDouble(c[2]),
                    Double.parseDouble(c[3]),
                    Double.parseDouble(c[4]),
                    Double.parseDouble(c[5]),
                    Double.parseDouble(c[6]),
                    Double.parseDouble(c[7]),
                    Double.parseDouble(c[8])));
        }
        return list;
    }

    /** Mean absolute relative errors of one model over the table, and the table in Markdown. */
    record Comparison(double coldErr, double instErr, String table) {}

    /**
     * Runs every experiment with the measured service times and the given keep-alive (null: the table's
     * own IdleMinutesBeforeKill). Each experiment is simulated for {@link #STEADY_STATE_REQUESTS} requests.
     */
    static Comparison compare(List<Experiment> exps, Double keepAliveS) {
        return compare(exps, keepAliveS, null);
    }

    /**
     * As {@link #compare(List, Double)}, but with {@code horizonS} given each experiment is simulated as it
     * was run: a run of that length that starts with no instance, its cold-start share and mean instance
     * count taken over the whole run (no warm-up is discarded), averaged over enough independent runs to
     * make {@link #AS_RUN_REQUESTS} requests (at least {@link #AS_RUN_MIN_RUNS} runs).
     */
    static Comparison compare(List<Experiment> exps, Double keepAliveS, Double horizonS) {
        StringBuilder table = new StringBuilder(
                "| experiment | rate (req/s) | warm / cold (s) | P(cold) measured ± SE | P(cold) simulated | error | instances measured | instances simulated | error |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
        double coldErr = 0;
        double instErr = 0;
        for (Experiment e : exps) {
            double keepAlive = keepAliveS == null ? e.idleMin() * 60 : keepAliveS;
            ServerlessPool pool = lambda(e.warmMs() / 1000, e.coldMs() / 1000, keepAlive);
            double cold;
            double inst;
            if (horizonS == null) {
                RunResult r = run(pool, e.rate(), (long) STEADY_STATE_REQUESTS, 17);
                cold = r.metric("cold_starts.share_of_requests");
                inst = r.metric("pools.fn.instances.mean");
            } else {
                int runs = (int) Math.max(AS_RUN_MIN_RUNS, Math.ceil(AS_RUN_REQUESTS / (e.rate() * horizonS)));
                double coldSum = 0;
                double instSum = 0;
                FleetSpec spec = new FleetSpec(
                        new PoissonTraffic(e.rate()),
                        List.of(pool),
                        null,
                        null,
                        new RunSpec(horizonS, null, null, null, 1, 17L));
                for (int k = 0; k < runs; k++) {
                    RunResult r = ServingModel.run(spec, null, new RandomStreams(17, k), RunControl.NONE);
                    coldSum += r.metric("cold_starts.share_of_requests");
                    instSum += r.metric("pools.fn.instances.mean");
                }
                cold = coldSum / runs;
                inst = instSum / runs;
            }
            double ce = Math.abs(cold - e.coldProb()) / e.coldProb();
            double ie = Math.abs(inst - e.instances()) / e.instances();
            coldErr += ce;
            instErr += ie;
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %.5f | %.2f / %.2f | %.4f ± %.4f | %.4f | %.1f%% | %.3f | %.3f | %.1f%% |%n",
                    e.id(),
                    e.rate(),
                    e.warmMs() / 1000,
                    e.coldMs() / 1000,
                    e.coldProb(),
                    e.coldProbSe(),
                    cold,
                    100 * ce,
                    e.instances(),
                    inst,
                    100 * ie));
        }
        coldErr /= exps.size();
        instErr /= exps.size();
        table.append(String.format(
                Locale.ROOT,
                "| **mean absolute relative error** | | | | | **%.1f%%** | | | **%.1f%%** |%n",
                100 * coldErr,
                100 * instErr));
        return new Comparison(coldErr, instErr, table.toString());
    }

    /**
     * Mean absolute relative error over the 20 experiments with the table's own parameters, against the
     * best published simulator's (SimFaaS: 12% on cold-start probability, 3% on the average instance
     * count). Measured here: 13.2% and 2.9%, so the instance count meets the bar and the cold-start
     * probability misses it by about one point; the bounds below guard that result (docs/validation.md
     * discusses the gap; we do not tune the model to this table). The table goes to
     * target/validation/simfaas.md.
     */
    @Test
    void serverlessPoolReproducesTheAwsLambdaMeasurements() throws IOException {
        List<Experiment> exps = experiments();
        assertEquals(20, exps.size());
        Comparison c = compare(exps, null);
        write("simfaas.md", c.table());
        assertTrue(
                c.coldErr() <= 0.14,
                String.format("cold-start probability error %.3f > 0.14%n%s", c.coldErr(), c.table()));
        assertTrue(c.instErr() <= 0.03, String.format("instance count error %.3f > 0.03%n%s", c.instErr(), c.table()));
    }

    /**
     * The keep-alive the platform actually applied, read from the per-request log behind experiment 13
     * (0.0019 req/s, so requests almost never overlap and each gap between the end of one request and the
     * start of the next either found the instance warm or did not): the longest gap answered warm and the
     * shortest answered cold bound it. The log separates them exactly, with no overlap.
     */
    static double effectiveKeepAliveS() throws IOException {
        Path f = frontier.ingest.Samples.trace("aws_lambda_per_request_pacslab_res-01-2020-05-28_01-57-40.csv");
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setAllowMissingColumnNames(true)
                .get()
                .parse(Files.newBufferedReader(f))) {
            List<double[]> rows = new ArrayList<>(); // start, end, cold
            for (var rec : parser) {
                rows.add(new double[] {
                    Double.parseDouble(rec.get("client_start_time")),
                    Double.parseDouble(rec.get("client_end_time")),
                    Boolean.parseBoolean(rec.get("is_cold")) ? 1 : 0
                });
            }
            rows.sort(java.util.Comparator.comparingDouble(r -> r[0]));
            double longestWarm = 0;
            double shortestCold = Double.POSITIVE_INFINITY;
            double lastEnd = rows.getFirst()[1];
            for (double[] r : rows.subList(1, rows.size())) {
                double gap = r[0] - lastEnd;
                if (r[2] == 1) shortestCold = Math.min(shortestCold, gap);
                else longestWarm = Math.max(longestWarm, gap);
                lastEnd = Math.max(lastEnd, r[1]);
            }
            assertTrue(
                    longestWarm < shortestCold, "warm and cold gaps separate: " + longestWarm + " vs " + shortestCold);
            assertTrue(shortestCold - longestWarm < 30, "the keep-alive is known to within 30 s");
            return (longestWarm + shortestCold) / 2;
        }
    }

    /**
     * The same table with the keep-alive measured in the per-request log (about 640 s, not the nominal
     * 600 s); every other parameter as before. Measured here: 12.6% and 2.6%. Reported beside the main
     * result, not instead of it: it uses one more measured parameter, taken from the raw log and not
     * chosen by its fit to the table.
     */
    @Test
    void withTheKeepAliveMeasuredInTheLogTheErrorsFall() throws IOException {
        double keepAlive = effectiveKeepAliveS();
        assertEquals(640, keepAlive, 10, "the log of experiment 13 bounds the keep-alive between 632.5 s and 646.8 s");
        Comparison c = compare(experiments(), keepAlive);
        write(
                "simfaas-measured-keep-alive.md",
                String.format(Locale.ROOT, "keep-alive %.1f s%n%n%s", keepAlive, c.table()));
        assertTrue(
                c.coldErr() <= 0.13,
                String.format("cold-start probability error %.3f > 0.13%n%s", c.coldErr(), c.table()));
        assertTrue(c.instErr() <= 0.03, String.format("instance count error %.3f > 0.03%n%s", c.instErr(), c.table()));
    }

    /**
     * The experiments simulated as they were run: 28-hour runs (the length of both per-request logs we
     * have, 27.7 h and 28.0 h) starting with no instance, measured over the whole run as the platform's
     * counts were, with the keep-alive measured in the log. The measured share is a finite run's ratio,
     * including the cold starts that build the pool up at the start, which a steady-state run leaves out.
     * Measured here: 10.5% and 2.4% in the full run (runs of 12–48 h: 10.5–11.7%), 10.6% and 2.5% in the default
     * one (see {@link #AS_RUN_MIN_RUNS}), under SimFaaS's 12% and 3%.
     */
    @Test
    void simulatedAsTheExperimentsWereRunTheErrorsAreUnderTheBar() throws IOException {
        double keepAlive = effectiveKeepAliveS();
        Comparison c = compare(experiments(), keepAlive, 28 * 3600.0);
        write(
                "simfaas-as-run.md",
                String.format(
                        Locale.ROOT, "keep-alive %.1f s, 28-hour runs from no instance%n%n%s", keepAlive, c.table()));
        assertTrue(
                c.coldErr() <= 0.12,
                String.format("cold-start probability error %.3f > 0.12%n%s", c.coldErr(), c.table()));
        assertTrue(c.instErr() <= 0.03, String.format("instance count error %.3f > 0.03%n%s", c.instErr(), c.table()));
    }

    private static void write(String name, String text) throws IOException {
        Path out = Path.of("target/validation", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }
}
