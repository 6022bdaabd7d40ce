package frontier.demo;

import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogReadOptions;
import frontier.scenario.Summary;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.store.ImportMonitor;
import frontier.store.ImportRecord;
import frontier.store.ImportResult;
import frontier.store.LogImportRecord;
import frontier.store.LogImportResult;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Creates the demo workspace: generates {@link DemoData} into a temporary directory and imports its bill
 * through the ordinary {@link Workspace} import. The target may be missing, empty, a workspace without
 * imports, or an earlier demo workspace (its imports are replaced); anything else is refused, so a
 * user's own workspace is never overwritten.
 */
public final class DemoWorkspace {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final String TEMP_PREFIX = "frontier-demo-";

    /**
     * What {@link #create} made.
     *
     * @param simulation the simulated month behind the data
     * @param billing    the import of the generated bill
     */
    public record Created(Path workspace, Summary simulation, ImportResult billing, LogImportResult requests) {
    }

    private DemoWorkspace() {
    }

    /** Where the app keeps its demo workspace: {@code ~/.frontier/demo.sqlite}. */
    public static Path defaultPath() {
        return Path.of(System.getProperty("user.home"), ".frontier", "demo.sqlite");
    }

    /** The demo of {@link DemoData#DEFAULT_SEED} in {@code workspaceFile}; {@code monitor} watches (and may cancel) the import. */
    public static Created create(Path workspaceFile, ImportMonitor monitor) {
        return create(workspaceFile, DemoData.DEFAULT_SEED, new RunControl() {
            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }

            @Override
            public void progress(double fraction) {
            }
        }, monitor);
    }

    /**
     * The demo of {@code seed} in {@code workspaceFile}; {@code simulation} watches and may cancel the
     * simulated month, {@code importing} the import.
     */
    public static Created create(Path workspaceFile, long seed, RunControl simulation, ImportMonitor importing) {
        refuseOthers(workspaceFile);
        Path dir;
        try {
            dir = Files.createTempDirectory(TEMP_PREFIX);
        } catch (IOException e) {
            throw new BadInputException("cannot create a temporary directory for the demo data: " + e.getMessage(), e);
        }
        try {
            DemoData.Result data = DemoData.generate(dir, seed, simulation);
            try (Workspace ws = Workspace.open(workspaceFile)) {
                // Checked again on this connection: the file may have changed since refuseOthers looked.
                if (!isDemo(ws)) throw notDemo(workspaceFile, ws.imports());
                for (ImportRecord r : ws.imports()) ws.deleteImport(r.id());
                for (LogImportRecord r : ws.requestLogs().imports()) ws.requestLogs().deleteImport(r.id());
                ImportResult billing = ws.importFile(data.billing(), ReadOptions.DETECT, OverlapPolicy.REFUSE, importing);
                LogImportResult requests = ws.requestLogs().importFile(data.requests(), LogReadOptions.DETECT, false, importing);
                return new Created(workspaceFile, data.summary(), billing, requests);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * True when every import of {@code ws} is a bill made by {@link #create} (so a workspace without
     * imports counts too): what the demo may replace.
     */
    public static boolean isDemo(Workspace ws) {
        for (ImportRecord r : ws.imports()) {
            Path source = Path.of(r.source());
            Path parent = source.getParent();
            boolean ours = source.getFileName().toString().equals(DemoData.BILLING) && parent != null
                    && parent.getFileName().toString().startsWith(TEMP_PREFIX) && r.accounts().equals("AWS " + FocusBill.BILLING_ACCOUNT);
            if (!ours) return false;
        }
        for (LogImportRecord r : ws.requestLogs().imports()) {
            Path source = Path.of(r.source());
            Path parent = source.getParent();
            if (!(source.getFileName().toString().equals(DemoData.REQUESTS) && parent != null
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
            throw new BadInputException(file + ": exists and is not a Frontier workspace; the demo is not written over other files");
        }
        try (Workspace ws = Workspace.open(file)) {
            if (!isDemo(ws)) throw notDemo(file, ws.imports());
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
