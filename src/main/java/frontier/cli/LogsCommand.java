package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.ingest.logs.LogMapping;
import frontier.ingest.logs.LogPreset;
import frontier.store.LogGroup;
import frontier.store.LogImportRecord;
import frontier.store.LogSummary;
import frontier.store.Workspace;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frontier logs ...}: per-request inference logs into the workspace, and what they hold. */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description =
                "Imports per-request inference logs (CSV, JSON Lines, OpenTelemetry spans, TorchServe access logs; plain or .gz) and summarises them.",
        subcommands = {
            LogsImportCommand.class,
            LogsCommand.Summary.class,
            LogsCommand.Presets.class,
            LogsCommand.ListImports.class
        })
final class LogsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "a subcommand is required: import, summary, presets or list");
    }

    /** An epoch-second instant as ISO-8601 UTC, to the microsecond. */
    static String iso(double t) {
        long s = (long) Math.floor(t);
        long micros = Math.round((t - s) * 1e6);
        if (micros == 1_000_000) {
            s++;
            micros = 0;
        }
        return Instant.ofEpochSecond(s, micros * 1000).toString();
    }

    /** The workspace the log subcommands read, which must exist. */
    static Workspace existing(WorkspaceOption workspace) {
        return workspace.existing("no workspace yet; import a log first (frontier logs import FILE)");
    }

    static ObjectNode toJson(LogImportRecord i) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", i.id());
        o.put("source", i.source());
        o.put("preset", i.preset());
        o.set("mapping", mappingJson(i.mapping()));
        o.put("sha256", i.sha256());
        o.put("bytes", i.bytes());
        o.put("requests", i.rows());
        o.put("first", i.firstTs() == null ? null : iso(i.firstTs()));
        o.put("last", i.lastTs() == null ? null : iso(i.lastTs()));
        o.put("imported_at", i.importedAt().toString());
        o.put("seconds", Math.round(i.seconds() * 1000) / 1000.0);
        return o;
    }

    static ObjectNode mappingJson(String json) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        LogMapping.fromJson(json).toMap().forEach(m::put);
        return m;
    }

    /** {@code frontier logs summary}: totals over every imported request, per endpoint and model. */
    @Command(
            name = "summary",
            mixinStandardHelpOptions = true,
            description = "Requests, errors, time span and tokens of the imported logs, per endpoint and model.")
    static final class Summary implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Option(
                names = "--json",
                description =
                        "One JSON object: requests, errors, first, last, input_tokens, output_tokens, by_endpoint.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            LogSummary s;
            try (Workspace ws = existing(workspace)) {
                s = ws.requestLogs().summary();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) out.println(Json.MAPPER.writeValueAsString(toJson(s)));
            else printTable(s, out);
            return FrontierCli.OK;
        }

        ObjectNode toJson(LogSummary s) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("workspace", workspace.path.toAbsolutePath().toString());
            o.put("imports", s.imports());
            o.put("requests", s.requests());
            o.put("errors", s.errors());
            o.put("first", s.first() == null ? null : iso(s.first()));
            o.put("last", s.last() == null ? null : iso(s.last()));
            o.put("input_tokens", s.inputTokens());
            o.put("output_tokens", s.outputTokens());
            o.put("busy_seconds", round(s.busySeconds()));
            ArrayNode by = o.putArray("by_endpoint");
            Map<String, List<LogGroup>> byEndpoint = new LinkedHashMap<>();
            for (LogGroup g : s.groups())
                byEndpoint.computeIfAbsent(g.endpoint(), k -> new ArrayList<>()).add(g);
            for (Map.Entry<String, List<LogGroup>> e : byEndpoint.entrySet()) {
                ObjectNode x = by.addObject();
                x.put("endpoint", e.getKey());
                List<LogGroup> gs = e.getValue();
                x.put("requests", gs.stream().mapToLong(LogGroup::requests).sum());
                x.put("errors", gs.stream().mapToLong(LogGroup::errors).sum());
                x.put(
                        "input_tokens",
                        gs.stream().mapToLong(LogGroup::inputTokens).sum());
                x.put(
                        "output_tokens",
                        gs.stream().mapToLong(LogGroup::outputTokens).sum());
                x.put(
                        "busy_seconds",
                        round(gs.stream().mapToDouble(LogGroup::busySeconds).sum()));
                x.put(
                        "first_day",
                        gs.stream()
                                .map(LogGroup::firstDay)
                                .min(String::compareTo)
                                .orElse(null));
                x.put(
                        "last_day",
                        gs.stream()
                                .map(LogGroup::lastDay)
                                .max(String::compareTo)
                                .orElse(null));
                ArrayNode models = x.putArray("by_model");
                for (LogGroup g : gs) {
                    ObjectNode m = models.addObject();
                    m.put("model", g.model());
                    m.put("requests", g.requests());
                    m.put("errors", g.errors());
                    m.put("input_tokens", g.inputTokens());
                    m.put("output_tokens", g.outputTokens());
                    m.put("busy_seconds", round(g.busySeconds()));
                    m.put("first_day", g.firstDay());
                    m.put("last_day", g.lastDay());
                }
            }
            return o;
        }

        private void printTable(LogSummary s, PrintWriter out) {
            if (s.imports() == 0) {
                out.println("No request logs in " + workspace.path + ".");
                return;
            }
            out.println(String.format(
                    Locale.US,
                    "%,d requests (%,d errors) in %,d import%s, %s – %s",
                    s.requests(),
                    s.errors(),
                    s.imports(),
                    s.imports() == 1 ? "" : "s",
                    s.first() == null ? "-" : iso(s.first()),
                    s.last() == null ? "-" : iso(s.last())));
            out.println(String.format(
                    Locale.US,
                    "tokens: %,d in, %,d out; busy %,.1f h",
                    s.inputTokens(),
                    s.outputTokens(),
                    s.busySeconds() / 3600));
            out.println();
            out.println(String.format(
                    Locale.US,
                    "%-32s  %-32s  %12s  %8s  %14s  %14s  %10s  %-10s  %-10s",
                    "endpoint",
                    "model",
                    "requests",
                    "errors",
                    "input tokens",
                    "output tokens",
                    "busy h",
                    "first day",
                    "last day"));
            for (LogGroup g : s.groups()) {
                out.println(String.format(
                        Locale.US,
                        "%-32s  %-32s  %,12d  %,8d  %,14d  %,14d  %,10.2f  %-10s  %-10s",
                        cut(g.endpoint()),
                        cut(g.model()),
                        g.requests(),
                        g.errors(),
                        g.inputTokens(),
                        g.outputTokens(),
                        g.busySeconds() / 3600,
                        g.firstDay(),
                        g.lastDay()));
            }
        }
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String cut(String s) {
        if (s == null) return "-";
        return s.length() > 32 ? s.substring(0, 31) + "…" : s;
    }

    /** {@code frontier logs presets}: the known formats and the columns each expects. */
    @Command(
            name = "presets",
            mixinStandardHelpOptions = true,
            description = "Lists the presets (--preset NAME) with the columns each expects.")
    static final class Presets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--json",
                description = "One JSON object: presets with name, layout, title, columns and mapping.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode root = Json.MAPPER.createObjectNode();
                ArrayNode arr = root.putArray("presets");
                for (LogPreset p : LogPreset.values()) {
                    ObjectNode o = arr.addObject();
                    o.put("name", p.code());
                    o.put("layout", p.layout().code());
                    o.put("title", p.title());
                    o.put("columns", p.columns());
                    ObjectNode m = o.putObject("mapping");
                    p.mapping().forEach(m::put);
                    ArrayNode optional = o.putArray("optional");
                    p.optional().stream().sorted().forEach(optional::add);
                }
                out.println(Json.MAPPER.writeValueAsString(root));
                return FrontierCli.OK;
            }
            for (LogPreset p : LogPreset.values()) {
                out.println(String.format(
                        Locale.US,
                        "%-22s %s [%s]",
                        p.code(),
                        p.title(),
                        p.layout().code()));
                out.println("    " + p.columns());
            }
            out.println();
            out.println(
                    "Without --preset, a preset whose columns are all in the file is used, else the mapping is detected from the");
            out.println("column names. --map field=column (fields: "
                    + String.join(", ", LogMapping.KEYS.subList(1, LogMapping.KEYS.size())) + ") edits either.");
            return FrontierCli.OK;
        }
    }

    /** {@code frontier logs list}: the import history. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "Lists the request-log imports in the workspace.")
    static final class ListImports implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        WorkspaceOption workspace = new WorkspaceOption();

        @Option(names = "--json", description = "One JSON object: imports with their mapping.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            List<LogImportRecord> imports;
            try (Workspace ws = existing(workspace)) {
                imports = ws.requestLogs().imports();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Json.printList(
                        out,
                        workspace.path,
                        "imports",
                        imports.stream().map(LogsCommand::toJson).toList());
                return FrontierCli.OK;
            }
            if (imports.isEmpty()) {
                out.println("No request logs in " + workspace.path + ".");
                return FrontierCli.OK;
            }
            out.println(String.format(
                    Locale.US,
                    "%4s  %-19s  %-20s  %12s  %-20s  %-20s  %s",
                    "#",
                    "imported",
                    "preset",
                    "requests",
                    "first",
                    "last",
                    "file"));
            for (LogImportRecord i : imports) {
                out.println(String.format(
                        Locale.US,
                        "%4d  %-19s  %-20s  %,12d  %-20s  %-20s  %s",
                        i.id(),
                        i.importedAt().toString().substring(0, 19).replace('T', ' '),
                        i.preset() == null ? "(detected)" : i.preset(),
                        i.rows(),
                        i.firstTs() == null ? "-" : iso(i.firstTs()).substring(0, 19),
                        i.lastTs() == null ? "-" : iso(i.lastTs()).substring(0, 19),
                        i.source()));
            }
            return FrontierCli.OK;
        }
    }
}
