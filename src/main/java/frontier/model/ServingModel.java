package frontier.model;

import frontier.model.traffic.ArrivalProcess;
import frontier.model.traffic.Traffic;
import frontier.sim.EventHandler;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.Simulation;
import frontier.sim.Tally;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs one replication of a serving system (traffic into a pool) on a fresh {@link Simulation} and
 * returns what it observed. Random streams: "arrivals" for the traffic, "service" for service times.
 * Nothing here prints or keeps per-request state beyond the requests currently in the system.
 */
public final class ServingModel {
    private static final int ARRIVE = 0;
    private static final int WARMUP_END = 1;
    private static final int STOP = 2;

    private ServingModel() {
    }

    public static RunResult run(Traffic traffic, PoolSpec poolSpec, RunSpec run, Path baseDir,
                                RandomStreams streams, RunControl control) {
        long wallStart = System.nanoTime();
        Simulation sim = new Simulation();
        long warmupFinished = run.warmupRequests() == null ? 0 : run.warmupRequests();
        long stopAfter = run.requests() == null ? Long.MAX_VALUE : run.requests();
        boolean timedWarmup = run.warmupS() != null && run.warmupS() > 0;
        RequestStats stats = new RequestStats(sim, warmupFinished, stopAfter, !timedWarmup);
        ServerPool pool = new ServerPool(sim, poolSpec, poolSpec.service().sampler(streams.stream("service")), stats);

        try (ArrivalProcess arrivals = traffic.open(streams.stream("arrivals"), baseDir)) {
            double horizon = run.durationS() == null ? Double.POSITIVE_INFINITY : run.durationS();
            EventHandler source = new EventHandler() {
                @Override
                public void handle(int kind, Object payload) {
                    double now = sim.now();
                    switch (kind) {
                        case ARRIVE -> {
                            pool.arrive(new Request(now));
                            double next = arrivals.next(now);
                            if (next < horizon) sim.scheduleAt(next, this, ARRIVE, null);
                        }
                        case WARMUP_END -> stats.reset(now);
                        case STOP -> sim.stop();
                        default -> throw new IllegalStateException("unknown event " + kind);
                    }
                }
            };
            double first = arrivals.next(0);
            if (first < horizon) sim.scheduleAt(first, source, ARRIVE, null);
            if (timedWarmup) sim.scheduleAt(run.warmupS(), source, WARMUP_END, null);
            if (horizon < Double.POSITIVE_INFINITY) sim.scheduleAt(horizon, source, STOP, null);

            double target = run.requests() == null ? 0 : (double) warmupFinished + run.requests();
            sim.run(control, () -> horizon < Double.POSITIVE_INFINITY
                    ? sim.now() / horizon
                    : (stats.warm() ? warmupFinished + stats.finished() : stats.finished()) / target);
        }
        double end = sim.now();
        if (!stats.warm()) stats.reset(end); // the run ended inside the warm-up: nothing was observed
        return result(stats, poolSpec.servers(), end, sim.eventCount(), (System.nanoTime() - wallStart) / 1e9);
    }

    private static RunResult result(RequestStats s, int servers, double end, long events, double wall) {
        Map<String, Double> m = new LinkedHashMap<>();
        double window = end - s.windowStart;
        m.put("requests", (double) s.arrivals);
        m.put("completed", (double) s.completed);
        m.put("dropped", (double) (s.rejected + s.timedOut));
        m.put("rejected", (double) s.rejected);
        m.put("timed_out", (double) s.timedOut);
        m.put("observed_s", window);
        m.put("throughput_per_s", window > 0 ? s.completed / window : Double.NaN);
        m.put("arrival_rate_per_s", window > 0 ? s.arrivals / window : Double.NaN);
        putTally(m, "latency_ms", s.response);
        putTally(m, "wait_ms", s.wait);
        putTally(m, "service_ms", s.service);
        m.put("p_wait", s.wait.count() == 0 ? Double.NaN : 1.0 - (double) s.wait.zeros() / s.wait.count());
        m.put("utilization", s.busy.average(end) / servers);
        m.put("busy_servers.mean", s.busy.average(end));
        m.put("queue_length.mean", s.queue.average(end));
        m.put("queue_length.max", s.queue.max());
        m.put("in_system.mean", s.inSystem.average(end));
        return new RunResult(m, LatencyHistogram.of(s.response), events, wall);
    }

    private static void putTally(Map<String, Double> m, String prefix, Tally t) {
        m.put(prefix + ".mean", t.mean() * 1000);
        m.put(prefix + ".p50", t.quantile(0.50) * 1000);
        m.put(prefix + ".p90", t.quantile(0.90) * 1000);
        m.put(prefix + ".p95", t.quantile(0.95) * 1000);
        m.put(prefix + ".p99", t.quantile(0.99) * 1000);
        m.put(prefix + ".p999", t.quantile(0.999) * 1000);
        m.put(prefix + ".max", t.max() * 1000);
    }
}
