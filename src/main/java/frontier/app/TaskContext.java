package frontier.app;

import frontier.sim.RunControl;
import frontier.store.ImportMonitor;

/**
 * What work running as a {@link BackgroundTask} sees of its task: whether it was cancelled, and where to
 * report its progress and a status message. It is a {@link RunControl}, so a simulation or a sweep takes it
 * as it is; {@link #importMonitor} adapts it for an import. Called from the work's own thread; cheap and
 * thread-safe.
 */
public interface TaskContext extends RunControl {
    /** Progress in [0, 1], or −1 while unknown (a waiting or indeterminate phase). */
    @Override
    void progress(double fraction);

    /** A status message for the user ("Importing bill.csv: 12,000 rows…"). */
    void message(String text);

    /**
     * This context as an import's monitor: progress is the bytes read of the total, mapped to
     * [{@code from}, {@code to}] of this task's progress; {@code progressMessage} (may be null) says the rows
     * stored and bytes read so far; a wait for the workspace makes the progress unknown and says {@code waitPrefix} and the
     * wait's message. Progress and messages come at most every 100 ms.
     */
    default ImportMonitor importMonitor(double from, double to, ImportProgress progressMessage, String waitPrefix) {
        TaskContext context = this;
        return new ImportMonitor() {
            private long last;

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }

            @Override
            public void progress(long rows, long bytes, long total) {
                long now = System.nanoTime();
                if (last != 0 && now - last < 100_000_000L) return;
                last = now;
                context.progress(from + (to - from) * bytes / Math.max(total, 1));
                if (progressMessage != null) context.message(progressMessage.describe(rows, bytes, total));
            }

            @Override
            public void waiting(String message) {
                context.progress(-1);
                context.message(waitPrefix + message);
            }
        };
    }

    /**
     * This context as the monitor of a workspace's schema migration: progress is the step of all steps, the message
     * "Migrating the workspace to schema v8: building the search dictionary of the charges (step 12 of 14, 31 s)…",
     * at most every 100 ms; cancelling rolls the migration back.
     */
    default frontier.store.MigrationMonitor migrationMonitor() {
        TaskContext context = this;
        return new frontier.store.MigrationMonitor() {
            private long last;

            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }

            @Override
            public synchronized void progress(int from, int to, String what, int step, int steps, double seconds) {
                long now = System.nanoTime();
                if (last != 0 && now - last < 100_000_000L) return;
                last = now;
                context.progress((step - 1) / (double) steps);
                context.message("Migrating the workspace "
                        + frontier.store.MigrationMonitor.describe(from, to, what, step, steps, seconds) + "…");
            }
        };
    }

    /** What an import's progress says: rows stored, bytes read and the total bytes of the input. */
    @FunctionalInterface
    interface ImportProgress {
        String describe(long rows, long bytes, long totalBytes);
    }

    /** A context that is never cancelled and reports nowhere. */
    TaskContext NONE = new TaskContext() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(double fraction) {}

        @Override
        public void message(String text) {}
    };
}
