package frontier.spark.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.sim.BadInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * How a batch of configurations is cut into Spark tasks ({@link SparkSweepExecutor#plan}): every point in exactly one
 * task, a few tasks per slot dealt round-robin by default, consecutive runs when the user gives a size. No Spark needed.
 */
class TaskPlanTest {
    @Test
    void byDefaultFourTasksPerSlotTakeThePointsRoundRobin() {
        int[][] plan = SparkSweepExecutor.plan(200, SparkSweepExecutor.AUTO, 2);
        assertEquals(8, plan.length, "4 tasks for each of the 2 slots");
        assertArrayEquals(
                new int[] {
                    0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136, 144, 152, 160, 168, 176,
                    184, 192
                },
                plan[0]);
        assertArrayEquals(
                new int[] {
                    7, 15, 23, 31, 39, 47, 55, 63, 71, 79, 87, 95, 103, 111, 119, 127, 135, 143, 151, 159, 167, 175,
                    183, 191, 199
                },
                plan[7]);
    }

    @Test
    void everyPointIsInExactlyOneTaskAndTaskSizesDifferByAtMostOne() {
        for (int points : new int[] {1, 2, 7, 8, 9, 12, 200, 1001}) {
            for (int slots : new int[] {1, 2, 3, 16, 64}) {
                int[][] plan = SparkSweepExecutor.plan(points, SparkSweepExecutor.AUTO, slots);
                assertEquals(Math.min(points, 4 * slots), plan.length, points + " points on " + slots + " slots");
                int[] all = Arrays.stream(plan)
                        .flatMapToInt(Arrays::stream)
                        .sorted()
                        .toArray();
                assertArrayEquals(java.util.stream.IntStream.range(0, points).toArray(), all);
                int min = Arrays.stream(plan).mapToInt(t -> t.length).min().orElseThrow();
                int max = Arrays.stream(plan).mapToInt(t -> t.length).max().orElseThrow();
                assertTrue(max - min <= 1, points + " points on " + slots + " slots: tasks of " + min + " to " + max);
            }
        }
    }

    @Test
    void aGivenSizeCutsTheBatchIntoConsecutiveRuns() {
        int[][] plan = SparkSweepExecutor.plan(12, 5, 2);
        assertArrayEquals(new int[][] {{0, 1, 2, 3, 4}, {5, 6, 7, 8, 9}, {10, 11}}, plan);
        assertEquals(12, SparkSweepExecutor.plan(12, 1, 2).length, "one task per point");
        assertEquals(0, SparkSweepExecutor.plan(0, SparkSweepExecutor.AUTO, 2).length);
    }

    @Test
    void thePointsPerTaskOptionIsAutoOrAWholeNumberAtLeastOne() {
        assertEquals(SparkSweepExecutor.AUTO, SparkSweepExecutor.pointsPerTask("auto"));
        assertEquals(10, SparkSweepExecutor.pointsPerTask("10"));
        for (String bad : new String[] {"0", "-3", "many", "1.5"}) {
            BadInputException e = assertThrows(BadInputException.class, () -> SparkSweepExecutor.pointsPerTask(bad));
            assertTrue(
                    e.getMessage().contains("--points-per-task")
                            && e.getMessage().contains(bad),
                    e.getMessage());
        }
    }
}
