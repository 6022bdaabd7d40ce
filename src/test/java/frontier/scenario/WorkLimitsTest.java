package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.WorkEstimate;
import frontier.model.WorkLimitException;
import frontier.model.WorkLimits;
import frontier.scenario.sweep.Sweep;
import frontier.scenario.sweep.SweepRunner;
import frontier.sim.RunControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Absurd but valid scenarios are refused up front, or stopped as they run, with the field to change: never an OutOfMemoryError. */
class WorkLimitsTest {
    private static final String MM1 = """
            {"name": "mm1", "traffic": {"type": "poisson", "rate_per_s": RATE},
             "pool": {"name": "server", "servers": SERVERS, "service": {"type": "exponential", "mean": 0.1}},
             "run": {"duration_s": DURATION, "replications": REPS, "seed": 1}}
            """;

    private static Scenario mm1(String rate, String servers, String duration, String reps) {
        return ScenarioLoader.parse(
                MM1.replace("RATE", rate)
                        .replace("SERVERS", servers)
                        .replace("DURATION", duration)
                        .replace("REPS", reps),
                "t.json");
    }

    private static WorkLimitException refused(Scenario s) {
        return assertThrows(WorkLimitException.class, () -> new ScenarioRunner(1).run(s, RunControl.NONE));
    }

    @Test
    void aRateTimeCannotAdvancePastIsRefusedNamingTheDurationAndTheEstimate() {
        WorkLimitException e = refused(mm1("1e308", "1", "3600", "1"));
        assertEquals("$.run.duration_s", e.field());
        assertTrue(
                e.getMessage().contains("1.00e+308 requests/s")
                        && e.getMessage().contains("1,000,000,000 events"),
                e.getMessage());
    }

    @Test
    void aBillionServersAreRefusedNamingTheSimplePoolsField() {
        WorkLimitException e = refused(mm1("8", "1000000000", "3600", "1"));
        assertEquals("$.pool.servers", e.field());
        assertTrue(
                e.getMessage().contains("1,000,000,000 instances")
                        && e.getMessage().contains("100,000"),
                e.getMessage());
    }

    @Test
    void tenThousandReplicationsOfALongRunAreRefusedNamingReplications() {
        WorkLimitException e = refused(mm1("8", "1", "100000", "10000"));
        assertEquals("$.run.replications", e.field());
        assertTrue(e.getMessage().contains("10000 replications of about 1,601,000 events"), e.getMessage());
    }

    @Test
    void theEstimateIsTwoEventsPerRequestPlusTheClocksOfThePools() {
        // 8/s for 100,000 s: 800,000 arrivals, each an arrival and a departure; 1,000 for the run's own events.
        WorkEstimate e = ScenarioRunner.check(mm1("8", "1", "100000", "3"), WorkLimits.DEFAULT);
        assertEquals(1_601_000, e.events(), 1e-6);
        assertEquals(3 * 1_601_000, e.totalEvents(), 1e-6);
    }

    @Test
    void theEstimateIsCloseToTheEventsAnM1RunReallyTakes() {
        Scenario s = mm1("8", "1", "20000", "1");
        double estimate = ScenarioRunner.check(s, WorkLimits.DEFAULT).totalEvents();
        long events = new ScenarioRunner(1).run(s, RunControl.NONE).events();
        // 160,000 Poisson arrivals have a standard deviation of 400 (0.25%); 2% leaves room for the queue at the end.
        assertEquals(1.0, events / estimate, 0.02, "estimated " + estimate + ", ran " + events);
    }

    @Test
    void aQueueGrowingWithoutBoundStopsTheRunNamingThePoolItsCapacityAndTheArrivalRate() {
        // 100 requests/s into one server of 10/s: the queue grows by about 90 a second and reaches 5,000 within a
        // minute.
        Scenario s = mm1("100", "1", "3600", "1");
        WorkLimitException e = assertThrows(
                WorkLimitException.class,
                () -> new ScenarioRunner(1, WorkLimits.DEFAULT.withMaxQueue(5_000)).run(s, RunControl.NONE));
        assertEquals("$.pool", e.field());
        String m = e.getMessage();
        assertTrue(m.contains("pool 'server' is overloaded") && m.contains("5,000 requests were waiting"), m);
        assertTrue(m.contains("1 ready instance × 1 slot (about 10 requests/s)"), m);
        assertTrue(
                m.matches("(?s).*arrive at about (9\\d|10\\d)/s.*"), "the measured arrival rate is about 100/s: " + m);
    }

    @Test
    void aBoundedQueueUnderTheSameOverloadRunsAndRejects() {
        Scenario s = ScenarioLoader.parse(
                MM1.replace("RATE", "100")
                        .replace("SERVERS", "1")
                        .replace("DURATION", "600")
                        .replace("REPS", "1")
                        .replace("\"mean\": 0.1}", "\"mean\": 0.1}, \"queue_capacity\": 100"),
                "t.json");
        Summary summary = new ScenarioRunner(1, WorkLimits.DEFAULT.withMaxQueue(5_000)).run(s, RunControl.NONE);
        assertTrue(summary.metric("rejected") > 0.8 * summary.metric("requests"), "about 90% rejected");
    }

    @Test
    void aReplicationPastItsEventBudgetStopsWhateverTheEstimateSaid(@TempDir Path dir) throws IOException {
        // A replayed trace's arrivals are unknown before it is read; looped at a huge speed it never ends by itself.
        // 4,000 rows, not 4: a looped replay opens its file again on every pass, and with 4 rows the 300,000 events
        // took tens of thousands of opens (the longest test of ./run-tests -Pfast); the budget is reached the same way.
        Path trace = dir.resolve("t.csv");
        StringBuilder rows = new StringBuilder("ts\n");
        for (int i = 0; i < 4000; i++) rows.append(i).append('\n');
        Files.writeString(trace, rows);
        Scenario s = ScenarioLoader.parse("""
                {"traffic": {"type": "replay", "file": "t.csv", "column": "ts", "unit": "s", "speed": 1e9, "loop": true},
                 "pool": {"servers": 100, "service": {"type": "deterministic", "value": 1e-12}},
                 "run": {"duration_s": 3600}}
                """, "t.json", dir);
        WorkLimitException e = assertThrows(
                WorkLimitException.class,
                () -> new ScenarioRunner(1, WorkLimits.DEFAULT.withMaxEventsPerRun(300_000)).run(s, RunControl.NONE));
        assertEquals("$.run.duration_s", e.field());
        assertTrue(e.getMessage().contains("more than the 300,000 events a run may take"), e.getMessage());
    }

    @Test
    void aSweepIsRefusedWhenItsPointsTogetherExceedTheSweepLimit() {
        String json = MM1.replace("RATE", "8")
                .replace("SERVERS", "1")
                .replace("DURATION", "5e6")
                .replace("REPS", "1")
                .replace(
                        "\"seed\": 1}}",
                        "\"seed\": 1}, \"sweep\": {\"method\": \"random\", \"samples\": 200,"
                                + " \"parameters\": [{\"path\": \"$.pool.servers\", \"sample\": {\"low\": 1, \"high\": 4, \"integer\": true}}]}}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Sweep.parse(json, "s.json", Path.of(".")));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "s.json: $.sweep.samples: the sweep would take about 16,000,200,000 events (200 configurations"),
                e.getMessage());
    }

    @Test
    void aSweepPointThatCannotFinishIsRefusedWithItsValues() {
        String json = MM1.replace("RATE", "8")
                .replace("SERVERS", "1")
                .replace("DURATION", "3600")
                .replace("REPS", "1")
                .replace(
                        "\"seed\": 1}}",
                        "\"seed\": 1}, \"sweep\": {\"parameters\": [{\"path\": \"$.pool.servers\", \"values\": [1, 2000000]}]}}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Sweep.parse(json, "s.json", Path.of(".")));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "s.json (sweep point 1: pool.servers = 2000000): $.pool.servers: pool 'server' would have up to 2,000,000 instances"),
                e.getMessage());
    }

    /** Tagged {@code slow} (out of {@code -Pfast}): it simulates up to the event budget, seconds of CPU. */
    @Test
    @Tag("slow")
    void anOverloadedSweepPointStopsTheSweepNamingThePoint() {
        String json = MM1.replace("RATE", "1000")
                .replace("SERVERS", "1")
                .replace("DURATION", "3600")
                .replace("REPS", "1")
                .replace(
                        "\"seed\": 1}}",
                        "\"seed\": 1}, \"sweep\": {\"parameters\": [{\"path\": \"$.pool.servers\", \"values\": [200, 1]}]}}");
        Sweep sweep = Sweep.parse(json, "s.json", Path.of("."));
        // 1,000/s into one server of 10/s: the queue passes the default bound of 2,000,000 after about 2,000 s.
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> new SweepRunner(1).run(sweep, RunControl.NONE));
        assertTrue(
                e.getMessage()
                        .startsWith("s.json (sweep point 1: pool.servers = 1): $.pool: pool 'server' is overloaded"),
                e.getMessage());
    }

    @Test
    void everyExampleScenarioAndSweepIsWithinTheLimits() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("simulations"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 15, "the examples were found: " + files);
        for (Path f : files) {
            Scenario s = ScenarioLoader.load(f);
            double events = ScenarioRunner.check(s, WorkLimits.DEFAULT).totalEvents();
            assertTrue(
                    events < WorkLimits.DEFAULT.maxEventsPerRun() / 10.0,
                    f + ": " + events + " events, far below the limit");
            if (s.sweep() != null) Sweep.load(f);
        }
    }
}
