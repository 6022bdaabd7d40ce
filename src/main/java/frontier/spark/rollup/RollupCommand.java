package frontier.spark.rollup;

import frontier.ingest.BillingFormat;
import frontier.spark.session.SparkSessions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rollup INPUT... --out DIR [--tags team,endpoint]}: the daily roll-up of billing exports (docs/spark.md). */
@Command(
        name = "rollup",
        mixinStandardHelpOptions = true,
        description = {
            "Daily roll-up of billing exports too big for a workspace (AWS CUR 2.0 Parquet/CSV, FOCUS, and the other formats"
                    + " the import reads) into one frontier-rollup file that 'frontier import' loads.",
            "INPUT is a file, a folder (read recursively) or a glob, on any file system the cluster has (s3a://, abfss://, gs://)."
        })
public final class RollupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Export files, folders or globs.")
    List<String> inputs = new ArrayList<>();

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Folder to write " + SparkRollup.FILE_NAME + " into (replaced if present).")
    String out;

    @Option(
            names = "--tags",
            split = ",",
            paramLabel = "KEY",
            description = "Tag keys to keep as dimensions, as the workspace stores them (e.g. user:team).")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "Insist on a format (focus, aws-cur, azure, gcp, oci) instead of detecting it per file.")
    String format;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (default: spark-submit's, else local[*]).")
    String master;

    @Override
    public Integer call() {
        BillingFormat f = format == null ? null : BillingFormat.fromCode(format);
        PrintWriter w = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        SparkRollup.Result r =
                SparkRollup.run(SparkSessions.open(master, "frontier rollup", false), inputs, out, tags, f);
        double s = (System.nanoTime() - t0) / 1e9;
        w.println(String.format(
                Locale.ROOT,
                "wrote %s: %,d groups from %,d billing lines in %,d file%s (%.1f s)",
                r.file(),
                r.groups(),
                r.lines(),
                r.files(),
                r.files() == 1 ? "" : "s",
                s));
        w.flush();
        return 0;
    }
}
