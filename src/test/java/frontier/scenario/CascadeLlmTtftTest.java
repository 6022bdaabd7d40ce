package frontier.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import frontier.model.Metric;
import frontier.model.RunResult;
import frontier.sim.RunControl;
import org.junit.jupiter.api.Test;

/**
 * The time to first token a user sees in a cascade of two LLM engines: the first token of the stage that answers,
 * counted from the request's arrival. Both engines take 20 ms per iteration whatever the batch (only a_ms), every
 * item has 16 prompt and 10 answer tokens, and requests come rarely (0.5/s): a stage's TTFT is one prefill iteration
 * plus the wait for the iteration under way (20–40 ms), and a first stage lasts that plus 9 decode iterations.
 */
class CascadeLlmTtftTest {
    private static final double A_MS = 20;

    private static RunResult run(double p) {
        String json = """
                {
                  "name": "llm cascade",
                  "traffic": { "type": "poisson", "rate_per_s": 0.5 },
                  "tokens": { "input": { "type": "deterministic", "value": 16 },
                              "output": { "type": "deterministic", "value": 10 } },
                  "pools": [
                    { "type": "always_on", "name": "small", "instances": 1,
                      "model": { "name": "8b", "llm_engine": { "iteration": { "a_ms": 20 }, "kv_cache_tokens": 100000 } } },
                    { "type": "always_on", "name": "full", "instances": 1,
                      "model": { "name": "70b", "llm_engine": { "iteration": { "a_ms": 20 }, "kv_cache_tokens": 100000 } } }
                  ],
                  "cascade": { "first": "small", "second": "full", "probability": %s },
                  "run": { "duration_s": 4000, "warmup_s": 100, "replications": 1, "seed": 5 }
                }
                """.formatted(p);
        Scenario s = ScenarioLoader.parse(json, "cascade.json", null);
        return new ScenarioRunner(1).run(s, RunControl.NONE).replications().getFirst();
    }

    private static double ms(RunResult r, java.util.List<Metric> family, Metric.Stat stat) {
        return r.metric(family.get(stat.ordinal()));
    }

    @Test
    void anEscalatedRequestsTtftIsTheSecondStagesFirstTokenCountedFromArrival() {
        RunResult r = run(1.0);
        // Every request escalates: the user waits for the whole first stage (at least 10 iterations) and the
        // second stage's first token (at least one more), so no TTFT is below 11 iterations.
        double floor = 11 * A_MS;
        assertTrue(ms(r, Metric.TTFT, Metric.Stat.P50) >= floor - 1e-6, "p50 " + ms(r, Metric.TTFT, Metric.Stat.P50));
        assertTrue(r.metric("llm.ttft_ms.mean") >= floor - 1e-6, "every request counts once, from arrival");
        // Per stage: each stage's own first token, 1 to 2 iterations after the request reached it.
        for (var stage : java.util.List.of(Metric.CASCADE_FIRST_STAGE_TTFT, Metric.CASCADE_SECOND_STAGE_TTFT)) {
            double mean = ms(r, stage, Metric.Stat.MEAN);
            assertTrue(
                    mean >= A_MS - 1e-6 && mean <= 2 * A_MS + 1e-6,
                    stage.getFirst().path() + " " + mean);
        }
        // Goodput and TPOT count the answer only: one completion per answered request.
        assertEquals(r.metric("completed"), r.metric("llm.goodput_per_s") * r.metric("observed_s"), 2.0);
    }

    @Test
    void aRequestTheFirstStageAnswersHasTheFirstStagesTtft() {
        RunResult r = run(0.0);
        for (Metric.Stat stat : Metric.Stat.values())
            assertEquals(
                    ms(r, Metric.CASCADE_FIRST_STAGE_TTFT, stat),
                    ms(r, Metric.TTFT, stat),
                    1e-9,
                    "with nothing escalated the user's TTFT is the first stage's: " + stat);
        assertEquals(0, r.metric("cascade.escalated"));
    }
}
