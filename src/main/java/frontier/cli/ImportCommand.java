package frontier.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.ingest.BillingFormat;
import frontier.ingest.CostBasis;
import frontier.ingest.ReadOptions;
import frontier.sim.BadInputException;
import frontier.store.AccountPeriod;
import frontier.store.FileImport;
import frontier.store.ImportRecord;
import frontier.store.ImportResult;
import frontier.store.OverlapPolicy;
import frontier.store.Periods;
import frontier.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code frontier import FILE...}: billing exports into the workspace, one transaction per file. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Imports billing exports (FOCUS, AWS CUR legacy/2.0 incl. manifests, Azure EA/MCA, GCP BigQuery CSV/JSONL,",
            "OCI cost reports; plain, .gz, .zip or Parquet) into the workspace. Each file is one transaction: all of it or nothing.",
            "Without --format, a file that is no known billing export but a request log with recognisable columns is imported as",
            "a request log (as 'frontier logs import' without --preset)."
        })
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE",
            arity = "0..*",
            description = "Export files or AWS CUR manifests (*Manifest.json).")
    List<Path> files = new ArrayList<>();

    @Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Insist on a format: focus, aws-cur, azure, gcp, oci, frontier-rollup (default: detect).")
    String format;

    @Option(
            names = "--azure-cost",
            paramLabel = "BASIS",
            description = "Azure exports: actual or amortized (default: from the file name, else actual).")
    String azureCost;

    static final class Policy {
        @Option(
                names = "--replace",
                description =
                        "Replace earlier rows of the same accounts in the new file's period (and an identical earlier import).")
        boolean replace;

        @Option(
                names = "--keep-both",
                description = "Keep earlier rows that overlap (the overlap is then counted twice).")
        boolean keepBoth;
    }

    @ArgGroup(exclusive = true)
    Policy policy;

    @Mixin
    ImportRunner runner = new ImportRunner();

    @Option(names = "--json", description = "Print one JSON object describing the imports.")
    boolean json;

    @Option(names = "--list", description = "List the imports in the workspace instead of importing.")
    boolean list;

    @Option(names = "--delete", paramLabel = "ID", description = "Delete import ID and its rows.")
    Long delete;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list || delete != null) {
            if (!files.isEmpty()) throw new BadInputException("--list and --delete take no FILE");
            try (Workspace ws = workspace.open()) {
                if (delete != null) {
                    if (!ws.billing().deleteImport(delete))
                        throw new BadInputException("--delete: no import #" + delete + " in " + workspace.path);
                    if (!json) out.println("Deleted import #" + delete + ".");
                }
                if (list || json) printList(ws.billing().imports(), out);
            }
            return FrontierCli.OK;
        }
        if (files.isEmpty()) throw new BadInputException("import: expected at least one FILE (or --list)");
        ReadOptions read = readOptions();
        OverlapPolicy p = policy == null
                ? OverlapPolicy.REFUSE
                : policy.replace ? OverlapPolicy.REPLACE : OverlapPolicy.KEEP_BOTH;
        List<ObjectNode> results = new ArrayList<>();
        try (Workspace ws = workspace.open()) {
            for (Path f : files) {
                FileImport.Outcome r = runner.run(
                        f,
                        err,
                        "frontier-import-cancel",
                        true,
                        monitor -> FileImport.billingElseLog(
                                ws,
                                f,
                                read,
                                p,
                                monitor,
                                () -> monitor,
                                " (for a log with a preset: frontier logs import --preset NAME)"));
                if (r.isLog()) {
                    for (String n : r.log().notes()) err.println("warning: " + f.getFileName() + ": " + n);
                    err.flush();
                    results.add(LogsImportCommand.toJson(r.log()).put("imported_as", "request_log"));
                    if (!json) LogsImportCommand.print(r.log(), out);
                } else {
                    results.add(toJson(r.billing()));
                    if (!json) printResult(r.billing(), out);
                }
            }
        }
        if (json) Json.printList(out, workspace.path, "imports", results);
        return FrontierCli.OK;
    }

    private ReadOptions readOptions() {
        BillingFormat f = null;
        if (format != null) f = BillingFormat.fromCode(format);
        CostBasis b = null;
        if (azureCost != null) {
            b = switch (azureCost.toLowerCase(Locale.ROOT)) {
                case "actual" -> CostBasis.ACTUAL;
                case "amortized", "amortised" -> CostBasis.AMORTIZED;
                default ->
                    throw new BadInputException("--azure-cost: expected actual or amortized, got '" + azureCost + "'");
            };
        }
        return new ReadOptions(f, b);
    }

    private static void printResult(ImportResult r, PrintWriter out) {
        ImportRecord i = r.record();
        out.println(String.format(
                Locale.US,
                "Imported %s as #%d: %s, %,d rows, %s, in %.2f s (%,.0f rows/s).",
                i.source(),
                i.id(),
                i.format(),
                i.rows(),
                period(i),
                i.seconds(),
                i.seconds() > 0 ? i.rows() / i.seconds() : 0.0));
        for (AccountPeriod a : r.accounts()) {
            out.println(String.format(
                    Locale.US,
                    "  %s account %s: %s, %,d rows",
                    a.provider(),
                    a.billingAccount(),
                    Periods.range(a.start(), a.end()),
                    a.rows()));
        }
        if (r.replacedRows() > 0)
            out.println(String.format(Locale.US, "  replaced %,d earlier rows", r.replacedRows()));
        for (String n : r.notes()) out.println("  note: " + n);
    }

    private static String period(ImportRecord i) {
        return i.periodStart() == null ? "no charges" : Periods.range(i.periodStart(), i.periodEnd());
    }

    private void printList(List<ImportRecord> imports, PrintWriter out) throws Exception {
        if (json) {
            Json.printList(
                    out,
                    workspace.path,
                    "imports",
                    imports.stream().map(ImportCommand::toJson).toList());
            return;
        }
        if (imports.isEmpty()) {
            out.println("No imports in " + workspace.path + ".");
            return;
        }
        out.println(String.format(
                Locale.US, "%4s  %-20s  %-28s  %12s  %-27s  %s", "#", "imported", "format", "rows", "period", "file"));
        for (ImportRecord i : imports) {
            out.println(String.format(
                    Locale.US,
                    "%4d  %-20s  %-28s  %,12d  %-27s  %s",
                    i.id(),
                    i.importedAt().toString().substring(0, 19).replace('T', ' '),
                    i.format(),
                    i.rows(),
                    period(i),
                    i.source()));
        }
    }

    private static ObjectNode toJson(ImportResult r) {
        ObjectNode o = toJson(r.record());
        ArrayNode acc = o.putArray("accounts");
        for (AccountPeriod a : r.accounts()) {
            ObjectNode x = acc.addObject();
            x.put("provider", a.provider());
            x.put("billing_account", a.billingAccount());
            x.put("period_start", Periods.time(a.start()));
            x.put("period_end", Periods.time(a.end()));
            x.put("rows", a.rows());
        }
        o.put("replaced_rows", r.replacedRows());
        ArrayNode notes = o.putArray("notes");
        r.notes().forEach(notes::add);
        return o;
    }

    private static ObjectNode toJson(ImportRecord i) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("id", i.id());
        o.put("source", i.source());
        o.put("format", i.format());
        o.put("cost_basis", i.basis().code());
        o.put("sha256", i.sha256());
        o.put("bytes", i.bytes());
        o.put("rows", i.rows());
        if (i.periodStart() != null) {
            o.put(
                    "period_start",
                    java.time.Instant.ofEpochSecond(i.periodStart()).toString());
            o.put("period_end", java.time.Instant.ofEpochSecond(i.periodEnd()).toString());
        }
        o.put("imported_at", i.importedAt().toString());
        o.put("seconds", Math.round(i.seconds() * 1000) / 1000.0);
        return o;
    }
}
