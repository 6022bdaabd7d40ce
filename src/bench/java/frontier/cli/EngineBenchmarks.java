package frontier.cli;

import frontier.model.PoolSpec;
import frontier.model.RunResult;
import frontier.model.RunSpec;
import frontier.model.ServingModel;
import frontier.model.traffic.PoissonTraffic;
import frontier.sim.EventHandler;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import frontier.sim.Simulation;
import frontier.sim.dist.Exponential;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the engine's hot path (run with {@code mvn -Pbench package exec:exec}): the M/M/8
 * scenario path that {@code simulate} and {@code bench mmc} use, the hand-written loop it is measured
 * against, and the bare event list (the "hold" model: a constant number of pending events, each
 * rescheduling itself). Each operation is one run of {@code customers} customers (2 events each), so
 * events per second = 2 × customers / (seconds per operation).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class EngineBenchmarks {
    @Param("200000")
    long customers;

    @Benchmark
    public double scenarioPath() {
        RunResult r = ServingModel.run(
                new PoissonTraffic(6),
                new PoolSpec("mmc", 8, new Exponential(null, 1.0), null, null),
                new RunSpec(null, customers, null, null, 1, 1L),
                null,
                new RandomStreams(1, 0),
                RunControl.NONE);
        return r.metric("wait_ms.mean");
    }

    @Benchmark
    public double handLoop() {
        return HandLoopMmc.run(customers, 0, 6, 1, 8, 1).wq();
    }

    /** The event list alone: 9 pending events (as in M/M/8 under load), 2 × customers events. */
    @Benchmark
    public long eventListHold() {
        Simulation sim = new Simulation();
        UniformRandomProvider rng = new RandomStreams(1, 0).stream("hold");
        ZigguratSampler.Exponential exp = ZigguratSampler.Exponential.of(rng);
        long limit = 2 * customers;
        EventHandler h = new EventHandler() {
            @Override
            public void handle(int kind, Object payload) {
                if (sim.eventCount() >= limit) sim.stop();
                else sim.schedule(exp.sample(), this, kind, payload);
            }
        };
        for (int i = 0; i < 9; i++) sim.schedule(exp.sample(), h, i, null);
        sim.run(RunControl.NONE, () -> 0);
        return sim.eventCount();
    }
}
