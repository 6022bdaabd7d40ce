package frontier.model;

import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.AutoscaledPool;
import frontier.model.pool.IdlePolicy;
import frontier.model.pool.Pools;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.sim.EventHandler;
import frontier.sim.IntDeque;
import frontier.sim.RandomStreams;
import frontier.sim.Simulation;
import frontier.sim.TimeWeighted;
import frontier.sim.dist.Sampler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The runtime of one serving pool of any kind: the FIFO queue (optional capacity and timeout), dispatch
 * to instances, the instance table and the instance lifecycle (starting → ready → draining → stopped),
 * with instance-seconds by state accounted over time. What differs between kinds lives beside it, each
 * its own event handler, chosen once in the constructor from the pool's spec:
 * <ul>
 * <li>{@link InstanceEngine}: how an instance serves requests ({@link SlotEngine}, or {@link LlmPoolEngine} for a
 * continuous-batching LLM engine);
 * <li>{@link Autoscaler}: how many instances an autoscaled pool runs;
 * <li>{@link SpotSupply}: spot capacity, interruptions and replacements;
 * <li>{@link KeepAlive}: serverless keep-alive expiry and maximum lifetimes;
 * <li>{@link PoolBilling}: what the pool's time and requests cost.
 * </ul>
 * Always-on pools need none of the optional parts; serverless pools also dispatch differently (no
 * queue: an arrival that finds no free instance launches one and waits for its cold start, up to
 * {@code max_concurrency}). The pool's own random streams are "cold-start:NAME" and "idle-pick:NAME".
 * Pending events that became stale (an expiry after the instance got work, a completion of a service cut
 * off by a termination) are recognised by their time and ignored, so nothing is ever removed from the
 * event list.
 */
final class Pool implements EventHandler {
    enum Offer {
        ACCEPTED,
        OVERFLOW
    }

    private static final int READY = 0;
    private static final int TIMEOUT = 1;

    final Pools spec;
    final String name;
    final int concurrency;
    final Simulation sim;
    final RequestStats stats;
    final Fleet fleet;
    final InstanceEngine engine;
    /** The kind-specific parts; null where the pool's kind has none. */
    private final Autoscaler autoscaler;

    private final SpotSupply spot;
    private final KeepAlive keepAlive;
    final PoolBilling billing;
    /** The billing when it charges per request, else null. */
    private final PoolBilling.Serverless perRequest;
    /** Serverless dispatch: no queue, an instance launched per request that finds none free. */
    private final boolean serverless;

    private final Sampler coldStart;
    private final UniformRandomProvider pick;
    private final IdlePolicy idlePolicy;
    private final boolean newestFirst;
    private final int capacity;
    private final double timeout;
    private final int maxInstances;

    final ArrayDeque<Request> queue = new ArrayDeque<>();
    /** Table indices of ready instances with room (stale entries are skipped when taken). */
    private final IntDeque available = new IntDeque();
    /** Instances by table index; indices of stopped instances are reused. */
    private Instance[] table = new Instance[16];
    /** Instances launched so far: the next one's {@link Instance#serial}. */
    private long launches;

    private final IntDeque freeIndices = new IntDeque();
    private int tableUsed;
    final List<Instance> live = new ArrayList<>();
    private boolean timeoutPending;
    /** Most requests the queue may hold before the run stops as overloaded ({@link WorkLimits#maxQueue()}), and the pool's JSON path. */
    int queueLimit = Integer.MAX_VALUE;
    /** The quality figure of the pool's model (NaN without one), credited to each request it answers. */
    final double quality;
    /** Whether this is a cascade's first pool, whose completions may escalate (set by {@link Fleet#bind}). */
    boolean cascadeFirst;

    String field = "$.pools";

    // Instance counts by state over time (billing, charts). Idle instance-seconds are ready minus busy.
    final TimeWeighted starting = new TimeWeighted(0);
    final TimeWeighted ready = new TimeWeighted(0);
    final TimeWeighted busy = new TimeWeighted(0);
    final TimeWeighted draining = new TimeWeighted(0);
    final TimeWeighted queueLength = new TimeWeighted(0);
    private int nStarting;
    private int nIdle;
    private int nBusy;
    private int nDraining;

    // Counters of the observation window.
    long arrivals;
    long completed;
    long coldStarts;
    /** Cumulative (never reset) count for time series. */
    long totalColdStarts;

    Pool(Pools spec, Simulation sim, RandomStreams streams, RequestStats stats, Fleet fleet) {
        this.spec = spec;
        this.name = spec.name();
        this.quality =
                spec.model().quality() == null ? Double.NaN : spec.model().quality();
        this.concurrency = spec.concurrency();
        this.sim = sim;
        this.stats = stats;
        this.fleet = fleet;
        this.capacity = spec.queueCapacity() == null ? Integer.MAX_VALUE : spec.queueCapacity();
        this.timeout = spec.timeoutS() == null ? Double.POSITIVE_INFINITY : spec.timeoutS();
        this.pick = streams.stream("idle-pick:" + name);
        // How instances serve: slots, or an iteration-level LLM engine per instance.
        this.engine = spec.model().llmEngine() != null
                ? new LlmPoolEngine(this, spec, sim, streams)
                : new SlotEngine(this, spec, sim, streams);
        // One place that says what each kind of pool is made of.
        switch (spec) {
            case AlwaysOnPool a -> {
                autoscaler = null;
                spot = null;
                keepAlive = null;
                perRequest = null;
                billing = new PoolBilling.InstanceSeconds(a.price().usdPerSecond());
                idlePolicy = IdlePolicy.NEWEST_FIRST;
                maxInstances = a.instances();
                coldStart = null;
            }
            case AutoscaledPool a -> {
                autoscaler = new Autoscaler(this, a, sim);
                spot = null;
                keepAlive = null;
                perRequest = null;
                billing = new PoolBilling.InstanceSeconds(a.price().usdPerSecond());
                idlePolicy = IdlePolicy.NEWEST_FIRST;
                maxInstances = a.maxInstances();
                coldStart = a.coldStart().sampler(streams.stream("cold-start:" + name));
            }
            case SpotPool s -> {
                autoscaler = null;
                spot = new SpotSupply(this, s, sim, streams);
                keepAlive = null;
                perRequest = null;
                billing = new PoolBilling.InstanceSeconds(s.price().usdPerSecond());
                idlePolicy = IdlePolicy.NEWEST_FIRST;
                maxInstances = Integer.MAX_VALUE;
                coldStart = s.coldStart() == null ? null : s.coldStart().sampler(streams.stream("cold-start:" + name));
            }
            case ServerlessPool s -> {
                autoscaler = null;
                spot = null;
                keepAlive = new KeepAlive(this, s, sim, streams);
                perRequest = new PoolBilling.Serverless(s);
                billing = perRequest;
                idlePolicy = s.idlePolicy();
                maxInstances = s.maxConcurrency();
                coldStart = s.coldStart() == null ? null : s.coldStart().sampler(streams.stream("cold-start:" + name));
            }
        }
        this.serverless = spec instanceof ServerlessPool;
        this.newestFirst = idlePolicy == IdlePolicy.NEWEST_FIRST;
    }

    /** Creates the instances present at time 0 and schedules the pool's own clocks. */
    void start(List<SpotTrace.Event> trace) {
        switch (spec) {
            case AlwaysOnPool a -> {
                for (int i = 0; i < a.instances(); i++) launchReady(false);
            }
            case AutoscaledPool a -> autoscaler.start();
            case ServerlessPool s -> {
                for (int i = 0; i < s.provisioned(); i++) launchReady(true);
            }
            case SpotPool s -> spot.start(trace);
        }
    }

    // ---------------------------------------------------------------- arrivals and dispatch

    /** Takes a request, or answers OVERFLOW when it should go to the overflow pool instead. */
    Offer offer(Request r) {
        double now = sim.now();
        arrivals++;
        if (serverless) return offerServerless(r, now);
        if (autoscaler != null) autoscaler.arrived(now);
        if (engine.servesSingly() && queue.isEmpty()) {
            Instance inst = takeAvailable();
            if (inst != null) {
                engine.serve(inst, r, now);
                return Offer.ACCEPTED;
            }
        }
        if (spec.overflowTo() != null && queue.size() >= spec.overflowQueue() && engine.room() == 0)
            return Offer.OVERFLOW;
        if (queue.size() >= capacity) {
            stats.rejected(now, r, this);
            return Offer.ACCEPTED;
        }
        enqueue(r, now);
        dispatch(now);
        return Offer.ACCEPTED;
    }

    private Offer offerServerless(Request r, double now) {
        Instance inst = takeAvailable();
        if (inst != null) {
            engine.serve(inst, r, now);
            return Offer.ACCEPTED;
        }
        if (live.size() >= maxInstances) {
            if (spec.overflowTo() != null) return Offer.OVERFLOW;
            stats.rejected(now, r, this);
            return Offer.ACCEPTED;
        }
        // A new instance for this request, which waits for its cold start.
        Instance fresh = launch();
        r.coldWait = true;
        r.next = null;
        if (fresh.waitingHead == null) fresh.waitingHead = r;
        else fresh.waitingTail.next = r;
        fresh.waitingTail = r;
        return Offer.ACCEPTED;
    }

    private void enqueue(Request r, double now) {
        if (queue.size() >= queueLimit) throw overloaded(now);
        r.enqueued = now;
        queue.addLast(r);
        queueLength.update(now, queue.size());
        if (!timeoutPending && timeout != Double.POSITIVE_INFINITY) scheduleTimeout();
    }

    /** The queue has grown to its bound: traffic outruns the pool and nothing else bounds the queue. */
    private WorkLimitException overloaded(double now) {
        double since = now - ready.start();
        double mean = meanServiceS();
        double serviceRate = mean > 0 ? readyInstances() * (double) concurrency * engine.maxBatch() / mean : Double.NaN;
        return WorkLimits.overloaded(
                field,
                name,
                queue.size(),
                now,
                since > 0 ? arrivals / since : Double.NaN,
                readyInstances(),
                concurrency,
                engine.maxBatch(),
                serviceRate);
    }

    /** Takes the oldest queued request (for the engine). */
    Request dequeue(double now) {
        Request r = queue.pollFirst();
        queueLength.update(now, queue.size());
        return r;
    }

    /** Starts waiting work on instances with room, as the engine admits it. */
    void dispatch(double now) {
        while (!queue.isEmpty()) {
            if (!engine.startQueued(now)) return;
            Instance inst = takeAvailable();
            if (inst == null) return;
            engine.admit(inst, now);
        }
    }

    private Instance takeAvailable() {
        if (engine.picksInstances()) return engine.pick();
        while (!available.isEmpty()) {
            if (idlePolicy == IdlePolicy.NEWEST_CREATED) return takeNewestCreated();
            int index = newestFirst
                    ? available.pollLast()
                    : idlePolicy == IdlePolicy.OLDEST_FIRST
                            ? available.pollFirst()
                            : available.swapRemove(pick.nextInt(available.size()));
            Instance inst = table[index];
            if (inst == null) continue;
            inst.listed = false;
            if (inst.state == Instance.READY && engine.hasRoom(inst)) return inst;
        }
        return null;
    }

    /**
     * The available instance launched most recently (SimFaaS's rule), scanning the list: entries that can no
     * longer serve are dropped on the way, as the other policies drop them when they reach them.
     */
    private Instance takeNewestCreated() {
        int best = -1;
        long bestSerial = Long.MIN_VALUE;
        for (int i = available.size() - 1; i >= 0; i--) {
            Instance inst = table[available.get(i)];
            if (inst == null || inst.state != Instance.READY || !engine.hasRoom(inst)) {
                if (inst != null) inst.listed = false;
                available.swapRemove(i);
                if (best == available.size()) best = i; // the last entry moved into position i
                continue;
            }
            if (inst.serial > bestSerial) {
                bestSerial = inst.serial;
                best = i;
            }
        }
        if (best < 0) return null;
        Instance inst = table[available.swapRemove(best)];
        inst.listed = false;
        return inst;
    }

    /** Lists a ready instance with room as available to dispatch (once). */
    void makeAvailable(Instance inst) {
        if (!inst.listed && inst.state == Instance.READY && engine.hasRoom(inst)) {
            inst.listed = true;
            available.addLast(inst.index);
        }
    }

    Instance instance(int index) {
        return table[index];
    }

    // ---------------------------------------------------------------- what the engine reports

    /** A request finished its service. */
    void completed(Request r, double now) {
        completed++;
        if (perRequest != null) perRequest.completed(r, now);
        if (cascadeFirst && fleet.escalate(r, now)) return;
        stats.completed(now, r, this);
    }

    /** An idle ready instance got work. */
    void becameBusy(double now) {
        nIdle--;
        nBusy++;
        busy.update(now, nBusy);
    }

    /** A busy ready instance ran out of work. */
    void becameIdle(double now) {
        nIdle++;
        nBusy--;
        busy.update(now, nBusy);
    }

    /**
     * An instance has room again, and no work left when {@code idle}: a draining instance may stop, a
     * ready one becomes available, takes waiting work, or starts its keep-alive.
     */
    void capacityFreed(Instance inst, boolean idle, double now) {
        if (idle) {
            if (inst.state == Instance.DRAINING) {
                if (!(inst.terminatesAt > now))
                    stop(inst, now); // a scale-in drain ends now; a spot one at its termination
                dispatch(now);
                return;
            }
            becameIdle(now);
        }
        if (inst.state != Instance.READY) return;
        makeAvailable(inst);
        dispatch(now);
        if (keepAlive != null) keepAlive.mayExpire(inst, now);
    }

    // ---------------------------------------------------------------- events

    @Override
    public void handle(int kind, Object payload) {
        double now = sim.now();
        switch (kind) {
            case READY -> ready((Instance) payload, now);
            case TIMEOUT -> expireQueue(now);
            default -> throw new IllegalStateException("unknown event " + kind);
        }
    }

    private void expireQueue(double now) {
        timeoutPending = false;
        Request head;
        while ((head = queue.peekFirst()) != null && head.enqueued + timeout <= now) {
            stats.timedOut(now, dequeue(now), this);
        }
        if (!queue.isEmpty()) scheduleTimeout();
    }

    private void scheduleTimeout() {
        timeoutPending = true;
        sim.scheduleAt(Math.max(sim.now(), queue.peekFirst().enqueued + timeout), this, TIMEOUT, null);
    }

    // ---------------------------------------------------------------- instance lifecycle

    private Instance newInstance(boolean provisioned) {
        int index = freeIndices.isEmpty() ? tableUsed++ : freeIndices.pollLast();
        if (index == table.length) table = java.util.Arrays.copyOf(table, table.length * 2);
        Instance inst = new Instance(index, concurrency, provisioned, spot != null);
        inst.serial = launches++;
        table[index] = inst;
        inst.liveIndex = live.size();
        live.add(inst);
        stats.instanceLaunched(this, inst, sim.now());
        return inst;
    }

    /** An instance that is ready at once (present at the start of the run, or provisioned). */
    Instance launchReady(boolean provisioned) {
        Instance inst = newInstance(provisioned);
        double now = sim.now();
        inst.state = Instance.READY;
        stats.instanceReady(inst, now);
        nIdle++;
        ready.update(now, nIdle + nBusy);
        makeAvailable(inst);
        if (spot != null) spot.launched(inst, now);
        return inst;
    }

    /** Launches an instance that serves after its cold start (billed from now). */
    Instance launch() {
        double now = sim.now();
        Instance inst = newInstance(false);
        inst.state = Instance.STARTING;
        nStarting++;
        starting.update(now, nStarting);
        coldStarts++;
        totalColdStarts++;
        double delay = coldStart == null ? 0 : coldStart.sample();
        sim.scheduleAt(now + delay, this, READY, inst);
        if (spot != null) spot.launched(inst, now);
        if (keepAlive != null) keepAlive.launched(inst, now);
        return inst;
    }

    boolean hasColdStart() {
        return coldStart != null;
    }

    private void ready(Instance inst, double now) {
        if (inst.state != Instance.STARTING) return; // stopped while starting
        nStarting--;
        starting.update(now, nStarting);
        inst.state = Instance.READY;
        stats.instanceReady(inst, now);
        nIdle++;
        ready.update(now, nIdle + nBusy);
        // Serverless: the requests that triggered (or joined) this start run now, cold.
        Request r = inst.waitingHead;
        inst.waitingHead = inst.waitingTail = null;
        while (r != null) {
            Request next = r.next;
            r.next = null;
            r.inst = inst.index;
            engine.serve(inst, r, now);
            r = next;
        }
        makeAvailable(inst);
        markColdWaiters();
        dispatch(now);
        if (keepAlive != null) keepAlive.mayExpire(inst, now);
    }

    /** Requests about to be taken from the queue by a newly ready instance have waited for its start. */
    private void markColdWaiters() {
        int free = engine.room();
        for (Request q : queue) {
            if (free-- <= 0) break;
            q.coldWait = true;
        }
    }

    void stop(Instance inst, double now) {
        switch (inst.state) {
            case Instance.STARTING -> {
                nStarting--;
                starting.update(now, nStarting);
            }
            case Instance.READY -> {
                if (inst.busySlots > 0) throw new IllegalStateException("stopping a busy instance");
                nIdle--;
                ready.update(now, nIdle + nBusy);
            }
            case Instance.DRAINING -> {
                nDraining--;
                draining.update(now, nDraining);
            }
            default -> {
                return;
            }
        }
        if (spot != null) spot.stopped(inst);
        inst.state = Instance.STOPPED;
        stats.instanceStopped(inst, now);
        int i = inst.liveIndex;
        Instance last = live.removeLast();
        if (last != inst) {
            live.set(i, last);
            last.liveIndex = i;
        }
        inst.liveIndex = -1;
        table[inst.index] = null;
        freeIndices.addLast(inst.index);
        // Requests that were waiting for this instance's start go back through the pool.
        Request r = inst.waitingHead;
        inst.waitingHead = inst.waitingTail = null;
        while (r != null) {
            Request next = r.next;
            r.next = null;
            fleet.redispatch(r);
            r = next;
        }
    }

    /** A ready instance stops taking new work; it stops when its running requests finish (or is terminated). */
    void drain(Instance inst, double now) {
        if (inst.state == Instance.STARTING) {
            stop(inst, now);
            return;
        }
        if (inst.state != Instance.READY) return;
        if (inst.busySlots == 0) {
            if (Double.isNaN(inst.terminatesAt)) {
                stop(inst, now);
                return;
            }
            nIdle--;
        } else {
            nBusy--;
            busy.update(now, nBusy);
        }
        ready.update(now, nIdle + nBusy);
        inst.state = Instance.DRAINING;
        nDraining++;
        draining.update(now, nDraining);
    }

    // ---------------------------------------------------------------- results

    /** Resets the observation window (end of warm-up). */
    void reset(double now) {
        for (TimeWeighted tw : new TimeWeighted[] {starting, ready, busy, draining, queueLength}) tw.reset(now);
        engine.reset(now);
        arrivals = completed = coldStarts = 0;
        billing.reset();
        if (spot != null) spot.reset();
        if (autoscaler != null) autoscaler.reset();
    }

    /** Slot-seconds spent serving in the window. */
    double busySlotSeconds(double now) {
        return engine.busySlotSeconds(now);
    }

    /** Slot-seconds of ready instances in the window (the capacity utilization is measured against). */
    double readySlotSeconds(double now) {
        return ready.integral(now) * concurrency;
    }

    /** Instance-seconds (all billed states) in the window. */
    double instanceSeconds(double now) {
        return starting.integral(now) + ready.integral(now) + draining.integral(now);
    }

    /** Mean service time of one request (see {@link InstanceEngine#meanServiceS}). */
    double meanServiceS() {
        return engine.meanServiceS();
    }

    int liveInstances() {
        return nStarting + nIdle + nBusy + nDraining;
    }

    /** Instances starting or ready: those that count towards a pool's size. */
    int presentInstances() {
        return nStarting + nIdle + nBusy;
    }

    int readyInstances() {
        return nIdle + nBusy;
    }

    int startingInstances() {
        return nStarting;
    }

    int busyInstances() {
        return nBusy;
    }

    int queued() {
        return queue.size();
    }

    long interruptions() {
        return spot == null ? 0 : spot.interruptions;
    }

    long totalInterruptions() {
        return spot == null ? 0 : spot.totalInterruptions;
    }

    /** Cost of the window by instance state, then the per-request part. */
    PoolCost cost(double now) {
        return billing.cost(this, now);
    }
}
