package frontier.model;

/**
 * One request while it is in the system. Lives only from arrival to departure; statistics keep
 * aggregates, never requests, so memory does not grow with the run length. Mutable and package-private
 * state: the pool that holds it changes it in place (no allocation per event).
 */
public final class Request {
    final double arrival;
    /** Index of the request class (0 when the scenario has none). */
    int cls;

    double serviceStart;
    /** Time its running service is due to end; NaN when the service was cut off (spot termination). */
    double doneAt = Double.NaN;
    /** Next request of the same batch, or of an instance's list of requests waiting for its cold start. */
    Request next;
    /** Table index of the instance serving it (or starting up for it), and the slot on that instance. */
    int inst = -1;

    int slot;
    /** True once it has waited for an instance's cold start. */
    boolean coldWait;
    /** Request key from the traffic (replay key column), for an LRU cache. */
    int key;
    /** Token counts (0 unless the scenario gives token distributions or replays a trace's token columns). */
    int tokensIn;

    int tokensOut;
    /** Time it entered its current queue (for the queue timeout, which restarts on a retry). */
    double enqueued;
    /** Its path through a cascade: {@link #DIRECT} (none, or not decided yet), or one of the three below. */
    byte path;
    /**
     * What only a cascade's or an LLM engine's requests carry, made when first needed (null for the others): a
     * request is allocated at every arrival, and these fields would add half again to its size.
     */
    Stages stages;

    /** The part of a request that only cascades and LLM engines use. */
    static final class Stages {
        /** Service time of its first stage, once escalated; whether that stage waited for a cold start; when it escalated. */
        double firstService;

        boolean firstCold;
        double escalatedAt;

        /**
         * What an LLM engine measured when it finished the request (TTFT and TPOT in seconds, within the SLOs), held
         * until the request is answered: a cascade's first stage that escalates is not what the user sees.
         */
        boolean llmPending;

        double llmTtft;
        double llmTpot;
        boolean llmGood;
    }

    /** Its {@link Stages}, made on first use. */
    Stages stages() {
        Stages st = stages;
        if (st == null) stages = st = new Stages();
        return st;
    }

    /** Whether an LLM engine's measurements wait for the request to be answered. */
    boolean llmPending() {
        return stages != null && stages.llmPending;
    }

    static final byte DIRECT = 0;
    static final byte FIRST_ONLY = 1;
    static final byte ESCALATED = 2;
    static final byte SKIPPED_FIRST = 3;

    Request(double arrival) {
        this.arrival = arrival;
        this.enqueued = arrival;
    }

    public double arrival() {
        return arrival;
    }
}
