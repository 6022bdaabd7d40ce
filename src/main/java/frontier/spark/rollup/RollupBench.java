package frontier.spark.rollup;

import frontier.ingest.ReadOptions;
import frontier.sim.BadInputException;
import frontier.spark.session.SparkSessions;
import frontier.store.ImportMonitor;
import frontier.store.ImportResult;
import frontier.store.OverlapPolicy;
import frontier.store.Workspace;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench rollup}: rows per second of the Spark roll-up of a synthetic AWS CUR 2.0 CSV (the one {@code frontier bench
 * import} generates, split into part files as exports are delivered), and of the single-machine import of the same file.
 * A benchmark, not a test: figures in docs/spark.md.
 */
@Command(
        name = "rollup",
        mixinStandardHelpOptions = true,
        description = "Rows/s of the Spark roll-up against the single-machine import.")
public final class RollupBench implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--file",
            required = true,
            paramLabel = "CSV",
            description =
                    "A CUR CSV without line breaks inside cells, e.g. target/bench/cur2-1000000.csv from 'frontier bench import --rows 1000000 --sqlite3 none'.")
    Path file;

    @Option(
            names = "--parts",
            defaultValue = "4",
            description = "Part files to split it into, beside it (default ${DEFAULT-VALUE}).")
    int parts;

    @Option(names = "--master", defaultValue = "local[2]", description = "Spark master (default ${DEFAULT-VALUE}).")
    String master;

    @Option(
            names = "--tags",
            split = ",",
            defaultValue = "user:team",
            description = "Tags kept (default ${DEFAULT-VALUE}).")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--runs",
            defaultValue = "2",
            description = "Timed runs after one warm-up run (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(
            names = "--import",
            description = "Also time the single-machine import of the file into a new workspace, in this JVM.")
    boolean importToo;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file))
            throw new BadInputException(
                    file + ": no such file (make one with 'frontier bench import --rows N --sqlite3 none')");
        if (parts < 1 || parts > 1000) throw new BadInputException("--parts: expected 1 to 1000, got " + parts);
        if (runs < 1) throw new BadInputException("--runs: expected at least 1, got " + runs);
        PrintWriter out = spec.commandLine().getOut();
        Path dir = parts == 1 ? file : split(file, parts, out);
        Path outDir = file.toAbsolutePath().resolveSibling(file.getFileName() + ".rollup");
        SparkSession spark = SparkSessions.open(master, "frontier bench rollup", false);
        List<String> in = List.of(dir.toAbsolutePath().toString());
        for (int i = 0; i <= runs; i++) {
            long t0 = System.nanoTime();
            SparkRollup.Result r = SparkRollup.run(spark, in, outDir.toString(), tags, null);
            double wall = (System.nanoTime() - t0) / 1e9;
            out.println(String.format(
                    Locale.ROOT,
                    "RESULT tool=spark-rollup%s master=%s parts=%d rows=%d groups=%d wall_s=%.3f rows_per_s=%.0f",
                    i == 0 ? "-warmup" : "",
                    spark.sparkContext().master(),
                    r.files(),
                    r.lines(),
                    r.groups(),
                    wall,
                    r.lines() / wall));
            out.flush();
        }
        if (importToo) {
            Path db = Files.createTempDirectory("frontier-bench").resolve("workspace.sqlite");
            long t0 = System.nanoTime();
            ImportResult r;
            try (Workspace ws = Workspace.open(db)) {
                r = ws.billing().importFile(file, ReadOptions.DETECT, OverlapPolicy.REFUSE, ImportMonitor.NONE);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            out.println(String.format(
                    Locale.ROOT,
                    "RESULT tool=frontier-import rows=%d wall_s=%.3f rows_per_s=%.0f",
                    r.record().rows(),
                    wall,
                    r.record().rows() / wall));
            out.flush();
            try (Stream<Path> s = Files.walk(db.getParent())) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
        return 0;
    }

    /** Splits {@code csv} by lines into {@code n} part files with its header (once: kept beside it for later runs). */
    private static Path split(Path csv, int n, PrintWriter out) throws IOException {
        Path dir = csv.toAbsolutePath().resolveSibling(csv.getFileName() + ".parts-" + n);
        if (Files.isDirectory(dir)) return dir;
        long lines;
        try (Stream<String> s = Files.lines(csv, StandardCharsets.UTF_8)) {
            lines = s.count() - 1;
        }
        Path tmp = Files.createDirectories(csv.toAbsolutePath().resolveSibling("." + dir.getFileName() + ".tmp"));
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            for (int i = 0; i < n; i++) {
                long count = lines * (i + 1) / n - lines * i / n;
                try (Writer w = new BufferedWriter(
                        Files.newBufferedWriter(tmp.resolve(String.format(Locale.ROOT, "part-%05d.csv", i))),
                        1 << 20)) {
                    w.write(header);
                    w.write('\n');
                    for (long j = 0; j < count; j++) {
                        w.write(r.readLine());
                        w.write('\n');
                    }
                }
            }
        }
        Files.move(tmp, dir);
        out.println("split " + csv + " into " + n + " parts in " + dir);
        return dir;
    }
}
