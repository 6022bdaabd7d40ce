package frontier.app.explore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One spark-submit started from the app: runs the command with its output in a log file, passes the driver's progress
 * lines ("sweep: 40/200 configurations …") on, and words its end for the status line. A job the user stopped ends
 * "Stopped" (its exit code, 143 after SIGTERM, is no failure of the job); a real failure keeps the job's last line of
 * output and its exit code. Plain Java: the caller moves the callbacks to the FX thread.
 */
final class SparkJob {
    private final Process process;
    private final Path log;
    private volatile boolean stopRequested;

    private SparkJob(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}; its output (standard error included) goes to a new temporary log file. */
    static SparkJob start(List<String> command) throws IOException {
        Path log = Files.createTempFile("frontier-spark-", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        return new SparkJob(p, log);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the job to stop (SIGTERM: spark-submit in client mode stops its driver, and with it the job). */
    void stop() {
        stopRequested = true;
        process.destroy();
    }

    Path log() {
        return log;
    }

    /**
     * Copies the output to the log until the job ends, giving {@code progress} the text after "sweep: " of each
     * progress line; blocks.
     *
     * @return null when the job succeeded, else what the status line should say
     */
    String await(Consumer<String> progress) {
        String last = "";
        try {
            try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    var w = Files.newBufferedWriter(log)) {
                for (String line; (line = in.readLine()) != null; ) {
                    w.write(line);
                    w.newLine();
                    if (line.startsWith("sweep: ")) progress.accept(line.substring(7));
                    else if (!line.isBlank()) last = line.strip();
                }
            }
            int code = process.waitFor();
            return ending(code, stopRequested, last, log);
        } catch (IOException e) {
            return stopRequested ? stopped(log) : "Could not follow spark-submit: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Stopped waiting for the Spark job; its output is in " + log;
        }
    }

    /**
     * The status line at the end of a job: null for success; "Stopped" when the user stopped it, whatever the exit
     * code; otherwise the failure with the job's last line of output and its exit code.
     */
    static String ending(int exitCode, boolean stopRequested, String lastLine, Path log) {
        if (stopRequested) return stopped(log);
        if (exitCode == 0) return null;
        String why = lastLine == null || lastLine.isBlank() ? "" : ": " + lastLine;
        return "The Spark job failed (exit code " + exitCode + ")" + why + "; its output is in " + log;
    }

    private static String stopped(Path log) {
        return "Stopped: the Spark job was stopped before it finished; its output is in " + log;
    }
}
