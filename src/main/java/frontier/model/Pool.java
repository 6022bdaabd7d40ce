package frontier.model;

import frontier.model.pool.AlwaysOnPool;
import frontier.model.pool.AutoscalePolicy;
import frontier.model.pool.AutoscaledPool;
import frontier.model.pool.Batching;
import frontier.model.pool.IdlePolicy;
import frontier.model.pool.OnInterrupt;
import frontier.model.pool.Pools;
import frontier.model.pool.ServerlessBilling;
import frontier.model.pool.ServerlessPool;
import frontier.model.pool.SpotPool;
import frontier.model.pool.TokenTime;
import frontier.sim.EventHandler;
import frontier.sim.IntDeque;
import frontier.sim.RandomStreams;
import frontier.sim.Simulation;
import frontier.sim.TimeWeighted;
import frontier.sim.dist.LogNormal;
import frontier.sim.dist.Sampler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The runtime of one serving pool of any kind (always-on, autoscaled, serverless, spot): instances with
 * a lifecycle (starting → ready → draining → stopped) and {@code concurrency} slots each, one FIFO
 * queue, optional batching, and the pool's own random streams ("service:NAME", "cold-start:NAME",
 * "interruptions:NAME", "service-noise:NAME" ...). A service time is drawn from the model's distribution,
 * or with {@code token_time} computed from the request's token counts. It accounts instance-seconds by state for billing and reports requests to
 * {@link RequestStats}. Pending events that became stale (an expiry after the instance got work, a
 * completion of a service cut off by a termination) are recognised by their time and ignored, so nothing
 * is ever removed from the event list.
 */
final class Pool implements EventHandler {
    enum Offer { ACCEPTED, OVERFLOW }

    private static final int DONE = 0;
    private static final int READY = 1;
    private static final int EXPIRE = 2;
    private static final int TIMEOUT = 3;
    private static final int BATCH_WAIT = 4;
    private static final int NOTICE = 5;
    private static final int TERMINATE = 6;
    private static final int REPLACE = 7;
    private static final int SCALE = 8;
    private static final int TRACE_ADD = 9;
    private static final int RETIRE = 10;

    final Pools spec;
    final String name;
    final int concurrency;
    private final Simulation sim;
    private final RequestStats stats;
    private final Fleet fleet;
    /** The service-time sampler; null when the service time is token-driven. */
    private final Sampler service;
    private final TokenTime tokenTime;
    private final Sampler overhead;
    private final Sampler noise;
    /** One draw of {@link #service} per request: no batching, no separate cold service, no token-driven time. */
    private final boolean plainService;
    private final Sampler coldStart;
    private final Sampler coldService;
    /** Serverless max_lifetime: draws how long after launch an instance is retired; null for none. */
    private final Sampler maxLifetime;
    private final Sampler batchFactor;
    private final UniformRandomProvider pick;
    private final ZigguratSampler.Exponential interruptClock;
    private final Batching batching;
    private final int maxBatch;
    private final double maxWait;
    private final int capacity;
    private final double timeout;
    private final IdlePolicy idlePolicy;
    private final boolean newestFirst;
    private final double keepAlive;
    private final int maxInstances;
    private final boolean serverless;
    private final boolean instanceBilled;
    private final double usdPerInstanceSecond;
    private final ServerlessBilling billing;

    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    /** Table indices of ready instances with a free slot (stale entries are skipped when taken). */
    private final IntDeque available = new IntDeque();
    /** Instances by table index; indices of stopped instances are reused. */
    private Instance[] table = new Instance[16];
    private final IntDeque freeIndices = new IntDeque();
    private int tableUsed;
    private final List<Instance> live = new ArrayList<>();
    private boolean timeoutPending;
    private double batchWaitAt = Double.NaN;
    /** Most requests the queue may hold before the run stops as overloaded ({@link WorkLimits#maxQueue()}), and the pool's JSON path. */
    int queueLimit = Integer.MAX_VALUE;
    String field = "$.pools";

    // Instance counts by state over time (billing, charts) and slot use (utilization). Idle
    // instance-seconds are ready minus busy; with one slot per instance busy slots are busy instances,
    // so the hot path updates one time average per service start or end.
    final TimeWeighted starting = new TimeWeighted(0);
    final TimeWeighted ready = new TimeWeighted(0);
    final TimeWeighted busy = new TimeWeighted(0);
    final TimeWeighted draining = new TimeWeighted(0);
    private final TimeWeighted busySlots = new TimeWeighted(0);
    final TimeWeighted queueLength = new TimeWeighted(0);
    private int nStarting;
    private int nIdle;
    private int nBusy;
    private int nDraining;
    private int nBusySlots;

    // Counters of the observation window.
    long arrivals;
    long completed;
    long coldStarts;
    long interruptions;
    long retried;
    long lost;
    double requestUsd;
    /** Cumulative (never reset) counts for time series. */
    long totalColdStarts;
    long totalInterruptions;
    /** Sum and count (never reset) of the token-driven service times drawn, for their mean. */
    private double tokenServiceSum;
    private long tokenServices;

    // Autoscaler state.
    private final AutoscaledPool auto;
    private long arrivalsSinceTick;
    private double lastArrival = Double.NEGATIVE_INFINITY;
    private double lastTick;
    private double busyAtTick;
    private double readyAtTick;
    private final ArrayDeque<double[]> recommendations = new ArrayDeque<>();

    // Spot state.
    private final SpotPool spot;
    private int spotTarget;

    Pool(Pools spec, Simulation sim, RandomStreams streams, RequestStats stats, Fleet fleet) {
        this.spec = spec;
        this.name = spec.name();
        this.concurrency = spec.concurrency();
        this.sim = sim;
        this.stats = stats;
        this.fleet = fleet;
        this.tokenTime = spec.model().tokenTime();
        if (tokenTime == null) {
            this.service = spec.service().sampler(streams.stream("service:" + name));
            this.overhead = null;
            this.noise = null;
        } else {
            this.service = null;
            this.overhead = tokenTime.overhead().sampler(streams.stream("service:" + name));
            this.noise = tokenTime.noiseCv() == 0 ? null
                    : new LogNormal(1.0, tokenTime.noiseCv(), null, null).sampler(streams.stream("service-noise:" + name));
        }
        this.batching = spec.batching();
        this.maxBatch = batching == null ? 1 : batching.maxBatch();
        this.maxWait = batching == null ? 0 : batching.maxWaitS();
        this.batchFactor = batching == null || batching.cv() == 0 ? null
                : new LogNormal(1.0, batching.cv(), null, null).sampler(streams.stream("batch:" + name));
        this.capacity = spec.queueCapacity() == null ? Integer.MAX_VALUE : spec.queueCapacity();
        this.timeout = spec.timeoutS() == null ? Double.POSITIVE_INFINITY : spec.timeoutS();
        this.pick = streams.stream("idle-pick:" + name);
        this.interruptClock = ZigguratSampler.Exponential.of(streams.stream("interruptions:" + name));
        this.auto = spec instanceof AutoscaledPool a ? a : null;
        this.spot = spec instanceof SpotPool s ? s : null;
        this.newestFirst = !(spec instanceof ServerlessPool sp) || sp.idlePolicy() == IdlePolicy.NEWEST_FIRST;
        this.serverless = spec instanceof ServerlessPool;
        this.instanceBilled = !serverless;
        this.usdPerInstanceSecond = instanceBilled ? spec.price().usdPerSecond() : 0;
        switch (spec) {
            case ServerlessPool s -> {
                idlePolicy = s.idlePolicy();
                keepAlive = s.keepAliveS();
                maxInstances = s.maxConcurrency();
                billing = s.billing();
                if (!billing.resolved()) throw new IllegalStateException("serverless rates of platform " + billing.platform() + " not resolved");
                coldStart = s.coldStart() == null ? null : s.coldStart().sampler(streams.stream("cold-start:" + name));
                coldService = s.coldService() == null ? null : s.coldService().sampler(streams.stream("cold-service:" + name));
                maxLifetime = s.maxLifetime() == null ? null : s.maxLifetime().sampler(streams.stream("max-lifetime:" + name));
            }
            case AutoscaledPool a -> {
                maxLifetime = null;
                idlePolicy = IdlePolicy.NEWEST_FIRST;
                keepAlive = Double.POSITIVE_INFINITY;
                maxInstances = a.maxInstances();
                billing = null;
                coldStart = a.coldStart().sampler(streams.stream("cold-start:" + name));
                coldService = null;
            }
            case SpotPool s -> {
                maxLifetime = null;
                idlePolicy = IdlePolicy.NEWEST_FIRST;
                keepAlive = Double.POSITIVE_INFINITY;
                maxInstances = Integer.MAX_VALUE;
                billing = null;
                coldStart = s.coldStart() == null ? null : s.coldStart().sampler(streams.stream("cold-start:" + name));
                coldService = null;
            }
            case AlwaysOnPool a -> {
                maxLifetime = null;
                idlePolicy = IdlePolicy.NEWEST_FIRST;
                keepAlive = Double.POSITIVE_INFINITY;
                maxInstances = a.instances();
                billing = null;
                coldStart = null;
                coldService = null;
            }
        }
        this.plainService = batching == null && coldService == null && tokenTime == null;
    }

    /** Creates the instances present at time 0 and schedules the pool's own clocks. */
    void start(List<SpotTrace.Event> trace) {
        switch (spec) {
            case AlwaysOnPool a -> {
                for (int i = 0; i < a.instances(); i++) launchReady(false);
            }
            case AutoscaledPool a -> {
                for (int i = 0; i < a.initialInstances(); i++) launchReady(false);
                sim.schedule(a.intervalS(), this, SCALE, null);
            }
            case ServerlessPool s -> {
                for (int i = 0; i < s.provisioned(); i++) launchReady(true);
            }
            case SpotPool s -> {
                if (trace == null) {
                    spotTarget = s.instances();
                    for (int i = 0; i < s.instances(); i++) {
                        if (spotAvailable(0)) launchReady(false);
                        else sim.scheduleAt(spotAvailableAgain(0), this, REPLACE, null);
                    }
                } else {
                    // The whole trace is known, so a removal's notice can start notice_s before it.
                    for (SpotTrace.Event e : trace) {
                        if (e.add()) sim.scheduleAt(e.timeS(), this, TRACE_ADD, e);
                        else sim.scheduleAt(Math.max(0, e.timeS() - s.noticeS()), this, NOTICE, e);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- arrivals and dispatch

    /** Takes a request, or answers OVERFLOW when it should go to the overflow pool instead. */
    Offer offer(Request r) {
        double now = sim.now();
        arrivals++;
        if (serverless) return offerServerless(r, now);
        if (auto != null) {
            arrivalsSinceTick++;
            lastArrival = now;
            if (nStarting + nIdle + nBusy == 0) launch(); // scaled to zero: the activator starts one
        }
        if (maxBatch == 1 && queue.isEmpty()) {
            Instance inst = takeAvailable();
            if (inst != null) {
                serve(inst, r, 1, now);
                return Offer.ACCEPTED;
            }
        }
        if (spec.overflowTo() != null && queue.size() >= spec.overflowQueue() && freeSlots() == 0) return Offer.OVERFLOW;
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
            serve(inst, r, 1, now);
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
        if (fresh.waitingHead == null) fresh.waitingHead = r; else fresh.waitingTail.next = r;
        fresh.waitingTail = r;
        return Offer.ACCEPTED;
    }

    private int freeSlots() {
        return (nIdle + nBusy) * concurrency - nBusySlots;
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
        double serviceRate = mean > 0 ? readyInstances() * (double) concurrency * maxBatch / mean : Double.NaN;
        return WorkLimits.overloaded(field, name, queue.size(), now, since > 0 ? arrivals / since : Double.NaN, readyInstances(),
                concurrency, maxBatch, serviceRate);
    }

    private Request dequeue(double now) {
        Request r = queue.pollFirst();
        queueLength.update(now, queue.size());
        return r;
    }

    /** Starts waiting work on free slots, batching as configured. */
    private void dispatch(double now) {
        while (!queue.isEmpty()) {
            if (maxBatch > 1 && queue.size() < maxBatch && now < queue.peekFirst().enqueued + maxWait) {
                double at = queue.peekFirst().enqueued + maxWait;
                if (!(batchWaitAt == at)) {
                    batchWaitAt = at;
                    sim.scheduleAt(at, this, BATCH_WAIT, null);
                }
                return;
            }
            Instance inst = takeAvailable();
            if (inst == null) return;
            int n = Math.min(maxBatch, queue.size());
            Request head = dequeue(now);
            Request tail = head;
            for (int i = 1; i < n; i++) {
                Request r = dequeue(now);
                tail.next = r;
                tail = r;
            }
            tail.next = null;
            serve(inst, head, n, now);
        }
    }

    private Instance takeAvailable() {
        while (!available.isEmpty()) {
            int index = newestFirst ? available.pollLast() : idlePolicy == IdlePolicy.OLDEST_FIRST ? available.pollFirst()
                    : available.swapRemove(pick.nextInt(available.size()));
            Instance inst = table[index];
            if (inst == null) continue;
            inst.listed = false;
            if (inst.state == Instance.READY && inst.busySlots < concurrency) return inst;
        }
        return null;
    }

    private void makeAvailable(Instance inst) {
        if (!inst.listed && inst.state == Instance.READY && inst.busySlots < concurrency) {
            inst.listed = true;
            available.addLast(inst.index);
        }
    }

    /** Runs a batch (head, chained by next) on a free slot of the instance. */
    private void serve(Instance inst, Request head, int n, double now) {
        int slot = inst.running == null ? 0 : claimSlot(inst, head);
        if (inst.busySlots++ == 0) setIdleBusy(now, -1, +1);
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
        if (inst.busySlots < concurrency) makeAvailable(inst);
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

    /**
     * Mean service time of one request: the distribution's mean, or with token-driven times the mean of
     * those drawn so far in the run (NaN before the first).
     */
    double meanServiceS() {
        return tokenTime == null ? spec.service().mean() : tokenServiceSum / tokenServices;
    }

    // ---------------------------------------------------------------- events

    @Override
    public void handle(int kind, Object payload) {
        double now = sim.now();
        switch (kind) {
            case DONE -> done((Request) payload, now);
            case READY -> ready((Instance) payload, now);
            case EXPIRE -> {
                Instance inst = (Instance) payload;
                if (inst.expiresAt == now && inst.idle()) stop(inst, now);
            }
            case TIMEOUT -> expireQueue(now);
            case BATCH_WAIT -> {
                if (batchWaitAt == now) batchWaitAt = Double.NaN;
                dispatch(now);
            }
            case NOTICE -> notice(payload, now);
            case TERMINATE -> terminate((Instance) payload, now);
            case REPLACE -> replace(now);
            case SCALE -> autoscale(now);
            case TRACE_ADD -> traceAdd((SpotTrace.Event) payload);
            case RETIRE -> drain((Instance) payload, now);
            default -> throw new IllegalStateException("unknown event " + kind);
        }
    }

    private void done(Request head, double now) {
        if (head.doneAt != now) return; // cut off by a termination; already retried or lost
        Instance inst = table[head.inst];
        for (Request r = head; r != null; ) {
            Request next = r.next;
            r.next = null;
            completed++;
            if (billing != null) bill(r, now);
            stats.completed(now, r, this);
            r = next;
        }
        if (batching == null && inst.state == Instance.READY && !queue.isEmpty()) {
            // The slot goes straight on to the oldest waiting request: no state changes to account.
            Request nextUp = dequeue(now);
            double end = now + (tokenTime == null ? service.sample() : tokenServiceTime(nextUp));
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

    private void bill(Request r, double now) {
        requestUsd += billing.usdPerRequest() + billing.billed(now - r.serviceStart) * billing.usdPerSecond();
    }

    /** Frees a slot: the instance may become idle, finish draining, or take waiting work. */
    private void release(Instance inst, int slot, double now) {
        if (inst.running != null) inst.running[slot] = null;
        inst.busySlots--;
        nBusySlots--;
        if (concurrency > 1) busySlots.update(now, nBusySlots);
        if (inst.busySlots == 0) {
            if (inst.state == Instance.DRAINING) {
                if (!(inst.terminatesAt > now)) stop(inst, now); // a scale-in drain ends now; a spot one at its termination
                dispatch(now);
                return;
            }
            setIdleBusy(now, +1, -1);
        }
        if (inst.state != Instance.READY) return;
        makeAvailable(inst);
        dispatch(now);
        armExpiry(inst, now);
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
        table[index] = inst;
        inst.liveIndex = live.size();
        live.add(inst);
        stats.instanceLaunched(this, inst, sim.now());
        return inst;
    }

    /** An instance that is ready at once (present at the start of the run, or provisioned). */
    private Instance launchReady(boolean provisioned) {
        Instance inst = newInstance(provisioned);
        double now = sim.now();
        inst.state = Instance.READY;
        stats.instanceReady(inst, now);
        nIdle++;
        ready.update(now, nIdle + nBusy);
        makeAvailable(inst);
        if (spot != null) scheduleInterruption(inst, now);
        return inst;
    }

    /** Launches an instance that serves after its cold start (billed from now). */
    private Instance launch() {
        double now = sim.now();
        Instance inst = newInstance(false);
        inst.state = Instance.STARTING;
        nStarting++;
        starting.update(now, nStarting);
        coldStarts++;
        totalColdStarts++;
        double delay = coldStart == null ? 0 : coldStart.sample();
        sim.scheduleAt(now + delay, this, READY, inst);
        if (spot != null) scheduleInterruption(inst, now);
        if (maxLifetime != null) sim.scheduleAt(now + maxLifetime.sample(), this, RETIRE, inst);
        return inst;
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
            serve(inst, r, 1, now);
            r = next;
        }
        makeAvailable(inst);
        markColdWaiters();
        dispatch(now);
        armExpiry(inst, now);
    }

    /** An idle serverless instance expires after the keep-alive unless it gets work first. */
    private void armExpiry(Instance inst, double now) {
        if (inst.idle() && keepAlive != Double.POSITIVE_INFINITY && !inst.provisioned) {
            inst.expiresAt = now + keepAlive;
            sim.scheduleAt(inst.expiresAt, this, EXPIRE, inst);
        }
    }

    /** Requests about to be taken from the queue by a newly ready instance have waited for its start. */
    private void markColdWaiters() {
        int free = freeSlots() * maxBatch;
        for (Request q : queue) {
            if (free-- <= 0) break;
            q.coldWait = true;
        }
    }

    private void stop(Instance inst, double now) {
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
    private void drain(Instance inst, double now) {
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

    private void setIdleBusy(double now, int dIdle, int dBusy) {
        nIdle += dIdle;
        nBusy += dBusy;
        busy.update(now, nBusy);
    }

    // ---------------------------------------------------------------- spot

    private void scheduleInterruption(Instance inst, double now) {
        double hazard = spot.interruption().hazardPerSecond();
        if (spot.interruption().trace() != null || !(hazard > 0)) return;
        double at = now + interruptClock.sample() / hazard;
        inst.terminatesAt = at;
        sim.scheduleAt(Math.max(now, at - spot.noticeS()), this, NOTICE, inst);
    }

    private void notice(Object payload, double now) {
        Instance inst;
        if (payload instanceof SpotTrace.Event e) {
            inst = traceNode(e.node());
            if (inst == null) {
                // Not there yet at notice time (added within the notice period): look again at removal.
                if (now < e.timeS()) sim.scheduleAt(e.timeS(), this, NOTICE, e);
                return;
            }
            inst.terminatesAt = e.timeS();
        } else {
            inst = (Instance) payload;
        }
        if (inst.state == Instance.STOPPED) return;
        drain(inst, now);
        if (inst.state == Instance.STOPPED) {
            countInterruption();
            replaceLater(now);
            return;
        }
        sim.scheduleAt(Math.max(now, inst.terminatesAt), this, TERMINATE, inst);
    }

    private void terminate(Instance inst, double now) {
        if (inst.state == Instance.STOPPED) return;
        countInterruption();
        for (int s = 0; s < inst.running.length; s++) {
            Request head = inst.running[s];
            if (head == null) continue;
            inst.running[s] = null;
            inst.busySlots--;
            nBusySlots--;
            if (concurrency > 1) busySlots.update(now, nBusySlots);
            if (inst.busySlots == 0 && inst.state == Instance.READY) setIdleBusy(now, +1, -1);
            Request r = head;
            while (r != null) {
                Request next = r.next;
                r.next = null;
                r.doneAt = Double.NaN;
                if (spot.onInterrupt() == OnInterrupt.RETRY) {
                    retried++;
                    stats.retried();
                    fleet.redispatch(r);
                } else {
                    lost++;
                    stats.lost(now, r, this);
                }
                r = next;
            }
        }
        if (inst.state == Instance.READY) drain(inst, now);
        stop(inst, now);
        replaceLater(now);
        dispatch(now);
    }

    private void countInterruption() {
        interruptions++;
        totalInterruptions++;
    }

    private void replaceLater(double now) {
        if (spot.interruption().trace() == null) sim.scheduleAt(now + spot.replacementDelayS(), this, REPLACE, null);
    }

    private void replace(double now) {
        int present = nStarting + nIdle + nBusy;
        if (present >= spotTarget) return;
        if (!spotAvailable(now)) {
            sim.scheduleAt(spotAvailableAgain(now), this, REPLACE, null);
            return;
        }
        launch();
        if (present + 1 < spotTarget) sim.schedule(0, this, REPLACE, null);
    }

    private boolean spotAvailable(double t) {
        for (SpotPool.Period p : spot.unavailable()) if (t >= p.fromS() && t < p.toS()) return false;
        return true;
    }

    private double spotAvailableAgain(double t) {
        double until = t;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (SpotPool.Period p : spot.unavailable()) {
                if (until >= p.fromS() && until < p.toS()) {
                    until = p.toS();
                    moved = true;
                }
            }
        }
        return until;
    }

    private void traceAdd(SpotTrace.Event e) {
        Instance inst = coldStart == null ? launchReady(false) : launch();
        inst.node = e.node();
    }

    private Instance traceNode(String node) {
        for (Instance i : live) if (node.equals(i.node)) return i;
        return null;
    }

    // ---------------------------------------------------------------- autoscaling

    private void autoscale(double now) {
        sim.schedule(auto.intervalS(), this, SCALE, null);
        double interval = now - lastTick;
        double busyInt = busySlotSeconds(now) - busyAtTick;
        double readyInt = readySlotSeconds(now) - readyAtTick;
        busyAtTick = busySlotSeconds(now);
        readyAtTick = readySlotSeconds(now);
        double utilization = readyInt > 0 ? busyInt / readyInt : (queue.isEmpty() ? 0 : 1);
        double rps = interval > 0 ? arrivalsSinceTick / interval : 0;
        arrivalsSinceTick = 0;
        lastTick = now;
        int current = nStarting + nIdle + nBusy;
        AutoscalePolicy policy = auto.policy();
        int proposal = policy.desired(current, utilization, rps, queue.size(), concurrency);
        recommendations.addLast(new double[] {now, proposal});
        double window = Math.max(auto.scaleOutDelayS(), auto.scaleInDelayS());
        while (!recommendations.isEmpty() && recommendations.peekFirst()[0] < now - window) recommendations.pollFirst();
        int up = Integer.MAX_VALUE;
        int down = Integer.MIN_VALUE;
        for (double[] rec : recommendations) {
            if (rec[0] >= now - auto.scaleOutDelayS()) up = Math.min(up, (int) rec[1]);
            if (rec[0] >= now - auto.scaleInDelayS()) down = Math.max(down, (int) rec[1]);
        }
        int desired = current;
        if (up > current) desired = up;
        else if (down < current) desired = down;
        // Scale to zero only after the quiet period; until then keep at least one instance.
        boolean quiet = auto.scaleToZeroAfterS() != null && now - lastArrival >= auto.scaleToZeroAfterS() && queue.isEmpty();
        int floor = auto.scaleToZeroAfterS() == null ? auto.floor() : quiet ? 0 : 1;
        desired = Math.max(floor, Math.min(auto.maxInstances(), desired));
        if (quiet) desired = 0;
        for (int i = current; i < desired; i++) launch();
        if (desired < current) scaleIn(current - desired, now);
    }

    /** Removes n instances: starting ones first, then idle, then busy ones (drained). */
    private void scaleIn(int n, double now) {
        for (int pass = 0; pass < 3 && n > 0; pass++) {
            for (int i = live.size() - 1; i >= 0 && n > 0; i--) {
                Instance inst = live.get(Math.min(i, live.size() - 1));
                boolean pick = switch (pass) {
                    case 0 -> inst.state == Instance.STARTING;
                    case 1 -> inst.idle();
                    default -> inst.state == Instance.READY;
                };
                if (pick) {
                    drain(inst, now);
                    n--;
                }
            }
        }
    }

    // ---------------------------------------------------------------- results

    /** Resets the observation window (end of warm-up). */
    void reset(double now) {
        for (TimeWeighted tw : new TimeWeighted[] {starting, ready, busy, draining, busySlots, queueLength}) tw.reset(now);
        arrivals = completed = coldStarts = interruptions = retried = lost = 0;
        requestUsd = 0;
        busyAtTick = readyAtTick = 0;
    }

    /** Slot-seconds spent serving in the window. */
    double busySlotSeconds(double now) {
        return concurrency == 1 ? busy.integral(now) : busySlots.integral(now);
    }

    /** Slot-seconds of ready instances in the window (the capacity utilization is measured against). */
    double readySlotSeconds(double now) {
        return ready.integral(now) * concurrency;
    }

    /** Instance-seconds (all billed states) in the window. */
    double instanceSeconds(double now) {
        return starting.integral(now) + ready.integral(now) + draining.integral(now);
    }

    int liveInstances() {
        return nStarting + nIdle + nBusy + nDraining;
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

    /** Cost of the window by instance state, then the serverless per-request and idle parts. */
    PoolCost cost(double now) {
        double startS = starting.integral(now);
        double busyS = busy.integral(now);
        double idleS = ready.integral(now) - busyS;
        double drainS = draining.integral(now);
        if (instanceBilled) {
            double r = usdPerInstanceSecond;
            return new PoolCost(busyS * r, idleS * r, startS * r, drainS * r, 0);
        }
        double perS = billing.usdPerSecond();
        double startup = billing.billStartup() ? startS * perS : 0;
        double idleUsd = billing.billIdle() ? idleS * perS : 0;
        double provisioned = 0;
        if (billing.provisionedUsdPerGbSecond() > 0) {
            // Provisioned concurrency is paid for its whole time, busy or not.
            provisioned = ((ServerlessPool) spec).provisioned() * (now - ready.start()) * billing.provisionedUsdPerGbSecond() * billing.memoryGb();
        }
        return new PoolCost(0, idleUsd + provisioned, startup, 0, requestUsd);
    }

    /** Dollars of one pool in the observation window. */
    record PoolCost(double busy, double idle, double starting, double draining, double requests) {
        double total() {
            return busy + idle + starting + draining + requests;
        }
    }
}
