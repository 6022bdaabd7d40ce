package frontier.cli;

import frontier.model.llm.IterationProfile;
import frontier.model.llm.LlmProfiles;
import frontier.sim.BadInputException;
import picocli.CommandLine.Option;

/** The options {@code bench llm} and {@code bench llm-pool} share (a picocli mixin): the profile, the load and the seed. */
final class LlmBenchOptions {
    @Option(
            names = "--profile",
            defaultValue = "h100-80gb-llama2-70b-tp4",
            description = "Shipped profile (default ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--hours", defaultValue = "1", description = "Simulated hours (default ${DEFAULT-VALUE}).")
    double hours;

    @Option(
            names = "--rate",
            defaultValue = "20",
            description = "Requests per second offered, above capacity (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    /** Checks the load. */
    void check() {
        if (!(hours > 0) || !(rate > 0)) throw new BadInputException("--hours and --rate: expected > 0");
    }

    /** The shipped profile named by {@code --profile}. */
    IterationProfile shippedProfile() {
        IterationProfile p = LlmProfiles.bundled().get(profile);
        if (p == null)
            throw new BadInputException("--profile: no shipped profile '" + profile + "'; known: "
                    + LlmProfiles.bundled().keySet());
        return p;
    }
}
