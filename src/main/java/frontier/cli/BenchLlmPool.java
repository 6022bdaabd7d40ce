package frontier.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import frontier.model.Metric;
import frontier.model.RunResult;
import frontier.model.ServingModel;
import frontier.model.llm.IterationProfile;
import frontier.scenario.Scenario;
import frontier.scenario.ScenarioLoader;
import frontier.sim.RandomStreams;
import frontier.sim.RunControl;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code frontier bench llm-pool}: one saturated LLM instance simulated through the full serving model (a
 * pool whose model is {@code llm_engine}: one event per iteration), beside the same traffic on the slot
 * model ({@code token_time}, 256 slots: one event per request); prints events, iterations per wall-second
 * and simulated hours per wall-second of each.
 */
@Command(
        name = "llm-pool",
        mixinStandardHelpOptions = true,
        description =
                "A saturated llm_engine pool through the serving model, beside the slot model (token_time): iterations/s and simulated hours per wall-second.")
final class BenchLlmPool implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LlmBenchOptions load;

    @Override
    public Integer call() {
        load.check();
        IterationProfile p = load.shippedProfile();
        ObjectNode engine = Json.MAPPER.createObjectNode();
        engine.putObject("llm_engine").put("profile", p.name()).put("kv_cache_tokens", 300000);
        // The slot model at one sequence's speed: prefill at 1/b tokens/s, decode at 1/(a + c) tokens/s.
        ObjectNode slots = Json.MAPPER.createObjectNode();
        ObjectNode tt = slots.putObject("token_time");
        tt.putObject("overhead").put("type", "deterministic").put("value", 0.0);
        tt.put("prefill_tokens_per_s", 1 / Math.max(p.b(), 1e-6)).put("decode_tokens_per_s", 1 / (p.a() + p.c()));
        for (int round = 0; round < 2; round++) {
            // Round 0 warms the JIT up on a tenth of the run; round 1 is measured.
            double h = round == 0 ? load.hours / 10 : load.hours;
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            RunResult llm = run(engine, null, h);
            long c1 = threads.getCurrentThreadCpuTime();
            RunResult slot = run(slots, 256, h);
            long c2 = threads.getCurrentThreadCpuTime();
            double llmCpu = (c1 - c0) / 1e9;
            double slotCpu = (c2 - c1) / 1e9;
            if (round == 0) continue;
            double iterations = llm.metric(Metric.LLM_ITERATIONS);
            spec.commandLine()
                    .getOut()
                    .println(String.format(
                            Locale.ROOT,
                            "RESULT model=llm_engine profile=%s sim_hours=%.3f wall_s=%.3f events=%d iterations=%.0f iterations_per_s=%.0f"
                                    + " sim_hours_per_wall_s=%.1f cpu_s=%.3f iterations_per_cpu_s=%.0f completed=%.0f mean_batch=%.1f",
                            p.name(),
                            h,
                            llm.wallSeconds(),
                            llm.events(),
                            iterations,
                            iterations / llm.wallSeconds(),
                            h / llm.wallSeconds(),
                            llmCpu,
                            iterations / llmCpu,
                            llm.metric(Metric.COMPLETED),
                            llm.metric(Metric.LLM_BATCH_MEAN)));
            spec.commandLine()
                    .getOut()
                    .println(String.format(
                            Locale.ROOT,
                            "RESULT model=token_time_slots concurrency=256 sim_hours=%.3f wall_s=%.3f events=%d events_per_s=%.0f sim_hours_per_wall_s=%.1f cpu_s=%.3f completed=%.0f",
                            h,
                            slot.wallSeconds(),
                            slot.events(),
                            slot.events() / slot.wallSeconds(),
                            h / slot.wallSeconds(),
                            slotCpu,
                            slot.metric(Metric.COMPLETED)));
        }
        return FrontierCli.OK;
    }

    private RunResult run(ObjectNode model, Integer concurrency, double h) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.putObject("traffic").put("type", "poisson").put("rate_per_s", load.rate);
        ObjectNode tokens = root.putObject("tokens");
        tokens.putObject("input").put("type", "deterministic").put("value", 1024);
        tokens.putObject("output").put("type", "deterministic").put("value", 256);
        ObjectNode pool = root.putArray("pools")
                .addObject()
                .put("type", "always_on")
                .put("name", "llm")
                .put("instances", 1);
        if (concurrency != null) pool.put("concurrency", concurrency);
        pool.set("model", model.deepCopy().put("name", load.profile));
        root.putObject("run").put("duration_s", h * 3600).put("replications", 1).put("seed", load.seed);
        Scenario s = ScenarioLoader.parse(root.toString(), "bench");
        return ServingModel.run(s.fleet(), s.baseDir(), new RandomStreams(load.seed, 0), RunControl.NONE);
    }
}
