package frontier.model;

/** One server instance of a pool: its lifecycle state and the batches running in its slots. */
final class Instance {
    static final int STARTING = 0;
    static final int READY = 1;
    static final int DRAINING = 2;
    static final int STOPPED = 3;

    /** Position in the pool's instance table while not stopped (requests refer to it by this index). */
    final int index;

    final boolean provisioned;
    /** Spot market (index into the pool's markets) the instance runs in; 0 elsewhere. */
    int market;
    /** Launch order within the pool (0 for the first): what the newest-created idle policy compares. */
    long serial;
    /** Batches in service per slot; kept only where terminations must find them (spot pools). */
    final Request[] running;

    int state;
    int busySlots;
    /** When an idle serverless instance expires; NaN while none is pending. */
    double expiresAt = Double.NaN;
    /** The event order reserved for the expiry at {@link #expiresAt} ({@link KeepAlive}). */
    long expirySequence;
    /** Whether a keep-alive event for this instance is in the event list (at most one is). */
    boolean expiryPending;
    /** When this spot instance's termination is due; NaN if not known. */
    double terminatesAt = Double.NaN;
    /** Serverless: requests waiting for this instance's cold start (chained through Request.next). */
    Request waitingHead;

    Request waitingTail;
    /** Whether it is listed in the pool's available deque. */
    boolean listed;
    /** Position in the pool's live list, for O(1) removal. */
    int liveIndex = -1;
    /** What the pool's engine keeps per instance (an LLM engine's iteration loop), else null. */
    Object engineState;
    /** Availability-trace node name (spot trace replay), else null. */
    String node;

    Instance(int index, int concurrency, boolean provisioned, boolean trackRunning) {
        this.index = index;
        this.provisioned = provisioned;
        this.running = trackRunning ? new Request[concurrency] : null;
    }

    boolean idle() {
        return state == READY && busySlots == 0;
    }
}
