package frontier.store;

/**
 * How a caller watches and stops the schema migration that opening an older workspace runs (on a big workspace,
 * building a roll-up or the search dictionary of millions of lines takes minutes). Called from the opening thread at
 * each step and every few million SQLite instructions within one, so both methods must be cheap and thread-safe. A
 * migration is one transaction: cancelled or failed, it leaves the workspace as it was (at its old version).
 */
public interface MigrationMonitor {
    /**
     * The migration from schema {@code from} to {@code to} is at step {@code step} (1-based) of {@code steps}, doing
     * {@code what} ("building the search dictionary"); {@code seconds} since it began. Said again within a long step.
     */
    void progress(int from, int to, String what, int step, int steps, double seconds);

    /** True once the caller wants the migration abandoned: it is rolled back and the opening fails, the file unchanged. */
    default boolean isCancelled() {
        return false;
    }

    /** "from schema v6 to v9: building the search dictionary of the charges (step 5 of 10, 31 s)", for a progress line. */
    static String describe(int from, int to, String what, int step, int steps, double seconds) {
        return String.format(
                java.util.Locale.ROOT,
                "from schema v%d to v%d: %s (step %d of %d, %.0f s)",
                from,
                to,
                what,
                step,
                steps,
                seconds);
    }

    MigrationMonitor NONE = (from, to, what, step, steps, seconds) -> {};
}
