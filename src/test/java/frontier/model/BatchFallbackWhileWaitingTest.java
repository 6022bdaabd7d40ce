package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import frontier.model.batch.BatchFleet;
import frontier.model.batch.BatchJob;
import frontier.model.batch.Checkpointing;
import frontier.model.batch.Fallback;
import frontier.model.pool.Interruption;
import frontier.model.pool.Price;
import frontier.model.pool.SpotPool;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spot shard that waits for capacity (a node of an availability trace, or the end of a period without capacity)
 * still falls back to on demand when the deadline is at risk: at the latest start that still finishes by the
 * deadline. One shard of 1,000 s of work (100 items/s), checkpoints of 10 s every 600 s (two of them), no start-up,
 * no notice, replacement after 60 s, deadline 3,000 s: the latest start is 3,000 − 1,020 = 1,980 s.
 */
class BatchFallbackWhileWaitingTest {
    private static BatchJob job(Interruption interruption, List<SpotPool.Period> unavailable, Fallback fallback) {
        BatchFleet fleet = new BatchFleet(
                1, 1.0, Price.perHour(2), Price.perHour(0.5), interruption, 0.0, 60.0, unavailable, fallback);
        return new BatchJob(
                100_000, null, 100.0, null, null, fleet, new Checkpointing(600, 10), 0.0, 0.0, null, 3000.0);
    }

    private static RunResult run(BatchJob job, Path dir) {
        return BatchModel.run(job, dir, new RandomStreams(1, 0), RunControl.NONE, WorkLimits.DEFAULT);
    }

    private static Interruption trace(Path dir, String rows) throws IOException {
        Path trace = dir.resolve("trace.csv");
        Files.writeString(trace, "time,action,node\n" + rows);
        return new Interruption(null, null, trace.toString(), null);
    }

    @Test
    void aShardWaitingForATraceNodeFallsBackAtTheLatestStartThatMeetsTheDeadline(@TempDir Path dir) throws IOException {
        // Node a goes at 100 s (100 s of work lost, no checkpoint yet) and no node ever comes back. The replacement
        // (at 160 s) waits for a node; at 1,980 s it goes on demand and finishes exactly at the deadline.
        RunResult r = run(job(trace(dir, "0,add,a\n100,remove,a\n"), null, new Fallback(null, true)), dir);
        assertEquals(3000, r.metric(Metric.BATCH_COMPLETION), 1e-9);
        assertEquals(1, r.metric(Metric.BATCH_DONE_BY_DEADLINE));
        assertEquals(1, r.metric(Metric.BATCH_FALLBACKS));
        assertEquals(100, r.metric(Metric.BATCH_LOST_S), 1e-9);
        assertEquals(100 / 3600.0, r.metric(Metric.BATCH_INSTANCE_HOURS_SPOT), 1e-12);
        assertEquals(1020 / 3600.0, r.metric(Metric.BATCH_INSTANCE_HOURS_ON_DEMAND), 1e-12);
    }

    @Test
    void withoutTheDeadlineRuleTheSameShardWaitsForANodeThatNeverComes(@TempDir Path dir) throws IOException {
        BatchJob job = job(trace(dir, "0,add,a\n100,remove,a\n"), null, new Fallback(5, null));
        WorkLimitException e = assertThrows(WorkLimitException.class, () -> run(job, dir));
        assertEquals("$.batch.fleet.interruption.trace", e.field(), e.getMessage());
    }

    @Test
    void aNodeThatComesBackBeforeTheLatestStartKeepsTheShardOnSpot(@TempDir Path dir) throws IOException {
        // Node b comes at 1,500 s < 1,980 s: the shard works there, 1,000 s + two checkpoints, done at 2,520 s.
        RunResult r = run(job(trace(dir, "0,add,a\n100,remove,a\n1500,add,b\n"), null, new Fallback(null, true)), dir);
        assertEquals(2520, r.metric(Metric.BATCH_COMPLETION), 1e-9);
        assertEquals(0, r.metric(Metric.BATCH_FALLBACKS));
        assertEquals(0, r.metric(Metric.BATCH_INSTANCE_HOURS_ON_DEMAND), 1e-12);
    }

    @Test
    void aNodeThatComesBackTooLateIsNotWaitedFor(@TempDir Path dir) throws IOException {
        // Node b would come at 2,500 s (done at 3,520 s, after the deadline): on demand at 1,980 s instead.
        RunResult r = run(job(trace(dir, "0,add,a\n100,remove,a\n2500,add,b\n"), null, new Fallback(null, true)), dir);
        assertEquals(3000, r.metric(Metric.BATCH_COMPLETION), 1e-9);
        assertEquals(1, r.metric(Metric.BATCH_FALLBACKS));
    }

    @Test
    void aFirstLaunchInAPeriodWithoutCapacityThatEndsTooLateStartsOnDemand() {
        // No spot capacity until 5,000 s: a spot start then would finish at 6,020 s; on demand at once: 1,020 s.
        BatchJob late = job(
                new Interruption(0.0, null, null, null),
                List.of(new SpotPool.Period(0, 5000)),
                new Fallback(null, true));
        RunResult r = run(late, null);
        assertEquals(1020, r.metric(Metric.BATCH_COMPLETION), 1e-9);
        assertEquals(1, r.metric(Metric.BATCH_FALLBACKS));
        // A period that ends in time (1,500 s) is waited for: done at 2,520 s on spot.
        BatchJob early = job(
                new Interruption(0.0, null, null, null),
                List.of(new SpotPool.Period(0, 1500)),
                new Fallback(null, true));
        RunResult e = run(early, null);
        assertEquals(2520, e.metric(Metric.BATCH_COMPLETION), 1e-9);
        assertEquals(0, e.metric(Metric.BATCH_FALLBACKS));
    }
}
