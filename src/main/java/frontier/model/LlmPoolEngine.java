package frontier.model;

import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationListener;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmEngine;
import frontier.model.llm.LlmSequence;
import frontier.model.llm.PrefillShare;
import frontier.model.pool.LlmEngineSpec;
import frontier.model.pool.Pools;
import frontier.sim.IntDeque;
import frontier.sim.RandomStreams;
import frontier.sim.Simulation;
import frontier.sim.TimeWeighted;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The iteration-level engine of a pool whose model is {@code llm_engine}: every instance runs one
 * {@link LlmEngine} (continuous batching: {@code max_num_seqs}, the token budget, chunked prefill, a KV
 * cache with admission and preemption by recompute), one event per iteration. An instance has room while
 * it holds fewer than {@code max_num_seqs} sequences (running or waiting inside the engine); beyond that,
 * requests wait in the pool's queue, where the pool's timeout, capacity and overflow apply. A request's
 * service starts when it enters an engine; it completes at its last token, plus the profile's
 * per-request overhead (the client-side part of TTFT and end-to-end latency, one event when not 0).
 * A request goes to the ready instance holding the fewest sequences (ties: the longest-lived), not by the
 * pool's idle policy: packing a batch onto one instance while another idles is what LLM routers avoid.
 * Iteration noise comes from the stream "llm-iteration:NAME", the per-request prefill share (when the profile has
 * one) from "llm-prefill-share:NAME".
 *
 * <p>What it measures beside the pool's figures: per request time to first token and time per output
 * token (given to {@link RequestStats#llmCompleted}), goodput against the spec's SLOs; per iteration the
 * batch size; over time the KV blocks in use; preemptions and iterations. An instance counts as busy
 * while it holds a sequence, so utilization is the share of ready instance-time with work.
 */
final class LlmPoolEngine implements InstanceEngine, IterationListener {
    private static final int ITERATION_END = 0;
    private static final int DONE = 1;

    /** One instance's engine and the requests in it, by sequence id (a slot of {@code max_num_seqs}). */
    private static final class State {
        final Instance inst;
        final LlmEngine engine;
        final Request[] bySlot;
        final IntDeque free = new IntDeque();
        int count;
        /** True while its iteration end is being applied (new arrivals wait for the next iteration). */
        boolean ending;
        /** Cut off by a termination: its pending iteration end is stale. */
        boolean dead;

        long usedBlocks;
        int batch;

        State(Instance inst, LlmEngine engine, int maxSeqs) {
            this.inst = inst;
            this.engine = engine;
            this.bySlot = new Request[maxSeqs];
            for (int i = maxSeqs - 1; i >= 0; i--) free.addLast(i);
        }
    }

    private final Pool pool;
    private final Simulation sim;
    private final EngineConfig config;
    private final IterationProfile profile;
    private final UniformRandomProvider noise;
    /** Draws each request's prefill share (the profile's {@link frontier.model.llm.PrefillShare}), or null. */
    private final UniformRandomProvider prefill;

    private final int maxSeqs;
    private final double overhead;
    private final double ttftSlo;
    private final double tpotSlo;
    private final long blocksPerInstance;

    /** KV blocks in use and sequences running, summed over the pool's instances, over time. */
    private final TimeWeighted usedBlocks = new TimeWeighted(0);

    private final TimeWeighted running = new TimeWeighted(0);
    private long blocksNow;
    private int batchNow;
    private double maxKvUse;
    // Window counters.
    long iterations;
    long preemptions;
    long batchSeqSum;
    int maxBatch;
    private double serviceSum;
    private long services;
    /** The instance whose iteration end is being applied (for the listener calls). */
    private State current;

    LlmPoolEngine(Pool pool, Pools spec, Simulation sim, RandomStreams streams) {
        this.pool = pool;
        this.sim = sim;
        LlmEngineSpec e = spec.model().llmEngine();
        this.config = e.engineConfig();
        this.profile = e.iterationProfile();
        this.noise = profile.noiseCv() > 0 ? streams.stream("llm-iteration:" + spec.name()) : null;
        this.prefill = profile.prefillShare() != null ? streams.stream("llm-prefill-share:" + spec.name()) : null;
        this.maxSeqs = config.maxNumSeqs();
        this.overhead = profile.requestOverhead();
        this.ttftSlo = e.ttftSloMs() == null ? Double.POSITIVE_INFINITY : e.ttftSloMs() / 1000;
        this.tpotSlo = e.tpotSloMs() == null ? Double.POSITIVE_INFINITY : e.tpotSloMs() / 1000;
        this.blocksPerInstance = config.kvBlocks();
    }

    private State state(Instance inst) {
        State st = (State) inst.engineState;
        if (st == null) {
            st = new State(inst, new LlmEngine(config, profile, noise), maxSeqs);
            inst.engineState = st;
        }
        return st;
    }

    @Override
    public boolean hasRoom(Instance inst) {
        State st = (State) inst.engineState;
        return st == null || !st.dead && st.count < maxSeqs;
    }

    /** Requests go to the ready instance holding the fewest sequences (join the shortest queue), as LLM routers do. */
    @Override
    public boolean picksInstances() {
        return true;
    }

    @Override
    public Instance pick() {
        Instance best = null;
        int least = Integer.MAX_VALUE;
        for (int i = 0, n = pool.live.size(); i < n; i++) {
            Instance inst = pool.live.get(i);
            if (inst.state != Instance.READY) continue;
            State st = (State) inst.engineState;
            int load = st == null ? 0 : st.dead ? Integer.MAX_VALUE : st.count;
            if (load < least && load < maxSeqs) {
                least = load;
                best = inst;
            }
        }
        return best;
    }

    @Override
    public boolean servesSingly() {
        return true;
    }

    @Override
    public void serve(Instance inst, Request r, double now) {
        join(inst, state(inst), r, now);
        pool.makeAvailable(inst);
    }

    @Override
    public boolean startQueued(double now) {
        return true;
    }

    @Override
    public void admit(Instance inst, double now) {
        State st = state(inst);
        while (st.count < maxSeqs && !pool.queue.isEmpty()) join(inst, st, pool.dequeue(now), now);
        pool.makeAvailable(inst);
    }

    @Override
    public int room() {
        int room = 0;
        for (Instance inst : pool.live) {
            if (inst.state != Instance.READY) continue;
            State st = (State) inst.engineState;
            room += st == null ? maxSeqs : st.dead ? 0 : maxSeqs - st.count;
        }
        return room;
    }

    /** Puts a request into an instance's engine, starting its iteration loop if it was idle. */
    private void join(Instance inst, State st, Request r, double now) {
        int in = Math.max(1, r.tokensIn);
        int cached = st.engine.cachedTokensFor(in);
        if (prefill != null) {
            double share = profile.prefillShare().sample(prefill);
            cached = Math.max(cached, PrefillShare.cachedTokens(in, share, config.blockSize()));
        }
        LlmSequence seq = new LlmSequence(st.free.pollLast(), now, in, Math.max(1, r.tokensOut), cached);
        if (!st.engine.canServe(seq)) {
            // It could never fit this instance's KV cache (or, without chunked prefill, the token budget).
            st.free.addLast(seq.id);
            pool.stats.rejected(now, r, pool);
            return;
        }
        r.serviceStart = now;
        r.inst = inst.index;
        r.slot = seq.id;
        r.doneAt = Double.POSITIVE_INFINITY;
        st.bySlot[seq.id] = r;
        if (st.count++ == 0) pool.becameBusy(now);
        inst.busySlots = st.count;
        st.engine.admit(seq);
        if (!st.engine.inIteration() && !st.ending) startIteration(st, now);
    }

    private void startIteration(State st, double now) {
        long pre = st.engine.preemptions();
        double d = st.engine.beginIteration();
        preemptions += st.engine.preemptions() - pre;
        if (!st.engine.inIteration()) return;
        iterations++;
        int b = st.engine.batchSeqs();
        batchSeqSum += b;
        if (b > maxBatch) maxBatch = b;
        observe(st, b, now);
        sim.scheduleAt(now + d, this, ITERATION_END, st);
    }

    /** Updates the pool's running-sequence and KV-block levels with this instance's new figures. */
    private void observe(State st, int batch, double now) {
        long blocks = st.engine.usedBlocks();
        if (blocks != st.usedBlocks) {
            blocksNow += blocks - st.usedBlocks;
            st.usedBlocks = blocks;
            usedBlocks.update(now, blocksNow);
            double use = (double) blocks / blocksPerInstance;
            if (use > maxKvUse) maxKvUse = use;
        }
        if (batch != st.batch) {
            batchNow += batch - st.batch;
            st.batch = batch;
            running.update(now, batchNow);
        }
    }

    @Override
    public void handle(int kind, Object payload) {
        double now = sim.now();
        switch (kind) {
            case ITERATION_END -> iterationEnd((State) payload, now);
            case DONE -> {
                Request r = (Request) payload;
                if (r.doneAt == now) pool.completed(r, now);
            }
            default -> throw new IllegalStateException("unknown event " + kind);
        }
    }

    private void iterationEnd(State st, double now) {
        if (st.dead) return;
        Instance inst = st.inst;
        int before = st.count;
        st.ending = true;
        current = st;
        st.engine.endIteration(now, this);
        current = null;
        if (st.count < before) {
            inst.busySlots = st.count;
            // Room again: the pool may admit queued requests, which join the next iteration.
            pool.capacityFreed(inst, st.count == 0, now);
        }
        st.ending = false;
        if (!st.dead && st.engine.hasWork()) startIteration(st, now);
        else observe(st, 0, now);
    }

    @Override
    public void firstToken(LlmSequence s, double now) {}

    @Override
    public void finished(LlmSequence s, double now) {
        State st = current;
        Request r = st.bySlot[s.id];
        st.bySlot[s.id] = null;
        st.free.addLast(s.id);
        st.count--;
        double ttft = s.firstTokenTime() - r.arrival + overhead;
        double tpot = s.outputTokens() > 1 ? (now - s.firstTokenTime()) / (s.outputTokens() - 1) : Double.NaN;
        boolean good = ttft <= ttftSlo && (Double.isNaN(tpot) || tpot <= tpotSlo);
        serviceSum += now + overhead - r.serviceStart;
        services++;
        pool.stats.llmCompleted(r, ttft, tpot, good);
        if (overhead > 0) {
            r.doneAt = now + overhead;
            sim.scheduleAt(r.doneAt, this, DONE, r);
        } else {
            r.doneAt = now;
            pool.completed(r, now);
        }
    }

    @Override
    public void terminate(Instance inst, double now, Consumer<Request> cutOff) {
        State st = (State) inst.engineState;
        if (st == null) return;
        st.dead = true;
        observe(st, 0, now);
        blocksNow -= st.usedBlocks;
        st.usedBlocks = 0;
        usedBlocks.update(now, blocksNow);
        boolean wasBusy = st.count > 0;
        st.count = 0;
        inst.busySlots = 0;
        if (wasBusy && inst.state == Instance.READY) pool.becameIdle(now);
        for (int i = 0; i < st.bySlot.length; i++) {
            Request r = st.bySlot[i];
            if (r == null) continue;
            st.bySlot[i] = null;
            r.doneAt = Double.NaN;
            cutOff.accept(r);
        }
    }

    @Override
    public double busySlotSeconds(double now) {
        return pool.busy.integral(now);
    }

    @Override
    public double meanServiceS() {
        return services == 0 ? Double.NaN : serviceSum / services;
    }

    @Override
    public void reset(double now) {
        usedBlocks.reset(now);
        running.reset(now);
        iterations = preemptions = batchSeqSum = 0;
        maxBatch = 0;
        maxKvUse = 0;
    }

    // ---------------------------------------------------------------- figures for the results

    /** KV block-seconds in use in the window, over those of the ready instances' caches. */
    double kvUse(double now) {
        double cap = pool.ready.integral(now) * blocksPerInstance;
        return cap > 0 ? usedBlocks.integral(now) / cap : Double.NaN;
    }

    double maxKvUse() {
        return maxKvUse;
    }

    @Override
    public double runningNow() {
        return batchNow;
    }

    @Override
    public double kvUseNow() {
        int n = pool.readyInstances() + pool.liveInstances() - pool.presentInstances();
        return n > 0 ? (double) blocksNow / ((double) n * blocksPerInstance) : 0;
    }
}
