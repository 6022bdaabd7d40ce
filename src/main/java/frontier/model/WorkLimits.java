package frontier.model;

import java.util.Locale;

/**
 * How much work one simulation may do, so that a valid but absurd scenario is refused up front (see
 * {@link WorkEstimate}) or stopped with a clear message instead of running until memory is gone. The defaults
 * ({@link #DEFAULT}) are documented in docs/cli.md ("Limits of simulations"); every example under simulations/
 * stays far below them.
 *
 * @param maxEventsPerRun   events a run may take, all replications together (estimated up front), and events
 *                          one replication may execute before it is stopped (checked as it runs)
 * @param maxEventsPerSweep events a whole sweep may take, all points together (estimated up front)
 * @param maxInstances      instances one pool may have at once (its count, maximum or provisioned count)
 * @param maxSlots          request slots one pool may have at once: instances × concurrency
 * @param maxQueue          requests one pool's queue may hold; beyond, the pool is overloaded and the run stops
 */
public record WorkLimits(long maxEventsPerRun, long maxEventsPerSweep, int maxInstances, long maxSlots, int maxQueue) {
    /** One billion events per run (a few minutes on one core), ten billion per sweep, 100,000 instances and
     *  ten million slots per pool, two million waiting requests per pool (about 150 MB). */
    public static final WorkLimits DEFAULT =
            new WorkLimits(1_000_000_000L, 10_000_000_000L, 100_000, 10_000_000L, 2_000_000);

    public WorkLimits {
        if (maxEventsPerRun < 1 || maxEventsPerSweep < 1 || maxInstances < 1 || maxSlots < 1 || maxQueue < 1) {
            throw new IllegalArgumentException("work limits must be >= 1");
        }
    }

    /** The same limits with another event budget per run (and per sweep, at ten times it), e.g. small for tests. */
    public WorkLimits withMaxEventsPerRun(long events) {
        return new WorkLimits(events, Math.multiplyExact(events, 10L), maxInstances, maxSlots, maxQueue);
    }

    /** The same limits with another bound on a pool's queue. */
    public WorkLimits withMaxQueue(int queue) {
        return new WorkLimits(maxEventsPerRun, maxEventsPerSweep, maxInstances, maxSlots, queue);
    }

    /**
     * The refusal of a pool whose queue reached {@code waiting} requests: traffic arrives faster than the pool
     * serves it and nothing bounds the queue.
     *
     * @param arrivalRate  requests per second the pool has received (since the start or the end of the warm-up)
     * @param serviceRate  requests per second its ready instances can serve, NaN if unknown
     */
    static WorkLimitException overloaded(
            String field,
            String pool,
            int waiting,
            double now,
            double arrivalRate,
            int instances,
            int concurrency,
            int maxBatch,
            double serviceRate) {
        String capacity = instances + (instances == 1 ? " ready instance" : " ready instances") + " × " + concurrency
                + (concurrency == 1 ? " slot" : " slots") + (maxBatch > 1 ? " × batches of up to " + maxBatch : "")
                + (Double.isFinite(serviceRate)
                        ? String.format(Locale.ROOT, " (about %s requests/s)", WorkEstimate.number(serviceRate))
                        : "");
        return new WorkLimitException(
                field,
                String.format(
                        Locale.ROOT,
                        "pool '%s' is overloaded: %,d requests were waiting in its queue at %s s of simulated time, as requests arrive"
                                + " at about %s/s and its capacity is %s; the queue would grow until memory runs out. Bound it"
                                + " (queue_capacity or timeout_s), give the pool more capacity or send it less traffic"
                                + " (limit: %,d waiting requests per pool, docs/cli.md \"Limits of simulations\")",
                        pool,
                        waiting,
                        WorkEstimate.number(now),
                        WorkEstimate.number(arrivalRate),
                        capacity,
                        waiting));
    }
}
