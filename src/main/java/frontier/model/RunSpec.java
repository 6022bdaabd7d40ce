package frontier.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import frontier.sim.InvalidSpecException;

/**
 * How long to run and what to observe. For a serving fleet exactly one stop rule: {@code duration_s} (simulated
 * seconds) or {@code requests} (finished requests counted after the warm-up); a batch job has none (it runs until
 * it is done). At most one warm-up rule:
 * {@code warmup_s} or {@code warmup_requests} (finished requests discarded); statistics are reset when
 * the warm-up ends, and the stop time counts from the start of the run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSpec(
        Double durationS, Long requests, Double warmupS, Long warmupRequests, Integer replications, Long seed) {
    /** The rule of a serving fleet's run. */
    public static final String STOP_RULE = "give exactly one stop rule: 'duration_s' (simulated seconds) or 'requests'";

    public RunSpec {
        // Neither is a run without a stop rule (a batch job runs until it is done); a serving fleet refuses it
        // (FleetSpec).
        if (durationS != null && requests != null) throw new InvalidSpecException("duration_s", STOP_RULE);
        if (durationS != null) InvalidSpecException.positive("duration_s", durationS);
        if (requests != null && requests < 1)
            throw new InvalidSpecException("requests", "expected an integer >= 1, got " + requests);
        if (warmupS != null && warmupRequests != null) {
            throw new InvalidSpecException("warmup_s", "give at most one of 'warmup_s' and 'warmup_requests'");
        }
        if (warmupS != null) {
            InvalidSpecException.nonNegative("warmup_s", warmupS);
            if (durationS != null && warmupS >= durationS) {
                throw new InvalidSpecException(
                        "warmup_s", "must be shorter than duration_s (" + durationS + "), got " + warmupS);
            }
        }
        if (warmupRequests != null && warmupRequests < 0)
            throw new InvalidSpecException("warmup_requests", "expected an integer >= 0, got " + warmupRequests);
        if (replications == null) replications = 1;
        if (replications < 1 || replications > 10_000)
            throw new InvalidSpecException("replications", "expected an integer from 1 to 10000, got " + replications);
        if (seed == null) seed = 1L;
    }

    public RunSpec withSeed(long s) {
        return new RunSpec(durationS, requests, warmupS, warmupRequests, replications, s);
    }

    public RunSpec withReplications(int n) {
        return new RunSpec(durationS, requests, warmupS, warmupRequests, n, seed);
    }
}
