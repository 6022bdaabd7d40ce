package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.analysis.capacity.CapacitySearch;
import frontier.analysis.capacity.CapacityStudy;
import frontier.analysis.capacity.CheapestFleet;
import frontier.cost.ApiTokenPrice;
import frontier.cost.PriceCatalogue;
import frontier.model.Metric;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmProfiles;
import frontier.scenario.ScenarioRunner;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frontier capacity}: the highest request rate an LLM deployment sustains under TTFT and TPOT
 * SLOs, and the cheapest fleet for a target rate across profiles, machines and pricing models, beside
 * hosted APIs of the same model.
 */
@Command(
        name = "capacity",
        mixinStandardHelpOptions = true,
        description = {
            "Highest request rate an LLM engine instance (or fleet) sustains under TTFT and TPOT SLOs; with --rate,"
                    + " the cheapest fleet for that load across GPU types, tensor parallelism and pricing models, beside hosted APIs.",
            "Each probe simulates Poisson traffic with the iteration-level engine (several replications); see docs/capacity.md."
        })
final class CapacityCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--profile",
            description =
                    "An iteration profile (frontier llm profiles; pricing-data/llm-profiles.csv). Without --rate: required.")
    String profile;

    @Option(
            names = "--model",
            description =
                    "With --rate: every profile of this model (e.g. llama2-70b) is a candidate; also the hosted-API family.")
    String model;

    @Option(names = "--rate", description = "Target load in requests per second: find the cheapest fleet for it.")
    Double rate;

    @Option(
            names = "--instances",
            defaultValue = "1",
            description = "Instances behind one least-loaded router (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(
            names = "--ttft-slo-ms",
            defaultValue = "2000",
            description = "Time-to-first-token SLO on the percentile (default ${DEFAULT-VALUE}).")
    double ttftSloMs;

    @Option(
            names = "--tpot-slo-ms",
            defaultValue = "100",
            description = "Time-per-output-token SLO on the percentile (default ${DEFAULT-VALUE}).")
    double tpotSloMs;

    @Option(
            names = "--percentile",
            defaultValue = "p99",
            description = "p50, p90, p95, p99 or p999 (default ${DEFAULT-VALUE}).")
    String percentile;

    @Option(
            names = "--input-tokens",
            defaultValue = "1000",
            description = "Mean prompt tokens (lognormal; default ${DEFAULT-VALUE}).")
    double inputTokens;

    @Option(
            names = "--output-tokens",
            defaultValue = "200",
            description = "Mean output tokens (gamma; default ${DEFAULT-VALUE}).")
    double outputTokens;

    @Option(
            names = "--token-cv",
            defaultValue = "1.0",
            description = "Coefficient of variation of both token counts (default ${DEFAULT-VALUE}).")
    double tokenCv;

    @Option(
            names = "--max-num-seqs",
            defaultValue = "256",
            description = "Sequences per batch (default ${DEFAULT-VALUE}).")
    int maxNumSeqs;

    @Option(
            names = "--max-num-batched-tokens",
            defaultValue = "8192",
            description = "Token budget per iteration (default ${DEFAULT-VALUE}).")
    int maxNumBatchedTokens;

    @Option(
            names = "--duration-s",
            defaultValue = "1200",
            description = "Simulated seconds per replication (default ${DEFAULT-VALUE}).")
    double durationS;

    @Option(
            names = "--warmup-s",
            defaultValue = "120",
            description = "Warm-up excluded from statistics (default ${DEFAULT-VALUE}).")
    double warmupS;

    @Option(
            names = "--replications",
            defaultValue = "3",
            description = "Replications per probe, for the 95%% intervals (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(
            names = "--tolerance",
            defaultValue = "0.02",
            description = "Relative precision of the rate search (default ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(
            names = "--fallback-minutes",
            defaultValue = "10",
            description = "Spot with fallback: minutes each interruption runs on on-demand (default ${DEFAULT-VALUE}).")
    double fallbackMinutes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Threads for the replications (default: all cores).")
    Integer threads;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public void run() {
        Metric.Stat stat = stat();
        if (instances < 1) throw new BadInputException("--instances: expected an integer >= 1, got " + instances);
        if (!(ttftSloMs > 0) || !(tpotSloMs > 0))
            throw new BadInputException("--ttft-slo-ms and --tpot-slo-ms: expected > 0");
        if (!(inputTokens >= 1) || !(outputTokens >= 1))
            throw new BadInputException("--input-tokens and --output-tokens: expected >= 1");
        if (!(tokenCv >= 0)) throw new BadInputException("--token-cv: expected >= 0");
        if (replications < 2) throw new BadInputException("--replications: expected >= 2 (the intervals need two)");
        if (!(durationS > warmupS) || !(warmupS >= 0))
            throw new BadInputException("--duration-s must exceed --warmup-s >= 0");
        if (!(tolerance > 0 && tolerance < 1)) throw new BadInputException("--tolerance: expected 0 < t < 1");
        CapacityStudy study = new CapacityStudy(
                inputTokens,
                outputTokens,
                tokenCv,
                maxNumSeqs,
                maxNumBatchedTokens,
                ttftSloMs,
                tpotSloMs,
                stat,
                durationS,
                warmupS,
                replications,
                seed);
        ScenarioRunner runner = threads == null ? ScenarioRunner.defaultRunner() : new ScenarioRunner(threads);
        PrintWriter out = spec.commandLine().getOut();
        Map<String, IterationProfile> known = LlmProfiles.bundled();
        if (rate == null) {
            if (profile == null)
                throw new BadInputException(
                        "give --profile (capacity of one deployment) or --model and --rate (the cheapest fleet)");
            IterationProfile p = known.get(profile);
            if (p == null)
                throw new BadInputException(
                        "--profile: no profile '" + profile + "'; known: " + String.join(", ", known.keySet()));
            if (!CapacityStudy.runsInAPool(p))
                throw new BadInputException("--profile: '" + profile
                        + "' is a measured table, which cannot drive a pool yet; choose a linear profile");
            CapacitySearch.Result r = study.capacity(runner, p, instances, tolerance, RunControl.NONE);
            if (json) printJson(out, p, r);
            else printText(out, p, r);
            return;
        }
        if (!(rate > 0)) throw new BadInputException("--rate: expected > 0, got " + rate);
        List<IterationProfile> candidates = new ArrayList<>();
        for (IterationProfile p : known.values()) {
            if (profile != null
                    ? p.name().equals(profile)
                    : model != null && p.model().equalsIgnoreCase(model)) candidates.add(p);
        }
        if (candidates.isEmpty()) {
            throw new BadInputException(
                    "--model: no profile of model '" + model + "' (or --profile '" + profile + "'); models: "
                            + known.values().stream()
                                    .map(IterationProfile::model)
                                    .distinct()
                                    .toList());
        }
        String family = model != null ? model : candidates.getFirst().model();
        CapacityStudy.Fleets f = study.cheapest(
                candidates,
                family,
                rate,
                fallbackMinutes / 60,
                tolerance,
                runner,
                PriceCatalogue.shipped(),
                ApiTokenPrice.shipped(),
                RunControl.NONE);
        if (json) printJson(out, f.capacity(), f.fleets(), f.api(), f.skipped());
        else printText(out, f.capacity(), f.fleets(), f.api());
        // Measured-table profiles of the model cannot drive a pool: said after the table, so the table itself reads as
        // before.
        if (!json) for (String s : f.skipped()) out.printf(Locale.ROOT, "Skipped %s%n", s);
    }

    private Metric.Stat stat() {
        for (Metric.Stat s : Metric.Stat.values()) {
            if (s != Metric.Stat.MEAN && s != Metric.Stat.MAX && s.key.equalsIgnoreCase(percentile)) return s;
        }
        throw new BadInputException("--percentile: expected p50, p90, p95, p99 or p999, got " + percentile);
    }

    private String sloText() {
        return String.format(
                Locale.ROOT, "%s TTFT <= %.0f ms and %s TPOT <= %.0f ms", percentile, ttftSloMs, percentile, tpotSloMs);
    }

    private void printText(PrintWriter out, IterationProfile p, CapacitySearch.Result r) {
        out.printf(
                Locale.ROOT,
                "Capacity of %d x %s (TP%d) under %s%n",
                instances,
                p.name(),
                p.tensorParallel(),
                sloText());
        out.printf(
                Locale.ROOT,
                "Traffic: Poisson; tokens in %.0f / out %.0f (cv %.2f); %d replications of %.0f s per rate%n%n",
                inputTokens,
                outputTokens,
                tokenCv,
                replications,
                durationS);
        out.printf(
                Locale.ROOT,
                "%10s %20s %20s %12s  %s%n",
                "req/s",
                "TTFT " + percentile + " ms",
                "TPOT " + percentile + " ms",
                "done req/s",
                "SLOs");
        for (CapacitySearch.Probe q : r.probes()) {
            out.printf(
                    Locale.ROOT,
                    "%10.3f %20s %20s %12.3f  %s%n",
                    q.rate(),
                    pm(q.ttftMs(), q.ttftHalfWidth()),
                    pm(q.tpotMs(), q.tpotHalfWidth()),
                    q.throughput(),
                    q.certainlyMeets()
                            ? "met"
                            : q.meets() ? "met (within CI)" : q.certainlyMisses() ? "MISSED" : "missed (within CI)");
        }
        out.printf(
                Locale.ROOT,
                "%nCapacity: %.3f req/s (95%% interval %.3f .. %s req/s), %.1f output tokens/s%n",
                r.rate(),
                r.low(),
                Double.isInfinite(r.high()) ? "?" : String.format(Locale.ROOT, "%.3f", r.high()),
                r.rate() * outputTokens);
    }

    private static String pm(double v, double hw) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f ± %.1f", v, hw);
    }

    private void printJson(PrintWriter out, IterationProfile p, CapacitySearch.Result r) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("profile", p.name())
                .put("instances", instances)
                .put("tensor_parallel", p.tensorParallel())
                .put("percentile", percentile)
                .put("ttft_slo_ms", ttftSloMs)
                .put("tpot_slo_ms", tpotSloMs);
        root.put("capacity_per_s", r.rate()).put("ci95_low_per_s", r.low());
        if (Double.isFinite(r.high())) root.put("ci95_high_per_s", r.high());
        else root.putNull("ci95_high_per_s");
        ArrayNode probes = root.putArray("probes");
        for (CapacitySearch.Probe q : r.probes()) {
            probes.addObject()
                    .put("rate_per_s", q.rate())
                    .put("ttft_ms", q.ttftMs())
                    .put("ttft_ms_ci95", q.ttftHalfWidth())
                    .put("tpot_ms", q.tpotMs())
                    .put("tpot_ms_ci95", q.tpotHalfWidth())
                    .put("throughput_per_s", q.throughput())
                    .put("meets", q.meets())
                    .put("certainly_meets", q.certainlyMeets())
                    .put("certainly_misses", q.certainlyMisses());
        }
        out.println(root.toString());
    }

    private void printText(
            PrintWriter out,
            Map<String, Double> capacity,
            List<CheapestFleet.Candidate> fleets,
            List<CheapestFleet.Api> api) {
        out.printf(Locale.ROOT, "Cheapest fleet for %.3f req/s under %s%n", rate, sloText());
        out.printf(
                Locale.ROOT,
                "Tokens in %.0f / out %.0f (cv %.2f); capacity per instance from %d replications of %.0f s per rate%n%n",
                inputTokens,
                outputTokens,
                tokenCv,
                replications,
                durationS);
        out.println("Capacity of one instance:");
        capacity.forEach((k, v) -> out.printf(Locale.ROOT, "  %-34s %8.3f req/s%n", k, v));
        out.printf(
                Locale.ROOT,
                "%n%-32s %-38s %-14s %4s %10s %12s %12s %12s%n",
                "profile",
                "machine",
                "pricing",
                "n",
                "USD/h",
                "USD/1M out",
                "USD/1k req",
                "break-even");
        int shown = 0;
        for (CheapestFleet.Candidate c : fleets) {
            if (shown++ == 25) {
                out.printf(Locale.ROOT, "  … %d more (--json lists all)%n", fleets.size() - 25);
                break;
            }
            String machine = c.machine().provider() + " " + c.machine().instanceType() + " "
                    + c.machine().region();
            String be = Double.isNaN(c.breakEvenRate())
                    ? "-"
                    : Double.isInfinite(c.breakEvenRate())
                            ? "never"
                            : String.format(Locale.ROOT, "%.3f/s", c.breakEvenRate());
            out.printf(
                    Locale.ROOT,
                    "%-32s %-38s %-14s %4d %10.2f %12.4f %12.4f %12s%n",
                    c.profile().name(),
                    machine,
                    c.pricing(),
                    c.instances(),
                    c.usdPerHour(),
                    c.usdPer1mOutputTokens(),
                    c.usdPer1kRequests(),
                    be);
        }
        if (!api.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "%nHosted APIs (%s, prices as of %s):%n",
                    api.getFirst().price().modelFamily(),
                    api.getFirst().price().asOf());
            out.printf(Locale.ROOT, "%-48s %10s %12s %12s%n", "model", "USD/h", "USD/1M out", "USD/1k req");
            for (CheapestFleet.Api a : api.subList(0, Math.min(8, api.size()))) {
                out.printf(
                        Locale.ROOT,
                        "%-48s %10.2f %12.4f %12.4f%n",
                        a.price().model(),
                        a.usdPerHour(),
                        a.usdPer1mOutputTokens(),
                        a.usdPer1kRequests());
            }
            out.printf(
                    Locale.ROOT,
                    "%nBreak-even: the request rate above which one instance costs less than the cheapest API (%s);"
                            + " 'never' when even a fully loaded instance costs more.%n",
                    api.getFirst().price().model());
        } else {
            out.printf(
                    Locale.ROOT,
                    "%nNo hosted-API prices for model family '%s' in pricing-data/llm-api-prices.csv.%n",
                    model);
        }
    }

    private void printJson(
            PrintWriter out,
            Map<String, Double> capacity,
            List<CheapestFleet.Candidate> fleets,
            List<CheapestFleet.Api> api,
            List<String> skipped) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("rate_per_s", rate)
                .put("percentile", percentile)
                .put("ttft_slo_ms", ttftSloMs)
                .put("tpot_slo_ms", tpotSloMs);
        ObjectNode cap = root.putObject("capacity_per_instance_per_s");
        capacity.forEach(cap::put);
        ArrayNode f = root.putArray("fleets");
        for (CheapestFleet.Candidate c : fleets) {
            ObjectNode o = f.addObject()
                    .put("profile", c.profile().name())
                    .put("tensor_parallel", c.profile().tensorParallel())
                    .put("provider", c.machine().provider())
                    .put("instance_type", c.machine().instanceType())
                    .put("region", c.machine().region())
                    .put("pricing", c.pricing())
                    .put("instances", c.instances())
                    .put("usd_per_hour", c.usdPerHour())
                    .put("usd_per_1m_output_tokens", c.usdPer1mOutputTokens())
                    .put("usd_per_1k_requests", c.usdPer1kRequests());
            if (Double.isFinite(c.breakEvenRate())) o.put("break_even_rate_per_s", c.breakEvenRate());
            else o.putNull("break_even_rate_per_s");
        }
        ArrayNode a = root.putArray("api");
        for (CheapestFleet.Api x : api) {
            a.addObject()
                    .put("model", x.price().model())
                    .put("provider", x.price().provider())
                    .put("as_of", x.price().asOf().toString())
                    .put("usd_per_hour", x.usdPerHour())
                    .put("usd_per_1m_output_tokens", x.usdPer1mOutputTokens())
                    .put("usd_per_1k_requests", x.usdPer1kRequests());
        }
        if (!skipped.isEmpty()) {
            ArrayNode sk = root.putArray("skipped_profiles");
            skipped.forEach(sk::add);
        }
        out.println(root.toString());
    }
}
