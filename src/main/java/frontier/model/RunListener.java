package frontier.model;

/**
 * Receives what one replication does, request by request and instance by instance, as it happens
 * (on the simulation's thread, in simulated-time order). Given to
 * {@link ServingModel#run(FleetSpec, java.nio.file.Path, frontier.sim.RandomStreams, frontier.sim.RunControl, RunListener)};
 * a run without a listener pays nothing for this. Implementations must not change the run.
 */
public interface RunListener {
    /**
     * A request left the system in the observation window (after the warm-up): exactly the requests the
     * run's {@code completed}, {@code rejected}, {@code timed_out} and {@code lost} count.
     */
    void requestFinished(RequestOutcome outcome);

    /**
     * An instance stopped, or was still running when the run ended. Lifetimes are reported whole, warm-up
     * included (the run's costs count only the observation window).
     */
    default void instanceStopped(InstanceSpan span) {}
}
