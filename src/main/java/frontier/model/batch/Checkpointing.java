package frontier.model.batch;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;

/**
 * How a batch job saves its progress: after every {@code interval_s} seconds of work an instance writes a
 * checkpoint, which takes {@code duration_s} (the instance does no work meanwhile); work done since the last
 * completed checkpoint is lost when the instance is interrupted. The last checkpoint of a shard writes its final
 * results, so a shard is done when its last checkpoint completes.
 */
public record Checkpointing(
        @JsonProperty(required = true) double intervalS,
        @JsonProperty(required = true) double durationS) {
    public Checkpointing {
        InvalidSpecException.positive("interval_s", intervalS);
        InvalidSpecException.nonNegative("duration_s", durationS);
    }
}
