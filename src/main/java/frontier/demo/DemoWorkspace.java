package frontier.demo;

import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogReadOptions;
import frontier.scenario.Summary;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.store.ImportCancelledException;
import frontier.store.ImportMonitor;
import frontier.store.ImportRecord;
import frontier.store.ImportResult;
import frontier.store.LogImportRecord;
import frontier.store.LogImportResult;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import frontier.store.WorkspaceBusyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the demo workspace: generates {@link DemoData} into a temporary directory, imports its bill and
 * request log through the ordinary {@link Workspace} imports into a temporary file and renames that into
 * place, so the demo appears whole or not at all. The target may be missing, empty, a workspace without
 * imports, or an earlier demo workspace (its imports are replaced); anything else is refused, so a
 * user's own workspace is never overwritten.
 */
public final class DemoWorkspace {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String TEMP_PREFIX = "frontier-demo-";
    private static final String BUILDING = ".building";
    private static final java.util.Random RANDOM = new java.security.SecureRandom();

    /**
     * What {@link #create} made.
     *
     * @param simulation the simulated month behind the data
     * @param billing    the import of the generated bill
     */
    public record Created(Path workspace, Summary simulation, ImportResult billing, LogImportResult requests) {}

    private DemoWorkspace() {}

    /** Where the app keeps its demo workspace: {@code ~/.frontier/demo.sqlite}. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".frontier", "demo.sqlite");
    }

    /** The demo of {@link DemoData#DEFAULT_SEED} in {@code workspaceFile}; {@code monitor} watches (and may cancel) the import. */
    public static Created create(Path workspaceFile, ImportMonitor monitor) {
        return create(
                workspaceFile,
                DemoData.DEFAULT_SEED,
                new RunControl() {
                    @Override
                    public boolean isCancelled() {
                        return monitor.isCancelled();
                    }

                    @Override
                    public void progress(double fraction) {}
                },
                monitor);
    }

    /**
     * The demo of {@code seed} in {@code workspaceFile}; {@code simulation} watches and may cancel the
     * simulated month, {@code importing} the import (and hears when the target is busy).
     *
     * <p>Atomic: the workspace is built in a temporary file beside the target ({@code .NAME.PID-N.building})
     * and renamed into place ({@link StandardCopyOption#ATOMIC_MOVE}) only once complete, so the target
     * is at every moment absent, what it was before, or the whole demo; a run that is killed leaves at
     * most its temporary file, which a later run removes once its process is gone. The target is
     * replaced only while no other connection has it open (its {@code -wal} file is gone): waiting up
     * to the workspace busy wait, then a {@link WorkspaceBusyException}.
     */
    public static Created create(Path workspaceFile, long seed, RunControl simulation, ImportMonitor importing) {
        refuseOthers(workspaceFile);
        Path target = workspaceFile.toAbsolutePath().normalize();
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot create the workspace directory: " + e.getMessage(), e);
        }
        removeStale(dir, name);
        removeStaleData(Path.of(System.getProperty("java.io.tmpdir")));
        long pid = ProcessHandle.current().pid();
        Path building = dir.resolve(
                "." + name + "." + pid + "-" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE) + BUILDING);
        Path data;
        try {
            data = Files.createTempDirectory(TEMP_PREFIX + pid + "-");
        } catch (IOException e) {
            throw new BadInputException("cannot create a temporary directory for the demo data: " + e.getMessage(), e);
        }
        try {
            DemoData.Result generated = DemoData.generate(data, seed, simulation);
            ImportResult billing;
            LogImportResult requests;
            try (Workspace ws = Workspace.open(building)) {
                billing = ws.billing()
                        .importFile(generated.billing(), ReadOptions.DETECT, OverlapPolicy.REFUSE, importing);
                requests = ws.requestLogs().importFile(generated.requests(), LogReadOptions.DETECT, false, importing);
            }
            // Closing the only connection checkpointed the WAL into the file and removed it: the file is the whole
            // demo.
            if (Files.exists(sidecar(building, "-wal")))
                throw new IllegalStateException(building + ": the WAL was not checkpointed on close");
            force(building, false);
            install(building, workspaceFile, importing);
            force(dir, true);
            return new Created(workspaceFile, generated.summary(), billing, requests);
        } finally {
            deleteBuilding(building);
            deleteTree(data);
        }
    }

    /**
     * Moves the complete demo {@code building} onto {@code target}, once no other connection has the target
     * open (a WAL of the old file beside the new one would be replayed into it) and it still holds only a demo.
     */
    private static void install(Path building, Path target, ImportMonitor monitor) {
        Duration wait = Workspace.configuredBusyWait();
        long start = System.nanoTime();
        boolean told = false;
        while (true) {
            if (Files.exists(target)) {
                try (Workspace ws = Workspace.open(target)) {
                    // Checked again: the file may have changed while the demo was built.
                    if (!isDemo(ws)) throw notDemo(target, ws.billing().imports());
                }
            }
            if (!Files.exists(sidecar(target, "-wal"))) break;
            if (System.nanoTime() - start >= wait.toNanos()) {
                throw new WorkspaceBusyException(
                        target + ": workspace busy: another Frontier (the app?) kept it open for " + wait.toSeconds()
                                + " s; the demo was not installed. Close it there and try again.",
                        null);
            }
            if (!told) {
                told = true;
                monitor.waiting("workspace busy: " + target + " is open in another Frontier (the app?); waiting up to "
                        + wait.toSeconds() + " s for it to close before replacing it with the demo…");
            }
            if (monitor.isCancelled())
                throw new ImportCancelledException(
                        "creation of the demo workspace " + target + " cancelled; it was not changed");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportCancelledException(
                        "creation of the demo workspace " + target + " interrupted; it was not changed");
            }
        }
        try {
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException(target + ": cannot move the finished demo into place: " + e.getMessage(), e);
        }
    }

    /** Removes the temporary workspaces of demo builds beside {@code name} whose process is gone (killed midway). */
    static void removeStale(Path dir, String name) {
        Pattern ours = Pattern.compile("\\." + Pattern.quote(name) + "\\.(\\d+)-[0-9a-f]+" + Pattern.quote(BUILDING)
                + "(-wal|-shm|-journal)?");
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Matcher m = ours.matcher(f.getFileName().toString());
                if (m.matches() && !alive(m.group(1))) Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // A stale temporary file is harmless: nothing ever opens it.
        }
    }

    /** Removes the generated data of demo builds whose process is gone. */
    private static void removeStaleData(Path tmp) {
        Pattern ours = Pattern.compile(Pattern.quote(TEMP_PREFIX) + "(\\d+)-\\d+");
        try (var dirs = Files.list(tmp)) {
            for (Path d : dirs.toList()) {
                Matcher m = ours.matcher(d.getFileName().toString());
                if (m.matches() && Files.isDirectory(d) && !alive(m.group(1))) deleteTree(d);
            }
        } catch (IOException e) {
            // as above
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid))
                    .map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static Path sidecar(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }

    private static void deleteBuilding(Path building) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(sidecar(building, suffix));
            } catch (IOException e) {
                // left for removeStale
            }
        }
    }

    /** Flushes {@code path} (a file, or a directory after a rename) to the disk; where that is unsupported, nothing. */
    private static void force(Path path, boolean directory) {
        try (FileChannel ch = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a directory; the rename is atomic either way.
        }
    }

    /**
     * True when {@code ws} is the whole demo: made by {@link #create}, one bill and one request log. A demo
     * workspace that is not complete was left by a Frontier older than the atomic build.
     */
    public static boolean isComplete(Workspace ws) {
        return isDemo(ws)
                && ws.billing().imports().size() == 1
                && ws.requestLogs().imports().size() == 1;
    }

    /**
     * True when every import of {@code ws} is a bill made by {@link #create} (so a workspace without
     * imports counts too): what the demo may replace.
     */
    public static boolean isDemo(Workspace ws) {
        for (ImportRecord r : ws.billing().imports()) {
            Path source = Path.of(r.source());
            Path parent = source.getParent();
            boolean ours = source.getFileName().toString().equals(DemoData.BILLING)
                    && parent != null
                    && parent.getFileName().toString().startsWith(TEMP_PREFIX)
                    && r.accounts().equals("AWS " + FocusBill.BILLING_ACCOUNT);
            if (!ours) return false;
        }
        for (LogImportRecord r : ws.requestLogs().imports()) {
            Path source = Path.of(r.source());
            Path parent = source.getParent();
            if (!(source.getFileName().toString().equals(DemoData.REQUESTS)
                    && parent != null
                    && parent.getFileName().toString().startsWith(TEMP_PREFIX))) return false;
        }
        return true;
    }

    private static void refuseOthers(Path file) {
        if (!Files.exists(file)) return;
        if (Files.isDirectory(file)) throw new BadInputException(file + ": is a directory, expected a workspace file");
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SQLITE_HEADER.length);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (head.length == 0) return;
        if (!Arrays.equals(head, SQLITE_HEADER)) {
            throw new BadInputException(
                    file + ": exists and is not a Frontier workspace; the demo is not written over other files");
        }
        try (Workspace ws = Workspace.open(file)) {
            if (!isDemo(ws)) throw notDemo(file, ws.billing().imports());
        }
    }

    private static BadInputException notDemo(Path file, List<ImportRecord> imports) {
        return new BadInputException(file + ": is a workspace with " + imports.size() + " import(s) of your own data;"
                + " the demo replaces only an earlier demo workspace: choose another file");
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary directory left behind is harmless; the demo itself is complete.
        }
    }
}
