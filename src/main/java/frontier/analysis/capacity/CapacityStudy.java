package frontier.analysis.capacity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.cost.ApiTokenPrice;
import frontier.cost.PriceCatalogue;
import frontier.model.Metric;
import frontier.model.llm.IterationProfile;
import frontier.scenario.ScenarioLoader;
import frontier.scenario.ScenarioRunner;
import frontier.scenario.Summary;
import frontier.sim.BadInputException;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code frontier capacity} and the app's Capacity dialog share: the settings of a capacity study (tokens
 * per request, engine limits, SLOs on a percentile, run length and replications), the scenario each probe
 * simulates (Poisson traffic into {@code n} always-on instances of an iteration-level engine), the first rate to
 * probe, and the two studies: the capacity of one deployment ({@link CapacitySearch}) and the cheapest fleet for a
 * target rate across profiles, machines and pricing models beside hosted APIs ({@link CheapestFleet}). Cancellation
 * and progress go through a {@link RunControl}.
 *
 * @param ttftSloMs time-to-first-token SLO on {@code stat}, in ms
 * @param tpotSloMs time-per-output-token SLO on {@code stat}, in ms
 */
public record CapacityStudy(
        double inputTokens,
        double outputTokens,
        double tokenCv,
        int maxNumSeqs,
        int maxNumBatchedTokens,
        double ttftSloMs,
        double tpotSloMs,
        Metric.Stat stat,
        double durationS,
        double warmupS,
        int replications,
        long seed) {
    /** Probes a capacity search takes about (doubling, then bisection): the unit of the progress reported. */
    static final int PROBES_PER_SEARCH = 8;

    private static final ObjectMapper MAPPER = ScenarioLoader.mapper();

    /** The settings of {@code frontier capacity}'s defaults: 1,000 tokens in, 200 out, p99 TTFT ≤ 2 s and TPOT ≤ 100 ms. */
    public static CapacityStudy defaults() {
        return new CapacityStudy(1000, 200, 1.0, 256, 8192, 2000, 100, Metric.Stat.P99, 1200, 120, 3, 1);
    }

    public CapacitySearch.Slo slo() {
        return new CapacitySearch.Slo(ttftSloMs / 1000, tpotSloMs / 1000, stat);
    }

    /** Whether a profile can drive a pool (table profiles run standalone only, {@code frontier llm}). */
    public static boolean runsInAPool(IterationProfile p) {
        return p.table() == null;
    }

    /** A first rate to probe: a quarter of what the engine decodes at a full batch, in requests. */
    public double guess(IterationProfile p) {
        double context = inputTokens + outputTokens / 2;
        double step = p.meanSeconds(0, maxNumSeqs, (long) (maxNumSeqs * context));
        double perS = maxNumSeqs / step / outputTokens;
        return Math.max(0.05, Math.round(perS / 4 * 100) / 100.0);
    }

    /** Simulates {@code n} instances of {@code p} at {@code rate} requests/s: the replications' summary. */
    public Summary simulate(ScenarioRunner runner, IterationProfile p, int n, double rate, RunControl control) {
        if (!runsInAPool(p))
            throw new BadInputException("profile '" + p.name()
                    + "' is a measured table: it cannot drive a pool yet; choose a linear profile");
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", "capacity " + p.name() + " x" + n + " at " + rate);
        root.putObject("traffic").put("type", "poisson").put("rate_per_s", rate);
        ObjectNode tokens = root.putObject("tokens");
        tokens.set("input", dist("lognormal", inputTokens));
        tokens.set("output", dist("gamma", outputTokens));
        ArrayNode pools = root.putArray("pools");
        ObjectNode pool =
                pools.addObject().put("type", "always_on").put("name", "llm").put("instances", n);
        ObjectNode engine = pool.putObject("model")
                .put("name", p.model().isEmpty() ? "model" : p.model())
                .putObject("llm_engine");
        engine.put("profile", p.name())
                .put("max_num_seqs", maxNumSeqs)
                .put("max_num_batched_tokens", maxNumBatchedTokens)
                .put("ttft_slo_ms", ttftSloMs)
                .put("tpot_slo_ms", tpotSloMs);
        root.putObject("run")
                .put("duration_s", durationS)
                .put("warmup_s", warmupS)
                .put("replications", replications)
                .put("seed", seed);
        return runner.run(ScenarioLoader.parse(root.toString(), "capacity"), control);
    }

    private ObjectNode dist(String type, double mean) {
        ObjectNode d = MAPPER.createObjectNode();
        if (tokenCv == 0) return d.put("type", "deterministic").put("value", mean);
        return d.put("type", type).put("mean", mean).put("cv", tokenCv);
    }

    /** The highest rate {@code n} instances of {@code p} sustain under the SLOs. */
    public CapacitySearch.Result capacity(
            ScenarioRunner runner, IterationProfile p, int n, double tolerance, RunControl control) {
        Progress progress = new Progress(control, PROBES_PER_SEARCH);
        return CapacitySearch.search(
                x -> progress.probe(c -> simulate(runner, p, n, x, c)), slo(), guess(p) * n, tolerance);
    }

    /**
     * The cheapest fleet study.
     *
     * @param capacity per profile name, the rate one instance sustains
     * @param searches per profile name, the search that found it (its probes: the cost-against-rate curve)
     * @param fleets   the candidate fleets, cheapest per hour first
     * @param api      the hosted APIs of the model family at the same load, cheapest first
     * @param skipped  profiles of the model left out, with the reason
     */
    public record Fleets(
            double rate,
            Map<String, Double> capacity,
            Map<String, CapacitySearch.Result> searches,
            List<CheapestFleet.Candidate> fleets,
            List<CheapestFleet.Api> api,
            List<String> skipped) {}

    /**
     * The cheapest fleet for {@code rate} requests/s among {@code candidates} (profiles that cannot drive a pool are
     * skipped and named), priced from {@code catalogue}, beside the hosted APIs of {@code family}.
     */
    public Fleets cheapest(
            List<IterationProfile> candidates,
            String family,
            double rate,
            double fallbackHours,
            double tolerance,
            ScenarioRunner runner,
            PriceCatalogue catalogue,
            List<ApiTokenPrice> apiPrices,
            RunControl control) {
        List<IterationProfile> usable = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (IterationProfile p : candidates) {
            if (runsInAPool(p)) usable.add(p);
            else skipped.add(p.name() + ": a measured table, which cannot drive a pool yet");
        }
        if (usable.isEmpty())
            throw new BadInputException(
                    "no profile of '" + family + "' can drive a pool (only measured tables): " + skipped);
        // Each profile: a search, then up to a few checks of the fleet at the target.
        Progress progress = new Progress(control, usable.size() * (PROBES_PER_SEARCH + 2));
        Map<String, Double> capacity = new LinkedHashMap<>();
        Map<String, CapacitySearch.Result> searches = new LinkedHashMap<>();
        for (IterationProfile p : usable) {
            CapacitySearch.Result r = CapacitySearch.search(
                    x -> progress.probe(c -> simulate(runner, p, 1, x, c)), slo(), guess(p), tolerance);
            capacity.put(p.name(), r.rate());
            searches.put(p.name(), r);
        }
        List<CheapestFleet.Api> api = CheapestFleet.api(apiPrices, family, rate, inputTokens, outputTokens);
        List<CheapestFleet.Candidate> fleets = CheapestFleet.candidates(
                usable,
                capacity,
                catalogue,
                rate,
                inputTokens,
                outputTokens,
                fallbackHours,
                (p, n) -> CapacitySearch.probeAt(x -> progress.probe(c -> simulate(runner, p, n, x, c)), slo(), rate)
                        .meets(),
                api.isEmpty() ? null : api.getFirst().price());
        return new Fleets(rate, capacity, searches, fleets, api, skipped);
    }

    /** Spreads progress over an expected number of probes (never reaching 1 before the end) and passes cancellation on. */
    private static final class Progress {
        private final RunControl control;
        private final int expected;
        private int done;

        Progress(RunControl control, int expected) {
            this.control = control;
            this.expected = Math.max(1, expected);
        }

        Summary probe(java.util.function.Function<RunControl, Summary> run) {
            if (control.isCancelled()) throw new CancelledException();
            int k = done;
            Summary s = run.apply(new RunControl() {
                @Override
                public boolean isCancelled() {
                    return control.isCancelled();
                }

                @Override
                public void progress(double fraction) {
                    control.progress(Math.min(0.99, (k + fraction) / expected));
                }
            });
            done++;
            control.progress(Math.min(0.99, (double) done / expected));
            return s;
        }
    }
}
