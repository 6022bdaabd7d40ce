package frontier.model.traffic;

/** Generates request arrival times, in increasing order, from its own random stream. */
public interface ArrivalProcess extends AutoCloseable {
    /**
     * The time of the next arrival, at or after {@code now} (the previous arrival's time), or
     * {@link Double#POSITIVE_INFINITY} when the process has no more arrivals.
     */
    double next(double now);

    /** The request key of the arrival last returned by {@link #next}, when the traffic carries keys. */
    default int key() {
        return 0;
    }

    /**
     * The input token count of the arrival last returned by {@link #next}, or -1 when the traffic does
     * not carry input token counts (they are then drawn from the scenario's {@code tokens}, if any).
     */
    default int inputTokens() {
        return -1;
    }

    /** The output token count of the arrival last returned by {@link #next}, or -1 as for {@link #inputTokens()}. */
    default int outputTokens() {
        return -1;
    }

    /** The long-run mean rate (per second), for progress estimates and documentation; NaN if unknown. */
    double meanRate();

    @Override
    default void close() {}
}
