package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * Between {@code min_instances} and {@code max_instances} instances; every {@code interval_s} the policy
 * proposes a count. Scale-out follows the lowest proposal of the last {@code scale_out_delay_s}, scale-in
 * the highest of the last {@code scale_in_delay_s} (Kubernetes' stabilization windows). A new instance
 * is billed from launch and serves after its {@code cold_start}. {@code keep_warm} instances are never
 * scaled in; with {@code scale_to_zero_after_s} the pool goes to zero after that long without arrivals
 * (if {@code keep_warm} is 0), and the next arrival launches an instance and waits for it.
 */
public record AutoscaledPool(
        @JsonProperty(required = true) String name,
        Integer concurrency,
        @JsonProperty(required = true) ModelProfile model,
        Integer queueCapacity,
        Double timeoutS,
        Batching batching,
        String overflowTo,
        Integer overflowQueue,
        Price price,
        Integer minInstances,
        @JsonProperty(required = true) int maxInstances,
        Integer initialInstances,
        @JsonProperty(required = true) AutoscalePolicy policy,
        Double intervalS,
        Double scaleOutDelayS,
        Double scaleInDelayS,
        @JsonProperty(required = true) Distribution coldStart,
        Integer keepWarm,
        Double scaleToZeroAfterS)
        implements Pools {
    public AutoscaledPool {
        Checks.name(name);
        concurrency = Checks.served(model, concurrency, batching, queueCapacity, timeoutS);
        overflowQueue = Checks.overflowQueue(overflowQueue);
        if (price == null) price = Price.perHour(0);
        if (minInstances == null) minInstances = 0;
        if (minInstances < 0)
            throw new InvalidSpecException("min_instances", "expected an integer >= 0, got " + minInstances);
        if (maxInstances < Math.max(1, minInstances))
            throw new InvalidSpecException(
                    "max_instances", "expected an integer >= max(1, min_instances), got " + maxInstances);
        if (keepWarm == null) keepWarm = 0;
        if (keepWarm < 0 || keepWarm > maxInstances)
            throw new InvalidSpecException("keep_warm", "expected an integer from 0 to max_instances, got " + keepWarm);
        if (initialInstances == null) initialInstances = Math.max(minInstances, keepWarm);
        if (initialInstances < minInstances || initialInstances > maxInstances)
            throw new InvalidSpecException(
                    "initial_instances",
                    "expected a count between min_instances and max_instances, got " + initialInstances);
        InvalidSpecException.required("policy", policy);
        if (intervalS == null) intervalS = 15.0;
        InvalidSpecException.positive("interval_s", intervalS);
        if (scaleOutDelayS == null) scaleOutDelayS = 0.0;
        InvalidSpecException.nonNegative("scale_out_delay_s", scaleOutDelayS);
        if (scaleInDelayS == null) scaleInDelayS = 300.0;
        InvalidSpecException.nonNegative("scale_in_delay_s", scaleInDelayS);
        InvalidSpecException.required("cold_start", coldStart);
        if (scaleToZeroAfterS != null) {
            InvalidSpecException.positive("scale_to_zero_after_s", scaleToZeroAfterS);
            if (minInstances > 0 || keepWarm > 0)
                throw new InvalidSpecException("scale_to_zero_after_s", "needs min_instances and keep_warm at 0");
        }
    }

    /** The floor the autoscaler never goes below while the pool is active. */
    public int floor() {
        return Math.max(minInstances, keepWarm);
    }

    @Override
    public AutoscaledPool with(ModelProfile m, Price p) {
        return new AutoscaledPool(
                name,
                concurrency,
                m,
                queueCapacity,
                timeoutS,
                batching,
                overflowTo,
                overflowQueue,
                p,
                minInstances,
                maxInstances,
                initialInstances,
                policy,
                intervalS,
                scaleOutDelayS,
                scaleInDelayS,
                coldStart,
                keepWarm,
                scaleToZeroAfterS);
    }
}
