package frontier.model.pool;

import frontier.sim.InvalidSpecException;
import java.util.List;

/**
 * Dynamic batching: a free slot takes up to {@code max_batch} waiting requests; with fewer waiting it
 * holds the batch open until the oldest has waited {@code max_wait_s}. A batch of n takes
 * {@code base_s + per_item_s × n} seconds, or {@code table_s[n−1]} when a table is given (measured
 * times per batch size), scaled by a lognormal factor of mean 1 and {@code cv} when cv > 0.
 */
public record Batching(
        @com.fasterxml.jackson.annotation.JsonProperty(required = true)
        int maxBatch,

        Double maxWaitS,
        Double baseS,
        Double perItemS,
        List<Double> tableS,
        Double cv) {
    public Batching {
        if (maxBatch < 1) throw new InvalidSpecException("max_batch", "expected an integer >= 1, got " + maxBatch);
        if (maxWaitS == null) maxWaitS = 0.0;
        InvalidSpecException.nonNegative("max_wait_s", maxWaitS);
        if (tableS != null) {
            if (baseS != null || perItemS != null)
                throw new InvalidSpecException("table_s", "give either 'table_s' or 'base_s' and 'per_item_s'");
            if (tableS.size() != maxBatch)
                throw new InvalidSpecException(
                        "table_s",
                        "expected " + maxBatch + " times (one per batch size 1.." + maxBatch + "), got "
                                + tableS.size());
            for (int i = 0; i < tableS.size(); i++) {
                Double v = tableS.get(i);
                if (v == null || !(v > 0) || v.isInfinite())
                    throw new InvalidSpecException("table_s[" + i + "]", "expected a time in seconds > 0, got " + v);
            }
            tableS = List.copyOf(tableS);
        } else {
            InvalidSpecException.positive("base_s", InvalidSpecException.required("base_s", baseS));
            InvalidSpecException.nonNegative("per_item_s", InvalidSpecException.required("per_item_s", perItemS));
        }
        if (cv == null) cv = 0.0;
        InvalidSpecException.nonNegative("cv", cv);
        if (cv != 0 && (cv < 1e-12 || cv > 1000)) {
            throw new InvalidSpecException("cv", "expected 0 (none) or a cv from 1e-12 to 1000, got " + cv);
        }
    }

    /** Mean service time of a batch of n requests. */
    public double meanTime(int n) {
        return tableS != null ? tableS.get(n - 1) : baseS + perItemS * n;
    }

    /** The most requests per second one slot can serve: max_batch over the time of a full batch. */
    public double maxThroughputPerSlot() {
        return maxBatch / meanTime(maxBatch);
    }
}
