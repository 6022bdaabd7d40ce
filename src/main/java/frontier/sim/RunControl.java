package frontier.sim;

/**
 * How a caller watches and stops a running simulation. Both methods are called from the simulation's
 * own thread every few tens of thousands of events, so they must be cheap and thread-safe.
 */
public interface RunControl {
    /** True once the caller wants the run abandoned; the run then throws {@link CancelledException}. */
    boolean isCancelled();

    /** Progress of the current run in [0, 1]. */
    void progress(double fraction);

    RunControl NONE = new RunControl() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(double fraction) {}
    };
}
