package frontier.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** What a batch job's instances do around interruptions: notices, fallbacks, traces, capacity gaps. */
class BatchModelTest {
    /** Shards of {@code work} seconds each (100 items per second), checkpoints of 30 s every 600 s. */
    static BatchJob job(int instances, double work, BatchFleet fleet, Double deadline) {
        return new BatchJob(
                Math.round(work * 100) * instances,
                null,
                100.0,
                null,
                null,
                fleet,
                new Checkpointing(600, 30),
                60.0,
                30.0,
                null,
                deadline);
    }

    static BatchFleet spot(int instances, double hazardPerHour, double noticeS, Fallback fallback) {
        return new BatchFleet(
                instances,
                1.0,
                Price.perHour(2),
                Price.perHour(0.5),
                new Interruption(hazardPerHour, null, null, null),
                noticeS,
                60.0,
                null,
                fallback);
    }

    static RunResult run(BatchJob job, int k) {
        return BatchModel.run(job, null, new RandomStreams(17, k), RunControl.NONE, WorkLimits.DEFAULT);
    }

    @Test
    void aNoticeLongEnoughForACheckpointSavesTheWorkDoneSoFar() {
        double interrupted = 0;
        for (int k = 0; k < 20; k++) {
            RunResult saved = run(job(2, 7200, spot(2, 2, 120, null), null), k);
            RunResult lost = run(job(2, 7200, spot(2, 2, 0, null), null), k);
            interrupted += saved.metric(Metric.INTERRUPTIONS);
            assertEquals(0, saved.metric(Metric.BATCH_LOST_S), "a 120 s notice leaves time for a 30 s checkpoint");
            assertTrue(
                    lost.metric(Metric.BATCH_LOST_S) > 0 || lost.metric(Metric.INTERRUPTIONS) == 0,
                    "without a notice the segment is lost");
        }
        assertTrue(interrupted > 20, "the instances were interrupted: " + interrupted);
    }

    @Test
    void aShardGoesOnDemandAfterItsNthInterruptionAndStaysThere() {
        for (int k = 0; k < 20; k++) {
            RunResult r = run(job(3, 7200, spot(3, 3, 0, new Fallback(1, null)), null), k);
            // After its first interruption a shard runs on demand, which is never interrupted: one each at most.
            assertEquals(r.metric(Metric.INTERRUPTIONS), r.metric(Metric.BATCH_FALLBACKS));
            assertTrue(r.metric(Metric.BATCH_FALLBACKS) <= 3);
            assertEquals(r.metric(Metric.BATCH_FALLBACKS) > 0, r.metric(Metric.BATCH_COST_ON_DEMAND) > 0);
            assertEquals(
                    r.metric(Metric.BATCH_INSTANCE_HOURS_ON_DEMAND) * 2, r.metric(Metric.BATCH_COST_ON_DEMAND), 1e-9);
        }
    }

    @Test
    void aShardGoesOnDemandOnlyWhenASpotReplacementWouldMissTheDeadline() {
        // 2 h of work, 12 checkpoints of 30 s, 90 s to start: 7,650 s without interruptions. A deadline of 7,700 s is
        // missed by
        // any spot replacement (60 s delay + 90 s start-up + the lost segment or start-up), so every one goes on
        // demand; with
        // 20,000 s few need to.
        int tightFallbacks = 0;
        int looseFallbacks = 0;
        for (int k = 0; k < 20; k++) {
            RunResult tight = run(job(2, 7200, spot(2, 1, 0, new Fallback(null, true)), 7700.0), k);
            RunResult loose = run(job(2, 7200, spot(2, 1, 0, new Fallback(null, true)), 20_000.0), k);
            assertEquals(
                    tight.metric(Metric.INTERRUPTIONS),
                    tight.metric(Metric.BATCH_FALLBACKS),
                    "every replacement goes on demand");
            tightFallbacks += (int) tight.metric(Metric.BATCH_FALLBACKS);
            looseFallbacks += (int) loose.metric(Metric.BATCH_FALLBACKS);
        }
        assertTrue(tightFallbacks > 5, "the tight deadline made shards fall back: " + tightFallbacks);
        assertTrue(looseFallbacks < tightFallbacks / 2, "a loose deadline rarely does: " + looseFallbacks);
    }

    @Test
    void anAvailabilityTraceTakesNodesAwayAndItsNewNodesCarryTheReplacements(@TempDir Path dir) throws IOException {
        // Nodes a and b at 0; a goes at 1,000 s (no notice), c comes at 2,000 s. Shards of 3,000 s, checkpoints of 10 s
        // every
        // 600 s, no start-up. Shard a has saved 600 s at 610 s and loses 390 s at 1,000 s; its replacement waits for c
        // (the
        // replacement delay ends at 1,060 s, when no node is free), then works 2,400 s with 4 checkpoints: done at
        // 4,440 s.
        Path trace = dir.resolve("trace.csv");
        Files.writeString(trace, "time,action,node\n0,add,a\n0,add,b\n1000,remove,a\n2000,add,c\n");
        BatchFleet fleet = new BatchFleet(
                2,
                1.0,
                Price.perHour(2),
                Price.perHour(0.5),
                new Interruption(null, null, trace.toString(), null),
                0.0,
                60.0,
                null,
                null);
        BatchJob job =
                new BatchJob(600_000, null, 100.0, null, null, fleet, new Checkpointing(600, 10), 0.0, 0.0, null, null);
        RunResult r = BatchModel.run(job, dir, new RandomStreams(1, 0), RunControl.NONE, WorkLimits.DEFAULT);
        assertEquals(4440, r.metric(Metric.BATCH_COMPLETION), 1e-9);
        assertEquals(390, r.metric(Metric.BATCH_LOST_S), 1e-9);
        assertEquals(1, r.metric(Metric.INTERRUPTIONS));
        assertEquals(
                (1000 + 2440 + 3050) / 3600.0,
                r.metric(Metric.BATCH_INSTANCE_HOURS_SPOT),
                1e-9,
                "billed while a node is held");
    }

    @Test
    void aTraceThatEndsWithoutCapacityForAnUnfinishedShardIsRefusedWithTheField(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("trace.csv");
        Files.writeString(trace, "0,add,a\n100,remove,a\n");
        BatchFleet fleet = new BatchFleet(
                1,
                1.0,
                Price.perHour(2),
                Price.perHour(0.5),
                new Interruption(null, null, trace.toString(), null),
                0.0,
                60.0,
                null,
                null);
        BatchJob job =
                new BatchJob(100_000, null, 100.0, null, null, fleet, new Checkpointing(600, 10), 0.0, 0.0, null, null);
        WorkLimitException e = assertThrows(
                WorkLimitException.class,
                () -> BatchModel.run(job, dir, new RandomStreams(1, 0), RunControl.NONE, WorkLimits.DEFAULT));
        assertEquals("$.batch.fleet.interruption.trace", e.field(), e.getMessage());
    }

    @Test
    void spotInstancesWaitForTheEndOfAPeriodWithoutCapacity() {
        BatchFleet fleet = new BatchFleet(
                1,
                1.0,
                Price.perHour(2),
                Price.perHour(0.5),
                new Interruption(0.0, null, null, null),
                0.0,
                60.0,
                List.of(new SpotPool.Period(0, 500)),
                null);
        BatchJob job = new BatchJob(
                360_000, null, 100.0, null, null, fleet, new Checkpointing(600, 30), 60.0, 30.0, null, null);
        RunResult r = BatchModel.run(job, null, new RandomStreams(1, 0), RunControl.NONE, WorkLimits.DEFAULT);
        assertEquals(500 + 90 + 3600 + 6 * 30, r.metric(Metric.BATCH_COMPLETION), 1e-9);
    }

    @Test
    void interruptionsFasterThanCheckpointsAreRefusedBeforeTheRun() {
        // MTBF 36 s against segments of 630 s: Daly's expected time overflows any budget.
        BatchJob job = job(1, 7200, spot(1, 100, 0, null), null);
        WorkLimitException e =
                assertThrows(WorkLimitException.class, () -> WorkEstimate.check(job, 1, WorkLimits.DEFAULT));
        assertEquals("$.batch.checkpoint.interval_s", e.field(), e.getMessage());
        assertTrue(e.getMessage().contains("checkpoint more often"), e.getMessage());
    }
}
