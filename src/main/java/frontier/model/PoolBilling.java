package frontier.model;

import frontier.model.pool.ServerlessBilling;
import frontier.model.pool.ServerlessPool;

/**
 * What a pool's time and requests cost (in the spirit of CloudSim Plus's {@code VmCost}): instance
 * pools pay every instance-second whatever its state; serverless platforms bill requests and their
 * duration, and idle, start-up and provisioned time as the platform does.
 */
sealed interface PoolBilling {
    /** Cost of the observation window up to {@code now}. */
    PoolCost cost(Pool pool, double now);

    /** Starts a new observation window. */
    default void reset() {}

    /** Every instance-second (starting, ready, draining) at the pool's hourly price. */
    record InstanceSeconds(double usdPerSecond) implements PoolBilling {
        @Override
        public PoolCost cost(Pool pool, double now) {
            double startS = pool.starting.integral(now);
            double busyS = pool.busy.integral(now);
            double idleS = pool.ready.integral(now) - busyS;
            double drainS = pool.draining.integral(now);
            double r = usdPerSecond;
            return new PoolCost(busyS * r, idleS * r, startS * r, drainS * r, 0);
        }
    }

    /**
     * Serverless: a charge per request and per billed second of its duration, plus what the platform bills of
     * the rest. An LLM engine's instance serves many requests in one batch, so it is billed, like an instance
     * with concurrency, for the seconds it holds any request (plus the per-request charge).
     */
    final class Serverless implements PoolBilling {
        private final ServerlessBilling billing;
        private final int provisioned;
        /** Billed by busy instance time rather than per request (an LLM engine serves many requests at once). */
        private final boolean instanceTime;

        private double requestUsd;

        Serverless(ServerlessPool spec) {
            this.billing = spec.billing();
            this.instanceTime = spec.model().llmEngine() != null;
            if (!billing.resolved())
                throw new IllegalStateException("serverless rates of platform " + billing.platform() + " not resolved");
            this.provisioned = spec.provisioned();
        }

        /** Bills a completed request for its service duration. */
        void completed(Request r, double now) {
            requestUsd += billing.usdPerRequest()
                    + (instanceTime ? 0 : billing.billed(now - r.serviceStart) * billing.usdPerSecond());
        }

        @Override
        public PoolCost cost(Pool pool, double now) {
            double startS = pool.starting.integral(now);
            double busyS = pool.busy.integral(now);
            double idleS = pool.ready.integral(now) - busyS;
            double perS = billing.usdPerSecond();
            double startup = billing.billStartup() ? startS * perS : 0;
            double idleUsd = billing.billIdle() ? idleS * perS : 0;
            double provisionedUsd = 0;
            if (billing.provisionedUsdPerGbSecond() > 0) {
                // Provisioned concurrency is paid for its whole time, busy or not.
                provisionedUsd = provisioned
                        * (now - pool.ready.start())
                        * billing.provisionedUsdPerGbSecond()
                        * billing.memoryGb();
            }
            return new PoolCost(instanceTime ? busyS * perS : 0, idleUsd + provisionedUsd, startup, 0, requestUsd);
        }

        @Override
        public void reset() {
            requestUsd = 0;
        }
    }
}
