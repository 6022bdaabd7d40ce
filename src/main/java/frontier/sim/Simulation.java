package frontier.sim;

import java.util.function.DoubleSupplier;

/**
 * One simulation run: a clock (seconds, as a double) and a future event list. An instance, not static
 * state, so any number of runs can proceed on different threads. Not thread-safe itself.
 */
public final class Simulation {
    /** Events between two checks of cancellation and progress. */
    private static final int CHECK_MASK = (1 << 16) - 1;

    private final EventQueue events = new EventQueue();
    private double now;
    /** Non-zero once the run should stop (a long, so that {@link #stopOnceReached} can set it without a branch). */
    private long stopped;

    private long eventCount;

    public double now() {
        return now;
    }

    /** Number of events executed so far. */
    public long eventCount() {
        return eventCount;
    }

    /** Number of events waiting in the event list. */
    public int pendingEvents() {
        return events.size();
    }

    /** Schedules {@code handler.handle(kind, payload)} after {@code delay} seconds (delay ≥ 0). */
    public void schedule(double delay, EventHandler handler, int kind, Object payload) {
        if (!(delay >= 0)) throw new IllegalArgumentException("delay must be >= 0, got " + delay);
        events.add(now + delay, handler, kind, payload);
    }

    /** Schedules at an absolute time, which must not lie in the past. */
    public void scheduleAt(double time, EventHandler handler, int kind, Object payload) {
        if (!(time >= now)) throw new IllegalArgumentException("time " + time + " is before now " + now);
        events.add(time, handler, kind, payload);
    }

    /**
     * Reserves the place in the order of simultaneous events that an event scheduled now would take, for an event
     * scheduled later with {@link #scheduleAt(double, long, EventHandler, int, Object)}: a model that keeps one
     * pending event where it used to schedule one per change (and ignore the stale ones) keeps every run's order.
     */
    public long reserveSequence() {
        return events.reserveSequence();
    }

    /** Schedules at an absolute time (not in the past) in the place of a {@link #reserveSequence reserved} sequence. */
    public void scheduleAt(double time, long sequence, EventHandler handler, int kind, Object payload) {
        if (!(time >= now)) throw new IllegalArgumentException("time " + time + " is before now " + now);
        events.addReserved(time, sequence, handler, kind, payload);
    }

    /** Ends {@link #run} after the current event. */
    public void stop() {
        stopped = 1;
    }

    /**
     * Ends {@link #run} after the current event once {@code count} has reached {@code target} (both ≥ 0): the stop
     * rule a model checks on every event, computed without a branch. A branch taken once per run, at its end, is
     * one the JIT compiles as a trap; taking it throws the compiled hot path away at the end of every run, so the
     * next replication (or the timed run of a benchmark) starts in slower code while it is compiled again.
     */
    public void stopOnceReached(long count, long target) {
        stopped |= (target - count - 1) >>> 63;
    }

    public boolean isStopped() {
        return stopped != 0;
    }

    /**
     * Executes events in time order until {@link #stop()} is called or no event is left.
     *
     * @param control  polled for cancellation, told the progress
     * @param progress the fraction of the run done, computed by the model (e.g. time / horizon)
     * @throws CancelledException if the control asks for cancellation
     */
    public void run(RunControl control, DoubleSupplier progress) {
        EventQueue q = events;
        while (stopped == 0 && !q.isEmpty()) {
            now = q.peekTime();
            int slot = q.take();
            q.handler(slot).handle(q.kind(slot), q.takePayload(slot));
            q.finish();
            if ((++eventCount & CHECK_MASK) == 0) {
                if (control.isCancelled()) throw new CancelledException();
                control.progress(Math.min(1.0, Math.max(0.0, progress.getAsDouble())));
            }
        }
    }
}
