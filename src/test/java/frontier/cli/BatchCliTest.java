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
    void compareRunsAlternativesOfABatchJobWithTheirDeltas() throws Exception {
        CliRun r = CliRun.of(
                "compare",
                JOB,
                "--alt",
                "spot_share=0",
                "--alt",
                "checkpoint_interval_s=300; fallback=off",
                "--replications",
                "4",
                "--threads",
                "1");
        assertEquals(0, r.code(), r.err());
        for (String line : new String[] {
            "Completion time",
            "Done by the deadline",
            "Cost of the job",
            "Cost / 1M items",
            "Work lost",
            "Fallbacks to on-demand",
            "Interruptions",
            "(1) All on demand",
            "(2) Checkpoint every 300 s, No fallback"
        }) {
            assertTrue(r.out().contains(line), line + " in\n" + r.out());
        }
        assertTrue(!r.out().contains("latency") && !r.out().contains("Cost / month"), r.out());
        CliRun json =
                CliRun.of("compare", JOB, "--alt", "spot_share=0", "--replications", "4", "--threads", "1", "--json");
        assertEquals(0, json.code(), json.err());
        var m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out())
                .path("entries")
                .get(1)
                .path("metrics");
        // All on demand: dearer than all-spot, and nothing is interrupted or lost.
        assertTrue(m.path("job_cost").path("delta").asDouble() > 0, m.toString());
        assertEquals(0, m.path("interruptions").path("mean").asDouble(), m.toString());
        assertEquals(0, m.path("work_lost").path("mean").asDouble(), m.toString());
        assertTrue(m.path("completion").has("delta_ci95"), m.toString());
    }

    @Test
    void aPoolChangeOnABatchJobIsRefusedWithExitCode2() {
        CliRun r = CliRun.of("compare", JOB, "--alt", "keep_alive_s=60");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("a batch job has no pools") && r.err().contains("spot_share"), r.err());
    }
}
