package frontier.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;

/**
 * A response cache in front of the pools: hits are answered after {@code latency_ms} and use no pool.
 * Either a fixed {@code hit_ratio}, or an LRU of {@code lru_capacity} entries over request keys: drawn
 * from a Zipf distribution over {@code keys} distinct keys with exponent {@code zipf_s}, or, with
 * {@code keys} left out, the keys a replayed trace carries ({@code traffic.key_column}).
 */
public record CacheSpec(
        Double hitRatio,
        Integer lruCapacity,
        Integer keys,
        Double zipfS,
        @JsonProperty(required = true) double latencyMs) {
    public CacheSpec {
        if ((hitRatio == null) == (lruCapacity == null))
            throw new InvalidSpecException("hit_ratio", "give either 'hit_ratio' or 'lru_capacity'");
        if (hitRatio != null && !(hitRatio >= 0 && hitRatio < 1))
            throw new InvalidSpecException("hit_ratio", "expected a ratio in [0, 1), got " + hitRatio);
        if (lruCapacity != null) {
            if (lruCapacity < 1)
                throw new InvalidSpecException("lru_capacity", "expected an integer >= 1, got " + lruCapacity);
            if (keys != null && keys < 1)
                throw new InvalidSpecException(
                        "keys", "expected the number of distinct request keys (>= 1), got " + keys);
            if (keys == null && zipfS != null)
                throw new InvalidSpecException("zipf_s", "belongs to Zipf keys ('keys')");
            if (keys != null && zipfS == null) zipfS = 1.0;
            if (zipfS != null) InvalidSpecException.nonNegative("zipf_s", zipfS);
        } else if (keys != null || zipfS != null) {
            throw new InvalidSpecException("keys", "'keys' and 'zipf_s' belong to an LRU cache ('lru_capacity')");
        }
        InvalidSpecException.nonNegative("latency_ms", latencyMs);
    }
}
