package frontier.cli;

import frontier.model.llm.EngineConfig;
import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmResult;
import frontier.model.llm.LlmServing;
import frontier.model.llm.LlmWorkload;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code frontier bench llm}: one saturated LLM instance (Poisson arrivals well above what it serves)
 * simulated for the given hours; prints iterations per wall-second and simulated hours per wall-second.
 */
@Command(
        name = "llm",
        mixinStandardHelpOptions = true,
        description = "A saturated iteration-level LLM instance: iterations/s and simulated hours per wall-second.")
final class BenchLlm implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    LlmBenchOptions load;

    @Option(
            names = "--input-tokens",
            defaultValue = "1024",
            description = "Prompt tokens per request (default ${DEFAULT-VALUE}).")
    int input;

    @Option(
            names = "--output-tokens",
            defaultValue = "256",
            description = "Output tokens per request (default ${DEFAULT-VALUE}).")
    int output;

    @Option(
            names = "--kv-cache-tokens",
            defaultValue = "300000",
            description = "KV cache tokens (default ${DEFAULT-VALUE}).")
    long kv;

    @Override
    public Integer call() {
        load.check();
        Numbers.atLeast("--input-tokens", input, 1);
        Numbers.atLeast("--output-tokens", output, 1);
        IterationProfile p = load.shippedProfile();
        EngineConfig config = EngineConfig.of(256, 8192, kv);
        int requests = (int) Math.min(Integer.MAX_VALUE - 1, Math.ceil(load.rate * load.hours * 3600));
        LlmWorkload w = LlmWorkload.poisson(load.rate, requests, new int[] {input}, new int[] {output});
        LlmServing serving = new LlmServing(config, p.withNoise(0.05), 1, LlmServing.Routing.ROUND_ROBIN);
        LlmServing.Options o =
                new LlmServing.Options(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, false, load.seed);
        // An untimed run first so the timed one measures the model rather than the JIT compiling it.
        serving.run(
                LlmWorkload.poisson(load.rate, Math.max(1, requests / 10), new int[] {input}, new int[] {output}),
                new LlmServing.Options(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, false, load.seed + 1));
        LlmResult r = serving.run(w, o);
        double simHours = r.durationS() / 3600;
        spec.commandLine()
                .getOut()
                .println(String.format(
                        Locale.ROOT,
                        "RESULT profile=%s requests=%d completed=%d iterations=%d sim_hours=%.3f wall_s=%.3f iterations_per_s=%.0f sim_hours_per_wall_s=%.1f"
                                + " mean_batch=%.1f output_tokens_per_s=%.0f preemptions=%d",
                        p.name(),
                        requests,
                        r.completed(),
                        r.iterations(),
                        simHours,
                        r.wallSeconds(),
                        r.iterations() / r.wallSeconds(),
                        simHours / r.wallSeconds(),
                        r.meanBatchSeqs(),
                        r.outputTokensPerS(),
                        r.preemptions()));
        return FrontierCli.OK;
    }
}
