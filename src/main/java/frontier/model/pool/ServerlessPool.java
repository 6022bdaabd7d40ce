package frontier.model.pool;

import com.fasterxml.jackson.annotation.JsonProperty;
import frontier.sim.InvalidSpecException;
import frontier.sim.dist.Distribution;

/**
 * Function-as-a-service: an arrival that finds no free slot starts a new instance (up to
 * {@code max_concurrency} instances; beyond, it is rejected as the platform throttles) and waits for its
 * cold start; either a start-up delay ({@code cold_start}) before the normal service, or a separate
 * {@code cold_service} time replacing it. An instance idle for {@code keep_alive_s} expires (scale to
 * zero). {@code idle_policy} picks which idle instance takes a request: {@code newest_first} (the instance freed most recently, as AWS
 * Lambda is observed to do), {@code newest_created} (the one launched most recently, SimFaaS's rule), {@code oldest_first}
 * or {@code random} (see {@link IdlePolicy}). {@code provisioned} instances are
 * always warm and never expire. {@code max_lifetime} (optional) retires an on-demand instance that long after
 * its launch even if it is in use (AWS Lambda recycles execution environments after a few hours): it
 * takes no new request, finishes the one it runs, and stops, so the next request may start a new one.
 */
public record ServerlessPool(
        @JsonProperty(required = true) String name,
        Integer concurrency,
        @JsonProperty(required = true) ModelProfile model,
        Distribution coldStart,
        Distribution coldService,
        @JsonProperty(required = true) double keepAliveS,
        Distribution maxLifetime,
        Integer maxConcurrency,
        Integer provisioned,
        IdlePolicy idlePolicy,
        ServerlessBilling billing,
        String overflowTo,
        Integer overflowQueue)
        implements Pools {
    public ServerlessPool {
        Checks.name(name);
        InvalidSpecException.required("model", model);
        Checks.engine(model, concurrency, null);
        concurrency = Checks.concurrency(concurrency);
        if ((coldStart == null) == (coldService == null))
            throw new InvalidSpecException(
                    "cold_start",
                    "give exactly one of 'cold_start' (a start-up delay before service) or 'cold_service' (the service time of a cold request)");
        if (model.llmEngine() != null && coldService != null)
            throw new InvalidSpecException(
                    "cold_service",
                    "does not apply to model.llm_engine, whose times come from its iterations; give 'cold_start' (the start-up delay)");
        InvalidSpecException.nonNegative("keep_alive_s", keepAliveS);
        if (maxConcurrency == null) maxConcurrency = 1000;
        if (maxConcurrency < 1)
            throw new InvalidSpecException("max_concurrency", "expected an integer >= 1, got " + maxConcurrency);
        if (provisioned == null) provisioned = 0;
        if (provisioned < 0 || provisioned > maxConcurrency)
            throw new InvalidSpecException(
                    "provisioned", "expected an integer from 0 to max_concurrency, got " + provisioned);
        if (idlePolicy == null) idlePolicy = IdlePolicy.NEWEST_FIRST;
        if (billing == null) billing = ServerlessBilling.none();
        // An LLM engine instance is tensor_parallel GPUs; billed as such unless the billing says how many.
        if (model.llmEngine() != null && model.llmEngine().iteration() != null && billing.gpus() == 0) {
            billing = billing.withGpus(model.llmEngine().tensorParallel());
        }
        if (overflowQueue != null && overflowQueue != 0) // 0 is what a loaded pool holds: it writes back
        throw new InvalidSpecException(
                    "overflow_queue", "a serverless pool has no queue: it overflows when it reaches max_concurrency");
        overflowQueue = 0;
    }

    @Override
    public Integer queueCapacity() {
        return 0;
    }

    @Override
    public Double timeoutS() {
        return null;
    }

    @Override
    public Batching batching() {
        return null;
    }

    @Override
    public Price price() {
        return Price.perHour(0);
    }

    /** The same pool with another model; its billing's GPUs per instance then default to the model's tensor parallelism. */
    @Override
    public ServerlessPool withModel(ModelProfile m) {
        return new ServerlessPool(
                name,
                concurrency,
                m,
                coldStart,
                coldService,
                keepAliveS,
                maxLifetime,
                maxConcurrency,
                provisioned,
                idlePolicy,
                billing,
                overflowTo,
                null);
    }

    /** Billed per use, not per instance-hour: the pool as it is. */
    @Override
    public ServerlessPool withPrice(Price p) {
        return this;
    }

    /** The pool with another model; the price is not used (billed per use). */
    @Override
    public ServerlessPool with(ModelProfile m, Price p) {
        return withModel(m);
    }

    /** The same pool with another billing (e.g. the catalogue's rates filled in). */
    public ServerlessPool withBilling(ServerlessBilling b) {
        return new ServerlessPool(
                name,
                concurrency,
                model,
                coldStart,
                coldService,
                keepAliveS,
                maxLifetime,
                maxConcurrency,
                provisioned,
                idlePolicy,
                b,
                overflowTo,
                null);
    }
}
