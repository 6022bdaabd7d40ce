package frontier.cli;

import frontier.sim.BadInputException;
import frontier.store.ImportCancelledException;
import frontier.store.ImportMonitor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * How the import commands ({@code import}, {@code logs import}) run one file's import: Ctrl-C cancels it and
 * the JVM waits for the rollback before it exits; with {@code --progress} or on a terminal, a progress line on
 * stderr shows rows and bytes. An import that waits for another writer says so on stderr ("frontier: workspace
 * busy: …"), always.
 */
final class ImportRunner {
    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    /**
     * Runs {@code importer} (a workspace import of {@code file} that polls the monitor for cancellation and
     * reports progress to it) under a shutdown hook named {@code hookName}; a cancelled import is bad input.
     * {@code blankLineOnCancel}: a cancelled import also ends the progress stream with a blank line.
     */
    <R> R run(
            Path file,
            PrintWriter err,
            String hookName,
            boolean blankLineOnCancel,
            Function<ImportMonitor, R> importer) {
        PrintWriter progressOut = progress || System.console() != null ? err : null;
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    cancel.set(true);
                    try {
                        done.await(15, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                hookName);
        Runtime.getRuntime().addShutdownHook(hook);
        ProgressLine line = progressOut == null
                ? null
                : new ProgressLine(progressOut, file.getFileName().toString());
        try {
            return importer.apply(new ImportMonitor() {
                @Override
                public boolean isCancelled() {
                    return cancel.get();
                }

                @Override
                public void progress(long rows, long bytes, long totalBytes) {
                    if (line != null) line.update(rows, bytes, totalBytes);
                }

                @Override
                public void waiting(String message) {
                    // Always shown, progress or not: a command that seems to hang needs a reason.
                    err.println("frontier: " + message);
                    err.flush();
                }
            });
        } catch (ImportCancelledException e) {
            if (blankLineOnCancel && progressOut != null) progressOut.println();
            throw new BadInputException(e.getMessage());
        } finally {
            if (line != null) line.finish();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for done, which is now counted down
            }
        }
    }

    /**
     * "\r  file: 1,234,567 rows  512.0 of 1,024.0 MB (50%)", at most four times a second (the first at once); {@code
     * demo --progress} shows its simulation's share done on the same line first.
     */
    static final class ProgressLine {
        private final PrintWriter err;
        private final String name;
        private long lastNanos;
        private boolean shown;

        ProgressLine(PrintWriter err, String name) {
            this.err = err;
            this.name = name;
        }

        /** "\rsimulating NAME: 37%", at most four times a second (the first at once). */
        void simulated(double fraction) {
            if (!due()) return;
            err.print(String.format(Locale.US, "\rsimulating %s: %.0f%%   ", name, 100 * fraction));
            err.flush();
        }

        private boolean due() {
            long now = System.nanoTime();
            if (shown && now - lastNanos < 250_000_000L) return false;
            lastNanos = now;
            shown = true;
            return true;
        }

        void update(long rows, long bytes, long total) {
            if (!due()) return;
            err.print(String.format(
                    Locale.US,
                    "\rimporting %s: %,d rows  %,.1f of %,.1f MB (%.0f%%)   ",
                    name,
                    rows,
                    bytes / 1e6,
                    total / 1e6,
                    total == 0 ? 100.0 : 100.0 * bytes / total));
            err.flush();
        }

        void finish() {
            if (shown) {
                err.println();
                err.flush();
            }
        }
    }
}
