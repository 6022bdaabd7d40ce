package frontier.cli;

import frontier.model.Metric;
import frontier.model.PoolSpec;
import frontier.model.RunResult;
import frontier.model.RunSpec;
import frontier.model.traffic.PoissonTraffic;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioRunner;
import frontier.sim.BadInputException;
import frontier.sim.RunControl;
import frontier.sim.dist.Exponential;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code frontier bench ...}: performance benchmarks that run the real engine and model code. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks of the engine, the billing import and the request-log import.",
        subcommands = {
            BenchCommand.Mmc.class,
            BenchFleet.class,
            BenchCommand.Import.class,
            BenchSweep.class,
            BenchLogs.class,
            BenchLlm.class,
            BenchCosts.class,
            BenchLlmPool.class
        })
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "a benchmark is required, e.g. 'bench mmc'");
    }

    /**
     * An M/M/c scenario built from the options and run through the same scenario runner, model and
     * pool as {@code simulate}; prints one RESULT line.
     */
    @Command(
            name = "mmc",
            mixinStandardHelpOptions = true,
            description = "M/M/c queue: Poisson arrivals, exponential service, c servers.")
    static final class Mmc implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--customers", required = true, description = "Customers counted after the warm-up.")
        long customers;

        @Option(
                names = "--warmup",
                defaultValue = "0",
                description = "Customers discarded first (default ${DEFAULT-VALUE}).")
        long warmup;

        @Option(names = "--lambda", required = true, description = "Arrival rate.")
        double lambda;

        @Option(names = "--mu", required = true, description = "Service rate per server.")
        double mu;

        @Option(names = "--servers", required = true, description = "Number of servers c.")
        int servers;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--jit-warmup",
                defaultValue = "2000000",
                paramLabel = "N",
                description =
                        "Customers of an untimed run of the same scenario (seed + 1) first, repeated (at most 10 times) while the"
                                + " JIT is still compiling, so that the timed run measures the engine rather than the JIT compiling it;"
                                + " 0 times a cold JVM (default ${DEFAULT-VALUE}).")
        long jitWarmup;

        @Option(
                names = "--hand-loop",
                description =
                        "Also run a hand-written M/M/c loop (same events, generator and samplers;"
                                + " JIT-warmed the same way) after the engine, and print its line and the engine's speed relative to it.")
        boolean handLoop;

        @Option(
                names = "--rounds",
                defaultValue = "1",
                paramLabel = "N",
                description =
                        "Time the engine (and, with --hand-loop, the hand loop right after it) N times in this process,"
                                + " alternating; with --hand-loop and N > 1, a last line gives the median ratio and its range"
                                + " (default ${DEFAULT-VALUE}).")
        int rounds;

        @Override
        public Integer call() {
            Numbers.atLeast("--customers", customers, 1);
            Numbers.atLeast("--jit-warmup", jitWarmup, 0);
            Numbers.atLeast("--warmup", warmup, 0);
            Numbers.atLeast("--rounds", rounds, 1);
            if (!(lambda > 0) || !(mu > 0)) throw new BadInputException("--lambda and --mu: expected rates > 0");
            Numbers.atLeast("--servers", servers, 1);
            if (lambda >= servers * mu) {
                throw new BadInputException("--lambda: the queue is unstable (lambda >= servers * mu = " + servers * mu
                        + "); the mean wait would grow without bound");
            }
            Scenario s = new Scenario(
                    "bench-mmc",
                    "",
                    new PoissonTraffic(lambda),
                    new PoolSpec("mmc", servers, new Exponential(null, mu), null, null),
                    new RunSpec(null, customers, null, warmup == 0 ? null : warmup, 1, seed),
                    null);
            ScenarioRunner runner = new ScenarioRunner(1);
            if (jitWarmup > 0) {
                // Same shape as the timed run (a warm-up phase, then counted customers), so no code path is new to the
                // JIT.
                Scenario w = s.withRun(new RunSpec(
                        null,
                        jitWarmup,
                        null,
                        warmup == 0 ? null : Math.max(1, warmup * jitWarmup / customers),
                        1,
                        seed + 1));
                untilCompiled(() -> runner.run(w, RunControl.NONE));
            }
            java.lang.management.ThreadMXBean thread = java.lang.management.ManagementFactory.getThreadMXBean();
            double[] wallRatio = new double[rounds];
            double[] cpuRatio = new double[rounds];
            double[] threadCpuRatio = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long cpu0 = processCpuNanos();
                long thread0 = thread.getCurrentThreadCpuTime();
                RunResult r = runner.run(s, RunControl.NONE).replications().getFirst();
                long engineCpu = processCpuNanos() - cpu0;
                long engineThreadCpu = thread.getCurrentThreadCpuTime() - thread0;
                spec.commandLine()
                        .getOut()
                        .println(String.format(
                                Locale.ROOT,
                                "RESULT customers=%d wq=%.6f w=%.6f pwait=%.6f wall_s=%.3f",
                                (long) r.metric(Metric.COMPLETED),
                                r.metric(Metric.WAIT.getFirst()) / 1000,
                                r.metric(Metric.LATENCY_MEAN) / 1000,
                                r.metric(Metric.P_WAIT),
                                r.wallSeconds()));
                if (!handLoop) continue;
                if (jitWarmup > 0 && round == 0)
                    untilCompiled(() -> HandLoopMmc.run(
                            jitWarmup,
                            warmup == 0 ? 0 : Math.max(1, warmup * jitWarmup / customers),
                            lambda,
                            mu,
                            servers,
                            seed + 1));
                long cpu1 = processCpuNanos();
                long thread1 = thread.getCurrentThreadCpuTime();
                HandLoopMmc.Result h = HandLoopMmc.run(customers, warmup, lambda, mu, servers, seed);
                long handCpu = processCpuNanos() - cpu1;
                long handThreadCpu = thread.getCurrentThreadCpuTime() - thread1;
                spec.commandLine()
                        .getOut()
                        .println(String.format(
                                Locale.ROOT,
                                "HAND_LOOP customers=%d wq=%.6f w=%.6f pwait=%.6f wall_s=%.3f",
                                h.customers(),
                                h.wq(),
                                h.w(),
                                h.pwait(),
                                h.wallS()));
                wallRatio[round] = ratio(h.wallS(), r.wallSeconds());
                cpuRatio[round] = ratio(handCpu, engineCpu);
                threadCpuRatio[round] = ratio(handThreadCpu, engineThreadCpu);
                // CPU time of the whole process (GC included) is steadier than wall time on a shared machine.
                spec.commandLine()
                        .getOut()
                        .println(String.format(
                                Locale.ROOT,
                                "RATIO engine_speed/hand_loop_speed wall=%s cpu=%s",
                                twoDecimals(wallRatio[round]),
                                twoDecimals(cpuRatio[round])));
            }
            if (handLoop && rounds > 1) {
                // The median of alternating rounds in one process: load that comes and goes hits both arms alike.
                spec.commandLine()
                        .getOut()
                        .println(String.format(
                                Locale.ROOT,
                                "MEDIAN engine_speed/hand_loop_speed rounds=%d wall=%s cpu=%s thread_cpu=%s",
                                rounds,
                                medianAndRange(wallRatio),
                                medianAndRange(cpuRatio),
                                medianAndRange(threadCpuRatio)));
            }
            return FrontierCli.OK;
        }
    }

    /**
     * Runs {@code round} once, then again while the JIT compiled for more than 2% of the round's wall time
     * during it (at most 10 rounds): on a busy machine the compiler threads get little CPU and one round
     * does not leave the code compiled. Without a compilation-time bean, one round.
     */
    static void untilCompiled(Runnable round) {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
        for (int i = 0; i < 10; i++) {
            long compiledMs = measurable ? jit.getTotalCompilationTime() : 0;
            long start = System.nanoTime();
            round.run();
            double wallMs = (System.nanoTime() - start) / 1e6;
            if (!measurable || jit.getTotalCompilationTime() - compiledMs <= 0.02 * wallMs) return;
        }
    }

    /**
     * {@code num / den}, or NaN when either is not positive: a run shorter than the CPU clock's tick reads 0 ns
     * of CPU, and its ratio (0 or infinity) would say nothing.
     */
    static double ratio(double num, double den) {
        return num > 0 && den > 0 ? num / den : Double.NaN;
    }

    /** Two decimals, or "n/a" for a ratio that could not be measured. */
    static String twoDecimals(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
    }

    /** "median (min–max)" of the ratios that could be measured, two decimals; "n/a" when none could. */
    static String medianAndRange(double[] ratios) {
        double[] sorted = java.util.Arrays.stream(ratios)
                .filter(v -> !Double.isNaN(v))
                .sorted()
                .toArray();
        int n = sorted.length;
        if (n == 0) return "n/a";
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return String.format(Locale.ROOT, "%.2f(%.2f-%.2f)", median, sorted[0], sorted[n - 1]);
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getPlatformMXBean(com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    /**
     * Billing import throughput: generates a CUR 2.0 CSV (unless it exists), imports it into a fresh
     * workspace and, side by side, runs the sqlite3 shell's {@code .import} of the same file. Prints one
     * RESULT line per tool.
     */
    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Import throughput of a generated AWS CUR 2.0 CSV, side by side with sqlite3 .import.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(
                names = "--rows",
                defaultValue = "3000000",
                description = "Data rows to generate (default ${DEFAULT-VALUE}).")
        long rows;

        @Option(names = "--file", description = "The CSV (generated if absent; default target/bench/cur2-<rows>.csv).")
        java.nio.file.Path file;

        @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(
                names = "--sqlite3",
                defaultValue = "/usr/bin/sqlite3",
                description = "sqlite3 shell to compare with, or 'none' (default ${DEFAULT-VALUE}).")
        String sqlite3;

        @Option(names = "--keep", description = "Keep the workspace and sqlite3 databases (in the file's directory).")
        boolean keep;

        @Override
        public Integer call() throws Exception {
            Numbers.atLeast("--rows", rows, 1);
            java.io.PrintWriter out = spec.commandLine().getOut();
            java.nio.file.Path csv =
                    file != null ? file : java.nio.file.Path.of("target", "bench", "cur2-" + rows + ".csv");
            ImportBench.generateIfAbsent(out, csv, rows, seed, CurGenerator::write);
            long bytes = java.nio.file.Files.size(csv);
            java.nio.file.Path dir = csv.toAbsolutePath().getParent();
            java.nio.file.Path db = dir.resolve("bench-workspace.sqlite");
            ImportBench.deleteDb(db);
            ImportBench.resetPeakHeap();
            long t0 = System.nanoTime();
            frontier.store.ImportResult r;
            try (frontier.store.Workspace ws = frontier.store.Workspace.open(db)) {
                r = ws.billing()
                        .importFile(
                                csv,
                                frontier.ingest.ReadOptions.DETECT,
                                frontier.store.OverlapPolicy.REFUSE,
                                frontier.store.ImportMonitor.NONE);
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            long peak = ImportBench.peakHeapBytes();
            out.println(String.format(
                    Locale.ROOT,
                    "RESULT tool=frontier rows=%d bytes=%d wall_s=%.3f rows_per_s=%.0f peak_heap_mb=%.1f max_heap_mb=%.0f db_bytes=%d",
                    r.record().rows(),
                    bytes,
                    wall,
                    r.record().rows() / wall,
                    peak / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0,
                    java.nio.file.Files.size(db)));
            out.flush();
            if (!keep) ImportBench.deleteDb(db);
            if (!sqlite3.equals("none")) {
                for (String mode : new String[] {"default", "wal-normal"}) {
                    java.nio.file.Path sdb = dir.resolve("bench-sqlite3-" + mode + ".db");
                    ImportBench.deleteDb(sdb);
                    String script =
                            (mode.equals("wal-normal") ? "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n" : "")
                                    + ".mode csv\n.import '"
                                    + csv.toAbsolutePath().toString().replace("'", "''")
                                    + "' cur\nSELECT count(*) FROM cur;\n";
                    long s0 = System.nanoTime();
                    Process p = new ProcessBuilder(sqlite3, sdb.toString())
                            .redirectErrorStream(true)
                            .start();
                    try (var in = p.getOutputStream()) {
                        in.write(script.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    String output = new String(
                                    p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                            .strip();
                    int code = p.waitFor();
                    double sw = (System.nanoTime() - s0) / 1e9;
                    String[] lines = output.split("\\R");
                    long n = code == 0 ? Long.parseLong(lines[lines.length - 1].strip()) : -1;
                    out.println(String.format(
                            Locale.ROOT,
                            "RESULT tool=sqlite3 mode=%s rows=%d bytes=%d wall_s=%.3f rows_per_s=%.0f db_bytes=%d",
                            mode,
                            n,
                            bytes,
                            sw,
                            n / sw,
                            java.nio.file.Files.exists(sdb) ? java.nio.file.Files.size(sdb) : -1));
                    out.flush();
                    if (!keep) ImportBench.deleteDb(sdb);
                }
            }
            return FrontierCli.OK;
        }
    }
}
