package frontier.model;

import frontier.sim.Simulation;
import frontier.sim.Tally;
import frontier.sim.TimeWeighted;
import java.util.List;

/**
 * Everything observed about requests in one run, fleet-wide and per request class, in bounded memory.
 * Statistics (and the pools' own accounts) are reset when the warm-up ends; the run is stopped once the
 * target number of requests has finished after the warm-up, when the stop rule is a request count. A
 * request finishes exactly once: completed, rejected, timed out or lost (conservation).
 */
final class RequestStats {
    final Tally wait = new Tally();
    final Tally service = new Tally();
    final Tally response = new Tally();
    final TimeWeighted inSystem = new TimeWeighted(0);
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

    private final Simulation sim;
    private final long warmupFinished;
    private final long stopAfterFinished;
    private List<Pool> pools = List.of();
    private boolean warm;
    private long finished;
    private int present;

    /**
     * @param warmupFinished    finished requests to discard before statistics start (0 for none or a
     *                          time-based warm-up)
     * @param stopAfterFinished stop once this many requests finished after the warm-up (MAX_VALUE: never)
     */
    RequestStats(Simulation sim, long warmupFinished, long stopAfterFinished, boolean warmFromStart, List<RequestClass> classes) {
        this.sim = sim;
        this.warmupFinished = warmupFinished;
        this.stopAfterFinished = stopAfterFinished;
        this.warm = warmFromStart && warmupFinished == 0;
        int n = Math.max(1, classes.size());
        classified = !classes.isEmpty();
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

    void arrived(double now, Request r) {
        arrivals++;
        if (classified) classArrivals[r.cls]++;
        inSystem.update(now, ++present);
    }

    void completed(double now, Request r) {
        double w = r.serviceStart - r.arrival;
        double s = now - r.serviceStart;
        record(r, w, s, now - r.arrival);
        if (r.coldWait) coldWaits++;
        finish(now);
    }

    /** A cache hit: answered after {@code latency} seconds without using a pool. */
    void cacheHit(double now, Request r, double latency) {
        cacheHits++;
        record(r, 0, latency, latency);
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

    void rejected(double now) {
        rejected++;
        finish(now);
    }

    void timedOut(double now) {
        timedOut++;
        finish(now);
    }

    void lost(double now) {
        lost++;
        finish(now);
    }

    void retried() {
        retried++;
    }

    private void finish(double now) {
        inSystem.update(now, --present);
        finished++;
        if (warm) {
            if (finished >= stopAfterFinished) sim.stop();
        } else if (warmupFinished > 0 && finished >= warmupFinished) {
            reset(now);
        }
    }

    /** Discards everything observed so far: the warm-up is over. */
    void reset(double now) {
        warm = true;
        finished = 0;
        arrivals = completed = rejected = timedOut = lost = retried = coldWaits = cacheHits = tokensIn = tokensOut = 0;
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
