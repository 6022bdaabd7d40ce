package frontier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Where the suite's CPU goes, one line per test class: with {@code -Dfrontier.test.cpuLog=DIR} (e.g.
 * {@code ./run-tests -Dfrontier.test.cpuLog=$PWD/target/test-cpu}) each test JVM appends "class, CPU seconds,
 * wall seconds" to DIR/cpu-PID.tsv. CPU is the whole process's (every thread: the tests', the JIT's, the GC's, Spark's
 * and FX's) plus the child processes it waited for (the kill suite's child JVMs), read from /proc/self/stat before
 * and after the class; a test JVM runs one class at a time, so the difference is that class's cost. Unlike wall time,
 * it hardly moves with the machine's load, which is what makes it usable on a shared two-core machine. The first
 * line of each file ("(jvm start)") is the CPU the JVM spent before its first class. Off unless the property is set.
 */
public final class ClassCpuLog implements TestExecutionListener {
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux kernel in use

    private final Path file;
    private final Map<String, long[]> started = new HashMap<>();

    public ClassCpuLog() {
        String dir = System.getProperty("frontier.test.cpuLog");
        Path f = null;
        if (dir != null && !dir.isBlank() && Files.isReadable(Path.of("/proc/self/stat"))) {
            f = Path.of(dir).resolve("cpu-" + ProcessHandle.current().pid() + ".tsv");
            if (!Files.exists(f)) {
                long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
                write(f, "(jvm start)\t" + seconds(cpuTicks()) + "\t" + uptimeMs / 1000.0 + "\n");
            }
        }
        this.file = f;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (file == null || !isClass(id)) return;
        synchronized (started) {
            started.put(id.getUniqueId(), new long[] {cpuTicks(), System.nanoTime()});
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (file == null || !isClass(id)) return;
        long[] start;
        synchronized (started) {
            start = started.remove(id.getUniqueId());
        }
        if (start == null) return;
        String name = ((ClassSource) id.getSource().orElseThrow()).getClassName();
        double wall = (System.nanoTime() - start[1]) / 1e9;
        write(file, name + "\t" + seconds(cpuTicks() - start[0]) + "\t" + String.format("%.2f", wall) + "\n");
    }

    private static boolean isClass(TestIdentifier id) {
        return id.isContainer()
                && id.getSource().filter(ClassSource.class::isInstance).isPresent()
                && id.getParentIdObject()
                        .map(p -> !p.toString().contains("[class:"))
                        .orElse(false);
    }

    private static String seconds(long ticks) {
        return String.format("%.2f", ticks / (double) TICKS_PER_SECOND);
    }

    /** utime + stime + cutime + cstime of this process, in clock ticks (proc(5), fields 14-17). */
    private static long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): field n is f[n - 3].
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path f, String line) {
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
