package frontier.model;

import frontier.sim.EventHandler;
import frontier.sim.Simulation;
import frontier.sim.dist.Sampler;
import java.util.ArrayDeque;

/**
 * c identical servers and a FIFO queue, optionally bounded, with an optional queue timeout. Requests
 * leave through {@link RequestStats}. Timeouts need no event per request: with FIFO order and one
 * timeout, requests expire in arrival order, so one pending expiry event for the head of the queue is
 * enough.
 */
final class ServerPool implements EventHandler {
    private static final int DEPART = 0;
    private static final int EXPIRE = 1;

    private final Simulation sim;
    private final int servers;
    private final Sampler service;
    private final int capacity;
    private final double timeout;
    private final RequestStats stats;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private int busy;
    private boolean expiryPending;

    ServerPool(Simulation sim, PoolSpec spec, Sampler service, RequestStats stats) {
        this.sim = sim;
        this.servers = spec.servers();
        this.service = service;
        this.capacity = spec.queueCapacity() == null ? Integer.MAX_VALUE : spec.queueCapacity();
        this.timeout = spec.timeoutS() == null ? Double.POSITIVE_INFINITY : spec.timeoutS();
        this.stats = stats;
    }

    void arrive(Request r) {
        double now = sim.now();
        stats.arrived(now);
        if (busy < servers) {
            start(r, now);
        } else if (queue.size() >= capacity) {
            stats.rejected(now);
        } else {
            queue.addLast(r);
            stats.queueLength(now, queue.size());
            if (!expiryPending && timeout != Double.POSITIVE_INFINITY) scheduleExpiry();
        }
    }

    private void start(Request r, double now) {
        busy++;
        stats.busy(now, busy);
        serve(r, now);
    }

    private void serve(Request r, double now) {
        r.serviceStart = now;
        sim.schedule(service.sample(), this, DEPART, r);
    }

    @Override
    public void handle(int kind, Object payload) {
        double now = sim.now();
        if (kind == DEPART) {
            stats.completed(now, (Request) payload);
            Request next = queue.pollFirst();
            if (next != null) {
                // The server goes straight on to the next request: busy count unchanged.
                stats.queueLength(now, queue.size());
                serve(next, now);
            } else {
                stats.busy(now, --busy);
            }
        } else {
            expiryPending = false;
            Request head;
            while ((head = queue.peekFirst()) != null && head.arrival + timeout <= now) {
                queue.pollFirst();
                stats.queueLength(now, queue.size());
                stats.timedOut(now, head);
            }
            if (!queue.isEmpty()) scheduleExpiry();
        }
    }

    private void scheduleExpiry() {
        expiryPending = true;
        sim.scheduleAt(Math.max(sim.now(), queue.peekFirst().arrival + timeout), this, EXPIRE, null);
    }

    int busy() {
        return busy;
    }

    int queueLength() {
        return queue.size();
    }
}
