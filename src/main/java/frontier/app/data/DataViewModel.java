package frontier.app.data;

import frontier.app.BackgroundTask;
import frontier.app.BillingSession;
import frontier.app.TaskContext;
import frontier.app.TaskExecutor;
import frontier.demo.DemoData;
import frontier.demo.DemoWorkspace;
import frontier.ingest.ReadOptions;
import frontier.ingest.logs.LogPreset;
import frontier.ingest.logs.LogReadOptions;
import frontier.sim.RunControl;
import frontier.store.FileImport;
import frontier.store.ImportRecord;
import frontier.store.ImportResult;
import frontier.store.LogImportRecord;
import frontier.store.LogImportResult;
import frontier.store.OverlapException;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and actions of the Data view: the import history (billing and request-log imports), the import
 * in progress (progress, message, cancel) and its outcome. A file is imported as a billing export when
 * its format is known, else as a request log when its mapping can be recognised, or explicitly as a
 * request log with a preset. A billing import that overlaps earlier ones is rolled back and the
 * {@link #setOverlapResolver overlap resolver} asked what to do; if it answers, the file is imported
 * again with that policy. Use from the FX application thread only.
 */
public final class DataViewModel {
    private final BillingSession session;
    private final TaskExecutor background;
    private final ObservableList<ImportEntry> imports = FXCollections.observableArrayList();
    /** Files dropped or chosen together that wait for the one being imported. */
    private final Deque<Path> queued = new ArrayDeque<>();

    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canImport = running.not();
    private Function<OverlapException, Optional<OverlapPolicy>> overlapResolver = e -> Optional.empty();
    private BackgroundTask<?> task;

    public DataViewModel(BillingSession session) {
        this(session, TaskExecutor.FX);
    }

    /** Work goes to an executor made by {@code executors} ({@link TaskExecutor#CURRENT_THREAD} in tests). */
    public DataViewModel(BillingSession session, TaskExecutor.Factory executors) {
        this.session = session;
        this.background = executors.named("frontier-data");
        updateRecent();
        refresh();
    }

    /** The current workspace first (even if not yet remembered), then the remembered ones. */
    private void updateRecent() {
        List<Path> l = new java.util.ArrayList<>();
        l.add(session.workspace().toAbsolutePath().normalize());
        for (Path p : session.recent().list()) if (!l.contains(p)) l.add(p);
        recent.setAll(l);
    }

    /**
     * Opens (creating it if it does not exist) the workspace {@code path} in the background and, once
     * it proved usable, makes it the session's workspace and the most recent one. A file that is not a
     * workspace is reported and the current workspace kept.
     */
    public void openWorkspace(Path path) {
        if (running.get()) return;
        Path p = path.toAbsolutePath().normalize();
        // An older workspace is migrated on opening (minutes for millions of lines): shown as the progress of a task
        // that Cancel rolls back, leaving the file as it was.
        BackgroundTask<Boolean> t = BackgroundTask.of(context -> {
            boolean existed = java.nio.file.Files.exists(p);
            try (Workspace ws = Workspace.open(p, context.migrationMonitor())) {
                return existed;
            }
        });
        t.onSuccess(existed -> {
            finish(true);
            session.use(p);
            updateRecent();
            say((existed ? "Opened workspace " : "Created workspace ") + p + ".");
            refresh();
        });
        t.onCancelled(() -> {
            finish();
            say("Opening of " + p + " cancelled; its migration was rolled back, the workspace is unchanged.");
        });
        t.onFailure(x -> {
            finish();
            if (x instanceof frontier.store.MigrationCancelledException)
                say("Opening of " + p + " cancelled; its migration was rolled back, the workspace is unchanged.");
            else fail(message(x));
        });
        begin(t);
    }

    /** Asked (on the FX thread) when an import overlaps earlier ones: REPLACE, KEEP_BOTH, or empty to give up. */
    public void setOverlapResolver(Function<OverlapException, Optional<OverlapPolicy>> resolver) {
        this.overlapResolver = resolver;
    }

    /** Reloads the import history in the background (a workspace file that does not exist yet has none). */
    public void refresh() {
        Path file = session.workspace();
        background.run(
                () -> {
                    if (!Files.exists(file)) return List.<ImportEntry>of();
                    try (Workspace ws = Workspace.open(file)) {
                        List<ImportEntry> l = new ArrayList<>();
                        for (ImportRecord r : ws.billing().imports()) l.add(ImportEntry.of(r));
                        for (LogImportRecord r : ws.requestLogs().imports()) l.add(ImportEntry.of(r));
                        l.sort(Comparator.comparing(ImportEntry::importedAt));
                        return l;
                    }
                },
                imports::setAll,
                x -> fail("Cannot read the workspace: " + message(x)));
    }

    /**
     * Imports {@code file} in the background: as a billing export (refusing overlaps first) when its format
     * is known, else as a request log when its mapping can be recognised from its columns.
     */
    public void importFile(Path file) {
        importFiles(List.of(file));
    }

    /** Imports dropped or chosen files one after the other, each as {@link #importFile}; a failure or Cancel drops the rest. */
    public void importFiles(List<Path> files) {
        if (running.get() || files.isEmpty()) return;
        queued.addAll(files);
        start(new ImportTask(session.workspace(), queued.poll(), OverlapPolicy.REFUSE, null));
    }

    /**
     * Imports {@code file} as a request log in the background: with {@code preset}'s mapping (null: the
     * mapping recognised from the columns), relative timestamps counted from {@code start} (null: from
     * 1970-01-01, with a note).
     */
    public void importLog(Path file, LogPreset preset, Instant start) {
        importLog(file, preset, start, "");
    }

    /**
     * {@link #importLog(Path, LogPreset, Instant)} with mapping edits written as on the command line's
     * {@code --map}, comma-separated ({@code latency=took_ms, latency_unit=ms, endpoint_value=chat}); a
     * malformed edit is reported in the status and nothing is imported.
     */
    public void importLog(Path file, LogPreset preset, Instant start, String mapEdits) {
        if (running.get()) return;
        Map<String, String> edits;
        try {
            List<String> entries = new java.util.ArrayList<>();
            for (String e : mapEdits == null ? new String[0] : mapEdits.split(","))
                if (!e.isBlank()) entries.add(e.strip());
            edits = LogReadOptions.parseEntries(entries);
        } catch (frontier.sim.BadInputException e) {
            fail("Not imported: " + file.getFileName() + ": " + frontier.app.Messages.forApp(e.getMessage()));
            return;
        }
        start(new ImportTask(
                session.workspace(), file, OverlapPolicy.REFUSE, new LogReadOptions(preset, edits, start, 0)));
    }

    private void start(ImportTask work) {
        Path file = work.file;
        BackgroundTask<FileImport.Outcome> t = BackgroundTask.of(work::call);
        t.onSuccess(imported -> {
            finish(true);
            say(
                    imported.billing() != null
                            ? billingDone(file, imported.billing())
                            : logDone(file, imported.log(), work.log == null));
            session.recent().add(session.workspace());
            updateRecent();
            session.changed();
            refresh();
            next();
        });
        t.onCancelled(() -> {
            finish();
            cancelled(file);
        });
        t.onFailure(x -> {
            finish();
            if (x instanceof OverlapException o) {
                Optional<OverlapPolicy> choice = overlapResolver.apply(o);
                if (choice.isPresent()) {
                    start(new ImportTask(session.workspace(), file, choice.get(), null));
                    return;
                }
                say("Not imported: " + file.getFileName() + " overlaps earlier imports." + dropped());
                return;
            }
            fail(message(x) + dropped());
        });
        begin(t);
    }

    /** Runs {@code t} (its outcome handlers set) as the import in progress: its progress and message show until {@link #finish}. */
    private void begin(BackgroundTask<?> t) {
        task = t;
        // Progress that arrives after the outcome (queued behind it) would leave the idle bar part-filled.
        t.onProgress(x -> {
                    if (running.get()) progress.set(x);
                })
                .onMessage(this::progressMessage);
        progress.set(0);
        status.set("");
        error.set(false);
        running.set(true);
        background.execute(t);
    }

    private void next() {
        if (!queued.isEmpty()) start(new ImportTask(session.workspace(), queued.poll(), OverlapPolicy.REFUSE, null));
    }

    private void cancelled(Path file) {
        say("Import of " + file.getFileName() + " cancelled; nothing was stored." + dropped());
    }

    /** Forgets the queued files, saying how many there were. */
    private String dropped() {
        int n = queued.size();
        queued.clear();
        return n == 0 ? "" : " " + n + " more file" + (n == 1 ? " was" : "s were") + " not imported.";
    }

    private static String billingDone(Path file, ImportResult r) {
        ImportRecord i = r.record();
        return String.format(
                Locale.US,
                "Imported %s: %s, %,d rows in %.1f s%s%s.",
                file.getFileName(),
                i.format(),
                i.rows(),
                i.seconds(),
                r.replacedRows() > 0 ? String.format(Locale.US, ", replacing %,d earlier rows", r.replacedRows()) : "",
                r.notes().isEmpty() ? "" : " Note: " + String.join(" ", r.notes()));
    }

    private static String logDone(Path file, LogImportResult r, boolean detected) {
        ImportEntry i = ImportEntry.of(r.record());
        return String.format(
                Locale.US,
                "Imported %s as request-log import #%d%s: %,d requests%s in %.1f s.\nMapping: %s (%s): %s.%s",
                file.getFileName(),
                i.id(),
                detected ? " (not a billing export)" : "",
                i.rows(),
                i.period().isEmpty() ? "" : ", " + i.period() + " UTC",
                r.record().seconds(),
                i.format(),
                r.layout().code(),
                r.mapping().describe(),
                r.notes().stream().map(n -> "\nNote: " + n).collect(java.util.stream.Collectors.joining()));
    }

    /**
     * Fills the session's workspace with the demo data ({@link DemoWorkspace}) if it holds no imports yet,
     * as on the app's first start; in the background with progress, message and Cancel, like an import.
     * {@code onCreated} runs on the FX thread once the demo is there (not when there was nothing to do).
     */
    public void createDemoIfEmpty(Runnable onCreated) {
        if (running.get()) return;
        Path workspace = session.workspace();
        long startNanos = System.nanoTime();
        BackgroundTask<DemoWorkspace.Created> t = BackgroundTask.of(context -> createDemo(workspace, context));
        t.onSuccess(c -> {
            finish(true);
            if (c == null) {
                say("");
                return;
            }
            session.use(c.workspace());
            updateRecent();
            say(String.format(
                    Locale.US,
                    "Created the demo workspace %s: October 2026 of a simulated chat and embeddings fleet"
                            + " (%,.0f requests), its FOCUS bill of %,d lines imported in %.1f s. Regenerate it with"
                            + " 'frontier demo --workspace %s'.",
                    c.workspace(),
                    c.simulation().metric("requests"),
                    c.billing().record().rows(),
                    (System.nanoTime() - startNanos) / 1e9,
                    c.workspace()));
            refresh();
            onCreated.run();
        });
        t.onCancelled(() -> {
            finish();
            say("Creation of the demo workspace cancelled; it stays empty.");
        });
        t.onFailure(x -> {
            finish();
            fail("Cannot create the demo workspace: " + message(x));
        });
        begin(t);
    }

    /** Asks the running import (or demo creation) to stop; it rolls back. */
    public void cancel() {
        if (task != null && running.get()) task.cancel();
    }

    /** Deletes an import (billing or request log) and its rows. */
    public void delete(ImportEntry entry) {
        Path file = session.workspace();
        background.execute(BackgroundTask.of(context -> {
                    try (Workspace ws = Workspace.open(file)) {
                        ws.setBusyNotice(m -> context.message("Deleting " + entry.describe() + ": " + m));
                        return entry.isLog()
                                ? ws.requestLogs().deleteImport(entry.id())
                                : ws.billing().deleteImport(entry.id());
                    }
                })
                .onMessage(this::say)
                .onSuccess(deleted -> {
                    say("Deleted " + entry.describe() + ".");
                    session.changed();
                    refresh();
                })
                .onFailure(x -> fail(message(x))));
    }

    public void shutdown() {
        cancel();
        background.shutdown();
    }

    private void finish() {
        finish(false);
    }

    /**
     * Ends the task in progress: the bar is full when it was done, empty when it was cancelled or failed — never left
     * part-filled (the last progress report comes before the end) nor animating as if work went on.
     */
    private void finish(boolean done) {
        progress.set(done ? 1 : 0);
        running.set(false);
    }

    /** A message of the work in progress; none arrives after its outcome is shown. */
    private void progressMessage(String s) {
        if (running.get()) status.set(s);
    }

    private void say(String s) {
        error.set(false);
        status.set(s);
    }

    private void fail(String s) {
        error.set(true);
        status.set(s);
    }

    private static String message(Throwable x) {
        return frontier.app.Messages.of(x);
    }

    /**
     * The demo's simulation (70% of the progress bar) and import (30%), off the FX thread, with cancel; null
     * when {@code workspace} already holds imports.
     */
    private static DemoWorkspace.Created createDemo(Path workspace, TaskContext context) {
        if (Files.exists(workspace)) {
            try (Workspace ws = Workspace.open(workspace)) {
                boolean empty = ws.billing().imports().isEmpty()
                        && ws.requestLogs().imports().isEmpty();
                // A demo without its request log was left by a Frontier whose demo build was not atomic: made again.
                if (!empty && !(DemoWorkspace.isDemo(ws) && !DemoWorkspace.isComplete(ws))) return null;
            }
        }
        String name = "Creating the demo workspace " + workspace.getFileName();
        context.message(name + ": simulating a month of a chat and embeddings fleet…");
        RunControl simulation = new RunControl() {
            @Override
            public boolean isCancelled() {
                return context.isCancelled();
            }

            @Override
            public void progress(double fraction) {
                context.progress(0.7 * fraction);
            }
        };
        return DemoWorkspace.create(
                workspace,
                DemoData.DEFAULT_SEED,
                simulation,
                context.importMonitor(
                        0.7,
                        1,
                        (rows, bytes, total) ->
                                String.format(Locale.US, "%s: importing its bill, %,d rows…", name, rows),
                        name + ": "));
    }

    /**
     * One import off the FX thread, with rows/bytes progress and cancel: with {@code log} options as a
     * request log, else as a billing export and, if that is no known format, as a request log with a
     * detected mapping.
     */
    private static final class ImportTask {
        private final Path workspace;
        private final Path file;
        private final OverlapPolicy policy;
        private final LogReadOptions log;

        ImportTask(Path workspace, Path file, OverlapPolicy policy, LogReadOptions log) {
            this.workspace = workspace;
            this.file = file;
            this.policy = policy;
            this.log = log;
        }

        FileImport.Outcome call(TaskContext context) {
            try (Workspace ws = Workspace.open(workspace)) {
                if (log != null) {
                    context.message("Importing " + file.getFileName() + " as a request log…");
                    return new FileImport.Outcome(
                            null, ws.requestLogs().importFile(file, log, false, monitor(context, "requests")));
                }
                context.message("Importing " + file.getFileName() + "…");
                return FileImport.billingElseLog(
                        ws,
                        file,
                        ReadOptions.DETECT,
                        policy,
                        monitor(context, "rows"),
                        () -> {
                            context.message("Importing " + file.getFileName() + " as a request log…");
                            return monitor(context, "requests");
                        },
                        " (for a log, choose its preset and use Import request logs…)");
            }
        }

        private frontier.store.ImportMonitor monitor(TaskContext context, String unit) {
            return context.importMonitor(
                    0,
                    1,
                    (rows, bytes, total) -> String.format(
                            Locale.US,
                            "Importing %s: %,d %s, %,.1f of %,.1f MB",
                            file.getFileName(),
                            rows,
                            unit,
                            bytes / 1e6,
                            total / 1e6),
                    "Importing " + file.getFileName() + ": ");
        }
    }

    /** The import history, billing and request logs, oldest first. */
    public ObservableList<ImportEntry> imports() {
        return imports;
    }

    /** The recently used workspaces, newest (the current one) first. */
    public ObservableList<Path> recentWorkspaces() {
        return recent;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    public BillingSession session() {
        return session;
    }
}
