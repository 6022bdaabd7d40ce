package frontier.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A batch job on the command line: its table, its JSON, its sweep's default front, and what it refuses. */
class BatchCliTest {
    static final String JOB = "simulations/batch/overnight-embedding.json";

    @Test
    void simulateShowsTheCompletionTimeTheDeadlineAndTheCostByPricingModel() {
        CliRun r = CliRun.of("simulate", JOB, "--replications", "3", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        for (String line : new String[] {
            "Completion time ",
            "completion time, p90",
            "Done by the deadline",
            "Work lost to interruptions",
            "Time checkpointing",
            "cost on spot",
            "cost on demand",
            "Spot instance-hours"
        }) {
            assertTrue(r.out().contains(line), line + " in\n" + r.out());
        }
        assertTrue(!r.out().contains("latency"), "no request figures for a batch job");
        CliRun json = CliRun.of("simulate", JOB, "--replications", "3", "--json");
        assertEquals(0, json.code(), json.err());
        assertTrue(
                json.out().contains("\"batch\":{\"completion_s\":{\"mean\":")
                        && json.out().contains("\"done_by_deadline\":"),
                json.out());
        assertEquals(
                r.out(),
                CliRun.of("simulate", JOB, "--replications", "3", "--threads", "2")
                        .out(),
                "the thread count changes nothing");
    }

    @Test
    void aRequestLogIsRefusedForABatchJobWithExitCode2() {
        CliRun r = CliRun.of("simulate", JOB, "--replications", "1", "--request-log", "x.csv");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("frontier: --request-log: ") && r.err().contains("batch job"), r.err());
    }

    @Test
    void compareRefusesABatchJobWithExitCode2() {
        CliRun r = CliRun.of("compare", JOB, "--alt", "instances=2");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("$.batch") && r.err().contains("sweep"), r.err());
    }
}
