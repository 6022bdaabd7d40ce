package frontier.model;

import frontier.sim.Simulation;
import frontier.sim.Tally;
import frontier.sim.TimeWeighted;

/**
 * Everything observed about requests and servers in one run, in bounded memory. Statistics are reset
 * when the warm-up ends; the run is stopped once the target number of requests has finished (completed
 * or dropped) after the warm-up, when the stop rule is a request count.
 */
final class RequestStats {
    final Tally wait = new Tally();
    final Tally service = new Tally();
    final Tally response = new Tally();
    final TimeWeighted busy = new TimeWeighted(0);
    final TimeWeighted queue = new TimeWeighted(0);
    final TimeWeighted inSystem = new TimeWeighted(0);
    long arrivals;
    long completed;
    long rejected;
    long timedOut;
    double windowStart;

    private final Simulation sim;
    private final long warmupFinished;
    private final long stopAfterFinished;
    private boolean warm;
    private long finished;
    private int present;

    /**
     * @param warmupFinished    finished requests to discard before statistics start (0 for none or a
     *                          time-based warm-up)
     * @param stopAfterFinished stop once this many requests finished after the warm-up (MAX_VALUE: never)
     */
    RequestStats(Simulation sim, long warmupFinished, long stopAfterFinished, boolean warmFromStart) {
        this.sim = sim;
        this.warmupFinished = warmupFinished;
        this.stopAfterFinished = stopAfterFinished;
        this.warm = warmFromStart && warmupFinished == 0;
    }

    void arrived(double now) {
        arrivals++;
        inSystem.update(now, ++present);
    }

    void completed(double now, Request r) {
        double w = r.serviceStart - r.arrival;
        double s = now - r.serviceStart;
        wait.add(w);
        service.add(s);
        response.add(now - r.arrival);
        completed++;
        finish(now);
    }

    void rejected(double now) {
        rejected++;
        finish(now);
    }

    void timedOut(double now, Request r) {
        timedOut++;
        finish(now);
    }

    void busy(double now, int n) {
        busy.update(now, n);
    }

    void queueLength(double now, int n) {
        queue.update(now, n);
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
        arrivals = 0;
        completed = 0;
        rejected = 0;
        timedOut = 0;
        wait.reset();
        service.reset();
        response.reset();
        busy.reset(now);
        queue.reset(now);
        inSystem.reset(now);
        windowStart = now;
    }

    long finished() {
        return finished;
    }

    boolean warm() {
        return warm;
    }
}
