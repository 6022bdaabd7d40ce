package frontier.demo;

import frontier.store.ImportMonitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Test support: the demo workspace ({@link DemoWorkspace#create(Path, ImportMonitor)}, a 450,000-request simulation and
 * its import) built once per test JVM and handed out as copies, so the classes that only read or extend a demo
 * workspace (the twin, the unit-cost roll-up, Make twin) do not each build it again. Each caller gets its own file:
 * what one test writes, another never sees. The build itself is tested where it is the subject (DemoWorkspaceTest,
 * the kill suite).
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
        if (built == null) {
            Path dir = Files.createTempDirectory("frontier-demo-fixture");
            Path file = dir.resolve("demo.sqlite");
            DemoWorkspace.create(file, ImportMonitor.NONE);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try (var files = Files.list(dir)) {
                                    for (Path f : files.toList()) Files.deleteIfExists(f);
                                    Files.deleteIfExists(dir);
                                } catch (IOException ignored) {
                                    // a temporary directory left behind is harmless
                                }
                            },
                            "delete-demo-fixture"));
            built = file;
        }
        return built;
    }
}
