package frontier.demo;

import frontier.store.ImportMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Test support: the demo workspace ({@link DemoWorkspace#create(Path, ImportMonitor)}, a 450,000-request simulation and
 * its import, about 7 s of CPU) built once per build and handed out as copies, so the classes that only read or extend
 * a demo workspace (the twin, the unit-cost roll-up, the cost search, Make twin) do not each build it again. The build
 * is kept in target/demo-fixture beside the main classes, under a key made of the main classes' count and newest
 * modification time (a recompilation makes a new one), and built under a file lock, so the suite's test JVMs (two
 * ordinary, two validation) build it once between them instead of once each; when the main classes are not a folder
 * (a jar), once per JVM in a temporary folder, as before. Each caller gets its own file: what one test writes, another
 * never sees. The build itself is tested where it is the subject (DemoWorkspaceTest, the kill suite).
 */
public final class DemoFixture {
    private static Path built;

    private DemoFixture() {}

    /** A copy of the demo workspace at {@code file} (replacing it); returns {@code file}. */
    public static Path copyTo(Path file) {
        try {
            Path source = built();
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path built() throws IOException {
        if (built == null) built = shared();
        if (built == null) built = perJvm();
        return built;
    }

    /** The build's copy in target/demo-fixture (built here unless another test JVM did); null if there is no target. */
    private static Path shared() throws IOException {
        Path classes;
        try {
            classes = Path.of(DemoWorkspace.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
        if (!Files.isDirectory(classes)) return null;
        long[] newestAndCount = {0, 0};
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    newestAndCount[0] = Math.max(
                            newestAndCount[0], Files.getLastModifiedTime(f).toMillis());
                    newestAndCount[1]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        String key = "demo-" + newestAndCount[0] + "-" + newestAndCount[1] + ".sqlite";
        Path dir = Files.createDirectories(classes.resolveSibling("demo-fixture"));
        Path file = dir.resolve(key);
        try (FileChannel lock =
                        FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lock.lock()) {
            if (!Files.isRegularFile(file)) {
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path f : old.toList()) {
                        if (f.getFileName().toString().startsWith("demo-")) deleteTree(f);
                    }
                }
                Path building = Files.createTempDirectory(dir, "demo-building");
                DemoWorkspace.create(building.resolve("demo.sqlite"), ImportMonitor.NONE);
                Files.move(building.resolve("demo.sqlite"), file, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(building);
            }
        }
        return file;
    }

    private static Path perJvm() throws IOException {
        Path dir = Files.createTempDirectory("frontier-demo-fixture");
        Path file = dir.resolve("demo.sqlite");
        DemoWorkspace.create(file, ImportMonitor.NONE);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete-demo-fixture"));
        return file;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
