package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;

/** N instances running for the whole run, billed every second whether busy or idle. */
public record AlwaysOnPool(
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) int instances,
        Integer concurrency,
        @JsonProperty(required = true) ModelProfile model,
        Integer queueCapacity,
        Double timeoutS,
        Batching batching,
        String overflowTo,
        Integer overflowQueue,
        Price price)
        implements Pools {
    public AlwaysOnPool {
        Checks.name(name);
        if (instances < 1) throw new InvalidSpecException("instances", "expected an integer >= 1, got " + instances);
        concurrency = Checks.served(model, concurrency, batching, queueCapacity, timeoutS);
        overflowQueue = Checks.overflowQueue(overflowQueue);
        if (price == null) price = Price.perHour(0);
    }

    @Override
    public AlwaysOnPool with(ModelProfile m, Price p) {
        return new AlwaysOnPool(
                name, instances, concurrency, m, queueCapacity, timeoutS, batching, overflowTo, overflowQueue, p);
    }
}
