package frontier.model.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import frontier.sim.InvalidSpecException;

/**
 * When a spot instance of a batch job is replaced by an on-demand one (as SkyPilot's managed jobs do with a
 * fallback resource): after {@code after_interruptions} interruptions of the same shard's spot instances, or,
 * with {@code when_deadline_at_risk}, when a spot replacement would not finish the shard by the deadline even
 * without another interruption. Once on demand, a shard stays on demand.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Fallback(Integer afterInterruptions, Boolean whenDeadlineAtRisk) {
    public Fallback {
        if (afterInterruptions == null && whenDeadlineAtRisk == null) {
            throw new InvalidSpecException(
                    "after_interruptions", "give 'after_interruptions', 'when_deadline_at_risk' or both");
        }
        if (afterInterruptions != null && afterInterruptions < 1) {
            throw new InvalidSpecException(
                    "after_interruptions", "expected an integer >= 1, got " + afterInterruptions);
        }
        if (whenDeadlineAtRisk == null) whenDeadlineAtRisk = false;
    }
}
