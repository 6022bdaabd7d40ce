package frontier.model;

import frontier.sim.Simulation;
import frontier.sim.Tally;
import frontier.sim.TimeWeighted;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything observed about requests in one run, fleet-wide and per request class, in bounded memory.
 * Statistics (and the pools' own accounts) are reset when the warm-up ends; the run is stopped once the
 * target number of requests has finished after the warm-up, when the stop rule is a request count. A
 * request finishes exactly once: completed, rejected, timed out or lost (conservation). With a
 * {@link RunListener}, it also tells the listener how each request left and how long each instance lived;
 * without one, that costs one null check per request.
 */
final class RequestStats {
    final Tally wait = new Tally();
    final Tally service = new Tally();
    final Tally response = new Tally();
    final TimeWeighted inSystem = new TimeWeighted(0);
    /** Requests completed by LLM engines: time to first token, time per output token, within SLOs. */
    final Tally ttft = new Tally();

    final Tally tpot = new Tally();
    long llmCompleted;
    long llmGood;
    long llmOutputTokens;
    final Tally[] classLatency;
    final long[] classCompleted;
    final long[] classWithinSlo;
    final long[] classArrivals;
    private final double[] sloS;
    /** Per-class statistics are kept only when the scenario defines classes. */
    private final boolean classified;

    long arrivals;
    long completed;
    long rejected;
    long timedOut;
    long lost;
    long retried;
    long coldWaits;
    long cacheHits;
    long tokensIn;
    long tokensOut;
    double windowStart;
    /** A cascade's decisions at its first pool, and the latency of each path through it. */
    long cascadeDecided;

    long cascadeEscalated;
    long skippedFirst;
    final Tally firstOnlyLatency = new Tally();
    final Tally escalatedLatency = new Tally();
    /** A cascade's LLM stages: time to first token of the first stage (from arrival), of the second (from escalation). */
    final Tally firstStageTtft = new Tally();

    final Tally secondStageTtft = new Tally();
    final Tally skippedLatency = new Tally();
    /** Sum of the quality of the model that answered each completed request, and how many were counted. */
    double qualitySum;

    long qualityCount;

    private final Simulation sim;
    private final long warmupFinished;
    private final long stopAfterFinished;
    private List<Pool> pools = List.of();
    private boolean warm;
    private long finished;
    private int present;

    private final String[] classNames;
    // Only with a listener.
    private RunListener listener;
    private boolean logTokensIn;
    private boolean logTokensOut;
    /** Instances alive, in launch order (a deterministic order for the spans still open at the end). */
    private final Map<Instance, OpenSpan> open = new LinkedHashMap<>();

    private final Map<Pool, Integer> launched = new HashMap<>();

    /**
     * @param warmupFinished    finished requests to discard before statistics start (0 for none or a
     *                          time-based warm-up)
     * @param stopAfterFinished stop once this many requests finished after the warm-up (MAX_VALUE: never)
     */
    RequestStats(
            Simulation sim,
            long warmupFinished,
            long stopAfterFinished,
            boolean warmFromStart,
            List<RequestClass> classes) {
        this.sim = sim;
        this.warmupFinished = warmupFinished;
        this.stopAfterFinished = stopAfterFinished;
        this.warm = warmFromStart && warmupFinished == 0;
        int n = Math.max(1, classes.size());
        classified = !classes.isEmpty();
        classNames = classes.stream().map(RequestClass::name).toArray(String[]::new);
        classLatency = new Tally[n];
        classCompleted = new long[n];
        classWithinSlo = new long[n];
        classArrivals = new long[n];
        sloS = new double[n];
        for (int i = 0; i < n; i++) {
            classLatency[i] = new Tally();
            Double slo = classes.isEmpty() ? null : classes.get(i).sloMs();
            sloS[i] = slo == null ? Double.POSITIVE_INFINITY : slo / 1000.0;
        }
    }

    void pools(List<Pool> p) {
        pools = p;
    }

    /** Reports to {@code l} from now on; {@code tokens} says which token counts the requests carry. */
    void listen(RunListener l, TokensSpec tokens) {
        listener = l;
        logTokensIn = tokens != null && tokens.input() != null;
        logTokensOut = tokens != null && tokens.output() != null;
    }

    void arrived(double now, Request r) {
        arrivals++;
        if (classified) classArrivals[r.cls]++;
        inSystem.update(now, ++present);
    }

    void completed(double now, Request r, Pool pool) {
        qualitySum += pool.quality;
        qualityCount++;
        if (r.llmPending()) llmAnswered(r);
        if (r.path != Request.DIRECT) {
            cascadeCompleted(now, r, pool);
            return;
        }
        double w = r.serviceStart - r.arrival;
        double s = now - r.serviceStart;
        record(r, w, s, now - r.arrival);
        if (r.coldWait) coldWaits++;
        if (listener != null && warm) tell(r, now - r.arrival, pool, RequestOutcome.Status.COMPLETED, s);
        finish(now);
    }

    /** A request that went through a cascade finished: its wait and service are the sums over its stages. */
    private void cascadeCompleted(double now, Request r, Pool pool) {
        double total = now - r.arrival;
        Request.Stages st = r.stages;
        // A request that skipped the first stage has no first service (0) and no first cold start.
        double s = now - r.serviceStart + (st == null ? 0.0 : st.firstService);
        record(r, total - s, s, total);
        boolean cold = r.coldWait || (st != null && st.firstCold);
        if (cold) coldWaits++;
        switch (r.path) {
            case Request.FIRST_ONLY -> firstOnlyLatency.add(total);
            case Request.ESCALATED -> escalatedLatency.add(total);
            default -> {
                skippedFirst++;
                skippedLatency.add(total);
            }
        }
        if (listener != null && warm) tell(r, total, pool, RequestOutcome.Status.COMPLETED, s);
        finish(now);
    }

    /** The cascade's first pool finished a request, which {@code escalated} or not. */
    void cascadeDecided(boolean escalated) {
        cascadeDecided++;
        if (escalated) cascadeEscalated++;
    }

    /**
     * An LLM engine's request finished its last token (its completion follows, at once or after the request overhead).
     * Its output tokens count now (the engine produced them); its TTFT, TPOT and SLOs count when it is answered
     * ({@link #completed}): a cascade's first stage that escalates is not the answer the user sees.
     */
    void llmCompleted(Request r, double ttftS, double tpotS, boolean good) {
        llmOutputTokens += Math.max(1, r.tokensOut);
        Request.Stages st = r.stages();
        st.llmPending = true;
        st.llmTtft = ttftS;
        st.llmTpot = tpotS;
        st.llmGood = good;
    }

    /**
     * The request is answered by the LLM engine that finished it last: the TTFT the user sees (from arrival, both
     * stages of an escalated request), and per stage for a cascade.
     */
    private void llmAnswered(Request r) {
        Request.Stages st = r.stages;
        st.llmPending = false;
        ttft.add(st.llmTtft);
        if (!Double.isNaN(st.llmTpot)) tpot.add(st.llmTpot);
        llmCompleted++;
        if (st.llmGood) llmGood++;
        switch (r.path) {
            case Request.FIRST_ONLY -> firstStageTtft.add(st.llmTtft);
            case Request.ESCALATED -> secondStageTtft.add(st.llmTtft - (st.escalatedAt - r.arrival));
            case Request.SKIPPED_FIRST -> secondStageTtft.add(st.llmTtft);
            default -> {}
        }
    }

    /** A cache hit: answered after {@code latency} seconds without using a pool. */
    void cacheHit(double now, Request r, double latency) {
        cacheHits++;
        record(r, 0, latency, latency);
        if (listener != null && warm) tell(r, latency, null, RequestOutcome.Status.COMPLETED, latency);
        finish(now);
    }

    private void record(Request r, double w, double s, double total) {
        wait.add(w);
        service.add(s);
        response.add(total);
        completed++;
        tokensIn += r.tokensIn;
        tokensOut += r.tokensOut;
        if (classified) {
            classLatency[r.cls].add(total);
            classCompleted[r.cls]++;
            if (total <= sloS[r.cls]) classWithinSlo[r.cls]++;
        }
    }

    void rejected(double now, Request r, Pool pool) {
        rejected++;
        if (listener != null && warm) tell(r, now - r.arrival, pool, RequestOutcome.Status.REJECTED, Double.NaN);
        finish(now);
    }

    void timedOut(double now, Request r, Pool pool) {
        timedOut++;
        if (listener != null && warm) tell(r, now - r.arrival, pool, RequestOutcome.Status.TIMED_OUT, Double.NaN);
        finish(now);
    }

    void lost(double now, Request r, Pool pool) {
        lost++;
        if (listener != null && warm) tell(r, now - r.arrival, pool, RequestOutcome.Status.LOST, Double.NaN);
        finish(now);
    }

    private void tell(Request r, double latency, Pool pool, RequestOutcome.Status status, double serviceS) {
        listener.requestFinished(new RequestOutcome(
                r.arrival,
                latency,
                serviceS,
                classNames.length == 0 ? null : classNames[r.cls],
                pool == null ? null : pool.name,
                pool == null ? null : pool.spec.model().name(),
                status,
                r.coldWait,
                logTokensIn ? r.tokensIn : null,
                logTokensOut ? r.tokensOut : null));
    }

    // ---------------------------------------------------------------- instance lifetimes (listener only)

    private static final class OpenSpan {
        final Pool pool;
        final int serial;
        final double launched;
        double ready = Double.NaN;

        OpenSpan(Pool pool, int serial, double launched) {
            this.pool = pool;
            this.serial = serial;
            this.launched = launched;
        }

        InstanceSpan close(double at, boolean running) {
            return new InstanceSpan(pool.name, pool.spec.model().name(), serial, launched, ready, at, running);
        }
    }

    void instanceLaunched(Pool pool, Instance inst, double now) {
        if (listener == null) return;
        int serial = launched.merge(pool, 1, Integer::sum);
        open.put(inst, new OpenSpan(pool, serial, now));
    }

    void instanceReady(Instance inst, double now) {
        if (listener == null) return;
        OpenSpan s = open.get(inst);
        if (s != null) s.ready = now;
    }

    void instanceStopped(Instance inst, double now) {
        if (listener == null) return;
        OpenSpan s = open.remove(inst);
        if (s != null) listener.instanceStopped(s.close(now, false));
    }

    /** The run ended at {@code end}: reports the instances still alive, in launch order. */
    void closeSpans(double end) {
        if (listener == null) return;
        for (OpenSpan s : open.values()) listener.instanceStopped(s.close(end, true));
        open.clear();
    }

    void retried() {
        retried++;
    }

    private void finish(double now) {
        inSystem.update(now, --present);
        finished++;
        if (warm) {
            sim.stopOnceReached(finished, stopAfterFinished);
        } else if (warmupFinished > 0 && finished >= warmupFinished) {
            reset(now);
        }
    }

    /** Discards everything observed so far: the warm-up is over. */
    void reset(double now) {
        warm = true;
        finished = 0;
        arrivals = completed = rejected = timedOut = lost = retried = coldWaits = cacheHits = tokensIn = tokensOut = 0;
        llmCompleted = llmGood = llmOutputTokens = 0;
        cascadeDecided = cascadeEscalated = skippedFirst = qualityCount = 0;
        qualitySum = 0;
        firstOnlyLatency.reset();
        escalatedLatency.reset();
        firstStageTtft.reset();
        secondStageTtft.reset();
        skippedLatency.reset();
        ttft.reset();
        tpot.reset();
        wait.reset();
        service.reset();
        response.reset();
        for (int i = 0; i < classLatency.length; i++) {
            classLatency[i].reset();
            classCompleted[i] = classWithinSlo[i] = classArrivals[i] = 0;
        }
        inSystem.reset(now);
        for (Pool p : pools) p.reset(now);
        windowStart = now;
    }

    /** Requests in the system now (arrived, not yet finished). */
    int present() {
        return present;
    }

    long finished() {
        return finished;
    }

    boolean warm() {
        return warm;
    }
}
