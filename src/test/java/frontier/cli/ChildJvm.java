package frontier.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test support: the CLI ({@code frontier.Launcher}) in a child JVM, on the test JVM's own classpath
 * (no jar needed) and with the running JDK's java, its output in files under {@code dir}. For what only
 * another process shows: a second writer holding a lock, a kill -9 at a random point.
 */
final class ChildJvm {
    private final Process process;
    private final Path out;
    private final Path err;

    private ChildJvm(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code frontier args…} with {@code env} added, its temporary files (java.io.tmpdir) and output in {@code dir}. */
    static ChildJvm start(Path dir, Map<String, String> env, String... args) throws IOException {
        return start(dir, List.of(), env, args);
    }

    /** As {@link #start(Path, Map, String...)}, with {@code jvmOptions} ({@code -Duser.home=…}) before the main class. */
    static ChildJvm start(Path dir, List<String> jvmOptions, Map<String, String> env, String... args)
            throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-Xshare:auto",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + tmp,
                "-Djava.awt.headless=true"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "frontier.Launcher"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), out, err);
    }

    Process process() {
        return process;
    }

    /** Waits for the exit (at most {@code seconds}: a bound against a hang, not a timing assertion); the exit code. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the child JVM did not end within " + seconds + " s; stderr: " + stderr());
        }
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no rollback, no close; then waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Polls stderr until it contains {@code text} (true) or the child ended or {@code seconds} passed (false). */
    boolean awaitStderr(String text, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (stderr().contains(text)) return true;
            if (!process.isAlive()) return stderr().contains(text);
            Thread.sleep(20);
        }
        return false;
    }

    String stdout() {
        return read(out);
    }

    String stderr() {
        return read(err);
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
