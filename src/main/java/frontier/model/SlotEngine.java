package frontier.model;

import frontier.model.pool.Batching;
import frontier.model.pool.Pools;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.TokenTime;
import frontier.sim.RandomStreams;
import frontier.sim.Simulation;
import frontier.sim.TimeWeighted;
import frontier.sim.dist.LogNormal;
import frontier.sim.dist.Sampler;
import java.util.function.Consumer;

/**
 * The engine of every pool today: {@code concurrency} slots per instance, each serving one request (or
 * one batch) at a time for a service time drawn from the model's distribution ("service:NAME"), or
 * computed from the request's token counts with {@code token_time} ("service-noise:NAME" for its noise),
 * or, on a serverless platform with a separate cold service time, drawn from that for a request that
 * waited for its instance's start ("cold-service:NAME"). With {@code batching}, queued requests are
 * gathered up to {@code max_batch} or until the oldest has waited {@code max_wait_s}, and a batch of n
 * takes the batching curve's time for n, times a lognormal factor ("batch:NAME").
 *
 * <p>A completion whose request was cut off by a termination is recognised by its time ({@code doneAt}
 * is NaN) and ignored, so nothing is ever removed from the event list.
 */
final class SlotEngine implements InstanceEngine {
    private static final int DONE = 0;
    private static final int BATCH_WAIT = 1;

    private final Pool pool;
    private final Simulation sim;
    private final int concurrency;
    /** The service-time sampler; null when the service time is token-driven. */
    private final Sampler service;

    private final Pools spec;
    private final TokenTime tokenTime;
    private final Sampler overhead;
    private final Sampler noise;
    private final Sampler coldService;
    /** One draw of {@link #service} per request: no batching, no separate cold service, no token-driven time. */
    private final boolean plainService;

    private final Batching batching;
    private final Sampler batchFactor;
    private final int maxBatch;
    private final double maxWait;
    /** The model variant's speed factor: every service time is divided by it. */
    private final double speed;

    /** Busy slots over time; with one slot per instance the pool's busy-instance average says the same. */
    private final TimeWeighted busySlots = new TimeWeighted(0);

    private int nBusySlots;
    private double batchWaitAt = Double.NaN;
    /** Sum and count (never reset) of the token-driven service times drawn, for their mean. */
    private double tokenServiceSum;

    private long tokenServices;

    SlotEngine(Pool pool, Pools spec, Simulation sim, RandomStreams streams) {
        this.pool = pool;
        this.sim = sim;
        this.spec = spec;
        this.concurrency = spec.concurrency();
        String name = spec.name();
        this.tokenTime = spec.model().tokenTime();
        if (tokenTime == null) {
            this.service = spec.service().sampler(streams.stream("service:" + name));
            this.overhead = null;
            this.noise = null;
        } else {
            this.service = null;
            this.overhead = tokenTime.overhead().sampler(streams.stream("service:" + name));
            this.noise = tokenTime.noiseCv() == 0
                    ? null
                    : new LogNormal(1.0, tokenTime.noiseCv(), null, null)
                            .sampler(streams.stream("service-noise:" + name));
        }
        this.coldService = spec instanceof ServerlessPool s && s.coldService() != null
                ? s.coldService().sampler(streams.stream("cold-service:" + name))
                : null;
        this.batching = spec.batching();
        this.maxBatch = batching == null ? 1 : batching.maxBatch();
        this.maxWait = batching == null ? 0 : batching.maxWaitS();
        this.batchFactor = batching == null || batching.cv() == 0
                ? null
                : new LogNormal(1.0, batching.cv(), null, null).sampler(streams.stream("batch:" + name));
        this.speed = spec.model().speed();
        this.plainService = batching == null && coldService == null && tokenTime == null && speed == 1;
    }

    @Override
    public boolean hasRoom(Instance inst) {
        return inst.busySlots < concurrency;
    }

    @Override
    public boolean servesSingly() {
        return maxBatch == 1;
    }

    @Override
    public void serve(Instance inst, Request r, double now) {
        start(inst, r, 1, now);
    }

    @Override
    public boolean startQueued(double now) {
        if (maxBatch == 1) return true;
        Request oldest = pool.queue.peekFirst();
        if (pool.queue.size() < maxBatch && now < oldest.enqueued + maxWait) {
            double at = oldest.enqueued + maxWait;
            if (!(batchWaitAt == at)) {
                batchWaitAt = at;
                sim.scheduleAt(at, this, BATCH_WAIT, null);
            }
            return false;
        }
        return true;
    }

    @Override
    public void admit(Instance inst, double now) {
        int n = Math.min(maxBatch, pool.queue.size());
        Request head = pool.dequeue(now);
        Request tail = head;
        for (int i = 1; i < n; i++) {
            Request r = pool.dequeue(now);
            tail.next = r;
            tail = r;
        }
        tail.next = null;
        start(inst, head, n, now);
    }

    @Override
    public int room() {
        return (pool.readyInstances() * concurrency - nBusySlots) * maxBatch;
    }

    /** Runs a batch (head, chained by next) on a free slot of the instance. */
    private void start(Instance inst, Request head, int n, double now) {
        int slot = inst.running == null ? 0 : claimSlot(inst, head);
        if (inst.busySlots++ == 0) pool.becameBusy(now);
        nBusySlots++;
        if (concurrency > 1) busySlots.update(now, nBusySlots);
        double duration = plainService ? service.sample() : serviceTime(inst, head, n);
        double end = now + duration;
        head.serviceStart = now;
        head.inst = inst.index;
        head.slot = slot;
        head.doneAt = end;
        for (Request r = head.next; r != null; r = r.next) {
            r.serviceStart = now;
            r.inst = inst.index;
            r.slot = slot;
            r.doneAt = end;
        }
        if (inst.busySlots < concurrency) pool.makeAvailable(inst);
        sim.scheduleAt(end, this, DONE, head);
    }

    private static int claimSlot(Instance inst, Request head) {
        int slot = 0;
        while (inst.running[slot] != null) slot++;
        inst.running[slot] = head;
        return slot;
    }

    /**
     * Service time of a batch, of a cold request on a platform with a separate cold service time, or of a
     * request whose time depends on its tokens.
     */
    private double serviceTime(Instance inst, Request head, int n) {
        return unscaledServiceTime(inst, head, n) / speed;
    }

    private double unscaledServiceTime(Instance inst, Request head, int n) {
        if (batching != null) return batching.meanTime(n) * (batchFactor == null ? 1.0 : batchFactor.sample());
        if (coldService != null && head.coldWait && head.inst == inst.index) return coldService.sample();
        return tokenTime == null ? service.sample() : tokenServiceTime(head);
    }

    private double tokenServiceTime(Request r) {
        double t = tokenTime.seconds(overhead.sample(), r.tokensIn, r.tokensOut);
        if (noise != null) t *= noise.sample();
        tokenServiceSum += t;
        tokenServices++;
        return t;
    }

    @Override
    public void handle(int kind, Object payload) {
        double now = sim.now();
        switch (kind) {
            case DONE -> done((Request) payload, now);
            case BATCH_WAIT -> {
                if (batchWaitAt == now) batchWaitAt = Double.NaN;
                pool.dispatch(now);
            }
            default -> throw new IllegalStateException("unknown event " + kind);
        }
    }

    private void done(Request head, double now) {
        if (head.doneAt != now) return; // cut off by a termination; already retried or lost
        Instance inst = pool.instance(head.inst);
        for (Request r = head; r != null; ) {
            Request next = r.next;
            r.next = null;
            pool.completed(r, now);
            r = next;
        }
        if (batching == null && inst.state == Instance.READY && !pool.queue.isEmpty()) {
            // The slot goes straight on to the oldest waiting request: no state changes to account.
            Request nextUp = pool.dequeue(now);
            double end = now + (tokenTime == null ? service.sample() : tokenServiceTime(nextUp)) / speed;
            nextUp.serviceStart = now;
            nextUp.inst = inst.index;
            nextUp.slot = head.slot;
            nextUp.doneAt = end;
            if (inst.running != null) inst.running[head.slot] = nextUp;
            sim.scheduleAt(end, this, DONE, nextUp);
        } else {
            release(inst, head.slot, now);
        }
    }

    /** Frees a slot and tells the pool. */
    private void release(Instance inst, int slot, double now) {
        if (inst.running != null) inst.running[slot] = null;
        inst.busySlots--;
        nBusySlots--;
        if (concurrency > 1) busySlots.update(now, nBusySlots);
        pool.capacityFreed(inst, inst.busySlots == 0, now);
    }

    @Override
    public void terminate(Instance inst, double now, Consumer<Request> cutOff) {
        for (int s = 0; s < inst.running.length; s++) {
            Request head = inst.running[s];
            if (head == null) continue;
            inst.running[s] = null;
            inst.busySlots--;
            nBusySlots--;
            if (concurrency > 1) busySlots.update(now, nBusySlots);
            if (inst.busySlots == 0 && inst.state == Instance.READY) pool.becameIdle(now);
            Request r = head;
            while (r != null) {
                Request next = r.next;
                r.next = null;
                r.doneAt = Double.NaN;
                cutOff.accept(r);
                r = next;
            }
        }
    }

    @Override
    public double busySlotSeconds(double now) {
        return concurrency == 1 ? pool.busy.integral(now) : busySlots.integral(now);
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public double meanServiceS() {
        return (tokenTime == null ? spec.service().mean() : tokenServiceSum / tokenServices) / speed;
    }

    @Override
    public void reset(double now) {
        busySlots.reset(now);
    }
}
