package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.ingest.logs.LogMapping;
import frontier.ingest.logs.LogPreset;
import frontier.ingest.logs.LogReadOptions;
import frontier.sim.BadInputException;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code frontier logs import FILE...}: request logs into the workspace, one transaction per file. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Imports request logs into the workspace; each file is one transaction: all of it or nothing.",
            "The mapping comes from --preset, else a preset whose columns are all in the file, else the column names;",
            "--map field=column edits it (frontier logs presets lists presets and fields)."
        })
final class LogsImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE",
            arity = "1..*",
            description = "Log files (CSV, JSON Lines, TorchServe access log; plain or .gz).")
    List<Path> files = new ArrayList<>();

    @Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Option(names = "--preset", paramLabel = "NAME", description = "A known format (frontier logs presets).")
    String preset;

    @Option(
            names = "--map",
            paramLabel = "FIELD=COLUMN",
            description =
                    "Edits the mapping, e.g. latency=duration_ms, latency_unit=s,"
                            + " timestamp_kind=epoch_ms, endpoint_value=chat, ok_values=2xx,ok, attrs=drop; an empty value unsets the field.")
    List<String> map = new ArrayList<>();

    @Option(
            names = "--start",
            paramLabel = "ISO",
            description = "The instant relative timestamps count from (default 1970-01-01T00:00Z, with a warning).")
    String start;

    @Option(
            names = "--replace",
            description = "Import a file whose content was imported before, in place of that import.")
    boolean replace;

    @Option(
            names = "--skip-bad-rows",
            paramLabel = "N",
            defaultValue = "0",
            description = "Skip up to N rows with an unusable value (default 0: the first fails the import).")
    long skipBadRows;

    @Mixin
    ImportRunner runner = new ImportRunner();

    @Option(names = "--json", description = "Print one JSON object describing the imports.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LogPreset p = null;
        if (preset != null) {
            p = LogPreset.find(preset).orElse(null);
            if (p == null)
                throw new BadInputException(
                        "--preset: unknown preset '" + preset + "'; expected one of " + LogPreset.codes());
        }
        Instant s = start == null ? null : LogMapping.instant(start, "--start");
        LogReadOptions options = new LogReadOptions(p, LogReadOptions.parseEntries(map), s, skipBadRows);
        List<LogImportResult> results = new ArrayList<>();
        try (Workspace ws = workspace.open()) {
            RequestLogs logs = ws.requestLogs();
            for (Path f : files) {
                LogImportResult r = runner.run(
                        f,
                        err,
                        "frontier-log-import-cancel",
                        false,
                        monitor -> logs.importFile(f, options, replace, monitor));
                results.add(r);
                for (String n : r.notes()) err.println("warning: " + f.getFileName() + ": " + n);
                err.flush();
                if (!json) print(r, out);
            }
        }
        if (json)
            Json.printList(
                    out,
                    workspace.path,
                    "imports",
                    results.stream().map(LogsImportCommand::toJson).toList());
        return FrontierCli.OK;
    }

    static ObjectNode toJson(LogImportResult r) {
        ObjectNode o = LogsCommand.toJson(r.record());
        o.put("layout", r.layout().code());
        o.put("replaced_requests", r.replacedRows());
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        return o;
    }

    static void print(LogImportResult r, PrintWriter out) {
        LogImportRecord i = r.record();
        out.println(String.format(
                Locale.US,
                "Imported %s as log import #%d: %,d requests, %s – %s, in %.2f s (%,.0f requests/s).",
                i.source(),
                i.id(),
                i.rows(),
                i.firstTs() == null ? "-" : LogsCommand.iso(i.firstTs()),
                i.lastTs() == null ? "-" : LogsCommand.iso(i.lastTs()),
                i.seconds(),
                i.seconds() > 0 ? i.rows() / i.seconds() : 0.0));
        out.println("  " + (i.preset() == null ? "detected mapping" : "preset " + i.preset()) + " ("
                + r.layout().code() + "): " + r.mapping().describe());
        if (r.replacedRows() > 0)
            out.println(String.format(Locale.US, "  replaced %,d earlier requests", r.replacedRows()));
    }
}
