package frontier.sim;

/** Thrown out of {@link Simulation#run} when its {@link RunControl} asked for cancellation. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("simulation cancelled", null, false, false);
    }
}
