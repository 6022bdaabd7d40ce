package frontier.model;

import frontier.model.pool.ServerlessPool;
import frontier.sim.EventHandler;
import frontier.sim.RandomStreams;
import frontier.sim.Simulation;
import frontier.sim.dist.Sampler;

/**
 * Serverless instance lifetimes: an idle instance that is not provisioned expires after
 * {@code keep_alive_s} unless it gets work first (a stale expiry is recognised by its time), and with
 * {@code max_lifetime} every launched instance is retired (drained) after a drawn lifetime
 * ("max-lifetime:NAME").
 */
final class KeepAlive implements EventHandler {
    private static final int EXPIRE = 0;
    private static final int RETIRE = 1;

    private final Pool pool;
    private final Simulation sim;
    private final double keepAlive;
    /** Draws how long after launch an instance is retired; null for no limit. */
    private final Sampler maxLifetime;

    KeepAlive(Pool pool, ServerlessPool spec, Simulation sim, RandomStreams streams) {
        this.pool = pool;
        this.sim = sim;
        this.keepAlive = spec.keepAliveS();
        this.maxLifetime = spec.maxLifetime() == null
                ? null
                : spec.maxLifetime().sampler(streams.stream("max-lifetime:" + spec.name()));
    }

    /** Schedules the retirement of a newly launched instance, if lifetimes are limited. */
    void launched(Instance inst, double now) {
        if (maxLifetime != null) sim.scheduleAt(now + maxLifetime.sample(), this, RETIRE, inst);
    }

    /**
     * An instance may have become idle: it expires after the keep-alive unless it gets work first. Each call moves the
     * expiry; the instance keeps one pending event, not one per call: a busy instance used to leave one stale event
     * per request in the event list (about rate × keep-alive of them, 600 at 1 request/s and 10 minutes), each costing
     * a sift on every event and a no-op handling of its own. The pending event, when it fires early, moves itself to
     * the current expiry, in the order of simultaneous events reserved when that expiry was set, so runs are the
     * same event for event as with one event per call (but for the stale events no longer executed).
     */
    void mayExpire(Instance inst, double now) {
        if (inst.idle() && keepAlive != Double.POSITIVE_INFINITY && !inst.provisioned) {
            inst.expiresAt = now + keepAlive;
            inst.expirySequence = sim.reserveSequence();
            if (!inst.expiryPending) {
                inst.expiryPending = true;
                sim.scheduleAt(inst.expiresAt, inst.expirySequence, this, EXPIRE, inst);
            }
        }
    }

    @Override
    public void handle(int kind, Object payload) {
        double now = sim.now();
        Instance inst = (Instance) payload;
        switch (kind) {
            case EXPIRE -> {
                inst.expiryPending = false;
                if (inst.expiresAt > now && inst.state != Instance.STOPPED) {
                    // Moved since this event was scheduled: wait for the current expiry.
                    inst.expiryPending = true;
                    sim.scheduleAt(inst.expiresAt, inst.expirySequence, this, EXPIRE, inst);
                } else if (inst.expiresAt == now && inst.idle()) pool.stop(inst, now);
            }
            case RETIRE -> pool.drain(inst, now);
            default -> throw new IllegalStateException("unknown event " + kind);
        }
    }
}
