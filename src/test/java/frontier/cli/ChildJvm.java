package frontier.cli;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Test support: the CLI ({@code frontier.Launcher}) in a child JVM, on the main classes and the run-time class path
 * the build wrote (target/runtime-classpath.txt; the test JVM's own class path when it is absent, e.g. in an IDE; no
 * jar needed) and with the running JDK's java, its output in files under {@code dir}. For what only another process
 * shows: a second writer holding a lock, a kill -9 at a random point. The child's JVM flags are the test JVMs' (C1
 * only, the serial collector) and no perf-data file: each child runs for a few seconds at most. Two more spare each
 * child about 0.13 s of its 1.2-1.3 s of CPU on a short import (10 % ; 8 children per arm, arms interleaved, load 2.5):
 * SQLite's native library, which sqlite-jdbc would copy out of its jar into every child's temporary folder and load
 * from there, is copied once per test JVM and named to the child ({@code org.sqlite.lib.path}, about 0.08 s), and the
 * child does not verify the byte code of the class path's classes ({@code -XX:-BytecodeVerificationRemote}: the
 * build's own classes and Maven's jars, which the test JVM has just loaded verified; about 0.05 s).
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
                "-XX:-UsePerfData",
                "-Djava.io.tmpdir=" + tmp,
                "-Djava.awt.headless=true",
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:-BytecodeVerificationRemote"));
        Path sqlite = sqliteLibrary();
        if (sqlite != null) {
            cmd.add("-Dorg.sqlite.lib.path=" + sqlite.getParent());
            cmd.add("-Dorg.sqlite.lib.name=" + sqlite.getFileName());
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath(), "frontier.Launcher"));
        cmd.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), out, err);
    }

    private static String classPath;
    private static boolean sqliteLooked;
    private static Path sqliteLibrary;

    /**
     * sqlite-jdbc's native library for this OS and architecture, copied once out of its jar into a folder of this
     * JVM's temporary folder (removed at its exit); null when the jar has none for this platform (the child then
     * copies it out itself, as it would anyway).
     */
    private static synchronized Path sqliteLibrary() {
        if (!sqliteLooked) {
            sqliteLooked = true;
            String name = System.mapLibraryName("sqlitejdbc").replace(".jnilib", ".dylib");
            String resource =
                    "org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
            try (var in = org.sqlite.util.OSInfo.class.getClassLoader().getResourceAsStream(resource)) {
                if (in != null) {
                    Path folder = Files.createTempDirectory("frontier-sqlite-native");
                    Path lib = folder.resolve(name);
                    Files.copy(in, lib);
                    folder.toFile().deleteOnExit();
                    lib.toFile().deleteOnExit();
                    sqliteLibrary = lib;
                }
            } catch (IOException | RuntimeException e) {
                sqliteLibrary = null; // the child copies it out itself
            }
        }
        return sqliteLibrary;
    }

    /**
     * The main classes and the run-time jars only (the build's target/runtime-classpath.txt beside the main classes):
     * on the whole test class path a child also starts Spark's logging and searches 230 jars, 0.7 s more of CPU each.
     */
    private static synchronized String classPath() {
        if (classPath == null) {
            classPath = System.getProperty("java.class.path");
            try {
                Path classes = Path.of(frontier.Launcher.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
                Path runtime = classes.resolveSibling("runtime-classpath.txt");
                if (Files.isDirectory(classes) && Files.isRegularFile(runtime)) {
                    String jars =
                            Files.readString(runtime, StandardCharsets.UTF_8).strip();
                    classPath = jars.isEmpty() ? classes.toString() : classes + File.pathSeparator + jars;
                }
            } catch (IOException | URISyntaxException | RuntimeException e) {
                // keep the test JVM's own class path
            }
        }
        return classPath;
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

    /**
     * Polls every 5 ms until {@code reached} holds for this child (true), or the child ended or {@code seconds} passed
     * (false): for a kill aimed at a stage the child's output or files show. Its output is read again only when a file
     * grew.
     */
    boolean awaitState(java.util.function.Predicate<ChildJvm> reached, long seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (reached.test(this)) return true;
            if (!process.isAlive()) return reached.test(this);
            Thread.sleep(5);
        }
        return false;
    }

    String stdout() {
        return outText.read();
    }

    String stderr() {
        return errText.read();
    }

    private final Text outText = new Text();
    private final Text errText = new Text();

    /** A file's text, read again only when its size changed. */
    private final class Text {
        private long size = -1;
        private String text = "";

        synchronized String read() {
            Path f = this == outText ? out : err;
            try {
                long now = Files.exists(f) ? Files.size(f) : 0;
                if (now != size) {
                    text = now == 0 ? "" : Files.readString(f, StandardCharsets.UTF_8);
                    size = now;
                }
            } catch (IOException e) {
                return text;
            }
            return text;
        }
    }
}
