package frontier.cli;

import frontier.ingest.logs.LogReadOptions;
import frontier.store.ImportMonitor;
import frontier.store.LogImportResult;
import frontier.store.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frontier bench logs}: generates a gateway-style request log CSV (unless it exists), imports it into a
 * fresh workspace through the same {@code RequestLogs} import as {@code frontier logs import}, and prints one
 * RESULT line with rows/s and peak heap.
 */
@Command(
        name = "logs",
        mixinStandardHelpOptions = true,
        description = "Import throughput of a generated request log CSV (rows/s, peak heap).")
final class BenchLogs implements Callable<Integer> {
    static final String HEADER =
            "timestamp,endpoint,model,status,latency_ms,input_tokens,output_tokens,request_id,region";
    private static final String[] ENDPOINTS = {"chat", "search", "embed", "vision", "batch"};
    private static final String[] MODELS = {
        "llama-3.1-70b", "llama-3.1-8b", "mistral-7b", "e5-large", "qwen2-vl-7b", "gpt-4o-mini", "phi-3", "bge-m3"
    };
    private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2"};

    @Spec
    CommandSpec spec;

    @Option(
            names = "--rows",
            defaultValue = "5000000",
            description = "Data rows to generate (default ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--file", description = "The CSV (generated if absent; default target/bench/requests-<rows>.csv).")
    Path file;

    @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--drop-attrs", description = "Import with attrs=drop (request_id and region not stored).")
    boolean dropAttrs;

    @Option(names = "--keep", description = "Keep the workspace (in the file's directory).")
    boolean keep;

    @Override
    public Integer call() throws IOException {
        Numbers.atLeast("--rows", rows, 1);
        PrintWriter out = spec.commandLine().getOut();
        Path csv = file != null ? file : Path.of("target", "bench", "requests-" + rows + ".csv");
        ImportBench.generateIfAbsent(out, csv, rows, seed, BenchLogs::write);
        Path db = csv.toAbsolutePath().getParent().resolve("bench-logs-workspace.sqlite");
        ImportBench.deleteDb(db);
        ImportBench.resetPeakHeap();
        long t0 = System.nanoTime();
        LogImportResult r;
        LogReadOptions options = new LogReadOptions(null, dropAttrs ? Map.of("attrs", "drop") : Map.of(), null, 0);
        try (Workspace ws = Workspace.open(db)) {
            r = ws.requestLogs().importFile(csv, options, false, ImportMonitor.NONE);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        long peak = ImportBench.peakHeapBytes();
        out.println(String.format(
                Locale.ROOT,
                "RESULT tool=frontier-logs rows=%d bytes=%d attrs=%s wall_s=%.3f rows_per_s=%.0f peak_heap_mb=%.1f"
                        + " max_heap_mb=%.0f db_bytes=%d",
                r.record().rows(),
                Files.size(csv),
                dropAttrs ? "drop" : "keep",
                wall,
                r.record().rows() / wall,
                peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0,
                Files.size(db)));
        out.flush();
        if (!keep) ImportBench.deleteDb(db);
        return FrontierCli.OK;
    }

    /**
     * Writes {@code rows} requests over one week from 2025-06-01, a few seconds out of order now and then, with
     * a skewed mix of endpoints and models, 2 % errors, lognormal-ish latencies and token counts. Same seed, same bytes.
     */
    static void write(Path file, long rows, long seed) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        SplittableRandom rnd = new SplittableRandom(seed);
        long start = Instant.parse("2025-06-01T00:00:00Z").toEpochMilli();
        double step = 7 * 86400_000.0 / rows;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            w.write(HEADER);
            w.write('\n');
            StringBuilder b = new StringBuilder(160);
            for (long i = 0; i < rows; i++) {
                b.setLength(0);
                long ms = start + (long) (i * step) - (rnd.nextInt(100) == 0 ? rnd.nextInt(5000) : 0);
                b.append(Instant.ofEpochMilli(ms)).append(',');
                int e = Math.min(rnd.nextInt(8), 4);
                b.append(ENDPOINTS[e])
                        .append(',')
                        .append(MODELS[(e * 2 + rnd.nextInt(2)) % MODELS.length])
                        .append(',');
                int s = rnd.nextInt(100);
                b.append(s < 98 ? "200" : s == 98 ? "429" : "503").append(',');
                double latency = Math.exp(5 + rnd.nextGaussian() * 0.8);
                b.append(String.format(Locale.ROOT, "%.1f", latency)).append(',');
                b.append((long) Math.exp(6 + rnd.nextGaussian()))
                        .append(',')
                        .append((long) Math.exp(4 + rnd.nextGaussian()))
                        .append(',');
                b.append(Long.toHexString(rnd.nextLong()))
                        .append(',')
                        .append(REGIONS[rnd.nextInt(REGIONS.length)])
                        .append('\n');
                w.append(b);
            }
        }
    }
}
