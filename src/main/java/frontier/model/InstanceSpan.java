package frontier.model;

/**
 * The life of one instance of a pool, as a {@link RunListener} sees it: launched (billed from here for
 * instance-billed pools), ready to serve, stopped (billed until here). {@code serial} numbers a pool's
 * instances in launch order from 1, so a replacement is a new instance.
 *
 * @param readyS    when it became ready; NaN if it never did (stopped or cut off while starting)
 * @param stoppedS  when it stopped, or the end of the run if {@code runningAtEnd}
 */
public record InstanceSpan(
        String pool, String model, int serial, double launchedS, double readyS, double stoppedS, boolean runningAtEnd) {
    /** Seconds spent starting (launch to ready, or to the stop if it never became ready). */
    public double startingS() {
        return (Double.isNaN(readyS) ? stoppedS : readyS) - launchedS;
    }
}
