package frontier.twin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.analysis.fit.ArrivalFit;
import frontier.analysis.fit.AutoscaleFit;
import frontier.analysis.fit.ServiceTimeFit;
import frontier.analysis.fit.TokenTimeFit;
import frontier.analysis.fit.WaitSeparation;
import frontier.domain.PoolKind;
import frontier.model.RunSpec;
import frontier.model.TokensSpec;
import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.AutoscalePolicy;
import frontier.model.pool.AutoscaledPool;
import frontier.model.pool.Interruption;
import frontier.model.pool.ModelProfile;
import frontier.model.pool.OnInterrupt;
import frontier.model.pool.Pools;
import frontier.model.pool.Price;
import frontier.model.pool.ServerlessBilling;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.model.pool.TokenTime;
import frontier.model.traffic.ProfileTraffic;
import frontier.model.traffic.ReplayTraffic;
import frontier.model.traffic.Traffic;
import frontier.scenario.Observed;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import frontier.sim.BadInputException;
import frontier.sim.dist.Deterministic;
import frontier.sim.dist.Distribution;
import frontier.sim.dist.Empirical;
import frontier.store.BilledResource;
import frontier.store.UnitCostQuery;
import frontier.store.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Builds a twin of one endpoint of the real fleet from the workspace: arrivals fitted from the logged
 * request times (or replayed from them), service time fitted from the logged latencies — from the token
 * counts when the requests carry them and latency follows them — and the pools and prices the bill
 * attributes to the endpoint over the same period. The scenario carries the observed figures, so every
 * run of it reports how close it comes. See docs/twin.md for each step and its limits.
 */
public final class Calibrator {
    /** Share of successful requests that must carry token counts for a token-driven service time. */
    static final double TOKEN_SHARE = 0.9;
    /** R² of latency on tokens above which the service time is token-driven. */
    static final double TOKEN_R2 = 0.5;
    /** Points of an empirical token-count distribution. */
    static final int TOKEN_QUANTILES = 1000;
    /** Keep-alive given to a serverless pool: the bill does not show it (AWS Lambda keeps idle instances about this long). */
    static final double SERVERLESS_KEEP_ALIVE_S = 600;

    private static final double DAY = 86_400;
    /** Simulated requests an automatic number of replications aims at. */
    static final int CHECK_REQUESTS = 20_000;

    private Calibrator() {}

    /**
     * What to calibrate.
     *
     * @param endpoint     the endpoint; null when the logs have only one
     * @param replay       replay the logged arrival times (and token counts) instead of a fitted process
     * @param replications replications the twin's run asks for; 0 = enough for about {@value #CHECK_REQUESTS} simulated
     *                     requests (2 to 30), so that small logs are not judged on a noisy percentile
     * @param seed         the twin's seed
     * @param first        the pool kind (always-on, spot or serverless) that takes requests first
     *                     when the bill shows several pools; the others take its overflow in bill order. Null: bill order.
     * @param declared     what served the endpoint when the bill attributes no capacity to it (the twin is then priced
     *                     from the catalogue); null: none declared. Refused when the bill shows capacity.
     */
    public record Options(
            String endpoint, boolean replay, int replications, long seed, PoolKind first, DeclaredCapacity declared) {
        /** The pool kinds a twin has, and so {@code first} accepts, in the order messages list them. */
        public static final List<PoolKind> KINDS =
                List.of(PoolKind.ALWAYS_ON, PoolKind.SPOT, PoolKind.SERVERLESS, PoolKind.AUTOSCALED);

        public Options {
            if (replications < 0)
                throw new BadInputException(
                        "--replications: expected an integer >= 1 (or 0 for automatic), got " + replications);
            if (first != null && !KINDS.contains(first)) throw badFirst(first.code());
        }

        public Options(String endpoint, boolean replay, int replications, long seed) {
            this(endpoint, replay, replications, seed, null, null);
        }

        public Options(String endpoint, boolean replay, int replications, long seed, PoolKind first) {
            this(endpoint, replay, replications, seed, first, null);
        }

        /** Options with {@code first} as typed on the command line ({@code always_on}, {@code spot}, {@code serverless}, or null). */
        public static Options of(String endpoint, boolean replay, int replications, long seed, String first) {
            if (replications < 0 || first == null) return new Options(endpoint, replay, replications, seed, null);
            return new Options(
                    endpoint,
                    replay,
                    replications,
                    seed,
                    KINDS.stream()
                            .filter(k -> k.code().equals(first))
                            .findFirst()
                            .orElseThrow(() -> badFirst(first)));
        }

        private static BadInputException badFirst(String first) {
            return new BadInputException("--first: expected one of "
                    + String.join(", ", KINDS.stream().map(PoolKind::code).toList()) + ", got '" + first + "'");
        }
    }

    /**
     * A calibrated twin.
     *
     * @param scenario  the scenario as written (JSON)
     * @param loaded    the same, loaded back through the strict loader
     * @param report    what was fitted and how well (JSON; the same as the scenario's description in words)
     * @param traceFile the replayed trace written beside the scenario, or null
     */
    public record Twin(ObjectNode scenario, Scenario loaded, ObjectNode report, Path traceFile) {}

    /**
     * What a twin of one endpoint is made from, read once: the endpoint's requests, the period and what the bill
     * attributes to it then. {@link #poolKinds()} answers the app's question (which pool takes requests first?)
     * without reading the requests again for {@link Calibrator#calibrate(Workspace, Inputs, Options, Path)}.
     */
    public static final class Inputs {
        final String endpoint;
        final Observations obs;
        final long from;
        final long to;
        final List<BilledResource> billed;
        final BillCapacity.Inference capacity;

        private Inputs(
                String endpoint,
                Observations obs,
                long from,
                long to,
                List<BilledResource> billed,
                BillCapacity.Inference capacity) {
            this.endpoint = endpoint;
            this.obs = obs;
            this.from = from;
            this.to = to;
            this.billed = billed;
            this.capacity = capacity;
        }

        /** The endpoint (the one the logs have when none was asked). */
        public String endpoint() {
            return endpoint;
        }

        /**
         * The kinds of pool (always-on, autoscaled, spot, serverless) the twin will have, in bill order: what
         * {@link Options#first()} can choose among. Empty when the bill attributes no capacity to the endpoint.
         */
        public List<PoolKind> poolKinds() {
            return capacity.pools().stream().map(PoolPlan::kind).distinct().toList();
        }
    }

    /** Reads what a twin of {@code endpoint} (null: the logs' only endpoint; {@value #ALL}: all together) is made from. */
    public static Inputs read(Workspace ws, String endpoint) {
        String e = endpoint(ws, endpoint);
        Observations obs = Observations.read(ws, e);
        long[] period = period(obs);
        List<BilledResource> billed =
                ws.unitCosts().billedResources(e, period[0], period[1], UnitCostQuery.Figure.EFFECTIVE);
        return new Inputs(
                e,
                obs,
                period[0],
                period[1],
                billed,
                BillCapacity.infer(billed, period[0], period[1], obs.arrivals.length));
    }

    /** Calibrates and writes the scenario to {@code out} (and, for replay, the trace beside it). */
    public static Twin calibrate(Workspace ws, Options o, Path out) {
        return calibrate(ws, read(ws, o.endpoint()), o, out);
    }

    /** As {@link #calibrate(Workspace, Options, Path)} from inputs already read ({@code o.endpoint()} is not read again). */
    public static Twin calibrate(Workspace ws, Inputs inputs, Options o, Path out) {
        String endpoint = inputs.endpoint;
        Observations obs = inputs.obs;
        ObjectMapper json = ScenarioLoader.mapper();
        ObjectNode report = json.createObjectNode();
        List<String> notes = new ArrayList<>();
        report.put("endpoint", endpoint);

        // The period starts at the hour of the first request (a fitted profile is rotated to start there) and ends with
        // the
        // last; a period of a day or more that ends within an hour of midnight runs to midnight, as bills come in days.
        long from = inputs.from, to = inputs.to;
        report.put("from", Instant.ofEpochSecond(from).toString());
        report.put("to", Instant.ofEpochSecond(to).toString());
        long requests = obs.arrivals.length;

        // Observed latency.
        if (obs.latencyS.length == 0) {
            throw new BadInputException("endpoint '" + endpoint
                    + "': no successful request with a latency; a twin needs latencies (map a latency or"
                    + " duration column at import)");
        }
        double[] sorted = obs.latencyS.clone();
        Arrays.sort(sorted);
        String source = String.format(
                Locale.ROOT,
                "workspace %s, endpoint %s, %s – %s",
                ws.path().getFileName(),
                endpoint,
                Instant.ofEpochSecond(from),
                Instant.ofEpochSecond(to));
        double p50 = round(Observations.latencyQuantileMs(sorted, 0.50));
        double p95 = round(Observations.latencyQuantileMs(sorted, 0.95));
        double p99 = round(Observations.latencyQuantileMs(sorted, 0.99));
        Double costUsd = null, fixedCostUsd = null;

        // The bill's capacity: what waiting is separated against.
        List<BilledResource> billed = inputs.billed;
        BillCapacity.Inference cap = inputs.capacity;
        List<PoolPlan> plans = cap.pools();
        boolean declared = o.declared() != null;
        if (declared) {
            if (!plans.isEmpty())
                throw new BadInputException("the bill attributes capacity to '" + endpoint
                        + "' in the period: the twin takes its pools from the bill, not from declared capacity");
            plans = List.of(o.declared().plan());
            notes.add(o.declared().note(endpoint));
        }
        if (o.first() != null && !plans.isEmpty()) {
            String first = o.first().code();
            if (plans.stream().noneMatch(p -> p.kind() == o.first())) {
                throw new BadInputException(
                        "--first " + first + ": the bill has no " + first + " capacity for '" + endpoint + "' (it has "
                                + String.join(
                                        ", ",
                                        plans.stream()
                                                .map(p -> p.kind().code())
                                                .distinct()
                                                .toList()) + ")");
            }
            plans = new ArrayList<>(plans);
            plans.sort(java.util.Comparator.comparing(p -> p.kind() != o.first())); // stable: the rest keep bill order
        }
        // Where the log says each request ran (pricing or instance): the twin splits traffic as the fleet did.
        ObservedRouting.Result routing = ObservedRouting.of(obs, plans, billed);
        int peak = obs.peakInFlight();
        int instances = plans.stream().mapToInt(PoolPlan::instances).sum();
        int concurrency = instances == 0 ? 1 : Math.max(1, (int) Math.ceil((double) peak / instances));

        // Waiting and service: with instance capacity in the bill, the slots that explain the log (docs/twin.md).
        double[] serviceS = obs.latencyS;
        boolean fixedCapacity =
                plans.stream().allMatch(p -> p.kind() == PoolKind.ALWAYS_ON || p.kind() == PoolKind.SPOT);
        boolean slotted = instances > 0 && fixedCapacity;
        // An LLM endpoint whose log carries tokens and time to first token: the iteration-level engine (it queues by
        // itself, so nothing is separated).
        boolean llmLog = obs.withTokensAndTtft >= TOKEN_SHARE * obs.latencyS.length
                && obs.withTokensAndTtft >= LlmTwinFit.MIN_REQUESTS
                && LlmTwinFit.usable(obs).length >= LlmTwinFit.MIN_REQUESTS;
        boolean llm = llmLog && fixedCapacity;
        if (llmLog && !llm) {
            notes.add("the log carries tokens and time to first token, but the bill shows "
                    + String.join(
                            " and ",
                            plans.stream().map(p -> p.kind().code()).distinct().toList())
                    + " capacity: the iteration-level engine is fitted only to fixed (always-on, spot) fleets, so the"
                    + " service time is fitted as below");
        }
        if (llm) {
            // the engine's own queue and batch take the place of slots
        } else if (obs.withQueue > 0 && obs.withQueue >= TOKEN_SHARE * obs.latencyS.length) {
            // The log says how long each request queued: service is latency less that, and the slots are the most
            // requests in service.
            double[] wait = new double[obs.latencyS.length];
            serviceS = new double[wait.length];
            double minPositive = Double.POSITIVE_INFINITY, waitSum = 0;
            int waiting = 0;
            for (int i = 0; i < wait.length; i++) {
                wait[i] = Double.isNaN(obs.queueS[i]) ? 0 : obs.queueS[i];
                serviceS[i] = obs.latencyS[i] - wait[i];
                if (serviceS[i] > 0) minPositive = Math.min(minPositive, serviceS[i]);
                if (wait[i] > 0) waiting++;
                waitSum += wait[i];
            }
            for (int i = 0; i < wait.length; i++) if (!(serviceS[i] > 0)) serviceS[i] = minPositive;
            int inService = obs.peakInService(wait);
            if (slotted) concurrency = Math.max(1, (int) Math.ceil((double) inService / instances));
            ObjectNode wr = report.putObject("wait_separation");
            wr.put("source", "queue_time_column");
            wr.put("requests_with_queue_time", obs.withQueue);
            wr.put("peak_in_service", inService);
            if (slotted) wr.put("slots_per_instance", concurrency);
            wr.put("waiting_share", (double) waiting / wait.length);
            wr.put("mean_wait_s", waitSum / wait.length);
            notes.add(String.format(
                    Locale.ROOT,
                    "waiting taken from the log's queue time (%d of %d requests): %.1f%% waited, mean wait %.3f s; "
                            + "service = latency − queue time%s",
                    obs.withQueue,
                    wait.length,
                    100.0 * waiting / wait.length,
                    waitSum / wait.length,
                    slotted
                            ? String.format(
                                    Locale.ROOT,
                                    "; slots per instance from the peak of %d requests in service",
                                    inService)
                            : ""));
        } else if (slotted) {
            WaitSeparation.Result sep =
                    WaitSeparation.separate(obs.servedArrivals, obs.latencyS, instances, concurrency);
            if (sep.queued()) {
                concurrency = sep.slotsPerInstance();
                serviceS = sep.serviceS();
                ObjectNode wr = report.putObject("wait_separation");
                wr.put("instances", instances);
                wr.put("slots_per_instance", sep.slotsPerInstance());
                wr.put("peak_slots_per_instance", (int) Math.ceil((double) peak / instances));
                wr.put("waiting_share", sep.waitingShare());
                wr.put("mean_wait_s", sep.meanWaitS());
                ArrayNode cs = wr.putArray("candidates");
                for (WaitSeparation.Candidate c : sep.candidates()) {
                    ObjectNode cn = cs.addObject();
                    cn.put("slots_per_instance", c.slotsPerInstance());
                    cn.put("waiting", c.waiting());
                    cn.put("mean_service_waiting_s", c.meanServiceS());
                    cn.put("mean_service_unqueued_s", c.meanUnqueuedS());
                    cn.put("z", c.z());
                    cn.put("negative_share", c.negativeShare());
                }
                notes.addAll(sep.notes());
            }
        }

        // Service time.
        String modelName = o.declared() != null && o.declared().model() != null
                ? o.declared().model()
                : modelName(ws, endpoint);
        Distribution service = null;
        TokenTime tokenTime = null;
        TokensSpec tokensSpec = null;
        boolean tokenDriven = false;
        LlmTwinFit.Result llmFit = null;
        if (llm) {
            llmFit = LlmTwinFit.fit(
                    obs, Math.max(1, instances), plans.isEmpty() ? null : plans.getFirst(), modelName, report);
            notes.addAll(llmFit.notes());
            if (instances == 0) notes.add("the bill shows no instances: the requests are taken to have run on one");
            if (!o.replay()) {
                long[] in = new long[obs.withTokensAndTtft];
                long[] outT = new long[obs.withTokensAndTtft];
                int k = 0;
                for (int i : LlmTwinFit.usable(obs)) {
                    in[k] = obs.inputTokens[i];
                    outT[k++] = obs.outputTokens[i];
                }
                tokensSpec = new TokensSpec(empirical(Arrays.copyOf(in, k)), empirical(Arrays.copyOf(outT, k)));
                notes.add("token counts are resampled from the logged ones (" + TOKEN_QUANTILES + " quantiles each)");
            }
        } else if (obs.withTokens >= TOKEN_SHARE * serviceS.length && obs.withTokens >= TokenTimeFit.MIN_SAMPLES) {
            int k = 0;
            double[] l = new double[obs.withTokens];
            long[] in = new long[obs.withTokens];
            long[] outT = new long[obs.withTokens];
            for (int i = 0; i < serviceS.length; i++) {
                if (obs.inputTokens[i] < 0 || obs.outputTokens[i] < 0) continue;
                l[k] = serviceS[i];
                in[k] = obs.inputTokens[i];
                outT[k++] = obs.outputTokens[i];
            }
            TokenTimeFit.Result tf = TokenTimeFit.fit(l, in, outT);
            ObjectNode tr = report.putObject("token_fit");
            tr.put("overhead_s", tf.overheadS());
            tr.put("prefill_tokens_per_s", finite(tf.prefillTokensPerS()));
            tr.put("decode_tokens_per_s", finite(tf.decodeTokensPerS()));
            tr.put("r_squared", tf.rSquared());
            tr.put("residual_cv", tf.residualCv());
            tr.put("n", tf.n());
            tf.notes().forEach(notes::add);
            if (tf.rSquared() >= TOKEN_R2) {
                tokenDriven = true;
                tokenTime = new TokenTime(
                        new Deterministic(round6(Math.max(0, tf.overheadS()))),
                        round6(finite(tf.prefillTokensPerS())),
                        round6(finite(tf.decodeTokensPerS())),
                        round6(tf.residualCv()));
                notes.add(String.format(
                        Locale.ROOT,
                        "service time from tokens: %.3f s + input / %.0f tok/s + output / %.1f tok/s, noise cv %.2f"
                                + " (R² %.2f)",
                        tf.overheadS(),
                        finite(tf.prefillTokensPerS()),
                        finite(tf.decodeTokensPerS()),
                        tf.residualCv(),
                        tf.rSquared()));
                if (!o.replay()) {
                    tokensSpec = new TokensSpec(empirical(in), empirical(outT));
                    notes.add(
                            "token counts are resampled from the logged ones (" + TOKEN_QUANTILES + " quantiles each)");
                }
            } else {
                notes.add(String.format(
                        Locale.ROOT,
                        "latency follows token counts poorly (R² %.2f < %.1f): service time fitted to latency alone",
                        tf.rSquared(),
                        TOKEN_R2));
            }
        }
        if (!tokenDriven && !llm) {
            ServiceTimeFit.Report fit = ServiceTimeFit.fit(serviceS);
            ObjectNode sr = report.putObject("service_fit");
            sr.put("n", fit.n());
            sr.put("mean_s", fit.mean());
            sr.put("cv", fit.cv());
            ArrayNode cands = sr.putArray("candidates");
            for (ServiceTimeFit.Candidate c : fit.candidates()) {
                ObjectNode cn = cands.addObject();
                cn.put("family", c.family().name().toLowerCase(Locale.ROOT));
                cn.put("aic", c.aic());
                cn.put("ks_distance", c.ksDistance());
                cn.put("p50_error", c.relativeError().p50());
                cn.put("p95_error", c.relativeError().p95());
                cn.put("p99_error", c.relativeError().p99());
            }
            sr.put(
                    "recommended",
                    fit.empiricalRecommended()
                            ? "empirical"
                            : fit.best().family().name().toLowerCase(Locale.ROOT));
            fit.notes().forEach(notes::add);
            service = fit.recommended();
        }
        ModelProfile model = llm
                ? new ModelProfile(modelName, null, null, llmFit.engine(), null)
                : new ModelProfile(modelName, service, tokenTime, null);

        // Arrivals.
        Traffic traffic;
        Path trace = null;
        if (o.replay()) {
            trace = traceFile(out);
            writeTrace(ws, endpoint, trace, from);
            ObjectNode t = json.createObjectNode();
            t.put("type", "replay");
            t.put("file", trace.getFileName().toString());
            t.put("column", "t");
            t.put("unit", "s");
            if (obs.withTokens > 0) {
                t.put("input_tokens_column", "input_tokens");
                t.put("output_tokens_column", "output_tokens");
            }
            traffic = new ReplayTraffic(
                    trace.getFileName().toString(),
                    "t",
                    frontier.model.traffic.TimeUnit.S,
                    null,
                    null,
                    null,
                    null,
                    obs.withTokens > 0 ? "input_tokens" : null,
                    obs.withTokens > 0 ? "output_tokens" : null);
            report.set("traffic", t);
            notes.add("arrivals replay the " + requests + " logged request times from " + trace.getFileName());
        } else {
            ArrivalFit.Result af = ArrivalFit.fit(obs.arrivals);
            traffic = aligned(af.recommended(), from);
            ObjectNode ar = report.putObject("arrival_fit");
            ar.put("mean_rate_per_s", af.meanRatePerS());
            ar.put("inter_arrival_cv", af.interArrivalCv());
            ar.put("index_of_dispersion", af.indexOfDispersion());
            ar.put("within_hour_dispersion", af.withinHourDispersion());
            ar.put("over_dispersed", af.overDispersed());
            af.notes().forEach(notes::add);
            report.set("traffic", json.valueToTree(traffic));
        }

        // Pools and prices from the bill (their notes follow the fits').
        notes.addAll(cap.notes());
        report.put("peak_in_flight", peak);
        List<Pools> pools = new ArrayList<>();
        List<frontier.model.RequestClass> classes = new ArrayList<>();
        ArrayNode poolReport = report.putArray("pools");
        int autoscaled = -1; // the index of an autoscaled pool, whose target is then tuned to its billed cost
        double autoscaledCost = 0;
        if (plans.isEmpty()) {
            if (llm) {
                pools.add(new AlwaysOnPool("fleet", 1, null, model, null, null, null, null, null, null));
                notes.add("the bill attributes no capacity to '" + endpoint
                        + "' in the period: one always-on LLM engine, without a price (cost is not compared)");
            } else {
                pools.add(
                        new AlwaysOnPool("fleet", Math.max(1, peak), null, model, null, null, null, null, null, null));
                notes.add("the bill attributes no capacity to '" + endpoint
                        + "' in the period: one always-on pool sized to the logs' peak of " + peak
                        + " requests in flight, without a price (cost is not compared)");
            }
        } else {
            for (int i = 0; i < plans.size(); i++) {
                PoolPlan plan = plans.get(i);
                poolReport.add(json.valueToTree(plan));
                String name = poolName(plan);
                String overflowTo = routing == null && i + 1 < plans.size() ? poolName(plans.get(i + 1)) : null;
                Integer slots = concurrency > 1 && !llm ? concurrency : null;
                switch (plan.kind()) {
                    case ALWAYS_ON ->
                        pools.add(new AlwaysOnPool(
                                name, plan.instances(), slots, model, null, null, null, overflowTo, null, price(plan)));
                    case AUTOSCALED -> {
                        AutoscaleFit.Result af = AutoscaleFit.fit(
                                plan.hourlyInstances(), obs.busySlotsPerHour(serviceS, from, to), concurrency);
                        autoscaled = pools.size();
                        autoscaledCost = plan.cost();
                        pools.add(new AutoscaledPool(
                                name,
                                slots,
                                model,
                                null,
                                null,
                                null,
                                overflowTo,
                                null,
                                price(plan),
                                af.minInstances(),
                                af.maxInstances(),
                                af.initial(),
                                new AutoscalePolicy.Hpa(round6(af.target()), null),
                                null,
                                null,
                                null,
                                new Deterministic(0),
                                null,
                                null));
                        ObjectNode ar = report.putObject("autoscale_fit");
                        ar.put("pool", name);
                        ar.put("target", af.target());
                        ar.put("min_instances", af.minInstances());
                        ar.put("max_instances", af.maxInstances());
                        ar.put("max_reached", af.maxReached());
                        ar.put("count_rmse", af.rmse());
                        notes.addAll(af.notes());
                    }
                    case SPOT ->
                        pools.add(new SpotPool(
                                name,
                                plan.instances(),
                                slots,
                                model,
                                null,
                                null,
                                null,
                                overflowTo,
                                null,
                                price(plan),
                                new Interruption(round6(plan.hazardPerHour()), null, null, null, null),
                                null,
                                OnInterrupt.RETRY,
                                plan.replacementDelayS() > 0 ? (double) Math.round(plan.replacementDelayS()) : null,
                                null,
                                null,
                                null,
                                null));
                    case SERVERLESS -> {
                        // Logged latencies already include the cold starts the platform had: they are in the fitted
                        // service time.
                        pools.add(new ServerlessPool(
                                name,
                                null,
                                model,
                                new Deterministic(0),
                                null,
                                SERVERLESS_KEEP_ALIVE_S,
                                null,
                                null,
                                null,
                                null,
                                new ServerlessBilling(
                                        plan.usdPerRequest(),
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null),
                                overflowTo,
                                null));
                        notes.add(String.format(
                                Locale.ROOT,
                                "serverless: billed $%.8f per request (the bill's cost per logged request); keep-alive"
                                        + " %.0f s assumed",
                                plan.usdPerRequest(),
                                SERVERLESS_KEEP_ALIVE_S));
                    }
                }
            }
            if (routing != null) {
                double left = 1;
                List<String> parts = new ArrayList<>();
                ArrayNode rr = report.putArray("observed_routing");
                for (int i = 0; i < plans.size(); i++) {
                    double sh = routing.shares()[i];
                    if (!(sh > 0)) continue;
                    boolean last = true;
                    for (int j = i + 1; j < plans.size(); j++) if (routing.shares()[j] > 0) last = false;
                    double written = last ? round6(left) : round6(sh);
                    left -= written;
                    String name = poolName(plans.get(i));
                    classes.add(new frontier.model.RequestClass(name, written, null, name));
                    rr.addObject().put("pool", name).put("share", sh);
                    parts.add(String.format(Locale.ROOT, "%.1f%% to %s", 100 * sh, name));
                }
                notes.add("requests are split between the pools as the log says the fleet did (" + routing.located()
                        + " requests name their machine's pricing or instance): " + String.join(", ", parts)
                        + "; no overflow between them" + (o.first() != null ? " (--first is not needed)" : ""));
            } else if (plans.size() > 1) {
                notes.add("requests go to the first pool and overflow to the next in order"
                        + (o.first() == null
                                ? " (bill order: the logs do not say how the fleet routed; --first KIND puts another"
                                        + " kind first)"
                                : " (" + o.first().code() + " first, as asked)"));
            }
            // Declared capacity was not billed: there is no observed cost to compare with.
            if (!declared) {
                BigDecimal cost = billed.stream().map(BilledResource::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
                costUsd = round6(cost.doubleValue());
                if (cap.fixedCost() != 0) fixedCostUsd = round6(cap.fixedCost());
            }
        }

        long peakKv = obs.peakKvTokens(TOKEN_SHARE);
        if (peakKv > 0) {
            report.put("peak_kv_tokens", peakKv);
            notes.add(String.format(
                    Locale.ROOT,
                    "at most %,d KV-cache tokens in flight at once (prompt + output tokens of the requests in service,"
                            + " an upper bound): with the model's geometry, this sizes the GPU memory a cheaper GPU"
                            + " needs",
                    peakKv));
        }
        Observed observed =
                new Observed(source, p50, p95, p99, requests, costUsd, fixedCostUsd, peakKv > 0 ? (Long) peakKv : null);
        RunSpec run = new RunSpec(
                (double) (to - from),
                null,
                null,
                null,
                o.replications() > 0
                        ? o.replications()
                        : (int) Math.max(2, Math.min(30, Math.ceil((double) CHECK_REQUESTS / requests))),
                o.seed());
        Path base = out.toAbsolutePath().getParent();
        Scenario scenario = twinScenario(
                endpoint,
                description(endpoint, from, to, requests, notes),
                traffic,
                pools,
                classes.isEmpty() ? null : classes,
                tokensSpec,
                run,
                observed,
                base);
        if (autoscaled >= 0) {
            scenario = tuneTarget(scenario, autoscaled, autoscaledCost, out, notes, report);
            scenario = twinScenario(
                    endpoint,
                    description(endpoint, from, to, requests, notes),
                    traffic,
                    scenario.pools(),
                    scenario.classes(),
                    tokensSpec,
                    run,
                    observed,
                    base);
        }
        ArrayNode notesNode = report.putArray("notes");
        notes.forEach(notesNode::add);

        String text = ScenarioLoader.toJson(scenario) + "\n";
        Scenario loaded =
                ScenarioLoader.parse(text, out.toString(), out.toAbsolutePath().getParent());
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, text);
        } catch (IOException e) {
            throw new BadInputException(out + ": cannot write the twin: " + e.getMessage());
        }
        ObjectNode tree;
        try {
            tree = (ObjectNode) json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Twin(tree, loaded, report, trace);
    }

    /** Simulation runs that tune an autoscaled pool's target to the billed instance-hours. */
    static final int TUNING_RUNS = 8;
    /** Relative cost error at which tuning stops. */
    static final double TUNING_TOLERANCE = 0.01;

    /**
     * Tunes the target of an autoscaled pool so that the twin bills what the bill shows for the pool: the
     * regression of {@link AutoscaleFit} takes the count as busy ÷ (target × slots), but the simulated
     * autoscaler adds its own rounding, tolerance band and scale-in window, which keep more instances than
     * that. One replication of the twin per step, target × (simulated ÷ billed cost), at most
     * {@value #TUNING_RUNS} runs or until within {@value #TUNING_TOLERANCE}.
     */
    private static Scenario tuneTarget(
            Scenario scenario, int index, double billedCost, Path out, List<String> notes, ObjectNode report) {
        AutoscaledPool pool = (AutoscaledPool) scenario.pools().get(index);
        double target = ((AutoscalePolicy.Hpa) pool.policy()).target();
        double first = target, written = target, ratio = Double.NaN;
        int runs = 0;
        while (runs < TUNING_RUNS && billedCost > 0) {
            // Through the file form and the strict loader, as any run of the twin.
            Scenario once = ScenarioLoader.parse(
                    ScenarioLoader.toJson(scenario.withRun(new RunSpec(
                            scenario.run().durationS(),
                            null,
                            null,
                            null,
                            1,
                            scenario.run().seed()))),
                    out.toString(),
                    scenario.baseDir());
            double cost = frontier.scenario.ScenarioRunner.defaultRunner()
                    .run(once, frontier.sim.RunControl.NONE)
                    .metric("cost_usd.by_pool." + pool.name() + ".total");
            runs++;
            ratio = cost / billedCost;
            if (!(Math.abs(ratio - 1) > TUNING_TOLERANCE) || runs == TUNING_RUNS) break;
            target = Math.max(0.05, Math.min(1, target * ratio));
            written = round6(target);
            scenario = withTarget(scenario, index, written);
        }
        ObjectNode tr = report.putObject("autoscale_tuning");
        tr.put("first_target", first);
        tr.put("target", written);
        tr.put("runs", runs);
        tr.put("cost_ratio", ratio);
        notes.add(String.format(
                Locale.ROOT,
                "autoscaled pool %s: target tuned from %.2f to %.2f in %d simulation run(s) so that the twin bills the"
                        + " pool's billed instance-hours (simulated ÷ billed cost %.3f at the last run)",
                pool.name(),
                first,
                written,
                runs,
                ratio));
        return scenario;
    }

    /** The scenario with the HPA target of its autoscaled pool {@code index} set to {@code target}. */
    private static Scenario withTarget(Scenario s, int index, double target) {
        AutoscaledPool p = (AutoscaledPool) s.pools().get(index);
        List<Pools> pools = new ArrayList<>(s.pools());
        pools.set(
                index,
                new AutoscaledPool(
                        p.name(),
                        p.concurrency(),
                        p.model(),
                        p.queueCapacity(),
                        p.timeoutS(),
                        p.batching(),
                        p.overflowTo(),
                        p.overflowQueue(),
                        p.price(),
                        p.minInstances(),
                        p.maxInstances(),
                        p.initialInstances(),
                        new AutoscalePolicy.Hpa(target, null),
                        p.intervalS(),
                        p.scaleOutDelayS(),
                        p.scaleInDelayS(),
                        p.coldStart(),
                        p.keepWarm(),
                        p.scaleToZeroAfterS()));
        return s.withPools(pools);
    }

    /** The twin as a scenario record: traffic into the pools (overflow in order), tokens, run and observed figures. */
    private static Scenario twinScenario(
            String endpoint,
            String description,
            Traffic traffic,
            List<Pools> pools,
            List<frontier.model.RequestClass> classes,
            TokensSpec tokens,
            RunSpec run,
            Observed observed,
            Path base) {
        return new Scenario(
                "Twin of " + endpoint,
                description,
                traffic,
                null,
                pools,
                classes,
                null,
                tokens,
                null,
                null,
                run,
                null,
                observed,
                null,
                base);
    }

    /**
     * The pool's price: the billed cost per instance-hour, with the machine the bill names (catalogue provider,
     * instance type, region, each when the bill has it), so that an alternative can look up the same machine's
     * spot price or a cheaper type in the catalogue. The inline price is what the twin is billed.
     */
    private static Price price(PoolPlan plan) {
        if (plan.instanceType() == null) return Price.perHour(round6(plan.usdPerHour()));
        return new Price(round6(plan.usdPerHour()), plan.provider(), plan.instanceType(), plan.region(), null);
    }

    /** A pool name from its pricing model and instance type, in the characters pool names allow. */
    static String poolName(PoolPlan plan) {
        String raw = plan.kind() == PoolKind.SERVERLESS
                ? "serverless"
                : plan.pricingModel().code() + (plan.instanceType() == null ? "" : "-" + plan.instanceType());
        return raw.replaceAll("[^A-Za-z0-9_-]+", "-");
    }

    /** All endpoints together, as one stream of requests (their cost: everything the rules attribute). */
    public static final String ALL = "*";

    /** The twin's period, {from, to} in epoch seconds (see {@link #calibrate}). */
    private static long[] period(Observations obs) {
        double first = obs.first(), last = obs.last();
        if (last - first >= DAY) {
            long from = (long) (Math.floor(first / 3600) * 3600);
            long to = (long) Math.ceil(last + 1e-3);
            long midnight = (long) (Math.ceil(to / DAY) * DAY);
            return new long[] {from, midnight - to < 3600 ? midnight : to};
        }
        long from = (long) Math.floor(first);
        long to = (long) Math.ceil(last + 1e-3);
        return new long[] {from, Math.max(to, from + 1)};
    }

    /** The kinds of pool a twin of {@code endpoint} would have, in bill order (see {@link Inputs#poolKinds()}). */
    public static List<PoolKind> poolKinds(Workspace ws, String endpoint) {
        return read(ws, endpoint).poolKinds();
    }

    private static String endpoint(Workspace ws, String asked) {
        List<String> endpoints = ws.requestLogs().endpoints();
        if (endpoints.isEmpty())
            throw new BadInputException(
                    ws.path() + ": no inference logs; import some first (frontier logs import FILE)");
        if (ALL.equals(asked)) return ALL;
        if (asked != null) {
            if (!endpoints.contains(asked))
                throw new BadInputException("--endpoint: '" + asked + "' has no requests; endpoints: "
                        + String.join(
                                ", ", endpoints.stream().map(String::valueOf).toList()));
            return asked;
        }
        if (endpoints.size() > 1)
            throw new BadInputException("--endpoint: the logs have several endpoints; choose one of: "
                    + String.join(", ", endpoints.stream().map(String::valueOf).toList())
                    + ", or * for all of them together");
        if (endpoints.getFirst() == null)
            throw new BadInputException("the logs name no endpoint; re-import them with an endpoint column or --map");
        return endpoints.getFirst();
    }

    private static String modelName(Workspace ws, String endpoint) {
        return ws.requestLogs().summary().groups().stream()
                .filter(g -> (ALL.equals(endpoint) || endpoint.equals(g.endpoint())) && g.model() != null)
                .max(java.util.Comparator.comparingLong(frontier.store.LogGroup::requests))
                .map(frontier.store.LogGroup::model)
                .orElse(endpoint);
    }

    /** A fitted profile's time 0 is midnight (Monday midnight for a weekly one): rotate it to start at the period's first hour. */
    static Traffic aligned(Traffic t, long from) {
        if (t instanceof ProfileTraffic p
                && (p.ratesPerS().size() == 168 || p.ratesPerS().size() == 24)
                && p.intervalS() == 3600) {
            var start = Instant.ofEpochSecond(from).atZone(ZoneOffset.UTC);
            int hours = start.getHour()
                    + (p.ratesPerS().size() == 168
                            ? 24 * (start.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue())
                            : 0);
            List<Double> r = new ArrayList<>(p.ratesPerS());
            java.util.Collections.rotate(r, -hours);
            return new ProfileTraffic(r, p.intervalS(), p.repeat());
        }
        return t;
    }

    private static Empirical empirical(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int k = Math.min(TOKEN_QUANTILES, s.length);
        List<Double> samples = new ArrayList<>(k);
        for (int i = 0; i < k; i++) samples.add((double) Math.max(0, s[(int) ((i + 0.5) * s.length / k)]));
        return new Empirical(samples);
    }

    private static Path traceFile(Path out) {
        String name = out.getFileName().toString().replaceFirst("\\.json$", "");
        return out.toAbsolutePath().resolveSibling(name + ".requests.csv.gz");
    }

    /** Writes t (seconds since the period's start), input_tokens, output_tokens for every logged request of the endpoint. */
    private static void writeTrace(Workspace ws, String endpoint, Path file, long from) {
        try (var c = ws.requestLogs()
                        .requests(frontier.store.RequestFilter.of(ALL.equals(endpoint) ? null : endpoint, null));
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                        new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            w.write("t,input_tokens,output_tokens\n");
            while (c.next()) {
                w.write(String.format(
                        Locale.ROOT,
                        "%.6f,%s,%s%n",
                        c.ts() - from,
                        c.inputTokens() < 0 ? "" : Long.toString(c.inputTokens()),
                        c.outputTokens() < 0 ? "" : Long.toString(c.outputTokens())));
            }
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write the replay trace: " + e.getMessage());
        }
    }

    private static String description(String endpoint, long from, long to, long requests, List<String> notes) {
        String fit = String.join("; ", notes);
        if (!fit.isEmpty()) fit = Character.toUpperCase(fit.charAt(0)) + fit.substring(1);
        return String.format(
                Locale.ROOT,
                "Calibrated twin of endpoint '%s' from the workspace's logs and bill, %s to %s (%,d requests). %s",
                endpoint,
                Instant.ofEpochSecond(from),
                Instant.ofEpochSecond(to),
                requests,
                fit.endsWith(".") ? fit : fit + ".");
    }

    private static double finite(double v) {
        return Double.isInfinite(v) ? 1e12 : v;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double round6(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
    }
}
