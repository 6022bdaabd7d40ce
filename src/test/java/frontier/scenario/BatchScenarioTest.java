package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.Metric;
import frontier.sim.RunControl;
import org.junit.jupiter.api.Test;

/** A scenario's {@code batch} job: read strictly, priced from the catalogue, run into a summary with its metrics. */
class BatchScenarioTest {
    static final String JOB = """
            {
              "name": "embed",
              "batch": {
                "items": 200000,
                "item_s": { "type": "exponential", "mean": 0.01 },
                "fleet": {
                  "instances": 4,
                  "spot_share": 0.5,
                  "price": { "provider": "aws", "instance_type": "g5.xlarge" },
                  "interruption": { "hazard_per_hour": 0.5 },
                  "notice_s": 0,
                  "fallback": { "after_interruptions": 2 }
                },
                "checkpoint": { "interval_s": 120, "duration_s": 10 },
                "startup_s": 60,
                "model_load_s": 30,
                "deadline_s": 1200
              },
              "run": { "replications": 8, "seed": 3 }
            }
            """;

    static String error(String json) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(json, "job.json"))
                .getMessage();
    }

    @Test
    void aBatchJobIsPricedFromTheCatalogueOnDemandAndOnSpot() {
        Scenario s = ScenarioLoader.parse(JOB, "job.json");
        assertTrue(s.isBatch());
        assertEquals(1.006, s.batch().fleet().price().usdPerHour(), 1e-9, "catalogue on-demand g5.xlarge, us-east-1");
        assertEquals(0.4125, s.batch().fleet().spotPrice().usdPerHour(), 1e-9, "the same instance's spot price");
        assertEquals(2, s.batch().fleet().spotInstances());
    }

    @Test
    void aRunReportsTheBatchMetricsWithIntervalsAndTheCompletionTimesSpread() {
        Summary s = new ScenarioRunner(2).run(ScenarioLoader.parse(JOB, "job.json"), RunControl.NONE);
        double mean = s.metric(Metric.BATCH_COMPLETION);
        assertTrue(
                s.metric(Metric.BATCH_COMPLETION_P10) <= s.metric(Metric.BATCH_COMPLETION_P50)
                        && s.metric(Metric.BATCH_COMPLETION_P50) <= s.metric(Metric.BATCH_COMPLETION_P90)
                        && s.metric(Metric.BATCH_COMPLETION_P90) <= s.metric(Metric.BATCH_COMPLETION_MAX),
                "quantiles in order");
        assertTrue(mean <= s.metric(Metric.BATCH_COMPLETION_MAX));
        assertTrue(Double.isFinite(s.halfWidth(Metric.BATCH_COMPLETION)));
        assertEquals(
                s.metric(Metric.COST_TOTAL),
                s.metric(Metric.BATCH_COST_SPOT) + s.metric(Metric.BATCH_COST_ON_DEMAND),
                1e-9);
        double p = s.metric(Metric.BATCH_DONE_BY_DEADLINE);
        assertTrue(p >= 0 && p <= 1);
        // The same seed, whatever the thread count.
        Summary again = new ScenarioRunner(1).run(ScenarioLoader.parse(JOB, "job.json"), RunControl.NONE);
        assertEquals(s.mean(), again.mean());
        String json = SummaryJson.write(s);
        assertTrue(json.contains("\"batch\":{\"completion_s\":{\"mean\":"), json);
    }

    @Test
    void aBatchJobHasNoTrafficNorPoolsNorAStopRule() {
        String m = error(JOB.replace(
                "\"name\": \"embed\",",
                "\"name\": \"embed\", \"traffic\": { \"type\": \"poisson\", \"rate_per_s\": 1 },"));
        assertTrue(m.startsWith("job.json: $.traffic: ") && m.contains("has no 'traffic'"), m);
        m = error(JOB.replace("\"replications\": 8,", "\"replications\": 8, \"duration_s\": 3600,"));
        assertTrue(m.startsWith("job.json: $.run.duration_s: ") && m.contains("runs until it is done"), m);
    }

    @Test
    void aServingScenarioStillNeedsItsStopRule() {
        String m = error("""
                {"traffic": {"type": "poisson", "rate_per_s": 1}, "pool": {"servers": 1, "service": {"type": "exponential", "mean": 0.5}},
                 "run": {"replications": 2}}
                """);
        assertTrue(m.startsWith("job.json: $.run.duration_s: ") && m.contains("exactly one stop rule"), m);
    }

    @Test
    void batchFieldsOutOfRangeAreReportedWithTheirPath() {
        String m = error(JOB.replace("\"spot_share\": 0.5", "\"spot_share\": 1.5"));
        assertTrue(m.startsWith("job.json: $.batch.fleet.spot_share: ") && m.contains("from 0 to 1"), m);
        m = error(JOB.replace("\"interruption\": { \"hazard_per_hour\": 0.5 },", ""));
        assertTrue(m.startsWith("job.json: $.batch.fleet.interruption: ") && m.contains("spot_share"), m);
        m = error(JOB.replace(
                "\"item_s\": { \"type\": \"exponential\", \"mean\": 0.01 },",
                "\"item_s\": { \"type\": \"exponential\", \"mean\": 0.01 }, \"items_per_s\": 3,"));
        assertTrue(m.startsWith("job.json: $.batch.item_s: ") && m.contains("exactly one kind of work"), m);
        m = error(JOB.replace("\"interval_s\": 120", "\"interval_s\": 0"));
        assertTrue(m.startsWith("job.json: $.batch.checkpoint.interval_s: "), m);
        m = error(JOB.replace("\"deadline_s\": 1200", "\"deadline_z\": 1200"));
        assertTrue(m.startsWith("job.json: $.batch.deadline_z: unknown field"), m);
        m = error(JOB.replace(
                        "\"fallback\": { \"after_interruptions\": 2 }",
                        "\"fallback\": { \"when_deadline_at_risk\": true }")
                .replace(",\n    \"deadline_s\": 1200", ""));
        assertTrue(m.contains("$.batch.fleet.fallback.when_deadline_at_risk") && m.contains("deadline_s"), m);
        m = error(JOB.replace("\"instance_type\": \"g5.xlarge\"", "\"instance_type\": \"g9.nothing\""));
        assertTrue(m.startsWith("job.json: $.batch.fleet.price: the price catalogue has no on_demand price"), m);
    }
}
