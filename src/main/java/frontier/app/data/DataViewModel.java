package frontier.app.data;

import frontier.demo.DemoData;
import frontier.demo.DemoWorkspace;
import frontier.ingest.ReadOptions;
import frontier.sim.BadInputException;
import frontier.sim.CancelledException;
import frontier.sim.RunControl;
import frontier.store.ImportCancelledException;
import frontier.store.ImportMonitor;
import frontier.store.ImportRecord;
import frontier.store.ImportResult;
import frontier.store.OverlapException;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import javafx.concurrent.Task;

/**
 * State and actions of the Data view: the import history, the import in progress (progress, message,
 * cancel) and its outcome. An import that overlaps earlier ones is rolled back and the
 * {@link #setOverlapResolver overlap resolver} asked what to do; if it answers, the file is imported
 * again with that policy. Use from the FX application thread only.
 */
public final class DataViewModel {
    private final BillingSession session;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "frontier-data");
        t.setDaemon(true);
        return t;
    });
    private final ObservableList<ImportRecord> imports = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding canImport = running.not();
    private Function<OverlapException, Optional<OverlapPolicy>> overlapResolver = e -> Optional.empty();
    private Task<?> task;

    public DataViewModel(BillingSession session) {
        this.session = session;
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
        Task<Boolean> t = new Task<>() {
            @Override
            protected Boolean call() {
                boolean existed = java.nio.file.Files.exists(p);
                try (Workspace ws = Workspace.open(p)) {
                    return existed;
                }
            }
        };
        t.setOnSucceeded(e -> {
            session.use(p);
            updateRecent();
            say((t.getValue() ? "Opened workspace " : "Created workspace ") + p + ".");
            refresh();
        });
        t.setOnFailed(e -> fail(message(t.getException())));
        executor.execute(t);
    }

    /** Asked (on the FX thread) when an import overlaps earlier ones: REPLACE, KEEP_BOTH, or empty to give up. */
    public void setOverlapResolver(Function<OverlapException, Optional<OverlapPolicy>> resolver) {
        this.overlapResolver = resolver;
    }

    /** Reloads the import history in the background (a workspace file that does not exist yet has none). */
    public void refresh() {
        Path file = session.workspace();
        Task<List<ImportRecord>> t = new Task<>() {
            @Override
            protected List<ImportRecord> call() {
                if (!Files.exists(file)) return List.of();
                try (Workspace ws = Workspace.open(file)) {
                    return ws.imports();
                }
            }
        };
        t.setOnSucceeded(e -> imports.setAll(t.getValue()));
        t.setOnFailed(e -> fail("Cannot read the workspace: " + message(t.getException())));
        executor.execute(t);
    }

    /** Imports {@code file} in the background, refusing overlaps first. */
    public void importFile(Path file) {
        importFile(file, OverlapPolicy.REFUSE);
    }

    private void importFile(Path file, OverlapPolicy policy) {
        if (running.get()) return;
        ImportTask t = new ImportTask(session.workspace(), file, policy);
        task = t;
        progress.bind(t.progressProperty());
        status.bind(t.messageProperty());
        error.set(false);
        running.set(true);
        t.setOnSucceeded(e -> {
            finish();
            ImportResult r = t.getValue();
            ImportRecord i = r.record();
            say(String.format(Locale.US, "Imported %s: %s, %,d rows in %.1f s%s%s.", file.getFileName(), i.format(), i.rows(),
                    i.seconds(), r.replacedRows() > 0 ? String.format(Locale.US, ", replacing %,d earlier rows", r.replacedRows()) : "",
                    r.notes().isEmpty() ? "" : " Note: " + String.join(" ", r.notes())));
            session.recent().add(session.workspace());
            updateRecent();
            session.changed();
            refresh();
        });
        t.setOnCancelled(e -> {
            finish();
            say("Import of " + file.getFileName() + " cancelled; nothing was stored.");
        });
        t.setOnFailed(e -> {
            finish();
            Throwable x = t.getException();
            if (x instanceof OverlapException o) {
                Optional<OverlapPolicy> choice = overlapResolver.apply(o);
                if (choice.isPresent()) {
                    importFile(file, choice.get());
                    return;
                }
                say("Not imported: " + file.getFileName() + " overlaps earlier imports.");
                return;
            }
            if (x instanceof ImportCancelledException) say("Import of " + file.getFileName() + " cancelled; nothing was stored.");
            else fail(message(x));
        });
        executor.execute(t);
    }

    /**
     * Fills the session's workspace with the demo data ({@link DemoWorkspace}) if it holds no imports yet,
     * as on the app's first start; in the background with progress, message and Cancel, like an import.
     * {@code onCreated} runs on the FX thread once the demo is there (not when there was nothing to do).
     */
    public void createDemoIfEmpty(Runnable onCreated) {
        if (running.get()) return;
        DemoTask t = new DemoTask(session.workspace());
        task = t;
        progress.bind(t.progressProperty());
        status.bind(t.messageProperty());
        error.set(false);
        running.set(true);
        t.setOnSucceeded(e -> {
            finish();
            DemoWorkspace.Created c = t.getValue();
            if (c == null) {
                say("");
                return;
            }
            session.use(c.workspace());
            updateRecent();
            say(String.format(Locale.US, "Created the demo workspace %s: October 2026 of a simulated chat and embeddings fleet"
                    + " (%,.0f requests), its FOCUS bill of %,d lines imported in %.1f s. Regenerate it with"
                    + " 'frontier demo --workspace %s'.", c.workspace(), c.simulation().metric("requests"), c.billing().record().rows(),
                    t.seconds(), c.workspace()));
            refresh();
            onCreated.run();
        });
        t.setOnCancelled(e -> {
            finish();
            say("Creation of the demo workspace cancelled; it stays empty.");
        });
        t.setOnFailed(e -> {
            finish();
            Throwable x = t.getException();
            if (x instanceof CancelledException || x instanceof ImportCancelledException) say("Creation of the demo workspace cancelled; it stays empty.");
            else fail("Cannot create the demo workspace: " + message(x));
        });
        executor.execute(t);
    }

    /** Asks the running import (or demo creation) to stop; it rolls back. */
    public void cancel() {
        if (task != null && running.get()) task.cancel(false);
    }

    /** Deletes an import and its rows. */
    public void delete(ImportRecord record) {
        Task<Boolean> t = new Task<>() {
            @Override
            protected Boolean call() {
                try (Workspace ws = Workspace.open(session.workspace())) {
                    return ws.deleteImport(record.id());
                }
            }
        };
        t.setOnSucceeded(e -> {
            say("Deleted import #" + record.id() + " (" + Path.of(record.source()).getFileName() + ").");
            session.changed();
            refresh();
        });
        t.setOnFailed(e -> fail(message(t.getException())));
        executor.execute(t);
    }

    public void shutdown() {
        cancel();
        executor.shutdownNow();
    }

    private void finish() {
        progress.unbind();
        status.unbind();
        running.set(false);
    }

    private void say(String s) {
        status.unbind();
        error.set(false);
        status.set(s);
    }

    private void fail(String s) {
        status.unbind();
        error.set(true);
        status.set(s);
    }

    private static String message(Throwable x) {
        return x instanceof BadInputException ? x.getMessage() : "Internal error: " + x;
    }

    /** The demo's simulation (70% of the progress bar) and import (30%), off the FX thread, with cancel. */
    private static final class DemoTask extends Task<DemoWorkspace.Created> {
        private final Path workspace;
        private final long start = System.nanoTime();

        DemoTask(Path workspace) {
            this.workspace = workspace;
        }

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        @Override
        protected DemoWorkspace.Created call() {
            if (Files.exists(workspace)) {
                try (Workspace ws = Workspace.open(workspace)) {
                    if (!ws.imports().isEmpty()) return null;
                }
            }
            updateMessage("Creating the demo workspace " + workspace.getFileName() + ": simulating a month of a chat and embeddings fleet…");
            RunControl simulation = new RunControl() {
                @Override
                public boolean isCancelled() {
                    return DemoTask.this.isCancelled();
                }

                @Override
                public void progress(double fraction) {
                    updateProgress(0.7 * fraction, 1);
                }
            };
            ImportMonitor importing = new ImportMonitor() {
                @Override
                public boolean isCancelled() {
                    return DemoTask.this.isCancelled();
                }

                @Override
                public void progress(long rows, long bytes, long total) {
                    updateProgress(0.7 + 0.3 * bytes / Math.max(total, 1), 1);
                    updateMessage(String.format(Locale.US, "Creating the demo workspace %s: importing its bill, %,d rows…",
                            workspace.getFileName(), rows));
                }
            };
            return DemoWorkspace.create(workspace, DemoData.DEFAULT_SEED, simulation, importing);
        }
    }

    /** One import off the FX thread, with rows/bytes progress and cancel. */
    private static final class ImportTask extends Task<ImportResult> {
        private final Path workspace;
        private final Path file;
        private final OverlapPolicy policy;

        ImportTask(Path workspace, Path file, OverlapPolicy policy) {
            this.workspace = workspace;
            this.file = file;
            this.policy = policy;
        }

        @Override
        protected ImportResult call() {
            updateMessage("Importing " + file.getFileName() + "…");
            try (Workspace ws = Workspace.open(workspace)) {
                return ws.importFile(file, ReadOptions.DETECT, policy, new ImportMonitor() {
                    private long last;

                    @Override
                    public boolean isCancelled() {
                        return ImportTask.this.isCancelled();
                    }

                    @Override
                    public void progress(long rows, long bytes, long total) {
                        long now = System.nanoTime();
                        if (now - last < 100_000_000L) return;
                        last = now;
                        updateProgress(bytes, Math.max(total, 1));
                        updateMessage(String.format(Locale.US, "Importing %s: %,d rows, %,.1f of %,.1f MB", file.getFileName(), rows,
                                bytes / 1e6, total / 1e6));
                    }
                });
            }
        }
    }

    public ObservableList<ImportRecord> imports() {
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
