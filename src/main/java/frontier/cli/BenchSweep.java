package frontier.cli;

import frontier.model.Metric;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepResult;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.RunControl;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code frontier bench sweep}: a 200-configuration grid (spot instances × keep-warm × scale-in delay of an
 * on-demand autoscaled pool behind a spot pool), each configuration one simulated hour of Poisson traffic
 * at 100 requests/s, run through the same {@link Sweep} and {@link SweepRunner} as {@code frontier sweep},
 * first on 1 thread, then on 2 (or {@code --threads}); prints the wall times, the speed-up and whether the
 * results are identical.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        description = "Sweep of 200 fleet configurations (1 simulated hour at 100 req/s each) on 1 and on N threads.")
public final class BenchSweep implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchSweepOptions options;

    /** The benchmark scenario: 10 spot sizes × 5 keep-warm counts × 4 scale-in delays = 200 configurations. */
    public static String scenario(double hours, double rate, long seed) {
        return """
                {"name": "bench-sweep", "description": "frontier bench sweep",
                 "traffic": {"type": "poisson", "rate_per_s": %s},
                 "pools": [
                   {"type": "spot", "name": "spot", "instances": 4, "concurrency": 8,
                    "model": {"service": {"type": "lognormal", "mean": 0.5, "cv": 0.6}},
                    "overflow_to": "on-demand", "interruption": {"hazard_per_hour": 0.05}, "notice_s": 30,
                    "on_interrupt": "retry", "replacement_delay_s": 120, "cold_start": {"type": "lognormal", "mean": 90, "cv": 0.3},
                    "price": {"usd_per_hour": 0.42}},
                   {"type": "autoscaled", "name": "on-demand", "concurrency": 8, "min_instances": 0, "max_instances": 20, "keep_warm": 2,
                    "model": {"service": {"type": "lognormal", "mean": 0.5, "cv": 0.6}},
                    "policy": {"type": "target_utilization", "target": 0.7}, "scale_in_delay_s": 300,
                    "cold_start": {"type": "lognormal", "mean": 60, "cv": 0.3}, "price": {"usd_per_hour": 1.01}}],
                 "run": {"duration_s": %s, "replications": 1, "seed": %d},
                 "sweep": {"parameters": [
                   {"path": "$.pools[0].instances", "range": {"from": 0, "to": 9, "step": 1}},
                   {"path": "$.pools[1].keep_warm", "values": [0, 1, 2, 3, 4]},
                   {"path": "$.pools[1].scale_in_delay_s", "values": [60, 300, 900, 1800]}]}}
                """.formatted(Double.toString(rate), Double.toString(hours * 3600), seed);
    }

    @Override
    public Integer call() {
        options.check();
        int threads = options.threads;
        PrintWriter out = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        Sweep sweep = Sweep.parse(options.scenario(), "bench-sweep", Path.of("").toAbsolutePath());
        double expand = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < Math.min(options.jitWarmup, sweep.points().size()); i++) {
            SweepRunner.runPoint(sweep.points().get(sweep.points().size() - 1 - i), RunControl.NONE);
        }
        long s1 = System.nanoTime();
        SweepResult one = new SweepRunner(1).run(sweep, RunControl.NONE);
        double wall1 = (System.nanoTime() - s1) / 1e9;
        long sn = System.nanoTime();
        SweepResult many = new SweepRunner(threads).run(sweep, RunControl.NONE);
        double wallN = (System.nanoTime() - sn) / 1e9;
        long events = one.points().stream()
                .mapToLong(p -> p.metrics().get("events").longValue())
                .sum();
        long requests = one.points().stream()
                .mapToLong(p -> p.metrics().get(Metric.REQUESTS.path()).longValue())
                .sum();
        out.println(String.format(
                Locale.ROOT,
                "RESULT points=%d requests=%d events=%d expand_s=%.3f wall_1_s=%.3f wall_%d_s=%.3f speedup=%.2f identical=%s cores=%d",
                sweep.points().size(),
                requests,
                events,
                expand,
                wall1,
                threads,
                wallN,
                wall1 / wallN,
                one.equals(many),
                Runtime.getRuntime().availableProcessors()));
        return FrontierCli.OK;
    }
}
