package frontier.model;

import frontier.model.pool.OnInterrupt;
import frontier.model.pool.SpotPool;
import frontier.sim.EventHandler;
import frontier.sim.RandomStreams;
import frontier.sim.Simulation;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Spot supply and interruptions of one spot pool: keeps {@code instances} running while capacity is
 * available (outside the {@code unavailable} periods), interrupts each instance after an exponential
 * lifetime of the configured hazard ("interruptions:NAME") or when an availability trace removes its
 * node, with {@code notice_s} of warning (the instance drains: it takes no new work), then terminates it:
 * its running requests are retried through their route or lost, and a replacement is launched after
 * {@code replacement_delay_s} (with a trace, the trace adds nodes instead). With correlated interruptions
 * each market ("reclaims:NAME") is reclaimed at hazard ÷ share: every instance placed on it is then
 * interrupted with probability share, at a moment drawn evenly within {@code within_s}; instances are placed
 * on markets as the pool's placement says.
 */
final class SpotSupply implements EventHandler {
    private static final int NOTICE = 0;
    private static final int TERMINATE = 1;
    private static final int REPLACE = 2;
    private static final int TRACE_ADD = 3;
    private static final int RECLAIM = 4;

    private final Pool pool;
    private final SpotPool spot;
    private final Simulation sim;
    private final ZigguratSampler.Exponential interruptClock;
    /** Correlated interruptions: the market reclaim clock and the draws of who is hit and when; null when independent. */
    private final ZigguratSampler.Exponential reclaimClock;

    private final org.apache.commons.rng.UniformRandomProvider reclaimPick;
    /** Instances present per market. */
    private final int[] perMarket;

    private int target;

    // Counters of the observation window, and interruptions since the start (time series).
    long interruptions;
    long retried;
    long lost;
    long totalInterruptions;

    SpotSupply(Pool pool, SpotPool spot, Simulation sim, RandomStreams streams) {
        this.pool = pool;
        this.spot = spot;
        this.sim = sim;
        this.interruptClock = ZigguratSampler.Exponential.of(streams.stream("interruptions:" + spot.name()));
        this.perMarket = new int[spot.marketCount()];
        if (correlated()) {
            this.reclaimPick = streams.stream("reclaims:" + spot.name());
            this.reclaimClock = ZigguratSampler.Exponential.of(reclaimPick);
        } else {
            this.reclaimPick = null;
            this.reclaimClock = null;
        }
    }

    private boolean correlated() {
        return spot.interruption().correlated() != null
                && spot.interruption().trace() == null
                && spot.interruption().hazardPerSecond() > 0;
    }

    /** Mean seconds between reclaims of one market: each hits an instance with probability share, so instances keep the hazard. */
    private double reclaimMeanS() {
        return spot.interruption().correlated().share() / spot.interruption().hazardPerSecond();
    }

    /** Launches the instances available at time 0, or schedules the availability trace's changes. */
    void start(List<SpotTrace.Event> trace) {
        if (correlated()) {
            for (int m = 0; m < perMarket.length; m++)
                sim.scheduleAt(reclaimClock.sample() * reclaimMeanS(), this, RECLAIM, m);
        }
        if (trace == null) {
            target = spot.instances();
            for (int i = 0; i < spot.instances(); i++) {
                if (available(0)) pool.launchReady(false);
                else sim.scheduleAt(availableAgain(0), this, REPLACE, null);
            }
        } else {
            // The whole trace is known, so a removal's notice can start notice_s before it.
            for (SpotTrace.Event e : trace) {
                if (e.add()) sim.scheduleAt(e.timeS(), this, TRACE_ADD, e);
                else sim.scheduleAt(Math.max(0, e.timeS() - spot.noticeS()), this, NOTICE, e);
            }
        }
    }

    /** Draws when a newly launched instance will be interrupted (hazard model only). */
    void launched(Instance inst, double now) {
        inst.market = place();
        perMarket[inst.market]++;
        double hazard = spot.interruption().hazardPerSecond();
        if (spot.interruption().trace() != null || !(hazard > 0) || correlated()) return;
        double at = now + interruptClock.sample() / hazard;
        inst.terminatesAt = at;
        sim.scheduleAt(Math.max(now, at - spot.noticeS()), this, NOTICE, inst);
    }

    @Override
    public void handle(int kind, Object payload) {
        double now = sim.now();
        switch (kind) {
            case NOTICE -> notice(payload, now);
            case TERMINATE -> terminate((Instance) payload, now);
            case REPLACE -> replace(now);
            case TRACE_ADD -> traceAdd((SpotTrace.Event) payload);
            case RECLAIM -> reclaim((Integer) payload, now);
            default -> throw new IllegalStateException("unknown event " + kind);
        }
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
            // A second reclaim may have brought this instance's interruption forward: its first notice is then stale.
            if (inst.state == Instance.DRAINING || now < inst.terminatesAt - spot.noticeS() - 1e-9) return;
        }
        if (inst.state == Instance.STOPPED) return;
        pool.drain(inst, now);
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
        boolean retry = spot.onInterrupt() == OnInterrupt.RETRY;
        pool.engine.terminate(inst, now, r -> {
            if (retry) {
                retried++;
                pool.stats.retried();
                pool.fleet.redispatch(r);
            } else {
                lost++;
                pool.stats.lost(now, r, pool);
            }
        });
        if (inst.state == Instance.READY) pool.drain(inst, now);
        pool.stop(inst, now);
        replaceLater(now);
        pool.dispatch(now);
    }

    /** The market a new instance goes to: the one with the fewest (spread), or the first (packed). */
    private int place() {
        if (spot.placementOrDefault() == frontier.model.pool.SpotPool.Placement.PACKED) return 0;
        int best = 0;
        for (int m = 1; m < perMarket.length; m++) if (perMarket[m] < perMarket[best]) best = m;
        return best;
    }

    /** A stopped instance leaves its market. */
    void stopped(Instance inst) {
        perMarket[inst.market]--;
    }

    /** A reclaim of market m: each of its instances is interrupted with probability share, within the window. */
    private void reclaim(int m, double now) {
        sim.scheduleAt(now + reclaimClock.sample() * reclaimMeanS(), this, RECLAIM, m);
        var c = spot.interruption().correlated();
        for (int i = 0; i < pool.live.size(); i++) {
            Instance inst = pool.live.get(i);
            if (inst.market != m || inst.state == Instance.STOPPED || inst.state == Instance.DRAINING) continue;
            if (c.share() < 1 && reclaimPick.nextDouble() >= c.share()) continue;
            double at = now + reclaimPick.nextDouble() * c.withinS() + spot.noticeS();
            if (inst.terminatesAt <= at) continue; // already due sooner
            inst.terminatesAt = at;
            sim.scheduleAt(Math.max(now, at - spot.noticeS()), this, NOTICE, inst);
        }
    }

    private void countInterruption() {
        interruptions++;
        totalInterruptions++;
    }

    private void replaceLater(double now) {
        if (spot.interruption().trace() == null) sim.scheduleAt(now + spot.replacementDelayS(), this, REPLACE, null);
    }

    private void replace(double now) {
        int present = pool.presentInstances();
        if (present >= target) return;
        if (!available(now)) {
            sim.scheduleAt(availableAgain(now), this, REPLACE, null);
            return;
        }
        pool.launch();
        if (present + 1 < target) sim.schedule(0, this, REPLACE, null);
    }

    private boolean available(double t) {
        return SpotPool.Period.available(spot.unavailable(), t);
    }

    private double availableAgain(double t) {
        return SpotPool.Period.availableAgain(spot.unavailable(), t);
    }

    private void traceAdd(SpotTrace.Event e) {
        Instance inst = pool.hasColdStart() ? pool.launch() : pool.launchReady(false);
        inst.node = e.node();
    }

    private Instance traceNode(String node) {
        for (Instance i : pool.live) if (node.equals(i.node)) return i;
        return null;
    }

    /** Starts a new observation window. */
    void reset() {
        interruptions = retried = lost = 0;
    }
}
