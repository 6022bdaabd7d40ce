package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import frontier.sim.InvalidSpecException;

/**
 * How an autoscaler turns what it observed over the last interval into a desired instance count.
 * {@code current} counts instances that are starting or ready (not draining).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AutoscalePolicy.TargetUtilization.class, name = "target_utilization"),
    @JsonSubTypes.Type(value = AutoscalePolicy.TargetRps.class, name = "target_rps"),
    @JsonSubTypes.Type(value = AutoscalePolicy.Hpa.class, name = "hpa"),
    @JsonSubTypes.Type(value = AutoscalePolicy.TargetQueue.class, name = "target_queue"),
})
public sealed interface AutoscalePolicy {
    /**
     * @param current     instances starting or ready
     * @param utilization busy slots / (ready instances × concurrency), averaged over the interval
     * @param rps         arrivals per second over the interval
     * @param queue       requests waiting now
     */
    int desired(int current, double utilization, double rps, int queue, int concurrency);

    /** Enough instances that utilization would be {@code target}: ceil(busy slots / (target × concurrency)). */
    record TargetUtilization(@JsonProperty(required = true) double target) implements AutoscalePolicy {
        public TargetUtilization {
            if (!(target > 0 && target <= 1))
                throw new InvalidSpecException("target", "expected a utilization in (0, 1], got " + target);
        }

        @Override
        public int desired(int current, double utilization, double rps, int queue, int concurrency) {
            double busySlots = utilization * current * concurrency;
            return (int) Math.ceil(
                    busySlots / (target * concurrency) + (queue > 0 ? (double) queue / concurrency : 0) - 1e-9);
        }
    }

    /** Enough instances for {@code per_instance} requests per second each (Knative-style RPS target). */
    record TargetRps(@JsonProperty(required = true) double perInstance) implements AutoscalePolicy {
        public TargetRps {
            InvalidSpecException.positive("per_instance", perInstance);
        }

        @Override
        public int desired(int current, double utilization, double rps, int queue, int concurrency) {
            return (int) Math.ceil(rps / perInstance - 1e-9);
        }
    }

    /**
     * Kubernetes HPA: desired = ceil(current × utilization / target), unchanged while the ratio is
     * within {@code tolerance} (default 0.1) of 1.
     */
    record Hpa(@JsonProperty(required = true) double target, Double tolerance) implements AutoscalePolicy {
        public Hpa {
            if (!(target > 0 && target <= 1))
                throw new InvalidSpecException("target", "expected a utilization in (0, 1], got " + target);
            if (tolerance == null) tolerance = 0.1;
            InvalidSpecException.nonNegative("tolerance", tolerance);
        }

        @Override
        public int desired(int current, double utilization, double rps, int queue, int concurrency) {
            if (current == 0) return queue > 0 || rps > 0 ? 1 : 0;
            double ratio = utilization / target;
            if (Math.abs(ratio - 1) <= tolerance) return current;
            return (int) Math.ceil(current * ratio - 1e-9);
        }
    }

    /** Enough instances that each has {@code per_instance} waiting requests at most. */
    record TargetQueue(@JsonProperty(required = true) double perInstance) implements AutoscalePolicy {
        public TargetQueue {
            InvalidSpecException.positive("per_instance", perInstance);
        }

        @Override
        public int desired(int current, double utilization, double rps, int queue, int concurrency) {
            int busy = (int) Math.ceil(utilization * current - 1e-9);
            return Math.max(busy, (int) Math.ceil(queue / perInstance - 1e-9) + busy);
        }
    }
}
