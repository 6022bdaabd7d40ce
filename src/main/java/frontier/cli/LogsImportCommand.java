package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.ingest.logs.LogPreset;
import frontier.ingest.logs.LogReadOptions;
import frontier.ingest.logs.LogMapping;
import frontier.sim.BadInputException;
import frontier.store.ImportCancelledException;
import frontier.store.ImportMonitor;
import frontier.store.LogImportRecord;
import frontier.store.LogImportResult;
import frontier.store.RequestLogs;
import frontier.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code frontier logs import FILE...}: request logs into the workspace, one transaction per file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports request logs into the workspace; each file is one transaction: all of it or nothing.",
                "The mapping comes from --preset, else a preset whose columns are all in the file, else the column names;",
                "--map field=column edits it (frontier logs presets lists presets and fields)."})
final class LogsImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files (CSV, JSON Lines, TorchServe access log; plain or .gz).")
    List<Path> files = new ArrayList<>();

    @Option(names = {"-w", "--workspace"}, paramLabel = "PATH", description = "Workspace file (default: ${DEFAULT-VALUE}).")
    Path workspace = Workspace.defaultPath();

    @Option(names = "--preset", paramLabel = "NAME", description = "A known format (frontier logs presets).")
    String preset;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN", description = "Edits the mapping, e.g. latency=duration_ms, latency_unit=s,"
            + " timestamp_kind=epoch_ms, endpoint_value=chat, ok_values=2xx,ok, attrs=drop; an empty value unsets the field.")
    List<String> map = new ArrayList<>();

    @Option(names = "--start", paramLabel = "ISO", description = "The instant relative timestamps count from (default 1970-01-01T00:00Z, with a warning).")
    String start;

    @Option(names = "--replace", description = "Import a file whose content was imported before, in place of that import.")
    boolean replace;

    @Option(names = "--skip-bad-rows", paramLabel = "N", defaultValue = "0", description = "Skip up to N rows with an unusable value (default 0: the first fails the import).")
    long skipBadRows;

    @Option(names = "--progress", description = "Show progress on stderr even when it is not a terminal.")
    boolean progress;

    @Option(names = "--json", description = "Print one JSON object describing the imports.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogPreset p = null;
        if (preset != null) {
            p = LogPreset.fromCode(preset);
            if (p == null) throw new BadInputException("--preset: unknown preset '" + preset + "'; expected one of " + LogPreset.codes());
        }
        Instant s = start == null ? null : LogMapping.instant(start, "--start");
        LogReadOptions options = new LogReadOptions(p, LogReadOptions.parseEntries(map), s, skipBadRows);
        boolean showProgress = progress || System.console() != null;
        List<LogImportResult> results = new ArrayList<>();
        try (Workspace ws = Workspace.open(workspace)) {
            for (Path f : files) {
                LogImportResult r = importOne(ws.requestLogs(), f, options, showProgress ? err : null);
                results.add(r);
                for (String n : r.notes()) err.println("warning: " + f.getFileName() + ": " + n);
                err.flush();
                if (!json) print(r, out);
            }
        }
        if (json) {
            ObjectNode root = LogsCommand.JSON.createObjectNode();
            root.put("workspace", workspace.toAbsolutePath().toString());
            ArrayNode arr = root.putArray("imports");
            for (LogImportResult r : results) {
                ObjectNode o = LogsCommand.toJson(r.record());
                o.put("layout", r.layout().code());
                o.put("replaced_requests", r.replacedRows());
                ArrayNode notes = o.putArray("notes");
                r.notes().forEach(notes::add);
                arr.add(o);
            }
            out.println(LogsCommand.JSON.writeValueAsString(root));
        }
        return FrontierCli.OK;
    }

    /** Imports one file; Ctrl-C during it cancels and rolls it back before the JVM exits. */
    private LogImportResult importOne(RequestLogs logs, Path f, LogReadOptions options, PrintWriter progressOut) {
        AtomicBoolean cancel = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cancel.set(true);
            try {
                done.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "frontier-log-import-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        ImportCommand.ProgressLine line = progressOut == null ? null : new ImportCommand.ProgressLine(progressOut, f.getFileName().toString());
        try {
            return logs.importFile(f, options, replace, new ImportMonitor() {
                @Override
                public boolean isCancelled() {
                    return cancel.get();
                }

                @Override
                public void progress(long rows, long bytes, long totalBytes) {
                    if (line != null) line.update(rows, bytes, totalBytes);
                }
            });
        } catch (ImportCancelledException e) {
            throw new BadInputException(e.getMessage());
        } finally {
            if (line != null) line.finish();
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for done, which is now counted down
            }
        }
    }

    private static void print(LogImportResult r, PrintWriter out) {
        LogImportRecord i = r.record();
        out.println(String.format(Locale.US, "Imported %s as log import #%d: %,d requests, %s – %s, in %.2f s (%,.0f requests/s).", i.source(), i.id(),
                i.rows(), i.firstTs() == null ? "-" : LogsCommand.iso(i.firstTs()), i.lastTs() == null ? "-" : LogsCommand.iso(i.lastTs()),
                i.seconds(), i.seconds() > 0 ? i.rows() / i.seconds() : 0.0));
        out.println("  " + (i.preset() == null ? "detected mapping" : "preset " + i.preset()) + " (" + r.layout().code() + "): "
                + r.mapping().describe());
        if (r.replacedRows() > 0) out.println(String.format(Locale.US, "  replaced %,d earlier requests", r.replacedRows()));
    }
}
