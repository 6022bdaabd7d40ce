package frontier.model;

/**
 * How the instances of a pool serve requests: the part of a pool that a new serving engine replaces.
 * The {@link Pool} owns the queue, the instance table and the lifecycle; it asks its engine whether an
 * instance has room, hands it work, and hears back through {@link Pool#completed}, {@link Pool#becameBusy}
 * and {@link Pool#capacityFreed}. The engine schedules its own events (service completions, batch waits,
 * iteration ends) with itself as the handler.
 *
 * <p>Two engines: {@link SlotEngine}, {@code concurrency} slots per instance, a sampled (or
 * token-driven) service time per request, optional dynamic batching; and {@link LlmPoolEngine}, the
 * iteration-level LLM engine (continuous batching), which implements the same contract: {@link #hasRoom} while its running batch can
 * admit another request, {@link #admit} joins queued requests to that batch (starting the instance's
 * iteration loop if it was idle), completions at iteration ends are reported through
 * {@link Pool#completed}, and {@link Pool#capacityFreed} when the batch has room again.
 */
interface InstanceEngine extends frontier.sim.EventHandler {
    /** Whether a ready instance can take another request now. */
    boolean hasRoom(Instance inst);

    /**
     * Whether arrivals may bypass the queue: a request that finds the queue empty and an instance with
     * room is served at once through {@link #serve}. False when requests are gathered first (batching).
     */
    boolean servesSingly();

    /** Serves {@code r} on {@code inst} at once (the queue was empty, or {@code r} waited for this instance's start). */
    void serve(Instance inst, Request r, double now);

    /**
     * Whether queued work should start now; false holds it (a batch still filling), and the engine then
     * schedules its own wake-up that calls {@link Pool#dispatch}. Called only with a non-empty queue.
     */
    boolean startQueued(double now);

    /** Takes work from the pool's queue (non-empty) onto {@code inst}, which has room. */
    void admit(Instance inst, double now);

    /** How many queued requests the ready instances could take right now (0: none). */
    int room();

    /**
     * Cuts off everything running on {@code inst} (a spot termination): the requests are handed to
     * {@code cutOff} one by one, their completions will be ignored, and the instance is left with no work.
     */
    void terminate(Instance inst, double now, java.util.function.Consumer<Request> cutOff);

    /** Slot-seconds spent serving in the observation window (the numerator of utilization). */
    double busySlotSeconds(double now);

    /** Mean service time of one request so far, for what cache hits saved (NaN when unknown). */
    double meanServiceS();

    /** Most requests one slot serves together (a batch); 1 without batching. Used to describe an overload. */
    default int maxBatch() {
        return 1;
    }

    /** Starts a new observation window. */
    void reset(double now);

    /**
     * Whether the engine chooses the instance for each request itself ({@link #pick}) instead of the pool's
     * list of available instances and its idle policy.
     */
    default boolean picksInstances() {
        return false;
    }

    /** The ready instance with room that should take the next request, or null (only when {@link #picksInstances}). */
    default Instance pick() {
        throw new UnsupportedOperationException();
    }

    /** Sequences running in iterations now, summed over instances (LLM engines; NaN for others), for the time series. */
    default double runningNow() {
        return Double.NaN;
    }

    /** Share of the KV cache of ready and draining instances in use now (LLM engines; NaN for others). */
    default double kvUseNow() {
        return Double.NaN;
    }
}
