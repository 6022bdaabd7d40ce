package frontier.cli;

import frontier.demo.DemoData;
import frontier.demo.DemoWorkspace;
import frontier.model.Metric;
import frontier.scenario.Summary;
import frontier.sim.BadInputException;
import frontier.store.ImportMonitor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frontier demo}: the demo data set, simulated by Frontier itself (one month of request logs and
 * the matching FOCUS bill), as files ({@code --out}) or as a workspace ({@code --workspace}).
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Generates the demo data: October 2026 of a simulated chat + embeddings fleet (simulations/demo/demo-fleet.json),",
            "as a request log and a FOCUS 1.2 bill (--out DIR) or imported into a workspace (--workspace W)."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Target {
        @Option(
                names = "--out",
                paramLabel = "DIR",
                required = true,
                description = "Write " + DemoData.REQUESTS + " and " + DemoData.BILLING + " into DIR.")
        Path out;

        @Option(
                names = "--workspace",
                paramLabel = "W",
                required = true,
                description =
                        "Create the demo workspace W (replaces an earlier demo there; never a workspace with other imports).")
        Path workspace;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Random seed (default: " + DemoData.DEFAULT_SEED + "); the same seed gives identical files.")
    long seed = DemoData.DEFAULT_SEED;

    @Option(
            names = "--progress",
            description =
                    "With --workspace: show progress on stderr (the simulation, then each import) even when it is not a terminal.")
    boolean progress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        if (target.out != null) {
            if (java.nio.file.Files.isRegularFile(target.out))
                throw new BadInputException("--out: " + target.out + " is a file, expected a directory");
            DemoData.Result r = DemoData.generate(target.out, seed);
            out.println(String.format(
                    Locale.ROOT,
                    "Wrote %s (%,d requests) and %s (%,d lines) in %.1f s.",
                    r.requests(),
                    r.requestRows(),
                    r.billing(),
                    r.billingLines(),
                    (System.nanoTime() - t0) / 1e9));
            out.print(costs(r.summary()));
        } else {
            PrintWriter err = spec.commandLine().getErr();
            DemoProgress shown = progress || System.console() != null ? new DemoProgress(err) : null;
            DemoWorkspace.Created c;
            try {
                c = DemoWorkspace.create(
                        target.workspace,
                        seed,
                        new frontier.sim.RunControl() {
                            @Override
                            public boolean isCancelled() {
                                return false;
                            }

                            @Override
                            public void progress(double fraction) {
                                if (shown != null) shown.simulated(fraction);
                            }
                        },
                        new ImportMonitor() {
                            @Override
                            public boolean isCancelled() {
                                return false;
                            }

                            @Override
                            public void progress(long rows, long bytes, long totalBytes) {
                                if (shown != null) shown.imported(rows, bytes, totalBytes);
                            }

                            @Override
                            public void waiting(String message) {
                                err.println("frontier: " + message);
                                err.flush();
                            }
                        });
            } finally {
                if (shown != null) shown.finish();
            }
            out.println(String.format(
                    Locale.ROOT,
                    "Created the demo workspace %s: %,d billing lines imported, %.1f s in all.",
                    c.workspace(),
                    c.billing().record().rows(),
                    (System.nanoTime() - t0) / 1e9));
            out.print(costs(c.simulation()));
        }
        return FrontierCli.OK;
    }

    /**
     * The progress lines of a demo build on stderr: the simulated month's share done, then the rows of the bill and of
     * the request log as each is imported (DemoWorkspace imports the bill first; a new import starts from fewer rows).
     */
    private static final class DemoProgress {
        private static final String[] FILES = {DemoData.BILLING, DemoData.REQUESTS};
        private final PrintWriter err;
        private ImportRunner.ProgressLine line;
        private int file = -1;
        private long lastRows = Long.MAX_VALUE;

        DemoProgress(PrintWriter err) {
            this.err = err;
            line = new ImportRunner.ProgressLine(err, "the demo month");
        }

        void simulated(double fraction) {
            line.simulated(fraction);
        }

        void imported(long rows, long bytes, long totalBytes) {
            if (rows <= lastRows && file + 1 < FILES.length) {
                line.finish();
                line = new ImportRunner.ProgressLine(err, FILES[++file]);
            }
            lastRows = rows;
            line.update(rows, bytes, totalBytes);
        }

        void finish() {
            line.finish();
        }
    }

    private static String costs(Summary s) {
        StringBuilder b = new StringBuilder(String.format(
                Locale.ROOT, "Simulated %,.0f requests; compute cost by pool:%n", s.metric(Metric.REQUESTS)));
        for (String pool : s.names(Metric.POOL_COST_TOTAL)) {
            b.append(String.format(
                    Locale.ROOT, "  %-20s %,12.2f USD%n", pool, s.metric(Metric.POOL_COST_TOTAL.at(pool))));
        }
        return b.toString();
    }
}
