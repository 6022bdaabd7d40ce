package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import frontier.domain.PoolKind;
import frontier.sim.dist.Distribution;

/**
 * A serving pool as described in a scenario file: always-on, autoscaled, serverless or spot. The
 * fields every kind shares are accessors here; each record adds its own. One runtime ({@link Pool})
 * simulates them all, driven by what the spec enables. The JSON type names are the {@link PoolKind} codes.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AlwaysOnPool.class, name = "always_on"),
    @JsonSubTypes.Type(value = AutoscaledPool.class, name = "autoscaled"),
    @JsonSubTypes.Type(value = ServerlessPool.class, name = "serverless"),
    @JsonSubTypes.Type(value = SpotPool.class, name = "spot"),
})
public sealed interface Pools permits AlwaysOnPool, AutoscaledPool, ServerlessPool, SpotPool {
    String name();

    /** Requests one instance serves at the same time (slots). */
    Integer concurrency();

    /** What the pool serves: its service time (a distribution or token-driven), name and accuracy label. */
    ModelProfile model();

    /** Maximum waiting requests; null = unbounded. Serverless pools do not queue. */
    Integer queueCapacity();

    /** Longest wait in the queue before a request gives up; null = none. */
    Double timeoutS();

    Batching batching();

    /** Where requests go when this pool cannot start them at once and its queue is at {@link #overflowQueue()}. */
    String overflowTo();

    Integer overflowQueue();

    /** Hourly price of one instance (instance-billed pools), resolved before the run. */
    Price price();

    /**
     * The same pool with another model and hourly price of one instance; every other field is kept. A serverless
     * pool, billed per use, keeps its billing but makes it again from the new model (its GPUs per instance then
     * default to the model's tensor parallelism).
     */
    Pools with(ModelProfile model, Price price);

    /** The same pool with another model (see {@link #with}). */
    default Pools withModel(ModelProfile model) {
        return with(model, price());
    }

    /** The same pool with another hourly price of one instance (a serverless pool, billed per use, is returned as it is). */
    default Pools withPrice(Price price) {
        return with(model(), price);
    }

    /** Which kind of pool this is (its JSON {@code type}). */
    default PoolKind kind() {
        return switch (this) {
            case AlwaysOnPool _ -> PoolKind.ALWAYS_ON;
            case AutoscaledPool _ -> PoolKind.AUTOSCALED;
            case ServerlessPool _ -> PoolKind.SERVERLESS;
            case SpotPool _ -> PoolKind.SPOT;
        };
    }

    /** The service-time distribution; null when the service time is token-driven ({@link ModelProfile#tokenTime()}). */
    default Distribution service() {
        return model().service();
    }
}
