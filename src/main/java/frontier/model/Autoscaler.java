package frontier.model;

import frontier.model.pool.AutoscalePolicy;
import frontier.model.pool.AutoscaledPool;
import frontier.sim.EventHandler;
import frontier.sim.Simulation;
import java.util.ArrayDeque;

/**
 * Horizontal autoscaling of one pool (as Kubernetes' HPA): every {@code interval_s} the policy proposes
 * a size from the utilization, request rate and queue of the last interval; scale-out and scale-in act
 * on the lowest and highest proposal of their stabilisation windows; the pool scales to zero after a
 * quiet period when allowed, and the first arrival to an empty pool starts an instance (the activator).
 * New instances pay the pool's cold start; removed ones go starting first, then idle, then busy (drained).
 */
final class Autoscaler implements EventHandler {
    private final Pool pool;
    private final AutoscaledPool auto;
    private final Simulation sim;
    private long arrivalsSinceTick;
    private double lastArrival = Double.NEGATIVE_INFINITY;
    private double lastTick;
    private double busyAtTick;
    private double readyAtTick;
    private final ArrayDeque<double[]> recommendations = new ArrayDeque<>();

    Autoscaler(Pool pool, AutoscaledPool auto, Simulation sim) {
        this.pool = pool;
        this.auto = auto;
        this.sim = sim;
    }

    /** Launches the initial instances and starts the clock. */
    void start() {
        for (int i = 0; i < auto.initialInstances(); i++) pool.launchReady(false);
        sim.schedule(auto.intervalS(), this, 0, null);
    }

    /** Counts an arrival; a pool scaled to zero starts an instance for it. */
    void arrived(double now) {
        arrivalsSinceTick++;
        lastArrival = now;
        if (pool.presentInstances() == 0) pool.launch();
    }

    @Override
    public void handle(int kind, Object payload) {
        tick(sim.now());
    }

    private void tick(double now) {
        sim.schedule(auto.intervalS(), this, 0, null);
        double interval = now - lastTick;
        double busyInt = pool.busySlotSeconds(now) - busyAtTick;
        double readyInt = pool.readySlotSeconds(now) - readyAtTick;
        busyAtTick = pool.busySlotSeconds(now);
        readyAtTick = pool.readySlotSeconds(now);
        double utilization = readyInt > 0 ? busyInt / readyInt : (pool.queued() == 0 ? 0 : 1);
        double rps = interval > 0 ? arrivalsSinceTick / interval : 0;
        arrivalsSinceTick = 0;
        lastTick = now;
        int current = pool.presentInstances();
        AutoscalePolicy policy = auto.policy();
        int proposal = policy.desired(current, utilization, rps, pool.queued(), pool.concurrency);
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
        boolean quiet =
                auto.scaleToZeroAfterS() != null && now - lastArrival >= auto.scaleToZeroAfterS() && pool.queued() == 0;
        int floor = auto.scaleToZeroAfterS() == null ? auto.floor() : quiet ? 0 : 1;
        desired = Math.max(floor, Math.min(auto.maxInstances(), desired));
        if (quiet) desired = 0;
        for (int i = current; i < desired; i++) pool.launch();
        if (desired < current) scaleIn(current - desired, now);
    }

    /** Removes n instances: starting ones first, then idle, then busy ones (drained). */
    private void scaleIn(int n, double now) {
        java.util.List<Instance> live = pool.live;
        for (int pass = 0; pass < 3 && n > 0; pass++) {
            for (int i = live.size() - 1; i >= 0 && n > 0; i--) {
                Instance inst = live.get(Math.min(i, live.size() - 1));
                boolean pick =
                        switch (pass) {
                            case 0 -> inst.state == Instance.STARTING;
                            case 1 -> inst.idle();
                            default -> inst.state == Instance.READY;
                        };
                if (pick) {
                    pool.drain(inst, now);
                    n--;
                }
            }
        }
    }

    /** Starts a new observation window: the next tick measures from the window's start. */
    void reset() {
        busyAtTick = readyAtTick = 0;
    }
}
